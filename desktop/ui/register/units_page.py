"""Đơn vị: the register of units — search, filter, sort, add, edit, deactivate, undo, Excel.

The table reads light rows (:class:`desktop.register.units.UnitRow`) and filters them through
:class:`desktop.ui.register.table.FastFilterProxy`, so 20,000 units open and filter at typing speed.
Units are one :class:`~desktop.ui.register.register_list.RegisterList`, the persons of the selected
unit below them the other. Every change is an operation of :mod:`desktop.register.ops` run
through the door; Ctrl+Z / Ctrl+Y take back the register's steps from the door's history (the shared
:class:`~desktop.ui.widgets.undo_actions.UndoActions`), and the page follows every change the door
announces (:meth:`UnitsPage.on_change`).

A unit's form holds the quarter it reports from (a new unit: the first open quarter; the clerk may
choose an earlier one that is not locked). When the head-counts of a unit change, the page offers
to update the Mẫu số of the open quarter to the new numbers (:meth:`UnitsPage.edited`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators import ops as indicator_ops
from desktop.indicators.lock import open_quarter
from desktop.indicators.scope import plan_years
from desktop.indicators.values import proposed_denominators
from desktop.models import UnitKind, periods
from desktop.models.ids import UnitId
from desktop.register.ops import SCOPE
from desktop.register.periods import first_open_period
from desktop.register.units import (
    UNITS,
    UnitData,
    UnitRow,
    get_unit,
    load_unit_row,
    load_unit_rows,
    next_unit_code,
)
from desktop.text import wording
from desktop.ui.errors import show_error
from desktop.ui.register.excel_actions import UnitExcelActions
from desktop.ui.register.person_panel import PersonPanel
from desktop.ui.register.record_dialog import FormField, FormSpec, PeriodEdit, RecordDialog
from desktop.ui.register.register_list import RegisterList, RegisterView
from desktop.ui.register.table import TableColumn
from desktop.ui.texts import help as th
from desktop.ui.texts import units as t
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.undo_actions import UndoActions, done_text

KIND_ORDER = {kind: n for n, kind in enumerate(UnitKind)}
COLUMNS = [
    TableColumn[UnitRow](t.COLUMN_CODE, lambda u: u.code),
    TableColumn[UnitRow](t.COLUMN_NAME, lambda u: u.name),
    TableColumn[UnitRow](t.COLUMN_KIND, lambda u: u.kind.label, lambda u: KIND_ORDER[u.kind]),
    TableColumn[UnitRow](t.COLUMN_HEAD, lambda u: u.head_name, by_given_name=True),
    TableColumn[UnitRow](t.COLUMN_PHONE, lambda u: u.phone),
    TableColumn[UnitRow](
        t.COLUMN_ACTIVE,
        lambda u: t.YES if u.active else t.NO,
        lambda u: not u.active,
        searchable=False,
    ),
]
NAME_COLUMN = 1
KIND_LABELS = {kind: kind.label for kind in UnitKind}
# The register's head-counts: the Mẫu số of the indicators measured on them.
COUNT_FIELDS = tuple(t.FIELD_COUNTS)
# Asked after a unit's head-counts changed: the question; True updates the open quarter's Mẫu số.
UpdateAsker = Callable[[str], bool]

UNIT_FORM = FormSpec(
    title_new=t.DIALOG_NEW_UNIT,
    title_edit=t.DIALOG_EDIT_UNIT,
    width=560,
    focus="name",
    fields=(
        FormField("code", t.FIELD_CODE),
        FormField("name", t.FIELD_NAME),
        FormField(
            "kind",
            t.FIELD_KIND,
            "choice",
            ((t.CHOOSE_KIND, None), *((kind.label, kind) for kind in UnitKind)),
        ),
        FormField("head_name", t.FIELD_HEAD),
        FormField("head_position", t.FIELD_HEAD_POSITION),
        FormField("phone", t.FIELD_PHONE),
        FormField("email", t.FIELD_EMAIL),
        FormField("address", t.FIELD_ADDRESS),
        *(
            FormField(key, label, "count", placeholder=t.COUNT_PLACEHOLDER)
            for key, label in t.FIELD_COUNTS.items()
        ),
        FormField("reports_from", t.FIELD_REPORTS_FROM, "period"),
        FormField("active", t.FIELD_ACTIVE, "check"),
        FormField("discipline_note", t.FIELD_DISCIPLINE),
        FormField("note", t.FIELD_NOTE, "text"),
    ),
)


def search_fields(u: UnitRow) -> str:
    """What the search box looks in: the searchable columns, kept apart by FIELD_SEPARATOR."""
    return f"{u.code}\x1f{u.name}\x1f{KIND_LABELS[u.kind]}\x1f{u.head_name}\x1f{u.phone}"


UNIT_VIEW = RegisterView[UnitRow, UnitData, UnitId](
    kind=UNITS,
    columns=COLUMNS,
    form=UNIT_FORM,
    id_of=lambda u: u.id,
    name_of=lambda u: u.name,
    confirm_delete_title=t.CONFIRM_DELETE_TITLE,
    confirm_delete=t.CONFIRM_DELETE,
    search_placeholder=t.SEARCH_UNITS,
    search_fields=search_fields,
)


class UnitsPage(RegisterList[UnitRow, UnitData, UnitId]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(
            ctx,
            UNIT_VIEW,
            rows=lambda: load_unit_rows,
            row=lambda unit_id: lambda session: load_unit_row(session, unit_id),
            blank=self._blank_unit,
            say=self._say_line,
            parent=parent,
        )
        self.message = QLabel()
        self.message.setObjectName("message")
        self.ask_update: UpdateAsker = self._ask_update
        self.persons = PersonPanel(ctx, self._say_line, self)
        self.excel = UnitExcelActions(self, ctx, self._say_line)
        self._build_filters()
        self._build_table()
        self.empty_hint = EmptyHint(self.table, th.HINT_UNITS, self.model, th.HINT_FILTERED)
        self.toolbar = self._build_actions()
        self._lay_out()
        self.reload()

    def _say_line(self, text: str) -> None:
        self.message.setText(text)

    def _blank_unit(self) -> UnitData:
        code, first = self.ctx.door.read(lambda s: (next_unit_code(s), first_open_period(s)))
        # A new unit reports from the first quarter still open; the clerk may choose earlier.
        return UnitData(code=code, name="", kind=None, reports_from=first)

    def prepare(self, dialog: RecordDialog[UnitData], record_id: UnitId | None) -> None:
        """The plan's years for "Báo cáo từ quý"; a closed unit says since when it stopped."""
        years, stopped = self.ctx.door.read(
            lambda s: (
                plan_years(s),
                None if record_id is None else get_unit(s, record_id).stopped_from,
            )
        )
        editor = dialog.editors["reports_from"]
        assert isinstance(editor, PeriodEdit)  # the "period" field of UNIT_FORM
        editor.set_years(years)
        editor.setToolTip(t.REPORTS_FROM_TIP)
        if stopped is not None:
            dialog.show_note(t.STOPPED_FROM.format(period=periods.quarter_text(stopped)))

    def edited(self, record_id: UnitId, before: UnitData, after: UnitData) -> None:
        """New head-counts: offer to put them in the open quarter's Mẫu số of the unit (the
        quarters before it are locked or past; their figures stay as reported)."""
        if all(getattr(before, f) == getattr(after, f) for f in COUNT_FIELDS):
            return
        open_now = self.ctx.door.read(lambda s: open_quarter(s, periods.today()))
        if open_now is None:
            return
        year, quarter = open_now
        unit_ids = [record_id]
        waiting = self.ctx.door.read(
            lambda s: len(proposed_denominators(s, year, quarter, unit_ids, replace=True))
        )
        if not waiting or not self.ask_update(
            t.UPDATE_DENOMINATORS.format(quarter=quarter, year=year, name=after.name)
        ):
            return
        label = t.UNDO_UPDATE_DENOMINATORS.format(name=after.name)
        try:
            saved = self.ctx.door.run(
                indicator_ops.fill_denominators(year, quarter, label, unit_ids, replace=True)
            )
        except Refusal as error:
            show_error(self, error)
            return
        self._say_line(
            t.UPDATED_DENOMINATORS.format(
                count=wording.count(saved.count), quarter=quarter, year=year, name=after.name
            )
        )

    def _ask_update(self, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question, t.UPDATE_DENOMINATORS_TITLE, question, parent=self
        )
        yes = box.addButton(t.BUTTON_UPDATE, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(t.BUTTON_LATER, QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _build_filters(self) -> None:
        self.search.setObjectName("search")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.addItem(t.ALL_KINDS, None)
        for kind in UnitKind:
            self.kind_filter.addItem(kind.label, kind)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("status_filter")
        for text, value in (
            (t.STATUS_ALL, None),
            (t.STATUS_ACTIVE, True),
            (t.STATUS_INACTIVE, False),
        ):
            self.status_filter.addItem(text, value)
        self.kind_filter.currentIndexChanged.connect(self._apply_condition)
        self.status_filter.currentIndexChanged.connect(self._apply_condition)
        self.count_label.setObjectName("count_label")

    def _build_table(self) -> None:
        self.table.setObjectName("table")
        self.table.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column, width in enumerate((90, 360, 210, 170, 130)):
            header.resizeSection(column, width)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.kind_filter, 2)
        filters.addWidget(self.status_filter, 1)
        filters.addWidget(self.count_label)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(self.persons)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{t.PAGE_TITLE}</h2>"))
        layout.addWidget(self.toolbar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _build_actions(self) -> QToolBar:
        toolbar = QToolBar()
        self.actions_: dict[str, QAction] = {}

        def action(
            key: str,
            text: str,
            slot: Callable[[], Any],
            *keys: QKeySequence | QKeySequence.StandardKey | str,
        ) -> QAction:
            act = QAction(text, self)
            act.setObjectName(f"action_{key}")
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            toolbar.addAction(act)
            self.actions_[key] = act
            return act

        action("add", t.ACTION_ADD, self.add, "Ctrl+N", "Ins")
        action("edit", t.ACTION_EDIT, self.edit, "F2")
        action("toggle", t.ACTION_DEACTIVATE, self.toggle_active)
        action("delete", t.ACTION_DELETE, self.delete, QKeySequence.StandardKey.Delete)
        toolbar.addSeparator()
        self.undo_actions = UndoActions(
            self.ctx,
            SCOPE,
            self,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
            on_done=lambda label, redo: self._say_line(done_text(label, redo)),
        )
        for key, act in (("undo", self.undo_actions.undo), ("redo", self.undo_actions.redo)):
            act.setObjectName(f"action_{key}")
            toolbar.addAction(act)
            self.actions_[key] = act
        toolbar.addSeparator()
        action("import", t.ACTION_IMPORT, self.excel.choose_import)
        action("import_persons", t.ACTION_IMPORT_PERSONS, self.excel.choose_import_persons)
        action("export", t.ACTION_EXPORT, self.excel.choose_export)
        action("template", t.ACTION_TEMPLATE, self.excel.choose_template)
        return toolbar

    # -- showing -------------------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Show what the door says changed: the units and persons touched, or all after a restore."""
        if change.everything:
            self.reload()
            self.persons.reload()
        else:
            if change.touches(Area.UNITS):
                self.sync(change.ids_of(Area.UNITS))
            if change.touches(Area.PERSONS):
                self.persons.sync(change.ids_of(Area.PERSONS))
        self.undo_actions.refresh()

    def refresh(self) -> None:
        """Read the units and the persons shown again (after a change made outside the door)."""
        self.reload()
        self.persons.reload()

    def _apply_condition(self) -> None:
        self._refilter(self._set_condition)

    def _set_condition(self) -> None:
        kind = self.kind_filter.currentData()
        active = self.status_filter.currentData()
        if kind is None and active is None:
            self.proxy.set_condition(None)
        else:
            self.proxy.set_condition(
                lambda u: (
                    (kind is None or u.kind == kind) and (active is None or u.active == active)
                )
            )

    def selection_changed(self, record: UnitRow | None) -> None:
        """The persons below and the actions follow the selected unit."""
        if self.persons.unit != record:
            self.persons.set_unit(record)
        self.actions_["toggle"].setText(
            t.ACTION_ACTIVATE if record is not None and not record.active else t.ACTION_DEACTIVATE
        )
        for key in ("edit", "toggle", "delete"):
            self.actions_[key].setEnabled(record is not None)

    # -- undo ----------------------------------------------------------------------------------
    def undo(self) -> None:
        self.undo_actions.replay(redo=False)

    def redo(self) -> None:
        self.undo_actions.replay(redo=True)
