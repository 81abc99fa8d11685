"""``values`` and ``results`` from the command line, as the clerk would run them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import Session, col, select

from desktop.cli import main
from desktop.context import AppContext
from desktop.excel.values_forms import FIRST_ROW, NUMERATOR_COL, SHEET
from desktop.models import Indicator, QuarterValue, Unit, UnitKind
from desktop.register.ops import add
from desktop.register.units import UNITS, UnitData
from desktop.storage import Database

# The demo ward as it stands on 1 December 2026: quarters to quý 2/2026 locked, quý 3 being
# collected, quý 4 begun, open and empty.
TODAY = "2026-12-01"


@pytest.fixture
def ward(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("THIDUA_TODAY", TODAY)
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
            "4",
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
        _run(ward, "values", "import", "--year", "2026", "--quarter", "4", "--dry-run", str(form))
        == 0
    )
    assert "✓ TDP01" in capsys.readouterr().out
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "3", str(form)) == 1
    assert "không phải quý 3/2026" in capsys.readouterr().out
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "4", str(form)) == 0
    assert "Đã lưu 2 ô" in capsys.readouterr().out
    # Only TDP01 has reported the quarter: issue 12 makes a lock warn of the units missing, and
    # the clerk confirms it with --allow-incomplete.
    assert _run(ward, "values", "lock", "--year", "2026", "--quarter", "4") == 1
    assert "còn đơn vị chưa báo cáo" in capsys.readouterr().out
    assert (
        _run(ward, "values", "lock", "--year", "2026", "--quarter", "4", "--allow-incomplete")
        == 0
    )
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "4", str(form)) == 1
    assert "đã được chốt" in capsys.readouterr().out
    assert (
        _run(
            ward, "values", "unlock", "--year", "2026", "--quarter", "4", "--reason", "Tổ 1 sửa số"
        )
        == 0
    )
    workbook = load_workbook(form)
    workbook[SHEET].cell(row=FIRST_ROW, column=NUMERATOR_COL, value=7)
    workbook.save(form)
    assert _run(ward, "values", "import", "--year", "2026", "--quarter", "4", str(form)) == 0
    note = tmp_path / "dinh-chinh.xlsx"
    assert (
        _run(ward, "values", "corrections", "--year", "2026", "--quarter", "4", "--out", str(note))
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
    # Issue 12: a year outside the plan's years (Cài đặt) is refused with the plan's years named.
    assert _run(ward, "results", "--year", "1990") == 2
    assert "Kế hoạch chạy từ 2025 đến 2030; năm 1990 nằm ngoài" in capsys.readouterr().out


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


# -- issue 12: one value at a time, coverage before verdict, the plan's years ------------------

SCHOOLS = [  # code, kind, staff, pupils: nine schools from primary up, as TRUONGKNS 2026 counts
    ("TH1", UnitKind.SCHOOL_PRIMARY, 30, 600),
    ("TH2", UnitKind.SCHOOL_PRIMARY, 28, 540),
    ("TH3", UnitKind.SCHOOL_PRIMARY, 25, 480),
    ("THCS1", UnitKind.SCHOOL_LOWER_SECONDARY, 40, 820),
    ("THCS2", UnitKind.SCHOOL_LOWER_SECONDARY, 38, 760),
    ("THCS3", UnitKind.SCHOOL_LOWER_SECONDARY, 35, 700),
    ("THPT1", UnitKind.SCHOOL_UPPER_SECONDARY, 60, 1200),
    ("THPT2", UnitKind.SCHOOL_UPPER_SECONDARY, 55, 1100),
    ("THPT3", UnitKind.SCHOOL_UPPER_SECONDARY, 50, 1000),
]


@pytest.fixture
def schools(db: Database, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A ward of nine schools that report from quý 1/2025, dated 1 December 2026."""
    monkeypatch.setenv("THIDUA_TODAY", TODAY)
    for code, kind, staff, pupils in SCHOOLS:
        data = UnitData(
            code=code,
            name=f"Trường {code}",
            kind=kind,
            staff_count=staff,
            student_count=pupils,
            reports_from=20251,
        )
        ctx.door.run(add(UNITS, data))
    return ctx.folder.root


