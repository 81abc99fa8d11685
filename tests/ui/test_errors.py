"""The one display path: a refusal is shown as worded, a bug as an apology naming the log file."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.errors import Refusal
from desktop.ui import errors as ui_errors


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []

    def record(kind: str) -> Any:
        return lambda parent, title, text, *a, **k: shown.append((kind, title, text))

    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    return shown


def test_a_refusal_is_shown_with_its_problems(qtbot, ctx, boxes) -> None:
    ui_errors.show_error(None, Refusal("Không nhập được.", [f"Dòng {n}: sai" for n in range(12)]))
    kind, _title, text = boxes[-1]
    assert kind == "warning"
    assert text.startswith("Không nhập được.")
    assert "Dòng 7: sai" in text and "Dòng 8: sai" not in text
    assert "… và 4 dòng khác." in text


def test_a_locked_database_is_a_refusal_not_a_bug(qtbot, ctx, boxes) -> None:
    ui_errors.show_error(None, sqlite3.OperationalError("database is locked"))
    kind, _title, text = boxes[-1]
    assert kind == "warning"
    assert "đang được một cửa sổ hoặc lệnh ThiĐua khác ghi" in text


def test_a_bug_is_logged_and_shown_as_an_apology_with_the_log_file(qtbot, ctx, boxes, caplog) -> None:
    try:
        raise KeyError("nhầm")
    except KeyError as error:
        with caplog.at_level(logging.ERROR, logger="thidua"):
            ui_errors.show_error(None, error)
    kind, title, text = boxes[-1]
    assert kind == "critical"
    assert title == "Xin lỗi, ThiĐua gặp lỗi"
    assert str(ctx.folder.logs / "thidua.log") in text
    assert "KeyError" not in text  # the clerk reads no traceback
    assert any(r.exc_info for r in caplog.records)
