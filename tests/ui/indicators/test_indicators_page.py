"""The quarterly grid as the clerk uses it: type, move, paste from Excel, clear, undo, lock.

The demo ward is built as it stands on the tests' day (``the_clerks_day`` in tests/conftest.py,
1/12/2026): every quarter before the last one ended is locked, the last one ended is being
collected, and the quarter under way — the one these tests type into — has no figures yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from desktop.context import AppContext
from desktop.indicators.rules import Pair
from desktop.models import AuditEntry, Comparison, QuarterValue, Unit
from desktop.storage import Database
from desktop.text import wording
from desktop.ui.indicators.page import IndicatorsPage
from tests.helpers.values import stored_pair_of

pytestmark = pytest.mark.gui

YEAR, QUARTER = 2026, 4  # the quarter under way on the tests' day: nothing reported yet


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The warnings the page shows in a dialog (title, text), recorded instead of waiting for a
    click."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    return shown


@pytest.fixture
def page(qtbot, ctx: AppContext, demo_db: Database, dialogs):  # type: ignore[no-untyped-def]
    widget = IndicatorsPage(ctx)
    qtbot.addWidget(widget)
    # The main window tells its pages of every change through the door; so does the test.
    stop = ctx.door.listen(widget.on_change)
    widget.resize(1200, 700)
    widget.show()
    widget.entry.year.setValue(YEAR)
    widget.entry.quarter.setCurrentIndex(QUARTER - 1)  # under way: empty in the demo ward
    widget.entry.model.ask_note = lambda warnings: "ghi chú thử"
    yield widget
    stop()


def _cell(page: IndicatorsPage, unit_code: str, indicator_code: str, denominator: bool = False):  # type: ignore[no-untyped-def]
    model = page.entry.model
    assert model.grid is not None
    row = next(r for r, u in enumerate(model.grid.units) if u.code == unit_code)
    column = next(2 * c for c, i in enumerate(model.grid.indicators) if i.code == indicator_code)
    return model.index(row, column + int(denominator))


def _stored(
    ctx: AppContext, unit_code: str, indicator_code: str, year: int = YEAR, quarter: int = QUARTER
) -> Pair | None:
    return stored_pair_of(ctx.db, unit_code, indicator_code, year, quarter)

def _type(qtbot, view, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(view, text[0])  # the first key opens the editor, replacing the cell
    editor = view.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits Enter through a queued call, as it does for the clerk.
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def test_typing_a_pair_saves_at_once_and_enter_moves_down(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO", denominator=True))
    _type(qtbot, view, "600")
    assert view.currentIndex().row() == _cell(page, "TDP01", "DANSO").row() + 1
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    _type(qtbot, view, "450")
    assert _stored(ctx, "TDP01", "DANSO") == Pair(450, 600)
    assert _cell(page, "TDP01", "DANSO", True).data() == "600  (75%)"
    # Typing over a filled cell replaces it, as in Excel.
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO", denominator=True))
    _type(qtbot, view, "900")
    assert _stored(ctx, "TDP01", "DANSO") == Pair(450, 900)
    # Tab moves right.
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex() == _cell(page, "TDP01", "DANSO", True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "không phải là số"),
        ("1,5", "thập phân"),
        ("-4", "âm"),
        ("700", "không được lớn hơn mẫu số"),
    ],
)
def test_bad_input_is_refused_on_the_cell(
    page: IndicatorsPage, ctx: AppContext, qtbot, text: str, message: str
) -> None:
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP02", "DANSO", denominator=True))
    _type(qtbot, view, "600")
    cell = _cell(page, "TDP02", "DANSO")
    view.setCurrentIndex(cell)
    _type(qtbot, view, text)
    assert _stored(ctx, "TDP02", "DANSO") == Pair(None, 600)
    assert message in (page.entry.model.error_at(cell.row(), cell.column()) or "")
    assert message in (cell.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert message in page.entry.status.text()


def test_paste_a_block_from_excel_then_undo(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    QGuiApplication.clipboard().setText("450\t600\t400\t600\r\n300\t500\t250\t500\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(450, 600)
    assert _stored(ctx, "TDP01", "VNEID") == Pair(400, 600)
    assert _stored(ctx, "TDP02", "VNEID") == Pair(250, 500)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, None)
    assert _stored(ctx, "TDP02", "VNEID") == Pair(None, None)
    assert _cell(page, "TDP01", "DANSO").data() == ""
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "TDP02", "VNEID") == Pair(250, 500)


@pytest.mark.parametrize(
    ("clipboard", "message"),
    [
        ("Tử số\tMẫu số\n450\t600\n", "dòng tiêu đề"),
        ("1\t2\t3\t4\t5\t6\t7\n", "vượt ra ngoài bảng"),
        ("450\t600\n700\t600\n", "không được lớn hơn mẫu số"),
        ("450\t6x0\n", "không phải là số"),
    ],
)
def test_bad_paste_changes_nothing(
    page: IndicatorsPage, ctx: AppContext, qtbot, clipboard: str, message: str
) -> None:
    view = page.entry.view
    view.setFocus()
    # The last two columns: a block wider than two columns cannot fit.
    model = page.entry.model
    if clipboard.startswith("1\t2"):
        view.setCurrentIndex(model.index(0, model.columnCount() - 2))
    else:
        view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    QGuiApplication.clipboard().setText(clipboard)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert message in page.entry.status.text()
    assert _stored(ctx, "TDP01", "DANSO") is None
    assert _stored(ctx, "TDP02", "DANSO") is None
    assert not ctx.door.history.can_undo("values")


def test_delete_clears_and_undo_brings_back(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP03", "VNEID"))
    assert view.paste_text("100\t200\n")
    assert _stored(ctx, "TDP03", "VNEID") == Pair(100, 200)
    view.setCurrentIndex(_cell(page, "TDP03", "VNEID"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _stored(ctx, "TDP03", "VNEID") == Pair(None, 200)
    view.setCurrentIndex(_cell(page, "TDP03", "VNEID", True))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _stored(ctx, "TDP03", "VNEID") == Pair(None, None)
    page.entry.view.undo_action.trigger()
    page.entry.view.undo_action.trigger()
    assert _stored(ctx, "TDP03", "VNEID") == Pair(100, 200)


def test_a_big_jump_asks_for_a_note(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:
    asked: list[list[str]] = []
    page.entry.model.ask_note = lambda warnings: asked.append(warnings) or "Tổ rà soát lại"  # type: ignore[func-returns-value]
    view = page.entry.view
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    # The demo ward's last quarter's values are around 80 %: 10 % is a big fall.
    assert view.paste_text("10\t100\n")
    assert asked and "giảm" in asked[0][0]
    with ctx.db.session() as s:
        notes = [
            v.note
            for v in s.exec(
                select(QuarterValue).where(
                    QuarterValue.year == YEAR, QuarterValue.quarter == QUARTER
                )
            )
        ]
    assert notes == ["Tổ rà soát lại"]
    page.entry.model.ask_note = lambda warnings: None  # Hủy: nothing saved
    view.setCurrentIndex(_cell(page, "TDP02", "DANSO"))
    assert not view.paste_text("5\t100\n")
    assert _stored(ctx, "TDP02", "DANSO") is None


def test_lock_makes_the_quarter_read_only_until_unlocked(
    page: IndicatorsPage, ctx: AppContext, qtbot, dialogs: list[tuple[str, str]]
) -> None:
    entry = page.entry
    # Issue 12: a lock warns while units have not reported; the clerk locks all the same.
    entry.ask_incomplete = lambda incomplete: True
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("450\t600\n")
    assert entry.lock()
    assert not entry.view.paste_text("460\t600\n")
    assert "đã được chốt" in entry.status.text()
    assert entry.banner.isVisible() and "đã chốt" in entry.banner.text()
    assert not (entry.model.flags(_cell(page, "TDP01", "DANSO")) & Qt.ItemFlag.ItemIsEditable)
    entry.status.clear()
    qtbot.keyClicks(entry.view, "5")
    assert "đã được chốt" in entry.status.text()
    assert not entry.unlock("")
    assert "ít nhất 5 ký tự" in dialogs[-1][1]  # the refusal is shown in a dialog
    assert entry.unlock("Tổ 1 báo cáo lại")
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("460\t600\n")
    assert _stored(ctx, "TDP01", "DANSO") == Pair(460, 600)
    assert "đang mở chốt" in entry.banner.text()


def test_fill_denominators_from_the_register(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:
    """Issue 12 changed the rule of “Chép mẫu số quý trước”: “Điền mẫu số” takes the register's
    head-count first (last quarter's only where the register has none), and a yes/no indicator
    has no Mẫu số to fill. The demo ward's Mẫu số are its register's, so every cell last quarter
    had is filled with the same number, and the yes/no ones are left alone."""
    entry = page.entry
    assert entry.fill_button.text().replace("&", "") == "Điền mẫu số"
    entry.fill_denominators()
    assert "Đã điền" in entry.status.text()
    grid = entry.model.grid
    assert grid is not None
    yes_no = {i.id for i in grid.indicators if i.yes_no}
    expected = {u.id for u in grid.units}
    with ctx.db.session() as s:
        last = {
            (v.unit_id, v.indicator_id): v.denominator
            for v in s.exec(
                select(QuarterValue).where(QuarterValue.year == YEAR, QuarterValue.quarter == 3)
            )
            if v.unit_id in expected and v.indicator_id not in yes_no
        }
        filled = {
            (v.unit_id, v.indicator_id): v.denominator
            for v in s.exec(
                select(QuarterValue).where(
                    QuarterValue.year == YEAR, QuarterValue.quarter == QUARTER
                )
            )
        }
    assert last and last.items() <= filled.items()
    assert not any(key[1] in yes_no for key in filled)
    tdp01 = next(u for u in grid.units if u.code == "TDP01")
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, tdp01.counts.adult_count)
    entry.view.undo_action.trigger()
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, None)


def test_find_unit_jumps_to_its_row(page: IndicatorsPage, qtbot) -> None:
    entry = page.entry
    entry.unit_search.setText("to dan pho so 7")
    entry.find_next(from_start=True)
    assert entry.model.unit_at(entry.view.currentIndex().row()).code == "TDP07"


def test_results_tab_shows_ward_results_and_chart(page: IndicatorsPage, qtbot) -> None:
    page.tabs.setCurrentWidget(page.results)
    page.results.year.setValue(2025)
    assert page.results.results_model.rowCount() >= 5
    first = page.results.results_model.record(0)
    assert first.quarter == 4 and first.percent is not None
    assert len([p for p in page.results.chart.points if p.x() < 4]) == 4  # 2025's quarters
    assert "đơn vị chưa đạt" in page.results.lagging_title.text()
    # Lagging units fall short of the target; exactly 80 % lags only a "Trên 80%" target.
    lagging = page.results.lagging_model._records
    assert lagging and all(
        r.gap is not None and (r.gap > 0 or (r.gap == 0 and r.comparison is Comparison.ABOVE))
        for r in lagging
    )


def test_catalogue_tab_lists_targets_to_2030(page: IndicatorsPage, qtbot) -> None:
    page.tabs.setCurrentWidget(page.catalogue)
    model = page.catalogue.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Năm 2030" in headers
    assert model.rowCount() >= 6


def test_excel_export_forms_and_import_from_the_entry_tab(
    page: IndicatorsPage, ctx: AppContext, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from desktop.excel.values_forms import FIRST_ROW, NUMERATOR_COL, SHEET

    excel = page.entry.excel
    excel.export_grid_to(tmp_path / "q1.xlsx")
    qtbot.waitUntil(lambda: "Đã xuất" in excel.message.text(), timeout=10_000)
    assert (tmp_path / "q1.xlsx").exists()
    with ctx.db.session() as s:
        unit_id = s.exec(select(Unit.id).where(Unit.code == "TDP01")).one()
    excel.make_forms_in(tmp_path / "forms", [unit_id])
    qtbot.waitUntil(lambda: "Đã tạo 1 biểu mẫu" in excel.message.text(), timeout=10_000)
    (form,) = (tmp_path / "forms").glob("*.xlsx")
    workbook = load_workbook(form)
    workbook[SHEET].cell(row=FIRST_ROW, column=NUMERATOR_COL, value=500)
    workbook.save(form)
    previews = []
    excel.import_files([form], confirm=lambda results: previews.append(results) or True)
    qtbot.waitUntil(lambda: "Đã nhập" in excel.message.text(), timeout=10_000)
    assert previews and previews[0][0].ok
    stored = _stored(ctx, "TDP01", "DANSO")
    assert stored is not None and stored.numerator == 500
    # The grid shows the imported value without reopening.
    assert _cell(page, "TDP01", "DANSO").data() == "500"


def test_add_an_indicator_and_a_2027_target_in_the_catalogue(page: IndicatorsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.models import UnitKind
    from desktop.ui.indicators.indicator_dialog import IndicatorDialog, TargetDialog
    from tests.helpers.typing import type_text

    dialog = IndicatorDialog(page.ctx, None, page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code, "DVCTT")
    dialog.save()
    assert "Tên chỉ tiêu không được để trống" in dialog.error.text()
    type_text(dialog.name, "Hồ sơ thủ tục hành chính nộp trực tuyến")
    type_text(dialog.numerator, "Số hồ sơ trực tuyến")
    type_text(dialog.denominator, "Tổng số hồ sơ")
    dialog.kinds[UnitKind.WARD_OFFICE].setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.catalogue.refresh()
    codes = [
        page.catalogue.model.record(r).indicator.code
        for r in range(page.catalogue.model.rowCount())
    ]
    assert codes[-1] == "DVCTT"
    row = page.catalogue.model.record(len(codes) - 1)
    target = TargetDialog(page.ctx, row, page)
    qtbot.addWidget(target)
    assert target.year.value() == 2025  # the first year without a target
    target.year.setValue(2027)
    target.percent.setValue(95)
    target.save()
    page.catalogue.refresh()
    assert page.catalogue.model.record(len(codes) - 1).targets == {2027: 95}
    # The new indicator opens a column in the quarter grid for ward offices.
    page.entry.open_quarter()
    assert "DVCTT" in [i.code for i in page.entry.model.grid.indicators]


def test_grid_model_passes_the_model_tester(page: IndicatorsPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.entry.model, force_py=True)
    qtmodeltester.check(page.results.results_model, force_py=True)


def test_correction_note_after_unlock(
    page: IndicatorsPage, ctx: AppContext, qtbot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    entry = page.entry
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("450\t600\n")
    entry.excel.correction_note_to(tmp_path / "none.xlsx")
    assert "chưa có đính chính" in entry.excel.message.text()
    entry.ask_incomplete = lambda incomplete: True  # issue 12: other units have not reported
    assert entry.lock() and entry.unlock("Tổ 1 báo cáo lại")
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("480\n")
    entry.excel.correction_note_to(tmp_path / "note.xlsx")
    assert "Đã lưu phiếu đính chính" in entry.excel.message.text()
    rows = list(load_workbook(tmp_path / "note.xlsx").active.iter_rows(min_row=5, values_only=True))
    assert [(r[1], r[3], r[4], r[5], r[6]) for r in rows] == [
        ("TDP01", "DANSO", "450/600", "480/600", "Tổ 1 báo cáo lại")
    ]


def test_typing_left_to_right_numerator_then_tab_then_denominator(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    view = page.entry.view
    view.setFocus()
    cell = _cell(page, "TDP04", "VNEID")
    adults = page.entry.model.unit_at(cell.row()).counts.adult_count
    view.setCurrentIndex(cell)
    qtbot.keyClicks(view, "3")
    qtbot.keyClicks(view.focusWidget(), "20")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)  # commits and edits the next cell
    # Issue 12: the Tử số is saved with the register's Mẫu số (the unit's adults), not alone.
    qtbot.waitUntil(lambda: _stored(ctx, "TDP04", "VNEID") == Pair(320, adults))
    qtbot.waitUntil(lambda: view.state() == view.State.EditingState)
    qtbot.keyClicks(view.focusWidget(), "400")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(ctx, "TDP04", "VNEID") == Pair(320, 400))
    assert _cell(page, "TDP04", "VNEID", True).data() == "400  (80%)"


def test_a_good_paste_clears_the_marks_of_a_refused_one(page: IndicatorsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, model = page.entry.view, page.entry.model
    cell = _cell(page, "TDP05", "DANSO")
    view.setCurrentIndex(cell)
    assert not view.paste_text("10\t0\n")
    assert model.error_at(cell.row(), cell.column() + 1) == "Mẫu số phải lớn hơn 0."
    view.setCurrentIndex(cell)
    assert view.paste_text("10\t20\n")
    assert model.error_at(cell.row(), cell.column() + 1) is None


def test_copy_a_block_as_excel_does(page: IndicatorsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = page.entry.view
    page.entry.year.setValue(2025)
    page.entry.quarter.setCurrentIndex(3)
    first, last = _cell(page, "TDP01", "DANSO"), _cell(page, "TDP02", "DANSO", True)
    view.setCurrentIndex(first)
    view.selectionModel().select(
        QItemSelection(first, last), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2 and all(len(line.split("\t")) == 2 for line in lines)
    assert lines[0].split("\t")[0] == first.data(Qt.ItemDataRole.EditRole)
    assert "%" not in QGuiApplication.clipboard().text()  # numbers only, ready to paste back


@contextmanager
def _watched(ctx: AppContext, *names: str) -> Iterator[dict[str, int]]:
    """How often the engine began, committed… a transaction inside the block."""
    from sqlalchemy import event

    seen = dict.fromkeys(names, 0)
    hooks = {name: (lambda _conn, name=name: seen.__setitem__(name, seen[name] + 1)) for name in names}
    for name, hook in hooks.items():
        event.listen(ctx.db.engine, name, hook)
    try:
        yield seen
    finally:
        for name, hook in hooks.items():
            event.remove(ctx.db.engine, name, hook)


def _reasons(ctx: AppContext) -> list[str]:
    return ctx.door.read(lambda s: [e.reason for e in s.exec(select(AuditEntry))])


def test_type_a_value_then_ctrl_z_brings_the_old_one_back_and_the_audit_says_so(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    view = page.entry.view
    view.setFocus()
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO", denominator=True))
    _type(qtbot, view, "600")
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    _type(qtbot, view, "450")
    assert view.undo_action.isEnabled()
    assert (
        view.undo_action.toolTip()
        == "Hoàn tác: sửa ô “Người dân có kỹ năng số” của Tổ dân phố số 1"
    )
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(None, 600)
    assert _cell(page, "TDP01", "DANSO").data() == ""
    assert _cell(page, "TDP01", "DANSO", True).data() == "600"
    assert "Hoàn tác: sửa ô “Người dân có kỹ năng số” của Tổ dân phố số 1" in _reasons(ctx)
    assert "Đã hoàn tác" in page.entry.status.text()
    assert view.redo_action.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert _stored(ctx, "TDP01", "DANSO") == Pair(450, 600)
    assert _cell(page, "TDP01", "DANSO").data() == "450"


def test_a_typed_cell_is_one_transaction(page: IndicatorsPage, ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = page.entry.model
    cell = _cell(page, "TDP01", "DANSO", denominator=True)
    # Its rows are read, as the painted grid has them: the empty Mẫu số shows the register's.
    assert cell.data() == wording.count(model.unit_at(cell.row()).counts.adult_count)
    with _watched(ctx, "begin", "commit") as seen:
        assert model.setData(cell, "600")
        assert cell.data() == "600"  # shown from what the save wrote, not read back
    assert seen == {"begin": 1, "commit": 1}


def test_a_change_warning_asks_for_a_note_and_saves_once(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    asked: list[list[str]] = []
    page.entry.model.ask_note = lambda warnings: asked.append(warnings) or "Tổ rà soát lại"  # type: ignore[func-returns-value]
    view = page.entry.view
    view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    audited = len(_reasons(ctx))
    with _watched(ctx, "commit", "rollback") as seen:
        # The demo ward's 2025 Q4 values are around 80 %: 10 % is a big fall.
        assert view.paste_text("10\t100\n")
    assert len(asked) == 1 and "giảm" in asked[0][0]
    # The question came before anything was written: one run refused, one saved.
    assert seen == {"commit": 1, "rollback": 1}
    assert _stored(ctx, "TDP01", "DANSO") == Pair(10, 100)
    assert len(_reasons(ctx)) == audited + 1  # one audit row: the value inserted once
    assert "Tổ rà soát lại" in (_cell(page, "TDP01", "DANSO", True).data(Qt.ItemDataRole.ToolTipRole) or "")


def test_an_undo_the_locked_quarter_no_longer_allows_is_explained_in_a_dialog(
    page: IndicatorsPage, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text: shown.append((title, text))
    )
    entry = page.entry
    entry.ask_incomplete = lambda incomplete: True  # issue 12: other units have not reported
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("450\t600\n")
    assert entry.lock()  # the quarter is locked before the clerk presses Ctrl+Z
    entry.view.undo_action.trigger()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Không hoàn tác được"
    assert text.startswith("Không thực hiện được “dán 2 ô”:\n") and "đã được chốt" in text
    assert _stored(ctx, "TDP01", "DANSO") == Pair(450, 600)
    # the step that cannot be undone left the history
    assert not ctx.door.history.can_undo("values")
    assert not entry.view.undo_action.isEnabled()


def test_another_quarter_empties_the_grid_undo(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page.entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert page.entry.view.paste_text("450\t600\n")
    assert ctx.door.history.can_undo("values")
    page.entry.quarter.setCurrentIndex(1)
    assert not ctx.door.history.can_undo("values")
    assert not page.entry.view.undo_action.isEnabled()


def test_a_restore_reloads_the_grid_and_empties_its_undo(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from desktop.changes import EVERYTHING

    entry = page.entry
    entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert entry.view.paste_text("450\t600\n")
    assert _cell(page, "TDP01", "DANSO").data() == "450"
    # Another file's data replaces this one (what a restore does), then the door says so.
    with ctx.db.session() as s:
        for row in s.exec(
            select(QuarterValue).where(QuarterValue.year == YEAR, QuarterValue.quarter == QUARTER)
        ):
            s.delete(row)
    ctx.door.announce(EVERYTHING)
    assert _cell(page, "TDP01", "DANSO").data() == ""
    assert not entry.view.undo_action.isEnabled()


def test_a_unit_added_on_the_register_gets_its_row(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    from desktop.changes import Area, Change, Done
    from desktop.models import UnitKind

    rows = page.entry.model.rowCount()

    def add_unit(s):  # type: ignore[no-untyped-def]
        unit = Unit(code="TDP99", name="Tổ dân phố số 99", kind=UnitKind.RESIDENTIAL_GROUP)
        s.add(unit)
        s.flush()
        return Done(unit.id, Change.of(Area.UNITS, unit.id))

    ctx.door.run(add_unit)
    assert page.entry.model.rowCount() == rows + 1
    assert "TDP99" in [u.code for u in page.entry.model.grid.units]


def test_results_are_read_again_once_seen_after_a_change(
    page: IndicatorsPage, ctx: AppContext, qtbot
) -> None:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentWidget(page.results)
    # The quarter the grid is on (empty in the demo ward), as the fixture chose it.
    page.results.year.setValue(page.entry.year.value())
    page.results.period.setCurrentIndex(
        page.results.period.findData(page.entry.quarter.currentIndex() + 1)
    )
    first = page.results.results_model.record(0)
    assert first.reported_units == 0
    page.tabs.setCurrentWidget(page.entry)
    page.entry.view.setCurrentIndex(_cell(page, "TDP01", "DANSO"))
    assert page.entry.view.paste_text("450\t600\n")
    assert page.results.stale  # hidden: not read yet
    page.tabs.setCurrentWidget(page.results)
    danso = next(
        page.results.results_model.record(r)
        for r in range(page.results.results_model.rowCount())
        if page.results.results_model.record(r).code == "DANSO"
    )
    assert danso.reported_units == 1 and not page.results.stale
    verdicts = {
        page.results.results_model.record(r).code: page.results.results_model.index(r, 8).data()
        for r in range(page.results.results_model.rowCount())
    }
    # One group of many reporting is no ground for a verdict: the row says how many reported.
    assert verdicts["DANSO"] == f"Chưa đủ số liệu (1/{danso.expected_units} đơn vị)"
    assert {v.split(" (")[0] for v in verdicts.values()} <= {
        "Đạt", "Chưa đạt", "Chưa đủ số liệu", "Không có chỉ tiêu"
    }


def test_a_cancelled_excel_action_says_so_on_the_action_bar(page: IndicatorsPage) -> None:
    from desktop.indicators.lock import QuarterLocked
    from desktop.ui.widgets.background import Cancelled

    excel = page.entry.excel
    excel._failed(Cancelled())
    assert excel.message.text() == "Đã hủy."
    excel._failed(QuarterLocked(2026, 1))  # a refusal is read where the clerk looks
    assert "đã được chốt" in excel.message.text()
