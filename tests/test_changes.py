"""The one door: one transaction per change, its undo kept per scope, every listener told."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import Session, select

from desktop.changes import EVERYTHING, Area, Change, Done, Operation, Undo
from desktop.context import AppContext
from desktop.errors import DataBusy, DiskFailed, Refusal
from desktop.models import AuditEntry, Setting


def _set(key: str, value: str) -> Operation[str]:
    def operation(session: Session) -> Done[str]:
        row = session.get(Setting, key) or Setting(key=key, value="")
        before = row.value
        row.value = value
        session.add(row)
        return Done(
            before,
            Change.areas_of(Area.SETTINGS),
            Undo("settings", f"đặt {key}", _set(key, before), _set(key, value)),
        )

    return operation


def _value(ctx: AppContext, key: str) -> str | None:
    return ctx.door.read(lambda s: (row.value if (row := s.get(Setting, key)) else None))


def test_a_change_is_committed_announced_and_undone_with_an_audited_reason(db, ctx) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    assert ctx.door.run(_set("k", "một")) == ""
    assert _value(ctx, "k") == "một"
    assert heard and heard[-1].touches(Area.SETTINGS) and not heard[-1].touches(Area.UNITS)
    assert ctx.door.history.undo_label("settings") == "đặt k"

    assert ctx.door.undo("settings") == "đặt k"
    assert _value(ctx, "k") == ""
    reasons = ctx.door.read(lambda s: [e.reason for e in s.exec(select(AuditEntry))])
    assert "Hoàn tác: đặt k" in reasons
    assert ctx.door.redo("settings") == "đặt k"
    assert _value(ctx, "k") == "một"
    assert ctx.door.undo("register") is None  # another scope has nothing to take back


def test_a_refused_change_writes_nothing_and_announces_nothing(db, ctx) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)

    def refuse(session: Session) -> Done[None]:
        session.add(Setting(key="x", value="y"))
        session.flush()
        raise Refusal("Không được.")

    with pytest.raises(Refusal, match="Không được"):
        ctx.door.run(refuse)
    assert _value(ctx, "x") is None
    assert heard == []


def test_everything_empties_every_undo_history(db, ctx) -> None:
    ctx.door.run(_set("k", "một"))
    ctx.door.announce(EVERYTHING)
    assert not ctx.door.history.can_undo("settings")


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (sqlite3.OperationalError("database is locked"), DataBusy),
        (OSError(28, "No space left on device"), DiskFailed),
        (sqlite3.OperationalError("disk I/O error"), DiskFailed),
    ],
)
def test_a_failing_machine_is_a_refusal_in_vietnamese(db, ctx, failure, kind) -> None:
    def operation(session: Session) -> Done[None]:
        raise failure

    with pytest.raises(kind) as caught:
        ctx.door.run(operation)
    assert "Dữ liệu không thay đổi" in str(caught.value)
    # The system's English never reaches the clerk ("disk I/O error", "No space left").
    assert not any(word in str(caught.value) for word in ("disk", "error", "space", "locked"))


def test_change_union_and_ids() -> None:
    a = Change.of(Area.UNITS, 1, 2)
    b = Change.of(Area.UNITS, 3) | Change.of(Area.PERSONS, 7)
    both = a | b
    assert both.ids_of(Area.UNITS) == {1, 2, 3}
    assert both.touches(Area.PERSONS)
    assert (both | EVERYTHING).everything
    assert Change().empty
