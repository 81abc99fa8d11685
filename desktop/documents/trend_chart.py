"""The trend chart of a sơ kết or tổng kết report (biểu đồ diễn biến qua các năm).

One small chart per indicator: the ward's figure year by year (a line through the years that have
one; a year nobody reported is a gap, never 0) against each year's target, drawn as dashed steps
where the target changes (80 % in 2025, 100 % from 2026). The drawing is
:mod:`desktop.documents.charts`'s; this module only turns the report's rows into its series, so the
chart shows exactly the figures of the tables beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.documents.charts import ChartGrid, ChartPanel, Series, TargetLine, target_label

SERIES_NAME = "Kết quả toàn phường"
COLUMNS = 2
PANEL_HEIGHT = 200.0


def _targets(points: Sequence[tuple[str, float | None]]) -> tuple[TargetLine, ...]:
    """One dashed line per run of years with the same target (no line for a year without one)."""
    lines: list[tuple[float, list[str]]] = []
    previous: float | None = None
    for label, target in points:
        if target is None:
            previous = None
            continue
        if target == previous:
            lines[-1][1].append(label)
        else:
            lines.append((target, [label]))
        previous = target
    return tuple(TargetLine(value, target_label(value), tuple(years)) for value, years in lines)


def panel(label: str, rows: Sequence[dict[str, Any]]) -> ChartPanel:
    """One indicator's chart from its year rows (``year``, ``raw_percent``, ``raw_target``)."""
    figures = tuple((str(r["year"]), r["raw_percent"]) for r in rows)
    targets = _targets([(str(r["year"]), r["raw_target"]) for r in rows])
    return ChartPanel(label, (Series(SERIES_NAME, figures),), targets, kind="line")


def of_blocks(blocks: Sequence[dict[str, Any]]) -> ChartGrid | None:
    """The grid of the report's indicators (None when no year of any indicator has a figure,
    so that the report says so in words rather than printing empty axes)."""
    if not any(r["raw_percent"] is not None for b in blocks for r in b["rows"]):
        return None
    panels = tuple(panel(b["label"], b["rows"]) for b in blocks if b["rows"])
    return ChartGrid(panels, columns=COLUMNS, height=PANEL_HEIGHT)
