"""Indicators (chỉ tiêu) and their yearly targets (chỉ tiêu năm): listing and editing the catalogue.

The plan sets targets for 2025 and 2026; the ward adds the later years of the plan (to 2030) and its
own indicators. Which unit kinds report an indicator decides which cells of the quarter grid open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from desktop.indicators.rules import ValueRefused
from desktop.models import Indicator, IndicatorTarget, UnitKind
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
    indicator.population = data.population
    indicator.numerator_label = clean_line(data.numerator_label)
    indicator.denominator_label = clean_line(data.denominator_label)
    indicator.unit_kinds = ",".join(k.value for k in UnitKind if k in data.unit_kinds)
    indicator.active = data.active
    session.add(indicator)
    session.flush()
    return indicator


def set_target(
    session: Session, indicator_id: IndicatorId, year: int, percent: float | None, text: str = ""
) -> None:
    """Đặt chỉ tiêu năm; ``percent`` None removes the year's target."""
    if session.get(Indicator, indicator_id) is None:
        raise ValueRefused("Không tìm thấy chỉ tiêu.")
    if not PLAN_FIRST_YEAR <= year <= PLAN_LAST_YEAR:
        raise ValueRefused(
            f"Kế hoạch chạy từ {PLAN_FIRST_YEAR} đến {PLAN_LAST_YEAR}; năm {year} nằm ngoài."
        )
    if percent is not None and not 0 <= percent <= 100:
        raise ValueRefused("Tỷ lệ phải đạt phải từ 0 đến 100%.")
    target = session.exec(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    ).first()
    if percent is None:
        if target is not None:
            session.delete(target)
        return
    if target is None:
        target = IndicatorTarget(indicator_id=indicator_id, year=year, target_percent=percent)
    target.target_percent = percent
    target.text = clean(text)
    session.add(target)
    session.flush()


def get_target(
    session: Session, indicator_id: IndicatorId, year: int
) -> tuple[float, str] | None:
    """(target percent, the plan's sentence) of one year, or None."""
    target = session.exec(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    ).first()
    return None if target is None else (target.target_percent, target.text)
