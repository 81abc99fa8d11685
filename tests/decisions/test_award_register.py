"""The award register (sổ theo dõi khen thưởng): its rows, filters, decisions, earlier awards, the
nominee's history on the dossier and the printed register."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from sqlmodel import select

from desktop.awards.history import add_prior_award, nominee_history
from desktop.changes import Area
from desktop.context import AppContext
from desktop.decisions.certificate_ops import print_certificates
from desktop.decisions.errors import DecisionError
from desktop.decisions.register import RegisterFilter, award_register
from desktop.decisions.register_ops import add_earlier_award, remove_earlier_award
from desktop.documents.common import DocumentRequest
from desktop.documents.service import render
from desktop.models import AwardDecision, Dossier, DossierStatus, Person
from desktop.models.ids import DecisionId, PersonId, UnitId
from desktop.storage import Database
from desktop.text import wording
from desktop.text.wording import money
from tests.decisions import chain

NUMBER = "130/QĐ-UBND"


@pytest.fixture
def decided(demo_db: Database) -> tuple[int, list[int]]:
    with demo_db.session() as s:
        decision_id, dossiers = chain.awarded_ward_decision(s, number=NUMBER)
        s.commit()
    return decision_id, dossiers


def _ours(register):  # type: ignore[no-untyped-def]
    return [r for r in register.rows if r.decision_number == NUMBER]


def test_every_award_of_a_decision_is_a_row_with_its_decision_bonus_and_number(
    demo_db: Database, ctx: AppContext, decided: tuple[int, list[int]]
) -> None:
    decision_id, dossiers = decided
    with demo_db.session() as s:
        rows = _ours(award_register(s))
    assert [r.nominee for r in rows] == [
        "Tổ dân phố số 1",
        "Tổ dân phố số 2",
        "Đỗ Thu An",
        "Vũ Văn Thảo",
    ]
    first = rows[0]
    assert (first.year, first.decision_date, first.issuer) == (
        2025,
        date(2025, 12, 20),
        chain.WARD_ISSUER,
    )
    assert first.award == "Giấy khen của Chủ tịch UBND phường"
    assert [r.bonus for r in rows] == [702_000, 702_000, 351_000, 351_000]
    assert rows[2].unit == "Văn phòng HĐND và UBND phường"  # a person's own unit
    assert rows[0].unit == "Tổ dân phố số 1"
    assert {r.certificate for r in rows} == {""}  # not printed yet
    ctx.door.run(print_certificates(DecisionId(decision_id), date(2026, 12, 1)))
    with demo_db.session() as s:
        register = award_register(s)
    numbers = [r.certificate for r in _ours(register)]
    assert all(n.endswith("/2025") for n in numbers) and len(set(numbers)) == 4
    line = next(d for d in register.decisions if d.id == decision_id)
    assert (line.collectives, line.individuals, line.bonus) == (2, 2, 2_106_000)
    assert line.status == "Có hiệu lực"
    # The demo's own award (typed on its dossier before decisions were records) is there too.
    assert any(r.nominee == "Trường THCS Trần Thành Ngọ" for r in register.rows)
    assert money(2_106_000) == "2.106.000 đồng"


def test_a_revoked_decision_is_listed_as_such_and_awards_nothing(
    demo_db: Database, decided: tuple[int, list[int]]
) -> None:
    decision_id, dossiers = decided
    from desktop.awards.workflow import Act, move_dossier

    with demo_db.session() as s:
        decision = s.get(AwardDecision, decision_id)
        assert decision is not None
        decision.revoked_on, decision.revoke_reason = date(2026, 1, 5), "Ghi nhầm danh sách"
        for dossier_id in dossiers:
            move_dossier(
                s, dossier_id, DossierStatus.COUNCIL_PROPOSED, act=Act.REVOCATION, note="Hủy"
            )
        s.commit()
        register = award_register(s)
    assert _ours(register) == []
    line = next(d for d in register.decisions if d.id == decision_id)
    assert line.status == "Đã hủy: Ghi nhầm danh sách"
    assert (line.collectives, line.individuals, line.bonus) == (0, 0, 0)


def test_a_revoked_decision_does_not_count_even_if_a_dossier_still_points_to_it(
    demo_db: Database, decided: tuple[int, list[int]]
) -> None:
    decision_id, _dossiers = decided
    with demo_db.session() as s:
        decision = s.get(AwardDecision, decision_id)
        assert decision is not None
        decision.revoked_on = date(2026, 1, 5)
        s.commit()
        register = award_register(s)
        tdp1 = chain.unit_of(s, "TDP01")
        history = nominee_history(s, tdp1, None)
        assert nominee_history(s, tdp1, None, awarded_only=True) == []
    assert [line.status for line in history] == ["Quyết định đã hủy"]
    assert "(đã hủy ngày 05/01/2026)" in history[0].decision and not history[0].awarded
    assert _ours(register) == []
    assert next(d for d in register.decisions if d.id == decision_id).status == "Đã hủy"


def test_filters_by_year_unit_and_person(demo_db: Database, decided: tuple[int, list[int]]) -> None:
    with demo_db.session() as s:
        tdp1 = chain.unit_of(s, "TDP01")
        office = s.get(Person, 1)
        assert office is not None
        add_prior_award(
            s, 2023, "Giấy khen của Chủ tịch UBND quận Kiến An", "45/QĐ-UBND", unit_id=tdp1
        )
        s.commit()
        by_unit = award_register(s, RegisterFilter(unit_id=UnitId(tdp1)))
        assert [(r.year, r.award) for r in by_unit.rows] == [
            (2023, "Giấy khen của Chủ tịch UBND quận Kiến An"),
            (2025, "Giấy khen của Chủ tịch UBND phường"),
        ]
        assert by_unit.rows[0].earlier and not by_unit.rows[1].earlier
        assert [d.number for d in by_unit.decisions] == [NUMBER]  # only the decisions of its rows
        # A unit's filter keeps the persons of that unit too.
        of_office = award_register(s, RegisterFilter(unit_id=UnitId(office.unit_id)))
        assert "Đỗ Thu An" in [r.nominee for r in of_office.rows]
        person = award_register(s, RegisterFilter(person_id=PersonId(1)))
        assert [r.nominee for r in person.rows] == ["Đỗ Thu An"]
        assert (person.collectives, person.individuals) == (0, 1)
        only_2023 = award_register(s, RegisterFilter(year=2023))
        assert [r.nominee for r in only_2023.rows] == ["Tổ dân phố số 1"]
        assert only_2023.decisions == ()
        assert award_register(s, RegisterFilter(year=2026)).rows == ()
        with pytest.raises(DecisionError, match="Không có cá nhân số 9999"):
            award_register(s, RegisterFilter(person_id=PersonId(9999)))
        with pytest.raises(DecisionError, match="Không có đơn vị số 9999"):
            award_register(s, RegisterFilter(unit_id=UnitId(9999)))


def test_an_earlier_award_entered_by_hand_reaches_the_register_and_can_be_removed(
    demo_db: Database, ctx: AppContext
) -> None:
    changes = []
    ctx.door.listen(changes.append)
    with demo_db.session() as s:
        tdp5 = chain.unit_of(s, "TDP05")
    prior_id = ctx.door.run(
        add_earlier_award(
            2024, "Giấy khen của Chủ tịch UBND quận", "12/QĐ-UBND", unit_id=UnitId(tdp5)
        )
    )
    assert changes[-1].touches(Area.DECISIONS)
    rows = ctx.door.read(lambda s: award_register(s, RegisterFilter(unit_id=UnitId(tdp5))).rows)
    assert [(r.year, r.decision_number, r.prior_award_id) for r in rows] == [
        (2024, "12/QĐ-UBND", prior_id)
    ]
    assert ctx.door.undo("dossiers") is not None  # Ctrl+Z on the dossiers' page takes it back
    assert (
        ctx.door.read(lambda s: award_register(s, RegisterFilter(unit_id=UnitId(tdp5))).rows) == ()
    )
    ctx.door.redo("dossiers")
    ctx.door.run(remove_earlier_award(prior_id))
    assert (
        ctx.door.read(lambda s: award_register(s, RegisterFilter(unit_id=UnitId(tdp5))).rows) == ()
    )


def test_the_dossier_shows_the_awards_decided_by_decisions_in_the_nominee_history(
    demo_db: Database, decided: tuple[int, list[int]]
) -> None:
    with demo_db.session() as s:
        tdp1 = chain.unit_of(s, "TDP01")
        add_prior_award(
            s, 2023, "Giấy khen của Chủ tịch UBND quận Kiến An", "45/QĐ-UBND", unit_id=tdp1
        )
        campaign = chain.campaign_of(s, 2026)
        later = chain.proposed_dossier(s, unit_code="TDP01", year=2026)
        assert s.get(Dossier, later).campaign_id == campaign  # type: ignore[union-attr]
        awarded = nominee_history(s, tdp1, None, awarded_only=True, exclude_dossier_id=later)
    assert [(line.year, line.award) for line in awarded] == [
        (2025, "Giấy khen của Chủ tịch UBND phường"),
        (2023, "Giấy khen của Chủ tịch UBND quận Kiến An"),
    ]
    assert f"Quyết định số {NUMBER} ngày 20/12/2025" in awarded[0].decision
    with demo_db.session() as s:  # a correction of the decision shows in the history at once
        decision = s.get(AwardDecision, decided[0])
        assert decision is not None
        decision.number = "131/QĐ-UBND"
        s.commit()
        corrected = nominee_history(s, tdp1, None, awarded_only=True)
    assert "Quyết định số 131/QĐ-UBND ngày 20/12/2025" in corrected[0].decision
    assert awarded[0].dossier_id is not None and awarded[1].prior_award_id is not None


def _text(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def test_the_printed_register_lists_the_decisions_then_every_award_in_a_landscape_annex(
    demo_db: Database, decided: tuple[int, list[int]]
) -> None:
    decision_id, _ = decided
    with demo_db.session() as s:
        decision = s.get(AwardDecision, decision_id)
        assert decision is not None
        tdp1 = chain.unit_of(s, "TDP01")
        add_prior_award(
            s, 2023, "Giấy khen của Chủ tịch UBND quận Kiến An", "45/QĐ-UBND", unit_id=tdp1
        )
        s.commit()
        register = award_register(s)
        pdf = render(s, DocumentRequest("awards"))
        of_2023 = render(s, DocumentRequest("awards", year=2023))
    pages = _text(pdf)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        sizes = [(round(p.width), round(p.height)) for p in document.pages]
    assert sizes[0] == (595, 842) and set(sizes[1:]) == {(842, 595)}
    first = pages[0]
    assert "SỔ THEO DÕI KHEN THƯỞNG" in first and "giai đoạn 2025 - 2030" in first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "Nơi nhận:" in first
    assert "Số:" not in first  # kept by the office, not numbered in the register of documents
    assert NUMBER in first and "2.106.000" in first and "Có hiệu lực" in first
    total = len(register.rows)
    assert (
        f"Tổng cộng: {wording.count(total)} khen thưởng ({wording.count(register.collectives)} "
        f"tập thể, {wording.count(register.individuals)} cá nhân), tiền thưởng "
        f"{wording.count(register.bonus)} đồng"
    ) in first
    annex = " ".join(pages[1:])
    assert "PHỤ LỤC" in annex and "DANH SÁCH KHEN THƯỞNG GIAI ĐOẠN 2025 - 2030" in annex
    for row in register.rows:  # a name may wrap inside its cell
        assert all(word in annex for word in row.nominee.split())
    assert "(ghi tay)" in annex and "45/QĐ-UBND" in annex
    only = " ".join(_text(of_2023))
    assert "năm 2023" in only and "45/QĐ-UBND" in only and NUMBER not in only


def test_a_revoked_decision_prints_with_its_reason(
    demo_db: Database, decided: tuple[int, list[int]]
) -> None:
    decision_id, _ = decided
    with demo_db.session() as s:
        decision = s.get(AwardDecision, decision_id)
        assert decision is not None
        decision.revoked_on, decision.revoke_reason = date(2026, 1, 5), "Sai tên"
        s.commit()
        first = _text(render(s, DocumentRequest("awards")))[0]
    assert "Đã hủy:" in first and "Sai" in first


def test_the_blank_register_has_empty_rows(db: Database) -> None:
    with db.session() as s:
        pages = _text(render(s, DocumentRequest("awards", blank=True)))
        assert not s.exec(select(AwardDecision)).all()
    assert "……" in " ".join(pages) and "SỔ THEO DÕI KHEN THƯỞNG" in pages[0]


def test_the_demo_register_counts_only_what_it_holds(demo_db: Database) -> None:
    """The demo's one Giấy khen to a school: "1 khen thưởng (1 tập thể)", never "0 cá nhân"."""
    with demo_db.session() as s:
        first = _text(render(s, DocumentRequest("awards")))[0]
    assert "Tổng cộng: 1 khen thưởng (1 tập thể), tiền thưởng 710.000 đồng" in first
    assert "0 cá nhân" not in first
