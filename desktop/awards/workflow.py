"""The path of a dossier (quy trình xét khen thưởng) and the rules at each step.

Nháp → Đã trình Hội đồng phường → (Trả lại bổ sung ↔ Đã trình Hội đồng phường) → the council's
secret ballot: Hội đồng đề nghị / Hội đồng không đề nghị → for a ward award, the Chairman's
Quyết định (Được khen thưởng); for a higher award, the city Tờ trình (Đã gửi cấp trên) and the
received decision (Được khen thưởng / Không được khen thưởng). A dossier sent back (Trả lại bổ
sung, Hội đồng không đề nghị, Không được khen thưởng) can be reopened as a new round.

Some steps are taken only by the act that decides them (:class:`Act`): the ballot moves a dossier
to Hội đồng đề nghị or không đề nghị, a decision to Được khen thưởng, the city Tờ trình to Đã gửi
cấp trên, a revocation back from Được khen thưởng, a reopening back to Nháp. Every step writes one
:class:`DossierEvent` and, through the storage hooks, the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_award_form
from desktop.awards.detail import load_detail
from desktop.awards.dossiers import get_dossier
from desktop.awards.errors import DossierError
from desktop.models import AwardForm, Dossier, DossierEvent, DossierStatus
from desktop.models._base import now
from desktop.models.ids import saved_id
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, clean_line, wording

S = DossierStatus
WARD_LEVEL = 1


class Act(StrEnum):
    """What takes a step: the clerk's button or command, or the record that decides it."""

    CLERK = "clerk"
    VOTE = "vote"  # kết quả bỏ phiếu của Hội đồng
    SUBMISSION = "submission"  # Tờ trình gửi thành phố được ban hành
    DECISION = "decision"  # quyết định khen thưởng được ban hành hoặc ghi nhận
    REVOCATION = "revocation"  # quyết định bị hủy
    REOPEN = "reopen"  # mở lại hồ sơ cho lần xét mới


TRANSITIONS: dict[DossierStatus, tuple[DossierStatus, ...]] = {
    S.DRAFT: (S.SUBMITTED_TO_COUNCIL,),
    S.SUBMITTED_TO_COUNCIL: (S.RETURNED, S.COUNCIL_PROPOSED, S.COUNCIL_DECLINED),
    S.RETURNED: (S.SUBMITTED_TO_COUNCIL, S.DRAFT),
    S.COUNCIL_PROPOSED: (S.SENT_UP, S.AWARDED, S.NOT_AWARDED, S.RETURNED),
    S.COUNCIL_DECLINED: (S.DRAFT,),
    S.SENT_UP: (S.RETURNED, S.AWARDED, S.NOT_AWARDED),
    S.AWARDED: (S.COUNCIL_PROPOSED, S.SENT_UP),
    S.NOT_AWARDED: (S.DRAFT,),
}
# The act a step into this status needs; a status not named here is the clerk's step.
TAKEN_BY: dict[DossierStatus, Act] = {
    S.COUNCIL_PROPOSED: Act.VOTE,
    S.COUNCIL_DECLINED: Act.VOTE,
    S.SENT_UP: Act.SUBMISSION,
    S.AWARDED: Act.DECISION,
    S.DRAFT: Act.REOPEN,
}
# Steps that carry the dossier on towards an award: completeness and the nominee are checked.
FORWARD = (S.SUBMITTED_TO_COUNCIL, S.COUNCIL_PROPOSED, S.SENT_UP, S.AWARDED)
# Steps that need a word of why (what to supplement, why not, why reopened).
NEEDS_NOTE = (S.RETURNED, S.NOT_AWARDED, S.COUNCIL_DECLINED)
# Where a reopened dossier may come from: sent back by the council or the city.
REOPENABLE = (S.RETURNED, S.COUNCIL_DECLINED, S.NOT_AWARDED)

