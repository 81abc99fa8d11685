"""Tab “Kết quả”: where the ward stands on each indicator, and how far the figures can be trusted.

Every row — the ward's and each unit kind's, of a quarter or of the whole year — says how many of
the units expected have reported ("k/n đơn vị") beside its verdict, and the verdict comes from
:func:`desktop.text.wording.verdict`, so incomplete data reads "Chưa đủ số liệu (1/9 đơn vị)" and
never "Đạt" (issue 12: a conclusion is drawn only on complete data, by the share set in Cài đặt).
The target column words the plan's comparison ("trên 80%", "từ 80% trở lên", "100%") and marks a
target carried over from the plan's last year; a year's figure says as of which quarter its parts
are. For the selected indicator the tab names the units that have not reported and those behind the
target; units the year's target does not cover are in neither (:mod:`desktop.indicators.results`).

Every verdict, percent and count is worded by :mod:`desktop.text.wording`, as in Excel and the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators.results import (
    IndicatorResult,
    KindResult,
    UnitResult,
    indicator_series,
    results_by_kind,
    unit_standing,
    ward_results,
)
from desktop.indicators.scope import plan_years
from desktop.indicators.targets import TargetRow, list_targets
from desktop.models import Comparison
from desktop.models.ids import IndicatorId
from desktop.models.periods import quarter_of, today
from desktop.movement.commitments import registered_unit_ids, registered_word
from desktop.settings import load_settings
from desktop.text import wording
from desktop.text.wording import ROMAN, count, percent, verdict
from desktop.ui.errors import refusal_text
from desktop.ui.indicators.reloading import ReloadingTab
from desktop.ui.indicators.results_chart import IndicatorChart
from desktop.ui.indicators.values_excel import export_results_action
from desktop.ui.widgets.elided import fit_columns
from desktop.ui.widgets.table_model import RECORD_ROLE, Column, RecordTableModel

# -- the words of the tab ------------------------------------------------------------------------
YEAR = "Năm:"
WHOLE_YEAR = "Cả năm (số liệu mới nhất của mỗi đơn vị)"
QUARTER_ITEM = "Quý {quarter}"
EXPORT = "Xuất &kết quả ra Excel…"
RESULTS_COLUMNS = (
    "Mã",
    "Chỉ tiêu",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ",
    "Chỉ tiêu năm",
    "Còn thiếu",
    "Đã báo cáo",
    "Kết luận",
    "Số liệu tính đến",
)
NAME_COLUMN = RESULTS_COLUMNS.index("Chỉ tiêu")
TARGET_COLUMN = RESULTS_COLUMNS.index("Chỉ tiêu năm")
COVERAGE_COLUMN = RESULTS_COLUMNS.index("Đã báo cáo")
VERDICT_COLUMN = RESULTS_COLUMNS.index("Kết luận")
AS_OF_COLUMN = RESULTS_COLUMNS.index("Số liệu tính đến")
REGISTERED = "Đăng ký thi đua"
MISSING_COLUMNS = ("Mã", "Đơn vị chưa báo cáo", "Loại đơn vị", REGISTERED)
LAGGING_COLUMNS = (
    "Mã", "Đơn vị", "Loại", "Tử số", "Mẫu số", "Tỷ lệ", "Còn thiếu", "Số liệu quý", REGISTERED
)  # fmt: skip
UNIT_QUARTER_COLUMN = LAGGING_COLUMNS.index("Số liệu quý")
KIND_COLUMNS = ("Chỉ tiêu", "Loại đơn vị", "Tỷ lệ", "Đã báo cáo", "Kết luận")
KIND_VERDICT_COLUMN = KIND_COLUMNS.index("Kết luận")
UNIT_NAME_COLUMN = 1  # of the lists of units: after the code
TAB_MISSING = "Chưa báo cáo ({count})"
TAB_LAGGING = "Chưa đạt chỉ tiêu ({count})"
TAB_KINDS = "Theo loại đơn vị"
COVERAGE = "{reported}/{expected} đơn vị"
AS_OF_PART = "Quý {quarter}: {units} đv"
AS_OF_TIP = "Số liệu cả năm lấy báo cáo mới nhất trong năm của mỗi đơn vị:\n{parts}"
AS_OF_TIP_PART = "quý {quarter}: {units} đơn vị"
ABOVE = "trên {percent}"
AT_LEAST = "từ {percent} trở lên"
EQUAL = "bằng {percent}"
CARRIED = "{target} (duy trì từ {year})"
CARRIED_NO_YEAR = "{target} (duy trì)"
CARRIED_TIP = (
    "Chỉ tiêu duy trì (Kế hoạch không đặt chỉ tiêu năm {year}; sửa trong Danh mục chỉ tiêu)."
)
NO_TARGET = "Không có"
INCOMPLETE_TIP = (
    "{reported}/{expected} đơn vị đã báo cáo; chỉ kết luận khi đạt {threshold} số đơn vị phải báo "
    "cáo (Cài đặt)."
)
MISSING_TIP = "Chưa báo cáo: {names}"
MORE = "… và {count} đơn vị khác"
SUMMARY = (
    "<b>{code}</b> — {verdict}. {missing} đơn vị chưa báo cáo, {behind} đơn vị chưa đạt "
    "chỉ tiêu năm ({target})."
)
SUMMARY_NO_TARGET = "<b>{code}</b> — năm {year} không có chỉ tiêu. {missing} đơn vị chưa báo cáo."
NOTHING = "Không có chỉ tiêu nào đang theo dõi."

MET = QColor("#1b7a34")
NOT_MET = QColor("#b00020")
UNSURE = QColor("#8a5a00")

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


# -- how a result is worded ----------------------------------------------------------------------
@dataclass(frozen=True)
class TargetNote:
    """What the plan says of the year's target of one indicator, for its cell and tooltip."""

    text: str  # the plan's sentence (or "Duy trì chỉ tiêu năm 2026: …")
    carried_from: int | None  # the year of the plan's target a "duy trì" target repeats


