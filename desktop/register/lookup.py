"""Finding units by the code the clerk types (mã đơn vị), the same way in every command and screen.

Codes are stored in capitals and may only hold unaccented letters, digits and ``- _ . /``; what the
clerk types is trimmed, NFC-normalised and compared without case, so "tdp01", " TDP01 " and "Tdp01"
all name the unit TDP01.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.models import Unit
from desktop.models._base import stored_id
from desktop.models.ids import UnitId
from desktop.register.rules import RegisterError
from desktop.text import clean_line


def code_key(code: str) -> str:
    """The form a typed code is compared in."""
    return clean_line(code).upper()


def find_unit_ids(session: Session, codes: Iterable[str]) -> dict[str, UnitId]:
    """Typed code → unit id for every code that names a unit; unknown codes are left out."""
    typed = list(codes)
    keys = {code_key(c) for c in typed} - {""}
    if not keys:
        return {}
    rows = session.exec(
        select(func.upper(Unit.code), stored_id(Unit.id)).where(func.upper(Unit.code).in_(keys))
    )
    found = {key: UnitId(unit_id) for key, unit_id in rows}
    return {code: found[code_key(code)] for code in typed if code_key(code) in found}


def unit_ids_by_code(session: Session, codes: Sequence[str]) -> list[UnitId]:
    """The ids of ``codes`` in the order given; refuses with every unknown code named."""
    found = find_unit_ids(session, codes)
    missing = [code for code in codes if code not in found]
    if missing:
        raise RegisterError(
            [f"Không có đơn vị mã “{code_key(code)}” trong sổ đơn vị." for code in missing]
        )
    return [found[code] for code in codes]


def unit_by_code(session: Session, code: str) -> Unit:
    """The unit a typed code names, or a refusal saying no unit has it."""
    (unit_id,) = unit_ids_by_code(session, [code])
    unit = session.get(Unit, unit_id)
    assert unit is not None  # found by id a line above, in the same transaction
    return unit



