"""``python -m desktop gui --screenshots DIR [--size 1366x768] [--scale 1.25]``: every page and main
dialog of a data folder drawn offscreen to PNG files, named by page and dialog.

The window is laid out as on a screen of ``--size`` physical pixels at ``--scale`` (Qt's
``QT_SCALE_FACTOR``, as Windows' 125 % / 150 %): the window takes the screen's whole size in
logical pixels (size ÷ scale) and each picture has the screen's pixels. Each page is drawn, then
each tab of its tab bar, then the dialogs the clerk opens most (Thông tin phường, sao lưu, khôi
phục, new dossier, the dossier, import preview, chỉ tiêu, đơn vị, the document preview).

It only reads: the data folder is opened as a reading command opens it (no lock kept), nothing is
saved, the window is never closed through its close event (which writes ``window.ini`` and makes
the automatic backup). The same run lists every text cut without a tooltip
(:func:`~desktop.ui.widgets.elided.cut_texts`) for ``tests/ui/test_screenshots.py``; the user
guide takes its pictures from here.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.ui.main_window import MainWindow

WAIT_MS = 20_000  # a page's background reading (a 5,000-unit ward) must end within this


@dataclass
class Shot:
    """One picture: its name (the file's stem), its file and what it shows cut without tooltip."""

    name: str
    path: Path
    cut: list[str] = field(default_factory=list)
    problem: str = ""  # the dialog could not be drawn: why (the other pictures are still made)


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"kích thước cần dạng RỘNGxCAO, ví dụ 1366x768: {text!r}"
        ) from None
    if width < 320 or height < 240:
        raise argparse.ArgumentTypeError(f"kích thước quá nhỏ: {text!r}")
    return width, height


def parse_scale(text: str) -> float:
    try:
        scale = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"tỷ lệ cần là một số, ví dụ 1.25: {text!r}") from None
    if not 0.5 <= scale <= 3:
        raise argparse.ArgumentTypeError(f"tỷ lệ cần từ 0.5 đến 3: {text!r}")
    return scale


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--screenshots",
        metavar="THƯ_MỤC",
        help="vẽ mọi trang và hộp thoại chính (không hiện cửa sổ) ra ảnh PNG trong thư mục này",
    )
    parser.add_argument(
        "--size",
        type=parse_size,
        default=(1366, 768),
        help="kích thước màn hình, mặc định 1366x768",
    )
    parser.add_argument(
        "--scale", type=parse_scale, default=1.0, help="tỷ lệ hiển thị (1.25 = 125%%), mặc định 1"
    )


def main(data_dir: str | None, args: argparse.Namespace) -> int:
    """The command: draw everything, print each file (and each cut text) on a line."""
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"  # before the application exists
    if "QT_QPA_PLATFORM" not in os.environ:  # an offscreen screen of the size asked for
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(_screen_file(args.size))
    from desktop.context import AppContext
    from desktop.ui.app import make_application

    app = make_application()
    ctx = AppContext.from_args(data_dir, program="lệnh “gui --screenshots”", writes=False)
    try:
        shots = take(ctx, Path(args.screenshots), args.size, args.scale)
    finally:
        ctx.close()
    for shot in shots:
        print(shot.problem and f"{shot.name}: không vẽ được: {shot.problem}" or str(shot.path))
        for line in shot.cut:
            print(f"  {line}")
    app.processEvents()
    return 0 if all(not shot.problem for shot in shots) else 1


def _screen_file(size: tuple[int, int]) -> Path:
    """The offscreen platform's description of one screen of ``size`` pixels at 96 dpi."""
    screen = {"name": "thidua", "x": 0, "y": 0, "width": size[0], "height": size[1]}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.mkdtemp(prefix="thidua-anh-")) / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    return path


def take(ctx: AppContext, folder: Path, size: tuple[int, int], scale: float = 1.0) -> list[Shot]:
    """Draw every page (and each of its tabs) and the main dialogs into ``folder``."""
    from PySide6.QtCore import Qt

    from desktop.ui.main_window import MainWindow
    from desktop.ui.pages import PAGES

    folder.mkdir(parents=True, exist_ok=True)
    width, height = round(size[0] / scale), round(size[1] / scale)
    window = MainWindow(ctx)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(width, height)
    window.show()
    shots: list[Shot] = []
    try:
        for number, spec in enumerate(PAGES, start=1):
            window.show_page(spec.key)
            page = window.page(spec.key)
            for suffix, _tab in _tabs(page):
                shot = _draw(window, folder / f"{number:02d}-{spec.key}{suffix}.png", page)
                if window.width() > width or window.height() > height:
                    shot.cut.append(
                        f"cửa sổ {window.width()}×{window.height()} lớn hơn màn hình {width}×{height}"
                    )
                shots.append(shot)
            if spec.key == "documents":  # its preview of the chosen document, as the clerk asks
                page.show_preview()  # type: ignore[attr-defined]
                shots.append(_draw(window, folder / f"{number:02d}-{spec.key}-xem-truoc.png", page))
        for name, opener in dialogs(window):
            shots.append(
                _dialog_shot(window, folder / f"dialog-{name}.png", opener, (width, height))
            )
    finally:
        window.hide()
        window._stop_listening()
        window.deleteLater()
    return shots


