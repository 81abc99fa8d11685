"""The main window: navigation on the left, the current page on the right, a status bar below."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop import __version__
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.ui.pages import PAGES, Page, PageSpec
from desktop.ui.texts import common as t
from desktop.ui.texts import help as t_help
from desktop.ui.texts import title_of
from desktop.ui.window_state import restore_page, save, saved_page, saved_values

log = logging.getLogger("thidua.ui")
# How long the status bar says what the start did to the data folder.
START_NOTES_SHOWN_MS = 30_000
KEEP_ON_RELOAD = "keep_on_reload"  # a dialog property: the dialog that made the reload (restore)


class ChangeRelay(QObject):
    """Carries the door's announcements to the GUI thread (a restore runs on a worker thread)."""

    changed = Signal(object)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._relay = ChangeRelay(self)
        self._relay.changed.connect(self._changed)
        self._stop_listening = ctx.door.listen(self._relay.changed.emit)
        self.setWindowTitle(t.APP_TITLE)
        self._pages: dict[str, QWidget] = {}
        self.daily_backup: QObject | None = None  # sao lưu tự động hằng ngày, once data is open
        self._placeholders: dict[str, QWidget] = {}

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(230)
        self.navigation.setSpacing(3)
        self.navigation.setStyleSheet("QListWidget#navigation { font-size: 11pt; padding: 4px; }")
        self.stack = QStackedWidget()
        for spec in PAGES:
            self.navigation.addItem(spec.title.replace("&&", "&"))
            placeholder = QLabel(t.LOADING)
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._placeholders[spec.key] = placeholder
            self.stack.addWidget(placeholder)
        # As wide as its longest title (never cut to "Hồ sơ khen thưởn"), whatever page is shown.
        needed = (
            self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth() + 8 + 2 * 3 + 4
        )
        self.navigation.setMinimumWidth(needed)
        self.navigation.setMaximumWidth(max(230, needed))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.navigation)
        # On a small screen at 125 % or 150 % a page wider or taller than the window scrolls
        # rather than pushing the window past the screen (and only the page shown counts: see
        # _show_row).
        self.page_area = QScrollArea()
        self.page_area.setObjectName("page_scroll")
        self.page_area.setWidgetResizable(True)
        self.page_area.setFrameShape(QFrame.Shape.NoFrame)
        self.page_area.setWidget(self.stack)
        splitter.addWidget(self.page_area)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.data_label = QLabel(t.STATUS_DATA_FILE.format(path=ctx.folder.database))
        self.backup_label = QLabel()
        self.statusBar().addWidget(self.data_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self._build_menus()
        self._restore_geometry()

    # -- pages ---------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(t.MENU_FILE)
        settings = QAction(t.ACTION_SETTINGS, self)
        settings.triggered.connect(self.edit_settings)
        open_folder = QAction(t.ACTION_OPEN_DATA_FOLDER, self)
        open_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.folder.root)))
        )
        quit_action = QAction(t.ACTION_QUIT, self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([settings, open_folder])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(t.MENU_GO)
        for row, spec in enumerate(PAGES):
            action = QAction(spec.title, self)
            action.setShortcut(QKeySequence(spec.shortcut))
            action.triggered.connect(lambda _=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu(t.MENU_HELP)
        guide = QAction(t_help.ACTION_GUIDE, self)
        guide.setObjectName("action_guide")
        guide.setShortcut(QKeySequence("F1"))
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        about = QAction(t.ACTION_ABOUT, self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def start(self) -> None:
        """Called once the window is on screen: open the page shown at the last close, else the
        first (which opens the database)."""
        key = saved_page(self._settings())
        self.navigation.setCurrentRow(next((i for i, s in enumerate(PAGES) if s.key == key), 0))
        self.refresh_status()

    def show_start_notes(self, lines: list[str]) -> None:
        """Say once, in the status bar, what the start did to the data folder (debris swept, an
        unfinished restore settled); the lines stay in the log."""
        if lines:
            self.statusBar().showMessage(" ".join(lines), START_NOTES_SHOWN_MS)

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, spec in enumerate(PAGES) if spec.key == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def page(self, key: str) -> QWidget:
        if key not in self._pages:
            spec = next(s for s in PAGES if s.key == key)
            widget = self._create_page(spec)
            placeholder = self._placeholders.pop(key)
            index = self.stack.indexOf(placeholder)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(index, widget)
            self._pages[key] = widget
            restore_page(widget, saved_values(self._settings(), key))
        return self._pages[key]

    def _create_page(self, spec: PageSpec) -> QWidget:
        module_name, class_name = spec.target.split(":")
        page_class = getattr(importlib.import_module(module_name), class_name)
        page = page_class(self.ctx, self)
        page.setObjectName(f"page_{spec.key}")
        return page

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        shown = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(shown)
        # A stack is as large as its largest page; the pages not shown are let go of theirs, so
        # that the window and its scroll area follow the page on screen.
        ignored = QSizePolicy.Policy.Ignored
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            if page is None:
                continue
            if page is shown:
                page.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            else:
                page.setSizePolicy(ignored, ignored)
        self.stack.updateGeometry()

    # -- the change broadcast --------------------------------------------------------------------
    def _changed(self, change: Change) -> None:
        """Tell every page what changed; after a restore also close dialogs that show old data."""
        if change.everything:
            self._close_stale_dialogs()
        for page in list(self._pages.values()):
            if isinstance(page, Page):
                page.on_change(change)
        if change.touches(Area.BACKUPS, Area.SETTINGS):
            self.refresh_status()
        if change.everything and self._pages:  # not for the first filling of a new ward
            self.statusBar().showMessage(t.DATA_REPLACED, 8000)

    def _close_stale_dialogs(self) -> None:
        closed = []
        for widget in QApplication.topLevelWidgets():
            if (
                isinstance(widget, QDialog)
                and widget.isVisible()
                and not widget.property(KEEP_ON_RELOAD)
                and _belongs_to(widget, self)
            ):
                closed.append(widget.windowTitle())
                widget.reject()
        for title in closed:
            QMessageBox.information(self, t.ERROR_TITLE, t.DIALOG_CLOSED_STALE.format(title=title))

    # -- status bar ----------------------------------------------------------------------------
    def refresh_status(self) -> None:
        from desktop.backup.status import usb_backup_age

        age = self.ctx.door.read(usb_backup_age)
        if age.days is None:
            text = t.STATUS_NO_BACKUP
        else:
            when = t.AGE_TODAY if age.days == 0 else t.AGE_DAYS.format(days=age.days)
            text = t.STATUS_BACKUP_AGE.format(age=when)
        late = age.late
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #b00020; font-weight: bold;" if late else "")

    # -- dialogs -------------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from desktop.ui.settings.dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        if dialog.exec():
            self.statusBar().showMessage(t.SETTINGS_SAVED, 5000)

    def show_guide(self) -> None:
        """Hướng dẫn sử dụng (F1), opened on the task of the page shown."""
        from desktop.ui.help_window import open_guide

        row = self.navigation.currentRow()
        open_guide(self, PAGES[row].key if 0 <= row < len(PAGES) else None)

    def show_about(self) -> None:
        from desktop.logs import LOG_FILE_NAME

        QMessageBox.about(
            self,
            title_of(t.ACTION_ABOUT),
            t.ABOUT_TEXT.format(
                version=__version__,
                folder=self.ctx.folder.root,
                log=self.ctx.folder.logs / LOG_FILE_NAME,
            ),
        )

    # -- geometry ------------------------------------------------------------------------------
    def _settings(self) -> QSettings:
        return QSettings(str(self.ctx.folder.window_settings), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        from desktop.ui.window_geometry import first_placement, inside

        available = self.screen().availableGeometry()
        geometry = self._settings().value("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)  # what the clerk chose, kept inside this screen
            if not self.isMaximized() and not self.isFullScreen():
                self.setGeometry(inside(self.geometry(), available, self.minimumSizeHint()))
            return
        rect, maximised = first_placement(available)
        self.setGeometry(rect)
        if maximised:  # a 1366×768 office screen: the status bar and buttons stay on it
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_listening()
        settings = self._settings()
        settings.setValue("main/geometry", self.saveGeometry())
        row = self.navigation.currentRow()
        save(settings, PAGES[row].key if row >= 0 else None, self._pages)  # syncs
        for page in self._pages.values():
            if hasattr(page, "about_to_close"):
                page.about_to_close()
        from desktop.ui.backup.on_exit import backup_on_exit

        backup_on_exit(self, self.ctx)  # automatic local backup (sao lưu tự động) if data changed
        super().closeEvent(event)


def _belongs_to(dialog: QWidget, window: QWidget) -> bool:
    parent = dialog.parentWidget()
    return parent is not None and parent.window() is window


def show_later(window: MainWindow) -> None:
    QTimer.singleShot(0, window.start)
