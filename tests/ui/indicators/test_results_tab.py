"""The Kết quả tab as the clerk reads it: coverage before verdict, the plan's comparison, carried-over
targets, the units missing and behind, and a chart that never claims more than the data holds.

A ward of nine schools (four primary, three lower and two upper secondary) and one kindergarten,
each rule of issue 12 checked on what the tab shows.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCharts import QLineSeries, QScatterSeries
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop.context import AppContext
from desktop.indicators.ops import save_cells
from desktop.indicators.rules import Pair
from desktop.indicators.values import ValueChange
from desktop.models import Indicator, Unit, UnitKind
from desktop.models.ids import IndicatorId, UnitId
from desktop.storage import Database
from desktop.ui.indicators.results_tab import (
    AS_OF_COLUMN,
    LAGGING_COLUMNS,
    MISSING_COLUMNS,
    RESULTS_COLUMNS,
    VERDICT_COLUMN,
    ResultsTab,
)

pytestmark = pytest.mark.gui

SCHOOLS = (
    ("THAD", "Trường Tiểu học An Dương", UnitKind.SCHOOL_PRIMARY),
    ("THBD", "Trường Tiểu học Bắc Sơn", UnitKind.SCHOOL_PRIMARY),
    ("THDD", "Trường Tiểu học Đồng Hòa", UnitKind.SCHOOL_PRIMARY),
    ("THNT", "Trường Tiểu học Ngọc Sơn", UnitKind.SCHOOL_PRIMARY),
    ("THCSLL", "Trường THCS Lê Lợi", UnitKind.SCHOOL_LOWER_SECONDARY),
    ("THCSTP", "Trường THCS Trần Phú", UnitKind.SCHOOL_LOWER_SECONDARY),
    ("THCSNT", "Trường THCS Nam Hà", UnitKind.SCHOOL_LOWER_SECONDARY),
    ("THPTKA", "Trường THPT Kiến An", UnitKind.SCHOOL_UPPER_SECONDARY),
    ("THPTPC", "Trường THPT Phan Chu Trinh", UnitKind.SCHOOL_UPPER_SECONDARY),
)
KINDERGARTEN = ("MNHS", "Trường Mầm non Hoa Sen", UnitKind.SCHOOL_PRESCHOOL)
YES, NO = Pair(1, 1), Pair(0, 1)


def add_schools(db: Database) -> dict[str, UnitId]:
    """The nine schools and the kindergarten, reporting since the plan began."""
    with db.session() as s:
        units = [
            Unit(code=c, name=n, kind=k, reports_from=0) for c, n, k in (*SCHOOLS, KINDERGARTEN)
        ]
        s.add_all(units)
        s.flush()
        return {u.code: UnitId(u.id or 0) for u in units}


def indicator_id(db: Database, code: str) -> IndicatorId:
    with db.session() as s:
        return IndicatorId(s.exec(select(Indicator.id).where(Indicator.code == code)).one() or 0)


def report(
    ctx: AppContext, year: int, quarter: int, code: str, pairs: dict[UnitId, Pair]
) -> None:
    """The clerk enters the schools' values of one quarter, as the grid saves them."""
    iid = indicator_id(ctx.db, code)
    changes = [ValueChange(uid, iid, pair) for uid, pair in pairs.items()]
    ctx.door.run(save_cells(year, quarter, changes, f"nhập {code}", ask_note=False))


@pytest.fixture
def schools(db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, UnitId]:
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-15")
    return add_schools(db)


@pytest.fixture
def tab(  # type: ignore[no-untyped-def]
    qtbot, ctx: AppContext, schools: dict[str, UnitId]
) -> Iterator[ResultsTab]:
    widget = ResultsTab(ctx)
    qtbot.addWidget(widget)
    stop = ctx.door.listen(widget.on_change)  # as the main window relays the door's changes
    widget.resize(1300, 700)
    widget.show()
    yield widget
    stop()


def choose(tab: ResultsTab, year: int, quarter: int | None, code: str) -> int:
    """The clerk picks the year and the quarter (None: the whole year), then the indicator's row."""
    tab.year.setValue(year)
    tab.period.setCurrentIndex(tab.period.findData(quarter))
    model = tab.results_model
    row = next(r for r in range(model.rowCount()) if model.record(r).code == code)
    tab.results.setCurrentIndex(model.index(row, 0))
    return row


