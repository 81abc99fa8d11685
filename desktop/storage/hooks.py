"""Rules every write passes through, whichever screen or command made it.

* text is stored NFC and trimmed (TCVN 6909:2001);
* ``updated_at`` follows the change;
* every insert, update and delete leaves rows in the audit log (nhật ký thay đổi), in the same
  transaction, so an undone transaction leaves no trace and a committed one cannot lose its trail.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlmodel import Session

from desktop.models import AuditEntry
from desktop.models._base import now, table_of
from desktop.text import clean

AUDIT_TABLE = AuditEntry.__tablename__
REASON_KEY = "audit_reason"


class ThiDuaSession(Session):
    """The session class of the app; the listeners below are bound to it alone."""


def set_audit_reason(session: Session, reason: str) -> None:
    """Attach a reason (lý do) to every audit row this session writes from now on."""
    session.info[REASON_KEY] = clean(reason)


def audit_reason(session: Session) -> str:
    """The reason this session's audit rows carry ("" when none was given)."""
    return str(session.info.get(REASON_KEY, ""))


def _text_columns(obj: Any) -> list[str]:
    return [
        attr.key
        for attr in inspect(obj).mapper.column_attrs
        if isinstance(getattr(obj, attr.key, None), str)
    ]


@event.listens_for(ThiDuaSession, "before_flush")
def _normalise(session: Session, flush_context: Any, instances: Any) -> None:
    for obj in list(session.new) + list(session.dirty):
        for key in _text_columns(obj):
            value = getattr(obj, key)
            cleaned = clean(value)
            if isinstance(value, Enum) or cleaned == value:
                continue
            setattr(obj, key, cleaned)
        if obj in session.dirty and hasattr(obj, "updated_at") and session.is_modified(obj):
            obj.updated_at = now()


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return value


def _as_text(value: Any) -> str | None:
    value = _plain(value)
    return None if value is None else str(value)


def _snapshot(obj: Any) -> str:
    state = inspect(obj)
    values = {attr.key: _plain(getattr(obj, attr.key)) for attr in state.mapper.column_attrs}
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def _record_id(obj: Any) -> int | None:
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return key[0] if len(key) == 1 and isinstance(key[0], int) else None


def _field_of(obj: Any, field: str) -> str:
    """The changed field as the log keeps it. A setting is a row keyed by text (no number to
    name it by): its value is logged as "value.<key>", so the log can say which setting."""
    if obj.__tablename__ == "setting" and field == "value":
        return f"value.{obj.key}"
    return field


@event.listens_for(ThiDuaSession, "after_flush")
def _audit(session: Session, flush_context: Any) -> None:
    reason = session.info.get(REASON_KEY, "")
    at = now()
    rows: list[dict[str, Any]] = []

    def add(obj: Any, action: str, field: str = "", old: Any = None, new: Any = None) -> None:
        rows.append(
            {
                "at": at,
                "table_name": obj.__tablename__,
                "record_id": _record_id(obj),
                "action": action,
                "field": field,
                "old_value": old,
                "new_value": new,
                "reason": reason,
            }
        )

    for obj in session.new:
        if obj.__tablename__ != AUDIT_TABLE:
            add(obj, "insert", new=_snapshot(obj))
    for obj in session.deleted:
        if obj.__tablename__ != AUDIT_TABLE:
            add(obj, "delete", old=_snapshot(obj))
    for obj in session.dirty:
        if obj.__tablename__ == AUDIT_TABLE or not session.is_modified(obj):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key == "updated_at":
                continue
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            if _plain(old) != _plain(new):
                add(obj, "update", _field_of(obj, attr.key), _as_text(old), _as_text(new))
    if rows:
        session.connection().execute(insert(table_of(AuditEntry)), rows)
