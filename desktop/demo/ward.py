"""A demo ward to learn the app on, and synthetic wards of any size for benchmarks.

The demo ward (phường mẫu) is Kiến An-like: about forty units of every kind with their head-counts,
persons, the 2025 award round (council, ballots, the Chairman's decision, :mod:`desktop.demo.council`), and the quarterly values of a ward that began the plan in 2025,
as they stand on the day it is built (:func:`desktop.models.periods.today`: ``THIDUA_TODAY`` dates
it). Its figures follow the plan's rules, so that what the app concludes from them is believable:

* every unit reports from quý 1/2025 (it existed when the plan began); its Mẫu số is the register's
  head-count (DANSO and VNEID the same adults), a yes/no indicator (TRUONGKNS) one "có" (1/1) or
  "chưa" (0/1) per school; an indicator is reported by the unit kinds its year's target covers
  (HOCSINH: secondary schools in 2025, every school from 2026) and only in a year with a target;
* the figures are stocks that climb quarter by quarter (a unit that has a skill keeps it); a few
  units are slow, and residential groups lag on VNEID (fewer people confirmed on VNeID than
  skilled), so 2025 meets most targets but not VNEID;
* the quarter that has just ended is still being collected: a few units are late and it is not
  locked, so its results read "Chưa đủ số liệu"; every quarter before it is locked, 2025 Q4 with the
  two units that never sent it (their 2025 figure is as of Q3); the quarter under way has none yet;
* one unit closed (``stopped_from``) and one was added in the quarter under way (``reports_from``).

Who is slow, late, closed or new is data, in ``resources/catalogue/demo_ward.json`` ("story").
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from desktop.changes import EVERYTHING, Done, Operation
from desktop.demo.activities import add_demo_activities
from desktop.demo.council import add_demo_round
from desktop.demo.initiatives import add_demo_initiatives
from desktop.indicators.catalogue import load_catalogue
from desktop.indicators.denominators import HeadCounts
from desktop.indicators.scope import YearScope, plan_years, year_scopes
from desktop.models import (
    Gender,
    Indicator,
    Person,
    QuarterLock,
    QuarterValue,
    Unit,
    UnitKind,
    ValueKind,
)
from desktop.models._base import now, table_of
from desktop.models.periods import (
    first_day,
    next_period,
    period_code,
    period_of_code,
    previous_period,
    quarter_of,
    today,
)
from desktop.paths import resource_path
from desktop.storage import Database


def _demo_data() -> dict[str, Any]:
    with resource_path("catalogue", "demo_ward.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _person_name(rng: random.Random, data: dict[str, Any], gender: Gender) -> str:
    middle = "Thị" if gender is Gender.FEMALE else rng.choice(data["middle_names"])
    return f"{rng.choice(data['family_names'])} {middle} {rng.choice(data['first_names'])}"


@dataclass(frozen=True)
class DemoCalendar:
    """The quarters of the demo ward on the day it is built."""

    first: int  # the first quarter the units report (period code)
    collecting: int  # the quarter that has just ended: still being collected, not locked
    current: int  # today's quarter, under way: nothing reported yet

    @classmethod
    def on(cls, day: date, first: int, plan_last_year: int) -> DemoCalendar:
        current = period_code(*quarter_of(day))
        ended = period_code(*previous_period(*period_of_code(current)))
        return cls(first, min(ended, period_code(plan_last_year, 4)), current)

    def reported(self) -> list[int]:
        """The quarters with figures, oldest first: from the first to the one being collected."""
        periods = []
        code = self.first
        while code <= self.collecting:
            periods.append(code)
            code = period_code(*next_period(*period_of_code(code)))
        return periods

    def locked(self) -> list[int]:
        """Every reported quarter before the one being collected is locked (chốt số liệu)."""
        return self.reported()[:-1]


def _unit_of(row: list[Any], rng: random.Random, reports_from: int) -> Unit:
    code, name, kind, head, position, staff, *rest = row + [None] * (9 - len(row))
    students, _, workers = rest[0], rest[1], rest[2]
    return Unit(
        code=code,
        name=name,
        kind=UnitKind(kind),
        head_name=head,
        head_position=position,
        phone=f"0225 38{rng.randint(10000, 99999)}",
        email=f"{code.lower()}@kienan.haiphong.gov.vn" if kind != "business" else "",
        address=f"Số {rng.randint(1, 250)} đường Trần Thành Ngọ, phường Kiến An",
        staff_count=staff,
        student_count=students,
        worker_count=workers,
        reports_from=reports_from,
    )


def _demo_units(rng: random.Random, data: dict[str, Any], calendar: DemoCalendar) -> list[Unit]:
    story = data["story"]
    units = [_unit_of(row, rng, calendar.first) for row in data["units"]]
    for number in range(1, data["residential_groups"] + 1):
        units.append(
            Unit(
                code=f"TDP{number:02d}",
                name=f"Tổ dân phố số {number}",
                kind=UnitKind.RESIDENTIAL_GROUP,
                head_name=_person_name(rng, data, rng.choice(list(Gender))),
                head_position="Tổ trưởng",
                phone=f"09{rng.randint(10000000, 99999999)}",
                address="Phường Kiến An",
                adult_count=rng.randint(450, 1400),
                reports_from=calendar.first,
            )
        )
    closed = story["closed"]
    if calendar.first < closed["stopped_from"] <= calendar.collecting:
        unit = next(u for u in units if u.code == closed["code"])
        unit.active = False
        unit.stopped_from = closed["stopped_from"]
        unit.note = closed["note"]
    return units


def build_demo_ward(db: Database, seed: int = 2025) -> None:
    """Fill an empty database with the catalogue and the demo ward."""
    with db.session() as session:
        fill_demo_ward(session, seed)


def fill_demo_ward(session: Session, seed: int = 2025, day: date | None = None) -> None:
    """The catalogue and the demo ward as it stands on ``day`` (today), in the caller's
    transaction."""
    rng = random.Random(seed)
    data = _demo_data()
    load_catalogue(session)
    years = plan_years(session)
    calendar = DemoCalendar.on(day or today(), data["story"]["reports_from"], years.stop - 1)
    units = _demo_units(rng, data, calendar)
    session.add_all(units)
    session.flush()
    _demo_persons(session, rng, data, units)
    # Added this quarter, after the others' persons were drawn (so a seed names the same people):
    # it reports from the quarter under way, so no past result expects it.
    new_unit = _unit_of(data["story"]["new_unit"], rng, calendar.current)
    session.add(new_unit)
    session.flush()
    units.append(new_unit)
    _demo_values(session, rng, units, data["story"], calendar)
    _demo_locks(session, calendar)
    add_demo_round(session, data["council"], units)
    add_demo_initiatives(session, seed, day or today())
    add_demo_activities(session, seed, day or today())


def new_ward(demo: bool) -> Operation[None]:
    """Fill an empty data file: the demo ward (phường mẫu), or the plan's catalogue alone
    (phường trống). Everything shown before is then out of date."""

    def operation(session: Session) -> Done[None]:
        if demo:
            fill_demo_ward(session)
        else:
            load_catalogue(session)
        return Done(None, EVERYTHING)

    return operation


def _demo_persons(
    session: Session, rng: random.Random, data: dict[str, Any], units: list[Unit]
) -> None:
    for unit in units:
        assert unit.id is not None  # the units were flushed
        if unit.kind is UnitKind.RESIDENTIAL_GROUP:
            continue
        for _ in range(rng.randint(2, 4)):
            gender = rng.choice(list(Gender))
            session.add(
                Person(
                    unit_id=unit.id,
                    full_name=_person_name(rng, data, gender),
                    gender=gender,
                    birth_year=rng.randint(1968, 1998),
                    position=rng.choice(data["positions"]),
                )
            )


@dataclass(frozen=True)
class _Pace:
    """How a unit's share of an indicator climbs: ``start`` in its first quarter measured, then
    ``growth`` a quarter (or to 100 % in ``full_after`` quarters), never above 100 %."""

    start: float
    growth: float
    full_after: int | None = None

    def share(self, step: int) -> float:
        if self.full_after is not None:
            return self.start + (1 - self.start) * min(1.0, step / (self.full_after - 1))
        return min(1.0, self.start + self.growth * step)


def _steps(first: int, period: int) -> int:
    """Quarters from ``first`` to ``period`` (0 for the same quarter)."""
    (y0, q0), (y1, q1) = period_of_code(first), period_of_code(period)
    return (y1 - y0) * 4 + q1 - q0


class _Figures:
    """Each unit's figures for each indicator, drawn once per unit and indicator from the seed."""

    def __init__(self, rng: random.Random, story: dict[str, Any], codes: list[str]) -> None:
        self.rng = rng
        self.story = story
        self.codes = codes
        self.slow = set(story["slow_units"])
        self.paces: dict[tuple[str, str], _Pace] = {}
        self.factors: dict[tuple[str, str], float] = {}

    def draw(self, unit: Unit) -> None:
        """Draw the unit's paces in catalogue order, so that a seed gives the same ward."""
        pace = self.story["pace"]["slow" if unit.code in self.slow else "normal"]
        for code in self.codes:
            start, growth = self.rng.uniform(*pace["start"]), self.rng.uniform(*pace["growth"])
            self.paces[(unit.code, code)] = _Pace(
                start, growth, self.story["full_after_quarters"].get(code)
            )
            follows = self.story["follows"].get(code)
            if follows is not None:
                self.factors[(unit.code, code)] = self.rng.uniform(*follows["share"])

    def share(self, unit: Unit, code: str, step: int) -> float:
        follows = self.story["follows"].get(code)
        if follows is not None:
            return self.share(unit, follows["indicator"], step) * self.factors[(unit.code, code)]
        return self.paces[(unit.code, code)].share(step)

    def yes(self, unit: Unit, code: str, period: int) -> bool:
        since = self.story["yes_from"].get(code, {}).get(unit.code)
        return since is not None and since <= period


