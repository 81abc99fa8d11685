"""The register's operations for the one door (:mod:`desktop.changes`), and the reads its screens need.

Each change is a function of plain inputs returning an :data:`~desktop.changes.Operation`; the door
runs it in one transaction, keeps its :class:`~desktop.changes.Undo` in the "register" history and
tells the pages which units or persons changed. Units and persons go through the same four
operations, configured by their :class:`~desktop.register.records.RegisterKind`
(:data:`~desktop.register.units.UNITS`, :data:`~desktop.register.persons.PERSONS`), so both are
undone the same way and audited as such ("Hoàn tác: thêm “…”").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from desktop.changes import Change, Done, Operation, Undo
from desktop.models.ids import saved_id
from desktop.register import records
from desktop.register.records import D, I, M, RegisterKind
from desktop.storage.hooks import audit_reason

if TYPE_CHECKING:
    from sqlmodel import Session

T = TypeVar("T")
Query = Callable[["Session"], T]

SCOPE = "register"  # the undo history of the Đơn vị page: units and persons alike
ADD = "thêm “{name}”"
EDIT = "sửa “{name}”"
DEACTIVATE = "ngừng hoạt động “{name}”"
ACTIVATE = "cho “{name}” hoạt động trở lại"
DELETE = "xóa “{name}”"


def _reason(session: Session) -> str:
    """The reason the door gave this transaction ("Hoàn tác: …"), kept over the kind's default."""
    return audit_reason(session)


# -- the changes -------------------------------------------------------------------------------


def add(kind: RegisterKind[M, D, I], data: D) -> Operation[I]:
    """Thêm: a new record; its undo removes it, its redo brings it back under the same id."""

    def operation(session: Session) -> Done[I]:
        record = records.create(kind, session, data, reason=_reason(session))
        record_id = kind.typed_id(saved_id(record.id))
        stored = kind.data_of(record)
        label = ADD.format(name=kind.title(stored))
        undo = Undo(SCOPE, label, _deleted(kind, record_id), _created(kind, stored, record_id))
        return Done(record_id, Change.of(kind.area, record_id), undo)

    return operation


def edit(kind: RegisterKind[M, D, I], record_id: I, data: D) -> Operation[None]:
    """Sửa: new values for a record; its undo puts the values back as they were."""

    def operation(session: Session) -> Done[None]:
        before = kind.data_of(records.get(kind, session, record_id))
        after = kind.data_of(
            records.update(kind, session, record_id, data, reason=_reason(session))
        )
        label = EDIT.format(name=kind.title(after))
        undo = Undo(
            SCOPE, label, _updated(kind, record_id, before), _updated(kind, record_id, after)
        )
        return Done(None, Change.of(kind.area, record_id), undo)

    return operation


def set_active(kind: RegisterKind[M, D, I], record_id: I, active: bool) -> Operation[None]:
    """Ngừng hoạt động / hoạt động trở lại."""

    def operation(session: Session) -> Done[None]:
        record = records.set_active(kind, session, record_id, active, reason=_reason(session))
        name = kind.title(kind.data_of(record))
        label = (ACTIVATE if active else DEACTIVATE).format(name=name)
        undo = Undo(
            SCOPE,
            label,
            _activated(kind, record_id, not active),
            _activated(kind, record_id, active),
        )
        return Done(None, Change.of(kind.area, record_id), undo)

    return operation


def delete(kind: RegisterKind[M, D, I], record_id: I) -> Operation[D]:
    """Xóa a record nothing points to; its undo brings it back under its old id."""

    def operation(session: Session) -> Done[D]:
        before = records.delete(kind, session, record_id, reason=_reason(session))
        label = DELETE.format(name=kind.title(before))
        undo = Undo(SCOPE, label, _created(kind, before, record_id), _deleted(kind, record_id))
        return Done(before, Change.of(kind.area, record_id), undo)

    return operation


# -- the steps that undo and redo them ---------------------------------------------------------


def _created(kind: RegisterKind[M, D, I], data: D, record_id: I) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        records.create(kind, session, data, record_id=record_id, reason=_reason(session))
        return Done(None, Change.of(kind.area, record_id))

    return operation


def _deleted(kind: RegisterKind[M, D, I], record_id: I) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        records.delete(kind, session, record_id, reason=_reason(session))
        return Done(None, Change.of(kind.area, record_id))

    return operation


def _updated(kind: RegisterKind[M, D, I], record_id: I, data: D) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        records.update(kind, session, record_id, data, reason=_reason(session))
        return Done(None, Change.of(kind.area, record_id))

    return operation


def _activated(kind: RegisterKind[M, D, I], record_id: I, active: bool) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        records.set_active(kind, session, record_id, active, reason=_reason(session))
        return Done(None, Change.of(kind.area, record_id))

    return operation


# -- reads for the screens ---------------------------------------------------------------------


def data_of(kind: RegisterKind[M, D, I], record_id: I) -> Query[D]:
    """The values of one record, to fill the form that edits it."""
    return lambda session: kind.data_of(records.get(kind, session, record_id))


def deletable(kind: RegisterKind[M, D, I], record_id: I) -> Query[bool]:
    """Whether nothing points to the record (then the clerk is asked to confirm its removal)."""
    return lambda session: (
        kind.why_not_deleted(session, records.get(kind, session, record_id)) is None
    )