def _json(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict[str, Any]]:
    assert _run(folder, "results", *args, "--json") == 0
    return {row["code"]: row for row in json.loads(capsys.readouterr().out)}


def _stored_cell(ctx: AppContext, unit: str, indicator: str) -> tuple[int | None, int | None, str]:
    def read(session: Session) -> tuple[int | None, int | None, str]:
        row = session.exec(
            select(QuarterValue)
            .join(Unit, col(Unit.id) == QuarterValue.unit_id)
            .join(Indicator, col(Indicator.id) == QuarterValue.indicator_id)
            .where(
                Unit.code == unit,
                Indicator.code == indicator,
                QuarterValue.year == 2026,
                QuarterValue.quarter == 3,
            )
        ).first()
        return (None, None, "") if row is None else (row.numerator, row.denominator, row.note)

    return ctx.door.read(read)


Q3 = ("--year", "2026", "--quarter", "3")


def test_one_school_of_nine_gives_no_verdict_and_names_the_eight_missing(
    schools: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §1): a verdict only on complete data — with 1 of 9 schools reporting
    TRUONGKNS, "met" is null, "complete" false, and the 8 other schools are named as missing."""
    args = ("--unit", "th1", "--indicator", "truongkns", "--yes")
    assert _run(schools, "values", "set", *Q3, *args) == 0
    assert "TRUONGKNS: Có" in capsys.readouterr().out
    row = _json(schools, capsys, *Q3)["TRUONGKNS"]
    assert row["met"] is None and row["complete"] is False
    assert (row["reported_units"], row["expected_units"]) == (1, 9)
    assert sorted(row["missing_units"]) == sorted(code for code, *_ in SCHOOLS if code != "TH1")
    assert row["verdict"] == "Chưa đủ số liệu (1/9 đơn vị)"
    assert row["comparison"] == ">=" and row["carried_over"] is False
    assert row["as_of"] == [{"quarter": 3, "units": 1}]
    # The fields the JSON had before issue 12 are all still there.
    assert {"indicator_id", "name", "year", "quarter", "numerator", "denominator", "percent",
            "target", "gap"} <= set(row)
    assert _run(schools, "results", *Q3) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("TRUONGKNS"))
    assert "Chưa đủ số liệu (1/9 đơn vị)" in line and "từ 80% trở lên" in line and "1/9" in line
    missing = out[out.index("Đơn vị chưa báo cáo") :]
    assert "TRUONGKNS: 8/9 đơn vị chưa báo cáo" in missing
    assert all(f"Trường {code}" in missing for code, *_ in SCHOOLS if code != "TH1")


def test_a_yes_no_indicator_refuses_a_share_and_takes_yes_or_no(
    schools: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §6): TRUONGKNS is "có"/"chưa" per school — 30/40 is refused, --yes is
    saved 1/1, --no 0/1; --yes on a share indicator is refused."""
    cell = ("--unit", "TH2", "--indicator", "TRUONGKNS")
    share = ("--numerator", "30", "--denominator", "40")
    assert _run(schools, "values", "set", *Q3, *cell, *share) == 1
    out = capsys.readouterr().out
    assert "là có/chưa cho mỗi đơn vị" in out and "30/40" in out
    assert _stored_cell(ctx, "TH2", "TRUONGKNS")[:2] == (None, None)
    assert _run(schools, "values", "set", *Q3, *cell, "--yes") == 0
    assert _stored_cell(ctx, "TH2", "TRUONGKNS")[:2] == (1, 1)
    assert _run(schools, "values", "set", *Q3, *cell, "--no") == 0
    assert _stored_cell(ctx, "TH2", "TRUONGKNS")[:2] == (0, 1)
    assert _run(schools, "values", "set", *Q3, "--unit", "TH2", "--indicator", "CBCC", "--yes") == 2
    assert "là tỷ lệ" in capsys.readouterr().out


