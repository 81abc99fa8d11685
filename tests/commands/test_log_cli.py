"""``log``: the change log in the clerk's words from the command line, filtered as on the page,
written to Excel; a bad filter is refused with its reason and exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    return data


def test_the_log_reads_as_the_page(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    args = ["--data-dir", str(demo_dir), "log", "--table", "ho so khen thuong", "--action", "sua"]
    assert main([*args, "--limit", "200"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(" · Hồ sơ khen thưởng “" in line for line in lines if "·" in line)
    assert any("Quyết định khen thưởng: (trống) → " in line for line in lines)
    assert not [line for line in lines if "decision_number" in line or '":' in line]


def test_a_bad_filter_is_refused(demo_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_dir), "log", "--table", "khong co"]) == 2
    assert "Nhật ký không có bảng “khong co”" in capsys.readouterr().err
    assert main(["--data-dir", str(demo_dir), "log", "--since", "31/02/2026"]) == 2
    assert "không đúng dạng dd/mm/yyyy" in capsys.readouterr().err


def test_the_log_goes_to_excel_whole(
    demo_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "nhat-ky.xlsx"
    assert main(["--data-dir", str(demo_dir), "log", "--text", "tran thanh ngo", "--xlsx", str(out)]) == 0
    said = capsys.readouterr().out
    assert "dòng nhật ký vào" in said
    sheet = load_workbook(out).active
    assert sheet is not None and sheet.max_row > 2
