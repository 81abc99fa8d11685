"""The clerk's own dates (hạn của văn phòng): when each quarter's figures must be in, when the
yearly report and the reviews' reports go to the city, when the units register to emulate.

The plan fixes only its milestones (mục II.3: 2025 phát động, 2027 sơ kết, 2030 tổng kết); the days
within them are the ward's custom, so every one here is a default the clerk edits in Cài đặt. They
are kept in ``Setting`` rows of their own (keys ``deadline_…``), apart from the printed ward
settings, and saved by :func:`save_deadlines`, which announces ``Change(Area.SETTINGS)``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlmodel import Session, col, select

from desktop.changes import Area, Change, Done, Operation
from desktop.errors import Refusal
from desktop.models import Milestone
from desktop.models.periods import next_period
from desktop.settings import get_value, set_value

DayMonth = tuple[int, int]  # (ngày, tháng) of a date that recurs each year

REVIEW_KINDS = ("so_ket", "tong_ket")  # Milestone.kind of the two reviews
REVIEW_NAMES = {"so_ket": "sơ kết", "tong_ket": "tổng kết"}
_KEYS = {
    "collection_day": "deadline_collection_day",
    "yearly_report": "deadline_yearly_report",
    "commitment_day": "deadline_commitment_day",
    "soon_days": "deadline_soon_days",
    "so_ket": "deadline_so_ket_report",
    "tong_ket": "deadline_tong_ket_report",
}
# A review's report is due, unless the clerk says otherwise, on this day of its milestone's year.
REVIEW_DEFAULT_DAY: DayMonth = (30, 11)


class DeadlineError(Refusal, ValueError):
    """Dates the clerk must correct first; one problem per field, in Vietnamese."""


@dataclass(frozen=True)
class DeadlineSettings:
    """Mốc thời gian và hạn.

    ``collection_day``: the day of the month after each quarter by which its figures are in (10:
    quý 1 by 10/4, quý 4 by 10/01 of the next year). ``yearly_report``: the day of each year the
    Báo cáo năm is due. ``commitment_day``: the day the units' đăng ký thi đua is due. The review
    reports' days are whole dates (None: 30/11 of the milestone's year). ``soon_days``: how many
    days ahead a deadline shows as coming.
    """

    collection_day: int = 10
    yearly_report: DayMonth = (15, 12)
    commitment_day: DayMonth = (31, 3)
    soon_days: int = 14
    so_ket: date | None = None
    tong_ket: date | None = None

    def validation_errors(self, milestones: dict[str, int]) -> list[str]:
        errors = []
        if not 1 <= self.collection_day <= 30:
            errors.append("Ngày thu số liệu quý phải từ 1 đến 30 (của tháng sau mỗi quý).")
        if not 1 <= self.soon_days <= 90:
            errors.append("Số ngày nhắc trước hạn phải từ 1 đến 90.")
        for (day, month), what in (
            (self.yearly_report, "Hạn gửi báo cáo năm"),
            (self.commitment_day, "Hạn đăng ký thi đua"),
        ):
            if not valid_day_month(day, month):
                errors.append(f"{what} {day}/{month} không phải một ngày trong năm.")
        for kind in REVIEW_KINDS:
            chosen: date | None = getattr(self, kind)
            year = milestones.get(kind)
            if chosen is not None and year is not None and chosen.year not in (year, year + 1):
                errors.append(
                    f"Hạn gửi báo cáo {REVIEW_NAMES[kind]} phải trong năm {year} hoặc {year + 1} "
                    f"(mốc {REVIEW_NAMES[kind]} của Kế hoạch là năm {year})."
                )
        return errors


def valid_day_month(day: int, month: int) -> bool:
    """A day that every year has (29/02 is not one)."""
    try:
        date(2001, month, day)
    except ValueError:
        return False
    return True


def parse_day_month(text: str, what: str) -> DayMonth:
    """ "15/12" → (15, 12); refused with the clerk's words."""
    parts = text.strip().replace("-", "/").split("/")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        day, month = int(parts[0]), int(parts[1])
        if valid_day_month(day, month):
            return day, month
    raise DeadlineError(f"{what} “{text}” không đúng: hãy ghi ngày/tháng, ví dụ 15/12.")


