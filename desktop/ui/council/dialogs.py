"""The small dialogs of the council page: a member, a meeting, a ballot, a received decision, a
correction. Each gathers what the clerk types and runs one operation through the door when OK is
pressed; a refusal is shown as worded and the dialog stays open so the clerk can fix what it names.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.awards.dossiers import DossierFilter, DossierRow, list_dossiers
from desktop.changes import Operation
from desktop.context import AppContext
from desktop.council import ops as council_ops
from desktop.council.meetings import MeetingView, VoteRow, parse_hour
from desktop.decisions import ops as decision_ops
from desktop.decisions.corrections import Correction
from desktop.decisions.listing import DecisionRow
from desktop.decisions.received import ReceivedDecision
from desktop.models import CouncilRole, DossierStatus
from desktop.models.ids import CampaignId, DecisionId, DossierId, MeetingId, saved_id
from desktop.models.periods import today
from desktop.text import wording
from desktop.ui.errors import show_error
from desktop.ui.texts import council as t
from desktop.ui.widgets.buttons import ok_cancel
from desktop.ui.widgets.file_dialogs import Purpose, open_file
from desktop.ui.widgets.picker import picked_data, searchable_combo


def date_edit(name: str, value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    day = value or today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


def checklist(name: str, items: Sequence[tuple[str, int]], checked: bool) -> QListWidget:
    """A list of checkable lines, each holding its record's id."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setSpacing(2)  # Vietnamese marks above and below need room between the lines
    fill_checklist(widget, items, checked)
    return widget


def fill_checklist(widget: QListWidget, items: Sequence[tuple[str, int]], checked: bool) -> None:
    widget.clear()
    for text, record_id in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, record_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.addItem(item)


def checked_ids(widget: QListWidget) -> list[int]:
    return [
        int(widget.item(row).data(Qt.ItemDataRole.UserRole))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    ]


def dossiers_in(ctx: AppContext, campaign_id: int, status: DossierStatus) -> list[DossierRow]:
    where = DossierFilter(campaign_id=campaign_id, status=status)
    return ctx.door.read(lambda session: list_dossiers(session, where, today()))


def dossier_text(row: DossierRow) -> str:
    return t.VOTE_DOSSIER_ITEM.format(id=row.dossier.id, nominee=row.nominee, award=row.award)


class OperationDialog(QDialog):
    """A form with OK and Cancel: OK runs :meth:`operation` through the door, keeps its value in
    ``result_value`` and closes; a refusal is shown and the form stays open.

    Each dialog defines ``operation``: what its OK does."""

    operation: Callable[[], Operation[Any]]

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.result_value: Any = None
        self.form = QFormLayout()
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        try:
            self.result_value = self.ctx.door.run(self.operation())
        except Exception as error:  # a refusal as worded, a bug as an apology
            show_error(self, error, self.windowTitle())
            return
        super().accept()


class MemberDialog(OperationDialog):
    """Thêm thành viên Hội đồng of one year."""

    def __init__(self, ctx: AppContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, t.ADD_MEMBER_TITLE.format(year=year), parent)
        self.year = year
        self.name = QLineEdit()
        self.name.setObjectName("member_name")
        self.position = QLineEdit()
        self.position.setObjectName("member_position")
        self.role = QComboBox()
        self.role.setObjectName("member_role")
        for role in CouncilRole:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(CouncilRole.MEMBER.value))
        self.form.addRow(t.MEMBER_NAME, self.name)
        self.form.addRow(t.MEMBER_POSITION, self.position)
        self.form.addRow(t.MEMBER_ROLE, self.role)
        self.name.setMinimumWidth(320)

    def operation(self) -> Operation[Any]:
        role = CouncilRole(self.role.currentData())
        return council_ops.add_member(self.year, self.name.text(), self.position.text(), role)


