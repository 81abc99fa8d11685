"""Where a backup can go: removable drives first (USB sticks), found without any GUI toolkit.

On Windows the drives come from kernel32 (``GetLogicalDrives``, ``GetDriveTypeW``,
``GetVolumeInformationW``): a removable drive with no medium in it (an empty card-reader slot) is
not offered, and a stick is named by its letter and its label (``E:\\ (KINGSTON)``). Elsewhere the
mounted media under ``/media``, ``/run/media`` and ``/Volumes``. The system's interface is passed
in (``kernel``, ``platform``) so that the Windows branch is tested on any machine.
"""

from __future__ import annotations

import getpass
import os
import string
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

DRIVE_REMOVABLE = 2  # GetDriveTypeW: a USB stick, a memory card
DRIVE_FIXED = 3  # the PC's own disks: never offered as "USB"
LABEL_CHARS = 261  # MAX_PATH + 1, what GetVolumeInformationW's name buffer may need

# What Windows says (OSError.winerror) when a drive is gone, full or write-protected. Python maps
# several of these to EACCES (ERROR_NOT_READY among them) or EINVAL, which would word a pulled-out
# stick as "read-only" or in English: the backup's message is chosen from these first.
WINDOWS_DRIVE_GONE = frozenset(
    {
        3,  # ERROR_PATH_NOT_FOUND
        15,  # ERROR_INVALID_DRIVE
        21,  # ERROR_NOT_READY
        55,  # ERROR_DEV_NOT_EXIST
        433,  # ERROR_NO_SUCH_DEVICE
        1006,  # ERROR_FILE_INVALID: the volume of an open file was removed
        1117,  # ERROR_IO_DEVICE
        1167,  # ERROR_DEVICE_NOT_CONNECTED
    }
)
WINDOWS_DRIVE_FULL = frozenset({39, 112})  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
WINDOWS_WRITE_PROTECTED = frozenset({19})  # ERROR_WRITE_PROTECT


@dataclass(frozen=True)
class Target:
    label: str
    path: Path
    removable: bool


class Kernel32(Protocol):
    """The part of ``ctypes.windll.kernel32`` the drive listing calls."""

    def GetLogicalDrives(self) -> int: ...

    def GetDriveTypeW(self, root: str) -> int: ...

    def GetVolumeInformationW(self, root: str, name: Any, size: int, *rest: Any) -> int: ...


def _system_kernel() -> Kernel32:
    import ctypes

    kernel: Kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return kernel


def _volume_label(kernel: Kernel32, root: str) -> str | None:
    """The volume's label ("" when it has none), or None when the drive holds no medium."""
    import ctypes

    buffer = ctypes.create_unicode_buffer(LABEL_CHARS)
    if not kernel.GetVolumeInformationW(root, buffer, LABEL_CHARS, None, None, None, None, 0):
        return None
    return buffer.value.strip()


def windows_drives(kernel: Kernel32 | None = None) -> list[Target]:
    """The removable drives with a medium in them, in letter order."""
    kernel = kernel or _system_kernel()
    mask = kernel.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        if kernel.GetDriveTypeW(root) != DRIVE_REMOVABLE:
            continue
        label = _volume_label(kernel, root)
        if label is None:  # an empty card-reader slot: nothing can be written there
            continue
        found.append(Target(f"{root} ({label})" if label else root, Path(root), True))
    return found


def _mounted_media() -> list[Target]:
    user = getpass.getuser()
    bases = [Path("/media") / user, Path("/run/media") / user, Path("/media"), Path("/Volumes")]
    found: dict[Path, Target] = {}
    for base in bases:
        if not base.is_dir():
            continue
        for entry in sorted(base.iterdir()):
            if entry.is_dir() and os.access(entry, os.W_OK) and entry not in found:
                if base == Path("/media") and entry.name == user:
                    continue
                if base == Path("/Volumes") and entry.is_symlink():  # the system disk
                    continue
                found[entry] = Target(entry.name, entry, True)
    return list(found.values())


def removable_targets(platform: str = sys.platform) -> list[Target]:
    """USB sticks and other removable drives that are plugged in now."""
    try:
        return windows_drives() if platform == "win32" else _mounted_media()
    except OSError:
        return []


def windows_drive_problem(error: OSError) -> str | None:
    """``"gone"``, ``"full"`` or ``"read-only"`` for what Windows said of a drive, else None."""
    code = getattr(error, "winerror", None)
    if code in WINDOWS_DRIVE_GONE:
        return "gone"
    if code in WINDOWS_DRIVE_FULL:
        return "full"
    if code in WINDOWS_WRITE_PROTECTED:
        return "read-only"
    return None
