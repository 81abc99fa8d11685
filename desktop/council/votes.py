"""Kết quả bỏ phiếu kín: the council's secret ballot on one dossier at one meeting.

The ballot decides against the award form's required share of *all* the council's members (the
year's active members), in whole numbers; then the workflow moves the dossier to Hội đồng đề nghị
or Hội đồng không đề nghị (:attr:`~desktop.awards.workflow.Act.VOTE`). The workflow's own refusal
— a nominee under discipline, a missing paper or standard — leaves as it is, and nothing of the
ballot is recorded. A recorded ballot marks the dossier's Biên bản họp Hội đồng as made.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.awards.catalogue import get_award_form
from desktop.awards.dossiers import get_dossier
from desktop.awards.papers import mark_made
from desktop.awards.workflow import Act, move_dossier
from desktop.council import wording as council_wording
from desktop.council.errors import CouncilError
from desktop.council.meetings import attendee_ids, get_meeting
from desktop.council.members import active_count
from desktop.models import Campaign, CouncilVote, DossierStatus
from desktop.models.ids import saved_id
from desktop.text import clean, wording

MINUTES_PAPER = "minutes"  # DossierComponent.made_by of the Biên bản họp Hội đồng


def check_counts(issued: int, valid: int, ballots_for: int, attendees: int) -> None:
    """0 ≤ đồng ý ≤ hợp lệ ≤ phát ra ≤ số thành viên dự họp."""
    if min(issued, valid, ballots_for) < 0:
        raise CouncilError("Số phiếu không được âm.")
    if issued > attendees:
        raise CouncilError(
            f"Số phiếu phát ra ({wording.count(issued)}) nhiều hơn số thành viên dự họp "
            f"({wording.count(attendees)}); hãy kiểm tra lại biên bản kiểm phiếu."
        )
    if issued == 0:
        raise CouncilError("Hãy ghi số phiếu phát ra (ít nhất 1 phiếu).")
    if valid > issued:
        raise CouncilError(
            f"Số phiếu hợp lệ ({wording.count(valid)}) nhiều hơn số phiếu phát ra "
            f"({wording.count(issued)})."
        )
    if ballots_for > valid:
        raise CouncilError(
            f"Số phiếu đồng ý ({wording.count(ballots_for)}) nhiều hơn số phiếu hợp lệ "
            f"({wording.count(valid)})."
        )


def record_vote(
    session: Session,
    meeting_id: int,
    dossier_id: int,
    ballots_issued: int,
    ballots_valid: int,
    ballots_for: int,
    conclusion: str = "",
) -> CouncilVote:
    """Ghi kết quả bỏ phiếu kín on one dossier and move it on; see the module's docstring.

    ``conclusion`` is the council's own wording; without it the conclusion is worded from the
    counts ("8/9 thành viên đồng ý (88,9%), trên 50% tổng số thành viên: Hội đồng đề nghị").
    """
    meeting = get_meeting(session, meeting_id)
    dossier = get_dossier(session, dossier_id)
    campaign = session.get(Campaign, meeting.campaign_id)
    assert campaign is not None  # a meeting's campaign is a foreign key
    earlier = session.exec(
        select(CouncilVote).where(
            CouncilVote.meeting_id == meeting_id, CouncilVote.dossier_id == dossier_id
        )
    ).first()
    if earlier is not None:
        raise CouncilError(
            f"Hồ sơ số {dossier_id} đã có kết quả bỏ phiếu tại phiên họp số {meeting_id}; "
            "mỗi hồ sơ chỉ bỏ phiếu một lần trong một phiên họp."
        )
    if dossier.campaign_id != meeting.campaign_id:
        raise CouncilError(
            f"Hồ sơ số {dossier_id} không thuộc {campaign.name.lower()}, đợt mà phiên họp số "
            f"{meeting_id} xét; hãy chọn phiên họp của đợt xét của hồ sơ."
        )
    if dossier.status is not DossierStatus.SUBMITTED_TO_COUNCIL:
        raise CouncilError(
            f"Hồ sơ số {dossier_id} đang “{dossier.status.label}”; Hội đồng chỉ bỏ phiếu hồ sơ "
            f"“{DossierStatus.SUBMITTED_TO_COUNCIL.label}”."
        )
    check_counts(ballots_issued, ballots_valid, ballots_for, len(attendee_ids(session, meeting_id)))
    members = active_count(session, campaign.year)
    form = get_award_form(session, dossier.award_form_id)
    proposed = council_wording.reaches_share(
        ballots_for, members, form.vote_percent, form.vote_comparison
    )
    text = clean(conclusion) or council_wording.conclusion(
        ballots_for, members, form.vote_percent, form.vote_comparison, proposed
    )
    held_on = wording.short_date(meeting.held_on)
    move_dossier(
        session,
        dossier_id,
        DossierStatus.COUNCIL_PROPOSED if proposed else DossierStatus.COUNCIL_DECLINED,
        note=f"Phiên họp Hội đồng ngày {held_on}: {text}",
        act=Act.VOTE,
    )
    vote = CouncilVote(
        meeting_id=meeting_id,
        dossier_id=dossier_id,
        ballots_issued=ballots_issued,
        ballots_valid=ballots_valid,
        ballots_for=ballots_for,
        members=members,
        proposed=proposed,
        conclusion=text,
    )
    session.add(vote)
    session.flush()
    mark_made(session, saved_id(dossier.id), MINUTES_PAPER, f"Biên bản họp Hội đồng ngày {held_on}")
    return vote
