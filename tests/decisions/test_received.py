"""A decision received from the city, recorded once on the dossiers it covers, through the door."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.awards.attachments import stored_path
from desktop.awards.errors import DossierError
from desktop.awards.nominees import record_discipline
from desktop.awards.workflow import move_dossier
from desktop.context import AppContext
from desktop.decisions import ops
from desktop.decisions.errors import DecisionError
from desktop.decisions.received import ReceivedDecision
from desktop.models import (
    Attachment,
    Authority,
    AwardDecision,
    Dossier,
    DossierEvent,
    DossierStatus,
)
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
class Round:
    campaign: int
    bang_khen_unit: int
    bang_khen_person: int
    co_thi_dua: int
    ward_award: int  # a Giấy khen proposed by the council: decided by the ward, not received


@pytest.fixture
def chain(demo_db: Database) -> Round:
    with demo_db.session() as s:
        person = person_ids(s, 1)[0]
        return Round(
            campaign_id(s),
            sent_up(s, complete_dossier(s, "BKCTTP", unit_code="TDP01")),
            sent_up(s, complete_dossier(s, "BKCTTP", person_id=person)),
            sent_up(s, complete_dossier(s, "CTDTP", unit_code="THCSLL")),
            proposed(s, complete_dossier(s, "GKCTP", unit_code="TDP02")),
        )


def scan_file(folder: Path, name: str = "QD-2345.pdf", body: bytes = b"%PDF-1.4 scan") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(body)
    return path


def statuses(db: Database, *ids: int) -> list[DossierStatus]:
    with db.session() as s:
        return [s.get(Dossier, i).status for i in ids]


def test_recording_awards_every_covered_dossier_with_the_number_and_its_bonus(
    ctx: AppContext, chain: Round, tmp_path: Path
) -> None:
    received = ReceivedDecision(
        chain.campaign,
        " 2345/QĐ-UBND ",
        SIGNED,
        [chain.bang_khen_unit, chain.bang_khen_person],
        bonuses={chain.bang_khen_unit: 1_000_000},
        scan=scan_file(tmp_path / "scans"),
    )
    decision_id = ctx.door.run(ops.record(ctx.folder.attachments, received))
    with ctx.db.session() as s:
        decision = s.get(AwardDecision, decision_id)
        assert (decision.number, decision.signed_on, decision.authority) == (
            "2345/QĐ-UBND",
            SIGNED,
            Authority.CITY,
        )
        # No issuer typed: the award form's issuer.
        assert decision.issuer == "Chủ tịch Ủy ban nhân dân thành phố"
        for dossier_id, bonus in ((chain.bang_khen_unit, 1_000_000), (chain.bang_khen_person, 0)):
            dossier = s.get(Dossier, dossier_id)
            assert dossier.status is S.AWARDED
            assert (dossier.decision_number, dossier.decision_date, dossier.decision_id) == (
                "2345/QĐ-UBND",
                SIGNED,
                decision_id,
            )
            assert dossier.decision_issuer == decision.issuer
            assert dossier.bonus_amount == bonus
            last = s.exec(
                select(DossierEvent)
                .where(DossierEvent.dossier_id == dossier_id)
                .order_by(DossierEvent.id.desc())  # type: ignore[union-attr]
            ).first()
            assert (last.from_status, last.to_status) == (S.SENT_UP, S.AWARDED)
            assert "Quyết định số 2345/QĐ-UBND ngày 20/11/2026" in last.note
        # The Cờ thi đua the decision does not name still waits for the city.
        assert s.get(Dossier, chain.co_thi_dua).status is S.SENT_UP
    (row,) = ctx.door.read(ops.decisions(chain.campaign))
    assert (row.id, row.collectives, row.persons, row.total_bonus) == (decision_id, 1, 1, 1_000_000)
    assert row.covers == "1 tập thể, 1 cá nhân" and not row.revoked


def test_the_scan_is_stored_once_and_listed_with_the_decision(
    ctx: AppContext, chain: Round, tmp_path: Path
) -> None:
    source = scan_file(tmp_path / "scans", "Quyết định 2345.jpg", b"\xff\xd8\xff jpeg of the page")
    decision_id = ctx.door.run(
        ops.record(
            ctx.folder.attachments,
            ReceivedDecision(
                chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.co_thi_dua], scan=source
            ),
        )
    )
    scan = ctx.door.read(ops.scan(decision_id))
    assert scan is not None
    assert (scan.decision_id, scan.dossier_id, scan.original_name) == (
        decision_id,
        None,
        "Quyết định 2345.jpg",
    )
    assert stored_path(ctx.folder.attachments, scan.sha256).read_bytes() == source.read_bytes()
    (row,) = [r for r in ctx.door.read(ops.decisions()) if r.id == decision_id]
    assert row.scan_id == scan.id
    # Issued without a typed issuer, the Cờ thi đua's issuer is the city's People's Committee.
    assert row.issuer == "Ủy ban nhân dân thành phố"


def test_dossiers_not_sent_up_are_refused_and_nothing_changes(
    ctx: AppContext, chain: Round, tmp_path: Path
) -> None:
    with ctx.db.session() as s:
        draft = complete_dossier(s, "BKCTTP", unit_code="TDP03")
        other_round = sent_up(s, complete_dossier(s, "BKCTTP", unit_code="TDP04", year=2025))
    store = ctx.folder.attachments
    received = ReceivedDecision(
        chain.campaign,
        "2345/QĐ-UBND",
        SIGNED,
        [chain.bang_khen_unit, draft, chain.ward_award, other_round],
        scan=scan_file(tmp_path / "scans"),
    )
    with pytest.raises(DecisionError) as refused:
        ctx.door.run(ops.record(store, received))
    text = refused.value.text()
    assert text.startswith("Không ghi nhận được quyết định số 2345/QĐ-UBND: 3 hồ sơ không chờ")
    assert f"Hồ sơ số {draft} đang “Nháp”, chưa ở “Đã gửi cấp trên”." in text
    assert f"Hồ sơ số {chain.ward_award} đề nghị “Giấy khen của Chủ tịch UBND phường”" in text
    assert f"Hồ sơ số {other_round} thuộc đợt “Khen thưởng năm 2025”." in text
    assert statuses(ctx.db, chain.bang_khen_unit, draft, chain.ward_award) == [
        S.SENT_UP,
        S.DRAFT,
        S.COUNCIL_PROPOSED,
    ]
    with ctx.db.session() as s:
        assert (
            s.exec(select(AwardDecision).where(AwardDecision.number == "2345/QĐ-UBND")).all() == []
        )
        assert s.exec(select(Attachment).where(Attachment.decision_id.is_not(None))).all() == []  # type: ignore[union-attr]


def test_a_failing_dossier_midway_rolls_back_the_ones_before(ctx: AppContext, chain: Round) -> None:
    """The workflow's own refusal (here: a nominee put under discipline after the Tờ trình) undoes
    the dossiers already awarded in the same recording."""
    with ctx.db.session() as s:
        person = s.get(Dossier, chain.bang_khen_person).nominee_person_id
    with ctx.db.session() as s:
        record_discipline(s, None, person, "Đang bị xem xét kỷ luật")
    received = ReceivedDecision(
        chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.bang_khen_unit, chain.bang_khen_person]
    )
    with pytest.raises(DossierError, match="đang có ghi chú kỷ luật"):
        ctx.door.run(ops.record(ctx.folder.attachments, received))
    assert statuses(ctx.db, chain.bang_khen_unit) == [S.SENT_UP]
    assert [r for r in ctx.door.read(ops.decisions()) if r.number == "2345/QĐ-UBND"] == []


def test_the_same_number_from_the_same_issuer_is_refused(ctx: AppContext, chain: Round) -> None:
    store = ctx.folder.attachments
    ctx.door.run(
        ops.record(
            store, ReceivedDecision(chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.bang_khen_unit])
        )
    )
    again = ReceivedDecision(chain.campaign, "2345/qđ-ubnd", SIGNED, [chain.bang_khen_person])
    with pytest.raises(DecisionError) as refused:
        ctx.door.run(ops.record(store, again))
    assert str(refused.value) == (
        "Quyết định số 2345/QĐ-UBND của Chủ tịch Ủy ban nhân dân thành phố đã được ghi nhận "
        "(ngày 20/11/2026); hãy đính chính quyết định đó thay vì ghi lại."
    )
    assert statuses(ctx.db, chain.bang_khen_person) == [S.SENT_UP]
    # Another issuer may well have its own number 2345.
    other = ReceivedDecision(
        chain.campaign,
        "2345/QĐ-UBND",
        SIGNED,
        [chain.co_thi_dua],
        issuer="Ủy ban nhân dân thành phố",
    )
    ctx.door.run(ops.record(store, other))
    assert statuses(ctx.db, chain.co_thi_dua) == [S.AWARDED]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"signed_on": date(2026, 12, 2)}, "Ngày ký quyết định 02/12/2026 ở tương lai"),
        ({"number": "  "}, "Hãy ghi số quyết định khen thưởng"),
        ({"dossier_ids": []}, "Hãy chọn các hồ sơ được khen thưởng"),
        ({"bonuses": {999: 5}}, "Tiền thưởng ghi cho hồ sơ không thuộc quyết định: số 999."),
        ({"dossier_ids": [999]}, "Không tìm thấy hồ sơ số 999."),
    ],
)
def test_what_the_clerk_typed_wrong_is_refused(
    ctx: AppContext, chain: Round, change: dict[str, object], message: str
) -> None:
    fields: dict[str, object] = {
        "campaign_id": chain.campaign,
        "number": "2345/QĐ-UBND",
        "signed_on": SIGNED,
        "dossier_ids": [chain.bang_khen_unit],
    }
    received = ReceivedDecision(**{**fields, **change})  # type: ignore[arg-type]
    with pytest.raises(DecisionError, match=message.replace("(", r"\(")):
        ctx.door.run(ops.record(ctx.folder.attachments, received))
    assert statuses(ctx.db, chain.bang_khen_unit) == [S.SENT_UP]


def test_a_scan_that_is_not_a_pdf_or_picture_is_refused_before_anything_is_kept(
    ctx: AppContext, chain: Round, tmp_path: Path
) -> None:
    source = scan_file(tmp_path / "scans", "quyet-dinh.docx", b"word")
    received = ReceivedDecision(
        chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.bang_khen_unit], scan=source
    )
    with pytest.raises(DecisionError, match="hãy đính kèm tệp PDF, JPG hoặc PNG"):
        ctx.door.run(ops.record(ctx.folder.attachments, received))
    assert not any(ctx.folder.attachments.glob("??/*"))
    assert statuses(ctx.db, chain.bang_khen_unit) == [S.SENT_UP]


def test_forms_of_different_issuers_ask_for_the_issuer(ctx: AppContext, chain: Round) -> None:
    received = ReceivedDecision(
        chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.bang_khen_unit, chain.co_thi_dua]
    )
    with pytest.raises(DecisionError, match="hãy ghi cơ quan, người ký quyết định"):
        ctx.door.run(ops.record(ctx.folder.attachments, received))
    named = ReceivedDecision(
        chain.campaign,
        "2345/QĐ-UBND",
        SIGNED,
        [chain.bang_khen_unit, chain.co_thi_dua],
        issuer="Chủ tịch UBND thành phố Hải Phòng",
    )
    ctx.door.run(ops.record(ctx.folder.attachments, named))
    with ctx.db.session() as s:
        assert {
            s.get(Dossier, i).decision_issuer for i in (chain.bang_khen_unit, chain.co_thi_dua)
        } == {"Chủ tịch UBND thành phố Hải Phòng"}


def test_a_dossier_the_city_did_not_award_is_closed_by_the_clerk(
    ctx: AppContext, chain: Round
) -> None:
    ctx.door.run(
        ops.record(
            ctx.folder.attachments,
            ReceivedDecision(chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.bang_khen_unit]),
        )
    )
    with ctx.db.session() as s:
        move_dossier(
            s, chain.bang_khen_person, S.NOT_AWARDED, note="Không có trong Quyết định 2345"
        )
    assert statuses(ctx.db, chain.bang_khen_unit, chain.bang_khen_person) == [
        S.AWARDED,
        S.NOT_AWARDED,
    ]


def test_a_scan_that_came_later_is_kept_with_the_decision(
    ctx: AppContext, chain: Round, tmp_path: Path
) -> None:
    store = ctx.folder.attachments
    decision_id = ctx.door.run(
        ops.record(
            store, ReceivedDecision(chain.campaign, "2345/QĐ-UBND", SIGNED, [chain.co_thi_dua])
        )
    )
    assert ctx.door.read(ops.scan(decision_id)) is None
    source = scan_file(tmp_path / "scans", "QD-2345.png", b"\x89PNG page")
    attachment_id = ctx.door.run(ops.add_scan(store, decision_id, source))
    (row,) = [r for r in ctx.door.read(ops.decisions()) if r.id == decision_id]
    assert row.scan_id == attachment_id
    with pytest.raises(DecisionError, match="Bản quét này đã được lưu với quyết định"):
        ctx.door.run(ops.add_scan(store, decision_id, source))
