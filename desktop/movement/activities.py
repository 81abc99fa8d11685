"""Activities (hoạt động) of the movement: their rules and the views the pages and reports read.

An activity is a propaganda event, a training course, a "Bình dân học vụ số" class, a meeting or
an inspection, held on one day by zero or more organising units (none: the ward itself). The
rules, checked once per change and for every row of an import:

* a date inside the plan's years (2025–2030 unless Cài đặt says otherwise);
* a title (tên hoạt động);
* counts that are not negative, and groups (cán bộ công chức, học sinh, người dân, người lao động)
  whose sum does not exceed the participants when both are given;
* organising units that are in the register.

The changes live in :mod:`desktop.movement.activity_ops`; the totals in
:mod:`desktop.movement.activity_totals`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, col, func, select

from desktop.errors import Refusal
from desktop.indicators.scope import plan_years
from desktop.models import Activity, ActivityKind, ActivityUnit, Attachment, Unit
from desktop.models.ids import saved_id
from desktop.movement.activity_totals import WARD_ITSELF
from desktop.text import clean, clean_line, search_key, sort_key, wording

GROUPS = ("officials", "students", "residents", "workers")
GROUP_LABELS = {
    "officials": "cán bộ, công chức, viên chức",
    "students": "học sinh",
    "residents": "người dân",
    "workers": "người lao động",
}
NOT_SAVED = "Chưa lưu được hoạt động:"


class ActivityError(Refusal):
    """An activity, or an import of activities, the rules refuse."""


@dataclass(frozen=True)
class ActivityData:
    """What the clerk types for one activity; organising units by their register id."""

    held_on: date
    title: str
    kind: ActivityKind = ActivityKind.OTHER
    place: str = ""
    unit_ids: tuple[int, ...] = ()
    participants: int | None = None
    officials: int | None = None
    students: int | None = None
    residents: int | None = None
    workers: int | None = None
    note: str = ""

    def groups(self) -> tuple[int | None, ...]:
        return tuple(getattr(self, name) for name in GROUPS)

    def cleaned(self) -> ActivityData:
        return replace(
            self,
            title=clean_line(self.title),
            place=clean_line(self.place),
            note=clean(self.note),
            unit_ids=tuple(dict.fromkeys(self.unit_ids)),
        )


@dataclass(frozen=True)
class ActivityView:
    """One activity as the clerk reads it, with its organisers' codes and names written out."""

    id: int
    held_on: date
    kind: ActivityKind
    title: str
    place: str
    unit_ids: tuple[int, ...]
    unit_codes: tuple[str, ...]
    unit_names: tuple[str, ...]
    participants: int | None
    officials: int | None
    students: int | None
    residents: int | None
    workers: int | None
    note: str
    attachments: int = 0

    @property
    def organisers(self) -> str:
        """The organising units as a line ("UBND phường" when none)."""
        return "; ".join(self.unit_names) or WARD_ITSELF

    def data(self) -> ActivityData:
        return ActivityData(
            held_on=self.held_on,
            title=self.title,
            kind=self.kind,
            place=self.place,
            unit_ids=self.unit_ids,
            participants=self.participants,
            officials=self.officials,
            students=self.students,
            residents=self.residents,
            workers=self.workers,
            note=self.note,
        )


# -- the rules ---------------------------------------------------------------------------------


def count_problems(data: ActivityData) -> list[str]:
    """What is wrong with the participant counts (no database needed)."""
    problems = []
    if data.participants is not None and data.participants < 0:
        problems.append(f"số người tham gia không được âm (đã ghi {data.participants}).")
    for name, value in zip(GROUPS, data.groups(), strict=True):
        if value is not None and value < 0:
            problems.append(f"số {GROUP_LABELS[name]} không được âm (đã ghi {value}).")
    known = [v for v in data.groups() if v is not None and v >= 0]
    if data.participants is not None and known and sum(known) > data.participants:
        problems.append(
            f"tổng các nhóm ({wording.count(sum(known))}) vượt số người tham gia "
            f"({wording.count(data.participants)})."
        )
    return problems


def problems_of(data: ActivityData, years: range, known_units: Iterable[int]) -> list[str]:
    """Every problem of one activity at once, each as a clause ("thiếu tên hoạt động.")."""
    problems = []
    if data.held_on.year not in years:
        problems.append(
            f"ngày {wording.short_date(data.held_on)} nằm ngoài thời gian của Kế hoạch "
            f"({years.start} - {years.stop - 1})."
        )
    if not data.title:
        problems.append("thiếu tên hoạt động.")
    problems.extend(count_problems(data))
    units = set(known_units)
    for unit_id in data.unit_ids:
        if unit_id not in units:
            problems.append(f"không tìm thấy đơn vị mã số {unit_id} trong sổ đơn vị.")
    return problems


def checked(session: Session, data: ActivityData) -> ActivityData:
    """``data`` cleaned, or an :class:`ActivityError` listing every problem at once."""
    data = data.cleaned()
    problems = problems_of(data, plan_years(session), _existing(session, data.unit_ids))
    if problems:
        raise ActivityError(NOT_SAVED, [_sentence(p) for p in problems])
    return data


def unit_ids(session: Session) -> set[int]:
    """Every unit id of the register (to check many rows against it at once)."""
    return {saved_id(u) for u in session.exec(select(Unit.id))}


def joined(clauses: Iterable[str]) -> str:
    """The problems of one row as one sentence: "ngày … không hợp lệ; thiếu tên hoạt động."."""
    text = "; ".join(c.rstrip(".") for c in clauses)
    return text + "." if text else ""


