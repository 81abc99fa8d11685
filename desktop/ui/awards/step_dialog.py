"""One step of a dossier's workflow: date, note, the reason when something is missing, the decision."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import get_award_form
from desktop.awards.dossiers import get_dossier
from desktop.awards.errors import DossierError
from desktop.awards.workflow import ACTION_LABELS, FORWARD, Decision, blocking_items, move_dossier
from desktop.context import AppContext
from desktop.models import DossierStatus
from desktop.ui.awards.dossier_widgets import dialog_buttons
from desktop.ui.texts import dossiers as t


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setMaximumDate(QDate.currentDate())
    return edit


class StepDialog(QDialog):
    """Asks what the step needs and takes it through :func:`desktop.awards.workflow.move_dossier`."""

    def __init__(
        self, ctx: AppContext, dossier_id: int, to: DossierStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id, self.to = ctx, dossier_id, to
        self.setWindowTitle(t.STEP_TITLE.format(action=ACTION_LABELS[to], id=dossier_id))
        self.setMinimumWidth(560)
        with ctx.db.session() as session:
            dossier = get_dossier(session, dossier_id)
            issuer = get_award_form(session, dossier.award_form_id).issuer
            blocking = blocking_items(session, dossier_id) if to in FORWARD else []
            old_reason = dossier.incomplete_reason
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.when = _date_edit("step_date")
        form.addRow(t.STEP_DATE, self.when)
        self.note = QPlainTextEdit()
        self.note.setObjectName("step_note")
        self.note.setFixedHeight(70)
        note_label = {
            DossierStatus.RETURNED: t.STEP_NOTE_RETURNED,
            DossierStatus.NOT_AWARDED: t.STEP_NOTE_REFUSED,
        }.get(to, t.STEP_NOTE)
        form.addRow(note_label, self.note)
        self.reason = QPlainTextEdit(old_reason)
        self.reason.setObjectName("step_reason")
        self.reason.setFixedHeight(70)
        self.blocking = blocking
        if blocking:
            items = QLabel(t.STEP_BLOCKING + "<br>" + "<br>".join(f"• {line}" for line in blocking))
            items.setWordWrap(True)
            items.setObjectName("step_blocking")
            layout.addWidget(items)
            form.addRow(t.STEP_REASON, self.reason)
        else:
            self.reason.hide()
        self.decision_number = QLineEdit()
        self.decision_number.setObjectName("decision_number")
        self.decision_date = _date_edit("decision_date")
        self.decision_issuer = QLineEdit(issuer)
        self.decision_issuer.setObjectName("decision_issuer")
        if to in (DossierStatus.AWARDED, DossierStatus.NOT_AWARDED):
            form.addRow(t.DECISION_NUMBER, self.decision_number)
            form.addRow(t.DECISION_DATE, self.decision_date)
            form.addRow(t.DECISION_ISSUER, self.decision_issuer)
        layout.addLayout(form)
        buttons = dialog_buttons(self, ACTION_LABELS[to])
        layout.addWidget(buttons)

    def _decision(self) -> Decision | None:
        if self.to is DossierStatus.AWARDED or self.decision_number.text().strip():
            return Decision(
                self.decision_number.text(),
                self.decision_date.date().toPython(),
                self.decision_issuer.text(),
            )
        return None

    def _moment(self) -> datetime | None:
        day = self.when.date()
        if day == QDate.currentDate():
            return None  # today: the time of the click
        return datetime.combine(day.toPython(), QTime(12, 0).toPython())

    def accept(self) -> None:
        try:
            with self.ctx.db.session() as session:
                move_dossier(
                    session,
                    self.dossier_id,
                    self.to,
                    note=self.note.toPlainText(),
                    reason=self.reason.toPlainText() if self.blocking else "",
                    decision=self._decision(),
                    at=self._moment(),
                )
        except DossierError as error:
            QMessageBox.warning(self, t.REFUSED_TITLE, str(error))
            return
        super().accept()
