"""The demo ward's activities: a believable year and more, every one within the plan's rules."""

from __future__ import annotations

from datetime import date

from desktop.indicators.scope import plan_years
from desktop.models import ActivityKind
from desktop.movement.activities import activity_views, problems_of, unit_ids
from desktop.movement.activity_totals import activity_totals


def test_the_demo_ward_holds_a_believable_record_of_activities(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as session:
        views = activity_views(session)
        years = plan_years(session)
        known = unit_ids(session)
        kinds = {row.key for row in activity_totals(session, 2025, 2026, "kind")}
    assert 30 <= len(views) <= 50
    assert kinds == {kind.label for kind in ActivityKind if kind is not ActivityKind.OTHER}
    first = min(views, key=lambda v: v.held_on)
    assert first.held_on == date(2025, 3, 26) and first.title.startswith("Lễ phát động")
    assert max(v.held_on for v in views) <= date(2026, 12, 1)  # the tests' today
    for view in views:
        assert problems_of(view.data(), years, known) == [], view.title
    classes = [v for v in views if v.kind is ActivityKind.DIGITAL_CLASS]
    assert all(v.unit_codes[0].startswith("TDP") for v in classes)
