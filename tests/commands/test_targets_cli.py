"""``targets list | set | clear`` from the command line, as the clerk would run them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.storage import Database


def _run(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), *args])


@pytest.fixture
def plan(db: Database, data_dir: Path) -> Path:
    """A data folder holding the plan's catalogue (targets 2025–2026, duy trì 2027–2030)."""
    return data_dir


def _listed(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, Any]]:
    assert _run(folder, "targets", "list", *args, "--json") == 0
    rows: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return rows


def test_the_years_after_the_plan_carry_its_last_target_marked_duy_tri(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §7): the plan sets targets for 2025 and 2026 only; 2027–2030 get the
    2026 target, clearly marked as carried over ("duy trì"), with the plan's comparison."""
    rows = _listed(plan, capsys, "--indicator", "cbcc")
    assert [(r["year"], r["carried_over"]) for r in rows] == [
        (2025, False), (2026, False), (2027, True), (2028, True), (2029, True), (2030, True)
    ]
    assert rows[0]["comparison"] == ">" and rows[0]["percent"] == 80  # "Trên 80%"
    assert rows[2]["comparison"] == "=" and rows[2]["percent"] == 100  # 2026's "100%"
    assert _run(plan, "targets", "list", "--indicator", "CBCC", "--year", "2027") == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("CBCC"))
    assert "2027" in line and "100%" in line and "duy trì" in line


def test_setting_a_target_replaces_the_carried_over_one(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §7): a "duy trì" target is editable per year; once the clerk sets the
    year's own, it is no longer marked carried over, and results judge by it (comparison, kinds)."""
    args = ("--indicator", "hocsinh", "--year", "2027")
    assert (
        _run(plan, "targets", "set", *args, "--percent", "95", "--comparison", ">=",
             "--kinds", "thcs,thpt")
        == 0
    )
    out = capsys.readouterr().out
    assert "Đã đặt chỉ tiêu năm 2027 của HOCSINH: từ 95% trở lên" in out
    assert "Trường trung học cơ sở; Trường trung học phổ thông" in out
    assert _run(plan, "targets", "list", "--indicator", "HOCSINH", "--year", "2027") == 0
    out = capsys.readouterr().out
    assert "từ 95% trở lên" in out and "duy trì" not in out
    (row,) = _listed(plan, capsys, "--indicator", "HOCSINH", "--year", "2027")
    assert row["carried_over"] is False and row["comparison"] == ">="
    assert row["unit_kinds"] == ["school_lower_secondary", "school_upper_secondary"]
    assert row["text"] == ""  # the "Duy trì chỉ tiêu năm 2026: …" sentence is no longer true
    (other,) = _listed(plan, capsys, "--indicator", "HOCSINH", "--year", "2028")
    assert other["carried_over"] is True  # only the year set changes
    assert _run(plan, "results", "--year", "2027", "--json") == 0
    result = next(r for r in json.loads(capsys.readouterr().out) if r["code"] == "HOCSINH")
    assert result["target"] == 95 and result["comparison"] == ">="
    assert result["carried_over"] is False


def test_a_target_outside_the_plan_or_of_an_unknown_indicator_is_refused(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §8): the plan's years are 2025–2030; codes are the catalogue's."""
    assert _run(plan, "targets", "set", "--indicator", "CBCC", "--year", "2031",
                "--percent", "90") == 2
    assert "năm 2031 nằm ngoài" in capsys.readouterr().out
    assert _run(plan, "targets", "set", "--indicator", "XYZ", "--year", "2027",
                "--percent", "90") == 2
    assert "Không có chỉ tiêu mã “XYZ”" in capsys.readouterr().out
    assert _run(plan, "targets", "set", "--indicator", "HOCSINH", "--year", "2027",
                "--percent", "90", "--kinds", "dn") == 2
    assert "không do doanh nghiệp báo cáo" in capsys.readouterr().out
    assert _run(plan, "targets", "set", "--indicator", "HOCSINH", "--year", "2027",
                "--percent", "90", "--kinds", "nha tre") == 2
    assert "Không có loại đơn vị “nha tre”" in capsys.readouterr().out
    assert _run(plan, "targets", "set", "--indicator", "HOCSINH", "--year", "2027",
                "--percent", "120") == 2
    assert "từ 0 đến 100%" in capsys.readouterr().out


def test_clearing_a_target_leaves_the_year_without_a_verdict(
    plan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §7): nothing is invented silently — a year whose target the clerk
    removed has no target, and its result says "Không có chỉ tiêu"."""
    assert _run(plan, "targets", "clear", "--indicator", "VNEID", "--year", "2029") == 0
    assert "Đã xóa chỉ tiêu năm 2029 của VNEID" in capsys.readouterr().out
    assert _listed(plan, capsys, "--indicator", "VNEID", "--year", "2029") == []
    assert _run(plan, "results", "--year", "2029", "--json") == 0
    result = next(r for r in json.loads(capsys.readouterr().out) if r["code"] == "VNEID")
    assert result["target"] is None and result["verdict"] == "Không có chỉ tiêu"
    assert _run(plan, "targets", "clear", "--indicator", "VNEID", "--year", "2029") == 1
    assert "chưa có chỉ tiêu năm 2029" in capsys.readouterr().out