def comparison_text(target: float | None, comparison: Comparison) -> str:
    """The target as the plan words it: "trên 80%", "từ 80% trở lên", "100%"."""
    if target is None:
        return NO_TARGET
    value = percent(target)
    if comparison is Comparison.ABOVE:
        return ABOVE.format(percent=value)
    if comparison is Comparison.EQUAL:
        return value if target == 100 else EQUAL.format(percent=value)
    return AT_LEAST.format(percent=value)


def target_text(result: IndicatorResult, note: TargetNote | None) -> str:
    text = comparison_text(result.target, result.comparison)
    if result.target is None or not result.carried_over:
        return text
    if note is None or note.carried_from is None:
        return CARRIED_NO_YEAR.format(target=text)
    return CARRIED.format(target=text, year=note.carried_from)


def coverage(result: IndicatorResult | KindResult) -> str:
    """"1/9 đơn vị": units reported out of units expected."""
    return COVERAGE.format(
        reported=count(result.reported_units), expected=count(result.expected_units)
    )


def as_of_text(result: IndicatorResult) -> str:
    """"Quý III: 20 đv; Quý II: 3 đv": the quarters the parts of the figure are of, newest first."""
    if not result.as_of:
        return "—"
    return "; ".join(AS_OF_PART.format(quarter=ROMAN[q], units=count(n)) for q, n in result.as_of)


def figure(result: IndicatorResult | KindResult) -> str:
    """The ward's percent, or "—" while no unit has reported: a yes/no indicator counts the
    schools expected as its Mẫu số, so nobody reporting would otherwise read as 0 %."""
    return percent(result.percent if result.reported_units else None)


def gap_text(result: IndicatorResult | KindResult | UnitResult) -> str:
    """Points still missing to the target, or by how much the figure passed it ("Vượt 1,5 điểm
    %"); nothing when nobody reported."""
    if not result.reported_units:
        return ""
    return wording.gap(result.gap, result.behind)


def missing_names(result: IndicatorResult, limit: int = 12) -> str:
    names = [u.name for u in result.missing_units]
    shown = "\n".join(names[:limit])
    if len(names) > limit:
        shown += "\n" + MORE.format(count=count(len(names) - limit))
    return MISSING_TIP.format(names="\n" + shown) if names else ""


