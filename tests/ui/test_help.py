"""The user guide (Trợ giúp → Hướng dẫn sử dụng, F1): its pictures are the screenshot command's,
its links resolve, the names it quotes are the window's own, and the window opens on F1."""

from __future__ import annotations

import html
import importlib
import pkgutil
import re
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import desktop.ui.texts
from desktop.context import AppContext
from desktop.ui import help_window
from desktop.ui.help_window import INDEX, HelpWindow, guide_folder, image_names, topics
from desktop.ui.pages import PAGES
from desktop.ui.texts import help as t
from desktop.ui.texts import title_of

GUIDE = guide_folder()
PAGES_OF_GUIDE = sorted(GUIDE.glob("*.html"))
LINK = re.compile(r'<a href="([^"]*)"')
ANCHOR = re.compile(r'\bid="([^"]+)"')
QUOTED = re.compile(r"<b>(.*?)</b>|«(.*?)»", re.S)
PAGE_AND_KEY = re.compile(r"<b>([^<]+)</b> \((Ctrl\+\d)\)")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_the_guide_has_a_page_for_each_task_all_listed_in_its_contents() -> None:
    listed = [topic.file for topic in topics()]
    files = {path.name for path in PAGES_OF_GUIDE}
    assert INDEX in files
    assert set(listed) == files - {INDEX}  # every page reachable from the table of contents
    for name in (
        "bat-dau.html",
        "don-vi.html",
        "so-lieu-quy.html",
        "ho-so.html",
        "in-van-ban.html",
        "phong-trao.html",
        "sao-luu.html",
    ):
        assert name in listed
    for key, target in help_window.PAGE_TOPICS.items():  # F1 from each page lands on a page
        assert any(spec.key == key for spec in PAGES), key
        file, _, anchor = target.partition("#")
        assert file in files
        if anchor:
            assert anchor in ANCHOR.findall(_read(GUIDE / file)), target


def test_every_internal_link_resolves_to_a_page_and_its_anchor() -> None:
    anchors = {path.name: set(ANCHOR.findall(_read(path))) for path in PAGES_OF_GUIDE}
    checked = 0
    for path in PAGES_OF_GUIDE:
        for href in LINK.findall(_read(path)):
            assert "://" not in href, f"{path.name}: {href} leaves the guide"
            file, _, anchor = href.partition("#")
            file = file or path.name
            assert file in anchors, f"{path.name}: {href}"
            if anchor:
                assert anchor in anchors[file], f"{path.name}: {href}"
            checked += 1
    assert checked > len(PAGES_OF_GUIDE)


def _drawn_names(ctx: AppContext) -> set[str]:
    """The pictures ``gui --screenshots`` draws, by name, without drawing them: each page (and
    each tab of a page of tabs) by its place in the navigation, the document preview and the
    dialogs of :func:`desktop.ui.screenshots.dialogs`."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screenshots import _tabs, dialogs

    window = MainWindow(ctx)
    try:
        names = set()
        for number, spec in enumerate(PAGES, start=1):
            page = window.page(spec.key)
            names |= {f"{number:02d}-{spec.key}{suffix}" for suffix, _tab in _tabs(page)}
            if spec.key == "documents":  # take() draws the preview of the chosen document too
                names.add(f"{number:02d}-{spec.key}-xem-truoc")
        names |= {f"dialog-{name}" for name, _opener in dialogs(window)}
        return names
    finally:
        window._stop_listening()
        window.deleteLater()


def test_every_picture_the_guide_names_is_one_the_screenshot_command_draws(
    qtbot, ctx: AppContext, demo_db
) -> None:
    drawn = _drawn_names(ctx)
    named = [name for path in PAGES_OF_GUIDE for name in image_names(_read(path))]
    assert len(named) >= 10
    for name in named:
        assert name.endswith(".png")
        assert name.removesuffix(".png") in drawn, f"{name} is not drawn by gui --screenshots"


def _labels(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _labels(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _labels(item)
    elif is_dataclass(value):  # the settings' NumberField: the words before and after its box
        for item in fields(value):
            yield from _labels(getattr(value, item.name))


def _window_words() -> list[re.Pattern[str]]:
    """Every label the window shows: the texts modules, the settings' labels, the documents'
    kinds, the dossiers' states and steps, the units' kinds; a format's {field} matches anything."""
    from desktop.awards.workflow import ACTION_LABELS
    from desktop.documents.kinds import KINDS
    from desktop.models import DossierStatus, UnitKind
    from desktop.ui.settings import labels

    modules = [
        importlib.import_module(f"desktop.ui.texts.{info.name}")
        for info in pkgutil.iter_modules(desktop.ui.texts.__path__)
    ]
    words: list[str] = []
    for module in [*modules, labels]:
        for name, value in vars(module).items():
            if name.isupper():
                words.extend(_labels(value))
    words += [spec.label for spec in KINDS.values()] + list(ACTION_LABELS.values())
    words += [status.label for status in DossierStatus] + [kind.label for kind in UnitKind]
    words += [spec.title for spec in PAGES]
    patterns = []
    for word in words:
        shown = _shown(title_of(word))
        parts = re.split(r"\{[^}]*\}", shown)
        patterns.append(re.compile(".+".join(re.escape(part) for part in parts), re.I))
    return patterns


