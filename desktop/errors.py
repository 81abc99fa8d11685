"""The one error family the clerk reads (từ chối), kept apart from bugs.

A :class:`Refusal` is the app saying no to what was asked, in Vietnamese, before anything was
changed (or after it was all rolled back): bad input, a rule of the plan or the law, a locked
file, a full disk. Everything else that escapes is a bug: the window shows a short apology with
where the log is, the command line prints one line and writes the traceback to ``logs/``.

:func:`refusal_of` turns the failures of the machine underneath (SQLite busy or read-only, a full
or failing disk) into refusals, so that no command and no button ends in a raw traceback.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

MAX_PROBLEMS_SHOWN = 8
NOTHING_CHANGED = "Dữ liệu không thay đổi."


class Refusal(Exception):
    """Something the app will not do as asked; ``str(error)`` is the clerk's message.

    ``problems`` lists what is wrong, one line each, where a list helps (rows of an import,
    fields of a form); :meth:`text` is the message with the list, cut after
    :data:`MAX_PROBLEMS_SHOWN` lines.
    """

    def __init__(self, message: str = "", problems: Iterable[str] = ()) -> None:
        self.problems = list(problems)
        self.message = message or "\n".join(self.problems)
        super().__init__(self.message)

    def text(self) -> str:
        """The message and, unless it already is the list, the problems under it."""
        if not self.problems:
            return self.message
        lines = more_lines(self.problems)
        if self.message == "\n".join(self.problems):
            return "\n".join(lines)
        return "\n".join([self.message, *lines])


def more_lines(lines: list[str], limit: int = MAX_PROBLEMS_SHOWN) -> list[str]:
    """The first ``limit`` lines, then "… và N dòng khác." for the rest."""
    if len(lines) <= limit:
        return list(lines)
    return [*lines[:limit], f"… và {len(lines) - limit} dòng khác."]


class DataBusy(Refusal):
    """Another ThiĐua (or another program) holds the data file for writing."""


class DataReadOnly(Refusal):
    """The data folder or file cannot be written."""


class DiskFailed(Refusal):
    """The disk is full or failed while writing."""


BUSY = (
    "Tệp dữ liệu đang được một cửa sổ hoặc lệnh ThiĐua khác ghi. Hãy đóng cửa sổ kia (hoặc chờ "
    "lệnh kia xong) rồi thử lại. " + NOTHING_CHANGED
)
READ_ONLY = (
    "Không ghi được vào thư mục dữ liệu “{where}”: thư mục hoặc tệp chỉ cho phép đọc. Hãy chọn "
    "thư mục khác hoặc cấp quyền ghi rồi thử lại. " + NOTHING_CHANGED
)
DISK_FULL = (
    "Ổ đĩa chứa “{where}” đã đầy. Hãy giải phóng chỗ trống rồi thử lại. " + NOTHING_CHANGED
)
# The system's own words ("disk I/O error", "Input/output error") are English: the clerk reads
# what they may mean instead. SQLite says it too when a full disk has no room for its -shm file.
DISK_ERROR = (
    "Không ghi được vào “{where}”: lỗi đọc ghi ổ đĩa (ổ đĩa có thể đã đầy hoặc hỏng, hoặc USB đã "
    "bị rút ra). Hãy kiểm tra ổ đĩa hoặc USB rồi thử lại. " + NOTHING_CHANGED
)


def refusal_of(error: BaseException, where: str = "") -> Refusal | None:
    """The refusal that a failure of the database or the disk means to the clerk, or None.

    Reads the driver's own error (SQLAlchemy wraps it in ``.orig``) and ``errno``; the SQL and its
    parameters (a person's name, a phone number) never reach the message.
    """
    if isinstance(error, Refusal):
        return error
    original = getattr(error, "orig", None)
    if isinstance(original, BaseException) and original is not error:
        found = refusal_of(original, where)
        if found is not None:
            return found
    if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError):
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return DataBusy(BUSY)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return DataReadOnly(READ_ONLY.format(where=where))
        if "full" in text:
            return DiskFailed(DISK_FULL.format(where=where))
        if "disk i/o" in text:
            return DiskFailed(DISK_ERROR.format(where=where))
        return None
    if isinstance(error, OSError):
        place = where or (error.filename and str(error.filename)) or ""
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DataReadOnly(READ_ONLY.format(where=place))
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFailed(DISK_FULL.format(where=place))
        if error.errno == errno.EIO:
            return DiskFailed(DISK_ERROR.format(where=place))
    return None


@contextmanager
def machine_failures_refused(where: str = "") -> Iterator[None]:
    """Inside: a database or disk failure leaves as the :class:`Refusal` it means."""
    try:
        yield
    except Refusal:
        raise
    except Exception as error:
        refusal = refusal_of(error, where)
        if refusal is None:
            raise
        raise refusal from error
