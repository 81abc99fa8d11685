"""One process per data folder (một thư mục dữ liệu, một chương trình): the lock file.

The window holds ``thidua.lock`` for its whole run and every writing command for its own. The
lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows), so a process
that crashes or is killed frees it with no one's help. The file also records who holds it —
the window or which command, the process id, the machine's name and since when — so that the
second one is told whom to wait for, in the clerk's words.

A record whose lock is free was left by a holder that ended without tidying (a crash, a power
cut): it is *stale*. Taking the lock then says so — the command line on stderr, the window by
asking first — and the start-up sweep (:mod:`desktop.backup.recovery`) puts the folder in order.

Within one process the lock is re-entrant: the window and the tests open the same data folder
several times (a context per test, the command line run in-process beside an open context), and
an OS lock taken twice by one process would refuse the process itself. The count is kept per
resolved path; the file is unlocked and its record cleared when the last holder lets go.
"""

from __future__ import annotations

import errno
import importlib
import json
import logging
import os
import socket
import stat
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Protocol, cast

from desktop.errors import NOTHING_CHANGED, DataBusy, Refusal

log = logging.getLogger("thidua.storage")

WINDOW = "cửa sổ"
# Windows locks a byte range and refuses reads of a locked range: the lock is taken on one byte
# far past the record, so that the second process can still read who holds the folder.
WINDOWS_LOCK_OFFSET = 1 << 30

HELD_BY = (
    "Thư mục dữ liệu “{folder}” đang được {program} ThiĐua trên máy {machine} mở từ {since} "
    "(tiến trình {pid}). Hãy đóng {closing} rồi thử lại. " + NOTHING_CHANGED
)
HELD_BY_UNKNOWN = (
    "Thư mục dữ liệu “{folder}” đang được một cửa sổ hoặc lệnh ThiĐua khác mở. Hãy đóng cửa sổ "
    "kia (hoặc chờ lệnh kia xong) rồi thử lại. " + NOTHING_CHANGED
)
STALE = (
    "Lần trước ThiĐua bị tắt đột ngột ({program} trên máy {machine}, mở từ {since}, tiến trình "
    "{pid}) nên thư mục dữ liệu còn ghi là đang mở."
)
TAKEN_OVER = STALE + " Chương trình đã tiếp quản thư mục dữ liệu."
FOREIGN = (
    "Trong thư mục dữ liệu “{folder}”, “{name}” không phải tệp khóa của ThiĐua mà là {what}. "
    "Chương trình không ghi vào đó để khỏi làm hỏng tệp khác. Hãy xóa riêng mục “{name}” rồi thử "
    "lại. " + NOTHING_CHANGED
)
A_LINK = "một lối tắt (liên kết) tới nơi khác"
A_FOLDER = "một thư mục"
NOT_A_FILE = "một mục không phải tệp thường"


def program_of_command(words: str) -> str:
    """How a command names itself in the record: lệnh “units import”."""
    return f"lệnh “{words}”"


@dataclass(frozen=True)
class Holder:
    """Who holds (or, for a stale record, last held) a data folder."""

    program: str
    pid: int
    machine: str
    since: datetime

    @classmethod
    def this_process(cls, program: str) -> Holder:
        # The moment the machine's clock shows, not the app's "hôm nay" (THIDUA_TODAY dates
        # records of the ward): the clerk compares it with the clock on the wall.
        return cls(
            program, os.getpid(), socket.gethostname(), datetime.now().replace(microsecond=0)
        )

    def to_text(self) -> str:
        record = {
            "program": self.program,
            "pid": self.pid,
            "machine": self.machine,
            "since": self.since.isoformat(),
        }
        return json.dumps(record, ensure_ascii=False)

    @classmethod
    def from_text(cls, text: str) -> Holder | None:
        """The record in the file, or None (empty: free; unreadable: written by something else)."""
        try:
            record = json.loads(text)
            return cls(
                str(record["program"]),
                int(record["pid"]),
                str(record["machine"]),
                datetime.fromisoformat(str(record["since"])),
            )
        except (ValueError, TypeError, KeyError):
            return None

    def since_text(self) -> str:
        """08:15, or 08:15 ngày 30/11/2026 when it was not today."""
        hour = self.since.strftime("%H:%M")
        if self.since.date() == datetime.now().date():
            return hour
        return f"{hour} ngày {self.since.strftime('%d/%m/%Y')}"

    def words(self, template: str) -> str:
        return template.format(
            program=self.program, machine=self.machine, since=self.since_text(), pid=self.pid
        )


class FolderInUse(DataBusy):
    """Another window or command holds the data folder."""

    def __init__(self, folder: Path, holder: Holder | None) -> None:
        self.holder = holder
        if holder is None:
            message = HELD_BY_UNKNOWN.format(folder=folder)
        else:
            closing = "cửa sổ kia" if holder.program == WINDOW else "lệnh kia (hoặc chờ lệnh xong)"
            message = HELD_BY.format(
                folder=folder,
                program=holder.program,
                machine=holder.machine,
                since=holder.since_text(),
                pid=holder.pid,
                closing=closing,
            )
        super().__init__(message)


class ForeignLockFile(Refusal):
    """The lock's name is taken by something the app did not make: a link, a folder, a device."""

    def __init__(self, lock_file: Path, what: str) -> None:
        super().__init__(FOREIGN.format(folder=lock_file.parent, name=lock_file.name, what=what))


