"""The window's start: it holds the data folder's lock, names the holder when another has it, asks
before taking over a crash's lock, and says once what the start's recovery did."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import desktop.ui.app as app_module
from desktop.cli import main as cli_main
from desktop.storage.lock import WINDOW, Holder, held_here, read_holder
from desktop.ui.app import ask_take_over, open_window, start_context
from tests.storage.test_lock import Holding, run_cli


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    assert cli_main(["--data-dir", str(folder), "init"]) == 0
    return folder


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window would show in its error box (captured instead of a modal dialog)."""
    said: list[str] = []

    def show(parent: object, error: BaseException, title: str = "") -> None:
        said.append(str(error))

    monkeypatch.setattr(app_module, "show_error", show)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs the window's own
    return said


@pytest.fixture
def holder(ward: Path) -> Iterator[Holding]:
    holding = Holding(ward, WINDOW)
    yield holding
    holding.stop()


def stale_record(ward: Path) -> Holder:
    stale = Holder(WINDOW, 4242, "may-van-thu", Holder.this_process(WINDOW).since)
    (ward / "thidua.lock").write_text(stale.to_text(), encoding="utf-8")
    return stale


def test_second_window_gets_message_naming_holder(
    qapp: object, ward: Path, holder: Holding, shown: list[str]
) -> None:
    assert app_module.main(["--data-dir", str(ward)]) == 2
    assert len(shown) == 1
    assert "đang được cửa sổ ThiĐua trên máy" in shown[0]
    assert f"(tiến trình {holder.process.pid})" in shown[0]


def test_window_asks_before_taking_over_a_stale_lock(
    qapp: object, ward: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    stale = stale_record(ward)
    asked: list[Holder] = []

    def decline(found: Holder, parent: object = None) -> bool:
        asked.append(found)
        return False

    monkeypatch.setattr(app_module, "ask_take_over", decline)
    assert app_module.main(["--data-dir", str(ward)]) == 1
    assert asked == [stale] and shown == []
    assert read_holder(ward / "thidua.lock") == stale  # left as it was: nothing opened

    monkeypatch.setattr(app_module, "ask_take_over", lambda found, parent=None: True)
    ctx = start_context(str(ward))
    try:
        assert ctx.took_over == stale
        assert held_here(ward / "thidua.lock")
        now = read_holder(ward / "thidua.lock")
        assert now is not None and now.program == WINDOW and now.pid != 4242
        refused = run_cli("--data-dir", str(ward), "demo")
        assert refused.returncode == 3 and "cửa sổ ThiĐua" in refused.stderr
    finally:
        ctx.close()
    assert read_holder(ward / "thidua.lock") is None


def test_take_over_question_names_the_crashed_holder(
    qapp: object, ward: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []

    def answer(box: QMessageBox) -> int:
        seen.append(box.text())
        return 0  # closed without a choice: not taken over

    monkeypatch.setattr(QMessageBox, "exec", answer)
    assert ask_take_over(stale_record(ward)) is False
    assert "Lần trước ThiĐua bị tắt đột ngột (cửa sổ trên máy may-van-thu" in seen[0]
    assert "tiến trình 4242" in seen[0] and seen[0].endswith("Tiếp tục?")


def test_window_shows_what_the_start_recovered(qtbot, ward: Path) -> None:  # type: ignore[no-untyped-def]
    (ward / ".tmp").mkdir(exist_ok=True)
    (ward / ".tmp" / "archive.zip").write_bytes(b"x" * 2048)
    ctx = start_context(str(ward))
    try:
        assert any("Đã dọn" in line for line in ctx.recovered)
        assert not (ward / ".tmp" / "archive.zip").exists()
        window = open_window(ctx, first_run_choice=False)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: "Đã dọn" in window.statusBar().currentMessage(), timeout=10_000)
        window.close()
    finally:
        ctx.close()
