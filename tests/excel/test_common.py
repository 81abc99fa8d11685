"""The shared Excel layer: refusals with a message, text that never runs as a formula."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.excel.common import (
    OLE_SIGNATURE,
    ExcelInputError,
    new_workbook,
    open_workbook,
    save_atomically,
    write_table,
)


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    workbook, sheet = new_workbook("Đơn vị")
    write_table(sheet, ["Tên", "Ghi chú"], [["=HYPERLINK(\"x\")", "+84 912"], ["@SUM(A1)", "-5 người"]])
    path = tmp_path / "out.xlsx"
    save_atomically(workbook, path)
    cells = load_workbook(path)["Đơn vị"]
    assert cells["A2"].value == '=HYPERLINK("x")' and cells["A2"].data_type == "s"
    assert cells["B2"].data_type == "s" and cells["A3"].data_type == "s"
    assert cells["A1"].font.bold and cells.freeze_panes == "A2" and cells.auto_filter.ref == "A1:B3"


def test_not_an_xlsx_file(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên;Đơn vị", encoding="utf-8")
    with pytest.raises(ExcelInputError, match="không phải là tệp Excel .xlsx"):
        open_workbook(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 504)
    with pytest.raises(ExcelInputError, match="mật khẩu"):
        open_workbook(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExcelInputError, match="Không tìm thấy"):
        open_workbook(tmp_path / "khong-co.xlsx")


def test_write_to_a_read_only_folder_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    workbook, _ = new_workbook("A")
    with pytest.raises(ExcelInputError, match="Không ghi được"):
        save_atomically(workbook, folder / "missing-dir" / "x.xlsx")
    assert list(folder.iterdir()) == []
