"""The papers of a dossier that the app makes itself (Tờ trình, Danh sách, Biên bản họp Hội đồng).

When such a document is issued, or the council's ballot is recorded, the component it satisfies
(``DossierComponent.made_by``) is marked present on every dossier it concerns, with the document's
number as the note; the clerk does not tick it by hand.
"""

from __future__ import annotations

from sqlmodel import Session, select

from desktop.awards.dossiers import get_dossier
from desktop.models import DossierComponent, DossierComponentCheck
from desktop.models.ids import saved_id


def mark_made(session: Session, dossier_id: int, made_by: str, note: str) -> int:
    """Mark the papers of kind ``made_by`` present on the dossier; returns how many were."""
    dossier = get_dossier(session, dossier_id)
    components = session.exec(
        select(DossierComponent).where(
            DossierComponent.award_form_id == dossier.award_form_id,
            DossierComponent.made_by == made_by,
        )
    ).all()
    for component in components:
        check = session.exec(
            select(DossierComponentCheck).where(
                DossierComponentCheck.dossier_id == dossier_id,
                DossierComponentCheck.component_id == saved_id(component.id),
            )
        ).first() or DossierComponentCheck(
            dossier_id=dossier_id, component_id=saved_id(component.id)
        )
        check.present, check.note = True, note
        session.add(check)
    session.flush()
    return len(components)
