"""Hộp chọn tệp, chọn thư mục that start where the clerk went last time for the same purpose.

Each call names a :class:`Purpose` (the USB of the backups, the Excel files written, the Excel files
read, the PDFs, the attachments); the folder of what the clerk chose is kept per purpose in
``window.ini`` of the data folder (with the window's state, and in the backups with it). A folder
kept but gone since (the USB taken out) gives way to the call's own start, then to the home folder.
The titles and filters are the caller's, unchanged.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.context import AppContext
from desktop.ui.window_state import settings_at

GROUP = "folders"


class Purpose(StrEnum):
    BACKUP = "backup"  # where backups are written to and restored from (USB)
    EXCEL_EXPORT = "excel_export"
    EXCEL_IMPORT = "excel_import"
    PDF = "pdf"
    ATTACHMENT = "attachment"  # scans and files joined to a dossier, a commitment, a meeting


def _key(purpose: Purpose) -> str:
    return f"{GROUP}/{purpose.value}"


def last_folder(ctx: AppContext, purpose: Purpose) -> Path | None:
    """The folder kept for ``purpose``, when it still exists."""
    value = settings_at(ctx.folder.window_settings).value(_key(purpose))
    if not isinstance(value, str) or not value:
        return None
    folder = Path(value)
    return folder if folder.is_dir() else None


def remember(ctx: AppContext, purpose: Purpose, folder: Path) -> None:
    settings = settings_at(ctx.folder.window_settings)
    settings.setValue(_key(purpose), str(folder))
    settings.sync()


def start_folder(ctx: AppContext, purpose: Purpose, fallback: str | Path = "") -> Path:
    """Where a dialog for ``purpose`` opens: the folder kept, else ``fallback`` (a folder, or a
    file whose folder is meant), else the home folder."""
    kept = last_folder(ctx, purpose)
    if kept is not None:
        return kept
    given = Path(fallback)
    if given != Path("."):  # Path("") is the current directory, which the clerk never meant
        if given.is_dir():
            return given
        if given.parent != Path(".") and given.parent.is_dir():
            return given.parent
    return Path.home()


def open_file(
    parent: QWidget | None,
    ctx: AppContext,
    purpose: Purpose,
    title: str,
    filters: str = "",
    fallback: str | Path = "",
) -> str:
    """One file to read; "" when the clerk cancels."""
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(start_folder(ctx, purpose, fallback)), filters
    )
    if name:
        remember(ctx, purpose, Path(name).parent)
    return name


def open_files(
    parent: QWidget | None,
    ctx: AppContext,
    purpose: Purpose,
    title: str,
    filters: str = "",
    fallback: str | Path = "",
) -> list[str]:
    """Files to read; [] when the clerk cancels."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, title, str(start_folder(ctx, purpose, fallback)), filters
    )
    if names:
        remember(ctx, purpose, Path(names[0]).parent)
    return list(names)


def save_file(
    parent: QWidget | None,
    ctx: AppContext,
    purpose: Purpose,
    title: str,
    suggested: str | Path = "",
    filters: str = "",
) -> str:
    """A file to write, offered as ``suggested``'s name in the folder kept (else in
    ``suggested``'s own folder, else the home folder); "" when the clerk cancels."""
    name = Path(suggested).name if suggested else ""
    folder = start_folder(ctx, purpose, Path(suggested).parent)
    chosen, _ = QFileDialog.getSaveFileName(
        parent, title, str(folder / name) if name else str(folder), filters
    )
    if chosen:
        remember(ctx, purpose, Path(chosen).parent)
    return chosen


def existing_folder(
    parent: QWidget | None,
    ctx: AppContext,
    purpose: Purpose,
    title: str,
    fallback: str | Path = "",
) -> str:
    """A folder; "" when the clerk cancels."""
    folder = QFileDialog.getExistingDirectory(
        parent, title, str(start_folder(ctx, purpose, fallback))
    )
    if folder:
        remember(ctx, purpose, Path(folder))
    return folder
