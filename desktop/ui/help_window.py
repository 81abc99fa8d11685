"""Trợ giúp → Hướng dẫn sử dụng (F1): the short user guide bundled with the app.

The guide is HTML in ``resources/guide/`` (one page per task, ``index.html`` the table of
contents: its ``<li><a href>`` lines are the window's list of pages). It is shown in a
:class:`QTextBrowser` whose resources are read here (:meth:`GuideBrowser.loadResource`), so that:

- a page's pictures (``<img src="anh/NAME.png">``, NAME a file of ``python -m desktop gui
  --screenshots DIR``) are looked for where they may be: bundled by ``build/thidua.spec`` in
  ``resources/guide/anh/``, or drawn into the user's cache (``…/ThiDua/guide/``, by the same
  command with that folder); they are generated files, never in the repository;
- a picture found nowhere is left out with its caption (``<p class="hinh">…</p>``) before the
  page is laid out, so the clerk reads the text without a broken-image box;
- a wide screenshot is scaled down to the reading width.

F1 opens the page of the task the window's current page serves (:data:`PAGE_TOPICS`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.paths import resource_path
from desktop.ui.texts import help as t
from desktop.ui.texts import title_of

INDEX = "index.html"
IMAGES = "anh"  # the folder the pages name their pictures in (src="anh/02-units.png")
CACHE_FOLDER = "guide"  # under the user's cache folder of ThiDua
MAX_IMAGE_WIDTH = 820  # a 1366-pixel screenshot read inside the guide's column

# Which page of the guide F1 opens from each page of the main window (desktop.ui.pages).
PAGE_TOPICS = {
    "due": "bat-dau.html#viec-can-lam",
    "units": "don-vi.html",
    "indicators": "so-lieu-quy.html",
    "dossiers": "ho-so.html",
    "council": "ho-so.html#hoi-dong",
    "movement": "phong-trao.html",
    "documents": "in-van-ban.html",
    "backup": "sao-luu.html",
    "settings": "bat-dau.html#thong-tin-phuong",
}

_TOPIC = re.compile(r'<li>\s*<a href="([^"#]+)">(.*?)</a>', re.S)
_FIGURE = re.compile(r'<p class="hinh">.*?</p>', re.S)
_IMAGE = re.compile(r'<img\b[^>]*?\bsrc="([^"]+)"[^>]*>', re.S)


@dataclass(frozen=True)
class Topic:
    """One page of the guide: its file and its title in the table of contents."""

    file: str
    title: str


def guide_folder() -> Path:
    return resource_path("guide")


def image_folders() -> list[Path]:
    """Where the screenshots may be, the bundle's first."""
    from platformdirs import user_cache_dir

    cache = Path(user_cache_dir("ThiDua", appauthor=False)) / CACHE_FOLDER
    return [guide_folder() / IMAGES, cache]


def topics(folder: Path | None = None) -> list[Topic]:
    """The guide's pages in the order of its table of contents (index.html's list)."""
    try:
        text = ((folder or guide_folder()) / INDEX).read_text(encoding="utf-8")
    except OSError:
        return []
    return [
        Topic(file, html.unescape(re.sub(r"\s+", " ", title)).strip())
        for file, title in _TOPIC.findall(text)
    ]


def image_names(page: str) -> list[str]:
    """The file names of the pictures a page's HTML names."""
    return [Path(src).name for src in _IMAGE.findall(page)]


def find_image(name: str, folders: Sequence[Path]) -> Path | None:
    for folder in folders:
        path = folder / Path(name).name  # a name only: never a path out of the folder
        if path.is_file():
            return path
    return None


def without_missing_images(page: str, folders: Sequence[Path]) -> str:
    """The page without the pictures found in none of ``folders`` (and their captions)."""

    def figure(match: re.Match[str]) -> str:
        names = image_names(match.group(0))
        return match.group(0) if all(find_image(n, folders) for n in names) else ""

    def image(match: re.Match[str]) -> str:
        return match.group(0) if find_image(match.group(1), folders) else ""

    return _IMAGE.sub(image, _FIGURE.sub(figure, page))


