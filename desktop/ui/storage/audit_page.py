"""Nhật ký thay đổi: every change (when, table, record, what changed), filtered and exported.

Each entry reads as the pages word it (:mod:`desktop.storage.audit_words`): the record by its
name, a one-line summary "Trạng thái: Nháp → Đã trình Hội đồng phường", and under the table the
selected entry's fields with their values before and after (:mod:`.audit_detail`).

Every change that goes through the door writes audit rows, so :meth:`AuditPage.on_change` reloads
on any change — at once when the page is on screen, otherwise the next time it is shown (a grid
of quarterly values is typed cell after cell; the log is not re-read behind its back each time).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Change
from desktop.context import AppContext
from desktop.models.periods import today as clerks_day
from desktop.storage.audit import (
    ACTION_LABELS,
    AuditFilter,
    AuditRow,
    audit_tables,
    query_audit,
    table_label,
)
from desktop.text import wording
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.storage.audit_detail import AuditDetail
from desktop.ui.texts import backup as t
from desktop.ui.texts import help as th
from desktop.ui.widgets.background import Operation, Progress, run_with_progress
from desktop.ui.widgets.elided import full_text_tips
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, save_file
from desktop.ui.widgets.table_model import Column, RecordTableModel

SHOWN_LIMIT = 5000
CELL_LIMIT = 160  # a long change is cut in the table; the detail under it and the export hold it


def _cut(text: str) -> str:
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


COLUMN_WIDTHS = (140, 170, 230, 60, 350)
SUMMARY_COLUMN = 4
COLUMNS = [
    Column[AuditRow](t.AUDIT_COLUMNS[0], lambda r: wording.date_time(r.at, seconds=True)),
    Column[AuditRow](t.AUDIT_COLUMNS[1], lambda r: r.table),
    Column[AuditRow](t.AUDIT_COLUMNS[2], lambda r: _cut(r.record)),
    Column[AuditRow](t.AUDIT_COLUMNS[3], lambda r: r.action_label),
    Column[AuditRow](t.AUDIT_COLUMNS[SUMMARY_COLUMN], lambda r: _cut(r.summary)),
    Column[AuditRow](t.AUDIT_COLUMNS[5], lambda r: r.reason),
]


def period_start(key: str, today: date) -> date | None:
    if key == "today":
        return today
    if key in ("7", "30"):
        return today - timedelta(days=int(key) - 1)
    if key == "year":
        return date(today.year, 1, 1)
    return None


class AuditPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.operation: Operation | None = None
        self._stale = False  # a change came while the page was hidden: read again when shown
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(t.AUDIT_SEARCH)
        self.search.setClearButtonEnabled(True)
        self.table_filter = QComboBox()
        self.table_filter.setObjectName("table_filter")
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("action_filter")
        self.action_filter.addItem(t.AUDIT_ALL_ACTIONS, "")
        for key, label in ACTION_LABELS.items():
            self.action_filter.addItem(label, key)
        self.period = QComboBox()
        self.period.setObjectName("period")
        for key, label in t.AUDIT_PERIODS.items():
            self.period.addItem(label, key)
        self.export_button = QPushButton(t.AUDIT_EXPORT)
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.table_filter, self.action_filter, self.period):
            filters.addWidget(combo, 1)
        filters.addWidget(self.export_button)

        self.model: RecordTableModel[AuditRow] = RecordTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        full_text_tips(self.view)  # a long name or change cut by its column reads whole
        self.empty_hint = EmptyHint(self.view, self._empty_text)
        self.detail = AuditDetail()
        self.view.selectionModel().currentRowChanged.connect(self._show_detail)

        for column, width in enumerate(COLUMN_WIDTHS):
            self.view.setColumnWidth(column, width)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.AUDIT_TITLE}</h2>"))
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        # Typing waits for a pause before asking the database again.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        for combo in (self.table_filter, self.action_filter, self.period):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.refresh()

    def _empty_text(self) -> str:
        """Nothing logged yet, or nothing the clerk's filters let through."""
        chosen = self.current_filter()
        narrowed = chosen.text.strip() or chosen.table or chosen.action or chosen.since
        return th.HINT_FILTERED if narrowed else th.HINT_AUDIT

    def current_filter(self) -> AuditFilter:
        since = period_start(self.period.currentData() or "all", clerks_day())
        return AuditFilter(
            text=self.search.text(),
            table=self.table_filter.currentData() or None,
            action=self.action_filter.currentData() or None,
            since=since,
        )

    def on_change(self, change: Change) -> None:
        if change.empty:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """The tables in the log (new ones may have appeared), then the entries."""
        self._stale = False
        chosen = self.table_filter.currentData()
        names = self.ctx.door.read(audit_tables)
        self.table_filter.blockSignals(True)
        self.table_filter.clear()
        self.table_filter.addItem(t.AUDIT_ALL_TABLES, "")
        for name in names:
            self.table_filter.addItem(table_label(name), name)
        index = self.table_filter.findData(chosen) if chosen else 0
        self.table_filter.setCurrentIndex(max(index, 0))
        self.table_filter.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        flt = self.current_filter()
        rows, more = self.ctx.door.read(lambda session: query_audit(session, flt, SHOWN_LIMIT))
        self.model.set_records(rows)
        self.detail.show_row(None)
        template = t.AUDIT_COUNT_MORE if more else t.AUDIT_COUNT
        self.count_label.setText(template.format(shown=wording.count(len(rows))))

    def _show_detail(self, current: QModelIndex, previous: QModelIndex) -> None:
        valid = current.isValid() and current.row() < self.model.rowCount()
        self.detail.show_row(self.model.record(current.row()) if valid else None)

    def export(self) -> None:
        name = save_file(
            self,
            self.ctx,
            Purpose.EXCEL_EXPORT,
            t.AUDIT_EXPORT_TITLE,
            t.AUDIT_EXPORT_NAME,
            t.AUDIT_EXPORT_FILTER,
        )
        if not name:
            return
        path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
        flt = self.current_filter()
        door = self.ctx.door
        self.export_button.setEnabled(False)

        def work(progress: Progress) -> int:
            from desktop.excel.audit_export import export_audit  # openpyxl only when exporting

            return door.read(lambda session: export_audit(session, flt, path))

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.count_label.setText(
                t.AUDIT_EXPORT_DONE.format(count=wording.count(count), path=path)
            )

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            text = refusal_text(error)
            if text is None:
                show_error(self, error)
                text = t.FAILED_UNEXPECTEDLY
            self.count_label.setText(text)

        self.operation = run_with_progress(self, work, done, failed, t.AUDIT_EXPORT_TITLE)