def _measured_from(
    scopes: dict[int, list[YearScope]], calendar: DemoCalendar
) -> dict[tuple[UnitKind, str], int]:
    """The first reported quarter in which each unit kind reports each indicator: the first year
    whose target covers the kind."""
    first: dict[tuple[UnitKind, str], int] = {}
    for year in sorted(scopes):
        for scope in scopes[year]:
            if scope.target is None:
                continue
            for kind in scope.kinds:
                first.setdefault((kind, scope.code), max(period_code(year, 1), calendar.first))
    return first


def _demo_values(
    session: Session,
    rng: random.Random,
    units: list[Unit],
    story: dict[str, Any],
    calendar: DemoCalendar,
) -> None:
    periods = calendar.reported()
    years = sorted({period_of_code(p)[0] for p in periods})
    scopes = {year: year_scopes(session, year) for year in years}
    codes = [i.code for i in session.exec(select(Indicator).order_by(col(Indicator.ordinal)))]
    figures = _Figures(rng, story, codes)
    for unit in units:
        figures.draw(unit)
    measured_from = _measured_from(scopes, calendar)
    for period in periods:
        year, quarter = period_of_code(period)
        late = set(story["late"].get(str(period), []))
        if period == calendar.collecting:
            late |= set(story["late_in_last_quarter"])
        for unit in units:
            if not unit.expected_in(period) or unit.code in late:
                continue
            for scope in scopes[year]:
                if scope.target is None or unit.kind not in scope.kinds:
                    continue  # a year without a target asks nothing; a kind outside it neither
                pair = _pair(unit, scope, figures, period, measured_from[(unit.kind, scope.code)])
                if pair is None:
                    continue
                assert unit.id is not None  # the units were flushed
                session.add(
                    QuarterValue(
                        unit_id=unit.id,
                        indicator_id=scope.indicator_id,
                        year=year,
                        quarter=quarter,
                        numerator=pair[0],
                        denominator=pair[1],
                    )
                )


