"""Tab “Nhập số liệu quý”: choose the quarter, type or paste into the grid, fill the Mẫu số, lock
and unlock it.

The years offered are the plan's (Cài đặt). Every change is an operation of
:mod:`desktop.indicators.ops` through the door; what others change (an undo, an import, a unit or
an indicator, the plan's years, a restore) reaches the tab as :meth:`on_change`. A quarter not
begun cannot be locked; one that some units have not reported is locked only once the clerk, told
which indicators miss whom, says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.changes import Area, Change, Operation
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.indicators import ops
from desktop.indicators.lock import LockState, lock_state
from desktop.indicators.ops import SCOPE, LockIncomplete
from desktop.indicators.scope import plan_years
from desktop.models import periods
from desktop.text import matches, wording
from desktop.ui.errors import show_error
from desktop.ui.indicators.values_dialogs import ask_text, confirm
from desktop.ui.indicators.values_excel import ValuesExcelActions
from desktop.ui.indicators.values_model import QuarterGridModel
from desktop.ui.indicators.values_view import SpreadsheetView
from desktop.ui.texts import help as th
from desktop.ui.texts import indicators as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.undo_actions import done_text

# Asked when some units have not reported the quarter: True locks it all the same.
IncompleteAsker = Callable[[LockIncomplete], bool]


def current_period(years: range, today: date | None = None) -> tuple[int, int]:
    """The quarter being reported now: the one that ended last, within the plan's ``years``."""
    year, quarter = periods.previous_period(*periods.quarter_of(today or periods.today()))
    if year < years.start:
        return years.start, 1
    if year >= years.stop:
        return years.stop - 1, 4
    return year, quarter


def year_box(value: int, years: range) -> QSpinBox:
    """Only the plan's years: a quarter outside them is refused anyway."""
    box = QSpinBox()
    box.setRange(years.start, years.stop - 1)
    box.setValue(value)
    return box


