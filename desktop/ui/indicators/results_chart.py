"""Chart of one indicator: the ward's percentage each quarter against the year's target (QtCharts).

What the chart may claim follows the results' rule (issue 12): a quarter whose coverage is
incomplete is drawn as a hollow grey marker labelled with its "k/n" (legend "Chưa đủ số liệu"),
never as a filled point; the line never joins two quarters across one without a figure, and a link
that touches an incomplete quarter is drawn dashed and grey, so one school's 93,5 % does not read as
the ward's trend. The target is a step line: each year's target holds across its four quarters.

:func:`plan_chart` decides all of that from the :class:`SeriesPoint` list without Qt;
:class:`IndicatorChart` only draws the plan.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAreaSeries,
    QCategoryAxis,
    QChart,
    QChartView,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
    QXYSeries,
)
from PySide6.QtCore import QMargins, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QCursor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

from desktop.indicators.results import SeriesPoint
from desktop.text.wording import ROMAN, count, percent

TITLE = "{code}: tỷ lệ toàn phường theo quý"
SERIES_NAME = "Tỷ lệ toàn phường"
INCOMPLETE_NAME = "Chưa đủ số liệu"
TARGET_NAME = "Chỉ tiêu năm"
PERIOD_NAME = "Kỳ đang xem"
EMPTY_TITLE = "Chọn một chỉ tiêu để xem biểu đồ"
TIP = "Quý {quarter}/{year}: {percent} — {reported}/{expected} đơn vị đã báo cáo"
TIP_INCOMPLETE = " (chưa đủ số liệu để kết luận)"
TIP_NONE = "Quý {quarter}/{year}: chưa có số liệu (0/{expected} đơn vị)"
TIP_TARGET = "\nChỉ tiêu năm {year}: {target}"
COVERAGE_LABEL = "{reported}/{expected}"
# The x axis in the longest Vietnamese form that fits: "Quý I/2025" under each quarter, else
# "I/2025" under the axis title "Quý", else the year under its four quarters.
QUARTER_LONG = "Quý {quarter}/{year}"
QUARTER_SHORT = "{quarter}/{year}"
AXIS_QUARTERS = "Quý"
AXIS_YEARS = "Năm (mỗi năm bốn quý)"
LABEL_GAP = 10  # pixels between two labels of the axis

LINE = QColor("#1f5fa8")
GREY = QColor("#8a8a8a")
TARGET = QColor("#a11d21")
SHADE = QColor("#fff3c4")
TOP = 105.0


@dataclass(frozen=True)
class Link:
    """Part of the ward's line: consecutive quarters (x positions) that all have a figure.

    ``complete`` links join complete quarters only and are drawn solid; the others touch an
    incomplete quarter and are drawn dashed grey.
    """

    xs: tuple[int, ...]
    complete: bool


@dataclass(frozen=True)
class ChartPlan:
    """Everything the chart draws, by x position (0 = the first quarter of the first year)."""

    points: tuple[SeriesPoint, ...]
    links: tuple[Link, ...]
    complete: tuple[int, ...]  # x of the filled markers
    incomplete: tuple[int, ...]  # x of the hollow markers
    targets: tuple[tuple[tuple[float, float], ...], ...]  # step lines, broken where no target

    def tip(self, x: int) -> str:
        """The tooltip of the quarter at ``x``: its percent, its coverage and the year's target."""
        point = self.points[x]
        if point.percent is None:
            text = TIP_NONE.format(
                quarter=ROMAN[point.quarter], year=point.year, expected=count(point.expected_units)
            )
        else:
            text = TIP.format(
                quarter=ROMAN[point.quarter],
                year=point.year,
                percent=percent(point.percent),
                reported=count(point.reported_units),
                expected=count(point.expected_units),
            )
            if not point.complete:
                text += TIP_INCOMPLETE
        if point.target is not None:
            text += TIP_TARGET.format(year=point.year, target=percent(point.target))
        return text


@dataclass(frozen=True)
class AxisPlan:
    """The x axis's labels, each with the x where its category ends, and the axis's title."""

    labels: tuple[tuple[str, float], ...]
    title: str


def plan_axis(
    series: Sequence[SeriesPoint], room: float, width_of: Callable[[str], float]
) -> AxisPlan:
    """The longest form of the quarters' labels whose every label fits its share of ``room``
    pixels (``width_of`` measures a text in the axis's font); never an English "Q"."""
    if series:
        share = room / len(series)
        for form, title in ((QUARTER_LONG, ""), (QUARTER_SHORT, AXIS_QUARTERS)):
            labels = tuple(
                (form.format(quarter=ROMAN[p.quarter], year=p.year), x + 0.5)
                for x, p in enumerate(series)
            )
            if all(width_of(text) + LABEL_GAP <= share for text, _end in labels):
                return AxisPlan(labels, title)
    years = tuple(
        (str(point.year), x + 0.5)
        for x, point in enumerate(series)
        if x + 1 == len(series) or series[x + 1].year != point.year
    )
    return AxisPlan(years, AXIS_YEARS if years else "")