def _pair(
    unit: Unit, scope: YearScope, figures: _Figures, period: int, since: int
) -> tuple[int, int] | None:
    """Tử số / mẫu số of one unit in one quarter; None when the register has no head-count."""
    if scope.value_kind is ValueKind.YES_NO:
        return (1 if figures.yes(unit, scope.code, period) else 0), 1
    counts = HeadCounts(unit.staff_count, unit.student_count, unit.adult_count, unit.worker_count)
    denominator = counts.of(scope.population)
    if denominator is None:
        return None
    share = figures.share(unit, scope.code, _steps(max(since, unit.reports_from), period))
    return round(denominator * share), denominator


def _demo_locks(session: Session, calendar: DemoCalendar) -> None:
    """Each quarter before the one being collected was locked about two weeks after it ended."""
    for period in calendar.locked():
        year, quarter = period_of_code(period)
        closed_on = first_day(*next_period(year, quarter)) + timedelta(days=14)
        session.add(
            QuarterLock(
                year=year, quarter=quarter, locked_at=datetime.combine(closed_on, time(9, 0))
            )
        )


@dataclass
class SyntheticSize:
    units: int
    first_year: int
    last_year: int
    indicators: int = 12


_SYNTHETIC_KINDS = [k for k in UnitKind]


def _chunks(rows: Iterable[dict[str, Any]], size: int = 50_000) -> Iterable[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def synthetic_unit_rows(
    count: int, rng: random.Random, kinds: Sequence[UnitKind]
) -> list[dict[str, Any]]:
    """``count`` generated units ("Đơn vị thử nghiệm số 1" …, codes DV00001 …), their kinds taken
    in turn from ``kinds``: rows for a bulk insert into the unit table."""
    stamp = now()
    return [
        {
            "code": f"DV{n:05d}",
            "name": f"Đơn vị thử nghiệm số {n}",
            "kind": kinds[n % len(kinds)].name,
            "head_name": "",
            "head_position": "",
            "phone": "",
            "email": "",
            "address": "",
            "active": True,
            "discipline_note": "",
            "note": "",
            "staff_count": rng.randint(5, 80),
            "created_at": stamp,
            "updated_at": stamp,
        }
        for n in range(1, count + 1)
    ]


def build_synthetic_ward(db: Database, size: SyntheticSize, seed: int = 7) -> int:
    """A ward of ``size.units`` units for benchmarks; every unit reports every indicator each quarter.

    Written with bulk inserts (no audit trail: it is generated data). Returns the number of values.
    """
    rng = random.Random(seed)
    stamp = now()
    with db.session() as session:
        load_catalogue(session)
        _add_synthetic_indicators(session, size.indicators)
        indicators = list(session.exec(select(Indicator).order_by(col(Indicator.ordinal))))
        indicators = indicators[: size.indicators]
        yes_no = {i.id for i in indicators if i.value_kind is ValueKind.YES_NO}
        indicator_ids = [i.id for i in indicators]
        session.connection().execute(
            insert(table_of(Unit)), synthetic_unit_rows(size.units, rng, _SYNTHETIC_KINDS)
        )
        unit_ids = [row for row in session.exec(select(Unit.id).order_by(col(Unit.id)))]

        def values() -> Iterable[dict[str, Any]]:
            for unit_id in unit_ids:
                for indicator_id in indicator_ids:
                    denominator = rng.randint(10, 1500)
                    start = rng.uniform(0.3, 0.7)
                    for year in range(size.first_year, size.last_year + 1):
                        for quarter in range(1, 5):
                            step = (year - size.first_year) * 4 + quarter - 1
                            share = min(1.0, start + 0.03 * step)
                            # A yes/no indicator is one "có" (1/1) or "chưa" (0/1) a unit.
                            numerator, mau_so = (
                                (int(share >= 0.5), 1)
                                if indicator_id in yes_no
                                else (int(denominator * share), denominator)
                            )
                            yield {
                                "unit_id": unit_id,
                                "indicator_id": indicator_id,
                                "year": year,
                                "quarter": quarter,
                                "numerator": numerator,
                                "denominator": mau_so,
                                "note": "",
                                "updated_at": stamp,
                            }

        count = 0
        for chunk in _chunks(values()):
            session.connection().execute(insert(table_of(QuarterValue)), chunk)
            count += len(chunk)
    return count


def _add_synthetic_indicators(session: Session, wanted: int) -> None:
    existing = len(session.exec(select(Indicator.id)).all())
    all_kinds = ",".join(k.value for k in UnitKind)
    for n in range(existing + 1, wanted + 1):
        session.add(
            Indicator(
                code=f"TN{n:02d}",
                name=f"Chỉ tiêu thử nghiệm số {n}",
                population="staff",
                numerator_label="Số đạt",
                denominator_label="Tổng số",
                unit_kinds=all_kinds,
                ordinal=n,
            )
        )
    session.flush()


def parse_years(text: str) -> tuple[int, int]:
    """ "2025-2030" → (2025, 2030); "2025" → (2025, 2025). Raises ValueError in Vietnamese."""
    parts = text.split("-")
    try:
        first, last = (int(parts[0]), int(parts[-1]))
    except ValueError:
        raise ValueError(f"Khoảng năm “{text}” không hợp lệ; hãy ghi như 2025-2030.") from None
    if len(parts) > 2 or not 2000 <= first <= last <= 2100:
        raise ValueError(f"Khoảng năm “{text}” không hợp lệ; hãy ghi như 2025-2030.")
    return first, last