# The clerk's own steps, as the buttons and the step dialog name them.
ACTION_LABELS = {
    S.SUBMITTED_TO_COUNCIL: "Trình Hội đồng phường",
    S.RETURNED: "Trả lại bổ sung",
    S.NOT_AWARDED: "Không được khen thưởng",
    S.DRAFT: "Mở lại hồ sơ (lần xét mới)",
}


def clerk_steps(dossier: Dossier, form: AwardForm) -> list[DossierStatus]:
    """The steps the clerk's buttons offer: their own, and the reopening of a closed dossier."""
    return allowed_next(dossier, form) + allowed_next(dossier, form, Act.REOPEN)


def act_of_clerk_step(to: DossierStatus) -> Act:
    """The act behind a clerk's button: a reopening for Nháp, the clerk's own step otherwise."""
    return Act.REOPEN if to is S.DRAFT else Act.CLERK


@dataclass(frozen=True)
class Decision:
    """Quyết định khen thưởng: number, date and issuer (cơ quan, người ký quyết định);
    ``record_id`` the :class:`~desktop.models.AwardDecision` it is, ``bonus`` the tiền thưởng
    (đồng) it gives this dossier."""

    number: str
    date: date | None
    issuer: str = ""
    record_id: int | None = None
    bonus: int = 0


def allowed_next(dossier: Dossier, form: AwardForm, act: Act = Act.CLERK) -> list[DossierStatus]:
    """The steps the workflow allows from here, for this award's level, to the given act."""
    ward_level = form.level == WARD_LEVEL
    steps = [s for s in TRANSITIONS[dossier.status] if TAKEN_BY.get(s, Act.CLERK) is act]
    if act is Act.REVOCATION:
        if dossier.status is not S.AWARDED:
            return []
        return [S.COUNCIL_PROPOSED if ward_level else S.SENT_UP]
    if dossier.status is S.AWARDED:
        return []
    if ward_level:
        steps = [s for s in steps if s is not S.SENT_UP]
    elif dossier.status is S.COUNCIL_PROPOSED:
        steps = [s for s in steps if s is not S.AWARDED]  # a higher award is sent up first
    return steps


def refusal(
    dossier: Dossier, form: AwardForm, to: DossierStatus, act: Act = Act.CLERK
) -> str | None:
    """Why the workflow does not allow this step, or None when it does."""
    if to in allowed_next(dossier, form, act):
        return None
    if act is Act.REVOCATION:
        return f"Hồ sơ số {dossier.id} chưa được khen thưởng; không có quyết định để hủy."
    needed = TAKEN_BY.get(to, Act.CLERK)
    if dossier.status is S.AWARDED:
        return (
            f"Hồ sơ số {dossier.id} đã được khen thưởng (quyết định số {dossier.decision_number}); "
            "muốn thay đổi hãy đính chính hoặc hủy quyết định."
        )
    if to is S.DRAFT:
        return (
            f"Chỉ mở lại được hồ sơ bị trả lại, Hội đồng không đề nghị hoặc không được khen thưởng; "
            f"hồ sơ số {dossier.id} đang “{dossier.status.label}”."
        )
    if needed is not act and needed is Act.VOTE:
        return (
            f"Hồ sơ chuyển sang “{to.label}” theo kết quả bỏ phiếu kín của Hội đồng; "
            "hãy ghi kết quả phiên họp Hội đồng."
        )
    if to is S.SENT_UP and form.level == WARD_LEVEL:
        return f"“{form.name}” do Chủ tịch UBND phường quyết định; hồ sơ không gửi cấp trên."
    if needed is not act and needed is Act.SUBMISSION:
        return "Hồ sơ được gửi cấp trên khi ban hành Tờ trình gửi UBND thành phố."
    if to is S.AWARDED and form.level != WARD_LEVEL and dossier.status is S.COUNCIL_PROPOSED:
        return (
            f"“{form.name}” do {form.issuer or 'cấp trên'} quyết định; hãy gửi hồ sơ lên cấp trên "
            "trước khi ghi quyết định khen thưởng."
        )
    if needed is not act and needed is Act.DECISION:
        return (
            "Hồ sơ được khen thưởng khi ban hành (hoặc ghi nhận) quyết định khen thưởng; "
            "không chuyển tay sang “Được khen thưởng”."
        )
    return f"Không chuyển được hồ sơ từ “{dossier.status.label}” sang “{to.label}”."


