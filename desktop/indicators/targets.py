"""Indicators (chỉ tiêu) and their yearly targets (chỉ tiêu năm): listing and editing the catalogue.

The plan sets targets for 2025 and 2026; the ward adds the later years of the plan (to 2030) and its
own indicators. Which unit kinds report an indicator decides which cells of the quarter grid open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.indicators.rules import ValueRefused
from desktop.indicators.scope import CARRIED_PREFIX, carried_from, kinds_of, plan_years
from desktop.models import Comparison, Indicator, IndicatorTarget, UnitKind, ValueKind
from desktop.models.ids import IndicatorId, saved_id
from desktop.text import clean, clean_line

PLAN_FIRST_YEAR, PLAN_LAST_YEAR = 2025, 2030
POPULATIONS = ("staff", "students", "adults", "workers", "schools")
POPULATION_LABELS = {
    "staff": "Cán bộ, công chức, viên chức, người lao động",
    "students": "Học sinh",
    "adults": "Người dân trưởng thành",
    "workers": "Người lao động doanh nghiệp",
    "schools": "Cơ sở giáo dục",
}
_CODE = re.compile(r"[A-Z0-9_]{2,32}")


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    targets: dict[int, float]  # year → target percent

    @property
    def id(self) -> IndicatorId:
        return IndicatorId(saved_id(self.indicator.id))


def list_indicators(session: Session) -> list[IndicatorRow]:
    targets: dict[int, dict[int, float]] = {}
    for target in session.exec(select(IndicatorTarget)):
        targets.setdefault(target.indicator_id, {})[target.year] = target.target_percent
    indicators = session.exec(select(Indicator).order_by(col(Indicator.ordinal))).all()
    return [IndicatorRow(i, targets.get(saved_id(i.id), {})) for i in indicators]


SHORT_NAME_LENGTH = 60  # Indicator.short_name


@dataclass
class IndicatorInput:
    """What the clerk fills in for an indicator; ``id`` None adds a new one."""

    code: str
    name: str
    population: str
    numerator_label: str
    denominator_label: str
    unit_kinds: list[UnitKind] = field(default_factory=list)
    active: bool = True
    id: IndicatorId | None = None
    value_kind: ValueKind = ValueKind.RATIO
    short_name: str = ""  # tên ngắn: heads the indicator's column in printed tables

    def errors(self) -> list[str]:
        problems = []
        if not _CODE.fullmatch(self.code):
            problems.append(
                "Mã chỉ tiêu gồm 2–32 chữ in hoa không dấu, chữ số hoặc “_”, ví dụ VNEID."
            )
        if not clean_line(self.name):
            problems.append("Tên chỉ tiêu không được để trống.")
        if self.population not in POPULATIONS:
            problems.append("Hãy chọn đối tượng của chỉ tiêu.")
        if not clean_line(self.numerator_label) or not clean_line(self.denominator_label):
            problems.append("Hãy ghi rõ tử số và mẫu số là gì.")
        if not self.unit_kinds:
            problems.append("Hãy chọn ít nhất một loại đơn vị báo cáo chỉ tiêu này.")
        if len(clean_line(self.short_name)) > SHORT_NAME_LENGTH:
            problems.append(
                f"Tên ngắn của chỉ tiêu dài quá {SHORT_NAME_LENGTH} ký tự; hãy viết gọn hơn "
                "(tên ngắn in ở tiêu đề cột của bảng)."
            )
        return problems


def save_indicator(session: Session, data: IndicatorInput) -> Indicator:
    """Add or change an indicator; raises ValueRefused with every problem at once."""
    data.code = clean_line(data.code).upper()
    problems = data.errors()
    clash = session.exec(select(Indicator).where(Indicator.code == data.code)).first()
    if clash is not None and clash.id != data.id:
        problems.append(f"Mã {data.code} đã có chỉ tiêu khác dùng.")
    if problems:
        raise ValueRefused("\n".join(problems))
    if data.id is None:
        last = session.exec(
            select(Indicator.ordinal).order_by(col(Indicator.ordinal).desc())
        ).first()
        indicator = Indicator(
            code=data.code,
            name="",
            population="",
            numerator_label="",
            denominator_label="",
            ordinal=(last or 0) + 1,
        )
    else:
        found = session.get(Indicator, data.id)
        if found is None:
            raise ValueRefused("Không tìm thấy chỉ tiêu cần sửa.")
        indicator = found
    indicator.code = data.code
    indicator.name = clean_line(data.name)
    indicator.short_name = clean_line(data.short_name)
    indicator.population = data.population
    indicator.numerator_label = clean_line(data.numerator_label)
    indicator.denominator_label = clean_line(data.denominator_label)
    indicator.unit_kinds = ",".join(k.value for k in UnitKind if k in data.unit_kinds)
    indicator.active = data.active
    indicator.value_kind = data.value_kind
    session.add(indicator)
    session.flush()
    return indicator


def set_target(
    session: Session,
    indicator_id: IndicatorId,
    year: int,
    percent: float | None,
    text: str = "",
    *,
    comparison: Comparison | None = None,
    unit_kinds: Sequence[UnitKind] | None = None,
) -> None:
    """Đặt chỉ tiêu năm; ``percent`` None removes the year's target.

    ``comparison`` and ``unit_kinds`` None keep what the year had (a new year: "từ … trở lên" and
    the indicator's own kinds). A target the clerk sets is the ward's own, no longer "duy trì".
    """
    indicator = session.get(Indicator, indicator_id)
    if indicator is None:
        raise ValueRefused("Không tìm thấy chỉ tiêu.")
    years = plan_years(session)
    if year not in years:
        raise ValueRefused(
            f"Kế hoạch chạy từ {years.start} đến {years.stop - 1}; năm {year} nằm ngoài."
        )
    if percent is not None and not 0 <= percent <= 100:
        raise ValueRefused("Tỷ lệ phải đạt phải từ 0 đến 100%.")
    if unit_kinds is not None:
        own = kinds_of(indicator.unit_kinds)
        stray = [k for k in unit_kinds if k not in own]
        if not unit_kinds:
            raise ValueRefused("Hãy chọn ít nhất một loại đơn vị cho chỉ tiêu năm.")
        if stray:
            raise ValueRefused(
                f"Chỉ tiêu {indicator.code} không do "
                + ", ".join(k.label.lower() for k in stray)
                + " báo cáo; hãy thêm loại đơn vị này vào chỉ tiêu trước."
            )
    target = session.exec(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    ).first()
    # A target the ward sets or clears moves the "duy trì" years that repeat it; clearing a "duy
    # trì" year itself is the clerk's choice, and stays cleared.
    planned = target is None or not target.carried_over
    if percent is None:
        if target is not None:
            session.delete(target)
            session.flush()
        if planned:
            carry_forward(session, indicator_id, years, year)
        return
    if target is None:
        target = IndicatorTarget(indicator_id=indicator_id, year=year, target_percent=percent)
    target.target_percent = percent
    target.text = clean(text)
    if comparison is not None:
        target.comparison = comparison
    if unit_kinds is not None:
        own_order = [k for k in UnitKind if k in set(unit_kinds)]
        whole = set(own_order) == kinds_of(indicator.unit_kinds)
        target.unit_kinds = "" if whole else ",".join(k.value for k in own_order)
    target.carried_over = False
    session.add(target)
    session.flush()
    carry_forward(session, indicator_id, years, year)


def carry_forward(session: Session, indicator_id: IndicatorId, years: range, changed: int) -> None:
    """Chỉ tiêu duy trì follow the target they repeat, once the ward set or cleared ``changed``.

    The plan (mục II.2) sets targets up to :data:`PLAN_LAST_TARGET_YEAR`; each later year of the
    plan repeats the latest of them (``carried_over``, worded "Duy trì chỉ tiêu năm 2026: …").
    The catalogue writes those rows when it is loaded; without this, a target the clerk set
    afterwards — a new indicator's 2025 and 2026, or the 2026 one changed — left 2027–2030 with
    no target at all ("Không có chỉ tiêu") or repeating the old figure.

    So every "duy trì" year is rewritten from the latest target set for a year of the plan's own
    (up to 2026) before it, and removed when there is none; a year after that one with no target
    gets one, but not the year just cleared. A year after 2026 the clerk set (2027 …) is the
    ward's choice for that year alone: the other years keep repeating the plan's.
    """
    rows = {
        t.year: t
        for t in session.exec(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator_id)
        )
    }
    planned = sorted(
        y for y, t in rows.items() if not t.carried_over and y <= PLAN_LAST_TARGET_YEAR
    )
    for year in years:
        row = rows.get(year)
        if row is not None and not row.carried_over:
            continue
        earlier = [y for y in planned if y < year]
        source = rows[earlier[-1]] if earlier else None
        if source is None:
            if row is not None:  # repeats nothing any more
                session.delete(row)
            continue
        if row is None:
            if year == changed:
                continue  # the year the clerk has just cleared stays empty
            row = IndicatorTarget(
                indicator_id=indicator_id,
                year=year,
                target_percent=source.target_percent,
                carried_over=True,
            )
        row.target_percent = source.target_percent
        row.comparison = source.comparison
        row.unit_kinds = source.unit_kinds
        row.text = f"{CARRIED_PREFIX.format(year=source.year)}{source.text}"
        session.add(row)
    session.flush()


@dataclass(frozen=True)
class TargetRow:
    """Chỉ tiêu năm as the clerk reads it in the list of targets."""

    indicator_id: IndicatorId
    code: str
    year: int
    percent: float
    comparison: Comparison
    kinds: tuple[UnitKind, ...]
    carried_over: bool
    text: str

    @property
    def carried_from(self) -> int | None:
        """The year whose target a "duy trì" one repeats."""
        return carried_from(self.text) if self.carried_over else None


def list_targets(session: Session, indicator_id: IndicatorId | None = None) -> list[TargetRow]:
    """Every year's target, by indicator (catalogue order) then year."""
    indicators = {
        saved_id(i.id): i
        for i in session.exec(select(Indicator).order_by(col(Indicator.ordinal), col(Indicator.id)))
    }
    statement = select(IndicatorTarget)
    if indicator_id is not None:
        statement = statement.where(IndicatorTarget.indicator_id == indicator_id)
    order = {iid: n for n, iid in enumerate(indicators)}
    rows = sorted(session.exec(statement), key=lambda t: (order.get(t.indicator_id, 0), t.year))
    return [
        TargetRow(
            IndicatorId(t.indicator_id),
            indicators[t.indicator_id].code,
            t.year,
            t.target_percent,
            Comparison(t.comparison),
            tuple(
                k
                for k in UnitKind
                if k in kinds_of(t.unit_kinds or indicators[t.indicator_id].unit_kinds)
            ),
            t.carried_over,
            t.text,
        )
        for t in rows
        if t.indicator_id in indicators
    ]


def get_target(session: Session, indicator_id: IndicatorId, year: int) -> tuple[float, str] | None:
    """(target percent, the plan's sentence) of one year, or None."""
    target = session.exec(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    ).first()
    return None if target is None else (target.target_percent, target.text)


PLAN_LAST_TARGET_YEAR = 2026  # the plan's mục II.2 sets targets for 2025 and 2026


class UnknownIndicator(ValueRefused):
    """No indicator has the code typed."""


def find_indicator(session: Session, code: str) -> Indicator:
    """The indicator a typed code names (trimmed, any case), or a refusal naming the known codes:
    the one lookup by code of the command line and the Excel files."""
    key = clean_line(code).upper()
    found = session.exec(select(Indicator).where(func.upper(Indicator.code) == key)).first()
    if found is None:
        known = session.exec(select(Indicator.code).order_by(col(Indicator.ordinal))).all()
        raise UnknownIndicator(
            f"Không có chỉ tiêu mã “{key}”. Các mã chỉ tiêu: {', '.join(known)}."
        )
    return found
