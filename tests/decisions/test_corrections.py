"""Đính chính and hủy of recorded decisions: every dossier follows, the audit keeps the reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlmodel import col, select

from desktop.context import AppContext
from desktop.decisions import ops
from desktop.decisions.corrections import ISSUED_NUMBER, Correction
from desktop.decisions.errors import DecisionError
from desktop.decisions.received import ReceivedDecision
from desktop.decisions.recording import record_on_dossiers
from desktop.models import (
    AuditEntry,
    Authority,
    AwardDecision,
    CertificateEntry,
    Dossier,
    DossierEvent,
    DossierStatus,
    IssuedDocument,
)
from desktop.models.ids import DecisionId
from desktop.storage import Database
from tests.decisions.received_chain import (
    campaign_id,
    complete_dossier,
    person_ids,
    proposed,
    sent_up,
)

S = DossierStatus
SIGNED = date(2026, 11, 20)


@dataclass(frozen=True)
class Recorded:
    decision: DecisionId
    dossiers: tuple[int, int]


@pytest.fixture
def city(ctx: AppContext, demo_db: Database) -> Recorded:
    """Decision 2345 of the city's Chairman, received and recorded on two Bằng khen."""
    with demo_db.session() as s:
        person = person_ids(s, 1)[0]
        ids = (
            sent_up(s, complete_dossier(s, "BKCTTP", unit_code="TDP01")),
            sent_up(s, complete_dossier(s, "BKCTTP", person_id=person)),
        )
        campaign = campaign_id(s)
    received = ReceivedDecision(
        campaign, "2345/QĐ-UBND", SIGNED, list(ids), bonuses={ids[0]: 1_000_000, ids[1]: 500_000}
    )
    return Recorded(ctx.door.run(ops.record(ctx.folder.attachments, received)), ids)


@pytest.fixture
def ward(demo_db: Database) -> Recorded:
    """The Chairman's decision 125/QĐ-UBND issued here (in the register of documents) on two
    Giấy khen, with their certificates numbered."""
    with demo_db.session() as s:
        ids = (
            proposed(s, complete_dossier(s, "GKCTP", unit_code="TDP05")),
            proposed(s, complete_dossier(s, "GKCTP", unit_code="TDP06")),
        )
        document = IssuedDocument(
            kind="decision",
            type_code="QĐ",
            year=2026,
            number=125,
            symbol="125/QĐ-UBND",
            title="Quyết định về việc khen thưởng",
            issued_on=SIGNED,
        )
        s.add(document)
        s.flush()
        decision = AwardDecision(
            campaign_id=campaign_id(s),
            authority=Authority.WARD,
            number="125/QĐ-UBND",
            signed_on=SIGNED,
            issuer="Chủ tịch Ủy ban nhân dân phường",
            document_id=document.id,
            base_salary=2_340_000,
        )
        s.add(decision)
        s.flush()
        record_on_dossiers(s, decision, ids, {ids[0]: 702_000, ids[1]: 702_000})
        for number, dossier_id in enumerate(ids, start=1):
            s.add(
                CertificateEntry(
                    decision_id=decision.id,
                    dossier_id=dossier_id,
                    year=2026,
                    number=number,
                    printed_on=SIGNED,
                )
            )
        return Recorded(DecisionId(decision.id), ids)


def dossiers(db: Database, ids: tuple[int, ...]) -> list[Dossier]:
    with db.session() as s:
        return [s.get(Dossier, i) for i in ids]


def last_event(db: Database, dossier_id: int) -> DossierEvent:
    with db.session() as s:
        return s.exec(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier_id)
            .order_by(col(DossierEvent.id).desc())
        ).first()