def blocking_items(session: Session, dossier_id: int) -> list[str]:
    """What must be explained (lý do) before the dossier goes to the council: missing papers and
    standards, and a nominee under discipline or complaint."""
    detail = load_detail(session, dossier_id)
    return detail.missing(before_council=True) + detail.warnings()


def move_dossier(
    session: Session,
    dossier_id: int,
    to: DossierStatus,
    *,
    note: str = "",
    reason: str = "",
    decision: Decision | None = None,
    at: datetime | None = None,
    act: Act = Act.CLERK,
) -> DossierEvent:
    """Take one step of the workflow, or refuse it with the clerk's message and change nothing.

    ``act`` is what takes the step (a step of the ballot, a decision, … refuses any other act);
    ``reason`` is why a dossier goes to the council while something is missing (kept in
    ``Dossier.incomplete_reason``); ``decision`` is required for Được khen thưởng.
    """
    dossier = get_dossier(session, dossier_id)
    form = get_award_form(session, dossier.award_form_id)
    refused = refusal(dossier, form, to, act)
    if refused:
        raise DossierError(refused)
    note, reason = clean(note), clean(reason)
    when = _event_time(session, dossier_id, at)
    if (to in NEEDS_NOTE or act in (Act.REOPEN, Act.REVOCATION)) and not note:
        raise DossierError(_NOTE_ASKED.get(act) or _NOTE_ASKED[to])
    if to in FORWARD and act is not Act.REVOCATION:
        _check_forward(session, dossier, to, reason)
    from_status = dossier.status
    if act is Act.REOPEN:
        _reopen(dossier)
    elif act is Act.REVOCATION:
        _clear_decision(dossier)
    # A refusal may come with its own decision; an award always does.
    refusal_decided = decision is not None and bool(decision.number or decision.date)
    if to is S.AWARDED or (to is S.NOT_AWARDED and refusal_decided):
        _record_decision(dossier, form, decision, when.date())
    event = DossierEvent(
        dossier_id=dossier_id,
        at=when,
        from_status=from_status,
        to_status=to,
        note=_event_note(note, reason, dossier, to),
        round=dossier.round,
    )
    set_audit_reason(session, f"Hồ sơ số {dossier_id}: {from_status.label} → {to.label}. {note}")
    dossier.status = to
    dossier.updated_at = now()
    session.add(dossier)
    session.add(event)
    session.flush()
    return event


_NOTE_ASKED: dict[object, str] = {
    S.RETURNED: "Hãy ghi nội dung cần bổ sung.",
    S.NOT_AWARDED: "Hãy ghi lý do không được khen thưởng.",
    S.COUNCIL_DECLINED: "Hãy ghi kết luận của Hội đồng (lý do không đề nghị).",
    Act.REOPEN: "Hãy ghi lý do mở lại hồ sơ cho lần xét mới.",
    Act.REVOCATION: "Hãy ghi lý do hủy quyết định khen thưởng.",
}


def _reopen(dossier: Dossier) -> None:
    """A new round (lần xét) of the same dossier: its history stays, its result is cleared."""
    dossier.round += 1
    dossier.incomplete_reason = ""
    _clear_decision(dossier)


def _clear_decision(dossier: Dossier) -> None:
    dossier.decision_number, dossier.decision_date, dossier.decision_issuer = "", None, ""
    dossier.decision_id = None
    dossier.bonus_amount = 0


