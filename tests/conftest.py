import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from tests.helpers.fixtures import ctx, data_dir, db, demo_db, main_window  # noqa: F401
from tests.helpers.logfail import expects_logged_errors, fail_on_background_exceptions  # noqa: F401


@pytest.fixture(autouse=True)
def the_clerks_day(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs on 1 December 2026 (quarter 4 under way, quarter 3 being collected) whatever
    the machine's clock says; the demo ward and the reporting periods follow ``THIDUA_TODAY``. A
    test that needs another day sets it again."""
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-01")
