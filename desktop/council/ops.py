"""The council's changes as operations for the one door (:mod:`desktop.changes`).

Members and meetings announce :attr:`Area.COUNCIL`; a ballot also announces the dossier it moved
(:attr:`Area.DOSSIERS`). They are recorded acts with their reason in the audit log: no Ctrl+Z (a
ballot is the council's, a meeting is in its minutes; a member added by mistake is removed).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

from sqlmodel import Session

from desktop.changes import Area, Change, Done, Operation, Query
from desktop.council import meetings, members, votes
from desktop.models import CouncilRole
from desktop.models.ids import CampaignId, DossierId, MeetingId, MemberId, saved_id


def council_changed(*ids: int) -> Change:
    return Change.of(Area.COUNCIL, *ids)


def add_member(
    year: int,
    full_name: str,
    position: str = "",
    role: CouncilRole | str = CouncilRole.MEMBER,
    ordinal: int | None = None,
) -> Operation[MemberId]:
    """Thêm thành viên Hội đồng of ``year``."""

    def operation(session: Session) -> Done[MemberId]:
        member = members.add_member(session, year, full_name, position, role, ordinal)
        member_id = MemberId(saved_id(member.id))
        return Done(member_id, council_changed(member_id))

    return operation


def change_member(
    member_id: MemberId,
    *,
    full_name: str | None = None,
    position: str | None = None,
    role: CouncilRole | str | None = None,
    ordinal: int | None = None,
) -> Operation[None]:
    """Sửa thành viên: only the fields given change."""

    def operation(session: Session) -> Done[None]:
        members.change_member(
            session, member_id, full_name=full_name, position=position, role=role, ordinal=ordinal
        )
        return Done(None, council_changed(member_id))

    return operation


def remove_member(member_id: MemberId) -> Operation[bool]:
    """Bỏ thành viên: True when deleted, False when kept inactive (it attended a meeting)."""

    def operation(session: Session) -> Done[bool]:
        deleted = members.remove_member(session, member_id)
        return Done(deleted, council_changed(member_id))

    return operation


def copy_members(from_year: int, to_year: int) -> Operation[list[MemberId]]:
    """Kiện toàn Hội đồng ``to_year`` with the members of ``from_year``."""

    def operation(session: Session) -> Done[list[MemberId]]:
        copies = members.copy_members(session, from_year, to_year)
        ids = [MemberId(saved_id(m.id)) for m in copies]
        return Done(ids, council_changed(*ids))

    return operation


def create_meeting(
    campaign_id: CampaignId,
    held_on: date,
    place: str,
    attendee_ids: Iterable[int],
    note: str = "",
    hours: tuple[time | None, time | None] = (None, None),
) -> Operation[MeetingId]:
    """Ghi phiên họp Hội đồng with who attended (and, if known, when it began and ended)."""
    attending = list(attendee_ids)

    def operation(session: Session) -> Done[MeetingId]:
        meeting = meetings.create_meeting(
            session, campaign_id, held_on, place, attending, note, hours
        )
        meeting_id = MeetingId(saved_id(meeting.id))
        return Done(meeting_id, council_changed(meeting_id))

    return operation


def record_vote(
    meeting_id: MeetingId,
    dossier_id: DossierId,
    ballots_issued: int,
    ballots_valid: int,
    ballots_for: int,
    conclusion: str = "",
) -> Operation[meetings.VoteRow]:
    """Ghi kết quả bỏ phiếu kín on one dossier; the dossier moves with it."""

    def operation(session: Session) -> Done[meetings.VoteRow]:
        vote = votes.record_vote(
            session, meeting_id, dossier_id, ballots_issued, ballots_valid, ballots_for, conclusion
        )
        view = meetings.load_meeting(session, meeting_id)
        row = next(v for v in view.votes if v.id == vote.id)
        return Done(row, council_changed(meeting_id) | Change.of(Area.DOSSIERS, dossier_id))

    return operation


# -- reads (for ctx.door.read) ---------------------------------------------------------------------
def read_members(year: int, include_inactive: bool = False) -> Query[list[meetings.MemberRow]]:
    """The members of ``year`` in the minutes' order."""

    def query(session: Session) -> list[meetings.MemberRow]:
        rows = members.list_members(session, year, include_inactive=include_inactive)
        return [meetings.MemberRow.of(m) for m in rows]

    return query


def read_meeting(meeting_id: MeetingId) -> Query[meetings.MeetingView]:
    return lambda session: meetings.load_meeting(session, meeting_id)


def read_meetings(campaign_id: CampaignId | None = None) -> Query[list[meetings.MeetingRow]]:
    return lambda session: meetings.list_meetings(session, campaign_id)
