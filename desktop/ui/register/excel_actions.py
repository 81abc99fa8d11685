"""Excel on the "Đơn vị" page: import through a preview, export, and the blank template.

Both rosters (units, persons) are imported the same way: read and checked off the GUI thread
with a cancellable progress dialog, shown in the preview, then written by the roster's one door
operation (:meth:`desktop.excel.units_import.RosterImport.operation`): one transaction, all rows
or none. The door tells the page what was written; the page's undo history is emptied after an
import, since the steps taken before it may not fit the register it produced.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.context import AppContext
from desktop.excel.common import ExcelInputError
from desktop.excel.units_export import export_units, write_template
from desktop.excel.units_import import UNIT_IMPORT, ImportPlan, RosterImport, RowStatus
from desktop.excel.units_persons import PERSON_IMPORT
from desktop.text.wording import count
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.register.table import TableColumn
from desktop.ui.texts import units as t
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.file_dialogs import Purpose, open_file, save_file
from desktop.ui.widgets.import_preview import COLUMNS as PREVIEW_UNITS
from desktop.ui.widgets.import_preview import PERSON_COLUMNS as PREVIEW_PERSONS
from desktop.ui.widgets.import_preview import ImportPreviewDialog


@dataclass(frozen=True)
class ImportKind:
    """One roster as the page imports it: the roster's own mechanism and its words on screen."""

    roster: RosterImport[Any, Any]
    columns: Sequence[TableColumn[Any]]
    writing: str
    done: str


UNITS = ImportKind(UNIT_IMPORT, PREVIEW_UNITS, t.IMPORTING, t.IMPORT_DONE)
PERSONS = ImportKind(PERSON_IMPORT, PREVIEW_PERSONS, t.IMPORTING_PERSONS, t.IMPORT_PERSONS_DONE)


class UnitExcelActions:
    """The Excel actions of ``parent`` (the page): ``say`` writes its status line. An import
    empties the register's undo history itself (``Done.forget``)."""

    def __init__(self, parent: QWidget, ctx: AppContext, say: Callable[[str], None]) -> None:
        self.parent = parent
        self.ctx = ctx
        self._say = say
        self.operation: Operation | None = None
        self.preview: ImportPreviewDialog | None = None
        self._roster: Any = None
        self._kind = UNITS

    # -- file choice -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        name = open_file(self.parent, self.ctx, Purpose.EXCEL_IMPORT, t.IMPORT_CHOOSE, t.EXCEL_FILTER)
        if name:
            self.import_file(Path(name))

    def choose_import_persons(self) -> None:
        name = open_file(
            self.parent, self.ctx, Purpose.EXCEL_IMPORT, t.IMPORT_PERSONS_CHOOSE, t.EXCEL_FILTER
        )
        if name:
            self.import_file(Path(name), persons=True)

    def choose_export(self) -> None:
        name = save_file(
            self.parent, self.ctx, Purpose.EXCEL_EXPORT, t.EXPORT_CHOOSE, t.EXPORT_DEFAULT_NAME,
            t.EXCEL_FILTER,
        )  # fmt: skip
        if name:
            self.export_to(_with_suffix(Path(name)))

    def choose_template(self) -> None:
        name = save_file(
            self.parent, self.ctx, Purpose.EXCEL_EXPORT, t.TEMPLATE_CHOOSE,
            t.TEMPLATE_DEFAULT_NAME, t.EXCEL_FILTER,
        )  # fmt: skip
        if name:
            self.save_template(_with_suffix(Path(name)))

    # -- import ----------------------------------------------------------------------------------
    def import_file(self, path: Path, *, persons: bool = False) -> None:
        """Read and check ``path`` in the background, then show the preview."""
        kind = self._kind = PERSONS if persons else UNITS

        def work(progress: Progress) -> tuple[Any, ImportPlan[Any]]:
            roster = kind.roster.read(path, progress)
            return roster, self.ctx.door.read(kind.roster.preview(roster))

        self.operation = run_with_progress(
            self.parent, work, self._show_preview, self._failed(t.IMPORT_FAILED_TITLE), t.READING
        )

    def _show_preview(self, result: tuple[Any, ImportPlan[Any]]) -> None:
        self._roster, plan = result
        self.preview = ImportPreviewDialog(plan, self.parent, self._kind.columns)
        self.preview.accepted.connect(self._write)
        self.preview.open()

    def _write(self) -> None:
        assert self._roster is not None and self.preview is not None  # set by _show_preview
        roster, skip, kind = self._roster, self.preview.skip, self._kind

        def work(progress: Progress) -> ImportPlan[Any]:
            operation = kind.roster.operation(roster, skip_errors=skip, progress=progress)
            return self.ctx.door.run(operation)

        self.operation = run_with_progress(
            self.parent,
            work,
            lambda plan: self._imported(plan, kind),
            self._failed(t.IMPORT_FAILED_TITLE),
            kind.writing,
        )

    def _imported(self, plan: ImportPlan[Any], kind: ImportKind) -> None:
        new, updated = plan.count(RowStatus.NEW), plan.count(RowStatus.UPDATE)
        text = kind.done.format(file=plan.file_name, new=count(new), updated=count(updated))
        self._say(text if new or updated else t.IMPORT_NOTHING)

    # -- export ----------------------------------------------------------------------------------
    def export_to(self, path: Path) -> None:
        def work(progress: Progress) -> int:
            return self.ctx.door.read(lambda session: export_units(session, path, progress))

        self.operation = run_with_progress(
            self.parent,
            work,
            lambda number: self._say(t.EXPORT_DONE.format(count=count(number), path=path)),
            self._failed(t.EXPORT_FAILED_TITLE),
            t.EXPORTING,
        )

    def save_template(self, path: Path) -> None:
        try:
            write_template(path)
        except ExcelInputError as error:
            show_error(self.parent, error, t.EXPORT_FAILED_TITLE)
            return
        self._say(t.TEMPLATE_DONE.format(path=path))

    def _failed(self, title: str) -> Callable[[BaseException], None]:
        def show(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                return
            line = refusal_text(error)
            if line is not None:
                self._say(line.splitlines()[0])
            show_error(self.parent, error, title)

        return show


def _with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
