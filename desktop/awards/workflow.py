"""The path of a dossier (quy trình xét khen thưởng) and the rules at each step.

Nháp → Đã trình Hội đồng phường → (Trả lại bổ sung ↔ Đã trình Hội đồng phường) → Đã gửi cấp trên →
Được khen thưởng / Không được khen thưởng. A ward-level award (Giấy khen of the ward's chairman) is
decided at the ward, so after the council it goes straight to the decision; a higher award is sent up.
Every step writes one :class:`DossierEvent` and, through the storage hooks, the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

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

TRANSITIONS: dict[DossierStatus, tuple[DossierStatus, ...]] = {
    S.DRAFT: (S.SUBMITTED_TO_COUNCIL,),
    S.SUBMITTED_TO_COUNCIL: (S.RETURNED, S.SENT_UP, S.AWARDED, S.NOT_AWARDED),
    S.RETURNED: (S.SUBMITTED_TO_COUNCIL,),
    S.SENT_UP: (S.RETURNED, S.AWARDED, S.NOT_AWARDED),
    S.AWARDED: (),
    S.NOT_AWARDED: (),
}
# Steps that carry the dossier on towards an award: completeness and the nominee are checked.
FORWARD = (S.SUBMITTED_TO_COUNCIL, S.SENT_UP, S.AWARDED)
# Steps that need a word of why (what to supplement, why not awarded).
NEEDS_NOTE = (S.RETURNED, S.NOT_AWARDED)

ACTION_LABELS = {
    S.SUBMITTED_TO_COUNCIL: "Trình Hội đồng phường",
    S.RETURNED: "Trả lại bổ sung",
    S.SENT_UP: "Gửi cấp trên",
    S.AWARDED: "Ghi quyết định khen thưởng",
    S.NOT_AWARDED: "Không được khen thưởng",
}


@dataclass(frozen=True)
class Decision:
    """Quyết định khen thưởng: number, date and issuer (cơ quan, người ký quyết định)."""

    number: str
    date: date | None
    issuer: str = ""


def allowed_next(dossier: Dossier, form: AwardForm) -> list[DossierStatus]:
    """The steps the workflow allows from here, for this award's level."""
    steps = list(TRANSITIONS[dossier.status])
    if dossier.status is S.SUBMITTED_TO_COUNCIL:
        ward_level = form.level == WARD_LEVEL
        steps = [s for s in steps if not (s is S.SENT_UP and ward_level)]
        steps = [s for s in steps if not (s is S.AWARDED and not ward_level)]
    return steps


def refusal(dossier: Dossier, form: AwardForm, to: DossierStatus) -> str | None:
    """Why the workflow does not allow this step, or None when it does."""
    if to in allowed_next(dossier, form):
        return None
    if dossier.status in (S.AWARDED, S.NOT_AWARDED):
        return (
            f"Hồ sơ số {dossier.id} đã có kết quả ({dossier.status.label}); "
            "không chuyển sang bước khác được."
        )
    if dossier.status is S.SUBMITTED_TO_COUNCIL and to is S.SENT_UP:
        return f"“{form.name}” do phường quyết định; hồ sơ không gửi cấp trên."
    if dossier.status is S.SUBMITTED_TO_COUNCIL and to is S.AWARDED:
        return (
            f"“{form.name}” do {form.issuer or 'cấp trên'} quyết định; hãy gửi hồ sơ lên cấp trên "
            "trước khi ghi quyết định khen thưởng."
        )
    return f"Không chuyển được hồ sơ từ “{dossier.status.label}” sang “{to.label}”."


def blocking_items(session: Session, dossier_id: int) -> list[str]:
    """What must be explained (lý do) before the dossier may go on: missing papers and standards,
    and a nominee under discipline or complaint."""
    detail = load_detail(session, dossier_id)
    return detail.missing() + detail.warnings()


def move_dossier(
    session: Session,
    dossier_id: int,
    to: DossierStatus,
    *,
    note: str = "",
    reason: str = "",
    decision: Decision | None = None,
    at: datetime | None = None,
) -> DossierEvent:
    """Take one step of the workflow, or refuse it with the clerk's message and change nothing.

    ``reason`` is why the dossier goes on while something is missing (kept in
    ``Dossier.incomplete_reason``); ``decision`` is required for Được khen thưởng.
    """
    dossier = get_dossier(session, dossier_id)
    form = get_award_form(session, dossier.award_form_id)
    refused = refusal(dossier, form, to)
    if refused:
        raise DossierError(refused)
    note, reason = clean(note), clean(reason)
    when = _event_time(session, dossier_id, at)
    if to in NEEDS_NOTE and not note:
        raise DossierError(
            "Hãy ghi nội dung cần bổ sung."
            if to is S.RETURNED
            else "Hãy ghi lý do không được khen thưởng."
        )
    if to in FORWARD:
        _check_forward(session, dossier, reason)
    # A refusal may come with its own decision; an award always does.
    refusal_decided = decision is not None and bool(decision.number or decision.date)
    if to is S.AWARDED or (to is S.NOT_AWARDED and refusal_decided):
        _record_decision(dossier, form, decision, when.date())
    event = DossierEvent(
        dossier_id=dossier_id,
        at=when,
        from_status=dossier.status,
        to_status=to,
        note=_event_note(note, reason, dossier, to),
    )
    set_audit_reason(session, f"Hồ sơ số {dossier_id}: {dossier.status.label} → {to.label}. {note}")
    dossier.status = to
    session.add(dossier)
    session.add(event)
    session.flush()
    return event


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


def _check_forward(session: Session, dossier: Dossier, reason: str) -> None:
    detail = load_detail(session, saved_id(dossier.id))
    if not detail.nominee.active:
        raise DossierError(
            f"“{detail.nominee.name}” đã ngừng hoạt động trong sổ đăng ký; hồ sơ không đi tiếp được. "
            "Hãy ghi “Không được khen thưởng” nếu cần khép hồ sơ."
        )
    items = detail.missing() + detail.warnings()
    if items and not reason:
        raise DossierError(
            "Hồ sơ chưa đầy đủ:\n- "
            + "\n- ".join(items)
            + "\nHãy bổ sung, hoặc ghi lý do vẫn chuyển hồ sơ đi tiếp."
        )
    if items:
        dossier.incomplete_reason = reason
    elif dossier.incomplete_reason:
        dossier.incomplete_reason = ""  # complete now: an old excuse no longer applies


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


def _event_note(note: str, reason: str, dossier: Dossier, to: DossierStatus) -> str:
    parts = [note] if note else []
    if to in FORWARD and dossier.incomplete_reason and reason:
        parts.append(f"Chuyển khi hồ sơ chưa đầy đủ, lý do: {reason}")
    if to is S.AWARDED or (to is S.NOT_AWARDED and dossier.decision_number):
        parts.append(
            f"Quyết định số {dossier.decision_number} ngày {wording.short_date(dossier.decision_date)}"
        )
    return ". ".join(parts)