def verdict_colour(judged: IndicatorResult | KindResult) -> QColor | None:
    if judged.target is None:
        return None
    if judged.met is None:
        return UNSURE
    return MET if judged.met else NOT_MET


# -- tables --------------------------------------------------------------------------------------
class ResultsModel(RecordTableModel[R]):
    """A record table whose columns may also give a tooltip and a text colour."""

    def __init__(
        self,
        columns: Sequence[Column[R]],
        tips: Mapping[int, Callable[[R], str]] | None = None,
        colours: Mapping[int, Callable[[R], QColor | None]] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.tips = dict(tips or {})
        self.colours = dict(colours or {})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid():
            record = self.record(index.row())
            if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.tips:
                return self.tips[index.column()](record) or None
            if role == Qt.ItemDataRole.ForegroundRole and index.column() in self.colours:
                return self.colours[index.column()](record)
        return super().data(index, role)


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def target_notes(targets: Sequence[TargetRow], year: int) -> dict[IndicatorId, TargetNote]:
    """The plan's sentence of each indicator's ``year`` target, and for a "duy trì" target the year
    of the plan's own target it repeats (the latest earlier one not carried over)."""
    notes: dict[IndicatorId, TargetNote] = {}
    for row in targets:
        if row.year != year:
            continue
        planned = [
            t.year
            for t in targets
            if t.indicator_id == row.indicator_id and not t.carried_over and t.year < year
        ]
        notes[row.indicator_id] = TargetNote(row.text, max(planned) if planned else None)
    return notes


class ResultsTab(ReloadingTab):
    """Reloads when values, indicators, units or the settings changed, once it is seen."""

    areas = (Area.VALUES, Area.INDICATORS, Area.UNITS, Area.SETTINGS, Area.COMMITMENTS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notes: dict[IndicatorId, TargetNote] = {}
        self.threshold = 100
        self.years = range(2025, 2031)  # until the first read gives the plan's years (Cài đặt)
        self._kinds: list[KindResult] = []
        self.year = QSpinBox()
        self.year.setObjectName("results_year")
        self.year.setRange(2000, 2100)  # narrowed to the plan's years by the first read
        self.year.setValue(quarter_of(today())[0])
        self.period = QComboBox()
        self.period.setObjectName("results_period")
        self.period.addItem(WHOLE_YEAR, None)
        for q in range(1, 5):
            self.period.addItem(QUARTER_ITEM.format(quarter=q), q)

        self.results_model: ResultsModel[IndicatorResult] = ResultsModel(
            self._result_columns(),
            tips={
                NAME_COLUMN: lambda r: r.name,
                TARGET_COLUMN: self._target_tip,
                COVERAGE_COLUMN: missing_names,
                VERDICT_COLUMN: self._verdict_tip,
                AS_OF_COLUMN: _as_of_tip,
            },
            colours={VERDICT_COLUMN: verdict_colour},
            parent=self,
        )
        self.results = _table("results")
        self.results.setModel(self.results_model)
        # Whether each unit listed registered to emulate in the year (Phong trào, Đăng ký thi
        # đua): a unit that lags and never registered is the first the clerk calls.
        self.registered: set[int] = set()
        self.missing_model: ResultsModel[UnitResult] = ResultsModel(
            _missing_columns(self._registered),
            tips={UNIT_NAME_COLUMN: lambda r: r.unit_name},
            parent=self,
        )
        self.missing = _table("missing")
        self.missing.setModel(self.missing_model)
        self.lagging_model: ResultsModel[UnitResult] = ResultsModel(
            _lagging_columns(self._registered),
            tips={UNIT_NAME_COLUMN: lambda r: r.unit_name},
            parent=self,
        )
        self.lagging = _table("lagging")
        self.lagging.setModel(self.lagging_model)
        self.kind_model: ResultsModel[KindResult] = ResultsModel(
            _kind_columns(), colours={KIND_VERDICT_COLUMN: verdict_colour}, parent=self
        )
        self.kinds = _table("kinds")
        self.kinds.setModel(self.kind_model)
        self.details = QTabWidget()
        self.details.setObjectName("result_details")
        self.details.addTab(self.missing, TAB_MISSING.format(count=0))
        self.details.addTab(self.lagging, TAB_LAGGING.format(count=0))
        self.details.addTab(self.kinds, TAB_KINDS)
        self.lagging_title = QLabel()
        self.lagging_title.setObjectName("result_summary")
        self.lagging_title.setWordWrap(True)
        self.chart = IndicatorChart(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()

        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.results.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.show_indicator()
        )

    def _lay_out(self) -> None:
        export = QPushButton(EXPORT)
        export.clicked.connect(
            lambda: export_results_action(self.ctx, self, *self.chosen, self.message)
        )
        top = QHBoxLayout()
        for widget in (QLabel(YEAR), self.year, self.period, export):
            top.addWidget(widget)
        top.addWidget(self.message, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.lagging_title)
        left_layout.addWidget(self.details, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(left)
        lower.addWidget(self.chart)
        lower.setChildrenCollapsible(False)
        lower.setSizes([600, 420])  # scaled to the splitter's width once it is laid out
        whole = QSplitter(Qt.Orientation.Vertical)
        whole.addWidget(self.results)
        whole.addWidget(lower)
        whole.setChildrenCollapsible(False)
        whole.setSizes([220, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(whole, 1)

    def _result_columns(self) -> list[Column[IndicatorResult]]:
        code, name, num, den, pct, target, gap, done, met, as_of = RESULTS_COLUMNS
        C = Column[IndicatorResult]
        return [
            C(code, lambda r: r.code),
            C(name, lambda r: r.name),
            C(num, lambda r: count(r.numerator), align_right=True),
            C(den, lambda r: count(r.denominator), align_right=True),
            C(pct, figure, align_right=True),
            C(target, lambda r: target_text(r, self.notes.get(r.indicator_id))),
            C(gap, gap_text, align_right=True),
            C(done, coverage, align_right=True),
            C(met, verdict),
            C(as_of, as_of_text),
        ]

    def _target_tip(self, result: IndicatorResult) -> str:
        note = self.notes.get(result.indicator_id)
        if note is None:
            return ""
        if result.carried_over:
            return f"{note.text}\n{CARRIED_TIP.format(year=result.year)}"
        return note.text

    def _verdict_tip(self, result: IndicatorResult) -> str:
        if result.target is None or result.complete:
            return ""
        return INCOMPLETE_TIP.format(
            reported=count(result.reported_units),
            expected=count(result.expected_units),
            threshold=percent(self.threshold),
        )

    @property
    def chosen(self) -> tuple[int, int | None]:
        return self.year.value(), self.period.currentData()

    def reload(self) -> None:
        selected = self.selected_result()
        try:
            years, threshold, targets = self.ctx.door.read(
                lambda s: (
                    plan_years(s),
                    load_settings(s).complete_threshold_percent,
                    list_targets(s),
                )
            )
            self._set_years(years)  # the plan's years may have changed in Cài đặt
            year, quarter = self.chosen
            rows, kinds = self.ctx.door.read(
                lambda s: (ward_results(s, year, quarter), results_by_kind(s, year, quarter))
            )
        except Refusal as error:  # a busy or unreadable file: said where the clerk looks
            self.message.setText(refusal_text(error) or "")
            return
        self.notes, self.threshold = target_notes(targets, year), threshold
        self._kinds = [k for k in kinds if k.expected_units]
        self.results_model.set_records(rows)
        self.results.setColumnHidden(AS_OF_COLUMN, quarter is not None)
        self.lagging.setColumnHidden(UNIT_QUARTER_COLUMN, quarter is not None)
        fit_columns(self.results, stretch=1)
        self.message.setText("" if rows else NOTHING)
        row = next(
            (n for n, r in enumerate(rows) if selected and r.indicator_id == selected.indicator_id),
            0,
        )
        if rows:
            self.results.selectRow(row)
        self.show_indicator()

    def _set_years(self, years: range) -> None:
        """The year box offers the plan's years (Cài đặt); a year outside moves inside."""
        self.years = years
        self.year.blockSignals(True)
        self.year.setRange(years.start, years.stop - 1)
        self.year.blockSignals(False)

    def selected_result(self) -> IndicatorResult | None:
        index = self.results.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def show_indicator(self) -> None:
        result = self.selected_result()
        if result is None:
            self.missing_model.set_records([])
            self.lagging_model.set_records([])
            self.kind_model.set_records([])
            self.lagging_title.setText("")
            self.chart.show_series("", [])
            return
        year, quarter = self.chosen
        indicator_id, first, last = result.indicator_id, self.years.start, self.years.stop - 1
        (behind, missing), series, self.registered = self.ctx.door.read(
            lambda s: (
                unit_standing(s, year, quarter, indicator_id),
                indicator_series(s, indicator_id, first, last),
                registered_unit_ids(s, year),
            )
        )
        self.missing_model.set_records(missing)
        self.lagging_model.set_records(behind)
        self.kind_model.set_records(
            [k for k in self._kinds if k.indicator_id == result.indicator_id]
        )
        self.details.setTabText(0, TAB_MISSING.format(count=count(len(missing))))
        self.details.setTabText(1, TAB_LAGGING.format(count=count(len(behind))))
        listed = (len(missing), len(behind))
        shown = self.details.currentIndex()
        if shown < len(listed) and not listed[shown] and listed[1 - shown]:
            self.details.setCurrentIndex(1 - shown)  # an empty list gives way to the other one
        for table in (self.missing, self.lagging, self.kinds):
            fit_columns(table, stretch=1)
        self.lagging_title.setText(self._summary(result, len(missing), len(behind)))
        self.chart.show_series(result.code, series, (year, quarter))

    def _registered(self, result: UnitResult) -> str:
        return registered_word(result.unit_id in self.registered)

    def _summary(self, result: IndicatorResult, missing: int, behind: int) -> str:
        if result.target is None:
            return SUMMARY_NO_TARGET.format(
                code=result.code, year=result.year, missing=count(missing)
            )
        return SUMMARY.format(
            code=result.code,
            verdict=verdict(result),
            missing=count(missing),
            behind=count(behind),
            target=target_text(result, self.notes.get(result.indicator_id)),
        )


def _as_of_tip(result: IndicatorResult) -> str:
    if not result.as_of:
        return ""
    parts = "\n".join(AS_OF_TIP_PART.format(quarter=q, units=count(n)) for q, n in result.as_of)
    return AS_OF_TIP.format(parts=parts)


def _unit_quarter(r: UnitResult) -> str:
    return "" if r.quarter is None else QUARTER_ITEM.format(quarter=ROMAN[r.quarter])


def _missing_columns(registered: Callable[[UnitResult], str]) -> list[Column[UnitResult]]:
    code, unit, kind, signed = MISSING_COLUMNS
    C = Column[UnitResult]
    return [
        C(code, lambda r: r.unit_code),
        C(unit, lambda r: r.unit_name),
        C(kind, lambda r: r.unit_kind.label),
        C(signed, registered),
    ]


def _lagging_columns(registered: Callable[[UnitResult], str]) -> list[Column[UnitResult]]:
    code, unit, kind, num, den, pct, gap, quarter, signed = LAGGING_COLUMNS
    C = Column[UnitResult]
    return [
        C(code, lambda r: r.unit_code),
        C(unit, lambda r: r.unit_name),
        C(kind, lambda r: r.unit_kind.label),
        C(num, lambda r: count(r.numerator), align_right=True),
        C(den, lambda r: count(r.denominator), align_right=True),
        C(pct, lambda r: percent(r.percent), align_right=True),
        C(gap, gap_text, align_right=True),
        C(quarter, _unit_quarter),
        C(signed, registered),
    ]


def _kind_columns() -> list[Column[KindResult]]:
    indicator, kind, pct, done, met = KIND_COLUMNS
    C = Column[KindResult]
    return [
        C(indicator, lambda r: r.code),
        C(kind, lambda r: r.unit_kind.label),
        C(pct, figure, align_right=True),
        C(done, coverage, align_right=True),
        C(met, verdict),
    ]

