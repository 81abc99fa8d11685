"""Việc cần làm: what is due or late on a day, computed from the data, each with the page that
resolves it.

The plan asks the Phòng Văn hóa - Xã hội to follow the units, to report yearly to the city and to
hold the sơ kết (2027) and the tổng kết (2030) (mục II.3, VI.1). The clerk's own days are in
:mod:`.deadline_settings`. Every kind of item has one function below, which says nothing when
nothing is due; each reuses the module that owns the fact (the results' missing units, the
dossiers' overdue rule, the commitments' standing, the backup's age) rather than deriving it again.

A deadline is *late* (quá hạn) once its day has passed undone, *soon* (sắp đến hạn) within
``soon_days`` before it; *info* items are known ahead (a review's year has begun).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlmodel import Session, col, select

from desktop.awards.dossiers import OPEN_STATUSES, DossierRow, list_dossiers
from desktop.backup.status import usb_backup_age
from desktop.indicators.latest import MissingUnit
from desktop.indicators.results import ward_results
from desktop.indicators.scope import plan_years
from desktop.models import IssuedDocument
from desktop.models._base import now
from desktop.models.periods import first_day, next_period, period_code, quarter_text
from desktop.movement import commitments
from desktop.movement.deadline_settings import (
    REVIEW_KINDS,
    REVIEW_NAMES,
    DeadlineSettings,
    collection_day,
    commitment_day,
    load_deadlines,
    milestone_years,
    review_day,
    yearly_report_day,
)
from desktop.register.periods import locked_periods
from desktop.text import sort_key, wording

NAMES_SHOWN = 3  # the first names of the units or dossiers an item counts


class Severity(StrEnum):
    LATE = "late"  # quá hạn
    SOON = "soon"  # sắp đến hạn, đến hạn
    INFO = "info"  # để biết trước

    @property
    def label(self) -> str:
        return {"late": "Quá hạn", "soon": "Sắp đến hạn", "info": "Để biết"}[self.value]


@dataclass(frozen=True)
class Target:
    """The page that resolves an item (a key of ``desktop.ui.pages.PAGES``) and what to show on
    it: a period, a campaign, a dossier, the units to look at, a document kind, a tab."""

    page: str
    year: int | None = None
    quarter: int | None = None
    campaign_id: int | None = None
    dossier_id: int | None = None
    unit_ids: tuple[int, ...] = ()
    document: str = ""  # a key of desktop.documents.kinds.KINDS
    tab: str = ""  # a tab of the page, by its name


@dataclass(frozen=True)
class DueItem:
    """Một việc cần làm."""

    kind: str  # collection | lock | dossiers | yearly_report | review_report | commitments | …
    severity: Severity
    text: str
    target: Target
    due_on: date | None = None
    names: tuple[str, ...] = field(default=())  # every unit or dossier the item counts


@dataclass(frozen=True)
class Coming:
    """A deadline ahead, for the page that has nothing due: "Hạn tiếp theo: …"."""

    day: date
    text: str


# -- severity and words -----------------------------------------------------------------------------
def severity_on(day: date, today: date, soon_days: int) -> Severity | None:
    """Late after ``day``, soon within ``soon_days`` before it (the day itself included)."""
    if today > day:
        return Severity.LATE
    if (day - today).days <= soon_days:
        return Severity.SOON
    return None


def when(day: date, today: date) -> str:
    """ "hạn 10/10/2026, quá hạn 53 ngày" / "hạn 10/01/2027, còn 5 ngày" / "hạn hôm nay"."""
    return f"hạn {wording.short_date(day)}, {wording.days_from(day, today)}"


def first_names(names: list[str], noun: str = "đơn vị") -> str:
    """ "A, B, C và 4 đơn vị khác" (the whole list lives in the item's ``names``)."""
    shown = ", ".join(names[:NAMES_SHOWN])
    rest = len(names) - NAMES_SHOWN
    return f"{shown} và {wording.count(rest)} {noun} khác" if rest > 0 else shown


# -- the quarters ---------------------------------------------------------------------------------
def quarter_items(session: Session, settings: DeadlineSettings, today: date) -> list[DueItem]:
    """Each quarter of the plan past (or near) its collection day and not locked: the units that
    have not reported it, or, all in, that it waits to be locked (chốt số liệu)."""
    locked = set(locked_periods(session))
    items = []
    for year in plan_years(session):
        for quarter in (1, 2, 3, 4):
            day = collection_day(settings, year, quarter)
            severity = severity_on(day, today, settings.soon_days)
            if severity is None or period_code(year, quarter) in locked:
                continue
            if first_day(*next_period(year, quarter)) > today and severity is not Severity.SOON:
                continue
            item = _quarter_item(session, year, quarter, day, severity, today)
            if item is not None:
                items.append(item)
    return items


def _quarter_item(
    session: Session, year: int, quarter: int, day: date, severity: Severity, today: date
) -> DueItem | None:
    # The quarter's reports are judged as the lock judges them: every unit its targets expect.
    judged = [r for r in ward_results(session, year, quarter) if r.target is not None]
    if not any(r.expected_units for r in judged):
        return None  # nobody reports the quarter (before the first unit's reporting period)
    missing: dict[int, MissingUnit] = {}
    for result in judged:
        for unit in result.missing_units:
            missing.setdefault(unit.id, unit)
    period = quarter_text(period_code(year, quarter)).capitalize()
    if missing:
        units = sorted(missing.values(), key=lambda u: (sort_key(u.name), u.code))
        names = [u.name for u in units]
        text = (
            f"{period}: {wording.count(len(units))} đơn vị chưa báo cáo số liệu "
            f"({when(day, today)}): {first_names(names)}."
        )
        target = Target(
            "indicators", year=year, quarter=quarter, unit_ids=tuple(u.id for u in units)
        )
        return DueItem("collection", severity, text, target, day, tuple(names))
    if first_day(*next_period(year, quarter)) > today:
        return None  # all in before the quarter ended: nothing to lock yet
    reported = max(r.reported_units for r in judged)
    text = (
        f"{period}: đủ số liệu của {wording.count(reported)} đơn vị nhưng chưa chốt số liệu "
        f"({when(day, today)})."
    )
    return DueItem("lock", severity, text, Target("indicators", year=year, quarter=quarter), day)


# -- the dossiers ---------------------------------------------------------------------------------
def dossier_items(session: Session, settings: DeadlineSettings, today: date) -> list[DueItem]:
    """Per campaign: the dossiers still with the clerk past its deadline (the dossiers' own overdue
    rule), or near it."""
    by_campaign: dict[int, list[DossierRow]] = {}
    for row in list_dossiers(session, today=today):
        deadline = row.deadline
        if deadline is None or not (
            row.overdue or severity_on(deadline, today, settings.soon_days) is Severity.SOON
        ):
            continue
        # is_overdue says late; a dossier of the same open statuses before the day is coming.
        if row.overdue or row.status in OPEN_STATUSES:
            by_campaign.setdefault(row.dossier.campaign_id, []).append(row)
    items = []
    for campaign_id, rows in by_campaign.items():
        deadline = rows[0].deadline or today  # only rows with a deadline were kept
        late = rows[0].overdue
        rows.sort(key=lambda r: sort_key(r.nominee))
        names = [r.nominee for r in rows]
        state = "quá hạn nộp" if late else "sắp đến hạn nộp"
        text = (
            f"Đợt “{rows[0].campaign}”: {wording.count(len(rows))} hồ sơ {state} còn ở văn phòng "
            f"({when(deadline, today)}): {first_names(names, 'hồ sơ')}."
        )
        target = Target("dossiers", campaign_id=campaign_id, dossier_id=rows[0].dossier.id)
        severity = Severity.LATE if late else Severity.SOON
        items.append(DueItem("dossiers", severity, text, target, deadline, tuple(names)))
    return items


# -- the reports ----------------------------------------------------------------------------------
def _issued(session: Session, kinds: Iterable[str], accepts: Callable[[dict[str, Any]], bool]) -> bool:
    rows = session.exec(select(IssuedDocument.params).where(col(IssuedDocument.kind).in_(kinds)))
    return any(accepts(json.loads(params or "{}")) for params in rows)


def yearly_report_issued(session: Session, year: int) -> bool:
    """Báo cáo năm ``year`` issued: the yearly report of the movement ("yearly"), or the year's
    report of the indicators ("report" without a quarter)."""
    return _issued(
        session,
        ("yearly", "report"),
        lambda p: p.get("year") == year and not p.get("quarter"),
    )


def review_report_issued(session: Session, year: int) -> bool:
    """The sơ kết or tổng kết report whose last year is ``year`` (kind "review") issued."""

    def of_year(params: dict[str, Any]) -> bool:
        period = str(params.get("period", ""))
        return params.get("year") == year or period.endswith(str(year))

    return _issued(session, ("review",), of_year)


def yearly_report_items(
    session: Session, settings: DeadlineSettings, today: date
) -> list[DueItem]:
    """Each year of the plan whose report day has passed or is near, its report not issued."""
    items = []
    for year in plan_years(session):
        day = yearly_report_day(settings, year)
        severity = severity_on(day, today, settings.soon_days)
        if severity is None or yearly_report_issued(session, year):
            continue
        text = (
            f"Báo cáo kết quả thực hiện Phong trào thi đua năm {year} gửi thành phố chưa ban hành "
            f"({when(day, today)})."
        )
        target = Target("documents", year=year, document="yearly")
        items.append(DueItem("yearly_report", severity, text, target, day))
    return items


def review_report_items(
    session: Session, settings: DeadlineSettings, today: date
) -> list[DueItem]:
    """The sơ kết and tổng kết reports: known from 1/1 of the milestone's year, then coming, then
    late, until issued."""
    years = milestone_years(session)
    items = []
    for kind in REVIEW_KINDS:
        year = years.get(kind)
        if year is None or today < date(year, 1, 1):
            continue
        day = review_day(settings, kind, year)
        severity = severity_on(day, today, settings.soon_days) or Severity.INFO
        if review_report_issued(session, year):
            continue
        first = min(plan_years(session).start, year)
        text = (
            f"Báo cáo {REVIEW_NAMES[kind]} Phong trào thi đua giai đoạn {first}–{year} chưa ban "
            f"hành ({when(day, today)})."
        )
        target = Target("documents", year=year, document="review")
        items.append(DueItem("review_report", severity, text, target, day))
    return items


def plan_items(session: Session, settings: DeadlineSettings, today: date) -> list[DueItem]:
    """The launch milestone: the Kế hoạch phát động not issued by the end of its year."""
    year = milestone_years(session).get("launch")
    if year is None or today < date(year, 1, 1) or _issued(session, ("plan",), lambda p: True):
        return []
    day = date(year, 12, 31)
    severity = severity_on(day, today, settings.soon_days) or Severity.INFO
    text = (
        f"Kế hoạch phát động Phong trào thi đua (mốc năm {year}) chưa ban hành "
        f"({when(day, today)})."
    )
    return [DueItem("plan", severity, text, Target("documents", document="plan"), day)]


# -- the units' commitments -----------------------------------------------------------------------
def commitment_items(session: Session, settings: DeadlineSettings, today: date) -> list[DueItem]:
    """The units expected this year that have not registered to emulate (đăng ký thi đua)."""
    year = today.year
    if year not in plan_years(session):
        return []
    missing = commitments.standing(session, year).missing
    if not missing:
        return []
    day = commitment_day(settings, year)
    severity = severity_on(day, today, settings.soon_days) or Severity.INFO
    names = [u.name for u in missing]
    text = (
        f"{wording.count(len(missing))} đơn vị chưa đăng ký thi đua năm {year} "
        f"({when(day, today)}): {first_names(names)}."
    )
    target = Target(
        "movement", year=year, unit_ids=tuple(u.id or 0 for u in missing), tab="commitments"
    )
    return [DueItem("commitments", severity, text, target, day, tuple(names))]


# -- the backup -----------------------------------------------------------------------------------
def backup_items(session: Session, settings: DeadlineSettings, today: date) -> list[DueItem]:
    """The last USB backup, when the status bar shows it red (older than Cài đặt allows)."""
    age = usb_backup_age(session, datetime.combine(today, now().time()))
    if not age.late:
        return []
    if age.last is None:
        text = "Dữ liệu chưa được sao lưu ra USB lần nào."
    else:
        text = (
            f"Lần sao lưu ra USB gần nhất đã {wording.count(age.days)} ngày "
            f"({wording.date_time(age.last)}); nên sao lưu sau mỗi {age.limit} ngày."
        )
    return [DueItem("backup", Severity.LATE, text, Target("backup"))]


ITEM_KINDS: tuple[Callable[[Session, DeadlineSettings, date], list[DueItem]], ...] = (
    quarter_items,
    dossier_items,
    yearly_report_items,
    review_report_items,
    commitment_items,
    plan_items,
    backup_items,
)
_ORDER = {Severity.LATE: 0, Severity.SOON: 1, Severity.INFO: 2}


def due_items(session: Session, today: date) -> list[DueItem]:
    """Việc cần làm on ``today``: late first, then coming, then the rest; by date within each."""
    settings = load_deadlines(session)
    items = [item for kind in ITEM_KINDS for item in kind(session, settings, today)]
    return sorted(items, key=lambda i: (_ORDER[i.severity], i.due_on or today))


# -- the calendar ---------------------------------------------------------------------------------
def calendar(session: Session, start: date, end: date) -> list[Coming]:
    """Every deadline from ``start`` to ``end`` (both included), in date order: the quarters'
    collection, the yearly reports, the registrations, the reviews and the campaigns' deadlines."""
    settings = load_deadlines(session)
    found: list[Coming] = []
    for year in plan_years(session):
        for quarter in (1, 2, 3, 4):
            period = quarter_text(period_code(year, quarter))
            found.append(Coming(collection_day(settings, year, quarter), f"Thu số liệu {period}"))
        found.append(Coming(yearly_report_day(settings, year), f"Gửi báo cáo năm {year}"))
        found.append(Coming(commitment_day(settings, year), f"Đơn vị đăng ký thi đua năm {year}"))
    for kind, year in milestone_years(session).items():
        if kind in REVIEW_KINDS:
            found.append(Coming(review_day(settings, kind, year), f"Gửi báo cáo {REVIEW_NAMES[kind]}"))
    from desktop.awards.catalogue import list_campaigns

    for campaign in list_campaigns(session):
        if campaign.deadline is not None:
            found.append(Coming(campaign.deadline, f"Hạn nộp hồ sơ đợt “{campaign.name}”"))
    return sorted((c for c in found if start <= c.day <= end), key=lambda c: c.day)


def next_deadline(session: Session, today: date) -> Coming | None:
    """The first deadline after ``today`` (what the page names when nothing is due)."""
    ahead = calendar(session, today + timedelta(days=1), date(today.year + 10, 12, 31))
    return ahead[0] if ahead else None

