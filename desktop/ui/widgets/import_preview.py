"""Preview of a roster import: every row marked new / update / unchanged / error, with the reason.

One dialog for both rosters of the register (units, persons), the same plan shown through two sets
of column headings. Nothing is written while it is open; "Nhập" accepts it and the page then
writes every change in one transaction. With error rows the button stays off unless the clerk
chooses to skip them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.excel.units_import import ImportPlan, PlannedRow, RowStatus
from desktop.text.wording import count
from desktop.ui.register.table import FastFilterProxy, RegisterTableModel, TableColumn
from desktop.ui.texts import units as t
from desktop.ui.widgets.elided import fit_columns
from desktop.ui.window_geometry import fitting_size

STATUS_COLOURS = {
    RowStatus.NEW: QColor("#1b7f3b"),
    RowStatus.UPDATE: QColor("#1f5fa8"),
    RowStatus.SAME: QColor("#777777"),
    RowStatus.ERROR: QColor("#b00020"),
}
STATUS_ORDER = {RowStatus.ERROR: 0, RowStatus.NEW: 1, RowStatus.UPDATE: 2, RowStatus.SAME: 3}
Planned = PlannedRow[Any]


def _code(row: Planned) -> str:
    # A row that will be added without a code gets one when it is written.
    return row.shown.get("code", "") or (t.AUTO_CODE if row.data is not None else "")


def preview_columns(code: str, name: str, kind: str) -> list[TableColumn[Planned]]:
    """The preview's columns for one roster: line, result, its identity, the reason."""
    return [
        TableColumn[Planned](
            t.PREVIEW_COLUMN_LINE, lambda r: r.row.line, lambda r: r.row.line, True
        ),
        TableColumn[Planned](
            t.PREVIEW_COLUMN_STATUS, lambda r: r.status.label, lambda r: STATUS_ORDER[r.status]
        ),
        TableColumn[Planned](code, _code),
        TableColumn[Planned](name, lambda r: r.shown.get("name", "")),
        TableColumn[Planned](kind, lambda r: r.shown.get("kind", "")),
        TableColumn[Planned](t.PREVIEW_COLUMN_REASON, lambda r: r.reason),
    ]


COLUMNS = preview_columns(t.COLUMN_CODE, t.COLUMN_NAME, t.COLUMN_KIND)
PERSON_COLUMNS = preview_columns(t.FIELD_CODE, t.COLUMN_PERSON_NAME, t.COLUMN_BIRTH_YEAR)


class PreviewModel(RegisterTableModel[Any]):
    def data_at(self, row: int, column_number: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column_number == 1:
            return QBrush(STATUS_COLOURS[self.rows[row].status])
        return super().data_at(row, column_number, role)


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        plan: ImportPlan[Any],
        parent: QWidget | None = None,
        columns: Sequence[TableColumn[Any]] = COLUMNS,
    ) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(t.PREVIEW_TITLE.format(file=plan.file_name))
        self.resize(fitting_size(self, 1000, 600))  # within a 1366×768 screen
        self.summary = QLabel(plan.summary())
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet("font-weight: bold;")
        self.advice = QLabel()
        self.advice.setWordWrap(True)
        self.model = PreviewModel(columns, self)
        self.model.set_rows(plan.rows)
        self.proxy = FastFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((55, 90, 90, 280, 190)):
            header.resizeSection(column, width)
        fit_columns(self.table, stretch=self.model.columnCount() - 1)  # the problems column

        self.only_problems = QCheckBox(t.PREVIEW_ONLY_PROBLEMS)
        self.only_problems.setObjectName("only_problems")
        self.only_problems.toggled.connect(self._show_only_problems)
        errors = plan.count(RowStatus.ERROR)
        self.skip_errors = QCheckBox(t.PREVIEW_SKIP_ERRORS.format(count=count(errors)))
        self.skip_errors.setObjectName("skip_errors")
        self.skip_errors.setVisible(errors > 0 and bool(plan.changes))
        self.skip_errors.toggled.connect(self._update_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(t.BUTTON_CANCEL)
        self.import_button = QPushButton(t.PREVIEW_IMPORT.format(count=count(len(plan.changes))))
        self.import_button.setObjectName("import_button")
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if plan.ignored_headers:
            layout.addWidget(
                QLabel(t.PREVIEW_IGNORED.format(headers=", ".join(plan.ignored_headers)))
            )
        layout.addWidget(self.advice)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_errors)
        layout.addWidget(self.buttons)
        self.only_problems.setChecked(errors > 0 or len(plan.rows) > 200)
        self._update_button()

    def _show_only_problems(self, on: bool) -> None:
        self.proxy.set_condition((lambda r: r.status is not RowStatus.SAME) if on else None)

    def _update_button(self) -> None:
        errors = self.plan.count(RowStatus.ERROR)
        changes = len(self.plan.changes)
        allowed = changes > 0 and (errors == 0 or self.skip_errors.isChecked())
        self.import_button.setEnabled(allowed)
        if changes == 0:
            self.advice.setText(t.PREVIEW_NO_CHANGES)
        elif errors and not self.skip_errors.isChecked():
            self.advice.setText(t.PREVIEW_HAS_ERRORS.format(count=count(errors)))
        else:
            self.advice.setText("")

    @property
    def skip(self) -> bool:
        return self.skip_errors.isChecked()
