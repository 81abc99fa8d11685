"""Quyết định khen thưởng: the decisions on record, received from above or issued here, with their
correction, revocation and the printing of the Giấy khen of a ward decision.

Every act goes through the door (:mod:`desktop.decisions.ops`, :mod:`~desktop.decisions.
certificate_ops`); a PDF is written where the clerk chooses by ``documents.register.write_pdf``,
which words a place that cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QInputDialog,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import list_campaigns
from desktop.context import AppContext
from desktop.decisions import certificate_ops
from desktop.decisions import ops as decision_ops
from desktop.decisions.listing import DecisionRow
from desktop.documents.register import write_pdf
from desktop.models import Authority
from desktop.models.ids import DecisionId
from desktop.models.periods import today
from desktop.text import wording
from desktop.text.wording import money
from desktop.ui.council.council_tab import button_row, table
from desktop.ui.council.dialogs import CorrectionDialog, ReceivedDialog
from desktop.ui.errors import show_error
from desktop.ui.texts import council as t
from desktop.ui.texts import help as th
from desktop.ui.texts import title_of
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.file_dialogs import Purpose, save_file
from desktop.ui.widgets.table_model import Column, RecordTableModel

D = t.DECISION_COLUMNS
COLUMNS = [
    Column[DecisionRow](D["number"], lambda r: r.number),
    Column[DecisionRow](D["signed_on"], lambda r: wording.short_date(r.signed_on)),
    Column[DecisionRow](D["issuer"], lambda r: r.issuer),
    Column[DecisionRow](D["authority"], lambda r: t.AUTHORITY[r.authority.value]),
    Column[DecisionRow](D["covers"], lambda r: r.covers),
    Column[DecisionRow](D["bonus"], lambda r: money(r.total_bonus), align_right=True),
    Column[DecisionRow](D["state"], lambda r: r.state),
]


class DecisionsTab(QWidget):
    """The list of decisions, the latest signed first, and what the clerk does with one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_dialog: ReceivedDialog | CorrectionDialog | None = None
        self.model = RecordTableModel[DecisionRow](COLUMNS, self)
        self.view: QTableView = table("decisions", self.model)
        self.empty_hint = EmptyHint(self.view, th.HINT_DECISIONS)
        self.blank_paper = QCheckBox(t.BLANK_PAPER)
        self.blank_paper.setObjectName("blank_paper")
        self.blank_paper.setToolTip(t.BLANK_PAPER_TIP)
        acts = button_row(
            self,
            (t.RECORD_RECEIVED, "record_received", self.record_received),
            (t.CORRECT, "correct", self.correct),
            (t.REVOKE, "revoke", self.revoke),
        )
        prints = button_row(
            self,
            (t.PRINT_CERTIFICATES, "print_certificates", self.choose_certificates_file),
            (t.CALIBRATION, "calibration", self.choose_calibration_file),
        )
        prints.insertWidget(1, self.blank_paper)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(acts)
        layout.addLayout(prints)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_records(self.ctx.door.read(decision_ops.decisions()))
        self.view.resizeColumnsToContents()
        if selected is not None:
            row = next(
                (i for i in range(self.model.rowCount()) if self.model.record(i).id == selected.id),
                None,
            )
            if row is not None:
                self.view.selectRow(row)

    def selected(self) -> DecisionRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _chosen(self, title: str) -> DecisionRow | None:
        row = self.selected()
        if row is None:
            QMessageBox.information(self, title, t.SELECT_DECISION)
        return row

    def select_number(self, number: str) -> None:
        """Select the decision numbered ``number`` (as the clerk would click it)."""
        row = next(i for i in range(self.model.rowCount()) if self.model.record(i).number == number)
        self.view.selectRow(row)

    # -- acts ----------------------------------------------------------------------------------
    def record_received(self) -> None:
        campaigns = [(c.name, int(c.id)) for c in self.ctx.door.read(list_campaigns) if c.id]
        chosen = self.selected()
        dialog = ReceivedDialog(
            self.ctx, campaigns, chosen.campaign_id if chosen else None, parent=self
        )
        self.last_dialog = dialog
        dialog.open()

    def correct(self) -> None:
        row = self._chosen(title_of(t.CORRECT))
        if row is None:
            return
        dialog = CorrectionDialog(self.ctx, row, self)
        self.last_dialog = dialog
        dialog.open()

    def revoke(self) -> None:
        row = self._chosen(title_of(t.REVOKE))
        if row is None:
            return
        title = t.REVOKE_TITLE.format(number=row.number)
        reason, ok = QInputDialog.getText(self, title, t.REVOKE_REASON.format(number=row.number))
        if not ok:
            return
        try:
            self.ctx.door.run(decision_ops.revoke(DecisionId(row.id), reason))
        except Exception as error:
            show_error(self, error, title)

    # -- printing ------------------------------------------------------------------------------
    def _save_name(self, title: str, suggested: str) -> Path | None:
        folder = self.ctx.folder.documents
        name = save_file(self, self.ctx, Purpose.PDF, title, folder / suggested, t.SAVE_PDF_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def choose_certificates_file(self) -> None:
        row = self._chosen(t.CERTIFICATES_TITLE)
        if row is None:
            return
        if row.authority is not Authority.WARD:
            QMessageBox.information(
                self, t.CERTIFICATES_TITLE, t.NOT_WARD.format(number=row.number)
            )
            return
        suggested = t.CERTIFICATES_FILE.format(number=row.number.replace("/", "-"))
        path = self._save_name(t.CERTIFICATES_TITLE, suggested)
        if path is not None:
            self.print_certificates(row, path)

    def print_certificates(self, row: DecisionRow, path: Path) -> Path | None:
        """Number and lay out the decision's Giấy khen, then write them to ``path``."""
        operation = certificate_ops.print_certificates(
            DecisionId(row.id), today(), blank_paper=self.blank_paper.isChecked()
        )
        try:
            printed = self.ctx.door.run(operation)
            written = write_pdf(path, printed.pdf)
        except Exception as error:
            show_error(self, error, t.CERTIFICATES_TITLE)
            return None
        QMessageBox.information(
            self,
            t.CERTIFICATES_TITLE,
            t.PRINTED.format(
                count=wording.count(printed.count),
                numbers=printed.decision.numbers_text,
                path=written,
            ),
        )
        return written

    def choose_calibration_file(self) -> None:
        path = self._save_name(t.CALIBRATION_TITLE, t.CALIBRATION_FILE)
        if path is None:
            return
        try:
            written = write_pdf(path, self.ctx.door.read(certificate_ops.calibration_page))
        except Exception as error:
            show_error(self, error, t.CALIBRATION_TITLE)
            return
        QMessageBox.information(self, t.CALIBRATION_TITLE, t.SAVED.format(path=written))
