"""Indicators (chỉ tiêu) with yearly targets, and the quarterly values units report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class Indicator(SQLModel, table=True):
    """Chỉ tiêu: a share (numerator / denominator) measured on one population.

    ``unit_kinds`` lists, comma-separated, the :class:`UnitKind` values that report it.
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=32)
    name: str
    population: str = Field(max_length=40)  # staff | students | adults | workers | schools
    numerator_label: str
    denominator_label: str
    unit_kinds: str = Field(default="")
    ordinal: int = Field(default=0)
    active: bool = Field(default=True)

    @property
    def unit_kind_list(self) -> list[str]:
        return [k for k in self.unit_kinds.split(",") if k]


class IndicatorTarget(SQLModel, table=True):
    """Chỉ tiêu năm: the target share for one year, with the plan's sentence for it."""

    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    year: int = Field(index=True)
    target_percent: float = Field(ge=0, le=100)
    text: str = Field(default="")


class QuarterValue(SQLModel, table=True):
    """Số liệu quý: what one unit reported for one indicator at the end of one quarter."""

    __table_args__ = (UniqueConstraint("unit_id", "indicator_id", "year", "quarter"),)

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    year: int = Field(index=True)
    quarter: int = Field(ge=1, le=4)
    numerator: int | None = Field(default=None, ge=0)
    denominator: int | None = Field(default=None, ge=0)
    note: str = Field(default="")
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)


class QuarterLock(SQLModel, table=True):
    """Chốt số liệu: a reported quarter is read-only while ``locked``."""

    __table_args__ = (UniqueConstraint("year", "quarter"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int
    quarter: int = Field(ge=1, le=4)
    locked: bool = Field(default=True)
    locked_at: datetime | None = Field(sa_type=DateTime, default_factory=now)
    unlock_reason: str = Field(default="")
    unlocked_at: datetime | None = Field(sa_type=DateTime, default=None)
