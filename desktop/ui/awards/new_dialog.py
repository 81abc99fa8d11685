"""Tạo hồ sơ: campaign, what is proposed, the nominee (a unit or a person) and the proposing unit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import list_award_forms, list_campaigns
from desktop.awards.dossiers import NewDossier, create_dossier
from desktop.awards.errors import DossierError
from desktop.context import AppContext
from desktop.register.units import list_persons, list_units
from desktop.ui.awards.dossier_widgets import dialog_buttons
from desktop.ui.texts import dossiers as t


def searchable_combo(name: str) -> QComboBox:
    """A combo the clerk can type into; matching ignores case and finds words anywhere."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class NewDossierDialog(QDialog):
    def __init__(
        self, ctx: AppContext, campaign_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: int | None = None
        self.setWindowTitle(t.NEW_TITLE)
        self.setMinimumWidth(620)
        with ctx.db.session() as session:
            campaigns = list_campaigns(session)
            forms = list_award_forms(session, include_inactive=False)
            self._units = [u for u in list_units(session) if u.active]
            unit_names = {u.id: u.name for u in self._units}
            self._persons = [
                p for p in list_persons(session) if p.active and p.unit_id in unit_names
            ]
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        for c in campaigns:
            self.campaign.addItem(c.name, c.id)
        if campaign_id is not None:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign_id)))
        self.award = QComboBox()
        self.award.setObjectName("award")
        for f in forms:
            self.award.addItem(f"{f.name} ({f.category.label.lower()}, {f.level_label})", f.id)
        self.as_unit = QRadioButton(t.NOMINEE_UNIT)
        self.as_unit.setObjectName("as_unit")
        self.as_person = QRadioButton(t.NOMINEE_PERSON)
        self.as_person.setObjectName("as_person")
        self.as_unit.setChecked(True)
        self.as_unit.toggled.connect(self._fill_nominees)
        self.nominee = searchable_combo("nominee")
        self.person_labels = {
            p.id: f"{p.full_name} — {unit_names[p.unit_id]}" for p in self._persons
        }
        self.proposer = searchable_combo("proposer")
        self.proposer.addItem(t.PROPOSER_SAME, None)
        for u in self._units:
            self.proposer.addItem(u.name, u.id)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFixedHeight(60)
        for combo in (self.campaign, self.award, self.nominee, self.proposer):
            # Long names must not squeeze the labels out of the dialog.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(40)
        form = QFormLayout()
        form.addRow(t.FIELD_CAMPAIGN, self.campaign)
        form.addRow(t.FIELD_AWARD, self.award)
        form.addRow(t.FIELD_NOMINEE_KIND, self.as_unit)
        form.addRow("", self.as_person)
        form.addRow(t.FIELD_NOMINEE, self.nominee)
        form.addRow(t.FIELD_PROPOSER, self.proposer)
        form.addRow(t.FIELD_NOTE, self.note)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill_nominees()

    def _fill_nominees(self) -> None:
        self.nominee.clear()
        if self.as_unit.isChecked():
            for u in self._units:
                self.nominee.addItem(u.name, u.id)
        else:
            for p in self._persons:
                self.nominee.addItem(self.person_labels[p.id or 0], p.id)

    def accept(self) -> None:
        # What the clerk typed must name one entry of the list exactly (the completer offers them).
        index = self.nominee.findText(
            self.nominee.currentText().strip(), Qt.MatchFlag.MatchFixedString
        )
        chosen = self.nominee.itemData(index) if index >= 0 else None
        if chosen is None:
            QMessageBox.warning(self, t.REFUSED_TITLE, t.CHOOSE_NOMINEE)
            return
        new = NewDossier(
            campaign_id=self.campaign.currentData(),
            award_form_id=self.award.currentData(),
            nominee_unit_id=chosen if self.as_unit.isChecked() else None,
            nominee_person_id=None if self.as_unit.isChecked() else chosen,
            proposing_unit_id=self.proposer.currentData(),
            note=self.note.toPlainText(),
        )
        try:
            with self.ctx.db.session() as session:
                self.created_id = create_dossier(session, new).id
        except DossierError as error:
            QMessageBox.warning(self, t.REFUSED_TITLE, str(error))
            return
        super().accept()
