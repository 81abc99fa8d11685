"""Changes of the award register (sổ theo dõi khen thưởng), as operations for the one door.

An earlier award entered by hand is the same record the dossier's page adds (khen thưởng đã
nhận, :func:`desktop.awards.dossier_ops.add_prior`): the register shows it too, so the change is
announced to both (``Area.DOSSIERS`` of the nominee's dossiers and ``Area.DECISIONS``), and Ctrl+Z
on the dossiers' page takes it back as it would there.
"""

from __future__ import annotations

from sqlmodel import Session

from desktop.awards.dossier_ops import add_prior, remove_prior
from desktop.changes import Area, Change, Done, Operation
from desktop.models.ids import PersonId, UnitId


def add_earlier_award(
    year: int,
    award_name: str,
    decision: str = "",
    *,
    unit_id: UnitId | None = None,
    person_id: PersonId | None = None,
) -> Operation[int]:
    """Ghi khen thưởng đã nhận trước (by hand) for a unit or a person; returns its number."""
    inner = add_prior(year, award_name, decision, unit_id=unit_id, person_id=person_id)

    def operation(session: Session) -> Done[int]:
        done = inner(session)
        return Done(done.value, done.change | Change.of(Area.DECISIONS), done.undo)

    return operation


def remove_earlier_award(prior_award_id: int) -> Operation[None]:
    """Xóa khen thưởng đã nhận entered by hand."""
    inner = remove_prior(prior_award_id)

    def operation(session: Session) -> Done[None]:
        done = inner(session)
        return Done(None, done.change | Change.of(Area.DECISIONS), done.undo)

    return operation
