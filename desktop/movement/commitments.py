"""Units' commitments (đăng ký thi đua, kế hoạch của đơn vị) as the pages and reports read them.

The plan (mục VI.2) asks every unit to register and to build its own programme and plan. The units
expected in a year are those that report in it by the register's periods — a year's fourth
quarter, as the indicators' results count them (:func:`desktop.indicators.scope.expected_in`), so
a unit closed in the year's spring is not chased and one added in the autumn is. The rules and
changes live in :mod:`desktop.movement.commitment_ops`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from desktop.indicators.latest import expected_period
from desktop.indicators.scope import expected_in
from desktop.models import Attachment, Unit
from desktop.models.movement import Commitment
from desktop.text import sort_key

NOT_REGISTERED = "Chưa đăng ký"
NO_PLAN = "Đã đăng ký, chưa gửi kế hoạch"
PLAN_RECEIVED = "Đã gửi kế hoạch"
REGISTERED_WORDS = ("Đã đăng ký", "Chưa")  # the results' column "Đăng ký thi đua"


def state_of(commitment: Commitment | None) -> str:
    """Where one unit stands, as the clerk reads it in the tab, the chase list and the CLI."""
    if commitment is None or commitment.registered_on is None:
        return NOT_REGISTERED
    return PLAN_RECEIVED if commitment.plan_received_on is not None else NO_PLAN


def registered_word(registered: bool) -> str:
    """ "Đã đăng ký" / "Chưa": the column "Đăng ký thi đua" beside a unit's results."""
    return REGISTERED_WORDS[0] if registered else REGISTERED_WORDS[1]


@dataclass(frozen=True)
class ChaseLine:
    """One unit to chase (đôn đốc): not registered, or registered without its plan."""

    unit: Unit
    commitment: Commitment | None

    @property
    def state(self) -> str:
        return state_of(self.commitment)


@dataclass(frozen=True)
class CommitmentStanding:
    """Where the units stand on their đăng ký thi đua of one year."""

    year: int
    registered: list[tuple[Unit, Commitment]]  # registered (đã đăng ký thi đua)
    plan_received: list[tuple[Unit, Commitment]]  # and sent their own plan (đã gửi kế hoạch)
    missing: list[Unit]  # expected but not registered (chưa đăng ký)
    expected: int  # units reporting in that year (active in it)
    # Rows of units not registered (only a note so far, "đã nhắc qua điện thoại"), by unit id.
    noted: dict[int, Commitment] = field(default_factory=dict)

    @property
    def without_plan(self) -> list[tuple[Unit, Commitment]]:
        """Registered, but their own plan has not reached the ward (chưa gửi kế hoạch)."""
        return [(u, c) for u, c in self.registered if c.plan_received_on is None]

    @property
    def to_chase(self) -> list[ChaseLine]:
        """The units the clerk calls: first those not registered, then those without a plan."""
        return [ChaseLine(u, self.noted.get(u.id or 0)) for u in self.missing] + [
            ChaseLine(u, c) for u, c in self.without_plan
        ]


@dataclass(frozen=True)
class CommitmentLine:
    """One unit of a year in the Đăng ký thi đua tab: its row (None: nothing recorded) and the
    files of its plan."""

    unit: Unit
    commitment: Commitment | None
    files: tuple[Attachment, ...] = ()
    expected: bool = True

    @property
    def state(self) -> str:
        return state_of(self.commitment)

    @property
    def to_chase(self) -> bool:
        return self.expected and self.state != PLAN_RECEIVED


def year_lines(session: Session, year: int) -> list[CommitmentLine]:
    """Every unit expected in ``year``, and any other that registered, with its files."""
    year_standing = standing(session, year)
    rows = commitments_of(session, year)
    files: dict[int, list[Attachment]] = {}
    ids = [c.id for c in rows.values() if c.id is not None]
    for attachment in session.exec(
        select(Attachment)
        .where(col(Attachment.commitment_id).in_(ids))
        .order_by(col(Attachment.id))
    ):
        files.setdefault(attachment.commitment_id or 0, []).append(attachment)
    expected = {u.id for u in expected_units(session, year)}
    units = year_standing.missing + [u for u, _ in year_standing.registered]
    units.sort(key=lambda u: (sort_key(u.name), u.code))
    lines = []
    for unit in units:
        row = rows.get(unit.id or 0)
        lines.append(
            CommitmentLine(
                unit,
                row,
                tuple(files.get(row.id or 0, [])) if row is not None else (),
                unit.id in expected,
            )
        )
    return lines


def expected_units(session: Session, year: int) -> list[Unit]:
    """The units that report in ``year`` (its fourth quarter), in Vietnamese order of name."""
    units = list(session.exec(select(Unit).where(expected_in(expected_period(year, None)))))
    units.sort(key=lambda u: (sort_key(u.name), u.code))
    return units


def commitments_of(session: Session, year: int) -> dict[int, Commitment]:
    """Every unit's commitment row of ``year``, by unit id (registered or only noted)."""
    rows = session.exec(select(Commitment).where(Commitment.year == year))
    return {c.unit_id: c for c in rows}


def standing(session: Session, year: int) -> CommitmentStanding:
    """Who of the units expected in ``year`` registered, who sent a plan, who is missing.

    A unit registered though no longer expected (closed before the year's last quarter) still
    counts as registered: the ward received its paper.
    """
    expected = expected_units(session, year)
    rows = commitments_of(session, year)
    registered: list[tuple[Unit, Commitment]] = []
    missing: list[Unit] = []
    seen: set[int] = set()
    for unit in expected:
        seen.add(unit.id or 0)
        commitment = rows.get(unit.id or 0)
        if commitment is not None and commitment.registered_on is not None:
            registered.append((unit, commitment))
        else:
            missing.append(unit)
    others = [c for uid, c in rows.items() if uid not in seen and c.registered_on is not None]
    if others:
        units = {
            u.id: u
            for u in session.exec(select(Unit).where(col(Unit.id).in_([c.unit_id for c in others])))
        }
        extra = [(units[c.unit_id], c) for c in others if c.unit_id in units]
        registered.extend(sorted(extra, key=lambda uc: (sort_key(uc[0].name), uc[0].code)))
    return CommitmentStanding(
        year=year,
        registered=registered,
        plan_received=[(u, c) for u, c in registered if c.plan_received_on is not None],
        missing=missing,
        expected=len(expected),
        noted={u.id or 0: rows[u.id or 0] for u in missing if (u.id or 0) in rows},
    )


def registered_unit_ids(session: Session, year: int) -> set[int]:
    """The ids of the units registered in ``year`` (đã đăng ký thi đua), expected or not."""
    rows = session.exec(
        select(Commitment.unit_id).where(
            Commitment.year == year, col(Commitment.registered_on).is_not(None)
        )
    )
    return set(rows)