def plan_chart(points: Sequence[SeriesPoint]) -> ChartPlan:
    """Split the quarters into links (never across a quarter without a figure), markers by
    coverage, and the target's step line (broken across a year without a target)."""
    pairs: list[tuple[int, bool]] = []  # (x of the pair's left end, both ends complete)
    for x in range(len(points) - 1):
        left, right = points[x], points[x + 1]
        if left.percent is not None and right.percent is not None:
            pairs.append((x, left.complete and right.complete))
    links: list[Link] = []
    for x, complete in pairs:
        last = links[-1] if links else None
        if last is not None and last.complete == complete and last.xs[-1] == x:
            links[-1] = Link((*last.xs, x + 1), complete)
        else:
            links.append(Link((x, x + 1), complete))
    figured = [x for x, p in enumerate(points) if p.percent is not None]
    return ChartPlan(
        points=tuple(points),
        links=tuple(links),
        complete=tuple(x for x in figured if points[x].complete),
        incomplete=tuple(x for x in figured if not points[x].complete),
        targets=_target_steps(points),
    )


def _target_steps(points: Sequence[SeriesPoint]) -> tuple[tuple[tuple[float, float], ...], ...]:
    steps: list[list[tuple[float, float]]] = []
    previous: SeriesPoint | None = None
    for x, point in enumerate(points):
        goal = point.target
        if goal is None:
            previous = None
            continue
        if previous is None or previous.target is None:
            steps.append([(x - 0.5, goal)])
        elif previous.target != goal:  # a new year's target: the riser of the step
            steps[-1].append((x - 0.5, previous.target))
            steps[-1].append((x - 0.5, goal))
        previous = point
        if x + 1 == len(points) or points[x + 1].target is None:  # the run of targets ends
            steps[-1].append((x + 0.5, goal))
    return tuple(tuple(step) for step in steps)


