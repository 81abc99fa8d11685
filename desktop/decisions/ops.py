"""Decisions received, corrected and revoked, as operations for the one door; reads for the window.

Each is a recorded act with its reason in the audit log, not undone by Ctrl+Z: a wrong record is
corrected (đính chính) or revoked (hủy), both on record. The change names the decision
(``Area.DECISIONS``) and every dossier it moved or rewrote (``Area.DOSSIERS``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlmodel import Session

from desktop.changes import Area, Change, Done, Operation
from desktop.decisions.corrections import (
    Correction,
    awarded_by,
    correct_decision,
    get_decision,
    revoke_decision,
)
from desktop.decisions.listing import DecisionRow, list_decisions
from desktop.decisions.received import ReceivedDecision, attach_scan, record_received, scan_of
from desktop.models import Attachment, AwardDecision
from desktop.models.ids import DecisionId, DossierId, saved_id


def decision_changed(decision_id: int, dossier_ids: list[int]) -> Change:
    return Change.of(Area.DECISIONS, decision_id) | Change.of(Area.DOSSIERS, *dossier_ids)


def record(store: Path, received: ReceivedDecision) -> Operation[DecisionId]:
    """Ghi nhận quyết định của cấp trên: the decision, its scan (copied into ``store``, the data
    folder's attachments) and every dossier it awards, at once."""

    def operation(session: Session) -> Done[DecisionId]:
        decision_id = DecisionId(saved_id(record_received(session, store, received).id))
        return Done(decision_id, decision_changed(decision_id, list(received.dossier_ids)))

    return operation


def correct(
    decision_id: DecisionId, correction: Correction, reason: str
) -> Operation[AwardDecision]:
    """Đính chính số, ngày, cơ quan ban hành of a decision and of the dossiers it awarded."""

    def operation(session: Session) -> Done[AwardDecision]:
        decision = correct_decision(session, decision_id, correction, reason)
        dossiers = [saved_id(d.id) for d in awarded_by(session, decision_id)]
        return Done(decision, decision_changed(decision_id, dossiers))

    return operation


def revoke(
    decision_id: DecisionId, reason: str, revoked_on: date | None = None
) -> Operation[list[DossierId]]:
    """Hủy quyết định; its dossiers go back to await a decision."""

    def operation(session: Session) -> Done[list[DossierId]]:
        moved = [DossierId(i) for i in revoke_decision(session, decision_id, reason, revoked_on)]
        return Done(moved, decision_changed(decision_id, list(moved)))

    return operation


def add_scan(store: Path, decision_id: DecisionId, source: Path) -> Operation[int]:
    """Lưu bản quét of a decision already recorded; returns the attachment's id."""

    def operation(session: Session) -> Done[int]:
        attachment = attach_scan(session, store, decision_id, source)
        return Done(saved_id(attachment.id), Change.of(Area.DECISIONS, decision_id))

    return operation


# -- reads --------------------------------------------------------------------------------------------
def decisions(campaign_id: int | None = None) -> Callable[[Session], list[DecisionRow]]:
    return lambda session: list_decisions(session, campaign_id)


def decision(decision_id: DecisionId) -> Callable[[Session], AwardDecision]:
    return lambda session: get_decision(session, decision_id)


def scan(decision_id: DecisionId) -> Callable[[Session], Attachment | None]:
    """The scan of a received decision, to open with ``attachments.viewing_copy``."""
    return lambda session: scan_of(session, decision_id)


def awarded_dossiers(decision_id: DecisionId) -> Callable[[Session], list[DossierId]]:
    return lambda session: [DossierId(saved_id(d.id)) for d in awarded_by(session, decision_id)]
