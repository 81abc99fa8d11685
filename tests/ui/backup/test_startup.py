"""Start-up check and the automatic backup on exit, as the clerk meets them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlmodel import select

from desktop.backup import AUTO_TAG, auto_backup, list_backups
from desktop.backup.health import startup_problems
from desktop.context import AppContext
from desktop.models import Unit
from desktop.storage import Database
from desktop.ui.app import open_window
from desktop.ui.backup import restore_startup

pytestmark = pytest.mark.gui


def break_a_foreign_key(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "UPDATE quartervalue SET unit_id = 999999 WHERE id = (SELECT min(id) FROM quartervalue)"
        )
        conn.commit()


def damage_pages(path: Path) -> None:
    raw = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(raw), page * 40), page):
        raw[offset : offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(raw))


@pytest.fixture
def ward_with_backup(ctx: AppContext, demo_db: Database) -> AppContext:
    """A demo ward with one automatic backup, then closed as at the end of a working day."""
    assert auto_backup(ctx.folder, kept=5) is not None
    ctx.close()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{ctx.folder.database}{suffix}").exists()
    return ctx


def answer(monkeypatch: pytest.MonkeyPatch, choice: str) -> list[str]:
    asked: list[str] = []

    def fake_ask(parent: object, text: str, choices: list[str]) -> str:
        asked.append(text)
        assert choice in choices
        return choice

    monkeypatch.setattr(restore_startup, "ask", fake_ask)
    monkeypatch.setattr(restore_startup, "inform", lambda *a, **k: None)
    return asked


def test_healthy_file_starts_without_questions(
    qtbot, ward_with_backup: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked = answer(monkeypatch, restore_startup.CONTINUE)
    window = open_window(ward_with_backup)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.currentRow() == 0, timeout=10_000)
    assert asked == []


def test_foreign_key_damage_offers_the_newest_good_backup(
    qtbot, ward_with_backup: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = ward_with_backup
    break_a_foreign_key(ctx.folder.database)
    assert startup_problems(ctx.folder.database)
    asked = answer(monkeypatch, restore_startup.RESTORE)
    window = open_window(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.currentRow() == 0, timeout=20_000)
    assert "tu-dong" in asked[0] and "quartervalue" in asked[0]
    assert startup_problems(ctx.folder.database) == []
    assert any(b.tag == "truoc-khoi-phuc" for b in list_backups(ctx.folder.backups))


def test_damaged_file_is_restored_from_a_backup(
    qtbot, ward_with_backup: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = ward_with_backup
    damage_pages(ctx.folder.database)
    asked = answer(monkeypatch, restore_startup.RESTORE)
    window = open_window(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigation.currentRow() == 0, timeout=20_000)
    assert asked
    assert ctx.db.integrity_problems() == []
    with ctx.db.session() as session:
        assert len(session.exec(select(Unit)).all()) >= 35
    kept = [p.name for p in ctx.folder.backups.iterdir()]
    assert any("truoc-khoi-phuc" in name for name in kept)  # the damaged file is kept too


def test_quitting_at_the_question_leaves_the_file_alone(
    qtbot, ward_with_backup: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = ward_with_backup
    break_a_foreign_key(ctx.folder.database)
    before = ctx.folder.database.read_bytes()
    answer(monkeypatch, restore_startup.QUIT)
    window = open_window(ctx)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    assert ctx.folder.database.read_bytes() == before


def test_closing_the_window_takes_an_automatic_backup(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    assert [b for b in list_backups(ctx.folder.backups) if b.tag == AUTO_TAG] == []
    main_window.close()
    [backup] = [b for b in list_backups(ctx.folder.backups) if b.tag == AUTO_TAG]
    assert backup.path.stat().st_size > 0


def test_a_window_left_open_backs_up_daily(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime, timedelta

    daily = main_window.daily_backup
    assert daily.timer.isActive()
    assert daily.due()
    assert daily.run_if_due()
    qtbot.waitUntil(lambda: daily.operation is None, timeout=20_000)
    autos = [b for b in list_backups(main_window.ctx.folder.backups) if b.tag == AUTO_TAG]
    assert len(autos) == 1
    assert not daily.due() and not daily.run_if_due()
    assert daily.due(datetime.now() + timedelta(days=1, minutes=1))
