"""Ô chọn đơn vị, cá nhân: a combo of names the clerk finds by typing any words of a name, in any
order, case and marks ignored ("ngo quyen" finds "Trường THCS Ngô Quyền") — the register's search.

What is typed must end as one of the listed names: :func:`picked_index` says which one (-1 when
it names none, or several alike), :func:`picked_data` refuses free text in the clerk's words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter

from desktop.errors import Refusal
from desktop.text import matches, search_key
from desktop.ui.texts import common as t

MAX_SHOWN = 12  # rows of the list that drops under the typing


class NameFilter(QSortFilterProxyModel):
    """The combo's names that hold every typed word (the completer's list, in the combo's order)."""

    def __init__(self, combo: QComboBox) -> None:
        super().__init__(combo)
        self._query = ""
        self.setSourceModel(combo.model())
        self.setFilterKeyColumn(combo.modelColumn())

    def set_query(self, query: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10 replaces invalidateFilter()
            self.beginFilterChange()
            self._query = query
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._query = query
            self.invalidateFilter()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not search_key(self._query):
            return True
        model = self.sourceModel()
        text = model.index(source_row, self.filterKeyColumn(), source_parent).data()
        return matches(self._query, str(text or ""))


def make_searchable(combo: QComboBox, placeholder: str = "") -> QComboBox:
    """Make ``combo`` (its items the names, their data the ids) a picker typed into; choosing a
    line of the list, or leaving the box on text that names one item, selects that item."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    names = NameFilter(combo)
    completer = QCompleter(names, combo)
    # The filter above does the matching: Qt's own would want the marks typed.
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionColumn(combo.modelColumn())
    completer.setMaxVisibleItems(MAX_SHOWN)
    combo.setCompleter(completer)  # the combo selects the row the completer's list activates
    line = combo.lineEdit()
    assert line is not None  # an editable combo has its line edit
    line.textEdited.connect(names.set_query)  # before the line edit asks the completer to show
    line.editingFinished.connect(lambda: settle(combo))
    if placeholder:
        line.setPlaceholderText(placeholder)
    return combo


def searchable_combo(name: str, placeholder: str = "") -> QComboBox:
    """A new picker named ``name`` (its object name, for the tests and the screenshots)."""
    combo = QComboBox()
    combo.setObjectName(name)
    return make_searchable(combo, placeholder)


def name_filter(combo: QComboBox) -> NameFilter | None:
    """The filter behind a picker's completer (None for a plain combo)."""
    completer = combo.completer()
    model = completer.model() if completer is not None else None
    return model if isinstance(model, NameFilter) else None


def picked_index(combo: QComboBox) -> int:
    """The item the typed text names: the same name (marks or case aside, when only one item has
    it), else the one item holding every typed word; -1 when none or several do.

    An emptied box names the item without data (the "none" line), where there is one."""
    typed = combo.currentText()
    current = combo.currentIndex()
    if current >= 0 and search_key(combo.itemText(current), False) == search_key(typed, False):
        return current  # two items of one name: the one chosen from the list
    texts = [combo.itemText(i) for i in range(combo.count())]
    for ignore_marks in (False, True):
        key = search_key(typed, ignore_marks)
        same = [i for i, text in enumerate(texts) if search_key(text, ignore_marks) == key]
        if len(same) == 1:
            return same[0]
        if same:
            return -1  # "Lê Thị Chi" typed without marks may be Chi or Chí
    if not search_key(typed):
        # An emptied box means "none", where the list offers a line for none.
        return next((i for i in range(combo.count()) if combo.itemData(i) is None), -1)
    found = [i for i, text in enumerate(texts) if matches(typed, text)]
    return found[0] if len(found) == 1 else -1


def settle(combo: QComboBox) -> None:
    """Select the item the typed text names, so the box shows it whole; other text stays, to be
    refused by whoever reads the choice."""
    index = picked_index(combo)
    if index >= 0 and (
        index != combo.currentIndex() or combo.currentText() != combo.itemText(index)
    ):
        combo.setCurrentIndex(index)


def picked_data(combo: QComboBox, field: str) -> Any:
    """The data of the item the typed text names; a :class:`Refusal` naming ``field`` when the
    text names no item of the list."""
    index = picked_index(combo)
    if index < 0:
        typed = combo.currentText().strip()
        raise Refusal(t.NOT_IN_LIST.format(typed=typed, field=field.rstrip(": ")))
    return combo.itemData(index)
