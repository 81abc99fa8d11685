"""Tab “Nhập số liệu quý”: choose the quarter, type or paste into the grid, lock and unlock it.

Every change is an operation of :mod:`desktop.indicators.ops` through the door; what others change
(an undo, an import, a unit or an indicator, a restore) reaches the tab as :meth:`on_change`.
"""

from __future__ import annotations

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
from desktop.indicators.ops import SCOPE
from desktop.text import matches, wording
from desktop.ui.indicators.values_dialogs import ask_text, confirm
from desktop.ui.indicators.values_excel import ValuesExcelActions
from desktop.ui.indicators.values_model import QuarterGridModel
from desktop.ui.indicators.values_view import SpreadsheetView
from desktop.ui.texts import indicators as t
from desktop.ui.widgets.undo_actions import done_text

FIRST_YEAR, LAST_YEAR = 2025, 2030


def current_period(today: date | None = None) -> tuple[int, int]:
    """The quarter being reported now: the one that ended last (the plan runs 2025–2030)."""
    today = today or date.today()
    quarter = (today.month - 1) // 3
    year = today.year if quarter else today.year - 1
    quarter = quarter or 4
    if year < FIRST_YEAR:
        return FIRST_YEAR, 1
    return (min(year, LAST_YEAR), quarter) if year <= LAST_YEAR else (LAST_YEAR, 4)


def year_box(value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(FIRST_YEAR - 5, LAST_YEAR + 10)
    box.setValue(value)
    return box


class QuarterEntry(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = QuarterGridModel(ctx, self)
        self.model.ask_note = self._ask_note
        self.view = SpreadsheetView(self.model, self, on_undone=self._say_undone)
        year, quarter = current_period()
        self.year = year_box(year)
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
        self.copy_button = QPushButton(t.COPY_DENOMINATORS)
        self.copy_button.clicked.connect(self.copy_denominators)
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
        top.addWidget(self.copy_button)
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
            # The denominator cell also shows the percentage: "1268  (84,2 %)".
            self.view.setColumnWidth(column, 124 if self.model.is_denominator(column) else 76)
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
            self.open_quarter()  # a restore: nothing shown holds; the door emptied the history
            return
        if change.touches(Area.UNITS, Area.INDICATORS):
            self.refresh()
        elif change.touches(Area.VALUES) and not self.model.saving:
            # The model shows its own saves as it makes them; this is an undo, an import, a lock.
            self.model.reload_units(change.ids_of(Area.VALUES))
            self._show_lock()
        self.view.undo_actions.refresh()

    def _show_lock(self) -> None:
        year, quarter = self.period
        state: LockState = self.ctx.door.read(lambda s: lock_state(s, year, quarter))
        self.model.set_locked(state.locked)
        self.lock_button.setText(t.UNLOCK if state.locked else t.LOCK)
        self.copy_button.setEnabled(not state.locked)
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
        prompt = t.WARNING_PROMPT.format(warnings="\n".join(warnings[:5]))
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

    def copy_denominators(self) -> None:
        copied = self.model.copy_previous_denominators()
        if copied is None:
            return
        if copied:
            self.status.setText(t.COPY_DENOMINATORS_DONE.format(count=wording.count(copied)))
        else:
            self.status.setText(t.COPY_DENOMINATORS_NONE)

    def _lock_clicked(self) -> None:
        year, quarter = self.period
        if self.model.locked:
            prompt = t.UNLOCK_PROMPT.format(year=year, quarter=quarter)
            reason = ask_text(self, t.UNLOCK_TITLE, prompt, t.BUTTON_UNLOCK)
            if reason is not None:
                self.unlock(reason)
            return
        text = t.LOCK_CONFIRM.format(year=year, quarter=quarter)
        if confirm(self, t.LOCK.replace("&", ""), text, t.BUTTON_LOCK):
            self.lock()

    def lock(self) -> bool:
        year, quarter = self.period
        return self._lock_step(ops.lock_quarter(year, quarter))

    def unlock(self, reason: str) -> bool:
        year, quarter = self.period
        return self._lock_step(ops.unlock_quarter(year, quarter, reason))

    def _lock_step(self, operation: Operation[None]) -> bool:
        """Lock or unlock; the door's announcement (:meth:`on_change`) shows the new state."""
        try:
            self.ctx.door.run(operation)
        except Refusal as error:
            self._show_refused(error.text())
            return False
        return True
