"""Biên bản họp Hội đồng Thi đua - Khen thưởng phường (BB): one meeting of the council as printed.

Made from the meeting's record (:func:`desktop.council.meetings.load_meeting`): who attended and
who was absent, the dossiers considered by award form, the result of each secret ballot against
all the council's members, and what the council concluded. Issuing it marks the Biên bản of every
voted dossier with the document's number (``on_issue``).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlmodel import Session

from desktop.awards.papers import mark_made
from desktop.council.errors import CouncilError
from desktop.council.meetings import MeetingView, MemberRow, VoteRow, load_meeting
from desktop.council.votes import MINUTES_PAPER
from desktop.decisions.certificates import period_of
from desktop.documents.common import DocumentRequest, this_year
from desktop.documents.kinds import DocumentError
from desktop.documents.template import BLANK, BLANK_TEXT
from desktop.models import Campaign, CouncilRole, IssuedDocument
from desktop.text import wording

TEMPLATE = "bien-ban-hop-hoi-dong.txt"
TYPE_CODE = "BB"
DATA_KEYS = ("meeting", "campaign", "council", "groups", "votes", "conclusion")
WARD_LEVEL = 1


def meeting_of(session: Session, request: DocumentRequest) -> MeetingView:
    if request.meeting_id is None:
        raise DocumentError("Hãy chọn phiên họp Hội đồng (--meeting).")
    try:
        return load_meeting(session, request.meeting_id)
    except CouncilError as error:
        raise DocumentError(str(error)) from None


def title(session: Session, request: DocumentRequest) -> str:
    if request.blank:
        return "Biên bản họp Hội đồng Thi đua - Khen thưởng"
    view = meeting_of(session, request)
    return f"Biên bản họp Hội đồng Thi đua - Khen thưởng ngày {wording.short_date(view.held_on)}"


def document_year(session: Session, request: DocumentRequest) -> int:
    if request.blank:
        return request.year or this_year()
    return meeting_of(session, request).held_on.year


def _person(member: MemberRow | None) -> dict[str, str]:
    if member is None:
        return {"name": "", "position": "", "role": "", "title": ""}
    title = member.role_label.upper() if member.role is not CouncilRole.MEMBER else "CHỦ TRÌ"
    return {
        "name": member.full_name,
        "position": member.position,
        "role": member.role_label,
        "title": title,
    }


def _vote(vote: VoteRow) -> dict[str, Any]:
    return {
        "dossier_id": vote.dossier_id,
        "nominee": vote.nominee,
        "kind": "Tập thể" if vote.collective else "Cá nhân",
        "award": vote.award,
        "issued": wording.count(vote.ballots_issued),
        "valid": wording.count(vote.ballots_valid),
        "invalid": wording.count(vote.ballots_issued - vote.ballots_valid),
        "agree": wording.count(vote.ballots_for),
        "disagree": wording.count(vote.ballots_valid - vote.ballots_for),
        "members": wording.count(vote.members),
        "share": vote.share,
        "required": vote.required,
        "outcome": vote.outcome,
        "conclusion": vote.conclusion,
    }


def counts_text(collectives: int, individuals: int) -> str:
    """ "2 tập thể, 1 cá nhân", "1 tập thể": only what there is ("" for none)."""
    return wording.nominees(collectives, individuals)


def _counts(votes: list[VoteRow]) -> str:
    collectives = sum(1 for v in votes if v.collective)
    return counts_text(collectives, len(votes) - collectives) or "0 hồ sơ"


def _groups(votes: list[VoteRow], proposed_only: bool = False) -> list[dict[str, Any]]:
    awards = list(dict.fromkeys(v.award for v in votes if v.proposed or not proposed_only))
    out = []
    for award in awards:
        rows = [v for v in votes if v.award == award and (v.proposed or not proposed_only)]
        out.append({"award": award, "level": rows[0].award_level, "counts": _counts(rows)})
    return out


def opening(view: MeetingView) -> str:
    """ "Vào hồi 8 giờ 00 phút, ngày 10 tháng 12 năm 2025, tại Hội trường …": the time and place
    the Biên bản opens with, of what the meeting's record holds (no blank for what it lacks)."""
    when = wording.long_date(view.held_on)
    if view.starts_at is not None:
        when = f"hồi {wording.hours_text(view.starts_at)}, {when}"
    return f"Vào {when}, tại {view.place}" if view.place else f"Vào {when}"


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    view = meeting_of(session, request)
    proposed = view.proposed
    ward_level = [v for v in proposed if v.award_level == WARD_LEVEL]
    higher = [v for v in proposed if v.award_level > WARD_LEVEL]
    roles = Counter(m.role for m in view.attendees)
    campaign = session.get(Campaign, view.campaign_id)
    assert campaign is not None  # the meeting's own campaign
    return {
        "meeting": {
            "date": view.held_on,
            "long_date": wording.long_date(view.held_on),
            "opening": opening(view),
            "end": wording.hours_text(view.ends_at) if view.ends_at else "",
            "place": view.place,
            "note": view.note,
        },
        # "năm 2025", "giai đoạn 2025 - 2027": what the round reviews, as the Giấy khen says it
        "campaign": {
            "name": view.campaign_name,
            "year": view.campaign_year,
            "period": period_of(campaign),
        },
        "council": {
            "total": wording.count(view.total_members),
            "present": wording.count(len(view.attendees)),
            "quorum_met": len(view.attendees) * 2 >= view.total_members,
            "chair": _person(view.chair),
            "secretary": _person(view.secretary),
            "attendees": [
                {"name": m.full_name, "position": m.position, "role": m.role_label}
                for m in view.attendees
            ],
            "absent": ", ".join(m.full_name for m in view.absent),
            "members_present": wording.count(roles[CouncilRole.MEMBER]),
        },
        "groups": _groups(view.votes),
        "votes": [_vote(v) for v in view.votes],
        "conclusion": {
            "considered": _counts(view.votes),
            "ward": _counts(ward_level) if ward_level else "",
            "higher": _groups(higher, proposed_only=True),
            "declined": [_vote(v) for v in view.declined],
        },
    }


