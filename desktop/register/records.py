"""The one way a record of the register is added, changed, (de)activated or removed.

Units (đơn vị) and persons (cá nhân) are two configurations of :class:`RegisterKind`: which table,
which values, which checks, what may stop a deletion and how the audit names each change. The
dialogs, the undo steps and the Excel imports all write through :func:`create` and :func:`update`
here, so a rule holds the same whichever way the clerk changes the register.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar

from desktop.changes import Area
from desktop.register.rules import RegisterError
from desktop.storage.hooks import set_audit_reason

if TYPE_CHECKING:
    from sqlmodel import Session


class Record(Protocol):
    """A stored row of the register: a unit or a person."""

    id: int | None
    active: bool


class RecordData(Protocol):
    """The values of a record as the clerk enters them (a dataclass: :class:`UnitData` …)."""

    active: bool

    def cleaned(self) -> Self: ...

    def apply_to(self, record: Any) -> None: ...


M = TypeVar("M", bound=Record)
D = TypeVar("D", bound=RecordData)
I = TypeVar("I", bound=int)  # noqa: E741 — the typed id: UnitId, PersonId
M_contra = TypeVar("M_contra", bound=Record, contravariant=True)
D_contra = TypeVar("D_contra", bound=RecordData, contravariant=True)


class Rules(Protocol[D_contra, M_contra]):
    """What a change is checked against: the values alone and the rest of the register.

    ``problems(data, record)`` gives the clerk's messages for ``data`` as the values of ``record``
    (None: a new record); ``note(record)`` is told of every record written, so that checks which
    keep the register in memory (an import of 10,000 rows) stay true while nothing is flushed yet.
    """

    def problems(self, data: D_contra, record: M_contra | None) -> list[str]: ...

    def note(self, record: M_contra) -> None: ...


@dataclass(frozen=True)
class SessionRules(Generic[D, M]):
    """Checks that ask the database each time: right for one change made in a dialog."""

    session: Session
    check: Callable[[Session, D, int | None], list[str]]

    def problems(self, data: D, record: M | None) -> list[str]:
        return self.check(self.session, data, None if record is None else record.id)

    def note(self, record: M) -> None:
        """Nothing to remember: the next check reads the database, which the flush made current."""


@dataclass(frozen=True)
class Reasons:
    """The audit reasons (lý do) of the changes of one kind, when the caller gives none."""

    add: str
    edit: str
    activate: str
    deactivate: str
    delete: str


@dataclass(frozen=True)
class RegisterKind(Generic[M, D, I]):
    """One kind of record of the register and everything the common mechanism needs to know of it."""

    noun: str  # "đơn vị", "cá nhân"
    area: Area  # what a change of it tells the pages
    model: type[M]
    typed_id: Callable[[int], I]
    data_of: Callable[[M], D]
    title: Callable[[D], str]  # how the clerk names one record: the unit's name, the person's
    rules: Callable[[Session], Rules[D, M]]
    why_not_deleted: Callable[[Session, M], str | None]  # None: nothing keeps it
    gone: str  # the record was removed meanwhile (by an undo, another window)
    reasons: Reasons
    # Called once the values are on the record, before it is written: (session, record, data,
    # created?) — for what a kind derives from the register's state, or refuses, on its own.
    placed: Callable[[Session, M, D, bool], None] | None = None
    # Called when a record stops or starts again: (session, record, active).
    activated: Callable[[Session, M, bool], None] | None = None


def get(kind: RegisterKind[M, D, I], session: Session, record_id: int) -> M:
    record = session.get(kind.model, record_id)
    if record is None:
        raise RegisterError([kind.gone])
    return record


def create(
    kind: RegisterKind[M, D, I],
    session: Session,
    data: D,
    *,
    record_id: int | None = None,
    reason: str = "",
    rules: Rules[D, M] | None = None,
    flush: bool = True,
) -> M:
    """Add a record; ``record_id`` brings a removed one back under its old number (undo).

    ``flush=False`` leaves the insert pending: an import flushes once at the end, so that its rows
    are written as one batch (the id is known after that flush).
    """
    data = data.cleaned()
    rules = rules or kind.rules(session)
    problems = rules.problems(data, None)
    if problems:
        raise RegisterError(problems)
    set_audit_reason(session, reason or kind.reasons.add)
    record = kind.model()
    record.id = record_id
    data.apply_to(record)
    if kind.placed is not None:
        kind.placed(session, record, data, True)
    session.add(record)
    rules.note(record)
    if flush:
        session.flush()
    return record


def update(
    kind: RegisterKind[M, D, I],
    session: Session,
    record_id: int,
    data: D,
    *,
    reason: str = "",
    rules: Rules[D, M] | None = None,
    flush: bool = True,
) -> M:
    data = data.cleaned()
    record = get(kind, session, record_id)
    rules = rules or kind.rules(session)
    problems = rules.problems(data, record)
    if problems:
        raise RegisterError(problems)
    set_audit_reason(session, reason or kind.reasons.edit)
    if kind.placed is not None:
        kind.placed(session, record, data, False)
    data.apply_to(record)
    rules.note(record)
    if flush:
        session.flush()
    return record


def set_active(
    kind: RegisterKind[M, D, I], session: Session, record_id: int, active: bool, *, reason: str = ""
) -> M:
    """Ngừng hoạt động / hoạt động trở lại: the record stays in the register with its history."""
    record = get(kind, session, record_id)
    set_audit_reason(
        session, reason or (kind.reasons.activate if active else kind.reasons.deactivate)
    )
    if kind.activated is not None and record.active != active:
        kind.activated(session, record, active)
    record.active = active
    session.add(record)
    session.flush()
    return record


def delete(kind: RegisterKind[M, D, I], session: Session, record_id: int, *, reason: str = "") -> D:
    """Remove a record nothing points to; returns its values (so the removal can be undone)."""
    record = get(kind, session, record_id)
    why = kind.why_not_deleted(session, record)
    if why is not None:
        raise RegisterError([why])
    data = kind.data_of(record)
    set_audit_reason(session, reason or kind.reasons.delete)
    session.delete(record)
    session.flush()
    return data
