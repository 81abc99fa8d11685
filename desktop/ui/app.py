"""Start the window: ``thidua [--data-dir DIR]``.

Only what the first window needs is imported before it shows; the database is opened and
migrated right after, so a large or old file never delays the window's appearance.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.context import AppContext, TakeOverDeclined
from desktop.paths import resource_path
from desktop.storage.lock import STALE, WINDOW, Holder
from desktop.ui.errors import install_excepthook, show_error
from desktop.ui.texts import common as t
from desktop.ui.translations import install_translation

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger("thidua.app")


def make_application(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ThiDua")
    install_translation(app)  # Qt's own words in Vietnamese, before the first widget
    app.setWindowIcon(QIcon(str(resource_path("icons", "thidua.png"))))
    return app


def ask_take_over(stale: Holder, parent: QWidget | None = None) -> bool:
    """The last window or command on this folder ended abruptly: take it over? (yes by default)."""
    box = QMessageBox(parent)
    box.setWindowTitle(t.STALE_LOCK_TITLE)
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(stale.words(STALE) + "\n\n" + t.STALE_LOCK_QUESTION)
    go_on = box.addButton(t.STALE_LOCK_CONTINUE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t.STALE_LOCK_QUIT, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(go_on)
    box.exec()
    return box.clickedButton() is go_on


def start_context(data_dir: str | None) -> AppContext:
    """The window's start on its data folder: the lock held for the whole run, recovery done.

    A second window (or a writing command) on the same folder is refused naming the holder; a
    lock left by a crash is taken over once the clerk agrees (:func:`ask_take_over`).
    """
    return AppContext.from_args(data_dir, program=WINDOW, take_over=ask_take_over)


def ask_first_run(ctx: AppContext, parent: QWidget | None) -> None:
    """A data folder without a database: offer the demo ward or an empty ward with the catalogue."""
    box = QMessageBox(parent)
    box.setWindowTitle(t.FIRST_RUN_TITLE)
    box.setIcon(QMessageBox.Icon.Question)
    box.setText(t.FIRST_RUN_TEXT.format(folder=ctx.folder.root))
    demo = box.addButton(t.FIRST_RUN_DEMO, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(t.FIRST_RUN_EMPTY, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(demo)
    box.exec()
    prepare_new_ward(ctx, demo=box.clickedButton() is demo)


def prepare_new_ward(ctx: AppContext, demo: bool) -> None:
    from desktop.demo.ward import new_ward

    ctx.door.run(new_ward(demo))


def open_window(
    ctx: AppContext,
    first_run_choice: bool | None = None,
    on_shown: Callable[[], None] | None = None,
    on_ready: Callable[[], None] | None = None,
) -> MainWindow:
    """Create and show the main window, then open the data in the next turn of the event loop.

    ``first_run_choice`` answers the first-run question in tests; ``on_shown`` runs once the window
    is on screen and ``on_ready`` once its first page holds data (the start-up benchmark uses both).
    """
    from desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    if on_shown is not None:
        QTimer.singleShot(0, on_shown)
    new_ward = not ctx.database_exists

    def open_data() -> None:
        from desktop.storage import StorageError
        from desktop.storage.errors import DamagedDatabase
        from desktop.ui.backup.restore_startup import offer_restore, startup_check

        try:
            if new_ward:
                if first_run_choice is None:
                    ask_first_run(ctx, window)
                else:
                    prepare_new_ward(ctx, demo=first_run_choice)
            elif not startup_check(ctx, window):  # damaged file: offers the newest good backup
                window.close()
                return
            else:
                ctx.integrity_checked = True
            window.start()
            window.show_start_notes(ctx.recovered)
            from desktop.ui.backup.timer import DailyBackup

            window.daily_backup = DailyBackup(ctx, window)  # sao lưu tự động hằng ngày
            if on_ready is not None:
                on_ready()
        except StorageError as error:
            log.error("cannot open data: %s", error)
            if isinstance(error, DamagedDatabase) and offer_restore(ctx, window, str(error), False):
                window.start()
                window.show_start_notes(ctx.recovered)
                if on_ready is not None:
                    on_ready()
                return
            QMessageBox.critical(window, t.OPEN_FAILED_TITLE, str(error))
            window.close()
        except Exception as error:  # a refusal or a bug while opening: shown, never only logged
            show_error(window, error, t.OPEN_FAILED_TITLE)
            window.close()

    QTimer.singleShot(0, open_data)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", help="thư mục dữ liệu")
    parser.add_argument("--quit-after-show", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    app = make_application(qt_args)
    install_excepthook()
    try:
        ctx = start_context(args.data_dir)
    except TakeOverDeclined:
        return 1  # the clerk said no: nothing was opened, nothing to say
    except Exception as error:  # held by another, cannot be made or written: said, never a trace
        show_error(None, error, t.OPEN_FAILED_TITLE)
        return 2
    if args.quit_after_show:
        # The start-up benchmark reads these two lines as they arrive, then the app leaves.
        def ready() -> None:
            print("ready", flush=True)
            QTimer.singleShot(0, app.quit)

        window = open_window(ctx, on_shown=lambda: print("shown", flush=True), on_ready=ready)
    else:
        window = open_window(ctx)
    window.activateWindow()
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    code = app.exec()
    ctx.close()
    return code
