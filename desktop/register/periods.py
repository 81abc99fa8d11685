"""Kỳ báo cáo of a unit: from which quarter it reports and, once closed, from which it no longer does.

A unit added today reports from today's quarter, a unit closed today stops from it — or from the
quarter after the last locked one (chốt số liệu), so that no locked quarter's results move. A
change that would move them (a "báo cáo từ quý" set inside a locked quarter) is refused.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.models import QuarterLock, Unit
from desktop.models.periods import (
    next_period,
    period_code,
    period_of_code,
    quarter_of,
    quarter_text,
    today,
)
from desktop.register.rules import RegisterError

_CACHE_KEY = "thidua.first_open_period"


def locked_periods(session: Session) -> list[int]:
    rows = session.exec(
        select(QuarterLock.year, QuarterLock.quarter).where(col(QuarterLock.locked).is_(True))
    )
    return sorted(period_code(y, q) for y, q in rows)


def first_open_period(session: Session) -> int:
    """The quarter a change of the register takes effect from: today's quarter, or the one after
    the latest locked quarter when that is later. Kept for the transaction (an import of
    thousands of units asks once)."""
    cached = session.info.get(_CACHE_KEY)
    if isinstance(cached, int):
        return cached
    current = period_code(*quarter_of(today()))
    locked = locked_periods(session)
    if locked and locked[-1] >= current:
        current = period_code(*next_period(*period_of_code(locked[-1])))
    session.info[_CACHE_KEY] = current
    return current


def check_not_locked(session: Session, first: int, last: int, what: str) -> None:
    """Refuse when a locked quarter lies in [first, last): its expected units would change."""
    hit = [p for p in locked_periods(session) if first <= p < last]
    if hit:
        raise RegisterError(
            [
                f"{what}: {quarter_text(hit[0])} đã chốt số liệu, kết quả của quý đó sẽ thay đổi. "
                "Hãy chọn quý sau quý đã chốt, hoặc mở chốt quý đó trước."
            ]
        )


def place_unit(session: Session, unit: Unit, reports_from: int | None, created: bool) -> None:
    """Set or check the quarter a new or edited unit reports from (None: keep it, or today's)."""
    if reports_from is None:
        if created:
            unit.reports_from = first_open_period(session)
        return
    old = unit.reports_from if not created else None
    if old == reports_from:
        return
    _, quarter = period_of_code(reports_from)
    if quarter not in (1, 2, 3, 4):
        raise RegisterError(["Quý bắt đầu báo cáo phải từ 1 đến 4."])
    first = reports_from if old is None else min(old, reports_from)
    last = first_open_period(session) if old is None else max(old, reports_from)
    check_not_locked(session, first, last, "Không đổi được quý bắt đầu báo cáo")
    unit.reports_from = reports_from


def stop_or_restart(session: Session, unit: Unit, active: bool) -> None:
    """Ngừng hoạt động: the unit stops reporting from the first open quarter. Hoạt động trở lại:
    it reports again in every quarter since it stopped, unless one of them is locked."""
    if not active:
        unit.stopped_from = max(first_open_period(session), unit.reports_from)
        return
    if unit.stopped_from is not None:
        check_not_locked(
            session,
            unit.stopped_from,
            first_open_period(session),
            "Không cho đơn vị hoạt động trở lại được",
        )
        unit.stopped_from = None