@pytest.mark.parametrize("year", ["2019", "2031"])
def test_a_value_outside_the_plans_years_is_refused(
    schools: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    """Plan rule (issue 12, §8): the plan runs 2025–2030; a value for 2019 or 2031 is refused."""
    args = ("--year", year, "--quarter", "1", "--unit", "TH1", "--indicator", "CBCC")
    assert _run(schools, "values", "set", *args, "--numerator", "5", "--denominator", "30") == 2
    assert f"Kế hoạch chạy từ 2025 đến 2030; năm {year} nằm ngoài" in capsys.readouterr().out
    assert _run(schools, "results", "--year", year) == 2


def test_a_numerator_alone_takes_the_registers_head_count_and_says_so(
    schools: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §5): the register's head-counts are the denominators — a numerator
    typed for a cell without Mẫu số takes the school's staff count from the register."""
    args = ("--unit", "TH1", "--indicator", "CBCC", "--numerator", "24")
    assert _run(schools, "values", "set", *Q3, *args) == 0
    out = capsys.readouterr().out
    assert "dùng mẫu số đề xuất 30 (theo sổ đơn vị)" in out and "24/30 (80%)" in out
    assert _stored_cell(ctx, "TH1", "CBCC")[:2] == (24, 30)
    # A stored Mẫu số stays when only the numerator changes.
    assert _run(schools, "values", "set", *Q3, "--unit", "TH1", "--indicator", "CBCC",
                "--numerator", "27") == 0
    assert "đề xuất" not in capsys.readouterr().out
    assert _stored_cell(ctx, "TH1", "CBCC")[:2] == (27, 30)
    assert _run(schools, "values", "set", *Q3, "--unit", "TH1", "--indicator", "CBCC",
                "--clear") == 0
    assert "Đã xóa số liệu quý 3/2026" in capsys.readouterr().out
    assert _stored_cell(ctx, "TH1", "CBCC")[:2] == (None, None)


def test_a_denominator_far_from_the_register_asks_for_a_note(
    schools: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §5): a Mẫu số more than the tolerance (10 %) off the register's
    head-count gets a warning that asks for a note, as the big-change rule does."""
    args = ("--unit", "TH1", "--indicator", "CBCC", "--numerator", "20", "--denominator", "50")
    assert _run(schools, "values", "set", *Q3, *args) == 1
    out = capsys.readouterr().out
    assert "trong sổ đơn vị (30) quá 10%" in out and "--note" in out
    assert _stored_cell(ctx, "TH1", "CBCC")[:2] == (None, None)
    assert _run(schools, "values", "set", *Q3, *args, "--note", "Có 20 giáo viên hợp đồng") == 0
    assert _stored_cell(ctx, "TH1", "CBCC") == (20, 50, "Có 20 giáo viên hợp đồng")


def test_denominators_are_filled_from_the_register(
    schools: Path, ctx: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §5): new quarters pre-fill Mẫu số from the register — CBCC (staff)
    and HOCSINH (pupils) for nine schools: 18 cells; the yes/no TRUONGKNS needs none."""
    assert _run(schools, "values", "denominators", *Q3, "--unit", "th1") == 0
    assert "Đã điền mẫu số cho 2 ô của quý 3/2026" in capsys.readouterr().out
    assert _stored_cell(ctx, "TH1", "HOCSINH")[:2] == (None, 600)
    assert _run(schools, "values", "denominators", *Q3) == 0
    assert "Đã điền mẫu số cho 16 ô" in capsys.readouterr().out
    assert _run(schools, "values", "denominators", *Q3) == 0
    assert "Không có ô nào cần điền mẫu số" in capsys.readouterr().out


def test_a_lock_needs_a_begun_quarter_and_warns_of_the_units_missing(
    schools: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Plan rule (issue 12, §8): a quarter that has not started cannot be locked; a lock with
    units missing is refused until the clerk confirms it (--allow-incomplete)."""
    assert _run(schools, "values", "lock", "--year", "2030", "--quarter", "4") == 1
    assert "chưa bắt đầu" in capsys.readouterr().out
    assert _run(schools, "values", "set", *Q3, "--unit", "TH1", "--indicator", "TRUONGKNS",
                "--yes") == 0
    capsys.readouterr()
    assert _run(schools, "values", "lock", *Q3) == 1
    out = capsys.readouterr().out
    assert "TRUONGKNS: 1/9 đơn vị đã báo cáo" in out and "--allow-incomplete" in out
    assert _run(schools, "values", "lock", *Q3, "--allow-incomplete") == 0
    assert _run(schools, "values", "set", *Q3, "--unit", "TH2", "--indicator", "TRUONGKNS",
                "--yes") == 1
    assert "đã được chốt" in capsys.readouterr().out
