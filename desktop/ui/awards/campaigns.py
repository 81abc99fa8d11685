"""Đợt xét khen thưởng: the yearly rounds and the reviews, each with its deadline for dossiers.

Changes go through the door (:mod:`desktop.awards.catalogue_ops`), announced as ``Area.AWARDS``;
the panel (and the dossier list's campaign filter) reload in ``on_change``.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import FIRST_YEAR, LAST_YEAR, list_campaigns
from desktop.awards.catalogue_ops import remove_round, save_round
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.models import Campaign, CampaignKind
from desktop.models.ids import CampaignId, saved_id
from desktop.text import wording
from desktop.ui.awards.dossier_widgets import day_of, dialog_buttons, table_view
from desktop.ui.errors import show_error
from desktop.ui.texts import dossiers as t
from desktop.ui.texts import help as th
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.table_model import Column, RecordTableModel

COLUMNS = [
    Column[Campaign](t.CAMPAIGN_COLUMNS[0], lambda c: c.name),
    Column[Campaign](t.CAMPAIGN_COLUMNS[1], lambda c: c.kind.label),
    Column[Campaign](t.CAMPAIGN_COLUMNS[2], lambda c: c.year, align_right=True),
    Column[Campaign](t.CAMPAIGN_COLUMNS[3], lambda c: wording.short_date(c.deadline)),
    Column[Campaign](t.CAMPAIGN_COLUMNS[4], lambda c: c.note),
]


class CampaignDialog(QDialog):
    """Add or change one campaign; refused values keep the dialog open with the reason."""

    def __init__(
        self, ctx: AppContext, campaign: Campaign | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = CampaignId(saved_id(campaign.id)) if campaign else None
        self.setWindowTitle(t.CAMPAIGN_TITLE)
        self.name = QLineEdit(campaign.name if campaign else "")
        self.name.setObjectName("campaign_name")
        self.kind = QComboBox()
        for kind in CampaignKind:
            self.kind.addItem(kind.label, kind.value)
        self.year = QSpinBox()
        self.year.setObjectName("campaign_year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(campaign.year if campaign else date.today().year)
        self.has_deadline = QCheckBox(t.CAMPAIGN_HAS_DEADLINE)
        self.deadline = QDateEdit()
        self.deadline.setObjectName("campaign_deadline")
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("dd/MM/yyyy")
        deadline = (
            campaign.deadline if campaign and campaign.deadline else date(self.year.value(), 11, 30)
        )
        self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        self.has_deadline.setChecked(campaign is None or campaign.deadline is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.note = QLineEdit(campaign.note if campaign else "")
        if campaign is not None:
            self.kind.setCurrentIndex(self.kind.findData(campaign.kind.value))
        form = QFormLayout(self)
        form.addRow(t.CAMPAIGN_NAME, self.name)
        form.addRow(t.CAMPAIGN_KIND, self.kind)
        form.addRow(t.CAMPAIGN_YEAR, self.year)
        form.addRow("", self.has_deadline)
        form.addRow(t.CAMPAIGN_DEADLINE, self.deadline)
        form.addRow(t.CAMPAIGN_NOTE, self.note)
        buttons = dialog_buttons(self)
        form.addRow(buttons)

    def accept(self) -> None:
        deadline = day_of(self.deadline.date()) if self.has_deadline.isChecked() else None
        operation = save_round(
            self.name.text(),
            CampaignKind(self.kind.currentData()),
            self.year.value(),
            deadline,
            self.note.text(),
            self.campaign_id,
        )
        try:
            self.ctx.door.run(operation)
        except Exception as error:
            show_error(self, error)
            return
        super().accept()


class CampaignsPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: CampaignDialog | None = None
        self.model: RecordTableModel[Campaign] = RecordTableModel(COLUMNS, self)
        self.view = table_view(self.model, "campaigns")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.empty_hint = EmptyHint(self.view, th.HINT_CAMPAIGNS)
        buttons = QHBoxLayout()
        for text, name, slot in (
            (t.NEW_CAMPAIGN, "new_campaign", self.add),
            (t.EDIT_CAMPAIGN, "edit_campaign", self.edit_selected),
            (t.REMOVE_CAMPAIGN, "remove_campaign", self.remove_selected),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def on_change(self, change: Change) -> None:
        if change.touches(Area.AWARDS):
            self.refresh()

    def refresh(self) -> None:
        self.model.set_records(self.ctx.door.read(list_campaigns))
        self.view.resizeColumnsToContents()

    def _selected(self) -> Campaign | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _open(self, campaign: Campaign | None) -> CampaignDialog:
        dialog = CampaignDialog(self.ctx, campaign, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> None:
        self._open(None)

    def edit_selected(self) -> None:
        campaign = self._selected()
        if campaign is not None:
            self._open(campaign)

    def remove_selected(self) -> None:
        campaign = self._selected()
        if campaign is None:
            return
        answer = QMessageBox.question(
            self, t.CAMPAIGN_TITLE, t.CONFIRM_REMOVE.format(name=campaign.name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.door.run(remove_round(CampaignId(saved_id(campaign.id))))
        except Exception as error:
            show_error(self, error)