def _existing(session: Session, unit_ids: tuple[int, ...]) -> set[int]:
    if not unit_ids:
        return set()
    return {saved_id(u) for u in session.exec(select(Unit.id).where(col(Unit.id).in_(unit_ids)))}


def _sentence(clause: str) -> str:
    return clause[:1].upper() + clause[1:]


# -- what makes two activities the same (an import sent twice) --------------------------------

DuplicateKey = tuple[date, str, frozenset[int]]


def duplicate_key(data: ActivityData) -> DuplicateKey:
    """Same day, same title (case, spaces and diacritics aside) and same organisers."""
    return data.held_on, search_key(data.title), frozenset(data.unit_ids)


def stored_keys(session: Session) -> set[DuplicateKey]:
    units = _units_of(session, None)
    return {
        (a.held_on, search_key(a.title), frozenset(units.get(saved_id(a.id), ())))
        for a in session.exec(select(Activity))
    }


# -- reading -----------------------------------------------------------------------------------


def get_activity(session: Session, activity_id: int) -> Activity:
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise ActivityError(f"Không tìm thấy hoạt động mã số {activity_id}.")
    return activity


def data_of(session: Session, activity: Activity) -> ActivityData:
    units = _units_of(session, [saved_id(activity.id)])
    return ActivityData(
        held_on=activity.held_on,
        title=activity.title,
        kind=ActivityKind(activity.kind),
        place=activity.place,
        unit_ids=tuple(units.get(saved_id(activity.id), ())),
        participants=activity.participants,
        officials=activity.officials,
        students=activity.students,
        residents=activity.residents,
        workers=activity.workers,
        note=activity.note,
    )


def _units_of(session: Session, activity_ids: list[int] | None) -> dict[int, list[int]]:
    """Organising units per activity, in the order they were given."""
    statement = select(ActivityUnit.activity_id, ActivityUnit.unit_id).order_by(
        col(ActivityUnit.id)
    )
    if activity_ids is not None:
        statement = statement.where(col(ActivityUnit.activity_id).in_(activity_ids))
    found: dict[int, list[int]] = defaultdict(list)
    for activity_id, unit_id in session.exec(statement):
        found[activity_id].append(unit_id)
    return found


def activity_views(
    session: Session,
    year: int | None = None,
    kind: ActivityKind | None = None,
    unit_id: int | None = None,
) -> list[ActivityView]:
    """The activities (of a year, a kind, a unit), newest first as the page lists them."""
    statement = select(Activity)
    if year is not None:
        statement = statement.where(
            col(Activity.held_on).between(date(year, 1, 1), date(year, 12, 31))
        )
    if kind is not None:
        statement = statement.where(Activity.kind == kind)
    if unit_id is not None:
        statement = statement.where(
            col(Activity.id).in_(
                select(ActivityUnit.activity_id).where(ActivityUnit.unit_id == unit_id)
            )
        )
    activities = list(
        session.exec(statement.order_by(col(Activity.held_on).desc(), col(Activity.id).desc()))
    )
    units = _units_of(session, None)
    names = {saved_id(u.id): (u.code, u.name) for u in session.exec(select(Unit))}
    files = dict(
        session.exec(
            select(Attachment.activity_id, func.count(col(Attachment.id)))
            .where(col(Attachment.activity_id).is_not(None))
            .group_by(col(Attachment.activity_id))
        ).all()
    )
    views = []
    for activity in activities:
        activity_id = saved_id(activity.id)
        organisers = units.get(activity_id, [])
        views.append(
            ActivityView(
                id=activity_id,
                held_on=activity.held_on,
                kind=ActivityKind(activity.kind),
                title=activity.title,
                place=activity.place,
                unit_ids=tuple(organisers),
                unit_codes=tuple(names[u][0] for u in organisers),
                unit_names=tuple(names[u][1] for u in organisers),
                participants=activity.participants,
                officials=activity.officials,
                students=activity.students,
                residents=activity.residents,
                workers=activity.workers,
                note=activity.note,
                attachments=files.get(activity_id, 0),
            )
        )
    return views


def activity_years(session: Session) -> list[int]:
    """The years that have activities, oldest first (the page's year filter)."""
    days = session.exec(select(col(Activity.held_on))).all()
    return sorted({d.year for d in days})


def kind_by_label(text: str) -> ActivityKind | None:
    """The kind whose label (or stored value) the text names; case, diacritics, quotes and
    commas aside ("lop binh dan hoc vu so" is the class)."""
    wanted = _loose(text)
    for kind in ActivityKind:
        if wanted in (_loose(kind.label), _loose(kind.value)):
            return kind
    return None


def _loose(text: str) -> str:
    return _PUNCTUATION.sub(" ", search_key(text)).strip()


_PUNCTUATION = re.compile(r"[\W_]+")


def units_by_code(session: Session) -> dict[str, tuple[int, str]]:
    """Register codes (search keys) → (unit id, name), for imports and the command line."""
    return {
        search_key(u.code): (saved_id(u.id), u.name)
        for u in sorted(session.exec(select(Unit)), key=lambda u: sort_key(u.name))
    }


def unit_choices(session: Session) -> list[tuple[int, str, str]]:
    """(id, code, name) of every unit of the register, by name: the organisers to choose from."""
    units = sorted(session.exec(select(Unit)), key=lambda u: sort_key(u.name))
    return [(saved_id(u.id), u.code, u.name) for u in units]
