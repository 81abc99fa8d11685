"""What every start does to the data folder before its database opens (dọn dẹp khi khởi động).

Called by the window and by every command once the data folder's lock is held
(:mod:`desktop.context`), so that no other process can be using what is removed here. It removes
what a crash leaves behind — the scratch folders of a backup (``.backup-*``), of a restore
(``.restore-*``) or of a trial restore (``.restore-test-*``), the data folder's temporary area
(``.tmp/``), a half-received attachment (``attachments/**/.incoming-*``) — and says what it
removed, in the clerk's words.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.paths import DataFolder
from desktop.text import wording

log = logging.getLogger("thidua.backup")
# Names of the scratch items a backup or a restore makes at the data folder's top.
DEBRIS_PREFIXES = (".backup-", ".restore-test-", ".restore-")
INCOMING_PREFIX = ".incoming-"


@dataclass(frozen=True)
class Removed:
    """One item a crash left behind, and how many bytes removing it gave back."""

    path: Path
    size: int


def _size(path: Path) -> int:
    if path.is_symlink() or not path.is_dir():
        try:
            return path.lstat().st_size
        except OSError:
            return 0
    total = 0
    for item in path.rglob("*"):
        try:
            if item.is_file() and not item.is_symlink():
                total += item.stat().st_size
        except OSError:
            continue
    return total


def debris(folder: DataFolder) -> Iterator[Path]:
    """What a crash left in the data folder (nothing here is ever part of the data)."""
    root = folder.root
    if not root.is_dir():
        return
    for item in sorted(root.iterdir()):
        if item.name.startswith(DEBRIS_PREFIXES):
            yield item
    if folder.scratch.is_dir():
        yield from sorted(folder.scratch.iterdir())
    if folder.attachments.is_dir():
        yield from sorted(folder.attachments.rglob(f"{INCOMING_PREFIX}*"))


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def sweep(folder: DataFolder) -> list[Removed]:
    """Remove every item :func:`debris` finds; an item that cannot be removed is kept and logged."""
    removed: list[Removed] = []
    for item in list(debris(folder)):
        size = _size(item)
        try:
            _remove(item)
        except OSError as error:
            log.warning("could not remove %s left by a crash: %s", item, error)
            continue
        log.info("removed %s (%d bytes) left by an earlier crash", item, size)
        removed.append(Removed(item, size))
    return removed


def swept_line(removed: list[Removed]) -> str | None:
    """ "Đã dọn 3 mục tạm (1,2 GB) do lần chạy trước bị ngắt giữa chừng." or None."""
    if not removed:
        return None
    size = sum(item.size for item in removed)
    return (
        f"Đã dọn {wording.count(len(removed))} mục tạm ({wording.size(size)}) do lần chạy trước "
        "bị ngắt giữa chừng."
    )


def recover_at_start(folder: DataFolder) -> list[str]:
    """Put the data folder in order before its database opens; the clerk's lines of what was done."""
    lines: list[str] = []
    line = swept_line(sweep(folder))
    if line is not None:
        lines.append(line)
    return lines
