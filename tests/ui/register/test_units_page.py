"""The "Đơn vị" page as the clerk uses it: search, filter, sort, add, edit, undo, import, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from desktop.models import Person, Unit, UnitKind
from desktop.text import sort_key
from desktop.ui.register.units_page import UnitsPage
from tests.helpers.typing import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_db, ctx) -> UnitsPage:  # type: ignore[no-untyped-def]
    widget = UnitsPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def names_shown(page: UnitsPage) -> list[str]:
    return [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())]


def unit(page: UnitsPage, code: str) -> Unit:
    with page.ctx.db.session() as s:
        return s.exec(select(Unit).where(Unit.code == code)).one()


def select_code(page: UnitsPage, code: str) -> None:
    assert page.select(unit(page, code).id)


def test_the_proxy_is_a_correct_model(page: UnitsPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.proxy)
    page.search.setText("truong")
    page.proxy.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(page.proxy)
    select_code(page, "THLL")  # the tester keeps watching while rows change under the proxy
    page.actions_["toggle"].trigger()
    page.actions_["undo"].trigger()
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(UnitKind.SCHOOL_PRIMARY))
    qtmodeltester.check(page.proxy)
    page.persons.set_unit(page.selected())
    qtmodeltester.check(page.persons.proxy)


def test_typing_filters_ignoring_case_and_diacritics(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = page.model.rowCount()
    qtbot.keyClicks(page.search, "truong thcs")
    assert page.proxy.rowCount() == 3
    assert all("THCS" in name for name in names_shown(page))
    assert page.count_label.text() == f"Hiển thị 3/{total}"
    page.search.clear()
    type_text(page.search, "TRƯỜNG thcs")
    assert page.proxy.rowCount() == 3
    page.search.clear()
    type_text(page.search, "tổ dân phố số 1")
    assert "Tổ dân phố số 1" in names_shown(page)
    page.search.clear()
    assert page.proxy.rowCount() == total


def test_filters_by_kind_and_status(page: UnitsPage) -> None:
    page.kind_filter.setCurrentIndex(page.kind_filter.findData(UnitKind.BUSINESS))
    shown = names_shown(page)
    assert shown and all(name.startswith("Công ty") for name in shown)
    page.status_filter.setCurrentIndex(page.status_filter.findData(False))
    assert page.proxy.rowCount() == 0
    assert page.count_label.text().startswith("Hiển thị 0/")


def test_sorting_follows_the_vietnamese_alphabet(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    names = names_shown(page)
    assert names == sorted(names, key=sort_key)
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(1) + 20, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert names_shown(page) == sorted(names, key=sort_key, reverse=True)
    page.table.sortByColumn(
        3, Qt.SortOrder.AscendingOrder
    )  # heads by given name, as the clerk reads them
    heads = [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]
    given = [h.rsplit(" ", 1)[-1] for h in heads]
    assert given == sorted(given, key=sort_key)


def test_add_then_undo_and_redo(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = page.model.rowCount()
    page.actions_["add"].trigger()
    dialog = page.dialog
    assert dialog is not None and dialog.code.text() == "DV0001"
    type_text(dialog.name, "Trường Tiểu học Trần Nguyên Hãn")
    dialog.kind.setCurrentIndex(dialog.kind.findData(UnitKind.SCHOOL_PRIMARY))
    type_text(dialog.phone, "0225 3876 555")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    added = unit(page, "DV0001")
    assert added.name == "Trường Tiểu học Trần Nguyên Hãn"
    assert page.model.rowCount() == total + 1
    assert page.selected().id == added.id
    assert page.count_label.text() == f"Hiển thị {total + 1}/{total + 1}"

    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == total
    with page.ctx.db.session() as s:
        assert s.get(Unit, added.id) is None
    qtbot.keyClick(page.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert unit(page, "DV0001").id == added.id
    assert page.model.rowCount() == total + 1


def test_the_dialog_explains_what_is_wrong_and_saves_nothing(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = page.model.rowCount()
    page.actions_["add"].trigger()
    dialog = page.dialog
    dialog.code.setText("VHXH")
    type_text(dialog.email, "vhxh@")
    dialog.counts["student_count"].setText("nhiều")
    dialog.accept()
    assert dialog.errors.isVisible()
    assert "Số học sinh: “nhiều” không phải là số nguyên." in dialog.errors.text()
    dialog.counts["student_count"].clear()
    dialog.accept()
    text = dialog.errors.text()
    assert "Tên đơn vị không được để trống." in text and "Hãy chọn loại đơn vị." in text
    assert "Mã “VHXH” đã được dùng" in text and "vhxh@" in text
    dialog.reject()
    assert page.model.rowCount() == total
    assert not page.undo_stack.canUndo()


def test_enter_edits_and_undo_restores(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    select_code(page, "THCSTTN")
    before = unit(page, "THCSTTN")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.name.text() == before.name
    dialog.head_name.clear()
    type_text(dialog.head_name, "Đặng Thị Thu Hương")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert unit(page, "THCSTTN").head_name == "Đặng Thị Thu Hương"
    assert page.selected().head_name == "Đặng Thị Thu Hương"
    page.actions_["undo"].trigger()
    assert unit(page, "THCSTTN").head_name == before.head_name
    assert page.selected().head_name == before.head_name
    page.actions_["redo"].trigger()
    assert unit(page, "THCSTTN").head_name == "Đặng Thị Thu Hương"


def test_a_unit_with_history_is_deactivated_not_deleted(
    page: UnitsPage, messages: list[str]
) -> None:
    select_code(page, "VHXH")
    page.actions_["delete"].trigger()
    assert messages and "Không thể xóa" in messages[0] and "Ngừng hoạt động" in messages[0]
    assert unit(page, "VHXH").active
    page.actions_["toggle"].trigger()
    assert unit(page, "VHXH").active is False
    assert page.selected().active is False
    assert page.actions_["toggle"].text() == "&Hoạt động trở lại"
    page.status_filter.setCurrentIndex(page.status_filter.findData(False))
    assert names_shown(page) == [unit(page, "VHXH").name]
    page.actions_["undo"].trigger()
    assert unit(page, "VHXH").active is True


def test_a_unit_with_nothing_attached_is_deleted_after_confirmation(
    page: UnitsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.register.units import UnitData, create_unit

    with page.ctx.db.session() as s:
        unit_id = create_unit(
            s, UnitData(code="MOI", name="Hợp tác xã Mới", kind=UnitKind.COOPERATIVE)
        ).id
    page.refresh()
    assert page.select(unit_id)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    page.actions_["delete"].trigger()  # the clerk says no
    assert page.model.row_where(lambda u: u.id == unit_id) is not None
    page.actions_["delete"].trigger()
    assert page.model.row_where(lambda u: u.id == unit_id) is None
    page.actions_["undo"].trigger()
    assert unit(page, "MOI").id == unit_id


def test_persons_of_the_selected_unit(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    select_code(page, "VHXH")
    panel = page.persons
    with page.ctx.db.session() as s:
        count = len(s.exec(select(Person).where(Person.unit_id == unit(page, "VHXH").id)).all())
    assert panel.model.rowCount() == count and "Phòng Văn hóa" in panel.title.text()
    panel.add_button.click()
    dialog = panel.dialog
    type_text(dialog.full_name, "Lưu Thị Ánh Tuyết")
    dialog.birth_year.setText("1990")
    dialog.accept()
    assert panel.model.rowCount() == count + 1
    type_text(panel.search, "anh tuyet")
    assert panel.proxy.rowCount() == 1
    assert panel.selected() is None or panel.selected().full_name == "Lưu Thị Ánh Tuyết"
    page.actions_["undo"].trigger()
    assert panel.proxy.rowCount() == 0
    with page.ctx.db.session() as s:
        assert not s.exec(select(Person).where(Person.full_name == "Lưu Thị Ánh Tuyết")).all()


def roster(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Người đứng đầu"])
    sheet.append(["HTXTM", "Hợp tác xã Tràng Minh", "Hợp tác xã", "Vũ Văn Khải"])
    sheet.append(["THCSTTN", "Trường THCS Trần Thành Ngọ", "Trường trung học cơ sở", "Ngô Thị Mai"])
    sheet.append(["X", "Câu lạc bộ dưỡng sinh", "Câu lạc bộ", ""])
    workbook.save(path)
    return path


def test_import_through_the_preview(page: UnitsPage, qtbot, tmp_path: Path, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    total = page.model.rowCount()
    page.excel.import_file(roster(tmp_path / "ds.xlsx"))
    qtbot.waitUntil(lambda: page.excel.preview is not None and page.excel.preview.isVisible())
    preview = page.excel.preview
    qtmodeltester.check(preview.proxy)
    assert preview.summary.text() == "3 dòng: 1 thêm mới, 1 cập nhật, 0 không đổi, 1 lỗi."
    statuses = {
        preview.proxy.index(r, 3).data(): preview.proxy.index(r, 1).data() for r in range(3)
    }
    assert statuses["Câu lạc bộ dưỡng sinh"] == "Lỗi"
    assert not preview.import_button.isEnabled()  # errors block the import ...
    assert unit(page, "THCSTTN").head_name != "Ngô Thị Mai"  # ... and nothing was written yet
    preview.skip_errors.setChecked(True)  # unless the clerk chooses to skip them
    assert preview.import_button.isEnabled()
    preview.import_button.click()
    qtbot.waitUntil(lambda: "Đã nhập" in page.message.text(), timeout=10_000)
    assert page.model.rowCount() == total + 1
    assert unit(page, "THCSTTN").head_name == "Ngô Thị Mai"
    assert unit(page, "HTXTM").kind is UnitKind.COOPERATIVE


def test_a_bad_file_is_refused_with_a_message(
    page: UnitsPage, qtbot, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"PK not really")
    total = page.model.rowCount()
    page.excel.import_file(path)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    assert "không phải là tệp Excel .xlsx" in messages[0]
    assert page.excel.preview is None and page.model.rowCount() == total


def test_export_writes_the_register(page: UnitsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "so-don-vi.xlsx"
    page.excel.export_to(path)
    qtbot.waitUntil(lambda: "Đã xuất" in page.message.text(), timeout=10_000)
    sheet = load_workbook(path)["Đơn vị"]
    assert sheet.max_row == page.model.rowCount() + 1
    page.excel.save_template(tmp_path / "mau.xlsx")
    assert (tmp_path / "mau.xlsx").exists() and "Đã lưu tệp mẫu" in page.message.text()


def test_the_selection_survives_typing_and_undo_says_what_it_undid(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    select_code(page, "THCSTTN")
    type_text(page.search, "thcs")
    assert page.selected().code == "THCSTTN"
    assert "Trần Thành Ngọ" in page.persons.title.text()
    page.actions_["toggle"].trigger()
    page.actions_["undo"].trigger()
    assert page.message.text().startswith("Đã hoàn tác: ngừng hoạt động “Trường THCS")
    page.actions_["redo"].trigger()
    assert page.message.text().startswith("Đã làm lại:")
    assert unit(page, "THCSTTN").active is False


def test_an_undo_the_register_no_longer_allows_is_explained(page: UnitsPage, messages) -> None:  # type: ignore[no-untyped-def]
    from desktop.register.persons import PersonData, create_person

    page.actions_["add"].trigger()
    type_text(page.dialog.name, "Chi hội Khuyến học Tổ dân phố số 3")
    page.dialog.kind.setCurrentIndex(page.dialog.kind.findData(UnitKind.FRONT_ORGANISATION))
    page.dialog.accept()
    added = unit(page, "DV0001")
    with page.ctx.db.session() as s:  # the unit is given a person before the clerk undoes
        create_person(s, PersonData(unit_id=added.id, full_name="Trần Văn Nam"))
    page.undo()  # "un-adding" the unit would lose the person: refused and explained
    assert messages and "Không thể xóa" in messages[0] and "1 cá nhân" in messages[0]
    assert unit(page, "DV0001").id == added.id
    assert page.model.row_where(lambda u: u.id == added.id) is not None
    assert not page.undo_stack.canUndo()  # the step that cannot be undone left the stack


def test_import_persons_through_the_preview(page: UnitsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Cá nhân"
    sheet.append(["Mã đơn vị", "Họ và tên", "Giới tính", "Năm sinh"])
    sheet.append(["TDP01", "Hoàng Thị Phương Thảo", "Nữ", 1986])
    workbook.save(tmp_path / "ca-nhan.xlsx")
    select_code(page, "TDP01")
    page.excel.import_file(tmp_path / "ca-nhan.xlsx", persons=True)
    qtbot.waitUntil(lambda: page.excel.preview is not None and page.excel.preview.isVisible())
    preview = page.excel.preview
    assert preview.summary.text() == "1 cá nhân: 1 thêm mới, 0 cập nhật, 0 không đổi, 0 lỗi."
    assert preview.proxy.index(0, 3).data() == "Hoàng Thị Phương Thảo"
    preview.import_button.click()
    qtbot.waitUntil(lambda: "cá nhân mới" in page.message.text(), timeout=10_000)
    names = [page.persons.proxy.index(r, 0).data() for r in range(page.persons.proxy.rowCount())]
    assert "Hoàng Thị Phương Thảo" in names


def test_double_click_opens_the_unit(page: UnitsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    select_code(page, "THLL")
    rect = page.table.visualRect(page.table.currentIndex())
    # A real double-click starts with a click; QTest's mouseDClick alone sends only the second half.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.dialog is not None and page.dialog.isVisible()
    assert page.dialog.code.text() == "THLL" and page.dialog.windowTitle() == "Sửa thông tin đơn vị"
    page.dialog.reject()


def test_the_fast_search_fields_are_the_searchable_columns(page: UnitsPage) -> None:
    from desktop.register.keys import FIELD_SEPARATOR
    from desktop.ui.register.units_page import COLUMNS, search_fields

    for row in page.model.rows[:5]:
        columns = [str(c.value(row) or "") for c in COLUMNS if c.searchable]
        assert search_fields(row) == FIELD_SEPARATOR.join(columns)


def test_showing_the_page_again_rereads_only_a_changed_register(page: UnitsPage) -> None:
    from desktop.register.units import UnitData, update_unit

    rows = page.model.rows
    page.refresh()
    assert page.model.rows is rows  # nothing changed: nothing re-read
    target = unit(page, "HTXRS")
    with page.ctx.db.session() as s:  # another page (or the command line) renames a unit
        data = UnitData.of(s.get(Unit, target.id))
        data.name = "Hợp tác xã Rau an toàn Bắc Sơn"
        update_unit(s, target.id, data)
    page.refresh()
    assert "Hợp tác xã Rau an toàn Bắc Sơn" in names_shown(page)
