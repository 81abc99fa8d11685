"""Tab through a row of the quarterly grid as the clerk types a unit's figures: it stops only at
the cells that take a value (never a grey cell of an indicator the unit does not report, nor the
fixed Mẫu số of a yes/no indicator), and no key, however fast, leaves Qt an editor it no longer
knows ("commitData called with an editor that does not belong to this view")."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.indicators.rules import Pair
from desktop.storage import Database
from desktop.ui.indicators.page import IndicatorsPage
from desktop.ui.indicators.values_view import SpreadsheetView
from tests.helpers.values import stored_pair_of

pytestmark = pytest.mark.gui
YEAR, QUARTER = 2026, 4  # under way: nothing reported yet in the demo ward
# A lower secondary school reports CBCC and HOCSINH (columns 0-3) and the yes/no TRUONGKNS
# (its "có" in column 10, its fixed Mẫu số in 11); DANSO, VNEID and NLDDN (4-9) are not its own.
SCHOOL, NEXT_SCHOOL = "THCSBS", "THCSLL"
STRAY = "does not belong to this view"


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database) -> Iterator[IndicatorsPage]:  # type: ignore[no-untyped-def]
    widget = IndicatorsPage(ctx)
    qtbot.addWidget(widget)
    stop = ctx.door.listen(widget.on_change)  # as the main window relays the door's news
    widget.resize(1366, 700)
    widget.show()
    widget.entry.year.setValue(YEAR)
    widget.entry.quarter.setCurrentIndex(QUARTER - 1)
    widget.entry.model.ask_note = lambda warnings: "đã kiểm tra"
    yield widget
    stop()


def row_of(page: IndicatorsPage, code: str) -> int:
    grid = page.entry.model.grid
    assert grid is not None
    return next(r for r, u in enumerate(grid.units) if u.code == code)


def at(view: SpreadsheetView) -> tuple[int, int]:
    return view.currentIndex().row(), view.currentIndex().column()


def editor_of(view: SpreadsheetView) -> QWidget:
    editor = view.focusWidget()
    assert view.state() == view.State.EditingState and editor is not view, "no editor open"
    return editor


def type_and_tab(qtbot, view: SpreadsheetView, digits: str) -> None:  # type: ignore[no-untyped-def]
    """Digits into the cell (its editor if Tab left one open, else the first key opens one), then
    Tab, with nothing waited for between the keys."""
    if view.state() == view.State.EditingState:
        qtbot.keyClicks(editor_of(view), digits)
    else:
        qtbot.keyClicks(view, digits[0])
        qtbot.keyClicks(editor_of(view), digits[1:])
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)


def no_stray_editor(qtlog) -> None:  # type: ignore[no-untyped-def]
    assert not [r.message for r in qtlog.records if STRAY in r.message]


def test_tab_types_a_schools_row_and_passes_the_grey_cells(
    qtbot, page: IndicatorsPage, ctx: AppContext, qtlog  # type: ignore[no-untyped-def]
) -> None:
    view, model = page.entry.view, page.entry.model
    row = row_of(page, SCHOOL)
    view.setFocus()
    view.setCurrentIndex(model.index(row, 0))
    stops = [at(view)]
    for digits in ("40", "50", "300", "400"):
        type_and_tab(qtbot, view, digits)
        stops.append(at(view))
    # From the HOCSINH Mẫu số straight to the school's TRUONGKNS "có", its editor open.
    assert stops == [(row, 0), (row, 1), (row, 2), (row, 3), (row, 10)]
    assert view.state() == view.State.EditingState
    qtbot.keyClick(editor_of(view), Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # past its fixed Mẫu số to the next school's first cell
    assert at(view) == (row_of(page, NEXT_SCHOOL), 0)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)  # and back, the same cells skipped
    assert at(view) == (row, 10)
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert at(view) == (row, 3)
    qtbot.wait(50)  # any call Qt queued runs now
    assert stored_pair_of(ctx.db, SCHOOL, "CBCC", YEAR, QUARTER) == Pair(40, 50)
    assert stored_pair_of(ctx.db, SCHOOL, "HOCSINH", YEAR, QUARTER) == Pair(300, 400)
    no_stray_editor(qtlog)


def test_tab_at_the_end_of_a_row_goes_on_to_the_next_units_open_cell(
    qtbot, page: IndicatorsPage  # type: ignore[no-untyped-def]
) -> None:
    """A residential group reports DANSO and VNEID (columns 4-7) only: Tab from its last open cell
    goes on to the next group's first, over the ten grey cells between."""
    view, model = page.entry.view, page.entry.model
    row = row_of(page, "TDP01")
    view.setFocus()
    view.setCurrentIndex(model.index(row, 7))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert at(view) == (row_of(page, "TDP02"), 4)


def test_enter_then_tab_at_once_saves_and_moves_as_typed(
    qtbot, page: IndicatorsPage, ctx: AppContext, qtlog  # type: ignore[no-untyped-def]
) -> None:
    """Enter then Tab, faster than the event loop turns (a quick hand, a keyboard macro): Enter
    saves and moves down, Tab then moves right, and no editor is left behind for Qt to commit."""
    view, model = page.entry.view, page.entry.model
    row = row_of(page, SCHOOL)
    view.setFocus()
    view.setCurrentIndex(model.index(row, 1))
    qtbot.keyClicks(view, "5")
    qtbot.keyClicks(editor_of(view), "0")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
    qtbot.wait(50)  # any call Qt queued runs now
    assert at(view) == (row_of(page, NEXT_SCHOOL), 2)
    assert view.state() != view.State.EditingState
    assert stored_pair_of(ctx.db, SCHOOL, "CBCC", YEAR, QUARTER) == Pair(None, 50)
    no_stray_editor(qtlog)
