"""Văn bản & báo cáo: choose a document and its parameters, preview it, print, save, issue, reprint.

Every read and the changes (issuing, a report's Phương hướng, đề xuất) go through the door with
the operations of :mod:`desktop.documents.ops`; the page reloads what it shows when the door says
what changed. Issuing asks first, once, when the register sees a reason to
(:func:`desktop.documents.ops.issuing_questions`: a date out of order, a second Tờ trình …).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
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

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.documents import ops
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import KINDS
from desktop.documents.ops import IssuedEntry, Rendered
from desktop.documents.register import write_pdf
from desktop.documents.review import period_choices as review_period_choices
from desktop.documents.season import in_season, review_ahead
from desktop.errors import Refusal
from desktop.models import periods
from desktop.models.ids import CampaignId, DossierId, MeetingId
from desktop.movement.deadlines import Target
from desktop.text import wording
from desktop.ui.documents.preview import PdfPreview, print_pdf
from desktop.ui.errors import refusal_text, show_error
from desktop.ui.texts import documents as t
from desktop.ui.texts import help as th
from desktop.ui.texts import title_of
from desktop.ui.widgets.background import Operation, Progress, run_with_progress
from desktop.ui.widgets.buttons import ok_cancel
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, save_file
from desktop.ui.widgets.table_model import Column, RecordTableModel

W = TypeVar("W", bound=QObject)

REGISTER_COLUMNS = [
    Column[IssuedEntry](t.COL_SYMBOL, lambda d: d.symbol),
    Column[IssuedEntry](t.COL_DATE, lambda d: wording.short_date(d.issued_on)),
    Column[IssuedEntry](t.COL_TITLE, lambda d: d.title),
]
# What a document is made of: a draft on screen is out of date once one of these changed.
FEEDS = (
    Area.UNITS,
    Area.PERSONS,
    Area.INDICATORS,
    Area.VALUES,
    Area.AWARDS,
    Area.DOSSIERS,
    Area.DOCUMENTS,
    Area.SETTINGS,
    Area.COUNCIL,
    Area.DECISIONS,
    Area.ACTIVITIES,  # the yearly report's activities, initiatives and commitments
    Area.INITIATIVES,
    Area.COMMITMENTS,
)
# What the choices of campaign, meeting and dossier are made of (a dossier is labelled by its
# nominee).
# Kinds of one year, chosen with the year picker; the report also by quarter. Their Phương hướng
# (and the yearly report's Khó khăn) is the clerk's to write before issuing.
YEAR_KINDS = ("report", "yearly")
CHOICES = (Area.AWARDS, Area.DOSSIERS, Area.UNITS, Area.PERSONS, Area.COUNCIL)


def _span(key: str) -> tuple[int, int] | None:
    """(2025, 2027) from a review period's key "2025-2027"."""
    first, _, last = key.partition("-")
    return (int(first), int(last)) if first.isdigit() and last.isdigit() else None


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class IssueDialog(QDialog):
    """Cấp số: the day of issue and, for a Quyết định the ward numbers in its own book, the
    number the clerk gives it (0: the next one of the register)."""

    def __init__(self, parent: QWidget | None = None, own_number: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.ISSUE_TITLE)
        self.date_edit = named(QDateEdit(QDate.currentDate()), "issue_date")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        form = QFormLayout(self)
        note = QLabel(t.ISSUE_CONFIRM)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(t.ISSUE_DATE, self.date_edit)
        self.number = named(QSpinBox(), "issue_number")
        self.number.setRange(0, 99999)
        self.number.setSpecialValueText(t.NEXT_NUMBER)
        if own_number:
            form.addRow(t.ISSUE_NUMBER, self.number)
        form.addRow(ok_cancel(self))

    def issued_on(self) -> date:
        chosen = self.date_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def chosen_number(self) -> int | None:
        return self.number.value() or None


NARROW_CHARACTERS = 22  # what a choice box needs at least; its list shows the whole names


