"""``due`` and ``deadlines show | set`` as the clerk runs them on the demo ward (2/12/2026)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands import BY_NAME
from desktop.storage import Database


@pytest.fixture
def ward(demo_db: Database, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-02")
    return data_dir


def _run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


def test_due_lists_the_late_first_and_exits_zero(
    ward: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(ward, "due") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Việc cần làm ngày 02/12/2026:")
    marks = [line.split("]")[0] + "]" for line in lines[1:]]
    assert marks == sorted(marks, key=["[QUÁ HẠN]", "[SẮP ĐẾN HẠN]", "[ĐỂ BIẾT]"].index)
    assert any(line.startswith("[QUÁ HẠN] Quý 3/2026:") for line in lines)
    assert any("năm 2026 gửi thành phố chưa ban hành (hạn 15/12/2026, còn 13 ngày)" in line
               for line in lines)


def test_due_as_json_names_the_page_that_resolves_each_item(
    ward: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(ward, "due", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    quarter = next(i for i in items if i["kind"] == "collection")
    assert quarter["severity"] == "late"
    assert quarter["target"]["page"] == "indicators"
    assert (quarter["target"]["year"], quarter["target"]["quarter"]) == (2026, 3)
    assert len(quarter["target"]["unit_ids"]) == len(quarter["names"]) > 0


def test_due_and_show_only_read(ward: Path) -> None:
    from argparse import Namespace

    assert BY_NAME["due"].only_reads(Namespace())
    assert BY_NAME["deadlines"].only_reads(Namespace(deadlines_command="show"))
    assert not BY_NAME["deadlines"].only_reads(Namespace(deadlines_command="set"))


def test_set_changes_the_dates_and_due_follows(
    ward: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With the yearly report due on 31/12, the 2026 report is no longer coming on 2/12."""
    assert _run(ward, "deadlines", "set", "--yearly-report", "31/12", "--collection-day", "5") == 0
    out = capsys.readouterr().out
    assert "Gửi báo cáo năm: 31/12 hằng năm" in out and "ngày 5 của tháng sau" in out
    assert _run(ward, "due") == 0
    out = capsys.readouterr().out
    assert "năm 2026 gửi thành phố" not in out
    assert "hạn 05/10/2026" in out
    assert _run(ward, "deadlines", "show", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["settings"]["yearly_report"] == "31/12"
    assert [m["year"] for m in shown["milestones"]] == [2025, 2027, 2030]
    assert shown["coming"][0] == {"day": "2026-12-31", "text": "Gửi báo cáo năm 2026"}


def test_a_wrong_date_is_refused_with_its_message_and_nothing_changes(
    ward: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(ward, "deadlines", "set", "--so-ket-report", "31/11/2027") == 2
    assert "Hạn gửi báo cáo sơ kết “31/11/2027” không đúng" in capsys.readouterr().err
    assert _run(ward, "deadlines", "set", "--so-ket-report", "15/12/2026") == 2
    assert "phải trong năm 2027 hoặc 2028" in capsys.readouterr().err
    assert _run(ward, "deadlines", "set") == 2
    assert "Hãy ghi ít nhất một hạn" in capsys.readouterr().err
    assert _run(ward, "deadlines", "show") == 0
    assert "Gửi báo cáo sơ kết: 30/11/2027" in capsys.readouterr().out
