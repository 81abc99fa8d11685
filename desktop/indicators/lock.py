"""Chốt số liệu: a reported quarter becomes read-only; unlocking needs a reason, and every change made
while it is open again is kept in the audit log with that reason, ready to print as a correction note
(phiếu đính chính: old value, new value, reason, date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from desktop.indicators.rules import Pair, ValueRefused
from desktop.indicators.scope import plan_years
from desktop.models import AuditEntry, Indicator, QuarterLock, QuarterValue, Unit
from desktop.models._base import now
from desktop.models.periods import (
    first_day,
    has_started,
    period_code,
    previous_period,
    quarter_of,
)
from desktop.register.periods import locked_periods
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean

CORRECTION_PREFIX = "Đính chính quý {quarter}/{year}"


class QuarterLocked(ValueRefused):
    def __init__(self, year: int, quarter: int) -> None:
        super().__init__(
            f"Số liệu quý {quarter}/{year} đã được chốt nên chỉ xem được. Muốn sửa, hãy “Mở chốt” "
            "và ghi lý do."
        )


@dataclass(frozen=True)
class LockState:
    locked: bool
    reopened: bool  # chốt rồi mở lại: changes are corrections
    unlock_reason: str
    locked_at: datetime | None
    unlocked_at: datetime | None


def _lock(session: Session, year: int, quarter: int) -> QuarterLock | None:
    statement = select(QuarterLock).where(QuarterLock.year == year, QuarterLock.quarter == quarter)
    return session.exec(statement).first()


def lock_state(session: Session, year: int, quarter: int) -> LockState:
    lock = _lock(session, year, quarter)
    if lock is None:
        return LockState(False, False, "", None, None)
    return LockState(
        lock.locked, not lock.locked, lock.unlock_reason, lock.locked_at, lock.unlocked_at
    )


def check_can_lock(session: Session, year: int, quarter: int, today: date) -> None:
    """A quarter is locked once its figures exist: not before it has begun."""
    if not has_started(year, quarter, today):
        raise ValueRefused(
            f"Quý {quarter}/{year} chưa bắt đầu (bắt đầu ngày "
            f"{first_day(year, quarter).strftime('%d/%m/%Y')}) nên chưa thể chốt số liệu."
        )


def open_quarter(session: Session, day: date) -> tuple[int, int] | None:
    """Quý đang mở: the latest quarter of the plan that has begun by ``day`` and is not locked —
    the one whose Mẫu số a change of the register's head-counts may update. None when every
    begun quarter of the plan is locked (or the plan has not begun)."""
    years = plan_years(session)
    locked = set(locked_periods(session))
    year, quarter = quarter_of(day)
    while year >= years.start:
        if year in years and period_code(year, quarter) not in locked:
            return year, quarter
        year, quarter = previous_period(year, quarter)
    return None


def lock_quarter(session: Session, year: int, quarter: int) -> None:
    """Chốt số liệu quý: nothing of the quarter can change until it is unlocked with a reason."""
    lock = _lock(session, year, quarter)
    if lock is not None and lock.locked:
        raise ValueRefused(f"Quý {quarter}/{year} đã được chốt từ trước.")
    if lock is None:
        lock = QuarterLock(year=year, quarter=quarter)
    lock.locked = True
    lock.locked_at = now()
    session.add(lock)
    session.flush()


def unlock_quarter(session: Session, year: int, quarter: int, reason: str) -> None:
    """Mở chốt with a reason (lý do), written to the quarter and to the audit log."""
    reason = clean(reason)
    if len(reason) < 5:
        raise ValueRefused(
            "Hãy ghi lý do mở chốt (ít nhất 5 ký tự), ví dụ đơn vị báo cáo lại số liệu."
        )
    lock = _lock(session, year, quarter)
    if lock is None or not lock.locked:
        raise ValueRefused(f"Quý {quarter}/{year} chưa được chốt nên không cần mở chốt.")
    set_audit_reason(session, reason)
    lock.locked = False
    lock.unlock_reason = reason
    lock.unlocked_at = now()
    session.add(lock)
    session.flush()


def correction_reason(year: int, quarter: int, unlock_reason: str) -> str:
    return f"{CORRECTION_PREFIX.format(quarter=quarter, year=year)}: {unlock_reason}"


@dataclass(frozen=True)
class Correction:
    """One line of the correction note: a cell changed after the quarter was unlocked."""

    at: datetime
    unit_code: str
    unit_name: str
    indicator_code: str
    old: Pair
    new: Pair
    reason: str


def corrections(session: Session, year: int, quarter: int) -> list[Correction]:
    """Every change of the quarter's values made while it was unlocked, oldest first."""
    prefix = CORRECTION_PREFIX.format(quarter=quarter, year=year) + ": "
    entries = session.exec(
        select(AuditEntry)
        .where(
            AuditEntry.table_name == QuarterValue.__tablename__,
            col(AuditEntry.reason).startswith(prefix),
        )
        .order_by(col(AuditEntry.id))
    ).all()
    saves = _saves(list(entries))
    units = {u.id: u for u in session.exec(select(Unit))}
    codes = dict(session.exec(select(Indicator.id, Indicator.code)).all())
    states: dict[int, Pair] = {}  # the row's pair just after the save being looked at
    result = []
    # Walk back from the rows as they are now: each save's "new" is the state after it, its "old"
    # that state with the changed fields put back. After the first lock every save is tagged, so
    # the walk is exact.
    for group in reversed(saves):
        record, at = group[0].record_id or 0, group[0].at
        row = session.get(QuarterValue, record)
        if row is None:
            continue
        new = states.get(record, Pair(row.numerator, row.denominator))
        old = _before(new, group)
        states[record] = old
        if old == new:
            continue  # only the note changed
        unit = units.get(row.unit_id)
        result.append(
            Correction(
                at=at,
                unit_code=unit.code if unit else "",
                unit_name=unit.name if unit else "",
                indicator_code=codes.get(row.indicator_id, ""),
                old=old,
                new=new,
                reason=group[0].reason[len(prefix) :],
            )
        )
    result.reverse()
    return result


def _saves(entries: list[AuditEntry]) -> list[list[AuditEntry]]:
    """Audit rows (in id order) gathered into one group per save of one row: an update writes one
    row per changed field, so a group ends when the row, the time or a field repeats."""
    saves: list[list[AuditEntry]] = []
    for entry in entries:
        last = saves[-1] if saves else None
        if (
            last is not None
            and last[0].record_id == entry.record_id
            and last[0].at == entry.at
            and entry.action == "update"
            and entry.field not in {e.field for e in last}
        ):
            last.append(entry)
        else:
            saves.append([entry])
    return saves


def _before(after: Pair, group: list[AuditEntry]) -> Pair:
    numerator, denominator = after.numerator, after.denominator
    for entry in group:
        if entry.action == "insert":
            return Pair(None, None)
        if entry.action == "update" and entry.field == "numerator":
            numerator = _number(entry.old_value)
        elif entry.action == "update" and entry.field == "denominator":
            denominator = _number(entry.old_value)
    return Pair(numerator, denominator)


def _number(text: str | None) -> int | None:
    return None if text is None else int(text)