def test_a_correction_changes_the_decision_and_every_dossier_with_the_reason_audited(
    ctx: AppContext, city: Recorded
) -> None:
    ctx.door.run(
        ops.correct(
            city.decision,
            Correction(number="2354/QĐ-UBND", signed_on=date(2026, 11, 21)),
            "Gõ nhầm số khi ghi nhận",
        )
    )
    decision = ctx.door.read(ops.decision(city.decision))
    assert (decision.number, decision.signed_on) == ("2354/QĐ-UBND", date(2026, 11, 21))
    for dossier in dossiers(ctx.db, city.dossiers):
        assert dossier.status is S.AWARDED
        assert (dossier.decision_number, dossier.decision_date) == (
            "2354/QĐ-UBND",
            date(2026, 11, 21),
        )
        event = last_event(ctx.db, dossier.id)
        assert (event.from_status, event.to_status, event.round) == (S.AWARDED, S.AWARDED, 1)
        assert event.note == (
            "Đính chính quyết định: số 2345/QĐ-UBND → 2354/QĐ-UBND; "
            "ngày 20/11/2026 → 21/11/2026, lý do: Gõ nhầm số khi ghi nhận"
        )
    with ctx.db.session() as s:
        audited = s.exec(
            select(AuditEntry).where(
                AuditEntry.field.in_(("number", "decision_number")),  # type: ignore[attr-defined]
                AuditEntry.new_value == "2354/QĐ-UBND",
            )
        ).all()
    assert sorted((a.table_name, a.record_id) for a in audited) == sorted(
        [("awarddecision", city.decision), *(("dossier", i) for i in city.dossiers)]
    )
    assert all(a.old_value == "2345/QĐ-UBND" for a in audited)
    assert all(
        a.reason == "Đính chính quyết định khen thưởng số 2345/QĐ-UBND: Gõ nhầm số khi ghi nhận"
        for a in audited
    )


def test_a_correction_of_the_issuer_alone_names_the_number_it_corrects(
    ctx: AppContext, city: Recorded
) -> None:
    ctx.door.run(
        ops.correct(
            city.decision, Correction(issuer="Ủy ban nhân dân thành phố"), "Ghi nhầm cơ quan"
        )
    )
    assert [d.decision_issuer for d in dossiers(ctx.db, city.dossiers)] == [
        "Ủy ban nhân dân thành phố"
    ] * 2
    assert last_event(ctx.db, city.dossiers[0]).note == (
        "Đính chính quyết định số 2345/QĐ-UBND: cơ quan ban hành Chủ tịch Ủy ban nhân dân thành phố "
        "→ Ủy ban nhân dân thành phố, lý do: Ghi nhầm cơ quan"
    )


@pytest.mark.parametrize(
    ("correction", "reason", "message"),
    [
        (Correction(number="2354/QĐ-UBND"), "  ", "Hãy ghi lý do đính chính quyết định."),
        (Correction(number=" 2345/QĐ-UBND"), "Gõ nhầm", "không có gì để đính chính"),
        (Correction(), "Gõ nhầm", "không có gì để đính chính"),
        (Correction(signed_on=date(2026, 12, 5)), "Gõ nhầm", "ở tương lai"),
        (Correction(number=""), "Gõ nhầm", "Hãy ghi số quyết định khen thưởng"),
    ],
)
def test_a_correction_is_refused_without_a_reason_or_a_change(
    ctx: AppContext, city: Recorded, correction: Correction, reason: str, message: str
) -> None:
    with pytest.raises(DecisionError, match=message):
        ctx.door.run(ops.correct(city.decision, correction, reason))
    assert [d.decision_number for d in dossiers(ctx.db, city.dossiers)] == ["2345/QĐ-UBND"] * 2


def test_a_correction_to_a_number_the_issuer_already_used_is_refused(
    ctx: AppContext, city: Recorded
) -> None:
    with ctx.db.session() as s:
        other = sent_up(s, complete_dossier(s, "BKCTTP", unit_code="TDP02"))
        campaign = campaign_id(s)
    ctx.door.run(
        ops.record(
            ctx.folder.attachments,
            ReceivedDecision(campaign, "2400/QĐ-UBND", date(2026, 11, 25), [other]),
        )
    )
    with pytest.raises(DecisionError) as refused:
        ctx.door.run(ops.correct(city.decision, Correction(number="2400/QĐ-UBND"), "Gõ nhầm"))
    assert str(refused.value) == (
        "Quyết định số 2400/QĐ-UBND của Chủ tịch Ủy ban nhân dân thành phố đã được ghi nhận "
        "(ngày 25/11/2026); hãy đính chính quyết định đó thay vì ghi lại."
    )
    assert ctx.door.read(ops.decision(city.decision)).number == "2345/QĐ-UBND"


