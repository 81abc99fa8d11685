"""One voice in the documents: the report, the achievement report and the template's filters word
the same result with the same words, those of desktop.text.wording."""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from sqlmodel import select

from desktop.documents import achievement, report
from desktop.documents.common import DocumentRequest, common_scope
from desktop.documents.service import prepare, render
from desktop.documents.template import FILTERS, TableBlock, load_template
from desktop.indicators.results import IndicatorResult, UnitResult, unit_results
from desktop.models import Dossier, IndicatorTarget, Person, UnitKind
from desktop.models.ids import DossierId, IndicatorId, UnitId, saved_id
from desktop.settings import WardSettings
from desktop.storage import Database
from desktop.text import wording

CASES = [
    # numerator, denominator (None: not reported), target, ward's verdict, unit's verdict, percent
    pytest.param(341, 400, 80.0, "Đạt", "Đạt", "85,3%", id="met"),
    pytest.param(799, 1000, 80.0, "Chưa đạt", "Chưa đạt", "79,9%", id="not-met"),
    pytest.param(
        None, None, 80.0, "Chưa đủ số liệu (0/4 đơn vị)", "Chưa đủ số liệu", "—", id="no-figure"
    ),
    pytest.param(1, 1, None, "Không có chỉ tiêu", "Không có chỉ tiêu", "100%", id="no-target"),
]


def _ward_result(
    numerator: int | None, denominator: int | None, target: float | None, reported: int = 4
) -> IndicatorResult:
    """The ward's result; complete when all 4 expected units reported."""
    percent = None if denominator is None else 100 * (numerator or 0) / denominator
    return IndicatorResult(
        IndicatorId(1), "CBCC", "Cán bộ có kỹ năng số", 2025, 2, numerator or 0, denominator or 0,
        percent, target, reported if denominator else 0, 4, complete=reported == 4 and bool(denominator),
    )  # fmt: skip


def _unit_result(
    numerator: int | None, denominator: int | None, target: float | None
) -> UnitResult:
    percent = None if denominator is None else 100 * (numerator or 0) / denominator
    return UnitResult(
        UnitId(1), "TDP01", "Tổ dân phố 1", UnitKind.WARD_OFFICE, IndicatorId(1), "CBCC",
        2025, 2, numerator, denominator, percent, target,
    )  # fmt: skip


def _table_with(lines: list[Any], header: str) -> TableBlock:
    tables = [line.table for line in lines if line.table is not None]
    return next(t for t in tables if header in [c.header for c in t.columns])


def _column(table: TableBlock, header: str) -> list[str]:
    position = [c.header for c in table.columns].index(header)
    return [row[position] for row in table.rows]


def _achievement_row(db: Database, result: UnitResult) -> dict[str, str]:
    """The achievement form's table filled with one result, as the PDF would show it."""
    with db.session() as session:
        scope: dict[str, Any] = common_scope(WardSettings())
        scope.update(achievement.blank_data(session, DocumentRequest("achievement", blank=True)))
    scope["achievement"]["years"] = [
        {
            "year": result.year,
            "results": [achievement.result_row(result, "Cán bộ có kỹ năng số")],
            "summary": "",
            "as_of": "",
        }
    ]
    lines = load_template(achievement.TEMPLATE).render(scope)
    table = _table_with(lines, "Đánh giá")
    return {c.header: value for c, value in zip(table.columns, table.rows[0], strict=True)}


@pytest.mark.parametrize(
    ("numerator", "denominator", "target", "ward_said", "unit_said", "percent_text"), CASES
)
def test_report_achievement_and_filter_say_the_same_of_the_same_result(
    db: Database,
    numerator: int | None,
    denominator: int | None,
    target: float | None,
    ward_said: str,
    unit_said: str,
    percent_text: str,
) -> None:
    """The plan's rule, worded once: a verdict only on complete data. The ward's report says so with
    its coverage; a unit's own result is complete when the unit reported."""
    ward = _ward_result(numerator, denominator, target)
    unit = _unit_result(numerator, denominator, target)
    in_report = report.indicator_row(1, ward)
    in_achievement = _achievement_row(db, unit)
    by_filter = FILTERS["verdict"]({"met": unit.met, "target": target}, "")
    assert in_report["verdict"] == wording.verdict(ward) == ward_said
    assert in_achievement["Đánh giá"] == by_filter == unit_said
    percent = ward.percent
    assert in_report["percent"] == in_achievement["Kết quả"] == FILTERS["pct"](percent, "")
    assert in_report["percent"] == wording.percent(percent) == percent_text
    assert in_achievement["Chỉ tiêu năm"] == wording.percent(target)