class MeetingDialog(OperationDialog):
    """Ghi phiên họp: the day, the place, who of the year's members attended, a note."""

    def __init__(
        self,
        ctx: AppContext,
        campaign_id: CampaignId,
        campaign: str,
        year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, t.MEETING_TITLE.format(campaign=campaign), parent)
        self.campaign_id = campaign_id
        members = ctx.door.read(council_ops.read_members(year))
        self.held_on = date_edit("meeting_date")
        self.place = QLineEdit()
        self.place.setObjectName("meeting_place")
        self.starts = QLineEdit()
        self.starts.setObjectName("meeting_starts")
        self.ends = QLineEdit()
        self.ends.setObjectName("meeting_ends")
        for editor in (self.starts, self.ends):
            editor.setPlaceholderText(t.MEETING_HOUR_HINT)
            editor.setMaximumWidth(120)
        self.attendees = checklist(
            "meeting_attendees",
            [(f"{m.full_name} — {m.role_label}", m.id) for m in members],
            checked=True,  # most meetings are attended by all: the clerk unticks the absent
        )
        self.note = QPlainTextEdit()
        self.note.setObjectName("meeting_note")
        self.note.setFixedHeight(60)
        self.form.addRow(t.MEETING_DATE, self.held_on)
        self.form.addRow(t.MEETING_PLACE, self.place)
        self.form.addRow(t.MEETING_STARTS, self.starts)
        self.form.addRow(t.MEETING_ENDS, self.ends)
        self.form.addRow(QLabel(t.MEETING_ATTENDEES.format(year=year)))
        self.form.addRow(self.attendees)
        self.form.addRow(t.MEETING_NOTE, self.note)
        self.place.setMinimumWidth(360)

    def operation(self) -> Operation[Any]:
        hours = (
            parse_hour(self.starts.text(), "giờ bắt đầu"),
            parse_hour(self.ends.text(), "giờ kết thúc"),
        )
        return council_ops.create_meeting(
            self.campaign_id,
            picked_date(self.held_on),
            self.place.text(),
            checked_ids(self.attendees),
            self.note.toPlainText(),
            hours,
        )


