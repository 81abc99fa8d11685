"""Đính chính and hủy of a recorded quyết định khen thưởng: never silently, always with a reason.

A correction changes the decision's number, date or issuer in place and, in the same transaction,
the same three fields repeated on every dossier it awarded; the audit rows carry the reason and
each dossier's history gets a line saying what changed. A decision the ward issued here (the
Chairman's, ``document_id`` set) is not corrected: its number is the register's and its printed
PDF is what was signed, so it is revoked and issued again.

A revocation keeps the decision with its date and reason; every dossier it awarded goes back to
await a decision (Hội đồng đề nghị for a ward award, Đã gửi cấp trên for a higher one). The
certificates already numbered stay in the register, marked by the decision's revocation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_award_form
from desktop.awards.workflow import Act, allowed_next, move_dossier
from desktop.decisions.errors import DecisionError
from desktop.decisions.received import already_recorded, check_number, check_signed_on, same_number
from desktop.models import AwardDecision, Dossier, DossierEvent
from desktop.models._base import now
from desktop.models.ids import saved_id
from desktop.models.periods import today
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, clean_line, wording

ISSUED_NUMBER = (
    "Số của quyết định do phường ban hành là số trong sổ văn bản; hãy hủy và ban hành lại."
)


@dataclass(frozen=True)
class Correction:
    """What the clerk corrects; None leaves that field as it is."""

    number: str | None = None
    signed_on: date | None = None
    issuer: str | None = None


def get_decision(session: Session, decision_id: int) -> AwardDecision:
    decision = session.get(AwardDecision, decision_id)
    if decision is None:
        raise DecisionError(f"Không tìm thấy quyết định khen thưởng mã {decision_id}.")
    return decision


def awarded_by(session: Session, decision_id: int) -> list[Dossier]:
    """The dossiers this decision awards now (a revoked decision awards none)."""
    return list(
        session.exec(
            select(Dossier).where(Dossier.decision_id == decision_id).order_by(col(Dossier.id))
        ).all()
    )


def _living(decision: AwardDecision, doing: str) -> None:
    if decision.revoked_on is not None:
        raise DecisionError(
            f"Quyết định số {decision.number} đã bị hủy ngày "
            f"{wording.short_date(decision.revoked_on)}; không {doing} được nữa."
        )


def correct_decision(
    session: Session, decision_id: int, correction: Correction, reason: str
) -> AwardDecision:
    """Đính chính: number, date and/or issuer of the decision and of every dossier it awarded,
    with ``reason`` in the audit log and a line in each dossier's history."""
    decision = get_decision(session, decision_id)
    _living(decision, "đính chính")
    reason = clean(reason)
    if not reason:
        raise DecisionError("Hãy ghi lý do đính chính quyết định.")
    number = decision.number if correction.number is None else check_number(correction.number)
    signed_on = (
        decision.signed_on
        if correction.signed_on is None
        else check_signed_on(correction.signed_on)
    )
    issuer = decision.issuer if correction.issuer is None else clean_line(correction.issuer)
    if not issuer:
        raise DecisionError("Hãy ghi cơ quan, người ký quyết định.")
    changes = _changes(decision, number, signed_on, issuer)
    if not changes:
        raise DecisionError(
            f"Số, ngày và cơ quan ban hành đã ghi đúng như vậy; quyết định số {decision.number} "
            "không có gì để đính chính."
        )
    if decision.document_id is not None:
        if number != decision.number:
            raise DecisionError(ISSUED_NUMBER)
        raise DecisionError(
            f"Quyết định số {decision.number} do phường ban hành: ngày ký và người ký là của bản "
            "đã in và ký; hãy hủy và ban hành lại."
        )
    clash = same_number(session, number, issuer, exclude_id=decision.id)
    if clash is not None:
        raise DecisionError(already_recorded(clash))
    label = f"số {decision.number}" if number == decision.number else ""
    note = f"Đính chính quyết định{' ' + label if label else ''}: {'; '.join(changes)}, lý do: {reason}"
    set_audit_reason(session, f"Đính chính quyết định khen thưởng số {decision.number}: {reason}")
    decision.number, decision.signed_on, decision.issuer = number, signed_on, issuer
    session.add(decision)
    at = now()
    for dossier in awarded_by(session, decision_id):
        dossier.decision_number = number
        dossier.decision_date = signed_on
        dossier.decision_issuer = issuer
        dossier.updated_at = at
        session.add(dossier)
        session.add(
            DossierEvent(
                dossier_id=saved_id(dossier.id),
                at=at,
                from_status=dossier.status,
                to_status=dossier.status,
                note=note,
                round=dossier.round,
            )
        )
    session.flush()
    return decision


def _changes(decision: AwardDecision, number: str, signed_on: date, issuer: str) -> list[str]:
    """What the correction changes, as the dossiers' history words it."""
    lines = []
    if number != decision.number:
        lines.append(f"số {decision.number} → {number}")
    if signed_on != decision.signed_on:
        lines.append(
            f"ngày {wording.short_date(decision.signed_on)} → {wording.short_date(signed_on)}"
        )
    if issuer != decision.issuer:
        lines.append(f"cơ quan ban hành {decision.issuer} → {issuer}")
    return lines


def revoke_decision(
    session: Session, decision_id: int, reason: str, revoked_on: date | None = None
) -> list[int]:
    """Hủy quyết định: kept with its date and reason; the dossiers it awarded go back to await a
    decision (their history says why). Returns their ids."""
    decision = get_decision(session, decision_id)
    _living(decision, "hủy")
    reason = clean(reason)
    if not reason:
        raise DecisionError("Hãy ghi lý do hủy quyết định khen thưởng.")
    revoked_on = revoked_on or today()
    if revoked_on > today():
        raise DecisionError(
            f"Ngày hủy {wording.short_date(revoked_on)} ở tương lai; hãy ghi ngày quyết định bị hủy."
        )
    if revoked_on < decision.signed_on:
        raise DecisionError(
            f"Ngày hủy {wording.short_date(revoked_on)} ở trước ngày ký quyết định "
            f"({wording.short_date(decision.signed_on)}); hãy kiểm tra lại."
        )
    note = (
        f"Hủy quyết định số {decision.number} ngày {wording.short_date(decision.signed_on)} "
        f"(ngày hủy {wording.short_date(revoked_on)}), lý do: {reason}"
    )
    moved = []
    for dossier in awarded_by(session, decision_id):
        form = get_award_form(session, dossier.award_form_id)
        (back,) = allowed_next(dossier, form, Act.REVOCATION)
        move_dossier(session, saved_id(dossier.id), back, note=note, act=Act.REVOCATION)
        moved.append(saved_id(dossier.id))
    set_audit_reason(session, f"Hủy quyết định khen thưởng số {decision.number}: {reason}")
    decision.revoked_on, decision.revoke_reason = revoked_on, reason
    session.add(decision)
    session.flush()
    return moved