def cell(tab: ResultsTab, row: int, header: str, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    return tab.results_model.index(row, RESULTS_COLUMNS.index(header)).data(role)


def names(model) -> set[str]:  # type: ignore[no-untyped-def]
    return {model.record(r).unit_name for r in range(model.rowCount())}


def test_one_school_of_nine_is_no_ground_for_a_verdict_and_the_eight_others_are_named(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId]
) -> None:
    """Plan rule (issue 12, 1): a verdict is given only on complete data. With 1 of 9 schools
    reporting TRUONGKNS in 2026 Q3 the row reads "Chưa đủ số liệu (1/9 đơn vị)", never "Đạt", and
    the 8 schools that have not reported are named; the kindergarten, outside the 2026 scope of
    TRUONGKNS (từ cấp tiểu học), is in neither list."""
    report(ctx, 2026, 3, "TRUONGKNS", {schools["THAD"]: YES})
    for quarter in (3, None):  # the quarter, then the whole year
        row = choose(tab, 2026, quarter, "TRUONGKNS")
        assert cell(tab, row, "Kết luận") == "Chưa đủ số liệu (1/9 đơn vị)"
        assert cell(tab, row, "Đã báo cáo") == "1/9 đơn vị"
        assert "Đạt" not in tab.lagging_title.text().split("—")[1]
        missing = names(tab.missing_model)
        assert missing == {name for code, name, _k in SCHOOLS if code != "THAD"}
        assert tab.details.tabText(0) == "Chưa báo cáo (8)"
        assert KINDERGARTEN[1] not in missing | names(tab.lagging_model)
        assert tab.lagging_model.rowCount() == 0  # the one school that reported teaches it
    assert cell(tab, row, "Số liệu tính đến") == "Quý III: 1 đv"
    tip = cell(tab, row, "Kết luận", Qt.ItemDataRole.ToolTipRole)
    assert "1/9 đơn vị đã báo cáo" in tip and "100%" in tip


def test_with_every_school_reporting_the_verdict_follows_the_figure(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId]
) -> None:
    """Plan rule (II.2, 2026): "80% trở lên các cơ sở giáo dục phổ thông" — with all 9 schools
    reporting, 7 "có" (77,8 %) is "Chưa đạt" and names the 2 schools behind; an eighth "có"
    (88,9 %) is "Đạt". The target reads as the plan words it."""
    pairs = {schools[code]: YES for code, _n, _k in SCHOOLS}
    pairs[schools["THNT"]] = pairs[schools["THPTPC"]] = NO
    report(ctx, 2026, 3, "TRUONGKNS", pairs)
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert cell(tab, row, "Đã báo cáo") == "9/9 đơn vị"
    assert cell(tab, row, "Tỷ lệ") == "77,8%"
    assert cell(tab, row, "Chỉ tiêu năm") == "từ 80% trở lên"
    assert cell(tab, row, "Kết luận") == "Chưa đạt"
    assert names(tab.lagging_model) == {"Trường Tiểu học Ngọc Sơn", "Trường THPT Phan Chu Trinh"}
    assert tab.missing_model.rowCount() == 0
    report(ctx, 2026, 3, "TRUONGKNS", {schools["THNT"]: YES})  # the tab hears of it at once
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert cell(tab, row, "Kết luận") == "Đạt"
    assert names(tab.lagging_model) == {"Trường THPT Phan Chu Trinh"}


def test_the_target_column_words_the_plans_comparison(tab: ResultsTab) -> None:
    """Plan rule (II.2, 2025): "Trên 80% cán bộ" is strictly above, "80% người dân" is 80 % or more,
    "100% học sinh các trường trung học" is all of them; TRUONGKNS has no 2025 target."""
    tab.year.setValue(2025)
    model = tab.results_model
    column = RESULTS_COLUMNS.index("Chỉ tiêu năm")
    targets = {model.record(r).code: model.index(r, column).data() for r in range(model.rowCount())}
    assert targets["CBCC"] == "trên 80%"
    assert targets["DANSO"] == "từ 80% trở lên"
    assert targets["HOCSINH"] == "100%"
    assert targets["TRUONGKNS"] == "Không có"
    verdicts = {
        model.record(r).code: model.index(r, VERDICT_COLUMN).data() for r in range(model.rowCount())
    }
    assert verdicts["TRUONGKNS"] == "Không có chỉ tiêu"