def _shown(label: str) -> str:
    """A label as the guide quotes it: without the "…", ":" or "(*)" after it."""
    return re.sub(r"\s*(\(\*\)|:|…)\s*$", "", label.strip()).strip()


def test_every_name_the_guide_quotes_is_a_label_of_the_window() -> None:
    words = _window_words()
    quoted = 0
    unknown = []
    for path in PAGES_OF_GUIDE:
        for bold, guillemets in QUOTED.findall(_read(path)):
            name = _shown(html.unescape(re.sub(r"\s+", " ", bold or guillemets)))
            quoted += 1
            if not any(word.fullmatch(name) for word in words):
                unknown.append(f"{path.name}: {name}")
    assert quoted > 100
    assert unknown == [], "tên không có trên cửa sổ:\n" + "\n".join(unknown)


def test_every_page_named_with_its_shortcut_has_that_shortcut() -> None:
    shortcuts = {title_of(spec.title): spec.shortcut for spec in PAGES}
    pairs = [
        (html.unescape(name), key)
        for path in PAGES_OF_GUIDE
        for name, key in PAGE_AND_KEY.findall(_read(path))
    ]
    assert len(pairs) >= 8
    for name, key in pairs:
        assert shortcuts.get(name) == key, f"{name} ({key})"
    # The index's table names every page with its key.
    index = _read(GUIDE / INDEX)
    for spec in PAGES:
        assert spec.shortcut in index and html.escape(title_of(spec.title)) in index, spec.key


def _picture(folder: Path, name: str) -> None:
    image = QImage(1366, 768, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    folder.mkdir(parents=True, exist_ok=True)
    assert image.save(str(folder / name))


def test_without_pictures_the_guide_shows_its_text_and_no_image(qtbot, tmp_path: Path) -> None:
    window = HelpWindow(images=[tmp_path / "none"])
    qtbot.addWidget(window)
    for topic in window.topics:
        window.show_topic(topic.file)
        shown = window.browser.toHtml()
        assert "<img" not in shown, topic.file
        assert window.browser.toPlainText().strip(), topic.file
    window.show_topic("don-vi.html")
    assert "Nhập từ Excel" in window.browser.toPlainText()


def test_pictures_found_in_the_cache_are_shown_scaled_to_the_column(qtbot, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _picture(cache, "02-units.png")  # one of the page's two pictures: only it is shown
    window = HelpWindow(images=[tmp_path / "bundle", cache])
    qtbot.addWidget(window)
    window.show()
    window.show_topic("don-vi.html")
    shown = window.browser.toHtml()
    assert shown.count("<img") == 1 and "02-units.png" in shown
    image = window.browser.document().resource(
        window.browser.document().ResourceType.ImageResource.value,
        window.browser.source().resolved("anh/02-units.png"),
    )
    assert isinstance(image, QImage) and 0 < image.width() <= help_window.MAX_IMAGE_WIDTH


def test_the_contents_list_follows_links_back_and_forward(qtbot, tmp_path: Path) -> None:
    window = HelpWindow(images=[tmp_path])
    qtbot.addWidget(window)
    window.show()
    window.show_topic(INDEX)
    rows = {topic.file: row for row, topic in enumerate(window.topics)}
    window.contents.setCurrentRow(rows["ho-so.html"])
    assert window.browser.current_file() == "ho-so.html"
    window.browser.setSource(window.browser.source().resolved("in-van-ban.html"))
    assert window.contents.currentRow() == rows["in-van-ban.html"]
    assert window.back_button.isEnabled()
    window.back_button.click()
    assert window.browser.current_file() == "ho-so.html"
    assert window.contents.currentRow() == rows["ho-so.html"]
    window.index_button.click()
    assert window.browser.current_file() == INDEX


def test_a_guide_folder_without_its_pages_says_so(qtbot, tmp_path: Path) -> None:
    window = HelpWindow(folder=tmp_path / "guide", images=[])
    qtbot.addWidget(window)
    assert window.browser.toPlainText() == t.GUIDE_MISSING.format(folder=tmp_path / "guide")


@pytest.fixture
def no_pictures(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(help_window, "image_folders", lambda: [tmp_path / "anh"])


def test_f1_opens_the_guide_on_the_task_of_the_page_shown(qtbot, main_window, no_pictures) -> None:
    menu = next(
        action.menu()
        for action in main_window.menuBar().actions()
        if action.text() == desktop.ui.texts.common.MENU_HELP
    )
    guide = next(a for a in menu.actions() if a.text() == t.ACTION_GUIDE)
    assert guide.shortcut().toString() == "F1"
    main_window.show_page("indicators")
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window, timeout=5_000)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    window = main_window.findChild(HelpWindow, "guide_window")
    assert window is not None and window.isVisible()
    assert window.windowTitle() == t.GUIDE_TITLE
    assert window.browser.current_file() == "so-lieu-quy.html"
    # F1 again from another page: the same window, on that page's task.
    main_window.show_page("backup")
    guide.trigger()
    assert main_window.findChildren(HelpWindow) == [window]
    assert window.browser.current_file() == "sao-luu.html"
    window.close()
