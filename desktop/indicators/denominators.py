"""Mẫu số from the register (sổ đơn vị): the head-count each indicator is measured on.

The plan's targets are shares of a unit's staff, pupils, adults or workers (Kế hoạch, mục II.2), and
the register keeps those head-counts. So a quarter's Mẫu số is proposed from the register (from the
previous quarter where the register has no count); a typed Mẫu số far from the register, or two
indicators measured on the same people of a unit (DANSO and VNEID: its adults) with different
Mẫu số, ask the clerk for a note — a warning, as the big-change rule is, never a refusal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.text import wording

# Indicator.population → the register's head-count field; "schools" counts the school itself.
POPULATION_FIELDS = {
    "staff": "staff_count",
    "students": "student_count",
    "adults": "adult_count",
    "workers": "worker_count",
}
POPULATION_WORDS = {
    "staff": "cán bộ, công chức, viên chức, người lao động",
    "students": "học sinh",
    "adults": "người trong độ tuổi trưởng thành",
    "workers": "người lao động",
    "schools": "trường",
}


@dataclass(frozen=True)
class HeadCounts:
    """A unit's head-counts as the register holds them (None: not recorded)."""

    staff_count: int | None = None
    student_count: int | None = None
    adult_count: int | None = None
    worker_count: int | None = None

    def of(self, population: str) -> int | None:
        """The register's count of ``population``; a school counts as 1; None when not recorded."""
        if population == "schools":
            return 1
        field = POPULATION_FIELDS.get(population)
        value = getattr(self, field) if field else None
        return value if value else None


def proposed_denominator(
    counts: HeadCounts, population: str, previous: int | None
) -> int | None:
    """Mẫu số đề xuất: the register's count, else last quarter's Mẫu số."""
    return counts.of(population) or previous


def register_warning(
    denominator: int | None, counts: HeadCounts, population: str, tolerance_percent: int
) -> str | None:
    """A note is wanted when the Mẫu số is more than ``tolerance_percent`` off the register."""
    registered = counts.of(population)
    if denominator is None or registered is None or population == "schools":
        return None
    if abs(denominator - registered) * 100 <= tolerance_percent * registered:
        return None
    return (
        f"Mẫu số {wording.count(denominator)} khác số {POPULATION_WORDS.get(population, '')} "
        f"trong sổ đơn vị ({wording.count(registered)}) quá {tolerance_percent}%. "
        "Hãy ghi chú lý do (hoặc sửa số trong sổ đơn vị)."
    )


def shared_warning(
    denominator: int | None,
    population: str,
    others: Sequence[tuple[str, int | None]],
) -> str | None:
    """Chỉ tiêu cùng đối tượng: another indicator measured on the same people of the unit (code,
    Mẫu số) has a different Mẫu số."""
    if denominator is None:
        return None
    for code, other in others:
        if other is not None and other != denominator:
            return (
                f"Mẫu số {wording.count(denominator)} khác mẫu số của {code} "
                f"({wording.count(other)}), cùng đo trên {POPULATION_WORDS.get(population, '')} "
                "của đơn vị. Hãy ghi chú lý do."
            )
    return None


def counts_of(row: Mapping[str, int | None]) -> HeadCounts:
    return HeadCounts(**{f: row.get(f) for f in POPULATION_FIELDS.values()})
