"""Chart of one indicator: the ward's percentage each quarter against the year's target (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.ui.texts import indicators as t

Series = list[tuple[int, int, float | None, float | None]]  # (year, quarter, percent, target)


class IndicatorChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        super().__init__(self._chart, parent)
        self.setObjectName("chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.points: list[QPointF] = []

    def show_series(self, code: str, series: Series) -> None:
        chart = self._chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(t.CHART_TITLE.format(code=code))
        ward = QLineSeries()
        ward.setName(t.CHART_SERIES)
        ward.setPointsVisible(True)
        target = QLineSeries()
        target.setName(t.CHART_TARGET)
        pen = QPen(Qt.GlobalColor.darkRed)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        target.setPen(pen)
        self.points = []
        for n, (_year, _quarter, percent, goal) in enumerate(series):
            if percent is not None:
                self.points.append(QPointF(n, percent))
                ward.append(n, percent)
            if goal is not None:
                # A step: the year's target holds across its four quarters.
                target.append(n - 0.5, goal)
                target.append(n + 0.5, goal)
        chart.addSeries(ward)
        chart.addSeries(target)
        axis_x = QCategoryAxis()
        axis_x.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for n, (year, quarter, _p, _g) in enumerate(series):
            if quarter == 1 or n == 0:
                axis_x.append(f"Q{quarter}/{year}", n)
        axis_x.setRange(-0.5, max(len(series) - 0.5, 0.5))
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")  # "80%", as the one voice writes it
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for line in (ward, target):
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
