"""One step of a dossier's workflow: date, note, the reason when something is missing, the decision.

The step goes through the door (:func:`desktop.awards.dossier_ops.take_step`); it is a recorded act
(a line of the dossier's history), so it is not taken back with Ctrl+Z. A refusal keeps the dialog
open with the reason in a message box.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.dossier_ops import take_step
from desktop.awards.views import step_view
from desktop.awards.workflow import ACTION_LABELS, Decision
from desktop.context import AppContext
from desktop.models import DossierStatus
from desktop.models.ids import DossierId
from desktop.ui.awards.dossier_widgets import date_edit, day_of, dialog_buttons
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t

MIDDAY = time(12, 0)  # a step dated another day is put at noon: no hour was asked


class StepDialog(QDialog):
    """Asks what the step needs and takes it through the door."""

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: DossierId,
        to: DossierStatus,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.dossier_id, self.to = ctx, dossier_id, to
        self.setWindowTitle(t.STEP_TITLE.format(action=ACTION_LABELS[to], id=dossier_id))
        self.setMinimumWidth(560)
        view = ctx.door.read(step_view(dossier_id, to))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.when = date_edit("step_date")
        form.addRow(t.STEP_DATE, self.when)
        self.note = QPlainTextEdit()
        self.note.setObjectName("step_note")
        self.note.setFixedHeight(70)
        note_label = {
            DossierStatus.RETURNED: t.STEP_NOTE_RETURNED,
            DossierStatus.NOT_AWARDED: t.STEP_NOTE_REFUSED,
            DossierStatus.DRAFT: t.STEP_NOTE_REOPEN,
        }.get(to, t.STEP_NOTE)
        form.addRow(note_label, self.note)
        self.reason = QPlainTextEdit(view.incomplete_reason)
        self.reason.setObjectName("step_reason")
        self.reason.setFixedHeight(70)
        self.blocking = view.blocking
        if self.blocking:
            lines = "<br>".join(f"• {line}" for line in self.blocking)
            items = QLabel(t.STEP_BLOCKING + "<br>" + lines)
            items.setWordWrap(True)
            items.setObjectName("step_blocking")
            layout.addWidget(items)
            form.addRow(t.STEP_REASON, self.reason)
        else:
            self.reason.hide()
        self.decision_number = QLineEdit()
        self.decision_number.setObjectName("decision_number")
        self.decision_date = date_edit("decision_date")
        self.decision_issuer = QLineEdit(view.issuer)
        self.decision_issuer.setObjectName("decision_issuer")
        if to is DossierStatus.NOT_AWARDED:  # the city's refusal may come as a decision
            form.addRow(t.DECISION_NUMBER, self.decision_number)
            form.addRow(t.DECISION_DATE, self.decision_date)
            form.addRow(t.DECISION_ISSUER, self.decision_issuer)
        layout.addLayout(form)
        buttons = dialog_buttons(self, ACTION_LABELS[to])
        buttons.setToolTip(t.STEP_TIP)
        layout.addWidget(buttons)

    def _decision(self) -> Decision | None:
        if self.decision_number.text().strip():
            return Decision(
                self.decision_number.text(),
                day_of(self.decision_date.date()),
                self.decision_issuer.text(),
            )
        return None

    def _moment(self) -> datetime | None:
        day = self.when.date()
        if day == QDate.currentDate():
            return None  # today: the time of the click
        return datetime.combine(day_of(day), MIDDAY)

    def accept(self) -> None:
        operation = take_step(
            self.dossier_id,
            self.to,
            note=self.note.toPlainText(),
            reason=self.reason.toPlainText() if self.blocking else "",
            decision=self._decision(),
            at=self._moment(),
        )
        try:
            self.ctx.door.run(operation)
        except Exception as error:
            show_error(self, error)
            return
        super().accept()
