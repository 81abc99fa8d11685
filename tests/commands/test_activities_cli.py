"""``python -m desktop activities …`` as the clerk (or a script) runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main


@pytest.fixture
def ward(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A ward with its register (the demo), but no activities: each test adds its own."""
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    from desktop.context import AppContext
    from desktop.models import Unit, UnitKind

    ctx = AppContext.from_args(data_dir)
    with ctx.db.session() as session:
        session.add(Unit(code="MTTQ", name="Ủy ban MTTQ phường", kind=UnitKind.FRONT_ORGANISATION))
        session.add(Unit(code="TDP05", name="Tổ dân phố số 5", kind=UnitKind.RESIDENTIAL_GROUP))
        session.commit()
    ctx.close()
    capsys.readouterr()
    return data_dir


def fill(sheet, row: int, values: list[object]) -> None:  # type: ignore[no-untyped-def]
    """Type one row of the template, from its first data row (2) down, as a unit does."""
    for column, value in enumerate(values, start=1):
        sheet.cell(row=row, column=column, value=value)


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), "activities", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    code, out, _ = run(folder, capsys, "list", "--json", *args)
    assert code == 0
    rows: list[dict] = json.loads(out)
    return rows


CLASS = [
    "add",
    "--date", "12/04/2025",
    "--kind", "digital_class",
    "--title", "Lớp “Bình dân học vụ số” tại Tổ dân phố số 5",
    "--unit", "TDP05", "--unit", "MTTQ",
    "--participants", "48", "--residents", "40", "--workers", "8",
]  # fmt: skip


def test_add_list_totals_and_delete(ward: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(ward, capsys, *CLASS)
    assert code == 0 and out.startswith("Đã thêm hoạt động số 1:")
    run(ward, capsys, "add", "--date", "03/11/2026", "--kind", "training", "--title", "Tập huấn AI")
    (only,) = listed(ward, capsys, "--unit", "TDP05")
    assert (only["date"], only["units"], only["participants"]) == (
        "2025-04-12",
        ["TDP05", "MTTQ"],
        48,
    )
    assert [r["title"] for r in listed(ward, capsys, "--year", "2026")] == ["Tập huấn AI"]

    code, out, _ = run(ward, capsys, "list", "--totals", "unit")
    assert out.splitlines() == [
        "UBND phường: 1 hoạt động, 0 lượt người (CB-CC-VC 0, học sinh 0, người dân 0, "
        "người lao động 0); 1 chưa rõ số người",
        "Tổ dân phố số 5: 1 hoạt động, 48 lượt người (CB-CC-VC 0, học sinh 0, người dân 40, "
        "người lao động 8)",
        "Ủy ban MTTQ phường: 1 hoạt động, 48 lượt người (CB-CC-VC 0, học sinh 0, người dân 40, "
        "người lao động 8)",
        "Tổng cộng: 2 hoạt động, 48 lượt người (CB-CC-VC 0, học sinh 0, người dân 40, "
        "người lao động 8); 1 chưa rõ số người",
    ]
    code, out, _ = run(ward, capsys, "delete", "1")
    assert code == 0 and "Đã xóa hoạt động số 1" in out
    assert [r["id"] for r in listed(ward, capsys)] == [2]


def test_a_refused_activity_exits_2_with_every_reason(ward: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(
        ward,
        capsys,
        "add",
        "--date",
        "01/06/2024",
        "--title",
        "",
        "--participants",
        "5",
        "--students",
        "9",
    )
    assert code == 2
    assert err.splitlines() == [
        "Chưa lưu được hoạt động:",
        "Ngày 01/06/2024 nằm ngoài thời gian của Kế hoạch (2025 - 2030).",
        "Thiếu tên hoạt động.",
        "Tổng các nhóm (9) vượt số người tham gia (5).",
    ]
    code, _, err = run(ward, capsys, "add", "--date", "31/02/2025", "--title", "X")
    assert (code, err.strip()) == (2, "Ngày “31/02/2025” không hợp lệ: hãy ghi theo dd/mm/yyyy.")
    assert listed(ward, capsys) == []


def test_a_template_filled_in_imports_after_a_dry_run(ward: Path, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    template = tmp_path / "mau.xlsx"
    assert run(ward, capsys, "export", str(template), "--template")[0] == 0
    book = load_workbook(template)
    sheet = book["Hoạt động"]
    fill(
        sheet, 2, ["26/03/2025", "Tuyên truyền", "Phát động phong trào", "Hội trường", "MTTQ", 150]
    )
    fill(
        sheet,
        3,
        ["02/04/2025", "Lớp “Bình dân học vụ số”", "Lớp học số", "", "tdp05", 30, 0, 0, 30],
    )
    book.save(template)

    code, out, _ = run(ward, capsys, "import", str(template), "--dry-run")
    assert code == 0
    assert "Dòng 2: Thêm mới: 26/03/2025 Phát động phong trào" in out
    assert out.rstrip().endswith("Chỉ xem trước (--dry-run): chưa lưu gì.")
    assert listed(ward, capsys) == []
    code, out, _ = run(ward, capsys, "import", str(template))
    assert code == 0 and "Đã lưu 2 hoạt động; bỏ qua 0 dòng trùng." in out
    code, out, _ = run(ward, capsys, "import", str(template))
    assert "Đã lưu" not in out and "2 trùng với hoạt động đã có" in out
    assert len(listed(ward, capsys)) == 2


def test_an_import_with_a_bad_row_prints_it_and_saves_nothing(
    ward: Path, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ds.xlsx"
    run(ward, capsys, "export", str(path), "--template")
    book = load_workbook(path)
    fill(book["Hoạt động"], 2, ["26/03/2025", "Tuyên truyền", "Phát động", "", "MTTQ"])
    fill(book["Hoạt động"], 3, ["31/02/2025", "Tuyên truyền", "Loa phát thanh", "", ""])
    book.save(path)
    code, out, _ = run(ward, capsys, "import", str(path))
    assert code == 2
    assert "Dòng 3: Lỗi: 31/02/2025 Loa phát thanh — ngày “31/02/2025” không hợp lệ" in out
    assert listed(ward, capsys) == []


def test_export_of_a_year_writes_its_rows(ward: Path, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run(ward, capsys, *CLASS)
    out_file = tmp_path / "hd-2025.xlsx"
    code, out, _ = run(ward, capsys, "export", str(out_file), "--year", "2025")
    assert code == 0 and "Đã xuất 1 hoạt động" in out
    assert load_workbook(out_file)["Hoạt động"]["E2"].value == "TDP05, MTTQ"
