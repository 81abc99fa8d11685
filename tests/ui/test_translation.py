"""Qt's own words in Vietnamese (issue 17, 1): standard buttons, the file dialog, context menus,
and no dialog title showing an accelerator's "&"."""

from __future__ import annotations

import ast
import importlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTreeView,
    QWidget,
)

from desktop.backup import create_backup
from desktop.backup.restore import trial_restore
from desktop.context import AppContext
from desktop.storage import Database
from desktop.ui import translations
from desktop.ui.backup.restore_dialog import RestoreDialog
from desktop.ui.settings.dialog import SettingsDialog
from desktop.ui.texts import title_of

pytestmark = pytest.mark.gui

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"


@pytest.fixture
def vietnamese(qapp: QApplication, tmp_path: Path) -> Iterator[QTranslator]:
    """The window's start: Qt's words translated (compiled into this test's own cache)."""
    locale = QLocale()
    translator = translations.install_translation(qapp, cache=tmp_path / "cache")
    assert translator is not None, "the translation compiles and loads"
    yield translator
    qapp.removeTranslator(translator)
    QLocale.setDefault(locale)


def answer_next_box(qapp: QApplication, seen: list[str], click: str) -> None:
    """When the next message box shows, note its buttons' texts and click the one reading ``click``."""

    def look() -> None:
        box = qapp.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        seen.extend(button.text() for button in box.buttons())
        seen.append(f"title:{box.windowTitle()}")
        next(b for b in box.buttons() if b.text() == click).click()

    QTimer.singleShot(0, look)


