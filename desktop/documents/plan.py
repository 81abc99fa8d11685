"""Kế hoạch phát động: the plan's own text, with its content areas, targets and milestones from the
database (so a corrected target prints as corrected)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from desktop.documents.common import DocumentRequest
from desktop.models import ContentArea, Indicator, IndicatorTarget, Milestone
from desktop.text import wording

TEMPLATE = "ke-hoach-phat-dong.txt"
TYPE_CODE = "KH"
DATA_KEYS = ("plan",)  # what a blank form leaves to fill by hand
LAUNCH_YEAR = 2025


def title(session: Session, request: DocumentRequest) -> str:
    return (
        "Kế hoạch phát động Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” "
        "và “Bình dân học vụ số”"
    )


def document_year(session: Session, request: DocumentRequest) -> int:
    if request.year:
        return request.year
    launch = session.exec(select(Milestone).where(Milestone.kind == "launch")).first()
    return launch.year if launch else LAUNCH_YEAR


def gather(session: Session, request: DocumentRequest) -> dict[str, Any]:
    areas = session.exec(select(ContentArea).order_by(col(ContentArea.ordinal))).all()
    rows = session.exec(
        select(IndicatorTarget, Indicator)
        .join(Indicator, col(Indicator.id) == IndicatorTarget.indicator_id)
        .where(Indicator.active == True)  # noqa: E712 — SQL comparison
        .order_by(col(IndicatorTarget.year), col(Indicator.ordinal))
    ).all()
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for target, indicator in rows:
        text = (
            target.text
            or f"{wording.percent(target.target_percent)} "
            f"{indicator.name[:1].lower()}{indicator.name[1:]}."
        )
        by_year[target.year].append(
            {"text": text, "percent": target.target_percent, "code": indicator.code}
        )
    milestones = session.exec(select(Milestone).order_by(col(Milestone.year))).all()
    return {
        "plan": {
            "content_areas": [{"text": a.text} for a in areas],
            "target_years": [{"year": y, "targets": t} for y, t in sorted(by_year.items())],
            "milestones": [{"text": m.text, "year": m.year} for m in milestones],
        }
    }
