"""One list of the register — units on the Đơn vị page, or the persons of a unit below them.

Both are a :class:`RegisterList` configured by a :class:`RegisterView`: the table (fast model and
proxy of :mod:`desktop.ui.register.table`), its search box and count, and the four changes the
clerk makes — add, edit, (de)activate, delete — each one operation of
:mod:`desktop.register.ops` handed to the door. The list does not reload itself after a change:
the door tells the page, whose ``on_change`` calls :meth:`RegisterList.sync` with the ids changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop.changes import Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.register import ops
from desktop.register.ops import Query
from desktop.register.records import RecordData, RegisterKind
from desktop.text.wording import count
from desktop.ui.errors import show_error
from desktop.ui.register.record_dialog import FormSpec, RecordDialog
from desktop.ui.register.table import FastFilterProxy, RegisterTableModel, TableColumn
from desktop.ui.texts import common as tc
from desktop.ui.texts import units as t
from desktop.ui.widgets.elided import full_text_tips

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    class FormData(RecordData, DataclassInstance, Protocol):
        """The values a form edits: a dataclass (:class:`UnitData`, :class:`PersonData`)."""

    D = TypeVar("D", bound=FormData)
else:
    D = TypeVar("D")
I = TypeVar("I", bound=int)  # noqa: E741 — the typed id: UnitId, PersonId
# More ids than this in one change (an import) are read again all at once, not one by one.
SYNC_LIMIT = 50


class RegisterRow(Protocol):
    """A line of a register table (:class:`UnitRow`, :class:`PersonRow`)."""

    @property
    def active(self) -> bool: ...


R = TypeVar("R", bound=RegisterRow)


@dataclass(frozen=True)
class RegisterView(Generic[R, D, I]):
    """What one list of the register shows and how it names what the clerk changes."""

    kind: RegisterKind[Any, D, I]
    columns: Sequence[TableColumn[R]]
    form: FormSpec
    id_of: Callable[[R], I]
    name_of: Callable[[R], str]
    confirm_delete_title: str
    confirm_delete: str  # "{name}"
    search_placeholder: str
    search_fields: Callable[[R], str] | None = None  # faster than column by column


class RegisterList(QWidget, Generic[R, D, I]):
    """A table of one kind of record with its search, and the clerk's changes to it.

    ``rows`` reads what the list shows (None: nothing to show, e.g. no unit chosen), ``row`` one
    record as the list shows it (None: gone, or no longer in this list), ``blank`` the values a
    new record starts with (None: nothing can be added now), ``say`` puts a line in the status.
    """

    def __init__(
        self,
        ctx: AppContext,
        view: RegisterView[R, D, I],
        *,
        rows: Callable[[], Query[list[R]] | None],
        row: Callable[[I], Query[R | None]],
        blank: Callable[[], D | None],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self._rows, self._row, self._blank, self._say = rows, row, blank, say
        self.dialog: RecordDialog[D] | None = None
        self._refiltering = False
        self.model: RegisterTableModel[R] = RegisterTableModel(
            view.columns,
            self,
            is_inactive=lambda record: not record.active,
            search_fields=view.search_fields,
        )
        self.proxy = FastFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(view.search_placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        full_text_tips(self.table)  # a long unit name cut by its column reads whole on hover
        self.table.activated.connect(lambda _index: self.edit())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.modelReset.connect(self._current_changed)

    # -- showing -------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the whole list again, keeping the selected record selected if it is still there."""
        keep = self.selected()
        query = self._rows()
        self.model.set_rows([] if query is None else self.ctx.door.read(query))
        self._update_count()
        if keep is not None:
            self.select(self.view.id_of(keep))
        self._current_changed()

    def sync(self, ids: Iterable[int]) -> None:
        """Show the records ``ids`` as the register now holds them: changed, added back, or gone.

        No ids (some change, not said which) or many (an import) read the whole list again.
        """
        wanted = [self.view.kind.typed_id(record_id) for record_id in ids]
        if not wanted or len(wanted) > SYNC_LIMIT:
            self.reload()
            return
        found = None
        for record_id in wanted:
            row = self.ctx.door.read(self._row(record_id))
            at = self._row_at(record_id)
            if row is None and at is not None:
                self.model.remove_row(at)
            elif row is not None and at is None:
                self.model.append_row(row)
            elif row is not None and at is not None:
                self.model.replace_row(at, row)
            found = row
        self._update_count()
        if len(wanted) == 1 and found is not None:  # the record just changed, as the clerk sees it
            self.select(wanted[0])
        self._current_changed()

    def selected(self) -> R | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def _row_at(self, record_id: int) -> int | None:
        id_of = self.view.id_of
        return self.model.row_where(lambda record: id_of(record) == record_id)

    def select(self, record_id: int) -> bool:
        at = self._row_at(record_id)
        if at is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(at, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _filter(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_query(text))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Filter, keeping the selected record selected if it is still shown.

        What follows the selection (a unit's persons) follows only once the filter is done, not
        through the moment of the reset when nothing is selected (that would read them twice
        per keystroke).
        """
        keep = self.selected()
        self._refiltering = True
        try:
            change()
            if keep is not None:
                self.select(self.view.id_of(keep))
        finally:
            self._refiltering = False
        self._update_count()
        self._current_changed()

    def _update_count(self) -> None:
        self.count_label.setText(
            tc.COUNT_SHOWN.format(
                shown=count(self.proxy.rowCount()), total=count(self.model.rowCount())
            )
        )

    def _current_changed(self, *args: QModelIndex) -> None:
        if not self._refiltering:
            self.selection_changed(self.selected())

    def selection_changed(self, record: R | None) -> None:
        """What follows the selection: the actions' state, a unit's persons (see the subclasses)."""

    # -- changes -------------------------------------------------------------------------------
    def add(self) -> None:
        data = self._blank()
        if data is None:
            return
        kind = self.view.kind
        self._open(
            data, lambda values: self._save(ops.add(kind, values)), new=True, record_id=None
        )

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        kind, record_id = self.view.kind, self.view.id_of(row)
        try:
            before = self.ctx.door.read(ops.data_of(kind, record_id))
        except Refusal as error:  # removed meanwhile (an undo, the command line)
            show_error(self, error)
            self.sync([record_id])
            return
        saved: list[D] = []

        def save(after: D) -> list[str]:
            problems = self._save(ops.edit(kind, record_id, after))
            if not problems:
                saved.append(after)
            return problems

        self._open(before, save, new=False, record_id=record_id)
        dialog = self.dialog
        assert dialog is not None
        # Once the form is closed, not over it: what follows an edit (see :meth:`edited`).
        dialog.accepted.connect(lambda: self.edited(record_id, before, saved[-1]))

    def edited(self, record_id: I, before: D, after: D) -> None:
        """After an edit was saved and its form closed (a unit's head-counts offer to update the
        open quarter's Mẫu số: see the subclasses)."""

    def toggle_active(self) -> None:
        row = self.selected()
        if row is None:
            return
        self._run(ops.set_active(self.view.kind, self.view.id_of(row), not row.active))

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            return
        kind, record_id = self.view.kind, self.view.id_of(row)
        try:
            deletable = self.ctx.door.read(ops.deletable(kind, record_id))
        except Refusal as error:
            show_error(self, error)
            return
        if deletable:
            answer = QMessageBox.question(
                self,
                self.view.confirm_delete_title,
                self.view.confirm_delete.format(name=self.view.name_of(row)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(ops.delete(kind, record_id), t.CANNOT_DELETE_TITLE)

    def _open(
        self, data: D, save: Callable[[D], list[str]], *, new: bool, record_id: I | None
    ) -> None:
        self.dialog = RecordDialog(self.view.form, data, save, new=new, parent=self)
        self.prepare(self.dialog, record_id)
        self.dialog.open()

    def prepare(self, dialog: RecordDialog[D], record_id: I | None) -> None:
        """Fit the form to the data before it opens (``record_id`` None: a new record); the
        subclasses read what their fields need (a unit's quarters)."""

    def _save(self, operation: Operation[Any]) -> list[str]:
        """Run a change made in the form; its refusal goes back to the form, which stays open."""
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            return error.problems or [error.message]
        self._say(t.STATUS_SAVED)
        return []

    def _run(self, operation: Operation[Any], title: str = "") -> None:
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            show_error(self, error, title)
            return
        self._say(t.STATUS_SAVED)