class IndicatorChart(QChartView):
    """Shows a :class:`ChartPlan`; ``plan`` and ``points`` are kept for what the clerk hovers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(380, 240)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        # Filled and hollow circles in the legend, as on the line, and the target's dashes.
        self._chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self._chart.setMargins(QMargins(4, 4, 4, 4))
        self._chart.setTitle(EMPTY_TITLE)
        self.plan = plan_chart([])
        self.points: list[QPointF] = []  # every quarter that has a figure
        self._labels: list[tuple[QGraphicsSimpleTextItem, QPointF]] = []
        self._series: list[SeriesPoint] = []
        self.axis_x: QCategoryAxis | None = None
        self.axis = plan_axis([], 0, len)
        self._chart.plotAreaChanged.connect(lambda _area: self._place_labels())

    def show_series(
        self, code: str, series: Sequence[SeriesPoint], period: tuple[int, int | None] | None = None
    ) -> None:
        """Draw ``series``; ``period`` (year, quarter or None for the year) is shaded, the quarters
        the table above is showing."""
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        for item, _at in self._labels:
            self.scene().removeItem(item)  # takes it from the chart too
        self._labels = []
        chart.setTitle(TITLE.format(code=code))
        self._series = list(series)
        self.plan = plan = plan_chart(series)
        figured = sorted((*plan.complete, *plan.incomplete))
        self.points = [QPointF(x, series[x].percent or 0.0) for x in figured]
        axis_x, axis_y = self._axes(series)
        shade = self._shade(series, period)
        if shade is not None:
            chart.addSeries(shade)
            shade.attachAxis(axis_x)
            shade.attachAxis(axis_y)
            for marker in chart.legend().markers(shade):
                marker.setVisible(False)
        drawn: list[QXYSeries] = []
        for link in plan.links:
            drawn.append(self._link(link, series))
        for steps in plan.targets:
            drawn.append(self._target(steps))
        drawn.append(self._markers(plan.complete, series, complete=True))
        drawn.append(self._markers(plan.incomplete, series, complete=False))
        for line in drawn:
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        self._legend(drawn)
        for x in plan.incomplete:
            point = series[x]
            item = QGraphicsSimpleTextItem(
                COVERAGE_LABEL.format(
                    reported=count(point.reported_units), expected=count(point.expected_units)
                ),
                chart,
            )
            item.setBrush(QBrush(GREY))
            item.setZValue(1000)  # above the series, the shaded period included
            font = QFont(item.font())
            font.setPointSizeF(max(font.pointSizeF() - 1, 7))
            item.setFont(font)
            self._labels.append((item, QPointF(x, point.percent or 0.0)))
        self._place_labels()
        # The axes take their new ranges when the chart is laid out again: place once more then.
        QTimer.singleShot(0, self._place_labels)

    def _axes(self, series: Sequence[SeriesPoint]) -> tuple[QCategoryAxis, QValueAxis]:
        chart = self._chart
        axis_x = QCategoryAxis()
        axis_x.setStartValue(-0.5)
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
        self.axis_x = axis_x
        self._label_axis()
        axis_x.setRange(-0.5, max(len(series) - 0.5, 0.5))
        axis_y = QValueAxis()
        axis_y.setRange(0, TOP)  # room above 100 % for a marker and the target's line
        axis_y.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_y.setTickAnchor(0)
        axis_y.setTickInterval(20)
        axis_y.setLabelFormat("%d%%")  # "80%", as the one voice writes a whole percent
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        return axis_x, axis_y

    def _label_axis(self) -> None:
        """Label the quarters in the longest form that fits the plot's width now."""
        axis_x = self.axis_x
        if axis_x is None:
            return
        metrics = QFontMetricsF(axis_x.labelsFont())
        room = self._chart.plotArea().width() or self.width() - 80
        axis = plan_axis(self._series, room, metrics.horizontalAdvance)
        if axis == self.axis and axis_x.count() == len(axis.labels):
            return
        self.axis = axis
        for label in axis_x.categoriesLabels():
            axis_x.remove(label)
        for text, end in axis.labels:
            axis_x.append(text, end)
        axis_x.setTitleText(axis.title)
        axis_x.setTitleVisible(bool(axis.title))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._label_axis)  # once the plot area has its new width

    def _shade(
        self, series: Sequence[SeriesPoint], period: tuple[int, int | None] | None
    ) -> QAreaSeries | None:
        if period is None:
            return None
        year, quarter = period
        xs = [
            x
            for x, p in enumerate(series)
            if p.year == year and (quarter is None or p.quarter == quarter)
        ]
        if not xs:
            return None
        upper, lower = QLineSeries(), QLineSeries()
        for line, y in ((upper, TOP), (lower, 0.0)):
            line.append(xs[0] - 0.5, y)
            line.append(xs[-1] + 0.5, y)
        shade = QAreaSeries(upper, lower)
        upper.setParent(shade)  # removed with the shade when the chart is drawn again
        lower.setParent(shade)
        shade.setName(PERIOD_NAME)
        shade.setPen(QPen(Qt.PenStyle.NoPen))
        shade.setBrush(QBrush(SHADE))
        return shade

    def _link(self, link: Link, series: Sequence[SeriesPoint]) -> QLineSeries:
        line = QLineSeries()
        line.setName(SERIES_NAME)
        pen = QPen(LINE if link.complete else GREY)
        pen.setWidth(2)
        if not link.complete:
            pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        for x in link.xs:
            line.append(x, series[x].percent or 0.0)
        return line

    def _target(self, steps: tuple[tuple[float, float], ...]) -> QLineSeries:
        line = QLineSeries()
        line.setName(TARGET_NAME)
        pen = QPen(TARGET)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        line.setPen(pen)
        for x, goal in steps:
            line.append(x, goal)
        return line

    def _markers(
        self, xs: tuple[int, ...], series: Sequence[SeriesPoint], complete: bool
    ) -> QScatterSeries:
        markers = QScatterSeries()
        markers.setName(SERIES_NAME if complete else INCOMPLETE_NAME)
        markers.setMarkerSize(10)
        markers.setPen(QPen(LINE if complete else GREY, 2))
        markers.setBrush(QBrush(LINE if complete else QColor(Qt.GlobalColor.white)))
        for x in xs:
            markers.append(x, series[x].percent or 0.0)
        markers.hovered.connect(self._hovered)
        return markers

    def _legend(self, drawn: list[QXYSeries]) -> None:
        """One legend entry per meaning: the ward's line (its filled markers), the incomplete
        markers (only when there are some) and the target."""
        legend = self._chart.legend()
        target_shown = False
        for line in drawn:
            if isinstance(line, QScatterSeries):  # the markers stand for the ward's line
                visible = line.count() > 0
            else:
                visible = line.name() == TARGET_NAME and not target_shown
                target_shown = target_shown or visible
            for marker in legend.markers(line):
                marker.setVisible(visible)

    def _place_labels(self) -> None:
        for item, at in self._labels:
            position = self._chart.mapToPosition(at)
            item.setPos(position.x() + 7, position.y() - item.boundingRect().height() - 2)

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            QToolTip.hideText()
            return
        x = round(point.x())
        if 0 <= x < len(self.plan.points):
            QToolTip.showText(QCursor.pos(), self.plan.tip(x), self)
