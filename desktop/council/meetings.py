"""Phiên họp Hội đồng: which campaign it considered, when and where, who attended, and the read
of one meeting (:class:`MeetingView`) that the commands, the window and the minutes share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_campaign
from desktop.awards.nominees import nominee_of
from desktop.council import wording as council_wording
from desktop.council.errors import CouncilError
from desktop.council.members import list_members, member_order
from desktop.models import (
    AwardForm,
    Campaign,
    CouncilAttendance,
    CouncilMeeting,
    CouncilMember,
    CouncilRole,
    CouncilVote,
    Dossier,
    NomineeKind,
)
from desktop.models.ids import saved_id
from desktop.models.periods import today
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, clean_line, wording


def quorum(members: int) -> int:
    """Ít nhất một nửa tổng số thành viên dự họp: 5 of 9, 4 of 8."""
    return (members + 1) // 2


def parse_hour(text: str, what: str) -> time | None:
    """ "8:00", "8h30", "14 giờ 15" → the hour; "" → None (not recorded). ``what`` names the
    field in the refusal ("giờ bắt đầu")."""
    words = text.strip().lower().replace("giờ", ":").replace("h", ":").replace("phút", "")
    if not words:
        return None
    hour, _, minute = (part.strip() for part in words.partition(":"))
    try:
        return time(int(hour), int(minute or 0))
    except ValueError:
        raise CouncilError(
            f"Không hiểu {what} “{text.strip()}”: hãy ghi giờ và phút, ví dụ 8:00 hoặc 14:30."
        ) from None


def create_meeting(
    session: Session,
    campaign_id: int,
    held_on: date,
    place: str,
    attendee_ids: Iterable[int],
    note: str = "",
    hours: tuple[time | None, time | None] = (None, None),
) -> CouncilMeeting:
    """Ghi phiên họp: refused for a day to come, a day outside the campaign's year and the next,
    an end before the start, attendees who are not the year's active members, and fewer than
    half of them present. ``hours``: giờ bắt đầu and giờ kết thúc, each optional."""
    campaign = get_campaign(session, campaign_id)
    starts_at, ends_at = hours
    if starts_at is not None and ends_at is not None and ends_at <= starts_at:
        raise CouncilError(
            f"Giờ kết thúc ({wording.clock(ends_at)}) phải sau giờ bắt đầu "
            f"({wording.clock(starts_at)}) của phiên họp."
        )
    if held_on > today():
        raise CouncilError(
            f"Ngày họp {wording.short_date(held_on)} ở tương lai; hãy ghi ngày phiên họp đã diễn ra."
        )
    if held_on.year not in (campaign.year, campaign.year + 1):
        raise CouncilError(
            f"Ngày họp {wording.short_date(held_on)} không thuộc {campaign.name.lower()}: "
            f"phiên họp xét đợt này diễn ra trong năm {campaign.year} hoặc {campaign.year + 1}."
        )
    members = list_members(session, campaign.year)
    if not members:
        raise CouncilError(
            f"Hội đồng năm {campaign.year} chưa có thành viên; hãy thêm thành viên Hội đồng trước "
            "khi ghi phiên họp."
        )
    by_id = {saved_id(m.id): m for m in members}
    wanted = list(dict.fromkeys(attendee_ids))
    strangers = [i for i in wanted if i not in by_id]
    if strangers:
        raise CouncilError(
            "Không phải thành viên Hội đồng năm "
            f"{campaign.year} (đang hoạt động): số {', '.join(str(i) for i in strangers)}. "
            "Hãy chọn người dự trong danh sách thành viên của năm."
        )
    needed = quorum(len(members))
    if len(wanted) < needed:
        raise CouncilError(
            f"Phiên họp phải có ít nhất {needed} thành viên dự (một nửa tổng số "
            f"{len(members)} thành viên Hội đồng); mới có {len(wanted)}."
        )
    meeting = CouncilMeeting(
        campaign_id=saved_id(campaign.id),
        held_on=held_on,
        starts_at=starts_at,
        ends_at=ends_at,
        place=clean_line(place),
        note=clean(note),
    )
    set_audit_reason(
        session, f"Ghi phiên họp Hội đồng ngày {wording.short_date(held_on)} ({campaign.name})"
    )
    session.add(meeting)
    session.flush()
    session.add_all(CouncilAttendance(meeting_id=saved_id(meeting.id), member_id=i) for i in wanted)
    session.flush()
    return meeting


def get_meeting(session: Session, meeting_id: int) -> CouncilMeeting:
    meeting = session.get(CouncilMeeting, meeting_id)
    if meeting is None:
        raise CouncilError(f"Không tìm thấy phiên họp Hội đồng số {meeting_id}.")
    return meeting


def attendee_ids(session: Session, meeting_id: int) -> list[int]:
    return list(
        session.exec(
            select(CouncilAttendance.member_id).where(CouncilAttendance.meeting_id == meeting_id)
        ).all()
    )


# -- reading ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberRow:
    id: int
    full_name: str
    position: str
    role: CouncilRole
    ordinal: int
    active: bool

    @property
    def role_label(self) -> str:
        return self.role.label

    @classmethod
    def of(cls, member: CouncilMember) -> MemberRow:
        return cls(
            saved_id(member.id),
            member.full_name,
            member.position,
            member.role,
            member.ordinal,
            member.active,
        )


@dataclass(frozen=True)
class VoteRow:
    """Kết quả bỏ phiếu kín on one dossier, with what the minutes print of it."""

    id: int
    dossier_id: int
    nominee: str
    collective: bool  # tập thể (or doanh nghiệp), else cá nhân
    award: str
    award_level: int
    ballots_issued: int
    ballots_valid: int
    ballots_for: int
    members: int
    proposed: bool
    conclusion: str
    share: str  # "88,9%" of all the members
    required: str  # "trên 50%"

    @property
    def outcome(self) -> str:
        return council_wording.outcome(self.proposed)


@dataclass(frozen=True)
class MeetingView:
    """One meeting as the clerk reads it and the minutes print it."""

    id: int
    campaign_id: int
    campaign_name: str
    campaign_year: int
    held_on: date
    place: str
    note: str
    members: list[MemberRow]  # of the campaign's year: those active and those who attended
    attendees: list[MemberRow]
    votes: list[VoteRow]
    starts_at: time | None = None
    ends_at: time | None = None

    @property
    def absent(self) -> list[MemberRow]:
        present = {m.id for m in self.attendees}
        return [m for m in self.members if m.id not in present and m.active]

    @property
    def total_members(self) -> int:
        """Tổng số thành viên Hội đồng: the active ones, and those who attended though since gone."""
        return len(self.members)

    @property
    def chair(self) -> MemberRow | None:
        """Who presided (chủ trì): the Chủ tịch Hội đồng present, else the first in role order."""
        leaders = [m for m in self.attendees if m.role is not CouncilRole.SECRETARY]
        return leaders[0] if leaders else None

    @property
    def secretary(self) -> MemberRow | None:
        return next((m for m in self.attendees if m.role is CouncilRole.SECRETARY), None)

    @property
    def proposed(self) -> list[VoteRow]:
        return [v for v in self.votes if v.proposed]

    @property
    def declined(self) -> list[VoteRow]:
        return [v for v in self.votes if not v.proposed]


def _vote_rows(session: Session, meeting_id: int) -> list[VoteRow]:
    votes = session.exec(
        select(CouncilVote)
        .where(CouncilVote.meeting_id == meeting_id)
        .order_by(col(CouncilVote.id))
    ).all()
    rows = []
    for vote in votes:
        dossier = session.get(Dossier, vote.dossier_id)
        assert dossier is not None  # a vote's dossier is a foreign key
        form = session.get(AwardForm, dossier.award_form_id)
        assert form is not None
        nominee = nominee_of(session, dossier)
        rows.append(
            VoteRow(
                id=saved_id(vote.id),
                dossier_id=vote.dossier_id,
                nominee=nominee.name,
                collective=nominee.kind is not NomineeKind.INDIVIDUAL,
                award=form.name,
                award_level=form.level,
                ballots_issued=vote.ballots_issued,
                ballots_valid=vote.ballots_valid,
                ballots_for=vote.ballots_for,
                members=vote.members,
                proposed=vote.proposed,
                conclusion=vote.conclusion,
                share=council_wording.share(vote.ballots_for, vote.members),
                required=council_wording.required_share(form.vote_percent, form.vote_comparison),
            )
        )
    # The minutes read the highest award first, then the collectives before the persons.
    rows.sort(key=lambda r: (-r.award_level, r.award, not r.collective, r.id))
    return rows


def load_meeting(session: Session, meeting_id: int) -> MeetingView:
    meeting = get_meeting(session, meeting_id)
    campaign = get_campaign(session, meeting.campaign_id)
    present = set(attendee_ids(session, meeting_id))
    year_members = list_members(session, campaign.year, include_inactive=True)
    members = [m for m in year_members if m.active or m.id in present]
    attendees = [MemberRow.of(m) for m in sorted(members, key=member_order) if m.id in present]
    return MeetingView(
        id=saved_id(meeting.id),
        campaign_id=saved_id(campaign.id),
        campaign_name=campaign.name,
        campaign_year=campaign.year,
        held_on=meeting.held_on,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        place=meeting.place,
        note=meeting.note,
        members=[MemberRow.of(m) for m in members],
        attendees=attendees,
        votes=_vote_rows(session, meeting_id),
    )


@dataclass(frozen=True)
class MeetingRow:
    """A line of the list of meetings."""

    id: int
    held_on: date
    campaign_id: int
    campaign_name: str
    place: str
    attendees: int
    votes: int


def list_meetings(session: Session, campaign_id: int | None = None) -> list[MeetingRow]:
    """The meetings, newest first; of one campaign with ``campaign_id``."""
    query = select(CouncilMeeting)
    if campaign_id is not None:
        get_campaign(session, campaign_id)
        query = query.where(CouncilMeeting.campaign_id == campaign_id)
    meetings = session.exec(
        query.order_by(col(CouncilMeeting.held_on).desc(), col(CouncilMeeting.id).desc())
    ).all()
    campaigns = {c.id: c for c in session.exec(select(Campaign))}
    rows = []
    for meeting in meetings:
        meeting_id = saved_id(meeting.id)
        votes = session.exec(
            select(CouncilVote.id).where(CouncilVote.meeting_id == meeting_id)
        ).all()
        rows.append(
            MeetingRow(
                id=meeting_id,
                held_on=meeting.held_on,
                campaign_id=meeting.campaign_id,
                campaign_name=campaigns[meeting.campaign_id].name,
                place=meeting.place,
                attendees=len(attendee_ids(session, meeting_id)),
                votes=len(votes),
            )
        )
    return rows