def _tabs(page: object) -> Iterator[tuple[str, int]]:
    """The page itself, then each tab of its first tab bar (a page of tabs)."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    assert isinstance(page, QWidget)
    tabs = page.findChild(QTabWidget)
    if tabs is None or tabs.count() < 2:
        yield "", -1
        return
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        yield f"-{index + 1}", index
    tabs.setCurrentIndex(0)


def settle() -> None:
    """Let the window lay itself out and background readings end."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for _ in range(3):
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(WAIT_MS)
        QApplication.processEvents()
        QApplication.sendPostedEvents()


def _draw(window: MainWindow, path: Path, shown: object) -> Shot:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.widgets.elided import cut_texts

    assert isinstance(window, QWidget) and isinstance(shown, QWidget)
    settle()
    window.grab().save(str(path))
    return Shot(path.stem, path, [str(cut) for cut in cut_texts(shown)])


def _dialog_shot(
    window: MainWindow, path: Path, opener: Callable[[], object], room: tuple[int, int]
) -> Shot:
    from PySide6.QtWidgets import QDialog

    from desktop.ui.widgets.elided import cut_texts

    try:
        dialog = opener()
        settle()
    except Exception as error:  # one dialog that cannot be drawn does not stop the others
        return Shot(path.stem, path, problem=f"{type(error).__name__}: {error}")
    assert isinstance(dialog, QDialog)
    try:
        dialog.show()
        settle()
        dialog.grab().save(str(path))
        cut = [str(c) for c in cut_texts(dialog)]
        if dialog.width() > room[0] or dialog.height() > room[1]:
            cut.append(
                f"hộp thoại {dialog.width()}×{dialog.height()} lớn hơn màn hình {room[0]}×{room[1]}"
            )
        return Shot(path.stem, path, cut)
    finally:
        dialog.hide()
        dialog.deleteLater()


# -- the dialogs -------------------------------------------------------------------------------
def dialogs(window: MainWindow) -> list[tuple[str, Callable[[], object]]]:
    """The main dialogs, each opened on the demo ward's own records, as the clerk opens them."""
    return [
        ("thong-tin-phuong", lambda: _settings(window)),
        ("sao-luu", lambda: _backup(window, message=False)),
        ("sao-luu-thong-bao", lambda: _backup(window, message=True)),
        ("khoi-phuc", lambda: _restore(window, message=False)),
        ("khoi-phuc-thong-bao", lambda: _restore(window, message=True)),
        ("don-vi", lambda: _unit(window)),
        ("xem-truoc-nhap", lambda: _import_preview(window)),
        ("chi-tieu", lambda: _indicator(window)),
        ("ho-so-moi", lambda: _new_dossier(window)),
        ("ho-so", lambda: _dossier(window)),
    ]


def _settings(window: MainWindow) -> object:
    from desktop.ui.settings.dialog import SettingsDialog

    return SettingsDialog(window.ctx, window)


def _backup(window: MainWindow, message: bool) -> object:
    from desktop.ui.backup.backup_dialog import BackupDialog

    dialog = BackupDialog(window.ctx, window)
    dialog.show()
    if message:  # a target inside the data folder: refused, with its message, before any write
        dialog.set_target(window.ctx.folder.root)
        dialog.start()
    return dialog


def _restore(window: MainWindow, message: bool) -> object:
    from desktop.ui.backup.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.ctx, window)
    dialog.show()
    if message:  # a file that is not a backup: the check's own refusal, worded for the clerk
        stray = Path(tempfile.mkdtemp(prefix="thidua-anh-")) / "khong-phai-sao-luu.tdbak"
        stray.write_bytes(b"not a backup")
        dialog.set_file(stray)
        dialog.check()
    return dialog


def _unit(window: MainWindow) -> object:
    page = window.show_page("units")
    page.table.selectRow(0)  # type: ignore[attr-defined]
    page.edit()  # type: ignore[attr-defined]
    return page.dialog  # type: ignore[attr-defined]


def _import_preview(window: MainWindow) -> object:
    """The preview of a units workbook: the ward's own register exported, then read back (the
    import stops at its preview, which only reads)."""
    path = Path(tempfile.mkdtemp(prefix="thidua-anh-")) / "don-vi.xlsx"
    page = window.show_page("units")
    page.excel.export_to(path)  # type: ignore[attr-defined]
    settle()
    page.excel.import_file(path)  # type: ignore[attr-defined]
    settle()
    return page.excel.preview  # type: ignore[attr-defined]


def _indicator(window: MainWindow) -> object:
    from desktop.ui.indicators.indicator_dialog import IndicatorDialog

    page = window.show_page("indicators")
    row = page.catalogue.model.record(0)  # type: ignore[attr-defined]
    return IndicatorDialog(window.ctx, row.indicator, window)


def _new_dossier(window: MainWindow) -> object:
    from desktop.ui.awards.new_dialog import NewDossierDialog

    return NewDossierDialog(window.ctx, None, window)


def _dossier(window: MainWindow) -> object:
    from desktop.ui.awards.dossier_editor import DossierEditor

    page = window.show_page("dossiers")
    row = page.model.record(0)  # type: ignore[attr-defined]
    return DossierEditor(window.ctx, row.dossier.id, window)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(None, argparse.Namespace()))
