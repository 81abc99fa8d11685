"""Where a backup can go: removable drives first (USB sticks), found without any GUI toolkit."""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from pathlib import Path

DRIVE_REMOVABLE = 2  # GetDriveTypeW


@dataclass(frozen=True)
class Target:
    label: str
    path: Path
    removable: bool


def _windows_drives() -> list[Target]:
    import ctypes
    import string

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    found = []
    for index, letter in enumerate(string.ascii_uppercase):
        if not mask & (1 << index):
            continue
        root = f"{letter}:\\"
        if kernel.GetDriveTypeW(root) == DRIVE_REMOVABLE:
            found.append(Target(root, Path(root), True))
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


def removable_targets() -> list[Target]:
    """USB sticks and other removable drives that are plugged in now."""
    try:
        return _windows_drives() if sys.platform == "win32" else _mounted_media()
    except OSError:
        return []