class GuideBrowser(QTextBrowser):
    """The guide's pages, read from the guide's folder, with the pictures that exist."""

    def __init__(self, folder: Path, images: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.images = list(images)
        self.setOpenExternalLinks(False)
        self.setObjectName("guide_browser")
        # Read at arm's length on an office screen; a picture stands apart from the text.
        self.document().setDefaultStyleSheet(
            "body { font-size: 11pt; } p.hinh { margin-top: 8px; margin-bottom: 14px; }"
        )

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        url = QUrl(name) if isinstance(name, str) else name
        if int(kind) == QTextDocument.ResourceType.ImageResource.value:
            path = find_image(Path(url.path()).name, self.images)
            if path is None:
                return None
            image = QImage(str(path))
            room = min(MAX_IMAGE_WIDTH, max(320, self.viewport().width() - 40))
            if image.width() > room:
                image = image.scaledToWidth(room, Qt.TransformationMode.SmoothTransformation)
            return image
        if int(kind) == QTextDocument.ResourceType.HtmlResource.value and url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix == ".html" and path.parent == self.folder and path.is_file():
                return without_missing_images(path.read_text(encoding="utf-8"), self.images)
        return super().loadResource(kind, name)

    def show_file(self, target: str) -> None:
        """Open ``page.html`` or ``page.html#anchor`` of the guide."""
        file, _, anchor = target.partition("#")
        url = QUrl.fromLocalFile(str(self.folder / file))
        if anchor:
            url.setFragment(anchor)
        self.setSource(url)

    def current_file(self) -> str:
        return Path(self.source().toLocalFile()).name


class HelpWindow(QWidget):
    """The guide's own window: the table of contents on the left, the page on the right."""

    def __init__(
        self,
        parent: QWidget | None = None,
        folder: Path | None = None,
        images: Sequence[Path] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guide_window")
        self.setWindowTitle(t.GUIDE_TITLE)
        self.folder = folder or guide_folder()
        self.topics = [Topic(INDEX, title_of(t.GUIDE_CONTENTS)), *topics(self.folder)]
        self.browser = GuideBrowser(
            self.folder, image_folders() if images is None else images, self
        )
        self.contents = QListWidget()
        self.contents.setObjectName("guide_contents")
        self.contents.setWordWrap(True)  # a long title wraps rather than being cut
        self.contents.setSpacing(3)
        self.contents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for topic in self.topics:
            self.contents.addItem(topic.title)
            self.contents.item(self.contents.count() - 1).setToolTip(topic.title)
        self.contents.currentRowChanged.connect(self._topic_chosen)

        self.index_button = QPushButton(title_of(t.GUIDE_CONTENTS))
        self.back_button = QPushButton(title_of(t.GUIDE_BACK))
        self.forward_button = QPushButton(title_of(t.GUIDE_FORWARD))
        close = QPushButton(t.GUIDE_CLOSE)
        self.index_button.clicked.connect(lambda: self.show_topic(INDEX))
        self.back_button.clicked.connect(self.browser.backward)
        self.forward_button.clicked.connect(self.browser.forward)
        close.clicked.connect(self.close)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.browser.forwardAvailable.connect(self.forward_button.setEnabled)
        self.browser.sourceChanged.connect(self._follow)
        self.back_button.setEnabled(False)
        self.forward_button.setEnabled(False)

        buttons = QHBoxLayout()
        for button in (self.index_button, self.back_button, self.forward_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.browser, 1)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.contents)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._fit_screen()
        if not (self.folder / INDEX).is_file():
            self.browser.setPlainText(t.GUIDE_MISSING.format(folder=self.folder))

    def _fit_screen(self) -> None:
        room = self.screen().availableGeometry()
        self.resize(min(1100, room.width() - 40), min(760, room.height() - 60))

    def show_topic(self, target: str) -> None:
        if (self.folder / target.partition("#")[0]).is_file():
            self.browser.show_file(target)

    def _topic_chosen(self, row: int) -> None:
        if 0 <= row < len(self.topics) and self.topics[row].file != self.browser.current_file():
            self.browser.show_file(self.topics[row].file)

    def _follow(self, url: QUrl) -> None:
        """The list marks the page shown, however it was reached (a link, back, forward)."""
        shown = Path(url.toLocalFile()).name
        row = next((i for i, topic in enumerate(self.topics) if topic.file == shown), -1)
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(row)
        self.contents.blockSignals(False)


def open_guide(parent: QWidget, page_key: str | None = None) -> HelpWindow:
    """Show the guide (one window per main window) on the page of ``page_key``'s task."""
    window = parent.findChild(HelpWindow, "guide_window")
    if window is None:
        window = HelpWindow(parent)
    window.show_topic(PAGE_TOPICS.get(page_key or "", INDEX))
    window.show()
    if QGuiApplication.platformName() != "offscreen":  # which cannot raise a window (and says so)
        window.raise_()
    window.activateWindow()
    return window
