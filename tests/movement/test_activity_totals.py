"""Totals of the activities equal the sums a clerk would make by hand over the stored rows."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from desktop.models import Activity, ActivityKind, ActivityUnit, Unit, UnitKind
from desktop.movement.activity_totals import (
    WARD_ITSELF,
    ActivityTotals,
    activities_in,
    activity_grand_total,
    activity_totals,
    quarter_key,
)

FIELDS = ("participants", "officials", "students", "residents", "workers")


def a_ward_of_activities(db, count: int = 120) -> list[tuple[Activity, list[str]]]:  # type: ignore[no-untyped-def]
    """Random activities 2024–2027 by three units (some by two, some by none)."""
    rng = random.Random(16)
    stored: list[tuple[Activity, list[str]]] = []
    with db.session() as session:
        units = [
            Unit(code="mttq", name="Ủy ban MTTQ phường", kind=UnitKind.FRONT_ORGANISATION),
            Unit(code="thcs", name="Trường THCS Trần Phú", kind=UnitKind.SCHOOL_LOWER_SECONDARY),
            Unit(code="tdp1", name="Tổ dân phố số 1", kind=UnitKind.RESIDENTIAL_GROUP),
        ]
        session.add_all(units)
        session.flush()
        for _ in range(count):
            groups = [rng.choice([None, rng.randint(0, 30)]) for _ in range(4)]
            known = sum(g or 0 for g in groups)
            participants = rng.choice([None, known + rng.randint(0, 40)])
            activity = Activity(
                held_on=date(2024, 1, 1) + timedelta(days=rng.randint(0, 4 * 365)),
                kind=rng.choice(list(ActivityKind)),
                title=f"Hoạt động {rng.randint(1, 10_000)}",
                participants=participants,
                officials=groups[0],
                students=groups[1],
                residents=groups[2],
                workers=groups[3],
            )
            session.add(activity)
            session.flush()
            organisers = rng.sample(units, rng.choice([0, 1, 1, 2]))
            for unit in organisers:
                session.add(ActivityUnit(activity_id=activity.id, unit_id=unit.id))
            stored.append((activity.model_copy(), [u.name for u in organisers]))
        session.commit()
    return stored


def by_hand(rows: list[tuple[str, Activity]]) -> dict[str, ActivityTotals]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0] * 7)
    for key, activity in rows:
        figures = sums[key]
        figures[0] += 1
        for i, name in enumerate(FIELDS, start=1):
            figures[i] += getattr(activity, name) or 0
        figures[6] += activity.participants is None
    return {key: ActivityTotals(key, *figures) for key, figures in sums.items()}


def in_years(stored, first: int, last: int):  # type: ignore[no-untyped-def]
    return [(a, units) for a, units in stored if first <= a.held_on.year <= last]


def test_totals_by_kind_quarter_and_year_equal_sums_by_hand(db) -> None:  # type: ignore[no-untyped-def]
    stored = in_years(a_ward_of_activities(db), 2025, 2026)
    with db.session() as session:
        for by, key in (
            ("kind", lambda a: a.kind.label),
            ("year", lambda a: str(a.held_on.year)),
            ("quarter", lambda a: quarter_key((a.held_on.month + 2) // 3, a.held_on.year)),
        ):
            rows = activity_totals(session, 2025, 2026, by)  # type: ignore[arg-type]
            assert {r.key: r for r in rows} == by_hand([(key(a), a) for a, _ in stored]), by
            assert sum(r.activities for r in rows) == len(stored)


def test_an_activity_counts_once_per_organising_unit_and_the_ward_row_holds_the_rest(db) -> None:  # type: ignore[no-untyped-def]
    stored = in_years(a_ward_of_activities(db), 2025, 2027)
    expected = by_hand(
        [(name, a) for a, units in stored for name in units]
        + [(WARD_ITSELF, a) for a, units in stored if not units]
    )
    with db.session() as session:
        rows = activity_totals(session, 2025, 2027, "unit")
    assert {r.key: r for r in rows} == expected
    assert [r.key for r in rows] == [
        WARD_ITSELF,
        "Tổ dân phố số 1",
        "Trường THCS Trần Phú",
        "Ủy ban MTTQ phường",
    ]
    assert sum(r.activities for r in rows) == sum(max(1, len(u)) for _, u in stored)


def test_grand_total_and_the_list_cover_exactly_the_years_asked(db) -> None:  # type: ignore[no-untyped-def]
    stored = in_years(a_ward_of_activities(db), 2025, 2025)
    with db.session() as session:
        total = activity_grand_total(session, 2025, 2025)
        listed = activities_in(session, 2025, 2025)
    assert total == by_hand([("Tổng cộng", a) for a, _ in stored])["Tổng cộng"]
    assert total.unknown == sum(a.participants is None for a, _ in stored)
    assert [a.id for a in listed] == [
        a.id for a, _ in sorted(stored, key=lambda s: (s[0].held_on, s[0].id))
    ]


def test_years_without_activities_give_zeros_and_no_rows(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        assert activity_totals(session, 2025, 2030, "kind") == []
        assert activity_grand_total(session, 2025, 2030) == ActivityTotals(
            "Tổng cộng", 0, 0, 0, 0, 0, 0, 0
        )
