"""The pickers of units and persons (desktop/ui/widgets/picker.py): typed without marks, in any
order, chosen from the list or by leaving the box on one name; free text is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QMessageBox

from desktop.errors import Refusal
from desktop.ui.widgets.picker import name_filter, picked_data, picked_index, searchable_combo
from tests.helpers.typing import type_text

# The offscreen platform cannot raise a window or grab the keyboard for a completer's popup.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard"),
]

UNITS = [
    ("(Chưa chọn)", None),
    ("Trường Tiểu học Trần Thành Ngọ", 11),
    ("Trường THCS Trần Thành Ngọ", 12),
    ("Trường THCS Lê Lợi", 13),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", 14),
]


@pytest.fixture
def combo(qtbot) -> QComboBox:  # type: ignore[no-untyped-def]
    box = searchable_combo("units")
    for text, data in UNITS:
        box.addItem(text, data)
    qtbot.addWidget(box)
    box.show()
    return box


def retype(combo: QComboBox, text: str) -> None:
    line = combo.lineEdit()
    assert line is not None
    line.clear()
    type_text(line, text)


def listed(combo: QComboBox) -> list[str]:
    names = name_filter(combo)
    assert names is not None
    return [names.index(row, 0).data() for row in range(names.rowCount())]


def test_words_typed_without_marks_list_every_name_holding_them(combo) -> None:
    retype(combo, "tran thanh ngo")
    assert listed(combo) == ["Trường Tiểu học Trần Thành Ngọ", "Trường THCS Trần Thành Ngọ"]
    popup = combo.completer().popup()
    assert popup.isVisible() and popup.model().rowCount() == 2
    retype(combo, "NGO thcs")  # any order, any case
    assert listed(combo) == ["Trường THCS Trần Thành Ngọ"]
    retype(combo, "doan thanh nien")  # đ is typed d
    assert listed(combo) == ["Đoàn Thanh niên Cộng sản Hồ Chí Minh phường"]


def test_a_line_chosen_from_the_list_is_selected(combo, qtbot) -> None:
    retype(combo, "le loi")
    popup = combo.completer().popup()
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentIndex() == 3  # the list's first line is the combo's fourth item
    assert combo.currentText() == "Trường THCS Lê Lợi" and combo.currentData() == 13


def test_leaving_the_box_on_words_of_one_name_selects_it(combo, qtbot) -> None:
    retype(combo, "thcs tran thanh ngo")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == "Trường THCS Trần Thành Ngọ" and combo.currentData() == 12


def test_free_text_and_words_of_several_names_are_refused(combo, qtbot) -> None:
    combo.setCurrentIndex(3)
    retype(combo, "Trường THCS Ngô Quyền")
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert combo.currentText() == "Trường THCS Ngô Quyền"  # left as typed, not silently replaced
    assert picked_index(combo) == -1
    with pytest.raises(Refusal) as refused:
        picked_data(combo, "Đơn vị đề nghị:")
    assert str(refused.value).startswith(
        "“Trường THCS Ngô Quyền” không có trong danh sách “Đơn vị đề nghị”."
    )
    retype(combo, "tran thanh ngo")  # a primary school and a secondary one
    assert picked_index(combo) == -1


def test_names_alike_but_for_their_marks(qtbot) -> None:
    box = searchable_combo("persons")
    qtbot.addWidget(box)
    box.addItem("Lê Thị Chi — Phòng Văn hóa - Xã hội", 1)
    box.addItem("Lê Thị Chí — Phòng Văn hóa - Xã hội", 2)
    retype(box, "le thi chi — phong van hoa - xa hoi")
    assert picked_index(box) == -1  # which of the two is not for the app to guess
    retype(box, "lê thị chí — phòng văn hóa - xã hội")
    assert box.itemData(picked_index(box)) == 2
    retype(box, "Lê Thị Chi — Phòng Văn hóa - Xã hội")
    assert box.itemData(picked_index(box)) == 1


def test_an_emptied_box_picks_the_line_for_none(combo) -> None:
    combo.setCurrentIndex(2)
    retype(combo, "")
    assert picked_index(combo) == 0 and picked_data(combo, "Đơn vị") is None
    plain = searchable_combo("authors")
    plain.addItem("Lê Thị Chi", 1)
    assert plain.currentIndex() == 0
    plain.lineEdit().clear()
    assert picked_index(plain) == -1  # no line for none: nobody is picked


def test_the_initiative_dialog_finds_its_unit_and_authors_without_marks(
    demo_db, ctx, qtbot, monkeypatch
) -> None:
    from desktop.ui.movement.initiative_dialog import InitiativeDialog

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    dialog = InitiativeDialog(ctx, None, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Sổ tay điện tử của Tổ dân phố")
    retype(dialog.unit, "zzz")
    dialog.accept()
    assert (
        dialog.isVisible() and "“zzz” không có trong danh sách “Đơn vị thực hiện”" in warnings[-1]
    )
    retype(dialog.unit, "van phong hdnd")
    qtbot.keyClick(dialog.unit.lineEdit(), Qt.Key.Key_Return)
    assert dialog.unit.currentText() == "Văn phòng HĐND và UBND phường (VP)"
    retype(dialog.author_pick, "khong co ai")
    dialog.add_author()
    assert dialog.author_ids() == [] and "“khong co ai” không có trong danh sách" in warnings[-1]
    retype(dialog.author_pick, "le thi chi")
    dialog.add_author()
    assert [dialog.authors.item(0).text()] == ["Lê Thị Chi — Phòng Văn hóa - Xã hội"]
    assert dialog.data().unit_id == dialog.unit.currentData() is not None


def test_the_ballots_dossier_is_found_by_its_nominee_and_free_text_refused(
    main_window, qtbot, monkeypatch
) -> None:
    from desktop.awards.dossier_ops import take_step
    from desktop.awards.dossiers import get_dossier
    from desktop.models import DossierStatus
    from desktop.models.ids import DossierId

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)  # the ballot's outcome
    ctx = main_window.ctx
    ctx.door.run(take_step(DossierId(5), DossierStatus.SUBMITTED_TO_COUNCIL, reason="Bổ sung sau"))
    tab = main_window.show_page("council").council
    tab.campaign.setCurrentIndex(tab.campaign.findText("Khen thưởng năm 2025"))
    tab.meetings_view.selectRow(0)
    tab.record_vote()
    dialog = tab.last_dialog
    retype(dialog.dossier, "nguyen van khong co")
    dialog.accept()
    assert dialog.isVisible() and ctx.door.read(lambda s: get_dossier(s, 5).status) is (
        DossierStatus.SUBMITTED_TO_COUNCIL
    )
    assert "“nguyen van khong co” không có trong danh sách “Hồ sơ (đã trình" in warnings[-1]
    retype(dialog.dossier, "le thi chi")  # the words of one dossier's nominee: that dossier
    dialog.ballots_for.setValue(1)
    dialog.accept()
    assert ctx.door.read(lambda s: get_dossier(s, 5).status) is DossierStatus.COUNCIL_DECLINED