def test_an_incomplete_ward_result_has_no_verdict_while_a_unit_that_reported_has_its_own() -> None:
    """Kế hoạch: the ward's figure is judged only when every expected unit reported (3 of 4 is
    "Chưa đủ số liệu (3/4 đơn vị)"), while the unit that reported is judged on its own figure."""
    ward = report.indicator_row(1, _ward_result(341, 400, 80.0, reported=3))
    assert ward["verdict"] == "Chưa đủ số liệu (3/4 đơn vị)"
    assert ward["verdict_short"] == "Chưa đủ số liệu"
    assert not ward["met"] and not ward["behind"] and ward["gap"] == ""
    assert (
        achievement.result_row(_unit_result(341, 400, 80.0), "Cán bộ có kỹ năng số")["met"] is True
    )


def _label_of(db: Database, indicator_id: int) -> str:
    from desktop.models import Indicator

    with db.session() as session:
        indicator = session.get(Indicator, indicator_id)
        assert indicator is not None
        return indicator.label


def _dossier_of_a_unit_with_figures(session: Any) -> tuple[Dossier, list[UnitResult], int]:
    """A dossier whose nominee's unit reported figures in the campaign's year."""
    from desktop.models import Campaign

    for dossier in session.exec(select(Dossier)).all():
        unit_id = dossier.nominee_unit_id
        if unit_id is None:
            person = session.get(Person, dossier.nominee_person_id)
            unit_id = person.unit_id
        year = session.get(Campaign, dossier.campaign_id).year
        rows = unit_results(session, year, None, unit_id=unit_id)
        if any(r.percent is not None for r in rows):
            return dossier, rows, year
    raise AssertionError("the demo ward has no dossier of a unit with figures")


def test_a_figure_without_a_target_reads_no_target_in_the_achievement_report(
    demo_db: Database,
) -> None:
    """The bug of issue 11: "Chưa có số liệu" printed next to 100 % when the year had no target."""
    with demo_db.session() as session:
        dossier, rows, year = _dossier_of_a_unit_with_figures(session)
        reported = next(r for r in rows if r.percent is not None)
        for target in session.exec(
            select(IndicatorTarget).where(
                IndicatorTarget.indicator_id == reported.indicator_id, IndicatorTarget.year == year
            )
        ):
            session.delete(target)
    request = DocumentRequest("achievement", dossier_id=DossierId(saved_id(dossier.id)))
    with demo_db.session() as session:
        table = _table_with(prepare(session, request).lines, "Đánh giá")
        pdf = render(session, request)
        ward = prepare(session, DocumentRequest("report", year=year))
    # Issue 14: the indicator is printed by its name (Indicator.label), never by its code.
    names = _column(table, "Chỉ tiêu")
    assert reported.indicator_code not in names
    at = names.index(_label_of(demo_db, reported.indicator_id))
    assert _column(table, "Kết quả")[at] == wording.percent(reported.percent)
    assert _column(table, "Chỉ tiêu năm")[at] == "—"
    assert _column(table, "Đánh giá")[at] == "Không có chỉ tiêu"
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(page.extract_text() for page in document.pages)
    assert "Chưa có số liệu" not in text and "Không có chỉ tiêu" in text
    # The ward's report says the same of the same indicator.
    indicators = _table_with(ward.lines, "Đánh giá")
    names = _column(indicators, "Chỉ tiêu")
    verdicts = dict(zip(names, _column(indicators, "Đánh giá"), strict=True))
    assert "Không có chỉ tiêu" in verdicts.values()
    assert set(verdicts.values()) <= {v.value for v in wording.Verdict}
