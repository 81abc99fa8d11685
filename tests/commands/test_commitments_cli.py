"""``python -m desktop commitments …``: the year's đăng ký thi đua recorded and chased."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main


@pytest.fixture
def demo_dir(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    capsys.readouterr()
    return data_dir


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "commitments", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def states(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, dict]:
    code, out, _ = run(folder, capsys, "list", "--year", "2026", "--json", *args)
    assert code == 0
    return {row["unit"]: row for row in json.loads(out)}


def test_record_a_registration_then_its_plan_with_the_file(demo_dir, capsys, tmp_path) -> None:
    run(demo_dir, capsys, "clear", "--year", "2026", "--unit", "TDP07")
    assert states(demo_dir, capsys)["TDP07"]["state"] == "Chưa đăng ký"

    code, out, _ = run(
        demo_dir,
        capsys,
        "record",
        "--year",
        "2026",
        "--unit",
        "tdp07",
        "--registered",
        "12/01/2026",
    )
    assert code == 0 and out == "Đã ghi đăng ký thi đua năm 2026 của “Tổ dân phố số 7”.\n"
    row = states(demo_dir, capsys)["TDP07"]
    assert row["state"] == "Đã đăng ký, chưa gửi kế hoạch" and row["registered_on"] == "2026-01-12"
    assert "TDP07" in states(demo_dir, capsys, "--missing")

    plan = tmp_path / "KH TDP7.docx"
    plan.write_bytes(b"ke hoach to dan pho 7")
    code, _, _ = run(
        demo_dir,
        capsys,
        "record",
        "--year",
        "2026",
        "--unit",
        "TDP07",
        "--plan",
        "03/02/2026",
        "--file",
        str(plan),
    )
    row = states(demo_dir, capsys)["TDP07"]
    assert code == 0 and row["state"] == "Đã gửi kế hoạch"
    assert (row["registered_on"], row["plan_received_on"]) == ("2026-01-12", "2026-02-03")
    assert "TDP07" not in states(demo_dir, capsys, "--missing")


def test_a_bad_day_and_an_unknown_unit_are_refused(demo_dir, capsys) -> None:
    code, _, err = run(
        demo_dir, capsys, "record", "--year", "2026", "--unit", "VP", "--registered", "2026-01-12"
    )
    assert code == 2 and "không đúng dạng dd/mm/yyyy" in err
    code, _, err = run(demo_dir, capsys, "record", "--year", "2026", "--unit", "KHONGCO")
    assert code == 2 and "KHONGCO" in err
    code, _, err = run(demo_dir, capsys, "list", "--year", "2035")
    assert code == 2 and "nằm ngoài" in err


def test_the_chase_list_holds_every_unit_to_call_with_its_phone(demo_dir, capsys, tmp_path) -> None:
    run(demo_dir, capsys, "clear", "--year", "2026", "--unit", "TDP02")
    chase = states(demo_dir, capsys, "--missing")
    target = tmp_path / "don doc 2026.xlsx"
    code, out, _ = run(demo_dir, capsys, "export", str(target), "--year", "2026")
    assert code == 0 and f"Đã xuất {len(chase)} đơn vị cần đôn đốc năm 2026" in out

    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(rows) == len(chase)
    (tdp02,) = [r for r in rows if r[1] == "TDP02"]
    assert tdp02[2] == "Tổ dân phố số 2" and tdp02[4] == "Chưa đăng ký"
    assert tdp02[6] == chase["TDP02"]["head"] and tdp02[8] == chase["TDP02"]["phone"]
