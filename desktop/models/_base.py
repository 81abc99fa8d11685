"""Small pieces shared by the table modules."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table
from sqlalchemy.orm import Mapped
from sqlmodel import SQLModel, col


def now() -> datetime:
    """Local wall-clock time without microseconds: what the clerk reads in the audit log.

    On the day ``THIDUA_TODAY`` stands for (the demo ward, the tests), so that a step dated "today"
    and the records made with it agree on the day."""
    from desktop.models.periods import today

    clock = datetime.now().replace(microsecond=0)
    return datetime.combine(today(), clock.time())


def table_of(model: type[SQLModel]) -> Table:
    """The Core table of a table model, for bulk inserts that bypass the ORM."""
    # SQLModel sets __table__ on every table=True class but does not declare it.
    table: Table = model.__table__  # type: ignore[attr-defined]
    return table


def stored_id(column: int | None) -> Mapped[int]:
    """A primary key to select: models type ``id`` as ``int | None`` (None until the row is
    inserted), but an id read back from the database is never None."""
    return cast("Mapped[int]", col(column))
