"""Tab “Danh mục chỉ tiêu”: the plan's indicators with yearly targets 2025–2030, editable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.indicators.rules import format_percent
from desktop.indicators.targets import (
    PLAN_FIRST_YEAR,
    PLAN_LAST_YEAR,
    IndicatorRow,
    list_indicators,
)
from desktop.models import UnitKind
from desktop.ui.indicators.indicator_dialog import IndicatorDialog, TargetDialog
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.table_model import RECORD_ROLE, Column, RecordTableModel


def _target(year: int):  # type: ignore[no-untyped-def]
    return lambda r: (
        format_percent(r.targets[year]).replace(",0 ", " ") if year in r.targets else ""
    )


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


class IndicatorCatalogue(QWidget):
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
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.db.session() as session:
            rows = list_indicators(session)
        self.model.set_records(rows)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 420))
        kinds = self.model.columnCount() - 2
        self.table.setColumnWidth(kinds, min(self.table.columnWidth(kinds), 320))
        self.table.resizeRowsToContents()

    def selected(self) -> IndicatorRow | None:
        index = self.table.currentIndex()
        return index.data(RECORD_ROLE) if index.isValid() else None

    def new_indicator(self) -> None:
        if IndicatorDialog(self.ctx, None, self).exec():
            self.refresh()

    def edit_indicator(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        if IndicatorDialog(self.ctx, row.indicator, self).exec():
            self.refresh()

    def set_target(self) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(t.CHOOSE_INDICATOR)
            return
        if TargetDialog(self.ctx, row, self).exec():
            self.refresh()