def _narrow(combo: QComboBox) -> None:
    """A choice box of long names (kinds of document, dossiers) that does not widen the page to
    its longest name: the box shows what fits, the list opened from it and the tooltip the whole
    name."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(NARROW_CHARACTERS)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
    combo.currentTextChanged.connect(combo.setToolTip)

    def fit(*_: object) -> None:
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

    combo.model().rowsInserted.connect(fit)
    combo.model().modelReset.connect(fit)


class DocumentsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shown: Rendered | None = None
        self.operation: Operation | None = None
        self._build()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.kind = named(QComboBox(), "kind")
        for key, spec in KINDS.items():
            self.kind.addItem(spec.label, key)
        self.year = named(QSpinBox(), "year")
        self.year.setRange(2000, 2100)
        self.quarter = named(QComboBox(), "quarter")
        self.quarter.addItem(t.WHOLE_YEAR, None)
        for number, roman in wording.ROMAN.items():
            self.quarter.addItem(t.QUARTER_N.format(roman=roman), number)
        self.campaign = named(QComboBox(), "campaign")
        self.dossier = named(QComboBox(), "dossier")
        self.meeting = named(QComboBox(), "meeting")
        self.to = named(QComboBox(), "to")
        self.to.addItem(t.TO_WARD, "ward")
        self.to.addItem(t.TO_CITY, "city")
        self.period = named(QComboBox(), "period")  # sơ kết, tổng kết
        for key, label in self.ctx.door.read(review_period_choices):
            self.period.addItem(label, key)
        self.blank = named(QCheckBox(t.BLANK), "blank")
        self._open_in_season()
        for combo in (self.kind, self.campaign, self.dossier, self.meeting, self.period, self.to):
            _narrow(combo)
        self.form = form = QFormLayout()
        form.addRow(t.KIND, self.kind)
        form.addRow(t.YEAR, self.year)
        form.addRow(t.QUARTER, self.quarter)
        form.addRow(t.PERIOD, self.period)
        form.addRow(t.CAMPAIGN, self.campaign)
        form.addRow(t.DOSSIER, self.dossier)
        form.addRow(t.MEETING, self.meeting)
        form.addRow(t.ADDRESSEE, self.to)
        form.addRow(self.blank)

        self.preview_button = named(QPushButton(t.PREVIEW), "preview_button")
        self.print_button = named(QPushButton(t.PRINT), "print_button")
        self.save_button = named(QPushButton(t.SAVE_PDF), "save_button")
        self.xlsx_button = named(QPushButton(t.SAVE_XLSX), "xlsx_button")
        self.issue_button = named(QPushButton(t.ISSUE), "issue_button")
        self.reprint_button = named(QPushButton(t.REPRINT), "reprint_button")
        self.layout_button = named(QPushButton(t.LAYOUT_BUTTON), "layout_button")
        self.direction_button = named(QPushButton(t.DIRECTION_BUTTON), "direction_button")
        self.status = named(QLabel(), "status")
        self.status.setWordWrap(True)

        self.register_model: RecordTableModel[IssuedEntry] = RecordTableModel(
            REGISTER_COLUMNS, self
        )
        self.register = named(QTableView(), "register")
        self.register.setModel(self.register_model)
        self.empty_hint = EmptyHint(self.register, th.HINT_DOCUMENTS)
        self.register.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.register.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.register.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.register.verticalHeader().setVisible(False)
        self.register.horizontalHeader().setStretchLastSection(True)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(QLabel(f"<h2>{t.PAGE_TITLE}</h2>"))
        column.addLayout(form)
        # Two buttons a row: the column stays short enough for a 1366×768 screen at 125 %.
        buttons = QGridLayout()
        for n, button in enumerate(
            (
                self.preview_button,
                self.print_button,
                self.save_button,
                self.xlsx_button,
                self.direction_button,
                self.issue_button,
                self.layout_button,
            )
        ):
            buttons.addWidget(button, n // 2, n % 2)
        column.addLayout(buttons)
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
        self.direction_button.clicked.connect(self.edit_direction)

    def _open_in_season(self) -> None:
        """The report in season (:mod:`desktop.documents.season`), on its year and quarter, and
        the review still ahead."""
        today = periods.today()
        season = in_season(today)
        self.kind.setCurrentIndex(max(0, self.kind.findData(season.kind)))
        self.year.setValue(season.year)
        self.quarter.setCurrentIndex(max(0, self.quarter.findData(season.quarter)))
        spans = [_span(str(self.period.itemData(row))) for row in range(self.period.count())]
        self.period.setCurrentIndex(review_ahead([s for s in spans if s is not None], today))

    # The kind of document is kept across starts; its year and quarter follow the calendar.
    def state(self) -> dict[str, str]:
        return {"kind": str(self.kind.currentData())}

    def restore_state(self, saved: Mapping[str, str]) -> None:
        index = self.kind.findData(saved.get("kind"))
        if index >= 0:
            self.kind.setCurrentIndex(index)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything the page shows from the database."""
        self._load_choices()
        self._load_register()
        self._update_fields()

    def on_change(self, change: Change) -> None:
        if change.everything:  # a restore: what is on screen may not exist any more
            self.refresh()
            self.shown = None
            self.preview.clear()
            self.status.setText(t.RELOADED)
            return
        if change.touches(*CHOICES):
            self._load_choices()
        if change.touches(Area.DOCUMENTS):
            self._load_register()
        if self.shown is not None and not self.shown.symbol and change.touches(*FEEDS):
            self.status.setText(t.PREVIEW_STALE)

    def _load_choices(self) -> None:
        campaigns = self.ctx.door.read(ops.campaigns)
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for campaign_id, label in campaigns:
            self.campaign.addItem(label, campaign_id)
        self.campaign.setCurrentIndex(max(self.campaign.findData(current), 0))
        self.campaign.blockSignals(False)
        self._load_dossiers()

    def _load_meetings(self) -> None:
        choices = self.ctx.door.read(ops.meetings_of(self._campaign_id()))
        current = self.meeting.currentData()
        self.meeting.clear()
        for meeting_id, label in choices:
            self.meeting.addItem(label, meeting_id)
        if not choices:
            self.meeting.addItem(t.NO_MEETING, None)
        self.meeting.setCurrentIndex(max(self.meeting.findData(current), 0))

    def _load_dossiers(self) -> None:
        self._load_meetings()
        choices = self.ctx.door.read(ops.dossiers_of(self._campaign_id()))
        current = self.dossier.currentData()
        self.dossier.clear()
        for dossier_id, label in choices:
            self.dossier.addItem(label, dossier_id)
        if not choices:
            self.dossier.addItem(t.NO_DOSSIER, None)
        self.dossier.setCurrentIndex(max(self.dossier.findData(current), 0))

    def _load_register(self) -> None:
        self.register_model.set_records(self.ctx.door.read(ops.issued_documents))

    def _campaign_id(self) -> CampaignId | None:
        data = self.campaign.currentData()
        return None if data is None else CampaignId(int(data))

    def _dossier_id(self) -> DossierId | None:
        data = self.dossier.currentData()
        return None if data is None else DossierId(int(data))

    def _update_fields(self) -> None:
        key = self.kind.currentData()
        spec = KINDS.get(key)
        needs = spec.needs if spec else ()
        blank = self.blank.isChecked()
        self.year.setEnabled(key in YEAR_KINDS and not blank)
        self.quarter.setEnabled(key == "report" and not blank)
        self.period.setEnabled(key == "review")
        self.campaign.setEnabled(bool({"campaign", "dossier", "meeting"} & set(needs)))
        self.meeting.setEnabled("meeting" in needs and not blank)
        self.to.setEnabled("to" in needs)
        self.dossier.setEnabled("dossier" in needs and not blank)
        # A field the kind never asks for is not shown at all (the page stays short enough for
        # an office screen at 125 %); one that a blank form leaves out is only greyed.
        applies = {
            self.year: key in YEAR_KINDS,
            self.quarter: key == "report",
            self.period: key == "review",
            self.campaign: self.campaign.isEnabled(),
            self.meeting: "meeting" in needs,
            self.to: self.to.isEnabled(),
            self.dossier: "dossier" in needs,
        }
        for field, shown in applies.items():
            self.form.setRowVisible(field, shown)
        self.issue_button.setEnabled(spec is not None and spec.numbered and not blank)
        # Section IV of a Báo cáo kết quả is the clerk's to write, before issuing.
        # The clerk's own parts: Phương hướng (and Khó khăn) of a yearly or quarterly report,
        # Khó khăn and Phương hướng of a sơ kết or tổng kết.
        writes = key in YEAR_KINDS or key == "review"
        self.direction_button.setVisible(writes)
        self.direction_button.setEnabled(writes and not blank)

    def request(self) -> DocumentRequest:
        key = self.kind.currentData()
        spec = KINDS.get(key)
        needs = spec.needs if spec else ()
        return DocumentRequest(
            key,
            year=self.year.value() if key in YEAR_KINDS else None,
            quarter=self.quarter.currentData() if key == "report" else None,
            campaign_id=self._campaign_id() if "campaign" in needs else None,
            dossier_id=self._dossier_id() if key == "achievement" else None,
            blank=self.blank.isChecked(),
            meeting_id=self._meeting_id() if "meeting" in needs else None,
            to=self.to.currentData() if "to" in needs else "",
            period=self.period.currentData() or "" if key == "review" else "",
        )

    def _meeting_id(self) -> MeetingId | None:
        data = self.meeting.currentData()
        return None if data is None else MeetingId(int(data))

    def open_target(self, target: Target) -> None:
        """Opened from Việc cần làm: the item's kind of document, on its year or review."""
        index = self.kind.findData(target.document)
        if index < 0:
            return
        self.kind.setCurrentIndex(index)
        if target.year is not None:
            self.year.setValue(target.year)
            self.quarter.setCurrentIndex(max(0, self.quarter.findData(target.quarter)))
            for row in range(self.period.count()):
                if str(self.period.itemData(row)).endswith(str(target.year)):
                    self.period.setCurrentIndex(row)

    # -- actions ---------------------------------------------------------------------------
    def _fail(self, error: BaseException) -> None:
        self.status.setText(refusal_text(error) or t.ERROR_TITLE)
        show_error(self, error, t.ERROR_TITLE)

    def _show(self, shown: Rendered) -> None:
        self.shown = shown
        pages = self.preview.show_pdf(shown.pdf)
        if shown.symbol:
            self.status.setText(
                t.PREVIEW_ISSUED.format(symbol=shown.symbol, title=shown.title, pages=pages)
            )
        else:
            self.status.setText(t.PREVIEW_DRAFT.format(title=shown.title, pages=pages))

    def show_preview(self) -> None:
        read = ops.draft(self.request())
        door = self.ctx.door

        def work(progress: Progress) -> Rendered:
            return door.read(read)

        self.operation = run_with_progress(self, work, self._show, self._fail, t.RENDERING)

    def print_shown(self) -> None:
        if self.shown is None:
            self._fail(Refusal(t.NOTHING_TO_PRINT))
            return
        try:
            print_pdf(self, self.shown.pdf)
        except Refusal as error:
            self._fail(error)

    def save_pdf(self) -> None:
        if self.shown is None:
            self._fail(Refusal(t.NOTHING_TO_PRINT))
            return
        name = (self.shown.symbol or self.shown.title).replace("/", "-")[:80] + ".pdf"
        path = save_file(self, self.ctx, Purpose.PDF, title_of(t.SAVE_PDF), name, t.PDF_FILTER)
        if path:
            self.write_pdf(Path(path))

    def write_pdf(self, path: Path) -> None:
        if self.shown is None:
            self._fail(Refusal(t.NOTHING_TO_PRINT))
            return
        try:
            write_pdf(path, self.shown.pdf)
        except Refusal as error:
            self._fail(error)
            return
        self.status.setText(t.SAVED.format(path=path))

    def save_xlsx(self) -> None:
        path = save_file(
            self, self.ctx, Purpose.EXCEL_EXPORT, title_of(t.SAVE_XLSX), "", t.XLSX_FILTER
        )
        if path:
            self.write_xlsx(Path(path))

    def write_xlsx(self, path: Path) -> None:
        from desktop.excel.documents_tables import write_document_tables

        read = ops.filled(self.request())
        door = self.ctx.door

        def work(progress: Progress) -> Path:
            write_document_tables(door.read(read), path)
            return path

        self.operation = run_with_progress(
            self,
            work,
            lambda p: self.status.setText(t.SAVED.format(path=p)),
            self._fail,
            t.RENDERING,
        )

    def issue(self) -> None:
        dialog = IssueDialog(self, own_number=self.kind.currentData() == "decision")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.issue_on(dialog.issued_on(), dialog.chosen_number())

    def issue_on(self, issued_on: date, number: int | None = None) -> None:
        request = self.request()
        if not self._agreed_to_issue(request, issued_on, number):
            return
        operation = ops.issue(request, issued_on, self.ctx.folder.documents, number)
        try:
            issued = self.ctx.door.run(operation)  # the register reloads in on_change
        except Refusal as error:  # a bug goes on to the window's hook: apology and log
            self._fail(error)
            return
        self._show(issued)
        self.status.setText(
            t.ISSUED.format(symbol=issued.symbol, date=wording.short_date(issued.issued_on))
        )

    def _agreed_to_issue(
        self, request: DocumentRequest, issued_on: date, number: int | None
    ) -> bool:
        """Ask once, listing every reason the register sees (a date before the previous number, a
        document citing one issued after it, a second Tờ trình …); nothing to ask: go on. A
        refusal found while asking (a number already taken) is shown, and nothing is issued."""
        try:
            questions = self.ctx.door.read(ops.issuing_questions(request, issued_on, number))
        except Refusal as error:
            self._fail(error)
            return False
        if not questions:
            return True
        reasons = "\n".join(f"• {question}" for question in questions)
        answer = QMessageBox.question(self, t.ISSUE_TITLE, t.ISSUE_QUESTION.format(reasons=reasons))
        if answer != QMessageBox.StandardButton.Yes:
            self.status.setText(t.ISSUE_NOT_ASKED)
            return False
        return True

    def edit_review_texts(self, request: DocumentRequest) -> None:
        """Khó khăn and Phương hướng of the sơ kết or tổng kết chosen."""
        from desktop.documents.review import period_of
        from desktop.ui.documents.review_texts_dialog import ReviewTextsDialog

        try:
            period = self.ctx.door.read(lambda s: period_of(s, request))
        except Refusal as error:
            self._fail(error)
            return
        dialog = ReviewTextsDialog(self.ctx, period.last, period.words, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(dialog.result_text())

    def edit_direction(self) -> None:
        """Phương hướng, đề xuất of the report chosen (its year and quarter)."""
        from desktop.ui.documents.direction_dialog import DirectionDialog

        request = self.request()
        if request.kind == "review":
            self.edit_review_texts(request)
            return
        dialog = DirectionDialog(
            self.ctx,
            request.year or self.year.value(),
            request.quarter,
            self,
            difficulties=request.kind == "yearly",
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(dialog.result_text())

    def edit_layout(self) -> None:
        from desktop.ui.documents.layout_dialog import LayoutDialog

        LayoutDialog(self.ctx, self).exec()

    def reprint_selected(self) -> None:
        rows = self.register.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.register_model.record(rows[0].row())
        try:
            shown = self.ctx.door.read(ops.reprinted(entry.id, self.ctx.folder.documents))
        except Refusal as error:
            self._fail(error)
            return
        self._show(shown)
