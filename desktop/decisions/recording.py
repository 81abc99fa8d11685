"""Recording one decision on the dossiers it covers, all at once or not at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlmodel import Session

from desktop.awards.workflow import Act, Decision, move_dossier
from desktop.models import AwardDecision, DossierStatus
from desktop.models.ids import saved_id


def record_on_dossiers(
    session: Session,
    decision: AwardDecision,
    dossier_ids: Iterable[int],
    bonuses: Mapping[int, int] | None = None,
    note: str = "",
) -> list[int]:
    """Move every dossier to Được khen thưởng with ``decision`` (and its tiền thưởng from
    ``bonuses``, đồng); the first refusal leaves the caller's transaction to roll all back."""
    bonuses = bonuses or {}
    moved = []
    for dossier_id in dossier_ids:
        move_dossier(
            session,
            dossier_id,
            DossierStatus.AWARDED,
            note=note,
            act=Act.DECISION,
            decision=Decision(
                decision.number,
                decision.signed_on,
                decision.issuer,
                record_id=saved_id(decision.id),
                bonus=bonuses.get(dossier_id, 0),
            ),
        )
        moved.append(dossier_id)
    return moved