def _place(lock_file: Path) -> Path:
    """The lock file's own path, its folder resolved: resolving the name itself would follow a
    link planted under it, and the record would be written over the file it points to."""
    return lock_file.parent.resolve() / lock_file.name


def read_holder(lock_file: Path) -> Holder | None:
    """Who the lock file says holds the folder (None: nobody recorded, or no file)."""
    try:
        text = lock_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Holder.from_text(text)


# -- the operating system's lock -------------------------------------------------------------------


ON_WINDOWS = sys.platform == "win32"


class _Msvcrt(Protocol):
    """The part of Windows's ``msvcrt`` the lock uses (a stand-in replaces it in tests)."""

    LK_NBLCK: int
    LK_UNLCK: int

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None: ...


def _msvcrt() -> _Msvcrt:
    return cast(_Msvcrt, importlib.import_module("msvcrt"))


def _try_os_lock(handle: IO[bytes]) -> bool:
    """Take the lock without waiting; False when another process holds it."""
    if ON_WINDOWS:
        msvcrt = _msvcrt()
        handle.seek(WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(handle: IO[bytes]) -> None:
    if ON_WINDOWS:
        msvcrt = _msvcrt()
        handle.seek(WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.seek(0)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _open(path: Path) -> IO[bytes]:
    # "a+": created when missing, never truncated before the lock is ours; kept open while held.
    # Bytes, not text: Windows locks at an offset far past the record, and a text file cannot
    # seek to an arbitrary offset. Never through a link, and only a plain file: the record is
    # written over whatever the name opens (measured: a link to another file emptied that file;
    # a folder under the name ended in "lỗi không lường trước").
    if path.is_symlink():  # Windows has no O_NOFOLLOW; on POSIX the flag closes the race too
        raise ForeignLockFile(path, A_LINK)
    flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666)
    except IsADirectoryError:
        raise ForeignLockFile(path, A_FOLDER) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ForeignLockFile(path, A_LINK) from None
        if ON_WINDOWS and path.is_dir():  # Windows says "permission denied" for a folder
            raise ForeignLockFile(path, A_FOLDER) from None
        raise
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):  # a FIFO would hang the read of the record
        os.close(descriptor)
        raise ForeignLockFile(path, NOT_A_FILE)
    try:
        return os.fdopen(descriptor, "a+b")
    except BaseException:
        os.close(descriptor)
        raise


def _write_record(handle: IO[bytes], holder: Holder | None) -> None:
    # No fsync: the record only tells a second process whom to name; after a power cut an empty
    # record merely means the next start is not told that the last one ended abruptly.
    handle.seek(0)
    handle.truncate()
    if holder is not None:
        handle.write(holder.to_text().encode("utf-8"))
    handle.flush()


# -- held locks, counted per process ---------------------------------------------------------------


@dataclass
class _Held:
    handle: IO[bytes]
    holder: Holder
    count: int


_held: dict[Path, _Held] = {}
# Re-entrant: the window asks about a stale lock (a modal dialog, an event loop) while holding it.
_guard = threading.RLock()


@dataclass
class FolderLock:
    """One hold of a data folder's lock; :meth:`release` lets go of it (once)."""

    path: Path
    holder: Holder
    # The record a crashed holder left, when this hold took the folder over from it.
    stale: Holder | None = None
    released: bool = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            held = _held.get(self.path)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[self.path]
            try:
                _write_record(held.handle, None)  # a clean end leaves no stale record behind
                _os_unlock(held.handle)
            except OSError as error:  # closing the file frees the lock all the same
                log.warning("could not clear the lock file %s: %s", self.path, error)
            finally:
                held.handle.close()


TakeOver = Callable[[Holder], bool]


def _take_over_always(stale: Holder) -> bool:
    return True


def acquire(
    lock_file: Path, program: str, take_over: TakeOver = _take_over_always
) -> FolderLock | None:
    """Hold ``lock_file`` for ``program``; None when ``take_over`` declined a stale record.

    Raises :class:`FolderInUse` naming the holder when another process holds it, and the disk's
    ``OSError`` when the file cannot be made (a read-only or full disk), and
    :class:`ForeignLockFile` when its name is taken by a link, a folder or a device.
    """
    path = _place(lock_file)
    with _guard:
        held = _held.get(path)
        if held is not None:
            held.count += 1
            return FolderLock(path, held.holder)
        handle = _open(path)
        try:
            if not _try_os_lock(handle):
                raise FolderInUse(path.parent, read_holder(path))
            handle.seek(0)
            stale = Holder.from_text(handle.read().decode("utf-8", errors="replace"))
            if stale is not None and not take_over(stale):
                _os_unlock(handle)
                handle.close()
                return None
            holder = Holder.this_process(program)
            _write_record(handle, holder)
        except BaseException:
            handle.close()
            raise
        _held[path] = _Held(handle, holder, 1)
    if stale is not None:
        log.warning(
            "took over %s from %s (pid %d), which ended abruptly", path, stale.program, stale.pid
        )
    return FolderLock(path, holder, stale)


def try_acquire(lock_file: Path, program: str) -> FolderLock | None:
    """Hold the lock if nobody else does (None: another holds it, or it cannot be made)."""
    try:
        return acquire(lock_file, program)
    except (FolderInUse, ForeignLockFile, OSError):
        return None


def held_here(lock_file: Path) -> bool:
    """Whether this process holds ``lock_file`` now."""
    with _guard:
        return _place(lock_file) in _held
