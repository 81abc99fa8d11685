"""The register of units held in memory for the checks of a big import (sổ đơn vị trong bộ nhớ).

A unit added in a dialog is checked by asking the database (:func:`desktop.register.units.check_unit`).
An import of 10,000 rows would ask it 20,000 times and walk every unit of a kind for each row, so
it reads the register once into a :class:`UnitIndex` instead: the same rules, with the same
messages (:func:`~desktop.register.units.clash_problems`), answered from two dictionaries that the
import keeps current as it writes (:meth:`UnitIndex.note`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session, select

from desktop.models import Unit, UnitKind
from desktop.register.rules import name_key
from desktop.register.units import UnitData, check_unit_values, clash_problems

NameKey = tuple[UnitKind, str]


class UnitIndex:
    """Units by code (in capitals) and by kind and name; the rules of :data:`UNITS` over them."""

    def __init__(self, units: Iterable[Unit] = ()) -> None:
        self._by_code: dict[str, Unit] = {}
        self._by_name: dict[NameKey, Unit] = {}
        # What each unit was filed under, to re-file it when an import changes its code or name.
        self._keys: dict[int, tuple[str, NameKey]] = {}
        self._units: list[Unit] = []  # keeps the units alive (and in the session's identity map)
        for unit in units:
            self.note(unit)

    @classmethod
    def of(cls, session: Session) -> UnitIndex:
        return cls(session.exec(select(Unit)).all())

    def with_code(self, code: str) -> Unit | None:
        return self._by_code.get(code.upper()) if code else None

    def with_name(self, name: str, kind: UnitKind | None) -> Unit | None:
        if not name or kind is None:
            return None
        return self._by_name.get((kind, name_key(name)))

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(self._by_code)

    # -- the Rules of records.create / records.update -------------------------------------------
    def problems(self, data: UnitData, record: Unit | None) -> list[str]:
        same_code = self.with_code(data.code)
        same_name = self.with_name(data.name, data.kind)
        return check_unit_values(data) + clash_problems(
            data,
            None if same_code is record else same_code,
            None if same_name is record else same_name,
        )

    def note(self, record: Unit) -> None:
        old = self._keys.pop(id(record), None)
        if old is None:
            self._units.append(record)
        else:
            code, name = old
            if self._by_code.get(code) is record:
                del self._by_code[code]
            if self._by_name.get(name) is record:
                del self._by_name[name]
        code, name = record.code.upper(), (UnitKind(record.kind), name_key(record.name))
        self._by_code[code] = record
        self._by_name[name] = record
        self._keys[id(record)] = (code, name)
