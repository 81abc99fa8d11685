"""Where the clerk's data lives: the one place that resolves the data folder.

Order of precedence: ``--data-dir`` on the command line, the ``THIDUA_DATA_DIR`` environment
variable, portable mode (a ``portable.txt`` marker beside the executable keeps the data on the USB
stick the app runs from), then the platform's per-user data folder.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APP_NAME = "ThiDua"
ENV_VAR = "THIDUA_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
DATABASE_NAME = "thidua.sqlite3"
# Windows opens a path of 259 characters at most (MAX_PATH less its closing NUL) unless long
# paths are switched on for the PC, and the longest path the app makes inside a data folder is
# 120 characters: a restore's attachment, .restore-YYYYMMDD-HHMMSS-ffffff/members/attachments/
# ab/<sha256>. A longer data folder would fail half-way through a restore, so it is refused first.
WINDOWS_MAX_PATH = 259
LONGEST_INSIDE = 120
WINDOWS_ROOT_LIMIT = WINDOWS_MAX_PATH - LONGEST_INSIDE - 1
ON_WINDOWS = sys.platform == "win32"
LONG_PATHS_KEY = r"SYSTEM\CurrentControlSet\Control\FileSystem"
TOO_LONG = (
    "Đường dẫn của thư mục dữ liệu “{where}” dài {length} ký tự. Windows chỉ mở được tệp có "
    "đường dẫn đến 260 ký tự, mà chương trình cần thêm tới {inside} ký tự bên trong thư mục này "
    "(khi khôi phục bản sao lưu). Hãy chọn thư mục có đường dẫn ngắn hơn (tối đa {limit} ký tự), "
    "ví dụ D:\\ThiDua."
)
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
    def viewer(self) -> Path:
        """Copies of stored files opened in the system's viewer (in :attr:`scratch`): the last
        session's are not a crash's debris, and go at the next start without a word."""
        return self.scratch / "xem"

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
        refused here, and on Windows one whose path is too long for what the app writes inside
        it. The log folder is not required: :mod:`desktop.logs` then writes elsewhere.
        """
        from desktop.errors import Refusal

        if ON_WINDOWS and len(str(self.root)) > WINDOWS_ROOT_LIMIT and not long_paths_enabled():
            raise Refusal(
                TOO_LONG.format(
                    where=self.root,
                    length=len(str(self.root)),
                    inside=LONGEST_INSIDE,
                    limit=WINDOWS_ROOT_LIMIT,
                )
            )
        for folder in (self.root, self.attachments, self.backups, self.documents):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError) as error:
                raise Refusal(NOT_A_FOLDER.format(where=error.filename or folder)) from error
        with contextlib.suppress(OSError):
            self.logs.mkdir(exist_ok=True)
        return self


def long_paths_enabled() -> bool:
    """Whether this Windows opens paths past 260 characters (LongPathsEnabled; the frozen program
    and Python itself declare that they can). False elsewhere, and when it cannot be read."""
    try:
        winreg: Any = importlib.import_module("winreg")
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, LONG_PATHS_KEY) as key:
            return bool(winreg.QueryValueEx(key, "LongPathsEnabled")[0] == 1)
    except (ImportError, OSError):
        return False


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
