"""Which report is in season (văn bản đến kỳ): what the Văn bản page opens on.

From November to January the ward writes its Báo cáo kết quả thực hiện Phong trào thi đua năm (due
to the city in December, finished in January at the latest); the rest of the year, the Báo cáo kết
quả thực hiện chỉ tiêu of the quarter being collected — the one that ended last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.models.periods import previous_period, quarter_of

YEARLY_MONTHS = (11, 12, 1)


@dataclass(frozen=True)
class InSeason:
    kind: str  # a key of desktop.documents.kinds.KINDS
    year: int
    quarter: int  # the quarter being collected (also for the yearly report: its quarter picker)


def in_season(today: date) -> InSeason:
    """On 2/12/2026 the yearly report of 2026; on 15/1/2027 still 2026's; on 20/4/2027 quý 1/2027."""
    year, quarter = previous_period(*quarter_of(today))
    if today.month in YEARLY_MONTHS:
        # Nov–Dec: this year's; January: the year just ended, whose quarter 4 is being collected.
        return InSeason("yearly", year, quarter)
    return InSeason("report", year, quarter)


def review_ahead(periods: list[tuple[int, int]], today: date) -> int:
    """The index in ``periods`` ((first, last) years: the sơ kết's, the tổng kết's) of the review
    still ahead: the sơ kết until its last year ends, then the tổng kết."""
    for index, (_first, last) in enumerate(periods):
        if today.year <= last:
            return index
    return max(len(periods) - 1, 0)
