"""The open data folder of one run of the app or of one command: paths, database, logging.

**The start-up sequence**, the same for the window and every command, lives in
:meth:`AppContext.from_args`: resolve the data folder → take its lock (a writer: the window, a
writing command) → :func:`desktop.backup.recovery.recover_at_start` puts the folder in order (an
unfinished restore, the debris of a crash) → open the database. What recovery did is kept in
:attr:`AppContext.recovered` (the command line prints it on stderr, the window shows it once).

A reader (``check``, ``info``, a listing or an export) takes no lock for its run and never
creates anything: a folder without a database is refused before a folder, a log or a file is
made. When no one else holds the folder it takes the lock for the moment of recovery and opening;
when someone does, the holder has done both, and the reader skips recovery.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.errors import Refusal, machine_failures_refused
from desktop.logs import setup_logging
from desktop.paths import NOT_A_FOLDER, DataFolder, resolve_data_folder
from desktop.storage.lock import TAKEN_OVER, FolderLock, Holder, TakeOver, acquire, try_acquire

if TYPE_CHECKING:
    from desktop.changes import Door
    from desktop.storage import Database

log = logging.getLogger("thidua.app")

# Who holds the lock when the caller does not say (a test, a benchmark, a script).
PROGRAM = "một chương trình"

NO_DATA = (
    "Thư mục “{folder}” chưa có dữ liệu ThiĐua; hãy chạy init (python -m desktop --data-dir "
    "“{folder}” init) hoặc mở cửa sổ ThiĐua với thư mục này, hoặc kiểm tra lại đường dẫn "
    "--data-dir. Không có gì được tạo."
)
DECLINED = "Chưa mở thư mục dữ liệu “{folder}”. Dữ liệu không thay đổi."


class NoData(Refusal):
    """A reading command on a folder that holds no database."""


class TakeOverDeclined(Refusal):
    """The clerk chose not to take over a folder whose last holder ended abruptly."""


def _take_over_always(stale: Holder) -> bool:
    return True


@dataclass
class AppContext:
    """What the GUI and the commands share: the data folder and, once opened, its database."""

    folder: DataFolder
    # Set once the start-up check has scanned the file, so opening it does not scan it again.
    integrity_checked: bool = False
    # A reading command: its sessions begin deferred unless they say they write.
    reads_only: bool = False
    # What the start-up recovery did, in the clerk's words (shown once).
    recovered: list[str] = field(default_factory=list)
    # The record of a holder that ended abruptly, when this start took the folder over from it.
    took_over: Holder | None = None
    _db: Database | None = field(default=None, repr=False)
    _door: Door | None = field(default=None, repr=False)
    _lock: FolderLock | None = field(default=None, repr=False)

    @classmethod
    def from_args(
        cls,
        data_dir: str | Path | None,
        *,
        program: str = PROGRAM,
        writes: bool = True,
        take_over: TakeOver | None = None,
    ) -> AppContext:
        """Start on the data folder ``data_dir`` names; see the module's docstring.

        ``program`` is how the lock names this process to a second one (the window, lệnh
        “units import”). ``take_over`` decides whether a stale lock is taken over (default: yes;
        the window asks the clerk). Refusals: :class:`~desktop.storage.lock.FolderInUse`,
        :class:`NoData` (a reader), :class:`TakeOverDeclined`, a read-only or full disk.
        """
        folder = resolve_data_folder(data_dir)
        if writes:
            return cls._start_writing(folder, program, take_over or _take_over_always)
        return cls._start_reading(folder, program)

    @classmethod
    def _start_writing(cls, folder: DataFolder, program: str, take_over: TakeOver) -> AppContext:
        folder.ensure()
        setup_logging(folder.logs)
        with machine_failures_refused(str(folder.root)):  # the lock file on a read-only disk
            lock = acquire(folder.lock_file, program, take_over)
        if lock is None:
            raise TakeOverDeclined(DECLINED.format(folder=folder.root))
        ctx = cls(folder, _lock=lock, took_over=lock.stale)
        try:
            with machine_failures_refused(str(folder.root)):
                ctx.recovered = _recover(folder)
        except BaseException:
            ctx.close()
            raise
        return ctx

    @classmethod
    def _start_reading(cls, folder: DataFolder, program: str) -> AppContext:
        root = folder.root
        with machine_failures_refused(str(root)):
            if root.exists() and not root.is_dir():
                raise Refusal(NOT_A_FOLDER.format(where=root))
            ctx = cls(folder, reads_only=True)
            if not ctx.database_exists:
                raise NoData(NO_DATA.format(folder=root))
        setup_logging(folder.logs)
        # Nobody else holds the folder: recover and open while holding it, then let go.
        lock = try_acquire(folder.lock_file, program)
        if lock is None:
            return ctx
        try:
            ctx.took_over = lock.stale
            with machine_failures_refused(str(root)):
                ctx.recovered = _recover(folder)
            ctx.db  # noqa: B018  (opened, and migrated if old, under the lock)
        except BaseException:
            ctx.close()
            raise
        finally:
            lock.release()
        return ctx

    def start_lines(self) -> list[str]:
        """What the command line says on stderr at start: a takeover, then what recovery did."""
        lines = [self.took_over.words(TAKEN_OVER)] if self.took_over is not None else []
        return [*lines, *self.recovered]

    @property
    def database_exists(self) -> bool:
        path = self.folder.database
        return path.exists() and path.stat().st_size > 0

    @property
    def db(self) -> Database:
        if self._db is None:
            from desktop.storage import Database

            self._db = Database.open(
                self.folder.database,
                quick_check=not self.integrity_checked,
                reads_only=self.reads_only,
            )
            log.info("opened %s", self.folder.database)
        return self._db

    @property
    def is_open(self) -> bool:
        """Whether the database has been opened (automatic backups wait for it)."""
        return self._db is not None

    @property
    def door(self) -> Door:
        """The one way in for changes (:mod:`desktop.changes`); it opens the database when used."""
        if self._door is None:
            from desktop.changes import Door

            self._door = Door(lambda: self.db)
        return self._door

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _recover(folder: DataFolder) -> list[str]:
    from desktop.backup.recovery import recover_at_start

    lines = recover_at_start(folder)
    for line in lines:
        log.warning("at start: %s", line)
    return lines
