"""Hội đồng TĐKT: the members of a year and the meetings of a campaign, with their ballots.

Everything is read through the door and changed by the council's operations
(:mod:`desktop.council.ops`); a ballot moves its dossier through the workflow, whose refusal (a
discipline note, a missing paper) is shown as worded with nothing recorded.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.catalogue import list_campaigns
from desktop.context import AppContext
from desktop.council import ops as council_ops
from desktop.council.meetings import MeetingRow, MemberRow
from desktop.council.members import FIRST_YEAR, LAST_YEAR
from desktop.models import DossierStatus
from desktop.models.ids import CampaignId, MeetingId, MemberId
from desktop.models.periods import today
from desktop.text import wording
from desktop.ui.council.dialogs import MeetingDialog, MemberDialog, VoteDialog, dossiers_in
from desktop.ui.errors import show_error
from desktop.ui.texts import council as t
from desktop.ui.texts import help as th
from desktop.ui.widgets.elided import full_text_tips
from desktop.ui.widgets.empty_hint import EmptyHint
from desktop.ui.widgets.table_model import Column, RecordTableModel

YEAR_ROLE = Qt.ItemDataRole.UserRole + 1  # a campaign item's year
M = t.MEMBER_COLUMNS
MEMBER_COLUMNS = [
    Column[MemberRow](M["name"], lambda m: m.full_name),
    Column[MemberRow](M["position"], lambda m: m.position),
    Column[MemberRow](M["role"], lambda m: m.role_label),
]
G = t.MEETING_COLUMNS
MEETING_COLUMNS = [
    Column[MeetingRow](G["date"], lambda m: wording.short_date(m.held_on)),
    Column[MeetingRow](G["place"], lambda m: m.place),
    Column[MeetingRow](G["attendees"], lambda m: wording.count(m.attendees), align_right=True),
    Column[MeetingRow](G["votes"], lambda m: wording.count(m.votes), align_right=True),
]


def table(name: str, model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    full_text_tips(view)  # a cell cut to the column's width shows its whole text on hover
    return view


def button_row(parent: QWidget, *specs: tuple[str, str, Callable[[], object]]) -> QHBoxLayout:
    row = QHBoxLayout()
    for text, name, slot in specs:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
    row.addStretch(1)
    return row


class CouncilTab(QWidget):
    """The year's members on the left, the chosen campaign's meetings on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_dialog: MemberDialog | MeetingDialog | VoteDialog | None = None
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(today().year)
        self.year.valueChanged.connect(self._year_changed)
        self.members_heading = QLabel()
        self.members = RecordTableModel[MemberRow](MEMBER_COLUMNS, self)
        self.members_view = table("members", self.members)
        self.members_hint = EmptyHint(
            self.members_view, lambda: th.HINT_MEMBERS.format(year=self.year.value())
        )

        self.campaign = QComboBox()
        self.campaign.setObjectName("campaign")
        self.campaign.currentIndexChanged.connect(lambda _index: self.refresh_meetings())
        self.meetings = RecordTableModel[MeetingRow](MEETING_COLUMNS, self)
        self.meetings_view = table("meetings", self.meetings)
        self.meetings_hint = EmptyHint(
            self.meetings_view,
            lambda: (
                th.HINT_MEETINGS
                if self.campaign.currentData() is not None  # not the "none yet" item
                else th.HINT_MEETINGS_NO_CAMPAIGN
            ),
        )

        members = QVBoxLayout()
        year = QHBoxLayout()
        year.addWidget(QLabel(t.YEAR))
        year.addWidget(self.year)
        year.addWidget(self.members_heading, 1)
        members.addLayout(year)
        members.addWidget(self.members_view, 1)
        members.addLayout(
            button_row(
                self,
                (t.ADD_MEMBER, "add_member", self.add_member),
                (t.REMOVE_MEMBER, "remove_member", self.remove_member),
                (t.COPY_MEMBERS, "copy_members", self.copy_members),
            )
        )
        meetings = QVBoxLayout()
        campaign = QHBoxLayout()
        campaign.addWidget(QLabel(t.CAMPAIGN))
        campaign.addWidget(self.campaign, 1)
        meetings.addLayout(campaign)
        meetings.addWidget(QLabel(t.MEETINGS_HEADING))
        meetings.addWidget(self.meetings_view, 1)
        meetings.addLayout(
            button_row(
                self,
                (t.NEW_MEETING, "new_meeting", self.new_meeting),
                (t.RECORD_VOTE, "record_vote", self.record_vote),
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(members, 1)
        layout.addSpacing(12)
        layout.addLayout(meetings, 1)
        self.refresh()

    # -- reading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.fill_campaigns()
        self.refresh_members()
        self.refresh_meetings()

    def fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        campaigns = self.ctx.door.read(list_campaigns)
        for c in campaigns:
            self.campaign.addItem(c.name, c.id)
            self.campaign.setItemData(self.campaign.count() - 1, c.year, YEAR_ROLE)
        if not campaigns:
            self.campaign.addItem(t.NO_CAMPAIGN, None)
        # The first time, the campaign of the year shown; then the clerk's choice stays.
        wanted = current
        if wanted is None:
            wanted = next((c.id for c in campaigns if c.year == self.year.value()), None)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(wanted)))
        self.campaign.blockSignals(False)

    def _year_changed(self, year: int) -> None:
        """The members of the year, and its (first) campaign's meetings: the council of a year
        considers that year's campaigns; the clerk may still choose another campaign."""
        self.refresh_members()
        for index in range(self.campaign.count()):
            if self.campaign.itemData(index, YEAR_ROLE) == year:
                self.campaign.setCurrentIndex(index)
                break

    def refresh_members(self) -> None:
        year = self.year.value()
        rows = self.ctx.door.read(council_ops.read_members(year))
        self.members.set_records(rows)
        self.members_view.resizeColumnsToContents()
        self.members_heading.setText(
            t.MEMBERS_HEADING.format(year=year, count=wording.count(len(rows)))
        )

    def refresh_meetings(self) -> None:
        campaign_id = self.campaign.currentData()
        rows = (
            self.ctx.door.read(council_ops.read_meetings(CampaignId(int(campaign_id))))
            if campaign_id is not None
            else []
        )
        self.meetings.set_records(rows)
        self.meetings_view.resizeColumnsToContents()

    def _selected(self, view: QTableView) -> int | None:
        rows = view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def selected_member(self) -> MemberRow | None:
        row = self._selected(self.members_view)
        return self.members.record(row) if row is not None else None

    def selected_meeting(self) -> MeetingRow | None:
        row = self._selected(self.meetings_view)
        if row is None and self.meetings.rowCount() == 1:
            row = 0  # one meeting: the clerk means that one
        return self.meetings.record(row) if row is not None else None

    # -- members -------------------------------------------------------------------------------
    def add_member(self) -> None:
        dialog = MemberDialog(self.ctx, self.year.value(), self)
        self.last_dialog = dialog
        dialog.open()

    def remove_member(self) -> None:
        member = self.selected_member()
        if member is None:
            QMessageBox.information(self, t.REMOVE_TITLE, t.SELECT_MEMBER)
            return
        year = self.year.value()
        answer = QMessageBox.question(
            self, t.REMOVE_TITLE, t.REMOVE_CONFIRM.format(name=member.full_name, year=year)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            deleted = self.ctx.door.run(council_ops.remove_member(MemberId(member.id)))
        except Exception as error:
            show_error(self, error, t.REMOVE_TITLE)
            return
        if not deleted:
            QMessageBox.information(
                self, t.REMOVE_TITLE, t.MEMBER_KEPT.format(name=member.full_name, year=year)
            )

    def copy_members(self) -> None:
        year = self.year.value()
        try:
            copied = self.ctx.door.run(council_ops.copy_members(year - 1, year))
        except Exception as error:
            show_error(self, error, t.COPY_TITLE)
            return
        QMessageBox.information(
            self,
            t.COPY_TITLE,
            t.COPIED.format(count=wording.count(len(copied)), source=year - 1, year=year),
        )

    # -- meetings ------------------------------------------------------------------------------
    def _campaign(self) -> tuple[CampaignId, str, int] | None:
        campaign_id = self.campaign.currentData()
        if campaign_id is None:
            QMessageBox.information(self, t.PAGE_TITLE, t.CHOOSE_CAMPAIGN)
            return None
        chosen = next(c for c in self.ctx.door.read(list_campaigns) if c.id == campaign_id)
        return CampaignId(int(campaign_id)), chosen.name, chosen.year

    def new_meeting(self) -> None:
        campaign = self._campaign()
        if campaign is None:
            return
        dialog = MeetingDialog(self.ctx, *campaign, parent=self)
        self.last_dialog = dialog
        dialog.open()

    def record_vote(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            QMessageBox.information(self, t.PAGE_TITLE, t.SELECT_MEETING)
            return
        view = self.ctx.door.read(council_ops.read_meeting(MeetingId(meeting.id)))
        dossiers = dossiers_in(self.ctx, view.campaign_id, DossierStatus.SUBMITTED_TO_COUNCIL)
        if not dossiers:
            QMessageBox.information(self, t.VOTE_RESULT_TITLE, t.NO_SUBMITTED)
            return
        dialog = VoteDialog(self.ctx, view, dossiers, self)
        dialog.accepted.connect(lambda: self._voted(dialog))
        self.last_dialog = dialog
        dialog.open()

    def _voted(self, dialog: VoteDialog) -> None:
        vote = dialog.vote
        if vote is not None:
            QMessageBox.information(
                self,
                t.VOTE_RESULT_TITLE,
                t.VOTED.format(
                    id=vote.dossier_id,
                    nominee=vote.nominee,
                    outcome=vote.outcome,
                    conclusion=vote.conclusion,
                ),
            )
