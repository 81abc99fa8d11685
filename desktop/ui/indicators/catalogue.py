"""Tab “Danh mục chỉ tiêu”: the plan's indicators with yearly targets 2025–2030, editable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area
from desktop.context import AppContext
from desktop.indicators.targets import (
    PLAN_FIRST_YEAR,
    PLAN_LAST_YEAR,
    IndicatorRow,
    list_indicators,
)
from desktop.models import UnitKind
from desktop.text import wording
from desktop.ui.indicators.indicator_dialog import IndicatorDialog, TargetDialog
from desktop.ui.indicators.reloading import ReloadingTab
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.table_model import RECORD_ROLE, Column, RecordTableModel


def _target(year: int) -> Callable[[IndicatorRow], str]:
    return lambda r: wording.percent(r.targets.get(year), empty="")


def _kinds(row: IndicatorRow) -> str:
    return ", ".join(UnitKind(k).label for k in row.indicator.unit_kind_list)


def catalogue_columns() -> list[Column[IndicatorRow]]:
    code, name, kinds, active = t.CATALOGUE_COLUMNS
    columns = [
        Column[IndicatorRow](code, lambda r: r.indicator.code),
        Column[IndicatorRow](name, lambda r: r.indicator.name),
    ]
    columns += [
        Column[IndicatorRow](t.TARGET_COLUMN.format(year=y), _target(y), align_right=True)
        for y in range(PLAN_FIRST_YEAR, PLAN_LAST_YEAR + 1)
    ]
    columns.append(Column[IndicatorRow](kinds, _kinds))
    columns.append(Column[IndicatorRow](active, lambda r: "✓" if r.indicator.active else ""))
    return columns


class IndicatorCatalogue(ReloadingTab):
    """Reloads when the catalogue changed (a dialog of this tab or a restore)."""

    areas = (Area.INDICATORS,)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model: RecordTableModel[IndicatorRow] = RecordTableModel(catalogue_columns(), self)
        self.table = QTableView()
        self.table.setObjectName("catalogue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_indicator())
        self.message = QLabel()
        buttons = QHBoxLayout()
        for text, slot in (
            (t.NEW_INDICATOR, self.new_indicator),
            (t.EDIT_INDICATOR, self.edit_indicator),
            (t.SET_TARGET, self.set_target),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def reload(self) -> None:
        rows = self.ctx.door.read(list_indicators)
        self.model.set_records(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 420))
        kinds = self.model.columnCount() - 2
        self.table.setColumnWidth(kinds, min(self.table.columnWidth(kinds), 320))
        self.table.resizeRowsToContents()

    def selected(self) -> IndicatorRow | None:
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    # The dialogs save through the door; its announcement reloads this tab (on_change).
    def new_indicator(self) -> None:
        IndicatorDialog(self.ctx, None, self).exec()

    def edit_indicator(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        IndicatorDialog(self.ctx, row.indicator, self).exec()

    def set_target(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        TargetDialog(self.ctx, row, self).exec()
