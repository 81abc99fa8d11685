"""Chỉ tiêu duy trì (2027–2030 repeat the plan's last target) follow the target the ward sets.

Issue 16: the 2027 report read "Không có chỉ tiêu" for an indicator whose targets the clerk set
after the catalogue was loaded, and kept repeating the old 2026 figure once the clerk changed it:
the carried years were written only when the catalogue was loaded.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.documents.common import DocumentRequest
from desktop.documents.report import gather
from desktop.indicators.results import ward_results
from desktop.indicators.targets import IndicatorInput, save_indicator, set_target
from desktop.models import Comparison, Indicator, IndicatorTarget, UnitKind
from desktop.models.ids import IndicatorId, saved_id
from desktop.storage import Database


def _targets(session: Session, code: str) -> dict[int, IndicatorTarget]:
    indicator = session.exec(select(Indicator).where(Indicator.code == code)).one()
    rows = session.exec(select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator.id))
    return {t.year: t for t in rows}


def _id(session: Session, code: str) -> IndicatorId:
    indicator = session.exec(select(Indicator).where(Indicator.code == code)).one()
    return IndicatorId(saved_id(indicator.id))


def test_a_new_indicators_2026_target_is_kept_in_2027_and_the_2027_report_judges_by_it(
    db: Database,
) -> None:
    with db.session() as session:
        new = save_indicator(
            session,
            IndicatorInput(
                code="DVC",
                name="Hồ sơ thủ tục hành chính nộp trực tuyến",
                population="adults",
                numerator_label="Số hồ sơ trực tuyến",
                denominator_label="Tổng số hồ sơ",
                unit_kinds=[UnitKind.WARD_OFFICE],
            ),
        )
        new_id = IndicatorId(saved_id(new.id))
        set_target(session, new_id, 2025, 60, "60% hồ sơ nộp trực tuyến.")
        set_target(
            session, new_id, 2026, 80, "80% hồ sơ nộp trực tuyến.", comparison=Comparison.ABOVE
        )
        rows = _targets(session, "DVC")
        assert sorted(rows) == list(range(2025, 2031))
        assert all(rows[y].carried_over for y in range(2027, 2031))
        assert rows[2027].text == "Duy trì chỉ tiêu năm 2026: 80% hồ sơ nộp trực tuyến."
        result = next(r for r in ward_results(session, 2027) if r.code == "DVC")
        assert (result.target, result.comparison, result.carried_from) == (
            80,
            Comparison.ABOVE,
            2026,
        )
        report = gather(session, DocumentRequest("report", year=2027))["report"]
    row = next(i for i in report["indicators"] if i["code"] == "DVC")
    assert row["target"] == "trên 80% (duy trì từ 2026)"
    assert row["has_target"]
    assert "không đặt mức phải đạt" not in report["summary"]


def test_changing_the_2026_target_changes_the_years_that_repeat_it(db: Database) -> None:
    with db.session() as session:
        cbcc = _id(session, "CBCC")
        set_target(session, cbcc, 2026, 95, "95% cán bộ, công chức có kỹ năng số.")
        rows = _targets(session, "CBCC")
        assert [rows[y].target_percent for y in range(2027, 2031)] == [95] * 4
        assert rows[2030].text.startswith("Duy trì chỉ tiêu năm 2026: 95%")
        # The clerk sets 2028 on its own: that year alone; the others still repeat 2026.
        set_target(session, cbcc, 2028, 98, "98% cán bộ.")
        rows = _targets(session, "CBCC")
        assert not rows[2028].carried_over and rows[2028].target_percent == 98
        assert rows[2029].target_percent == 95
        assert rows[2029].text.startswith("Duy trì chỉ tiêu năm 2026: 95%")


def test_clearing_a_duy_trì_year_stays_cleared_and_clearing_2026_repeats_2025(
    db: Database,
) -> None:
    with db.session() as session:
        hocsinh = _id(session, "HOCSINH")
        set_target(session, hocsinh, 2029, None)
        assert 2029 not in _targets(session, "HOCSINH")
        cbcc = _id(session, "CBCC")
        set_target(session, cbcc, 2026, None)
        rows = _targets(session, "CBCC")
        assert 2026 not in rows  # a year the plan leaves empty is not filled in
        assert rows[2027].text.startswith("Duy trì chỉ tiêu năm 2025: ")
        assert rows[2027].target_percent == 80