def test_the_restore_confirmation_asks_co_or_khong(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, vietnamese: QTranslator, ctx: AppContext, db: Database,
    tmp_path: Path,
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = create_backup(ctx.folder, usb)
    checked = trial_restore(backup.path, work_dir=ctx.folder.scratch)
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    answer_next_box(qapp, seen, "&Không")
    assert dialog.ask_confirmation(checked) is False  # "Không" restores nothing
    assert "&Có" in seen and "&Không" in seen
    assert not {"&Yes", "&No"} & set(seen)


def test_the_settings_dialog_saves_with_luu_and_cancels_with_huy(  # type: ignore[no-untyped-def]
    qtbot, vietnamese: QTranslator, ctx: AppContext, db: Database
) -> None:
    dialog = SettingsDialog(ctx, None)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    texts = [title_of(button.text()) for button in buttons.buttons()]
    assert sorted(texts) == ["Hủy", "Lưu"]


def test_qt_alone_words_its_standard_buttons_in_vietnamese(vietnamese: QTranslator) -> None:
    """A button box the app does not rename reads Vietnamese all the same (Qt's own words)."""
    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(
        standard.Ok | standard.Cancel | standard.Save | standard.Close | standard.Open
        | standard.Yes | standard.No | standard.Apply | standard.RestoreDefaults
    )
    words = {b: box.button(b).text() for b in (standard.Ok, standard.Cancel, standard.Save,
             standard.Close, standard.Open, standard.Yes, standard.No, standard.Apply,
             standard.RestoreDefaults)}
    assert words == {
        standard.Ok: "Đồng ý", standard.Cancel: "Hủy", standard.Save: "Lưu",
        standard.Close: "Đóng", standard.Open: "Mở", standard.Yes: "&Có", standard.No: "&Không",
        standard.Apply: "Áp dụng", standard.RestoreDefaults: "Khôi phục mặc định",
    }


def test_the_about_box_is_titled_without_its_menu_accelerator(  # type: ignore[no-untyped-def]
    qapp: QApplication, vietnamese: QTranslator, main_window
) -> None:
    seen: list[str] = []
    answer_next_box(qapp, seen, "Đồng ý")
    main_window.show_about()
    assert "title:Giới thiệu" in seen and "Đồng ý" in seen


def test_qts_own_file_dialog_speaks_vietnamese(  # type: ignore[no-untyped-def]
    qtbot, vietnamese: QTranslator, tmp_path: Path
) -> None:
    """On Linux the app shows Qt's own dialog (Windows keeps its native one, already Vietnamese)."""
    (tmp_path / "bao-cao.pdf").write_bytes(b"%PDF-1.4")
    dialog = QFileDialog(None, "Lưu PDF", str(tmp_path), "Tệp PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()

    def label(name: str) -> str:
        widget = dialog.findChild(QLabel, name)
        assert widget is not None, name
        return widget.text()

    assert label("fileNameLabel") == "&Tên tệp:"
    assert label("lookInLabel") == "Tìm t&rong:"
    assert label("fileTypeLabel") == "&Loại tệp:"
    accept = dialog.findChild(QDialogButtonBox, "buttonBox")
    assert sorted(b.text() for b in accept.buttons()) == ["&Lưu", "Hủy"]
    model = dialog.findChild(QTreeView, "treeView").model()
    columns = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert columns == ["Tên", "Cỡ", "Loại", "Ngày sửa"]
    tips = {w.toolTip() for w in dialog.findChildren(QWidget) if w.toolTip()}
    assert {"Lùi", "Tiến", "Thư mục cha", "Tạo thư mục mới"} <= tips


@pytest.mark.parametrize("editor", [QLineEdit, QPlainTextEdit])
def test_the_context_menu_of_a_text_field_is_vietnamese(  # type: ignore[no-untyped-def]
    qtbot, vietnamese: QTranslator, editor: Callable[[], QWidget]
) -> None:
    field = editor()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()  # type: ignore[attr-defined]
    words = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]  # no shortcut
    assert words == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"]
    keys = [re.search(r"&(\w)", w).group(1).lower() for w in words if "&" in w]  # type: ignore[union-attr]
    assert len(keys) == len(set(keys)), "each item has its own key"


# -- no accelerator in a title ----------------------------------------------------------------
# Where a call takes a window title (the index of that argument), whatever the receiver.
TITLE_ARGUMENT = {
    "setWindowTitle": 0,
    "question": 1, "information": 1, "warning": 1, "critical": 1, "about": 1,
    "getSaveFileName": 1, "getOpenFileName": 1, "getOpenFileNames": 1,
    "getExistingDirectory": 1, "getText": 1, "getInt": 1, "getItem": 1, "getDouble": 1,
}


def app_functions_taking_a_title() -> dict[str, int]:
    """The app's own helpers with a ``title`` parameter (confirm, ask_text, show_error …)."""
    found: dict[str, int] = {}
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = [a.arg for a in node.args.args if a.arg != "self"]
                if "title" in names:
                    found[node.name] = names.index("title")
    return found


def texts_aliases(tree: ast.Module) -> dict[str, object]:
    """``t`` → the module of words it names, for ``from desktop.ui.texts import x as t``."""
    aliases: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "desktop.ui.texts":
            for name in node.names:
                if name.name != "title_of":
                    module = importlib.import_module(f"desktop.ui.texts.{name.name}")
                    aliases[name.asname or name.name] = module
    return aliases


def accelerated_words(argument: ast.expr, aliases: dict[str, object]) -> list[str]:
    """The words of ``texts`` reaching ``argument`` that still carry an accelerator."""
    if isinstance(argument, ast.Call) and getattr(argument.func, "id", "") == "title_of":
        return []  # stripped
    found = []
    for node in ast.walk(argument):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            value = getattr(aliases[node.value.id], node.attr, None)
            if isinstance(value, str) and re.search(r"(?<!&)&(?!&)", value):
                found.append(f"{node.value.id}.{node.attr} = {value!r}")
    return found


def test_no_title_of_a_dialog_shows_an_accelerator() -> None:
    """"Lưu &PDF…" is a button's label; the file dialog it opens is titled "Lưu PDF"."""
    positions = {**TITLE_ARGUMENT, **app_functions_taking_a_title()}
    problems = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = texts_aliases(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            arguments = [k.value for k in node.keywords if k.arg == "title"]
            if name in positions and len(node.args) > positions[name]:
                arguments.append(node.args[positions[name]])
            for argument in arguments:
                for word in accelerated_words(argument, aliases):
                    problems.append(f"{path.relative_to(UI)}:{node.lineno} {name}: {word}")
    assert problems == []


def test_a_title_made_from_a_label_drops_its_accelerator_and_ellipsis() -> None:
    assert title_of("Lưu &PDF…") == "Lưu PDF"
    assert title_of("C&hốt số liệu") == "Chốt số liệu"
    assert title_of("Văn bản && báo cáo") == "Văn bản & báo cáo"


# -- the source and its build -------------------------------------------------------------------
def messages() -> list[ET.Element]:
    root = ET.parse(translations.source_file()).getroot()
    assert root.tag == "TS" and root.get("language") == "vi_VN"
    return [m for context in root.iter("context") for m in context.iter("message")]


def test_every_message_of_the_source_is_translated_and_keeps_its_marks() -> None:
    found = messages()
    assert len(found) > 200
    problems = []
    for message in found:
        source = message.findtext("source") or ""
        element = message.find("translation")
        assert element is not None
        text = element.text or ""
        if not text.strip() or element.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"not translated: {source!r}")
        if sorted(re.findall(r"%\d", source)) != sorted(re.findall(r"%\d", text)):
            problems.append(f"placeholders differ: {source!r} → {text!r}")
        single = re.compile(r"(?<!&)&(?!&)")
        if len(single.findall(source)) != len(single.findall(text)):
            problems.append(f"accelerator lost or added: {source!r} → {text!r}")
    assert problems == []


def test_the_build_compiles_the_source_with_pysides_lrelease(tmp_path: Path) -> None:
    compiled = translations.compile_catalogue(
        translations.source_file(), tmp_path / "qtbase_vi.qm"
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("QPlatformTheme", "&Yes") == "&Có"
    assert translator.translate("QFileDialog", "File &name:") == "&Tên tệp:"
    assert [p.name for p in tmp_path.iterdir()] == ["qtbase_vi.qm"]  # no partial file left


def test_a_start_compiles_once_then_loads_the_cached_file(tmp_path: Path) -> None:
    first = translations.compiled_file(tmp_path)
    assert first is not None and first.parent == tmp_path
    stamp = first.stat().st_mtime_ns
    assert translations.compiled_file(tmp_path) == first
    assert first.stat().st_mtime_ns == stamp  # not compiled again
