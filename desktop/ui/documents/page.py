"""Văn bản & báo cáo: choose a document and its parameters, preview it, print, save, issue, reprint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.documents.choices import campaign_choices, dossier_choices
from desktop.documents.common import DocumentRequest
from desktop.documents.register import issue_document, list_issued, reprint
from desktop.documents.service import KINDS, prepare, render
from desktop.models import IssuedDocument
from desktop.ui.documents.preview import PdfPreview, print_pdf
from desktop.ui.texts import documents as t
from desktop.ui.widgets.background import Operation, Progress, run_with_progress
from desktop.ui.widgets.table_model import Column, RecordTableModel

ROMAN = ("I", "II", "III", "IV")
REGISTER_COLUMNS = [
    Column[IssuedDocument](t.COL_SYMBOL, lambda d: d.symbol),
    Column[IssuedDocument](t.COL_DATE, lambda d: d.issued_on.strftime("%d/%m/%Y")),
    Column[IssuedDocument](t.COL_TITLE, lambda d: d.title),
]


@dataclass(frozen=True)
class Shown:
    """The PDF on screen: what it is, so Print / Save act on exactly that."""

    pdf: bytes
    title: str
    request: DocumentRequest | None
    symbol: str = ""


class IssueDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.ISSUE_TITLE)
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setObjectName("issue_date")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        form = QFormLayout(self)
        note = QLabel(t.ISSUE_CONFIRM)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(t.ISSUE_DATE, self.date_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def issued_on(self) -> date:
        return self.date_edit.date().toPython()  # type: ignore[no-any-return]


class DocumentsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: Shown | None = None
        self.operation: Operation | None = None
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind = QComboBox(objectName="kind")
        for key, spec in KINDS.items():
            self.kind.addItem(spec.label, key)
        self.year = QSpinBox(objectName="year")
        self.year.setRange(2000, 2100)
        self.year.setValue(min(max(date.today().year, 2025), 2030))
        self.quarter = QComboBox(objectName="quarter")
        self.quarter.addItem(t.WHOLE_YEAR, None)
        for number, roman in enumerate(ROMAN, start=1):
            self.quarter.addItem(t.QUARTER_N.format(roman=roman), number)
        self.campaign = QComboBox(objectName="campaign")
        self.dossier = QComboBox(objectName="dossier")
        self.blank = QCheckBox(t.BLANK, objectName="blank")
        form = QFormLayout()
        form.addRow(t.KIND, self.kind)
        form.addRow(t.YEAR, self.year)
        form.addRow(t.QUARTER, self.quarter)
        form.addRow(t.CAMPAIGN, self.campaign)
        form.addRow(t.DOSSIER, self.dossier)
        form.addRow(self.blank)

        self.preview_button = QPushButton(t.PREVIEW, objectName="preview_button")
        self.print_button = QPushButton(t.PRINT, objectName="print_button")
        self.save_button = QPushButton(t.SAVE_PDF, objectName="save_button")
        self.xlsx_button = QPushButton(t.SAVE_XLSX, objectName="xlsx_button")
        self.issue_button = QPushButton(t.ISSUE, objectName="issue_button")
        self.reprint_button = QPushButton(t.REPRINT, objectName="reprint_button")
        self.layout_button = QPushButton(t.LAYOUT_BUTTON, objectName="layout_button")
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)

        self.register_model: RecordTableModel[IssuedDocument] = RecordTableModel(
            REGISTER_COLUMNS, self
        )
        self.register = QTableView(objectName="register")
        self.register.setModel(self.register_model)
        self.register.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register.verticalHeader().setVisible(False)
        self.register.horizontalHeader().setStretchLastSection(True)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(QLabel(f"<h2>{t.PAGE_TITLE}</h2>"))
        column.addLayout(form)
        for button in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.xlsx_button,
            self.issue_button,
            self.layout_button,
        ):
            column.addWidget(button)
        column.addWidget(self.status)
        column.addWidget(QLabel(f"<b>{t.REGISTER}</b>"))
        column.addWidget(self.register, 1)
        column.addWidget(self.reprint_button)

        self.preview = PdfPreview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

        self.kind.currentIndexChanged.connect(self._update_fields)
        self.campaign.currentIndexChanged.connect(self._load_dossiers)
        self.blank.toggled.connect(self._update_fields)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_shown)
        self.save_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.issue_button.clicked.connect(self.issue)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.layout_button.clicked.connect(self.edit_layout)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.ctx.db.session() as session:
            campaigns = campaign_choices(session)
            issued = list_issued(session)
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for campaign_id, label in campaigns:
            self.campaign.addItem(label, campaign_id)
        index = self.campaign.findData(current)
        self.campaign.setCurrentIndex(max(index, 0))
        self.campaign.blockSignals(False)
        self._load_dossiers()
        self.register_model.set_records(issued)
        self._update_fields()

    def _load_dossiers(self) -> None:
        with self.ctx.db.session() as session:
            choices = dossier_choices(session, self.campaign.currentData())
        self.dossier.clear()
        for dossier_id, label in choices:
            self.dossier.addItem(label, dossier_id)
        if not choices:
            self.dossier.addItem(t.NO_DOSSIER, None)

    def _update_fields(self) -> None:
        key = self.kind.currentData()
        needs = KINDS[key].needs if key in KINDS else ()
        blank = self.blank.isChecked()
        self.year.setEnabled(key == "report" and not blank)
        self.quarter.setEnabled(key == "report" and not blank)
        self.campaign.setEnabled("campaign" in needs or "dossier" in needs)
        self.dossier.setEnabled("dossier" in needs and not blank)
        self.issue_button.setEnabled(key in ("plan", "report", "submission") and not blank)

    def request(self) -> DocumentRequest:
        key = self.kind.currentData()
        return DocumentRequest(
            key,
            year=self.year.value() if key == "report" else None,
            quarter=self.quarter.currentData() if key == "report" else None,
            campaign_id=self.campaign.currentData() if key in ("nominees", "submission") else None,
            dossier_id=self.dossier.currentData() if key == "achievement" else None,
            blank=self.blank.isChecked(),
        )

    # -- actions ---------------------------------------------------------------------------
    def _fail(self, error: BaseException) -> None:
        self.status.setText(str(error))
        QMessageBox.warning(self, t.ERROR_TITLE, str(error))

    def _show(self, shown: Shown) -> None:
        self.shown = shown
        pages = self.preview.show_pdf(shown.pdf)
        if shown.symbol:
            self.status.setText(
                t.PREVIEW_ISSUED.format(symbol=shown.symbol, title=shown.title, pages=pages)
            )
        else:
            self.status.setText(t.PREVIEW_DRAFT.format(title=shown.title, pages=pages))

    def show_preview(self) -> None:
        request = self.request()
        db = self.ctx.db

        def work(progress: Progress) -> Shown:
            with db.session() as session:
                prepared_title = prepare(session, request).title
                return Shown(render(session, request), prepared_title, request)

        self.operation = run_with_progress(self, work, self._show, self._fail, t.RENDERING)

    def print_shown(self) -> None:
        if self.shown is None:
            self._fail(ValueError(t.NOTHING_TO_PRINT))
            return
        try:
            print_pdf(self, self.shown.pdf)
        except OSError as error:
            self._fail(error)

    def save_pdf(self) -> None:
        if self.shown is None:
            self._fail(ValueError(t.NOTHING_TO_PRINT))
            return
        name = (self.shown.symbol or self.shown.title).replace("/", "-")[:80] + ".pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, t.SAVE_PDF, str(Path.home() / name), t.PDF_FILTER
        )
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        assert self.shown is not None
        try:
            path.write_bytes(self.shown.pdf)
        except OSError as error:
            self._fail(error)
            return
        self.status.setText(t.SAVED.format(path=path))

    def save_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, t.SAVE_XLSX, str(Path.home()), t.XLSX_FILTER)
        if path:
            self.write_xlsx(Path(path))

    def write_xlsx(self, path: Path) -> None:
        from desktop.excel.documents_tables import write_document_tables

        request = self.request()
        db = self.ctx.db

        def work(progress: Progress) -> Path:
            with db.session() as session:
                write_document_tables(prepare(session, request), path)
            return path

        self.operation = run_with_progress(
            self,
            work,
            lambda p: self.status.setText(t.SAVED.format(path=p)),
            self._fail,
            t.RENDERING,
        )

    def issue(self) -> None:
        dialog = IssueDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.issue_on(dialog.issued_on())

    def issue_on(self, issued_on: date) -> None:
        request = self.request()
        try:
            with self.ctx.db.session() as session:
                record, pdf = issue_document(session, self.ctx.folder.documents, request, issued_on)
                symbol, title = record.symbol, record.title
        except (ValueError, OSError) as error:
            self._fail(error)
            return
        self.refresh()
        self._show(Shown(pdf, title, request, symbol))
        self.status.setText(t.ISSUED.format(symbol=symbol, date=issued_on.strftime("%d/%m/%Y")))

    def edit_layout(self) -> None:
        from desktop.ui.documents.layout_dialog import LayoutDialog

        LayoutDialog(self.ctx, self).exec()

    def reprint_selected(self) -> None:
        rows = self.register.selectionModel().selectedRows()
        if not rows:
            return
        record = self.register_model.record(rows[0].row())
        try:
            with self.ctx.db.session() as session:
                pdf = reprint(session, self.ctx.folder.documents, record.id or 0)
        except ValueError as error:
            self._fail(error)
            return
        self._show(Shown(pdf, record.title, None, record.symbol))
