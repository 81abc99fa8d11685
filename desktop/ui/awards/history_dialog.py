"""Lịch sử khen thưởng of one unit or person: every award entered by hand or kept in a dossier.

Adding or removing an award received before goes through the door and can be taken back with
Ctrl+Z (in this dialog, the dossier editor or the dossier list); the dialog reloads in
:meth:`NomineeHistoryDialog.on_change`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.dossier_ops import SCOPE, add_prior, remove_prior
from desktop.awards.history import HistoryLine
from desktop.awards.views import NomineeChoice, nominee_awards, nominee_choices
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.models.ids import PersonId, UnitId
from desktop.ui.awards.dossier_widgets import dialog_buttons, table_view
from desktop.ui.errors import ran
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.picker import picked_index, searchable_combo
from desktop.ui.widgets.table_model import Column, RecordTableModel
from desktop.ui.widgets.undo_actions import UndoActions

PRIOR_COLUMNS = [
    Column[HistoryLine](t.PRIOR_COLUMNS[0], lambda h: h.year, align_right=True),
    Column[HistoryLine](t.PRIOR_COLUMNS[1], lambda h: h.award),
    Column[HistoryLine](t.PRIOR_COLUMNS[2], lambda h: h.decision),
    Column[HistoryLine](t.PRIOR_COLUMNS[3], lambda h: h.status),
]


def prior_to_remove(parent: QWidget, line: HistoryLine | None) -> int | None:
    """The prior award the clerk confirms removing from ``line``; None if there is nothing to do.

    Only awards entered by hand can go: an award kept in a dossier belongs to that dossier."""
    if line is None:
        QMessageBox.information(parent, t.PRIOR_TITLE, t.SELECT_PRIOR)
        return None
    if line.prior_award_id is None:
        QMessageBox.information(
            parent, t.PRIOR_TITLE, t.PRIOR_NOT_BY_HAND.format(id=line.dossier_id)
        )
        return None
    answer = QMessageBox.question(
        parent, t.PRIOR_TITLE, t.REMOVE_PRIOR_CONFIRM.format(award=line.award, year=line.year)
    )
    return line.prior_award_id if answer == QMessageBox.StandardButton.Yes else None


class PriorAwardDialog(QDialog):
    """Enter one award received before the app kept dossiers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.PRIOR_TITLE)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(1945, date.today().year)
        self.year.setValue(date.today().year - 1)
        self.award = QLineEdit()
        self.award.setObjectName("award")
        self.decision = QLineEdit()
        self.decision.setObjectName("decision")
        form = QFormLayout(self)
        form.addRow(t.PRIOR_YEAR, self.year)
        form.addRow(t.PRIOR_NAME, self.award)
        form.addRow(t.PRIOR_DECISION, self.decision)
        buttons = dialog_buttons(self)
        form.addRow(buttons)


class NomineeHistoryDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        unit_id: UnitId | None,
        person_id: PersonId | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.unit_id, self.person_id = ctx, unit_id, person_id
        self.resize(820, 420)
        self.model: RecordTableModel[HistoryLine] = RecordTableModel(PRIOR_COLUMNS, self)
        self.empty = QLabel(t.HISTORY_NONE)
        self.name = QLabel()
        self.view = table_view(self.model, "history")
        self.undo_actions = UndoActions(ctx, SCOPE, self, key_in_tip=True)
        add = QPushButton(t.ADD_PRIOR)
        add.setObjectName("add_prior")
        add.clicked.connect(self.add_prior)
        remove = QPushButton(t.REMOVE_PRIOR)
        remove.setObjectName("remove_prior")
        remove.clicked.connect(self.remove_selected)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        for button in self.undo_actions.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def on_change(self, change: Change) -> None:
        if change.touches(Area.DOSSIERS, Area.AWARDS, Area.UNITS, Area.PERSONS):
            self.refresh()
        self.undo_actions.refresh()

    def refresh(self) -> None:
        awards = self.ctx.door.read(nominee_awards(self.unit_id, self.person_id))
        self.setWindowTitle(t.HISTORY_TITLE.format(name=awards.name))
        self.name.setText(f"<h3>{awards.name}</h3>")
        self.model.set_records(awards.lines)
        self.empty.setVisible(not awards.lines)

    def add_prior(self) -> None:
        dialog = PriorAwardDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_prior(dialog.year.value(), dialog.award.text(), dialog.decision.text())

    def record_prior(self, year: int, award: str, decision: str) -> bool:
        operation = add_prior(year, award, decision, unit_id=self.unit_id, person_id=self.person_id)
        return ran(self, self.ctx.door, operation)

    def remove_selected(self) -> bool:
        rows = self.view.selectionModel().selectedRows()
        prior_id = prior_to_remove(self, self.model.record(rows[0].row()) if rows else None)
        if prior_id is None:
            return False
        return ran(self, self.ctx.door, remove_prior(prior_id))


class NomineeChooser(QDialog):
    """Pick any unit or person of the register, to see its awards without opening a dossier."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t.HISTORY_CHOOSE)
        self.setMinimumWidth(520)
        self.choice = searchable_combo("nominee")
        choices = ctx.door.read(
            lambda session: nominee_choices(session, t.HISTORY_UNIT, t.HISTORY_PERSON)
        )
        for choice in choices:
            self.choice.addItem(choice.label, choice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(dialog_buttons(self))

    def chosen(self) -> NomineeChoice | None:
        index = picked_index(self.choice)
        if index < 0:
            return None
        found = self.choice.itemData(index)
        return found if isinstance(found, NomineeChoice) else None

    def accept(self) -> None:
        if self.chosen() is None:  # free text names nobody: say so, and stay open
            QMessageBox.warning(self, t.REFUSED_TITLE, t.CHOOSE_NOMINEE)
            return
        super().accept()
