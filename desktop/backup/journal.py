"""The restore's journal (nhật ký khôi phục): a swap of the data that a kill cannot leave half done.

A restore replaces up to four items of the data folder — the database, ``attachments/``,
``documents/`` and ``window.ini`` — with the backup's copies, which wait extracted and checked in
the restore's scratch folder (``.restore-*``). Before each step of the swap the journal
``<data>/restore.journal`` is rewritten (atomically, flushed to the disk) with the plan and the
step about to begin, so that the next start (:mod:`desktop.backup.recovery`) knows what was asked
and can look at the disk to see how far it got.

The database is swapped first and is the point of no return: its new file replaces the old one in
one ``os.replace`` (the old one is kept by a hard link, or a copy where the disk has no links), so
until that step the old data is whole and the restore is rolled back; after it, the remaining items
are rolled forward — as long as every new item is still in the scratch folder or already in place.
Otherwise (a new item is gone) the old items are put back.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from desktop.paths import DATABASE_NAME

log = logging.getLogger("thidua.backup")
JOURNAL_NAME = "restore.journal"
ASIDE = "previous"  # where, in the scratch folder, the current items are kept during the swap
PREPARED = "prepared"  # the journal's step before any item was touched
ASIDE_STEP, IN_STEP = "aside", "in"


class JournalUnreadable(Exception):
    """The journal file exists but cannot be understood: nothing may be swept or moved."""


@dataclass(frozen=True)
class SwapItem:
    """One item of the data folder a restore replaces.

    ``live`` is its name in the data folder, ``new`` where the backup's copy waits (relative to the
    scratch folder), ``aside`` where the current one is kept; ``link`` is set for the database,
    whose old file stays in place (kept by a link) until the atomic replace.
    """

    live: str
    new: str
    link: bool = False

    @property
    def aside(self) -> str:
        return f"{ASIDE}/{self.live}"

    def steps(self) -> tuple[str, str]:
        return f"{self.live}:{ASIDE_STEP}", f"{self.live}:{IN_STEP}"


@dataclass
class Journal:
    """The plan of one restore's swap and the step it began last."""

    scratch: str  # the scratch folder's name at the data folder's top
    source: str  # the backup file restored from
    made_at: str  # when that backup was made (ISO, as in its manifest)
    items: list[SwapItem] = field(default_factory=list)
    step: str = PREPARED

    @property
    def order(self) -> list[str]:
        return [PREPARED, *(step for item in self.items for step in item.steps())]

    def begun(self, step: str) -> bool:
        """Whether the swap had reached ``step`` (begun, maybe not finished) when it stopped."""
        return self.order.index(self.step) >= self.order.index(step)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Journal:
        try:
            data = json.loads(raw.decode("utf-8"))
            items = [
                SwapItem(str(i["live"]), str(i["new"]), bool(i["link"])) for i in data["items"]
            ]
            journal = cls(str(data["scratch"]), str(data["source"]), str(data["made_at"]), items)
            journal.step = str(data["step"])
            journal.order.index(journal.step)  # a step not in the plan: not our journal
            _check_names(journal)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise JournalUnreadable(str(error)) from error
        return journal


def _check_names(journal: Journal) -> None:
    """Only our own layout: a crafted journal must not move anything outside the data folder."""
    if not journal.scratch.startswith(".restore-") or "/" in journal.scratch:
        raise ValueError(f"scratch {journal.scratch!r}")
    allowed = {DATABASE_NAME, "attachments", "documents", "window.ini"}
    for item in journal.items:
        parts = item.new.split("/")
        if item.live not in allowed or any(p in ("", ".", "..") for p in parts):
            raise ValueError(f"item {item!r}")


def journal_path(root: Path) -> Path:
    return root / JOURNAL_NAME


