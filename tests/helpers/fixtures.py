"""Shared fixtures: every test gets its own data folder, database and (for GUI tests) window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.context import AppContext
from desktop.demo.ward import build_demo_ward
from desktop.indicators.catalogue import load_catalogue
from desktop.storage import Database


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("THIDUA_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    context = AppContext.from_args(data_dir)
    yield context
    context.close()


@pytest.fixture
def db(ctx: AppContext) -> Database:
    """An open database holding the plan's catalogue and nothing else."""
    with ctx.db.session() as session:
        load_catalogue(session)
    return ctx.db


@pytest.fixture
def demo_db(ctx: AppContext) -> Database:
    """An open database holding the demo ward."""
    build_demo_ward(ctx.db)
    return ctx.db


@pytest.fixture
def main_window(qtbot, ctx: AppContext):  # type: ignore[no-untyped-def]
    """The main window over the demo ward, shown and started."""
    from desktop.ui.app import open_window

    window = open_window(ctx, first_run_choice=True)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.currentRow() == 0, timeout=10_000)
    return window