def test_a_carried_over_target_is_marked_with_the_year_it_repeats(tab: ResultsTab) -> None:
    """Plan rule (issue 12, 7): the plan sets no target after 2026; 2027 repeats 2026's as a
    "duy trì" target, marked as such, with the plan's sentence in the tooltip. A year nobody has
    reported shows no figure (not 0 %)."""
    row = choose(tab, 2027, None, "TRUONGKNS")
    assert cell(tab, row, "Chỉ tiêu năm") == "từ 80% trở lên (duy trì từ 2026)"
    # Nobody has reported 2027: no figure, though a yes/no indicator counts its 9 schools.
    assert (cell(tab, row, "Mẫu số"), cell(tab, row, "Tỷ lệ")) == ("9", "—")
    assert cell(tab, row, "Còn thiếu") == ""
    tip = cell(tab, row, "Chỉ tiêu năm", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Duy trì chỉ tiêu năm 2026: 80% trở lên các cơ sở giáo dục")
    assert "duy trì từ 2026" in tab.lagging_title.text()


def test_a_years_figure_says_as_of_which_quarter_each_part_is(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId]
) -> None:
    """Plan rule (issue 12, 2): a year's figure takes each unit's latest report of the year; the row
    says so ("Quý III: 6 đv; Quý II: 3 đv") and a unit behind shows the quarter of its value. The
    quarter view hides the column that would only repeat the quarter."""
    codes = [code for code, _n, _k in SCHOOLS]
    report(ctx, 2026, 2, "TRUONGKNS", {schools[c]: YES for c in codes[:3]})
    report(ctx, 2026, 3, "TRUONGKNS", {schools[c]: YES for c in codes[3:8]})
    report(ctx, 2026, 3, "TRUONGKNS", {schools[codes[8]]: NO})
    row = choose(tab, 2026, None, "TRUONGKNS")
    assert cell(tab, row, "Số liệu tính đến") == "Quý III: 6 đv; Quý II: 3 đv"
    assert cell(tab, row, "Đã báo cáo") == "9/9 đơn vị"
    assert cell(tab, row, "Kết luận") == "Đạt"  # 8 of 9 schools "có": 88,9 %
    assert not tab.results.isColumnHidden(AS_OF_COLUMN)
    choose(tab, 2026, 2, "TRUONGKNS")
    assert tab.results.isColumnHidden(AS_OF_COLUMN)
    row = choose(tab, 2026, 2, "TRUONGKNS")
    assert cell(tab, row, "Kết luận") == "Chưa đủ số liệu (3/9 đơn vị)"


def _ward_lines(tab: ResultsTab) -> list[QLineSeries]:
    return [
        s
        for s in tab.chart.chart().series()
        if isinstance(s, QLineSeries)
        and not isinstance(s, QScatterSeries)
        and s.name() != "Chỉ tiêu năm"
    ]


def _scatter(tab: ResultsTab, name: str) -> QScatterSeries:
    (found,) = [
        s for s in tab.chart.chart().series() if isinstance(s, QScatterSeries) and s.name() == name
    ]
    return found


