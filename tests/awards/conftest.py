"""The awards tests read the demo ward as it stands on 1 December 2026 (2025 and 2026 Q1–Q3
reported, 2027 not yet), whatever the clock says: the demo ward is dated by ``THIDUA_TODAY``."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def demo_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-01")
