"""Tab “Danh mục chỉ tiêu”: the plan's indicators with their yearly targets, editable.

The upper table has one column per year of the plan (Cài đặt) with the target as the plan words
it ("trên 80%", "từ 80% trở lên", "100%"); below it, the chosen indicator's targets year by year:
percent, comparison, the unit kinds that report it that year (HOCSINH 2025: the secondary schools
only), and the mark of a "duy trì" target carried over from the plan's last year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from desktop.indicators.scope import plan_years
from desktop.indicators.targets import IndicatorRow, TargetRow, list_indicators, list_targets
from desktop.models import UnitKind
from desktop.models.ids import IndicatorId
from desktop.text import wording
from desktop.ui.indicators.indicator_dialog import IndicatorDialog, TargetDialog
from desktop.ui.indicators.reloading import ReloadingTab
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.elided import full_text_tips
from desktop.ui.widgets.table_model import RECORD_ROLE, Column, RecordTableModel


@dataclass(frozen=True)
class Catalogue:
    """What the tab shows, read at once: the indicators, every year's target, the plan's years."""

    rows: list[IndicatorRow]
    targets: list[TargetRow]
    years: range


def kinds_text(kinds: Sequence[UnitKind] | Sequence[str]) -> str:
    return ", ".join(UnitKind(k).label for k in kinds)


def target_cell(target: TargetRow | None) -> str:
    """A year's target in the upper table: "trên 80%", "100%" over "(duy trì)", or nothing (the
    year it repeats is in the lower table: six columns of "duy trì từ 2026" would not fit)."""
    if target is None:
        return ""
    text = wording.target(target.percent, target.comparison)
    return t.TARGET_CELL_CARRIED.format(target=text) if target.carried_over else text


def catalogue_columns(
    years: range, target_of: Callable[[IndicatorRow, int], TargetRow | None]
) -> list[Column[IndicatorRow]]:
    code, name, kind, kinds, active = t.CATALOGUE_COLUMNS
    columns = [
        Column[IndicatorRow](code, lambda r: r.indicator.code),
        Column[IndicatorRow](name, lambda r: r.indicator.name),
        Column[IndicatorRow](kind, lambda r: t.VALUE_KIND_SHORT[r.indicator.value_kind]),
    ]
    def year_cell(year: int) -> Callable[[IndicatorRow], str]:
        return lambda r: target_cell(target_of(r, year))

    columns += [
        Column[IndicatorRow](t.TARGET_COLUMN.format(year=y), year_cell(y), align_right=True)
        for y in years
    ]
    columns.append(Column[IndicatorRow](kinds, lambda r: kinds_text(r.indicator.unit_kind_list)))
    columns.append(Column[IndicatorRow](active, lambda r: "✓" if r.indicator.active else ""))
    return columns


def target_columns() -> list[Column[TargetRow]]:
    """The chosen indicator's targets, one line a year, a "duy trì" one marked with the year of
    the plan it repeats."""
    year, share, comparison, kinds, note, text = t.TARGET_COLUMNS

    def mark(row: TargetRow) -> str:
        if not row.carried_over:
            return ""
        source = row.carried_from
        return t.TARGET_CARRIED if source is None else t.TARGET_CARRIED_FROM.format(year=source)

    return [
        Column[TargetRow](year, lambda r: r.year),
        Column[TargetRow](share, lambda r: wording.percent(r.percent), align_right=True),
        Column[TargetRow](comparison, lambda r: r.comparison.label),
        Column[TargetRow](kinds, lambda r: kinds_text(r.kinds)),
        Column[TargetRow](note, mark),
        Column[TargetRow](text, lambda r: r.text),
    ]


class IndicatorCatalogue(ReloadingTab):
    """Reloads when the catalogue or the plan's years changed (a dialog of this tab, Cài đặt, a
    restore)."""

    areas = (Area.INDICATORS, Area.SETTINGS)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.years = range(0)
        self.targets: list[TargetRow] = []
        self._by_year: dict[tuple[IndicatorId, int], TargetRow] = {}
        self.model: RecordTableModel[IndicatorRow] = RecordTableModel([], self)
        self.table = QTableView()
        self.table.setObjectName("catalogue")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_indicator())
        full_text_tips(self.table)
        self.target_title = QLabel(t.TARGETS_NONE)
        self.target_title.setObjectName("target_title")
        self.target_model: RecordTableModel[TargetRow] = RecordTableModel([], self)
        self.target_table = QTableView()
        self.target_table.setObjectName("targets")
        self.target_table.setModel(self.target_model)
        self.target_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.target_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.target_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.target_table.setWordWrap(True)
        self.target_table.verticalHeader().setVisible(False)
        self.target_table.horizontalHeader().setStretchLastSection(True)
        self.target_table.doubleClicked.connect(lambda _i: self.set_target(self.selected_year()))
        full_text_tips(self.target_table)
        self.message = QLabel()
        buttons = QHBoxLayout()
        for text, slot in (
            (t.NEW_INDICATOR, self.new_indicator),
            (t.EDIT_INDICATOR, self.edit_indicator),
            (t.SET_TARGET, lambda: self.set_target(self.selected_year())),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.target_title)
        lower_layout.addWidget(self.target_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def reload(self) -> None:
        keep = self.selected()
        catalogue = self.ctx.door.read(
            lambda s: Catalogue(list_indicators(s), list_targets(s), plan_years(s))
        )
        self.targets = catalogue.targets
        self._by_year = {(r.indicator_id, r.year): r for r in catalogue.targets}
        if catalogue.years != self.years or not self.model.columnCount():
            # The plan's years are the columns: a new model when Cài đặt changed them.
            self.years = catalogue.years
            self.model = RecordTableModel(catalogue_columns(self.years, self.target_of), self)
            self.table.setModel(self.model)
            self.table.selectionModel().currentRowChanged.connect(
                lambda _current, _previous: self.show_targets()
            )
        self.model.set_records(catalogue.rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 320))
        kinds = self.model.columnCount() - 2
        self.table.setColumnWidth(kinds, min(self.table.columnWidth(kinds), 280))
        self.table.resizeRowsToContents()
        if keep is not None:
            for row in range(self.model.rowCount()):
                if self.model.record(row).id == keep.id:
                    self.table.selectRow(row)
        self.show_targets()

    def target_of(self, row: IndicatorRow, year: int) -> TargetRow | None:
        return self._by_year.get((row.id, year))

    def show_targets(self) -> None:
        """The chosen indicator's targets, year by year, below the catalogue."""
        row = self.selected()
        rows = [] if row is None else [r for r in self.targets if r.indicator_id == row.id]
        self.target_model = RecordTableModel(target_columns(), self)
        self.target_model.set_records(rows)
        self.target_table.setModel(self.target_model)
        self.target_title.setText(
            t.TARGETS_NONE
            if row is None
            else t.TARGETS_OF.format(code=row.indicator.code, name=row.indicator.name)
        )
        self.target_table.resizeColumnsToContents()
        self.target_table.setColumnWidth(3, min(self.target_table.columnWidth(3), 300))
        self.target_table.resizeRowsToContents()

    def selected(self) -> IndicatorRow | None:
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def selected_year(self) -> int | None:
        index = self.target_table.currentIndex()
        return index.data(RECORD_ROLE).year if index.isValid() else None

    # The dialogs save through the door; its announcement reloads this tab (on_change).
    def new_indicator(self) -> None:
        IndicatorDialog(self.ctx, None, self).exec()

    def edit_indicator(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        IndicatorDialog(self.ctx, row.indicator, self).exec()

    def set_target(self, year: int | None = None) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        TargetDialog(self.ctx, row, self, year=year).exec()