def test_the_chart_never_joins_across_an_empty_quarter_and_marks_incomplete_ones(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId], qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Plan rule (issue 12, 1): the chart marks incomplete points differently and never joins a
    line across a quarter without figures. 2026: Q1 all nine, Q2 nobody, Q3 all nine, Q4 one
    school: no line runs from Q1 to Q3, Q4 is a hollow "Chưa đủ số liệu" marker labelled 1/9 and
    its link is dashed grey; the target is a step from 2026 (none is drawn for 2025)."""
    every = {schools[code]: YES for code, _n, _k in SCHOOLS}
    report(ctx, 2026, 1, "TRUONGKNS", every)
    report(ctx, 2026, 3, "TRUONGKNS", every)
    report(ctx, 2026, 4, "TRUONGKNS", {schools["THAD"]: YES})
    choose(tab, 2026, 4, "TRUONGKNS")
    q1, q2, q3, q4 = 4, 5, 6, 7  # x of 2026's quarters: 2025 takes 0–3
    lines = _ward_lines(tab)
    assert lines, "the ward's line is drawn"
    for line in lines:
        xs = [round(p.x()) for p in line.points()]
        assert all(b - a == 1 for a, b in zip(xs, xs[1:], strict=False)), xs
        assert q2 not in xs
    assert [[round(p.x()) for p in line.points()] for line in lines] == [[q3, q4]]
    (link,) = lines
    assert link.pen().style() == Qt.PenStyle.DashLine  # it touches an incomplete quarter
    complete = [round(p.x()) for p in _scatter(tab, "Tỷ lệ toàn phường").points()]
    incomplete = _scatter(tab, "Chưa đủ số liệu")
    assert complete == [q1, q3]
    assert [round(p.x()) for p in incomplete.points()] == [q4]
    assert incomplete.brush().color() != _scatter(tab, "Tỷ lệ toàn phường").brush().color()
    legend = tab.chart.chart().legend()
    (marker,) = legend.markers(incomplete)
    qtbot.waitUntil(marker.isVisible, timeout=2000)  # the legend lays out on the next event
    shown = [m.label() for m in legend.markers() if m.isVisible()]
    assert sorted(shown) == ["Chưa đủ số liệu", "Chỉ tiêu năm", "Tỷ lệ toàn phường"]
    assert [item.text() for item, _at in tab.chart._labels] == ["1/9"]
    assert "1/9 đơn vị đã báo cáo (chưa đủ số liệu" in tab.chart.plan.tip(q4)
    assert "100% — 9/9 đơn vị đã báo cáo" in tab.chart.plan.tip(q1)
    targets = [s for s in tab.chart.chart().series() if s.name() == "Chỉ tiêu năm"]
    (step,) = targets
    assert (step.points()[0].x(), step.points()[0].y()) == (q1 - 0.5, 80.0)


def test_the_gap_column_says_how_far_short_or_past_the_target(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId]
) -> None:
    """"Còn thiếu" gives the points still missing while the figure is short of the target, and by
    how much it passed the target once met ("Vượt 8,9 điểm %"), never a negative or a blank."""
    pairs = {schools[code]: YES for code, _n, _k in SCHOOLS}
    pairs[schools["THNT"]] = pairs[schools["THPTPC"]] = NO
    report(ctx, 2026, 3, "TRUONGKNS", pairs)
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert cell(tab, row, "Còn thiếu") == "2,2 điểm %"  # 77,8% of 80%
    report(ctx, 2026, 3, "TRUONGKNS", {schools["THNT"]: YES})
    row = choose(tab, 2026, 3, "TRUONGKNS")
    assert cell(tab, row, "Kết luận") == "Đạt"
    assert cell(tab, row, "Còn thiếu") == "Vượt 8,9 điểm %"  # 88,9% of 80%
    lagging, column = tab.lagging_model, LAGGING_COLUMNS.index("Còn thiếu")
    gaps = [lagging.index(r, column).data() for r in range(lagging.rowCount())]
    assert gaps == ["80 điểm %"]  # the one school behind: 0% of its 80%


def test_beside_each_unit_listed_whether_it_registered_to_emulate(
    tab: ResultsTab, ctx: AppContext, schools: dict[str, UnitId]
) -> None:
    """Issue 16, 3: the unit commitments are a column in the results — a school that lags or has
    not reported reads "Đã đăng ký" or "Chưa" for the year, and the column follows a new record."""
    from desktop.movement.commitment_ops import record_commitment

    report(ctx, 2026, 3, "TRUONGKNS", {schools["THAD"]: NO})
    ctx.door.run(record_commitment(2026, schools["THAD"], date(2026, 1, 20), None))
    choose(tab, 2026, 3, "TRUONGKNS")
    column = LAGGING_COLUMNS.index("Đăng ký thi đua")
    assert tab.lagging_model.index(0, column).data() == "Đã đăng ký"
    signed = MISSING_COLUMNS.index("Đăng ký thi đua")
    words = {tab.missing_model.index(r, signed).data() for r in range(tab.missing_model.rowCount())}
    assert words == {"Chưa"}
    first = tab.missing_model.record(0)
    ctx.door.run(record_commitment(2026, first.unit_id, date(2026, 2, 1), None))
    row = next(
        r for r in range(tab.missing_model.rowCount())
        if tab.missing_model.record(r).unit_id == first.unit_id
    )  # fmt: skip
    assert tab.missing_model.index(row, signed).data() == "Đã đăng ký"
