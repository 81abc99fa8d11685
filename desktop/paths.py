"""Where the clerk's data lives: the one place that resolves the data folder.

Order of precedence: ``--data-dir`` on the command line, the ``THIDUA_DATA_DIR`` environment
variable, portable mode (a ``portable.txt`` marker beside the executable keeps the data on the USB
stick the app runs from), then the platform's per-user data folder.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "ThiDua"
ENV_VAR = "THIDUA_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
DATABASE_NAME = "thidua.sqlite3"
NOT_A_FOLDER = (
    "“{where}” là một tệp, không phải thư mục, nên không dùng làm thư mục dữ liệu được. Hãy "
    "chọn một thư mục (hoặc một tên thư mục chưa có) rồi thử lại."
)


@dataclass(frozen=True)
class DataFolder:
    """The folder holding the database, attachments, backups and logs."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        """Automatic local backups (sao lưu tự động)."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def documents(self) -> Path:
        """PDFs of issued documents, kept so they can be reprinted identically."""
        return self.root / "documents"

    @property
    def scratch(self) -> Path:
        """The data folder's own temporary area (vùng tạm).

        Anything decrypted, extracted or copied for a viewer goes here, never to the system's
        temporary folder, so the ward's data never leaves the folder the clerk chose; it is
        emptied at every start (:mod:`desktop.backup.recovery`).
        """
        return self.root / ".tmp"

    @property
    def lock_file(self) -> Path:
        """Held by the one process that uses this data folder (the window or a writing command)."""
        return self.root / "thidua.lock"

    @property
    def window_settings(self) -> Path:
        """The window's own settings (sizes, splitters, last folders), kept with the data."""
        return self.root / "window.ini"

    def ensure(self) -> DataFolder:
        """Create the folders that are missing.

        A folder that cannot be created raises the disk's ``OSError`` (read-only, full), which
        :func:`desktop.errors.refusal_of` words for the clerk; a data folder that is a file is
        refused here. The log folder is not required: :mod:`desktop.logs` then writes elsewhere.
        """
        for folder in (self.root, self.attachments, self.backups, self.documents):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError) as error:
                from desktop.errors import Refusal

                raise Refusal(NOT_A_FOLDER.format(where=error.filename or folder)) from error
        with contextlib.suppress(OSError):
            self.logs.mkdir(exist_ok=True)
        return self


def executable_dir() -> Path:
    """The folder of the running program (the frozen executable, or the source checkout)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def user_data_root(platform: str = sys.platform, environ: Mapping[str, str] = os.environ) -> Path:
    """The per-user data folder: ``%LOCALAPPDATA%\\ThiDua`` on Windows, else platformdirs' own.

    Local, not roaming: a SQLite file must not travel with a roaming profile. Read from the
    environment as Windows sets it (a user name with Vietnamese letters or spaces included); a
    Windows without the variable falls back to platformdirs, which asks the shell.
    """
    if platform == "win32":
        local = environ.get("LOCALAPPDATA", "").strip()
        if local:
            return Path(local) / APP_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_folder(
    cli_value: str | os.PathLike[str] | None = None, platform: str = sys.platform
) -> DataFolder:
    if cli_value:
        return DataFolder(Path(cli_value).expanduser().resolve())
    env_value = os.environ.get(ENV_VAR, "").strip()
    if env_value:
        return DataFolder(Path(env_value).expanduser().resolve())
    exe_dir = executable_dir()
    if (exe_dir / PORTABLE_MARKER).exists():
        return DataFolder(exe_dir / "data")
    return DataFolder(user_data_root(platform))


def resource_path(*parts: str) -> Path:
    """A file under ``resources/`` (next to the package, or inside the frozen bundle)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("resources", *parts)


def forms_path(*parts: str) -> Path:
    """A document template under ``forms/``."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base.joinpath("forms", *parts)
