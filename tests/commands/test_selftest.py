"""``--self-test`` from source: every step passes, and a failing step is named with exit code 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.commands import selftest


def test_self_test_passes(qapp, capsys: pytest.CaptureFixture[str]) -> None:
    assert selftest.main() == 0
    out = capsys.readouterr().out
    assert out.startswith("THIDUA SELF-TEST OK")
    for step, _ in selftest.STEPS:
        assert step in out


def test_failing_step_is_named(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(folder: Path) -> str:
        raise OSError("ổ đĩa đầy")

    monkeypatch.setattr(selftest, "STEPS", [("cơ sở dữ liệu", selftest._database), ("văn bản PDF", broken)])
    assert selftest.main() == 1
    out = capsys.readouterr().out
    assert "FAILED at step “văn bản PDF”" in out and "ổ đĩa đầy" in out
