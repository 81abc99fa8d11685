"""The detail of one entry of the Nhật ký thay đổi: each field with its value before and after.

Shown under the log's table for the row the clerk selects, so that a whole record added or
deleted reads field by field, and a long text changed reads whole, where the table keeps one line.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.storage.audit import AuditRow
from desktop.storage.audit_words import Detail
from desktop.text import wording
from desktop.ui.texts import backup as t
from desktop.ui.widgets.table_model import Column, RecordTableModel

COLUMNS = [
    Column[Detail](t.AUDIT_DETAIL_COLUMNS[0], lambda d: d.field),
    Column[Detail](t.AUDIT_DETAIL_COLUMNS[1], lambda d: d.old),
    Column[Detail](t.AUDIT_DETAIL_COLUMNS[2], lambda d: d.new),
]


def heading(row: AuditRow) -> str:
    """ "<b>Sửa hồ sơ khen thưởng</b> “Lê Thị Chi — Giấy khen …” · 02/12/2026 09:00:05"."""
    named = f"“{escape(row.record)}”" if row.record else ""
    if row.record_id is not None:
        named += t.AUDIT_DETAIL_NUMBER.format(number=row.record_id)
    text = t.AUDIT_DETAIL_HEADING.format(
        action=escape(row.action_label),
        table=escape(row.table_noun),
        record=named,
        at=wording.date_time(row.at, seconds=True),
    )
    if row.reason:
        text += t.AUDIT_DETAIL_REASON.format(reason=escape(row.reason))
    return text


class AuditDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(t.AUDIT_DETAIL_EMPTY)
        self.title.setObjectName("detail_title")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model: RecordTableModel[Detail] = RecordTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setObjectName("detail")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)  # a long text reads whole here
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)

    def show_row(self, row: AuditRow | None) -> None:
        """The entry's fields, before and after; nothing chosen: a word saying how to choose."""
        self.title.setText(t.AUDIT_DETAIL_EMPTY if row is None else heading(row))
        self.model.set_records([] if row is None else row.details())