class QuarterEntry(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = QuarterGridModel(ctx, self)
        self.model.ask_note = self._ask_note
        self.ask_incomplete: IncompleteAsker = self._ask_incomplete
        self.view = SpreadsheetView(self.model, self, on_undone=self._say_undone)
        self.empty_hint = EmptyHint(self.view, th.HINT_ENTRY)
        years = ctx.door.read(plan_years)
        year, quarter = current_period(years)
        self.year = year_box(year, years)
        self.year.setObjectName("entry_year")
        self.quarter = QComboBox()
        self.quarter.setObjectName("entry_quarter")
        self.quarter.addItems([t.QUARTER_ITEM.format(quarter=q) for q in range(1, 5)])
        self.quarter.setCurrentIndex(quarter - 1)
        self.unit_search = QLineEdit()
        self.unit_search.setObjectName("find_unit")
        self.unit_search.setPlaceholderText(t.FIND_UNIT)
        self.unit_search.setClearButtonEnabled(True)
        self.unit_search.returnPressed.connect(self.find_next)
        self.unit_search.textEdited.connect(lambda _text: self.find_next(from_start=True))
        self.fill_button = QPushButton(t.FILL_DENOMINATORS)
        self.fill_button.setObjectName("fill_denominators")
        self.fill_button.setToolTip(t.FILL_DENOMINATORS_TIP)
        self.fill_button.clicked.connect(self.fill_denominators)
        self.lock_button = QPushButton(t.LOCK)
        self.lock_button.setObjectName("lock")
        self.lock_button.clicked.connect(self._lock_clicked)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.model.saved.connect(self.status.setText)
        self.model.refused.connect(self._show_refused)

        top = QHBoxLayout()
        for widget in (QLabel(t.YEAR), self.year, QLabel(t.QUARTER), self.quarter):
            top.addWidget(widget)
        top.addWidget(self.unit_search, 1)
        top.addWidget(self.fill_button)
        top.addWidget(self.lock_button)
        self.actions_bar = QHBoxLayout()
        self.excel = ValuesExcelActions(ctx, self, lambda: self.period)
        for button in self.excel.buttons():
            self.actions_bar.addWidget(button)
        self.actions_bar.addWidget(self.excel.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self.year.valueChanged.connect(lambda _v: self.switch_quarter())
        self.quarter.currentIndexChanged.connect(lambda _i: self.switch_quarter())
        self.open_quarter()

    @property
    def period(self) -> tuple[int, int]:
        return self.year.value(), self.quarter.currentIndex() + 1

    def switch_quarter(self) -> None:
        """Another quarter chosen: Ctrl+Z no longer reaches the cells of the one left, as before
        the door kept the history (an undo out of sight would surprise the clerk)."""
        self.ctx.door.history.clear(SCOPE)
        self.open_quarter()

    def open_quarter(self) -> None:
        year, quarter = self.period
        self.model.open_quarter(year, quarter)
        self.status.setText(
            t.STATUS_COUNT.format(
                units=wording.count(self.model.rowCount()),
                indicators=wording.count(self.model.columnCount() // 2),
            )
        )
        self._show_lock()
        # Switching quarters empties the grid's history without an announcement.
        self.view.undo_actions.refresh()
        for column in range(self.model.columnCount()):
            # The denominator cell also shows the percentage: "1.268  (84,2%)"; a yes/no
            # indicator has no Mẫu số to show.
            if self.model.is_yes_no(column):
                width = 34 if self.model.is_denominator(column) else 92
            else:
                width = 124 if self.model.is_denominator(column) else 76
            self.view.setColumnWidth(column, width)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def refresh(self) -> None:
        """Units or indicators may have changed: keep the grid if its rows and columns did not."""
        if self.model.reload_structure():
            self.model.reload_units()
            self._show_lock()
        else:
            self.open_quarter()

    def on_change(self, change: Change) -> None:
        if change.everything:
            self._follow_plan_years()
            self.open_quarter()  # a restore: nothing shown holds; the door emptied the history
            return
        if change.touches(Area.SETTINGS) and self._follow_plan_years():
            self.switch_quarter()
            return
        if change.touches(Area.UNITS, Area.INDICATORS):
            self.refresh()
        elif change.touches(Area.VALUES) and not self.model.saving:
            # The model shows its own saves as it makes them; this is an undo, an import, a lock.
            self.model.reload_units(change.ids_of(Area.VALUES))
            self._show_lock()
        self.view.undo_actions.refresh()

    def _follow_plan_years(self) -> bool:
        """Offer the plan's years as Cài đặt now sets them; True when the quarter shown changed."""
        years = self.ctx.door.read(plan_years)
        if (self.year.minimum(), self.year.maximum()) == (years.start, years.stop - 1):
            return False
        shown = self.year.value()
        self.year.blockSignals(True)
        self.year.setRange(years.start, years.stop - 1)
        self.year.blockSignals(False)
        return self.year.value() != shown

    def _show_lock(self) -> None:
        year, quarter = self.period
        state: LockState = self.ctx.door.read(lambda s: lock_state(s, year, quarter))
        self.model.set_locked(state.locked)
        self.lock_button.setText(t.UNLOCK if state.locked else t.LOCK)
        self.fill_button.setEnabled(not state.locked)
        if state.locked:
            self.banner.setText(t.LOCKED_BANNER.format(year=year, quarter=quarter))
        elif state.reopened:
            self.banner.setText(
                t.REOPENED_BANNER.format(year=year, quarter=quarter, reason=state.unlock_reason)
            )
        self.banner.setVisible(state.locked or state.reopened)

    def _say_undone(self, label: str, redo: bool) -> None:
        self.status.setText(done_text(label, redo))

    def _show_refused(self, message: str) -> None:
        self.status.setText(f"<span style='color:#b00020'>{message}</span>".replace("\n", "<br>"))

    def _ask_note(self, warnings: list[str]) -> str | None:
        """The note for warned cells: a big change, a Mẫu số off the register or unlike the same
        people's in another indicator (the first few named, the rest counted)."""
        shown = [f"• {w}" for w in warnings[:5]]
        if len(warnings) > 5:
            shown.append(t.WARNING_MORE.format(count=wording.count(len(warnings) - 5)))
        prompt = t.WARNING_PROMPT.format(warnings="\n".join(shown))
        return ask_text(self, t.WARNING_TITLE, prompt, t.BUTTON_SAVE)

    # --- actions ---------------------------------------------------------------------------
    def find_next(self, from_start: bool = False) -> None:
        query = self.unit_search.text().strip()
        if not query or self.model.grid is None:
            return
        units = self.model.grid.units
        start = 0 if from_start else self.view.currentIndex().row() + 1
        for offset in range(len(units)):
            row = (start + offset) % len(units)
            if matches(query, units[row].name) or matches(query, units[row].code):
                self.view.goto_row(row)
                return

    def show_quarter(self, year: int, quarter: int, unit_ids: tuple[int, ...] = ()) -> None:
        """Open ``year``/``quarter`` (when the plan has it) on the first row of ``unit_ids``."""
        if not self.year.minimum() <= year <= self.year.maximum():
            return
        if self.period != (year, quarter):
            for box in (self.year, self.quarter):
                box.blockSignals(True)  # one switch for both boxes, not two
            self.year.setValue(year)
            self.quarter.setCurrentIndex(quarter - 1)
            for box in (self.year, self.quarter):
                box.blockSignals(False)
            self.switch_quarter()
        units = self.model.grid.units if self.model.grid is not None else []
        wanted = set(unit_ids)
        row = next((r for r, unit in enumerate(units) if unit.id in wanted), None)
        if row is not None:
            self.view.goto_row(row)

    def fill_denominators(self) -> None:
        """Điền mẫu số: the register's head-counts (else last quarter's) into the empty Mẫu số."""
        filled = self.model.fill_denominators()
        if filled is None:
            return
        if filled:
            self.status.setText(t.FILL_DENOMINATORS_DONE.format(count=wording.count(filled)))
        else:
            self.status.setText(t.FILL_DENOMINATORS_NONE)

    def _lock_clicked(self) -> None:
        year, quarter = self.period
        if self.model.locked:
            prompt = t.UNLOCK_PROMPT.format(year=year, quarter=quarter)
            reason = ask_text(self, t.UNLOCK_TITLE, prompt, t.BUTTON_UNLOCK)
            if reason is not None:
                self.unlock(reason)
            return
        text = t.LOCK_CONFIRM.format(year=year, quarter=quarter)
        if confirm(self, title_of(t.LOCK), text, t.BUTTON_LOCK):
            self.lock()

    def lock(self) -> bool:
        """Chốt số liệu: refused before the quarter has begun; when some units have not reported
        it, the clerk is asked (:attr:`ask_incomplete`) and it is locked only on yes."""
        year, quarter = self.period
        day = periods.today()
        try:
            self.ctx.door.run(ops.lock_quarter(year, quarter, today=day))
        except LockIncomplete as incomplete:
            if not self.ask_incomplete(incomplete):
                self.status.setText(t.LOCK_CANCELLED.format(year=year, quarter=quarter))
                return False
            return self._lock_step(
                ops.lock_quarter(year, quarter, today=day, allow_incomplete=True),
                t.LOCK_DONE.format(year=year, quarter=quarter),
            )
        except Refusal as error:
            self._refused_step(error)
            return False
        self.status.setText(t.LOCK_DONE.format(year=year, quarter=quarter))
        return True

    def unlock(self, reason: str) -> bool:
        year, quarter = self.period
        return self._lock_step(
            ops.unlock_quarter(year, quarter, reason),
            t.UNLOCK_DONE.format(year=year, quarter=quarter),
        )

    def _lock_step(self, operation: Operation[None], done: str) -> bool:
        """Lock or unlock; the door's announcement (:meth:`on_change`) shows the new state."""
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            self._refused_step(error)
            return False
        self.status.setText(done)
        return True

    def _refused_step(self, error: Refusal) -> None:
        """A lock or an unlock the rules refuse: the clerk pressed a button and answered a
        question, so the reason comes in a dialog, and stays in the status line."""
        self._show_refused(error.text())
        show_error(self, error, t.LOCK_REFUSED_TITLE)

    def _ask_incomplete(self, incomplete: LockIncomplete) -> bool:
        year, quarter = self.period
        text = t.LOCK_INCOMPLETE.format(
            message=incomplete.message,
            problems="\n".join(f"• {p}" for p in incomplete.problems),
            year=year,
            quarter=quarter,
        )
        return confirm(self, t.LOCK_INCOMPLETE_TITLE, text, t.BUTTON_LOCK_ANYWAY)
