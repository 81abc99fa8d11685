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
    pytest.param(85.25, 80.0, "Đạt", "85,3%", id="met"),
    pytest.param(79.9, 80.0, "Chưa đạt", "79,9%", id="not-met"),
    pytest.param(None, 80.0, "Chưa đủ số liệu", "—", id="no-figure"),
    pytest.param(100.0, None, "Không có chỉ tiêu", "100%", id="no-target"),
]


def _ward_result(percent: float | None, target: float | None) -> IndicatorResult:
    return IndicatorResult(
        IndicatorId(1), "CBCC", "Cán bộ có kỹ năng số", 2025, 2, 1, 1, percent, target, 3, 4
    )


def _unit_result(percent: float | None, target: float | None) -> UnitResult:
    return UnitResult(
        UnitId(1), "TDP01", "Tổ dân phố 1", UnitKind.WARD_OFFICE, IndicatorId(1), "CBCC",
        2025, 2, None, None, percent, target,
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
        scope.update(achievement.blank_data(session))
    scope["achievement"]["results"] = [achievement.result_row(result)]
    lines = load_template(achievement.TEMPLATE).render(scope)
    table = _table_with(lines, "Đánh giá")
    return {c.header: value for c, value in zip(table.columns, table.rows[0], strict=True)}


@pytest.mark.parametrize(("percent", "target", "said", "percent_text"), CASES)
def test_report_achievement_and_filter_say_the_same_of_the_same_result(
    db: Database, percent: float | None, target: float | None, said: str, percent_text: str
) -> None:
    in_report = report.indicator_row(1, _ward_result(percent, target))
    in_achievement = _achievement_row(db, _unit_result(percent, target))
    by_filter = FILTERS["verdict"]({"percent": percent, "target": target}, "")
    assert in_report["verdict"] == in_achievement["Đánh giá"] == by_filter == said
    assert in_report["percent"] == in_achievement["Kết quả"] == FILTERS["pct"](percent, "")
    assert in_report["percent"] == wording.percent(percent) == percent_text
    assert in_report["target"] == in_achievement["Chỉ tiêu năm"] == wording.percent(target)


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
    codes = _column(table, "Chỉ tiêu")
    at = codes.index(reported.indicator_code)
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
