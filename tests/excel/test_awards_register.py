"""The award register as a workbook: the awards with real dates and summable bonuses, the decisions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from openpyxl import load_workbook

from desktop.decisions.register import award_register
from desktop.excel.awards_register import AWARD_HEADERS, export_award_register
from desktop.models import AwardDecision
from desktop.storage import Database
from desktop.text import wording
from tests.decisions import chain


def test_the_register_goes_to_a_workbook_the_office_can_sort_and_sum(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session() as s:
        decision_id, _ = chain.awarded_ward_decision(s, number="130/QĐ-UBND")
        revoked = chain.decide(s, [], number="140/QĐ-UBND")
        decision = s.get(AwardDecision, revoked)
        assert decision is not None
        decision.revoked_on, decision.revoke_reason = datetime(2026, 1, 5).date(), "Ghi nhầm"
        s.commit()
        register = award_register(s)
    target = tmp_path / "so-theo-doi.xlsx"
    assert export_award_register(register, target) == len(register.rows)
    workbook = load_workbook(target)
    awards, decisions = workbook.worksheets
    assert tuple(c.value for c in awards[1]) == AWARD_HEADERS
    assert awards[1][0].font.bold and awards.freeze_panes == "A2"
    rows = [r for r in awards.iter_rows(min_row=2) if r[1].value == "130/QĐ-UBND"]
    assert [r[5].value for r in rows] == [
        "Tổ dân phố số 1",
        "Tổ dân phố số 2",
        "Đỗ Thu An",
        "Vũ Văn Thảo",
    ]
    first = rows[0]
    assert first[0].value == 2025 and first[0].number_format == "General"  # a year, not a figure
    assert first[2].value == datetime(2025, 12, 20) and first[2].number_format == "DD/MM/YYYY"
    assert first[8].value == 702_000 and first[8].number_format == wording.EXCEL_COUNT
    assert first[10].value.startswith("Hồ sơ số ")
    by_number = {r[0].value: r for r in decisions.iter_rows(min_row=2)}
    ours = by_number["130/QĐ-UBND"]
    assert [c.value for c in ours[4:7]] == [2, 2, 2_106_000]
    assert ours[1].number_format == "DD/MM/YYYY" and ours[6].number_format == wording.EXCEL_COUNT
    assert ours[7].value == "Có hiệu lực"
    assert by_number["140/QĐ-UBND"][7].value == "Đã hủy: Ghi nhầm"
    assert decision_id in {d.id for d in register.decisions}


def test_text_that_looks_like_a_formula_stays_text(demo_db: Database, tmp_path: Path) -> None:
    from desktop.awards.history import add_prior_award

    with demo_db.session() as s:
        add_prior_award(s, 2024, '=HYPERLINK("x")', "-12/QĐ", unit_id=chain.unit_of(s, "TDP06"))
        s.commit()
        register = award_register(s)
    target = tmp_path / "so.xlsx"
    export_award_register(register, target)
    sheet = load_workbook(target).worksheets[0]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == 2024)
    assert row[4].data_type == "s" and row[4].value == '=HYPERLINK("x")'
    assert row[1].value == "-12/QĐ" and row[10].value == "Ghi tay (khen thưởng đã nhận)"