def parse_date(text: str, what: str) -> date:
    """ "30/11/2027" (or 2027-11-30) → the date; refused with the clerk's words."""
    cleaned = text.strip()
    try:
        if "/" in cleaned:
            day, month, year = (int(p) for p in cleaned.split("/"))
            return date(year, month, day)
        return date.fromisoformat(cleaned)
    except ValueError:
        raise DeadlineError(
            f"{what} “{text}” không đúng: hãy ghi ngày/tháng/năm, ví dụ 30/11/2027."
        ) from None


# -- the plan's milestones ------------------------------------------------------------------------
def milestones(session: Session) -> list[Milestone]:
    """Mốc thời gian of the plan (mục II.3), in their order."""
    return list(session.exec(select(Milestone).order_by(col(Milestone.year), col(Milestone.id))))


def milestone_years(session: Session) -> dict[str, int]:
    """Milestone.kind → its year: {"launch": 2025, "so_ket": 2027, "tong_ket": 2030}."""
    return {m.kind: m.year for m in milestones(session)}


# -- reading and saving ---------------------------------------------------------------------------
def load_deadlines(session: Session) -> DeadlineSettings:
    """The clerk's dates, each field its default where never set (or stored unreadably)."""
    base = DeadlineSettings()
    values: dict[str, object] = {}
    for field, key in _KEYS.items():
        text = get_value(session, key)
        if not text:
            continue
        try:
            if field in ("collection_day", "soon_days"):
                values[field] = int(text)
            elif field in ("yearly_report", "commitment_day"):
                values[field] = parse_day_month(text, "")
            else:
                values[field] = date.fromisoformat(text)
        except (ValueError, DeadlineError):
            continue  # a row edited by hand: the default stands rather than a failed page
    return replace(base, **values)  # type: ignore[arg-type]


def save_deadlines(settings: DeadlineSettings) -> Operation[DeadlineSettings]:
    """The operation that stores the clerk's dates (checked first, refused with every problem)."""

    def operation(session: Session) -> Done[DeadlineSettings]:
        errors = settings.validation_errors(milestone_years(session))
        if errors:
            raise DeadlineError(problems=errors)
        for field, key in _KEYS.items():
            set_value(session, key, _stored(getattr(settings, field)))
        return Done(settings, Change.of(Area.SETTINGS))

    return operation


def _stored(value: object) -> str:
    if isinstance(value, tuple):
        return f"{value[0]:02d}/{value[1]:02d}"
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


# -- the days they give ---------------------------------------------------------------------------
def collection_day(settings: DeadlineSettings, year: int, quarter: int) -> date:
    """Hạn thu số liệu of a quarter: ``collection_day`` of the month after it."""
    next_year, next_quarter = next_period(year, quarter)
    return date(next_year, 3 * (next_quarter - 1) + 1, settings.collection_day)


def yearly_report_day(settings: DeadlineSettings, year: int) -> date:
    """Hạn gửi Báo cáo kết quả thực hiện Phong trào năm ``year``."""
    day, month = settings.yearly_report
    return date(year, month, day)


def commitment_day(settings: DeadlineSettings, year: int) -> date:
    """Hạn đăng ký thi đua of ``year``."""
    day, month = settings.commitment_day
    return date(year, month, day)


def review_day(settings: DeadlineSettings, kind: str, year: int) -> date:
    """Hạn gửi báo cáo sơ kết / tổng kết: the clerk's date, or 30/11 of the milestone's year."""
    chosen: date | None = getattr(settings, kind)
    if chosen is not None:
        return chosen
    day, month = REVIEW_DEFAULT_DAY
    return date(year, month, day)
