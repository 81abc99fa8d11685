"""Tab “Kết quả”: ward value per indicator against the year's target, completeness, lagging units,
results per unit kind and a chart of the selected indicator over the quarters of the plan.

Every verdict, percent and count is worded by :mod:`desktop.text.wording`, as in Excel and the PDF.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area
from desktop.context import AppContext
from desktop.indicators.results import (
    IndicatorResult,
    KindResult,
    UnitResult,
    indicator_series,
    results_by_kind,
    unit_standing,
    ward_results,
)
from desktop.indicators.targets import PLAN_FIRST_YEAR, PLAN_LAST_YEAR
from desktop.text.wording import count, percent, points, verdict
from desktop.ui.indicators.reloading import ReloadingTab
from desktop.ui.indicators.results_chart import IndicatorChart
from desktop.ui.indicators.values_entry import current_period, year_box
from desktop.ui.indicators.values_excel import export_results_action
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.table_model import RECORD_ROLE, Column, RecordTableModel


def _quarter(r: IndicatorResult) -> str:
    return "" if r.quarter is None else str(r.quarter)


def _reported(r: IndicatorResult | KindResult) -> str:
    return f"{count(r.reported_units)}/{count(r.expected_units)}"


def result_columns() -> list[Column[IndicatorResult]]:
    code, name, quarter, num, den, pct, target, gap, met, done = t.RESULTS_COLUMNS
    C = Column[IndicatorResult]
    return [
        C(code, lambda r: r.code),
        C(name, lambda r: r.name),
        C(quarter, _quarter, align_right=True),
        C(num, lambda r: count(r.numerator), align_right=True),
        C(den, lambda r: count(r.denominator), align_right=True),
        C(pct, lambda r: percent(r.percent), align_right=True),
        C(target, lambda r: percent(r.target), align_right=True),
        C(gap, lambda r: points(r.gap), align_right=True),
        C(met, verdict),
        C(done, _reported, align_right=True),
    ]


def lagging_columns() -> list[Column[UnitResult]]:
    code, unit, kind, num, den, pct, gap = t.LAGGING_COLUMNS
    C = Column[UnitResult]
    return [
        C(code, lambda r: r.unit_code),
        C(unit, lambda r: r.unit_name),
        C(kind, lambda r: r.unit_kind.label),
        C(num, lambda r: count(r.numerator), align_right=True),
        C(den, lambda r: count(r.denominator), align_right=True),
        C(pct, lambda r: percent(r.percent), align_right=True),
        C(gap, lambda r: points(r.gap), align_right=True),
    ]


def kind_columns() -> list[Column[KindResult]]:
    indicator, kind, pct, done = t.KIND_COLUMNS
    C = Column[KindResult]
    return [
        C(indicator, lambda r: r.code),
        C(kind, lambda r: r.unit_kind.label),
        C(pct, lambda r: percent(r.percent), align_right=True),
        C(done, _reported, align_right=True),
    ]


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ResultsTab(ReloadingTab):
    """Reloads when values, indicators or units changed, once it is seen."""

    areas = (Area.VALUES, Area.INDICATORS, Area.UNITS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        year, _quarter = current_period()
        self.year = year_box(year)
        self.year.setObjectName("results_year")
        self.period = QComboBox()
        self.period.setObjectName("results_period")
        self.period.addItem(t.WHOLE_YEAR, None)
        for q in range(1, 5):
            self.period.addItem(t.QUARTER_ITEM.format(quarter=q), q)
        self.results_model: RecordTableModel[IndicatorResult] = RecordTableModel(
            result_columns(), self
        )
        self.results = _table("results")
        self.results.setModel(self.results_model)
        self.lagging_model: RecordTableModel[UnitResult] = RecordTableModel(lagging_columns(), self)
        self.lagging = _table("lagging")
        self.lagging.setModel(self.lagging_model)
        self.kind_model: RecordTableModel[KindResult] = RecordTableModel(kind_columns(), self)
        self.kinds = _table("kinds")
        self.kinds.setModel(self.kind_model)
        self._kinds: list[KindResult] = []
        self.lagging_title = QLabel()
        self.chart = IndicatorChart(self)
        self.actions_bar = QHBoxLayout()
        self.message = QLabel()
        export = QPushButton(t.EXPORT_RESULTS)
        export.clicked.connect(
            lambda: export_results_action(self.ctx, self, *self.chosen, self.message)
        )
        self.actions_bar.addWidget(export)
        self.actions_bar.addWidget(self.message)

        top = QHBoxLayout()
        for widget in (QLabel(t.YEAR), self.year, self.period):
            top.addWidget(widget)
        top.addLayout(self.actions_bar)
        top.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lagging_title)
        left_layout.addWidget(self.lagging, 2)
        left_layout.addWidget(QLabel(t.KIND_TITLE))
        left_layout.addWidget(self.kinds, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(left)
        lower.addWidget(self.chart)
        lower.setSizes([500, 500])
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(self.results)
        whole.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(whole, 1)

        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.results.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.show_indicator()
        )

    @property
    def chosen(self) -> tuple[int, int | None]:
        return self.year.value(), self.period.currentData()

    def reload(self) -> None:
        year, quarter = self.chosen
        selected = self.selected_result()
        rows, kinds = self.ctx.door.read(
            lambda s: (ward_results(s, year, quarter), results_by_kind(s, year, quarter))
        )
        kinds = [k for k in kinds if k.expected_units]
        self.results_model.set_records(rows)
        self._kinds = kinds
        self.results.resizeColumnsToContents()
        self.results.setColumnWidth(1, min(self.results.columnWidth(1), 380))
        row = next(
            (n for n, r in enumerate(rows) if selected and r.indicator_id == selected.indicator_id),
            0,
        )
        if rows:
            self.results.selectRow(row)
        self.show_indicator()

    def selected_result(self) -> IndicatorResult | None:
        index = self.results.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def show_indicator(self) -> None:
        result = self.selected_result()
        if result is None:
            self.lagging_model.set_records([])
            return
        year, quarter = self.chosen
        indicator_id = result.indicator_id
        (behind, missing), series = self.ctx.door.read(
            lambda s: (
                unit_standing(s, year, quarter, indicator_id),
                indicator_series(s, indicator_id, PLAN_FIRST_YEAR, PLAN_LAST_YEAR),
            )
        )
        self.lagging_title.setText(
            t.LAGGING_TITLE.format(
                code=result.code, behind=count(len(behind)), missing=count(len(missing))
            )
        )
        self.lagging_model.set_records(behind)
        self.lagging.resizeColumnsToContents()
        self.kind_model.set_records(
            [k for k in self._kinds if k.indicator_id == result.indicator_id]
        )
        self.kinds.resizeColumnsToContents()
        self.chart.show_series(result.code, series)
