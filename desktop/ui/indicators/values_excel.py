"""Excel actions of the quarterly entry and results tabs, run off the GUI thread with progress:
export, collection workbooks, import with a preview and a per-unit report, the correction note.

Workbooks are read and written off the GUI thread through ``ctx.door.read``; the import is saved
file by file through the door (:func:`desktop.indicators.returned.save_returned`), one undoable
step whose announcement refreshes the grid and the results.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.excel.values_forms import write_forms
from desktop.excel.values_import import FileResult, chosen, describe, read_returned
from desktop.excel.values_io import export_corrections, export_quarter, export_results
from desktop.indicators.returned import ImportInterrupted, save_returned
from desktop.models.ids import UnitId
from desktop.text import wording
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.texts import indicators as t
from desktop.ui.texts import title_of
from desktop.ui.widgets.background import Cancelled, Operation, Progress, run_with_progress
from desktop.ui.widgets.buttons import name_buttons
from desktop.ui.widgets.file_dialogs import Purpose, existing_folder, open_files, save_file

R = TypeVar("R")
Period = Callable[[], tuple[int, int]]
# The preview: falsy to cancel; the files to save (a list), or any other truthy value to save them
# as read.
Confirm = Callable[[list[FileResult]], object]


class ImportPreview(QDialog):
    """What the returned workbooks would change; only accepted files are saved on OK.

    Blank cells never erase stored values unless the clerk ticks "Xóa các ô để trống" here: the
    report and the count then show the files as that choice would save them.
    """

    def __init__(self, results: list[FileResult], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results = results
        self.setWindowTitle(t.IMPORT_PREVIEW_TITLE)
        self.resize(760, 480)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setObjectName("report")
        self.report.setReadOnly(True)
        kept = sum(r.kept_blank for r in results if r.clearing is not None)
        self.clear_blank = QCheckBox(t.IMPORT_CLEAR_BLANK)
        self.clear_blank.setObjectName("clear_blank")
        self.clear_blank.setVisible(bool(kept))
        self.clear_blank.setToolTip(t.IMPORT_KEPT_BLANK.format(count=wording.count(kept)))
        self.clear_blank.toggled.connect(self._show)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        name_buttons(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(t.BUTTON_IMPORT)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.clear_blank)
        layout.addWidget(self.buttons)
        self._show()

    def chosen(self) -> list[FileResult]:
        """The files as the clerk chose to save them (with or without clearing blank cells)."""
        return chosen(self.results, self.clear_blank.isChecked())

    def _show(self) -> None:
        results = self.chosen()
        accepted = [r for r in results if r.ok]
        self.summary.setText(
            t.IMPORT_PREVIEW.format(
                values=wording.count(sum(len(r.changes) for r in accepted)),
                files=wording.count(sum(bool(r.changes) for r in accepted)),
            )
        )
        self.report.setPlainText(describe(results))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(any(r.changes for r in accepted))


class ValuesExcelActions:
    """Buttons added to a tab's action bar; ``period()`` gives the (year, quarter) to work on."""

    def __init__(self, ctx: AppContext, parent: QWidget, period: Period) -> None:
        self.ctx = ctx
        self.parent = parent
        self.period = period
        self.operation: Operation | None = None
        self.message = QLabel()
        self.message.setObjectName("excel_message")
        self.message.setWordWrap(True)

    def buttons(self) -> list[QPushButton]:
        result = []
        for text, slot in (
            (t.EXPORT_GRID, self.export_grid),
            (t.FORMS, self.make_forms),
            (t.IMPORT, self.import_forms),
            (t.CORRECTION_NOTE, self.correction_note),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            result.append(button)
        return result

    def _save_path(self, suggested: str) -> Path | None:
        start = str(self.ctx.folder.documents / suggested)
        path = save_file(self.parent, self.ctx, Purpose.EXCEL_EXPORT, "", start, t.EXCEL_FILTER)
        return Path(path) if path else None

    def _run(self, work: Callable[[Progress], R], done: Callable[[R], None], label: str) -> None:
        self.operation = run_with_progress(self.parent, work, done, self._failed, label)

    def _failed(self, error: BaseException) -> None:
        """A refusal on the action bar, as the clerk reads it; a bug as the apology dialog."""
        text = t.CANCELLED if isinstance(error, Cancelled) else refusal_text(error)
        if text is None:
            show_error(self.parent, error)
        else:
            self.message.setText(text)

    def export_grid(self) -> None:
        year, quarter = self.period()
        path = self._save_path(f"so-lieu-{year}-Q{quarter}.xlsx")
        if path is not None:
            self.export_grid_to(path)

    def export_grid_to(self, path: Path) -> None:
        year, quarter = self.period()

        def work(progress: Progress) -> Path:
            return self.ctx.door.read(
                lambda s: export_quarter(s, year, quarter, path, progress.report)
            )

        self._run(
            work, lambda p: self.message.setText(t.EXPORT_DONE.format(path=p)), t.PROGRESS_EXPORT
        )

    def make_forms(self) -> None:
        folder = existing_folder(
            self.parent, self.ctx, Purpose.EXCEL_EXPORT, title_of(t.FORMS), self.ctx.folder.documents
        )
        if folder:
            self.make_forms_in(Path(folder))

    def make_forms_in(self, folder: Path, unit_ids: list[UnitId] | None = None) -> None:
        year, quarter = self.period()

        def work(progress: Progress) -> list[Path]:
            def report(done: int, total: int, text: str) -> None:
                progress.check()
                progress.report(done, total, text)

            return self.ctx.door.read(
                lambda s: write_forms(s, year, quarter, folder, unit_ids, report)
            )

        def done(paths: list[Path]) -> None:
            self.message.setText(
                t.FORMS_DONE.format(count=wording.count(len(paths)), folder=folder)
            )

        self._run(work, done, t.PROGRESS_FORMS)

    def import_forms(self) -> None:
        files = open_files(
            self.parent, self.ctx, Purpose.EXCEL_IMPORT, t.IMPORT, t.EXCEL_FILTER,
            self.ctx.folder.documents,
        )  # fmt: skip
        if files:
            self.import_files([Path(f) for f in files], confirm=self._preview)

    def _preview(self, results: list[FileResult]) -> list[FileResult] | None:
        """The preview dialog: the files to save as the clerk chose, or None when cancelled."""
        dialog = ImportPreview(results, self.parent)
        return dialog.chosen() if dialog.exec() else None

    def import_files(self, paths: list[Path], confirm: Confirm) -> None:
        year, quarter = self.period()

        def work(progress: Progress) -> list[FileResult]:
            return self.ctx.door.read(
                lambda s: read_returned(s, paths, year, quarter, report=progress.report)
            )

        def preview(results: list[FileResult]) -> None:
            if not any(r.ok for r in results):
                QMessageBox.warning(
                    self.parent,
                    t.IMPORT_PREVIEW_TITLE,
                    t.IMPORT_NOTHING + "\n\n" + describe(results),
                )
                return
            if not any(r.changes for r in chosen(results, True) if r.ok):
                self.message.setText(t.IMPORT_UNCHANGED)
                QMessageBox.information(
                    self.parent,
                    t.IMPORT_PREVIEW_TITLE,
                    t.IMPORT_UNCHANGED + "\n\n" + describe(results),
                )
                return
            answer = confirm(results)
            if not answer:
                return
            picked = answer if isinstance(answer, list) else results
            if not any(r.changes for r in picked if r.ok):
                self.message.setText(t.IMPORT_UNCHANGED)
                return
            try:
                saved = save_returned(self.ctx.door, picked, year, quarter)
            except ImportInterrupted as error:
                self.message.setText(error.message)
                show_error(self.parent, error)
                return
            except Refusal as error:
                show_error(self.parent, error)
                return
            files = sum(r.saved for r in picked)
            self.message.setText(
                t.IMPORT_DONE.format(values=wording.count(saved), files=wording.count(files))
            )

        self._run(work, preview, t.PROGRESS_IMPORT)

    def correction_note(self) -> None:
        year, quarter = self.period()
        path = self._save_path(f"phieu-dinh-chinh-{year}-Q{quarter}.xlsx")
        if path is not None:
            self.correction_note_to(path)

    def correction_note_to(self, path: Path) -> None:
        year, quarter = self.period()
        try:
            count = self.ctx.door.read(lambda s: export_corrections(s, year, quarter, path))
        except Refusal as error:
            self.message.setText(error.text())
            return
        if count:
            self.message.setText(t.CORRECTION_SAVED.format(path=path))
        else:
            self.message.setText(t.CORRECTION_NONE.format(year=year, quarter=quarter))


def export_results_action(
    ctx: AppContext, parent: QWidget, year: int, quarter: int | None, message: QLabel
) -> None:
    suffix = f"Q{quarter}" if quarter else "ca-nam"
    start = str(ctx.folder.documents / f"ket-qua-{year}-{suffix}.xlsx")
    path = save_file(parent, ctx, Purpose.EXCEL_EXPORT, "", start, t.EXCEL_FILTER)
    if not path:
        return
    try:
        ctx.door.read(lambda s: export_results(s, year, quarter, Path(path)))
    except Refusal as error:
        message.setText(error.text())
        return
    message.setText(t.EXPORT_DONE.format(path=path))
