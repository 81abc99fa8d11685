"""Issue 17: the grid speaks in the plan's names — a short label over Tử số / Mẫu số, the code in
the tooltip with what to count — and a yes/no indicator is a tick the clerk sets with a click or
the space bar, saved as any typed cell is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from desktop.context import AppContext
from desktop.indicators.rules import Pair
from desktop.storage import Database
from desktop.ui.indicators.page import IndicatorsPage
from desktop.ui.indicators.values_view import SpreadsheetView
from tests.helpers.values import stored_pair_of

pytestmark = pytest.mark.gui

CODES = ("CBCC", "HOCSINH", "DANSO", "VNEID", "NLDDN", "TRUONGKNS")


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database):  # type: ignore[no-untyped-def]
    widget = IndicatorsPage(ctx)
    qtbot.addWidget(widget)
    stop = ctx.door.listen(widget.on_change)
    # A tick taken back against last quarter's "có" asks a note, as a typed change does.
    widget.entry.model.ask_note = lambda warnings: "đã kiểm tra"
    widget.resize(1366, 700)
    widget.show()
    yield widget
    stop()


def _open(page: IndicatorsPage, year: int, quarter: int) -> None:
    page.entry.year.setValue(year)
    page.entry.quarter.setCurrentIndex(quarter - 1)
    assert page.entry.period == (year, quarter)


def _column(page: IndicatorsPage, code: str, denominator: bool = False) -> int:
    model = page.entry.model
    assert model.grid is not None
    return next(2 * c for c, i in enumerate(model.grid.indicators) if i.code == code) + int(
        denominator
    )


def _cell(page: IndicatorsPage, unit: str, code: str) -> QModelIndex:
    model = page.entry.model
    assert model.grid is not None
    row = next(r for r, u in enumerate(model.grid.units) if u.code == unit)
    return model.index(row, _column(page, code))


def _header(page: IndicatorsPage, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> str:
    return str(page.entry.model.headerData(column, Qt.Orientation.Horizontal, role))


def test_the_grid_header_shows_the_short_label_over_tu_so_and_mau_so(page: IndicatorsPage) -> None:
    _open(page, 2026, 4)
    assert _header(page, _column(page, "CBCC")) == "CB, CC, VC, NLĐ có kỹ năng số\nTử số"
    assert _header(page, _column(page, "CBCC", True)) == "CB, CC, VC, NLĐ có kỹ năng số\nMẫu số"
    assert _header(page, _column(page, "DANSO")) == "Người dân có kỹ năng số\nTử số"
    headers = [_header(page, c) for c in range(page.entry.model.columnCount())]
    assert not [h for h in headers if any(code in h for code in CODES)]  # no code on show
    # Tall enough for a label on two lines over its part.
    header = page.entry.view.horizontalHeader()
    assert header.height() >= 3 * header.fontMetrics().height()


def test_the_header_tooltip_gives_the_code_and_what_to_count(page: IndicatorsPage) -> None:
    _open(page, 2026, 4)
    tip = _header(page, _column(page, "CBCC"), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("CBCC — Cán bộ, công chức, viên chức và người lao động có hiểu biết")
    assert "Tử số: Số CB, CC, VC, NLĐ có kiến thức, kỹ năng số" in tip
    tip = _header(page, _column(page, "CBCC", True), Qt.ItemDataRole.ToolTipRole)
    assert "Mẫu số: Tổng số CB, CC, VC, NLĐ" in tip
    tip = _header(page, _column(page, "TRUONGKNS"), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("TRUONGKNS — ") and "1 = có, 0 = chưa" in tip
    assert "Trường thường xuyên giảng dạy kỹ năng số" in tip


def _stored(ctx: AppContext, unit: str, year: int = 2026, quarter: int = 4) -> Pair | None:
    return stored_pair_of(ctx.db, unit, "TRUONGKNS", year, quarter)


def _click_the_box(qtbot, view: SpreadsheetView, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    option = QStyleOptionViewItem()
    view.itemDelegate().initStyleOption(option, index)
    option.rect = view.visualRect(index)
    box = view.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view
    )
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_a_yes_no_cell_is_a_tick_set_by_space_or_a_click_and_saved(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Plan II.2 (TRUONGKNS, "1 = có, 0 = chưa"): a tick per school, nothing typed."""
    _open(page, 2026, 4)
    view, model = page.entry.view, page.entry.model
    cell = _cell(page, "THCSTTN", "TRUONGKNS")
    assert model.flags(cell) & Qt.ItemFlag.ItemIsUserCheckable
    check = Qt.ItemDataRole.CheckStateRole
    # Not reported yet: a dimmed box, not a "chưa".
    assert cell.data(check) == Qt.CheckState.PartiallyChecked
    assert "Chưa nhập" in cell.data(Qt.ItemDataRole.ToolTipRole)
    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert _stored(ctx, "THCSTTN") == Pair(1, 1)
    assert cell.data(check) == Qt.CheckState.Checked and cell.data() == "Có"
    assert view.state() != view.State.EditingState  # no editor opened by the space
    _click_the_box(qtbot, view, cell)
    assert _stored(ctx, "THCSTTN") == Pair(0, 1)
    assert cell.data(check) == Qt.CheckState.Unchecked and cell.data() == "Chưa"
    # The same save as a typed cell: one undoable step, named by the short label.
    assert view.undo_action.toolTip() == (
        "Hoàn tác: sửa ô “Trường dạy kỹ năng số” của Trường THCS Trần Thành Ngọ"
    )
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "THCSTTN") == Pair(1, 1)
    assert cell.data(check) == Qt.CheckState.Checked
    # A ratio cell has no box.
    assert _cell(page, "THCSTTN", "CBCC").data(check) is None


def test_space_on_a_locked_quarter_says_so_and_ticks_nothing(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    _open(page, 2026, 2)  # locked on the tests' day
    view, model = page.entry.view, page.entry.model
    cell = _cell(page, "THCSTTN", "TRUONGKNS")
    before = _stored(ctx, "THCSTTN", 2026, 2)
    assert not model.flags(cell) & Qt.ItemFlag.ItemIsUserCheckable
    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert "đã được chốt" in page.entry.status.text()
    assert _stored(ctx, "THCSTTN", 2026, 2) == before