def test_an_issued_ward_decision_is_not_corrected_but_revoked_and_issued_again(
    ctx: AppContext, ward: Recorded
) -> None:
    with pytest.raises(DecisionError) as refused:
        ctx.door.run(ops.correct(ward.decision, Correction(number="126/QĐ-UBND"), "Gõ nhầm"))
    assert str(refused.value) == ISSUED_NUMBER
    assert "hãy hủy và ban hành lại" in ISSUED_NUMBER
    with pytest.raises(DecisionError, match="bản đã in và ký; hãy hủy và ban hành lại"):
        ctx.door.run(
            ops.correct(ward.decision, Correction(signed_on=date(2026, 11, 19)), "Gõ nhầm")
        )
    assert [d.decision_number for d in dossiers(ctx.db, ward.dossiers)] == ["125/QĐ-UBND"] * 2


def test_a_revoked_city_decision_sends_its_dossiers_back_to_await_the_city(
    ctx: AppContext, city: Recorded
) -> None:
    moved = ctx.door.run(
        ops.revoke(city.decision, "Thành phố thu hồi quyết định", date(2026, 11, 30))
    )
    assert sorted(moved) == sorted(city.dossiers)
    for dossier in dossiers(ctx.db, city.dossiers):
        assert dossier.status is S.SENT_UP
        assert (dossier.decision_number, dossier.decision_id, dossier.bonus_amount) == ("", None, 0)
        event = last_event(ctx.db, dossier.id)
        assert (event.from_status, event.to_status) == (S.AWARDED, S.SENT_UP)
        assert event.note == (
            "Hủy quyết định số 2345/QĐ-UBND ngày 20/11/2026 (ngày hủy 30/11/2026), "
            "lý do: Thành phố thu hồi quyết định"
        )
    (row,) = [r for r in ctx.door.read(ops.decisions()) if r.id == city.decision]
    assert row.revoked and row.revoked_on == date(2026, 11, 30)
    assert row.revoke_reason == "Thành phố thu hồi quyết định"
    assert row.state == "Đã hủy ngày 30/11/2026: Thành phố thu hồi quyết định"
    assert (row.collectives, row.persons, row.total_bonus) == (0, 0, 0)
    with ctx.db.session() as s:
        (audited,) = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "awarddecision", AuditEntry.field == "revoked_on"
            )
        ).all()
    assert (
        audited.reason == "Hủy quyết định khen thưởng số 2345/QĐ-UBND: Thành phố thu hồi quyết định"
    )
    # A revoked decision is neither revoked again nor corrected; its number stays taken.
    with pytest.raises(DecisionError, match="đã bị hủy ngày 30/11/2026; không hủy được nữa"):
        ctx.door.run(ops.revoke(city.decision, "Lần nữa"))
    with pytest.raises(DecisionError, match="không đính chính được nữa"):
        ctx.door.run(ops.correct(city.decision, Correction(number="1/QĐ-UBND"), "Gõ nhầm"))


def test_a_revoked_ward_decision_keeps_its_certificates_and_its_dossiers_await_the_chairman(
    ctx: AppContext, ward: Recorded
) -> None:
    ctx.door.run(ops.revoke(ward.decision, "Ban hành nhầm danh sách"))
    assert [d.status for d in dossiers(ctx.db, ward.dossiers)] == [S.COUNCIL_PROPOSED] * 2
    with ctx.db.session() as s:
        entries = s.exec(
            select(CertificateEntry).where(CertificateEntry.decision_id == ward.decision)
        ).all()
        assert len(entries) == 2  # still in the register, marked by the decision's revocation
        assert s.get(AwardDecision, ward.decision).revoked_on == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("reason", "revoked_on", "message"),
    [
        ("", None, "Hãy ghi lý do hủy quyết định khen thưởng."),
        ("Thu hồi", date(2026, 12, 2), "Ngày hủy 02/12/2026 ở tương lai"),
        ("Thu hồi", date(2026, 11, 1), "ở trước ngày ký quyết định"),
    ],
)
def test_a_revocation_needs_its_reason_and_a_possible_date(
    ctx: AppContext, city: Recorded, reason: str, revoked_on: date | None, message: str
) -> None:
    with pytest.raises(DecisionError, match=message):
        ctx.door.run(ops.revoke(city.decision, reason, revoked_on))
    assert [d.status for d in dossiers(ctx.db, city.dossiers)] == [S.AWARDED] * 2
    assert ctx.door.read(ops.decision(city.decision)).revoked_on is None


def test_an_unknown_decision_is_named(ctx: AppContext, demo_db: Database) -> None:
    with pytest.raises(DecisionError, match="Không tìm thấy quyết định khen thưởng mã 404."):
        ctx.door.run(ops.revoke(DecisionId(404), "Thu hồi"))
