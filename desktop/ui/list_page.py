"""A page made of a search box, a count, and a sortable table: the shape most lists of the app take."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.table_model import Column, RecordSortProxy, RecordTableModel
from desktop.ui.texts import common as t


class ListPage(QWidget):
    """Subclasses give ``title``, ``columns`` and ``load()``; the page does search, sort and count."""

    title = ""
    columns: Sequence[Column[Any]] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RecordTableModel[Any] = RecordTableModel(self.columns, self)
        self.proxy = RecordSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(t.SEARCH_PLACEHOLDER)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setObjectName("table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        heading = QLabel(f"<h2>{self.title}</h2>")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(heading)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.table, 1)

    def load(self) -> Sequence[Any]:
        raise NotImplementedError

    def refresh(self) -> None:
        self.model.set_records(self.load())
        self.table.resizeColumnsToContents()
        self._update_count()

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(
            t.COUNT_SHOWN.format(shown=self.proxy.rowCount(), total=self.model.rowCount())
        )
