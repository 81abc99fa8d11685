"""``values`` and ``results`` from the command line, as the clerk would run them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.excel.values_forms import FIRST_ROW, NUMERATOR_COL, SHEET


@pytest.fixture
def ward(data_dir: Path) -> Path:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    return data_dir


def _run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_results_table_and_json(ward: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(ward, "results", "--year", "2025") == 0
    out = capsys.readouterr().out
    assert "Kết quả toàn phường — năm 2025" in out and "CBCC" in out and "%" in out
    assert _run(ward, "results", "--year", "2025", "--quarter", "2", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["code"] == "CBCC" and rows[0]["quarter"] == 2
    assert 0 < rows[0]["percent"] <= 100 and rows[0]["reported_units"] == rows[0]["expected_units"]


def test_export_forms_import_lock_and_corrections(
    ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(
            ward,
            "values",
            "export",
            "--year",
            "2025",
            "--quarter",
            "4",
            "--out",
            str(tmp_path / "q4.xlsx"),
        )
        == 0
    )
    assert (tmp_path / "q4.xlsx").exists()
    out = tmp_path / "forms"
    assert (
        _run(
            ward,
            "values",
            "forms",
            "--year",
            "2026",
            "--quarter",
            "1",
            "--out",
            str(out),
            "--unit",
            "TDP01",
        )
        == 0
    )
    (form,) = out.glob("*.xlsx")
    workbook = load_workbook(form)
    workbook[SHEET].cell(row=FIRST_ROW, column=NUMERATOR_COL, value=5)
    workbook.save(form)
    assert (
        _run(ward, "values", "import", "--year", "2026", "--quarter", "1", "--dry-run", str(form))
        == 0
    )
    assert "✓ TDP01" in capsys.readouterr().out
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "2", str(form)) == 1
    assert "không phải quý 2/2026" in capsys.readouterr().out
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "1", str(form)) == 0
    assert "Đã lưu 2 ô" in capsys.readouterr().out
    assert _run(ward, "values", "lock", "--year", "2026", "--quarter", "1") == 0
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "1", str(form)) == 1
    assert "đã được chốt" in capsys.readouterr().out
    assert (
        _run(
            ward, "values", "unlock", "--year", "2026", "--quarter", "1", "--reason", "Tổ 1 sửa số"
        )
        == 0
    )
    workbook = load_workbook(form)
    workbook[SHEET].cell(row=FIRST_ROW, column=NUMERATOR_COL, value=7)
    workbook.save(form)
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "1", str(form)) == 0
    note = tmp_path / "dinh-chinh.xlsx"
    assert (
        _run(ward, "values", "corrections", "--year", "2026", "--quarter", "1", "--out", str(note))
        == 0
    )
    sheet = load_workbook(note).active
    rows = [r for r in sheet.iter_rows(min_row=5, values_only=True)]
    assert (
        rows
        and rows[0][1] == "TDP01"
        and rows[0][4].startswith("5/")
        and rows[0][5].startswith("7/")
    )
    assert rows[0][6] == "Tổ 1 sửa số"


def test_unknown_unit_and_bad_year(
    ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        _run(
            ward,
            "values",
            "forms",
            "--year",
            "2026",
            "--quarter",
            "1",
            "--out",
            str(tmp_path),
            "--unit",
            "XX",
        )
        == 2
    )
    # The one lookup of unit codes words the refusal, as for every other command.
    assert "Không có đơn vị mã “XX”" in capsys.readouterr().out
    assert _run(ward, "results", "--year", "1990") == 2
    assert "Năm 1990 không hợp lệ" in capsys.readouterr().out


def test_forms_find_a_unit_code_typed_in_lower_case(
    ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``values forms --unit tdp01`` finds TDP01, as ``dossiers history --unit tdp01`` does."""
    out = tmp_path / "forms"
    args = ["--year", "2026", "--quarter", "1", "--out", str(out), "--unit", " tdp01 "]
    assert _run(ward, "values", "forms", *args) == 0
    assert "Đã tạo 1 biểu mẫu" in capsys.readouterr().out
    (form,) = out.glob("*.xlsx")
    assert load_workbook(form)[SHEET]["C3"].value == "TDP01"


def test_results_speak_with_the_one_voice(
    ward: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.text.wording import Verdict

    assert _run(ward, "results", "--year", "2025", "--quarter", "4") == 0
    lines = capsys.readouterr().out.splitlines()
    cbcc = next(line for line in lines if line.startswith("CBCC"))
    assert any(v.value in cbcc for v in Verdict)
    assert "80%" in cbcc  # the year's target, worded as the screen and the PDF word it
    assert " %" not in "\n".join(lines[3:])
