"""Tạo hồ sơ: campaign, what is proposed, the nominee (a unit or a person) and the proposing unit.

The lists come from :func:`desktop.awards.views.new_dossier_choices` and are read again in
:meth:`NewDossierDialog.on_change` when the register or the catalogue changes while it is open.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.defaults import new_dossier_defaults
from desktop.awards.dossier_ops import create, new_dossier
from desktop.awards.dossiers import NewDossier
from desktop.awards.rules import ReplaceAsked
from desktop.awards.views import Choice, NewDossierChoices, new_dossier_choices
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models.ids import AwardFormId, CampaignId, DossierId, PersonId, UnitId
from desktop.models.periods import today
from desktop.ui.awards.dossier_widgets import dialog_buttons
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t
from desktop.ui.widgets.picker import picked_data, picked_index, searchable_combo


def _fill(combo: QComboBox, choices: list[Choice], first: tuple[str, None] | None = None) -> None:
    """Replace the entries, keeping the one chosen if it is still offered."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(*first)
    for choice in choices:
        combo.addItem(choice.label, choice.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


class NewDossierDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        campaign_id: CampaignId | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id: DossierId | None = None
        self.setWindowTitle(t.NEW_TITLE)
        self.setMinimumWidth(620)
        self.choices = NewDossierChoices([], [], [], [])
        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.award = QComboBox()
        self.award.setObjectName("award")
        self.as_unit = QRadioButton(t.NOMINEE_UNIT)
        self.as_unit.setObjectName("as_unit")
        self.as_person = QRadioButton(t.NOMINEE_PERSON)
        self.as_person.setObjectName("as_person")
        self.as_unit.setChecked(True)
        self.as_unit.toggled.connect(self._fill_nominees)
        self.nominee = searchable_combo("nominee")
        self.proposer = searchable_combo("proposer")
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
        self.fill()
        # The campaign of the list's filter, else the one under way, and the ward's usual form.
        defaults = ctx.door.read(new_dossier_defaults(today(), campaign_id))
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(defaults.campaign_id)))
        self.award.setCurrentIndex(max(0, self.award.findData(defaults.award_form_id)))

    def fill(self) -> None:
        """Read the lists again; what the clerk chose stays chosen if it is still offered."""
        self.choices = self.ctx.door.read(new_dossier_choices)
        _fill(self.campaign, self.choices.campaigns)
        _fill(self.award, self.choices.awards)
        _fill(self.proposer, self.choices.units, (t.PROPOSER_SAME, None))
        self._fill_nominees()

    def on_change(self, change: Change) -> None:
        if change.touches(Area.UNITS, Area.PERSONS, Area.AWARDS):
            self.fill()

    def _fill_nominees(self) -> None:
        typed = self.nominee.currentText()
        self.nominee.clear()
        shown = self.choices.units if self.as_unit.isChecked() else self.choices.persons
        for choice in shown:
            self.nominee.addItem(choice.label, choice.id)
        if typed and self.nominee.findText(typed, Qt.MatchFlag.MatchFixedString) >= 0:
            self.nominee.setCurrentText(typed)

    def accept(self) -> None:
        # What the clerk typed must name one entry of the list (the completer offers them).
        index = picked_index(self.nominee)
        chosen = self.nominee.itemData(index) if index >= 0 else None
        if chosen is None:
            QMessageBox.warning(self, t.REFUSED_TITLE, t.CHOOSE_NOMINEE)
            return
        try:
            proposer = picked_data(self.proposer, t.FIELD_PROPOSER)
        except Refusal as refusal:
            show_error(self, refusal)
            return
        as_unit = self.as_unit.isChecked()
        new = NewDossier(
            campaign_id=CampaignId(self.campaign.currentData()),
            award_form_id=AwardFormId(self.award.currentData()),
            nominee_unit_id=UnitId(chosen) if as_unit else None,
            nominee_person_id=None if as_unit else PersonId(chosen),
            proposing_unit_id=UnitId(proposer) if proposer is not None else None,
            note=self.note.toPlainText(),
        )
        try:
            self.created_id = self.ctx.door.run(new_dossier(new))
        except ReplaceAsked as asked:
            # A higher form: the law allows one per achievement, so the lower one gives way.
            answer = QMessageBox.question(
                self, t.REPLACE_TITLE, f"{asked.text()}\n\n{t.REPLACE_QUESTION}"
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            try:
                created = self.ctx.door.run(create(replace(new, replace=True)))
            except Exception as error:
                show_error(self, error)
                return
            self.created_id = created.dossier_id
            QMessageBox.information(
                self,
                t.REPLACE_TITLE,
                "\n".join(r.describe(created.dossier_id) for r in created.replaced),
            )
        except Exception as error:
            show_error(self, error)
            return
        super().accept()
