"""Saving the returned collection workbooks (biểu mẫu đã điền) of one import, file by file.

Each accepted file is saved whole or not at all, in a transaction of its own, so that a file
refused at this point (the quarter was locked meanwhile, a unit's reporting period changed …)
gets its reason and does not hold back the others, and so that a disk that fails or fills on the
seventh file leaves the six before it saved — and says so, file by file, in the clerk's words.
The files saved are then one undoable step (Ctrl+Z takes the whole import back), even when the
import was cut short.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from desktop.changes import Door
from desktop.errors import NOTHING_CHANGED, DataBusy, DataReadOnly, DiskFailed, Refusal
from desktop.indicators.ops import import_file, record_import, values_changed
from desktop.indicators.rules import Pair
from desktop.indicators.values import Key, ValueChange
from desktop.text import wording

MACHINE_FAILURES = (DataBusy, DataReadOnly, DiskFailed)


class ReturnedFile(Protocol):
    """One returned workbook as the Excel reader judged it (``excel.values_import.FileResult``)."""

    path: Path
    changes: list[ValueChange]
    errors: list[str]
    saved: bool

    @property
    def ok(self) -> bool: ...


class ImportInterrupted(Refusal):
    """The disk (or the data file) failed in the middle of an import: the files saved before it
    stay saved, the others were not saved; ``problems`` names them."""

    def __init__(self, failure: Refusal, saved: list[str], unsaved: list[str]) -> None:
        cause = failure.message.replace(NOTHING_CHANGED, "").strip()
        if saved:
            outcome = (
                f"Đã lưu {wording.count(len(saved))} tệp trước khi gặp lỗi; "
                f"{wording.count(len(unsaved))} tệp chưa được lưu, số liệu của các tệp đó giữ "
                "nguyên như trước. Sau khi khắc phục, hãy nhập lại các tệp chưa lưu."
            )
        else:
            outcome = (
                "Chưa lưu được tệp nào; số liệu giữ nguyên như trước khi nhập. Sau khi khắc phục, "
                "hãy nhập lại các tệp."
            )
        problems = [f"Đã lưu: {name}" for name in saved]
        problems += [f"Chưa lưu: {name}" for name in unsaved]
        super().__init__(f"Nhập biểu mẫu bị dừng giữa chừng. {cause} {outcome}", problems)
        self.saved = saved
        self.unsaved = unsaved

    def text(self) -> str:
        # Every file is named: the clerk needs the whole list to know what to import again.
        return "\n".join([self.message, *self.problems])


def save_returned(door: Door, results: Sequence[ReturnedFile], year: int, quarter: int) -> int:
    """Save every accepted file with changes, each in its own transaction; returns the values saved.

    A file refused while saving gets the reason in its ``errors``. A busy, read-only or failing
    disk stops the import with :class:`ImportInterrupted`, naming the files saved and not saved.
    """
    before: dict[Key, Pair] = {}
    saved: list[ValueChange] = []
    pending = [r for r in results if r.ok and r.changes]
    try:
        for n, result in enumerate(pending):
            try:
                replaced = door.run(import_file(result.changes, year, quarter))
            except MACHINE_FAILURES as failure:
                raise ImportInterrupted(
                    failure,
                    [r.path.name for r in pending[:n] if r.saved],
                    [r.path.name for r in pending[n:]],
                ) from failure
            except Refusal as error:
                result.errors.append(str(error))
                continue
            result.saved = True
            saved += result.changes
            for key, pair in replaced.items():
                before.setdefault(key, pair)
    finally:
        if saved:
            _record(door, year, quarter, saved, before, sum(r.saved for r in pending))
    return len(saved)


def _record(
    door: Door,
    year: int,
    quarter: int,
    saved: list[ValueChange],
    before: dict[Key, Pair],
    files: int,
) -> None:
    """What was saved is one step to take back, and the pages learn of it at once; a data file
    that cannot even begin a transaction now loses the undo step, never the announcement."""
    try:
        door.run(record_import(year, quarter, saved, before, files))
    except Refusal:
        door.announce(values_changed(c.unit_id for c in saved))
