"""Lịch sử khen thưởng of one unit or person: every award entered by hand or kept in a dossier."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
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

from desktop.awards.errors import DossierError
from desktop.awards.history import HistoryLine, add_prior_award, nominee_history
from desktop.awards.nominees import find_nominee
from desktop.context import AppContext
from desktop.ui.awards.dossier_widgets import dialog_buttons, table_view
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.table_model import Column, RecordTableModel

PRIOR_COLUMNS = [
    Column[HistoryLine](t.PRIOR_COLUMNS[0], lambda h: h.year, align_right=True),
    Column[HistoryLine](t.PRIOR_COLUMNS[1], lambda h: h.award),
    Column[HistoryLine](t.PRIOR_COLUMNS[2], lambda h: h.decision),
    Column[HistoryLine](t.PRIOR_COLUMNS[3], lambda h: h.status),
]

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
        unit_id: int | None,
        person_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.unit_id, self.person_id = ctx, unit_id, person_id
        with ctx.db.session() as session:
            name = find_nominee(session, unit_id, person_id).name
        self.setWindowTitle(t.HISTORY_TITLE.format(name=name))
        self.resize(820, 420)
        self.model: RecordTableModel[HistoryLine] = RecordTableModel(PRIOR_COLUMNS, self)
        self.empty = QLabel(t.HISTORY_NONE)
        add = QPushButton(t.ADD_PRIOR)
        add.setObjectName("add_prior")
        add.clicked.connect(self.add_prior)
        close = QPushButton(t.CLOSE)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h3>{name}</h3>"))
        layout.addWidget(self.empty)
        layout.addWidget(table_view(self.model, "history"), 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.db.session() as session:
            lines = nominee_history(session, self.unit_id, self.person_id)
        self.model.set_records(lines)
        self.empty.setVisible(not lines)

    def add_prior(self) -> None:
        dialog = PriorAwardDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.record_prior(dialog.year.value(), dialog.award.text(), dialog.decision.text())

    def record_prior(self, year: int, award: str, decision: str) -> bool:
        try:
            with self.ctx.db.session() as session:
                add_prior_award(
                    session, year, award, decision, unit_id=self.unit_id, person_id=self.person_id
                )
        except DossierError as error:
            QMessageBox.warning(self, t.REFUSED_TITLE, str(error))
            return False
        self.refresh()
        return True


class NomineeChooser(QDialog):
    """Pick any unit or person of the register, to see its awards without opening a dossier."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from desktop.register.units import list_persons, list_units
        from desktop.ui.awards.new_dialog import searchable_combo

        super().__init__(parent)
        self.setWindowTitle(t.HISTORY_CHOOSE)
        self.setMinimumWidth(520)
        self.choice = searchable_combo("nominee")
        with ctx.db.session() as session:
            units = list_units(session)
            names = {u.id: u.name for u in units}
            for unit in units:
                self.choice.addItem(t.HISTORY_UNIT.format(name=unit.name), ("unit", unit.id))
            for person in list_persons(session):
                label = t.HISTORY_PERSON.format(
                    name=person.full_name, unit=names.get(person.unit_id, "")
                )
                self.choice.addItem(label, ("person", person.id))
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(dialog_buttons(self))

    def chosen(self) -> tuple[int | None, int | None] | None:
        index = self.choice.findText(
            self.choice.currentText().strip(), Qt.MatchFlag.MatchFixedString
        )
        if index < 0:
            return None
        kind, record_id = self.choice.itemData(index)
        return (record_id, None) if kind == "unit" else (None, record_id)