def fsync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (Windows journals them itself and has no handle)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_journal(root: Path, journal: Journal) -> None:
    """Replace the journal atomically and flush it, with the renames made before it."""
    scratch = root / journal.scratch
    part = scratch / f"{JOURNAL_NAME}.part"
    with part.open("wb") as handle:
        handle.write(journal.to_json())
        handle.flush()
        os.fsync(handle.fileno())
    fsync_folder(scratch)  # the previous step's renames into the scratch folder
    os.replace(part, journal_path(root))
    fsync_folder(root)


def read_journal(root: Path) -> Journal | None:
    path = journal_path(root)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    return Journal.from_json(raw)


def remove_journal(root: Path) -> None:
    journal_path(root).unlink(missing_ok=True)
    fsync_folder(root)


# -- the steps --------------------------------------------------------------------------------


def _paths(root: Path, journal: Journal, item: SwapItem) -> tuple[Path, Path, Path]:
    scratch = root / journal.scratch
    return root / item.live, scratch.joinpath(*item.new.split("/")), scratch / ASIDE / item.live


def _keep_by_link(live: Path, aside: Path) -> None:
    """Keep the current database under ``aside`` while it stays in place."""
    try:
        os.link(live, aside)
        return
    except OSError:  # FAT32 sticks (portable mode) have no hard links: a flushed copy instead
        pass
    part = aside.with_name(f"{aside.name}.part")
    shutil.copyfile(live, part)
    with part.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(part, aside)


def _put_aside(root: Path, journal: Journal, item: SwapItem) -> None:
    live, _, aside = _paths(root, journal, item)
    if not live.exists() or aside.exists():
        return  # nothing there now, or already kept
    aside.parent.mkdir(exist_ok=True)
    if item.link:
        _keep_by_link(live, aside)
    else:
        os.replace(live, aside)


def _move_in(root: Path, journal: Journal, item: SwapItem) -> None:
    live, new, _ = _paths(root, journal, item)
    if new.exists():
        os.replace(new, live)


def swap(root: Path, journal: Journal) -> None:
    """Run every step, the journal written before each; raises the disk's ``OSError``."""
    for item in journal.items:
        for step, action in zip(item.steps(), (_put_aside, _move_in), strict=True):
            journal.step = step
            write_journal(root, journal)
            action(root, journal, item)
    fsync_folder(root)
    fsync_folder(root / journal.scratch)


def _moved_in(root: Path, journal: Journal, item: SwapItem) -> bool:
    live, new, _ = _paths(root, journal, item)
    return journal.begun(item.steps()[1]) and not new.exists() and live.exists()


def committed(root: Path, journal: Journal) -> bool:
    """Whether the new database is in place: from then on the restore is finished, not undone."""
    database = next((i for i in journal.items if i.live == DATABASE_NAME), None)
    return database is not None and _moved_in(root, journal, database)


def can_finish(root: Path, journal: Journal) -> bool:
    """Every new item is still waiting in the scratch folder or already in its place."""
    return all(
        _paths(root, journal, item)[1].exists() or _moved_in(root, journal, item)
        for item in journal.items
    )


def roll_forward(root: Path, journal: Journal) -> None:
    """Finish the swap: the items not yet replaced are kept aside and the new ones moved in."""
    for item in journal.items:
        # An item already moved in stays: where the folder had no old one (a window.ini never
        # saved, a restore onto an empty folder) nothing is aside, and putting it aside now would
        # send the backup's own copy off with the scratch folder.
        if _moved_in(root, journal, item):
            continue
        _put_aside(root, journal, item)
        _move_in(root, journal, item)
    fsync_folder(root)


def roll_back(root: Path, journal: Journal) -> None:
    """Undo the swap: each new item moved in goes back to the scratch, the old one to its place."""
    for item in reversed(journal.items):
        live, new, aside = _paths(root, journal, item)
        if _moved_in(root, journal, item):
            new.parent.mkdir(parents=True, exist_ok=True)
            os.replace(live, new)
        # The database's old file may still be in place (its link was only a keepsake).
        if aside.exists() and not live.exists():
            os.replace(aside, live)
    fsync_folder(root)