class VoteDialog(OperationDialog):
    """Ghi kết quả bỏ phiếu kín on one dossier of the meeting's campaign that awaits the council."""

    def __init__(
        self,
        ctx: AppContext,
        meeting: MeetingView,
        dossiers: Sequence[DossierRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, t.VOTE_TITLE.format(date=wording.short_date(meeting.held_on)), parent)
        self.meeting_id = MeetingId(meeting.id)
        self.dossier = searchable_combo("vote_dossier")  # found by the nominee's name, unmarked
        for row in dossiers:
            self.dossier.addItem(dossier_text(row), saved_id(row.dossier.id))
        attendees = len(meeting.attendees)
        self.issued = self._spin("vote_issued", attendees, attendees)
        self.valid = self._spin("vote_valid", attendees, attendees)
        self.ballots_for = self._spin("vote_for", attendees, attendees)
        self.conclusion = QLineEdit()
        self.conclusion.setObjectName("vote_conclusion")
        self.form.addRow(
            QLabel(t.VOTE_MEMBERS.format(members=meeting.total_members, attendees=attendees))
        )
        self.form.addRow(t.VOTE_DOSSIER, self.dossier)
        self.form.addRow(t.VOTE_ISSUED, self.issued)
        self.form.addRow(t.VOTE_VALID, self.valid)
        self.form.addRow(t.VOTE_FOR, self.ballots_for)
        self.form.addRow(QLabel(t.VOTE_CONCLUSION))
        self.form.addRow(self.conclusion)
        self.conclusion.setMinimumWidth(420)

    @staticmethod
    def _spin(name: str, value: int, attendees: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        # The domain checks the counts against the attendees; the box only keeps them plausible.
        spin.setRange(0, max(attendees, 1) * 10)
        spin.setValue(value)
        return spin

    def operation(self) -> Operation[Any]:
        return council_ops.record_vote(
            self.meeting_id,
            DossierId(int(picked_data(self.dossier, t.VOTE_DOSSIER))),
            self.issued.value(),
            self.valid.value(),
            self.ballots_for.value(),
            self.conclusion.text(),
        )

    @property
    def vote(self) -> VoteRow | None:
        return self.result_value if isinstance(self.result_value, VoteRow) else None


class ReceivedDialog(OperationDialog):
    """Ghi nhận quyết định của cấp trên: the paper's number, date and issuer, the dossiers it
    awards among those of the campaign sent up, and its scan if the clerk has one."""

    def __init__(
        self,
        ctx: AppContext,
        campaigns: Sequence[tuple[str, int]],
        campaign_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, t.RECEIVED_TITLE, parent)
        self.scan: Path | None = None
        self.campaign = QComboBox()
        self.campaign.setObjectName("received_campaign")
        for name, cid in campaigns:
            self.campaign.addItem(name, cid)
        if campaign_id is not None:
            self.campaign.setCurrentIndex(max(0, self.campaign.findData(campaign_id)))
        self.number = QLineEdit()
        self.number.setObjectName("received_number")
        self.number.setPlaceholderText(t.RECEIVED_NUMBER_HINT)
        self.signed_on = date_edit("received_date")
        self.issuer = QLineEdit()
        self.issuer.setObjectName("received_issuer")
        self.issuer.setPlaceholderText(t.RECEIVED_ISSUER_HINT)
        self.dossiers = checklist("received_dossiers", [], checked=False)
        self.empty = QLabel(t.NO_SENT_UP)
        self.empty.setWordWrap(True)
        self.scan_label = QLabel(t.NO_SCAN)
        self.scan_label.setObjectName("received_scan")
        choose = QPushButton(t.CHOOSE_SCAN)
        choose.clicked.connect(self.choose_scan)
        clear = QPushButton(t.CLEAR_SCAN)
        clear.clicked.connect(lambda: self.set_scan(None))
        scan = QHBoxLayout()
        scan.addWidget(self.scan_label, 1)
        scan.addWidget(choose)
        scan.addWidget(clear)
        self.form.addRow(t.RECEIVED_CAMPAIGN, self.campaign)
        self.form.addRow(t.RECEIVED_NUMBER, self.number)
        self.form.addRow(t.RECEIVED_DATE, self.signed_on)
        self.form.addRow(t.RECEIVED_ISSUER, self.issuer)
        self.form.addRow(QLabel(t.RECEIVED_DOSSIERS))
        self.form.addRow(self.dossiers)
        self.form.addRow(self.empty)
        self.form.addRow(t.RECEIVED_SCAN, scan)
        self.issuer.setMinimumWidth(420)
        self.campaign.currentIndexChanged.connect(self.fill_dossiers)
        self.fill_dossiers()

    def fill_dossiers(self) -> None:
        campaign_id = self.campaign.currentData()
        rows = (
            dossiers_in(self.ctx, int(campaign_id), DossierStatus.SENT_UP)
            if campaign_id is not None
            else []
        )
        fill_checklist(
            self.dossiers, [(dossier_text(r), saved_id(r.dossier.id)) for r in rows], checked=False
        )
        self.empty.setVisible(not rows)

    def choose_scan(self) -> None:
        name = open_file(self, self.ctx, Purpose.ATTACHMENT, t.SCAN_TITLE, t.SCAN_FILTER)
        if name:
            self.set_scan(Path(name))

    def set_scan(self, path: Path | None) -> None:
        self.scan = path
        self.scan_label.setText(path.name if path is not None else t.NO_SCAN)

    def operation(self) -> Operation[Any]:
        campaign_id = self.campaign.currentData()
        received = ReceivedDecision(
            campaign_id=int(campaign_id) if campaign_id is not None else 0,
            number=self.number.text(),
            signed_on=picked_date(self.signed_on),
            dossier_ids=checked_ids(self.dossiers),
            issuer=self.issuer.text(),
            scan=self.scan,
        )
        return decision_ops.record(self.ctx.folder.attachments, received)


class CorrectionDialog(OperationDialog):
    """Đính chính: the number, date and issuer as they should read, and why."""

    def __init__(self, ctx: AppContext, row: DecisionRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, t.CORRECT_TITLE.format(number=row.number), parent)
        self.row = row
        self.number = QLineEdit(row.number)
        self.number.setObjectName("correct_number")
        self.signed_on = date_edit("correct_date", row.signed_on)
        self.issuer = QLineEdit(row.issuer)
        self.issuer.setObjectName("correct_issuer")
        self.reason = QLineEdit()
        self.reason.setObjectName("correct_reason")
        self.form.addRow(t.CORRECT_NUMBER, self.number)
        self.form.addRow(t.CORRECT_DATE, self.signed_on)
        self.form.addRow(t.CORRECT_ISSUER, self.issuer)
        self.form.addRow(t.REASON, self.reason)
        self.issuer.setMinimumWidth(420)

    def operation(self) -> Operation[Any]:
        # Only what the clerk changed is corrected: the domain words each change in the audit.
        signed_on = picked_date(self.signed_on)
        correction = Correction(
            number=self.number.text() if self.number.text() != self.row.number else None,
            signed_on=signed_on if signed_on != self.row.signed_on else None,
            issuer=self.issuer.text() if self.issuer.text() != self.row.issuer else None,
        )
        return decision_ops.correct(DecisionId(self.row.id), correction, self.reason.text())
