"""Indicators (chỉ tiêu) with yearly targets, and the quarterly values units report."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class ValueKind(StrEnum):
    """How a unit reports an indicator (loại chỉ tiêu)."""

    RATIO = "ratio"  # tử số / mẫu số: people with the skill out of the unit's head-count
    YES_NO = "yes_no"  # có / chưa, one per unit: the ward value is units with "có" / units expected

    @property
    def label(self) -> str:
        return "Tỷ lệ (tử số / mẫu số)" if self is ValueKind.RATIO else "Có / chưa (mỗi đơn vị một ô)"


class Comparison(StrEnum):
    """How a figure is held against its target, as the plan's sentence words it."""

    ABOVE = ">"  # "Trên 80%": strictly more than
    AT_LEAST = ">="  # "80% trở lên", "80% …": at least
    EQUAL = "="  # "100% …": all of them

    @property
    def label(self) -> str:
        return _COMPARISON_LABELS[self]


_COMPARISON_LABELS = {
    Comparison.ABOVE: "Trên",
    Comparison.AT_LEAST: "Từ … trở lên",
    Comparison.EQUAL: "Bằng (toàn bộ)",
}


class Indicator(SQLModel, table=True):
    """Chỉ tiêu: a share (numerator / denominator) measured on one population.

    ``unit_kinds`` lists, comma-separated, the :class:`UnitKind` values that report it when a year's
    target names no narrower scope; ``population`` names the head-count of the register it is
    measured on (staff | students | adults | workers | schools).
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, index=True, max_length=32)
    name: str
    # Tên ngắn: the column title of a printed table ("CB, CC, VC, NLĐ có KNS"); a code is never printed.
    short_name: str = Field(default="", max_length=60)
    population: str = Field(max_length=40)  # staff | students | adults | workers | schools
    numerator_label: str
    denominator_label: str
    unit_kinds: str = Field(default="")
    ordinal: int = Field(default=0)
    active: bool = Field(default=True)
    value_kind: ValueKind = Field(default=ValueKind.RATIO)

    @property
    def label(self) -> str:
        """What a printed table heads its column with: the short name, else the name."""
        return self.short_name or self.name

    @property
    def unit_kind_list(self) -> list[str]:
        return [k for k in self.unit_kinds.split(",") if k]


class IndicatorTarget(SQLModel, table=True):
    """Chỉ tiêu năm: the target share for one year, with the plan's sentence for it.

    ``unit_kinds`` (comma-separated; empty: the indicator's own) is the year's scope — the plan's
    2025 student target covers secondary schools, its 2026 one every school from primary up.
    ``carried_over`` marks a "duy trì" target the app proposed from the plan's last year.
    """

    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = Field(foreign_key="indicator.id", index=True)
    year: int = Field(index=True)
    target_percent: float = Field(ge=0, le=100)
    text: str = Field(default="")
    comparison: Comparison = Field(default=Comparison.AT_LEAST)
    unit_kinds: str = Field(default="")
    carried_over: bool = Field(default=False)

    @property
    def unit_kind_list(self) -> list[str]:
        return [k for k in self.unit_kinds.split(",") if k]


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
