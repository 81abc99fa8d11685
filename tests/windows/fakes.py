"""Stand-ins for the Windows APIs the app calls, so that its win32 branches run on any machine."""

from __future__ import annotations

import errno
import os
import string
from dataclasses import dataclass, field
from typing import Any

from desktop.backup.targets import DRIVE_FIXED, DRIVE_REMOVABLE

DRIVE_CDROM = 5


@dataclass
class Drive:
    kind: int
    label: str = ""
    has_medium: bool = True


@dataclass
class FakeKernel32:
    """``ctypes.windll.kernel32`` as the drive listing calls it, over a table of drives by letter."""

    drives: dict[str, Drive]
    asked: list[str] = field(default_factory=list)

    def GetLogicalDrives(self) -> int:
        return sum(1 << string.ascii_uppercase.index(letter) for letter in self.drives)

    def GetDriveTypeW(self, root: str) -> int:
        self.asked.append(root)
        return self.drives[root[0]].kind

    def GetVolumeInformationW(self, root: str, name: Any, size: int, *rest: Any) -> int:
        drive = self.drives[root[0]]
        if not drive.has_medium:
            return 0  # ERROR_NOT_READY: an empty card-reader slot
        assert size >= len(drive.label) + 1
        name.value = drive.label
        return 1


def windows_error(winerror: int, message: str = "simulated") -> OSError:
    """An ``OSError`` as Python raises it on Windows: ``errno`` mapped from the Windows code the
    way CPython's PC/errmap.h does (ERROR_NOT_READY → EACCES), ``winerror`` the code itself."""
    mapped = {
        3: errno.ENOENT,
        15: errno.ENOENT,
        19: errno.EACCES,
        21: errno.EACCES,
        112: errno.ENOSPC,
    }
    error = OSError(mapped.get(winerror, errno.EINVAL), message)
    error.winerror = winerror  # type: ignore[attr-defined]  # set by CPython on Windows only
    return error


FIXED = DRIVE_FIXED
REMOVABLE = DRIVE_REMOVABLE


class FakeMsvcrt:
    """Windows's ``msvcrt.locking`` over one table for the whole test: byte ranges of a file
    (by device and inode), each held by one descriptor. ``LK_NBLCK`` on a range another
    descriptor holds fails at once, as Windows does; ``LK_UNLCK`` of a range not held fails too."""

    LK_UNLCK = 0
    LK_NBLCK = 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int, int], int] = {}
        self.calls: list[tuple[int, int, int]] = []  # (mode, offset, bytes)

    def _key(self, fd: int) -> tuple[int, int, int]:
        status = os.fstat(fd)
        return (status.st_dev, status.st_ino, os.lseek(fd, 0, os.SEEK_CUR))

    def locking(self, fd: int, mode: int, nbytes: int, /) -> None:
        key = self._key(fd)
        self.calls.append((mode, key[2], nbytes))
        owner = self.held.get(key)
        if mode == self.LK_NBLCK:
            if owner is not None and owner != fd:
                raise OSError(errno.EACCES, "Permission denied")
            self.held[key] = fd
        elif mode == self.LK_UNLCK:
            if owner != fd:
                raise OSError(errno.EACCES, "Permission denied")
            del self.held[key]
        else:
            raise AssertionError(f"the lock asks only LK_NBLCK and LK_UNLCK, not {mode}")
