"""The council's phrases: the share a ballot needs and the conclusion a ballot words.

Figures are worded by the one voice (:mod:`desktop.text.wording`); whether a ballot reaches its
share is decided in whole numbers (:func:`reaches_share`), the percent is only what the clerk reads.
"""

from __future__ import annotations

from desktop.models.indicators import Comparison
from desktop.text import wording


def reaches_share(ballots_for: int, members: int, percent: int, comparison: Comparison) -> bool:
    """Whether ``ballots_for`` of ``members`` is more than (ABOVE) or at least (AT_LEAST)
    ``percent`` % of the members — in integers: 5 of 9 is above half, 4 of 8 is not."""
    if members <= 0:
        return False
    if comparison is Comparison.ABOVE:
        return ballots_for * 100 > percent * members
    if comparison is Comparison.EQUAL:
        return ballots_for == members
    return ballots_for * 100 >= percent * members


def required_share(percent: int, comparison: Comparison) -> str:
    """ "trên 50%" or "từ 50% trở lên": the share of the council's members an award needs."""
    return wording.target(percent, comparison.value)


def share(ballots_for: int, members: int) -> str:
    """ "88,9%": the ballots for, as a share of all the council's members."""
    return wording.percent(100 * ballots_for / members if members else None)


def outcome(proposed: bool) -> str:
    return "Hội đồng đề nghị" if proposed else "Hội đồng không đề nghị"


def conclusion(
    ballots_for: int, members: int, percent: int, comparison: Comparison, proposed: bool
) -> str:
    """ "8/9 thành viên đồng ý (88,9%), trên 50% tổng số thành viên: Hội đồng đề nghị"."""
    needed = required_share(percent, comparison)
    reached = needed if proposed else f"chưa đạt {needed}"
    return (
        f"{wording.count(ballots_for)}/{wording.count(members)} thành viên đồng ý "
        f"({share(ballots_for, members)}), {reached} tổng số thành viên: {outcome(proposed)}"
    )
