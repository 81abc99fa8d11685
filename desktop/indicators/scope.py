"""What the plan asks of a year (chỉ tiêu năm): which units report an indicator, and how its figure
is held against the target.

The plan's sentences decide both (Kế hoạch, mục II.2). "Trên 80% cán bộ …" is met only by more than
80 %, "80% trở lên …" by 80 % or more, "100% …" only by all. "100% học sinh các trường trung học"
(2025) covers the secondary schools, "100% học sinh từ cấp tiểu học" (2026) every school from primary
up. Each year's target row holds its comparison and, when narrower than the indicator's, its unit
kinds; :func:`year_scopes` gives them to every result, so no caller decides them on its own.

Which units are expected in a period follows their reporting periods (:class:`Unit.reports_from`,
``stopped_from``), so a unit added today, or closed, leaves earlier quarters as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, or_
from sqlmodel import Session, col, select

from desktop.indicators.rules import ValueRefused
from desktop.models import Comparison, Indicator, IndicatorTarget, Unit, UnitKind, ValueKind
from desktop.models.ids import IndicatorId, saved_id
from desktop.settings import WardSettings, load_settings

# How a "duy trì" target is worded (catalogue.carry_over_targets writes it, carried_from reads it).
CARRIED_PREFIX = "Duy trì chỉ tiêu năm {year}: "
_CARRIED = re.compile(r"Duy trì chỉ tiêu năm (\d{4}): ")


def carried_from(text: str) -> int | None:
    """The plan's year a "duy trì" target repeats, read from its sentence (None: not carried)."""
    found = _CARRIED.match(text)
    return int(found.group(1)) if found else None


class OutsidePlan(ValueRefused):
    """A year or quarter the plan does not cover."""


@dataclass(frozen=True)
class YearTarget:
    """Chỉ tiêu của một năm: the share to reach, how it is compared, the plan's sentence."""

    percent: float
    comparison: Comparison
    text: str
    carried_over: bool  # "duy trì": proposed from the plan's last year, not written in the plan

    @property
    def carried_from(self) -> int | None:
        """The year whose target a "duy trì" one repeats."""
        return carried_from(self.text) if self.carried_over else None

    def met_by(self, numerator: int, denominator: int) -> bool:
        return meets(numerator, denominator, self.percent, self.comparison)


@dataclass(frozen=True)
class YearScope:
    """One indicator as a year of the plan measures it."""

    indicator_id: IndicatorId
    code: str
    name: str
    population: str
    value_kind: ValueKind
    kinds: frozenset[UnitKind]  # the unit kinds that report it this year
    target: YearTarget | None
    numerator_label: str = ""
    denominator_label: str = ""
    short_name: str = ""  # tên ngắn: what a column of the indicator is headed with

    @property
    def yes_no(self) -> bool:
        return self.value_kind is ValueKind.YES_NO

    @property
    def label(self) -> str:
        """The column title: the short name, else the name (a code is never a title)."""
        return self.short_name or self.name


def meets(numerator: int, denominator: int, target: float, comparison: Comparison) -> bool:
    """Đạt? numerator / denominator against ``target`` %, compared exactly in whole numbers (no
    float rounding: 80 of 100 is not "trên 80%", 1 short of all is not "100%")."""
    wanted = _share(target)
    have = numerator * 100 * wanted.denominator
    need = wanted.numerator * denominator
    if comparison is Comparison.ABOVE:
        return have > need
    if comparison is Comparison.EQUAL:
        return have == need
    return have >= need


@lru_cache(maxsize=256)
def _share(target: float) -> Fraction:
    """A target percent as the exact fraction its decimal writing means (66.7 → 667/10)."""
    return Fraction(str(target))


def kinds_of(text: str) -> frozenset[UnitKind]:
    """Comma-separated stored kinds → the kinds this version knows."""
    return frozenset(UnitKind(k) for k in text.split(",") if k in UnitKind._value2member_map_)


def plan_years(session: Session, settings: WardSettings | None = None) -> range:
    """The years of the plan (2025–2030 unless the ward changed it in Cài đặt)."""
    settings = settings or load_settings(session)
    return range(settings.plan_first_year, settings.plan_last_year + 1)


def check_plan_period(
    session: Session,
    year: int,
    quarter: int | None = None,
    settings: WardSettings | None = None,
) -> None:
    """Refuse a year outside the plan, or a quarter that is not 1–4."""
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise OutsidePlan(f"Quý phải từ 1 đến 4 (đã nhập {quarter}).")
    years = plan_years(session, settings)
    if year not in years:
        raise OutsidePlan(
            f"Kế hoạch chạy từ {years.start} đến {years.stop - 1}; năm {year} nằm ngoài "
            "(đổi các năm của Kế hoạch trong Cài đặt nếu cần)."
        )


def year_scopes(session: Session, year: int) -> list[YearScope]:
    """Every active indicator as ``year`` measures it, in catalogue order."""
    targets = {
        t.indicator_id: t
        for t in session.exec(select(IndicatorTarget).where(IndicatorTarget.year == year))
    }
    indicators = session.exec(
        select(Indicator)
        .where(col(Indicator.active).is_(True))
        .order_by(col(Indicator.ordinal), col(Indicator.id))
    )
    return [_scope(i, targets.get(saved_id(i.id))) for i in indicators]


def _scope(indicator: Indicator, target: IndicatorTarget | None) -> YearScope:
    kinds = kinds_of(indicator.unit_kinds)
    if target is not None and target.unit_kinds:
        kinds = kinds_of(target.unit_kinds)
    return YearScope(
        indicator_id=IndicatorId(saved_id(indicator.id)),
        code=indicator.code,
        name=indicator.name,
        population=indicator.population,
        value_kind=ValueKind(indicator.value_kind),
        kinds=kinds,
        target=None
        if target is None
        else YearTarget(
            target.target_percent,
            Comparison(target.comparison),
            target.text,
            target.carried_over,
        ),
        numerator_label=indicator.numerator_label,
        denominator_label=indicator.denominator_label,
        short_name=indicator.short_name,
    )


def expected_in(period: int) -> ColumnElement[bool]:
    """SQL: the unit reports in ``period`` (a period code): it began by then and had not stopped."""
    return and_(
        col(Unit.reports_from) <= period,
        or_(col(Unit.stopped_from).is_(None), col(Unit.stopped_from) > period),
    )