def check_issuable(session: Session, request: DocumentRequest) -> None:
    """A Biên bản is signed by the one who presided and by the Thư ký: with either missing from
    the meeting's list, none is issued (an issued copy never leaves a signer as dots)."""
    view = meeting_of(session, request)
    missing = [
        who
        for who, member in (("người chủ trì", view.chair), ("Thư ký Hội đồng", view.secretary))
        if member is None
    ]
    if missing:
        raise DocumentError(
            f"Phiên họp {wording.long_date(view.held_on)} không có {' và '.join(missing)} trong "
            "danh sách thành viên dự họp, nên không ai ký được Biên bản; hãy sửa danh sách dự họp "
            "(trang Hội đồng và quyết định) rồi cấp số."
        )


def on_issue(session: Session, record: IssuedDocument, request: DocumentRequest) -> None:
    """The Biên bản of every voted dossier is this document: its number goes on the paper."""
    view = meeting_of(session, request)
    note = f"Biên bản số {record.symbol} {wording.long_date(record.issued_on)}"
    for vote in view.votes:
        mark_made(session, vote.dossier_id, MINUTES_PAPER, note)


def blank_data(session: Session, request: DocumentRequest) -> dict[str, Any]:
    """The form to fill by hand: dotted names and counts, empty rows for members and ballots."""
    person = {"name": "", "position": "", "role": "", "title": "CHỦ TỊCH HỘI ĐỒNG"}
    return {
        "meeting": {
            "date": None,
            "long_date": f"ngày {BLANK_TEXT}",
            "opening": "",
            "end": "",
            "place": "",
            "note": "",
        },
        "campaign": {"name": BLANK, "year": BLANK, "period": "năm ……"},
        "council": {
            "total": BLANK,
            "present": BLANK,
            "quorum_met": False,
            "chair": person,
            "secretary": {**person, "title": "THƯ KÝ"},
            "attendees": BLANK,
            "absent": BLANK,
            "members_present": BLANK,
        },
        "groups": [{"award": BLANK, "counts": BLANK}],
        "votes": BLANK,
        "conclusion": {"considered": BLANK, "ward": BLANK, "higher": [], "declined": []},
    }
