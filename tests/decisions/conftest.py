"""A 2026 round of the demo ward with dossiers at each step before the Tờ trình."""

from __future__ import annotations

import pytest

from desktop.storage import Database
from tests.decisions.proposing import Round, build_round


@pytest.fixture
def round_2026(demo_db: Database) -> Round:
    with demo_db.session() as s:
        return build_round(s)