def _event_time(session: Session, dossier_id: int, at: datetime | None) -> datetime:
    if at is None:
        return now()
    at = at.replace(microsecond=0)
    if at > now() + timedelta(minutes=1):
        raise DossierError(
            f"Ngày {wording.short_date(at)} ở tương lai; hãy ghi ngày thực hiện bước này."
        )
    last = session.exec(
        select(DossierEvent.at)
        .where(DossierEvent.dossier_id == dossier_id)
        .order_by(col(DossierEvent.at).desc())
    ).first()
    if last is not None and at.date() < last.date():
        raise DossierError(
            f"Ngày {wording.short_date(at)} ở trước bước gần nhất của hồ sơ "
            f"({wording.short_date(last)}); "
            "lịch sử hồ sơ phải theo thứ tự thời gian."
        )
    return at


def _check_forward(session: Session, dossier: Dossier, to: DossierStatus, reason: str) -> None:
    """Before the council, what is missing may be excused with a reason (the council judges it);
    from the council on, the law's conditions hold without exception: no missing paper or
    standard, no discipline or complaint on record (NĐ 152/2025, Điều 4)."""
    detail = load_detail(session, saved_id(dossier.id))
    if not detail.nominee.active:
        raise DossierError(
            f"“{detail.nominee.name}” đã ngừng hoạt động trong sổ đăng ký; hồ sơ không đi tiếp được. "
            "Hãy ghi “Không được khen thưởng” nếu cần khép hồ sơ."
        )
    if to is S.SUBMITTED_TO_COUNCIL:
        items = detail.missing(before_council=True) + detail.warnings()
        if items and not reason:
            raise DossierError(
                "Hồ sơ chưa đầy đủ:\n- "
                + "\n- ".join(items)
                + "\nHãy bổ sung, hoặc ghi lý do vẫn trình Hội đồng."
            )
        dossier.incomplete_reason = reason if items else ""
        return
    if detail.nominee.flagged:
        raise DossierError(
            f"“{detail.nominee.name}” đang có ghi chú kỷ luật, thanh tra hoặc khiếu nại "
            f"({detail.nominee.discipline_note}); hồ sơ số {dossier.id} không qua Hội đồng được "
            "cho tới khi ghi chú được gỡ (có lý do)."
        )
    items = detail.missing(before_council=to is S.COUNCIL_PROPOSED)
    if items:
        raise DossierError(
            f"Hồ sơ số {dossier.id} ({detail.nominee.name}) chưa đầy đủ, không "
            + ("được Hội đồng đề nghị" if to is S.COUNCIL_PROPOSED else "đi tiếp được")
            + ":\n- "
            + "\n- ".join(items)
        )
    dossier.incomplete_reason = ""


def _record_decision(
    dossier: Dossier, form: AwardForm, decision: Decision | None, today: date
) -> None:
    if decision is None or not clean_line(decision.number):
        raise DossierError("Hãy ghi số quyết định khen thưởng (ví dụ 125/QĐ-UBND).")
    if decision.date is None:
        raise DossierError("Hãy ghi ngày ký quyết định khen thưởng.")
    if decision.date > today:
        raise DossierError(
            f"Ngày quyết định {wording.short_date(decision.date)} ở sau ngày ghi nhận; hãy kiểm tra lại."
        )
    dossier.decision_number = clean_line(decision.number)
    dossier.decision_date = decision.date
    dossier.decision_issuer = clean_line(decision.issuer) or form.issuer
    dossier.decision_id = decision.record_id
    dossier.bonus_amount = decision.bonus


def _event_note(note: str, reason: str, dossier: Dossier, to: DossierStatus) -> str:
    parts = [note] if note else []
    if to in FORWARD and dossier.incomplete_reason and reason:
        parts.append(f"Chuyển khi hồ sơ chưa đầy đủ, lý do: {reason}")
    if to is S.AWARDED or (to is S.NOT_AWARDED and dossier.decision_number):
        parts.append(
            f"Quyết định số {dossier.decision_number} ngày {wording.short_date(dossier.decision_date)}"
        )
    return ". ".join(parts)
