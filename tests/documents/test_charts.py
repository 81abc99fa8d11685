"""Charts of the reports: vector drawings whose words are the one voice's, checked on a page."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String

from desktop.documents import fonts
from desktop.documents.charts import (
    TEXT_SIZE,
    ChartGrid,
    ChartPanel,
    Series,
    TargetLine,
    bar_chart,
    categories_of,
    line_chart,
    target_label,
)
from desktop.documents.template import parse_template

QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")


def _walk(node: Drawing | Group) -> list[object]:
    out: list[object] = []
    for item in node.contents:
        out.append(item)
        if isinstance(item, Group):
            out += _walk(item)
    return out


def _words(drawing: Drawing) -> list[str]:
    return [s.text for s in _walk(drawing) if isinstance(s, String)]


def _quarters(values: list[float | None]) -> Series:
    return Series("Toàn phường", tuple(zip(QUARTERS, values, strict=True)))


def setup_module() -> None:
    fonts.register_fonts()


def test_bar_chart_words_figures_with_the_decimal_comma_and_leaves_no_bar_for_no_figure() -> None:
    drawing = bar_chart(
        [_quarters([70.0, 78.5, None, 85.25])],
        [TargetLine(80.0, target_label(80.0))],
        width=230,
        height=210,
        title="Cán bộ, công chức",
    )
    words = _words(drawing)
    assert [w for w in words if w in QUARTERS] == list(QUARTERS)
    assert {"70%", "78,5%", "85,3%", "—", "Mục tiêu 80%", "Cán bộ, công chức"} <= set(words)
    bars = [r for r in _walk(drawing) if isinstance(r, Rect) and r.fillColor is not None]
    # Three bars and the legend's square: the quarter without a figure has no bar (not a bar of 0).
    assert len(bars) == 4
    strings = [s for s in _walk(drawing) if isinstance(s, String)]
    assert min(s.fontSize for s in strings) >= TEXT_SIZE


def test_a_target_that_changes_with_the_year_is_drawn_over_its_own_years_only() -> None:
    years = ("2025", "2026", "2027")
    series = [Series("Cán bộ", tuple(zip(years, (81.0, 95.0, 99.0), strict=True)))]
    targets = [
        TargetLine(80.0, "Mục tiêu 2025: 80%", ("2025",)),
        TargetLine(100.0, "Mục tiêu 2026–2027: 100%", ("2026", "2027")),
    ]
    drawing = line_chart(series, targets, width=300, height=200)
    dashed = [
        ln for ln in _walk(drawing) if isinstance(ln, Line) and ln.strokeDashArray is not None
    ]
    # Two stretches on the plot, and the two samples of the legend.
    plot = sorted(dashed, key=lambda ln: ln.x2 - ln.x1)[2:]
    assert len(plot) == 2
    first, later = sorted(plot, key=lambda ln: ln.x1)
    assert first.x2 <= later.x1 + 0.01
    assert later.y1 > first.y1  # 100 % above 80 %


def test_categories_are_the_union_of_every_series_in_the_order_first_met() -> None:
    a = Series("A", (("2025", 1.0), ("2026", 2.0)))
    b = Series("B", (("2026", 3.0), ("2027", None)))
    assert categories_of([a, b]) == ["2025", "2026", "2027"]


def test_a_template_places_a_grid_of_charts_where_it_says_chart() -> None:
    grid = ChartGrid((ChartPanel("Học sinh", (_quarters([90.0, 95.0, 100.0, 100.0]),)),))
    lines = parse_template("@heading BIỂU ĐỒ\n@chart report.chart\n", "t.txt").render(
        {"report": {"chart": grid}}
    )
    assert [line.directive for line in lines] == ["heading", "chart"]
    assert lines[1].figure is grid
    assert grid.flowable(450).wrap(450, 800)[0] == 450
