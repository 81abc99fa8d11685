"""Excel on the "Đơn vị" page: import through a preview, export, and the blank template.

Reading, checking and writing run off the GUI thread with a cancellable progress dialog; a failure
is shown in Vietnamese and, because the import is one transaction, leaves the register unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from sqlmodel import Session

from desktop.context import AppContext
from desktop.excel.common import ExcelInputError
from desktop.excel.units_export import export_units, write_template
from desktop.excel.units_import import ImportPlan, RowStatus, apply_import, plan_import
from desktop.excel.units_persons import (
    PersonImportPlan,
    apply_persons,
    plan_persons,
    read_person_roster,
)
from desktop.excel.units_read import read_roster
from desktop.register.rules import RegisterError
from desktop.ui.register.table import TableColumn
from desktop.ui.texts import common as tc
from desktop.ui.texts import units as t
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.import_preview import COLUMNS as PREVIEW_UNITS
from desktop.ui.widgets.import_preview import PERSON_COLUMNS as PREVIEW_PERSONS
from desktop.ui.widgets.import_preview import ImportPreviewDialog


class RegisterHost(Protocol):
    """The page the Excel actions serve: its data folder, its message line, its reload."""

    ctx: AppContext
    message: QLabel

    def after_import(self) -> None: ...

# Refusals the clerk can act on; anything else is an unexpected error, logged in full.
EXPECTED = (ExcelInputError, RegisterError)


@dataclass(frozen=True)
class ImportKind:
    """What one import reads and writes: units (sổ đơn vị) or persons (cá nhân)."""

    read: Callable[..., Any]
    plan: Callable[[Session, Any], Any]
    apply: Callable[..., Any]
    columns: Sequence[TableColumn[Any]]
    writing: str
    done: str


UNITS = ImportKind(
    read_roster, plan_import, apply_import, PREVIEW_UNITS, t.IMPORTING, t.IMPORT_DONE
)
PERSONS = ImportKind(
    read_person_roster,
    plan_persons,
    apply_persons,
    PREVIEW_PERSONS,
    t.IMPORTING_PERSONS,
    t.IMPORT_PERSONS_DONE,
)


class UnitExcelActions:
    def __init__(self, page: RegisterHost) -> None:
        self.page = page
        self.operation: Operation | None = None
        self.preview: ImportPreviewDialog | None = None
        self._roster: Any = None
        self._kind = UNITS

    # -- file choice -----------------------------------------------------------------------------
    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self.page, t.IMPORT_CHOOSE, "", t.EXCEL_FILTER)
        if name:
            self.import_file(Path(name))

    def choose_import_persons(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.page, t.IMPORT_PERSONS_CHOOSE, "", t.EXCEL_FILTER
        )
        if name:
            self.import_file(Path(name), persons=True)

    def choose_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.page, t.EXPORT_CHOOSE, t.EXPORT_DEFAULT_NAME, t.EXCEL_FILTER
        )
        if name:
            self.export_to(_with_suffix(Path(name)))

    def choose_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.page, t.TEMPLATE_CHOOSE, t.TEMPLATE_DEFAULT_NAME, t.EXCEL_FILTER
        )
        if name:
            self.save_template(_with_suffix(Path(name)))

    # -- import ----------------------------------------------------------------------------------
    def import_file(self, path: Path, *, persons: bool = False) -> None:
        """Read and check ``path`` in the background, then show the preview."""
        kind = self._kind = PERSONS if persons else UNITS

        def work(progress: Progress) -> tuple[Any, Any]:
            roster = kind.read(path, progress)
            with self.page.ctx.db.session() as session:
                return roster, kind.plan(session, roster)

        self.operation = run_with_progress(
            self.page, work, self._show_preview, self._failed(t.IMPORT_FAILED_TITLE), t.READING
        )

    def _show_preview(self, result: tuple[Any, Any]) -> None:
        self._roster, plan = result
        self.preview = ImportPreviewDialog(plan, self.page, self._kind.columns)
        self.preview.accepted.connect(self._write)
        self.preview.open()

    def _write(self) -> None:
        assert self._roster is not None and self.preview is not None
        roster, skip, kind = self._roster, self.preview.skip, self._kind

        def work(progress: Progress) -> Any:
            with self.page.ctx.db.session() as session:
                return kind.apply(session, roster, skip_errors=skip, progress=progress)

        self.operation = run_with_progress(
            self.page,
            work,
            lambda plan: self._imported(plan, kind),
            self._failed(t.IMPORT_FAILED_TITLE),
            kind.writing,
        )

    def _imported(self, plan: ImportPlan | PersonImportPlan, kind: ImportKind) -> None:
        self.page.after_import()
        new, updated = plan.count(RowStatus.NEW), plan.count(RowStatus.UPDATE)
        text = kind.done.format(file=plan.file_name, new=new, updated=updated)
        self.page.message.setText(text if new or updated else t.IMPORT_NOTHING)

    # -- export ----------------------------------------------------------------------------------
    def export_to(self, path: Path) -> None:
        def work(progress: Progress) -> int:
            with self.page.ctx.db.session() as session:
                return export_units(session, path, progress)

        self.operation = run_with_progress(
            self.page,
            work,
            lambda count: self.page.message.setText(t.EXPORT_DONE.format(count=count, path=path)),
            self._failed(t.EXPORT_FAILED_TITLE),
            t.EXPORTING,
        )

    def save_template(self, path: Path) -> None:
        try:
            write_template(path)
        except ExcelInputError as error:
            QMessageBox.warning(self.page, t.EXPORT_FAILED_TITLE, str(error))
            return
        self.page.message.setText(t.TEMPLATE_DONE.format(path=path))

    def _failed(self, title: str) -> Any:
        def show(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                return
            text = (
                str(error)
                if isinstance(error, EXPECTED)
                else tc.UNEXPECTED_ERROR.format(error=error)
            )
            self.page.message.setText(text.splitlines()[0])
            QMessageBox.warning(self.page, title, text)

        return show


def _with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
