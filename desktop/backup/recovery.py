"""What every start does to the data folder before its database opens (dọn dẹp khi khởi động).

Called by the window and by every command once the data folder's lock is held
(:mod:`desktop.context`), so that no other process can be using what is removed here. It removes
what a crash leaves behind — the scratch folders of a backup (``.backup-*``), of a restore
(``.restore-*``) or of a trial restore (``.restore-test-*``), the data folder's temporary area
(``.tmp/``), a half-received attachment (``attachments/**/.incoming-*``) — and says what it
removed, in the clerk's words.

First of all it finishes a restore that was stopped in the middle of its swap
(:mod:`desktop.backup.journal`): rolled forward once the new database is in place, rolled back
before; the scratch folder such a restore still needs is never swept.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.backup.journal import (
    Journal,
    JournalUnreadable,
    can_finish,
    committed,
    read_journal,
    remove_journal,
    roll_back,
    roll_forward,
)
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


def debris(folder: DataFolder, keep: frozenset[Path] = frozenset()) -> Iterator[Path]:
    """What a crash left in the data folder (nothing here is ever part of the data).

    ``keep`` names the scratch folders an unfinished restore still needs.
    """
    root = folder.root
    if not root.is_dir():
        return
    for item in sorted(root.iterdir()):
        if item.name.startswith(DEBRIS_PREFIXES) and item not in keep:
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


def sweep(folder: DataFolder, keep: frozenset[Path] = frozenset()) -> list[Removed]:
    """Remove every item :func:`debris` finds; an item that cannot be removed is kept and logged."""
    removed: list[Removed] = []
    for item in list(debris(folder, keep)):
        size = _size(item)
        try:
            _remove(item)
        except OSError as error:
            log.warning("could not remove %s left by a crash: %s", item, error)
            continue
        log.info("removed %s (%d bytes) left by an earlier crash", item, size)
        removed.append(Removed(item, size))
    return removed


# What each leftover was, in the clerk's words, by its name's start (the longest prefix first).
KINDS = (
    (".restore-test-", "lần khôi phục thử dở dang"),
    (".restore-", "lần khôi phục dở dang"),
    (".backup-", "lần sao lưu dở dang"),
    ("verify-", "lần kiểm tra bản sao lưu dở dang"),
    (INCOMING_PREFIX, "tệp đính kèm chép vào dở dang"),
)
OTHER_KIND = "tệp tạm"


def kind_of(item: Path) -> str:
    return next((kind for prefix, kind in KINDS if item.name.startswith(prefix)), OTHER_KIND)


def swept_line(removed: list[Removed]) -> str | None:
    """ "Đã dọn 3 mục tạm (1,2 GB) do lần chạy trước bị ngắt giữa chừng: …" or None.

    The kinds are named (a backup, a restore, a trial restore cut short), so that the clerk knows
    what the crash interrupted — only a temporary copy went, never the data — and what to redo.
    """
    if not removed:
        return None
    size = sum(item.size for item in removed)
    counts: dict[str, int] = {}
    for item in removed:
        kind = kind_of(item.path)
        counts[kind] = counts.get(kind, 0) + 1
    kinds = "; ".join(
        kind if n == 1 else f"{kind} ({wording.count(n)} mục)" for kind, n in counts.items()
    )
    return (
        f"Đã dọn {wording.count(len(removed))} mục tạm ({wording.size(size)}) do lần chạy trước "
        f"bị ngắt giữa chừng: {kinds}."
    )


FINISHED = (
    "Lần khôi phục trước bị ngắt: đã hoàn tất khôi phục từ “{source}” (bản sao lưu lúc {made})."
)
ROLLED_BACK = (
    "Lần khôi phục trước bị ngắt: đã trả lại dữ liệu như trước khi khôi phục "
    "(từ “{source}” chưa khôi phục)."
)
STUCK = (
    "Lần khôi phục trước bị ngắt và chưa sắp xếp lại được thư mục dữ liệu ({why}). Các tệp cũ "
    "và mới được giữ nguyên trong “{scratch}”; hãy đóng các chương trình khác đang mở thư mục dữ "
    "liệu rồi mở lại ThiĐua."
)
UNREADABLE = (
    "Không đọc được nhật ký khôi phục “{journal}”; các thư mục .restore-* được giữ nguyên để không "
    "mất dữ liệu. Hãy liên hệ người hỗ trợ trước khi xóa chúng."
)


def _made_at(journal: Journal) -> str:
    try:
        return wording.date_time(datetime.fromisoformat(journal.made_at))
    except ValueError:
        return journal.made_at


def finish_restore(folder: DataFolder) -> tuple[str | None, frozenset[Path]]:
    """Roll an unfinished restore forward or back; its line, and the scratch folders to keep."""
    root = folder.root
    try:
        journal = read_journal(root)
    except (JournalUnreadable, OSError) as error:
        log.error("restore journal unreadable: %s", error)
        keep = frozenset(p for p in root.iterdir() if p.name.startswith(".restore-"))
        return UNREADABLE.format(journal=root / "restore.journal"), keep
    if journal is None:
        return None, frozenset()
    scratch = root / journal.scratch
    source = Path(journal.source).name
    try:
        if committed(root, journal) and can_finish(root, journal):
            roll_forward(root, journal)
            line = FINISHED.format(source=source, made=_made_at(journal))
        else:
            roll_back(root, journal)
            line = ROLLED_BACK.format(source=source)
        remove_journal(root)
    except OSError as error:
        log.error("unfinished restore from %s could not be settled: %s", journal.source, error)
        return STUCK.format(why=error.strerror or error, scratch=scratch), frozenset({scratch})
    log.warning("unfinished restore from %s settled at start: %s", journal.source, line)
    return line, frozenset()


def recover_at_start(folder: DataFolder) -> list[str]:
    """Put the data folder in order before its database opens; the clerk's lines of what was done.

    An unfinished restore is settled first, so that the sweep never removes what it still needs.
    """
    lines: list[str] = []
    restored, keep = finish_restore(folder) if folder.root.is_dir() else (None, frozenset())
    if restored is not None:
        lines.append(restored)
    swept = [item for item in sweep(folder, keep) if item.path != folder.viewer]
    line = swept_line(swept)
    if line is not None:
        lines.append(line)
    return lines
