"""The nomination workbook: the template units fill, and reading it back with its line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.excel.common import ExcelInputError
from desktop.excel.nominations import (
    HEADER_ROW,
    SHEET_CHOICES,
    SHEET_HELP,
    read_nominations,
    write_template,
)

FORMS = [
    ("GKCTP", "Giấy khen của Chủ tịch UBND phường"),
    ("BKCTTP", "Bằng khen của Chủ tịch UBND thành phố"),
]
UNITS = [("VP", "Văn phòng HĐND và UBND phường"), ("TDP01", "Tổ dân phố số 1")]


def fill(sheet, row: int, values: list[object]) -> None:  # type: ignore[no-untyped-def]
    """Type a line of the list as a unit does, in the template's own rows."""
    for column, value in enumerate(values, start=1):
        sheet.cell(row=row, column=column, value=value)


def template(tmp_path: Path) -> Path:
    path = tmp_path / "mau.xlsx"
    write_template(path, "Khen thưởng năm 2025", FORMS, UNITS)
    return path


def test_the_template_names_the_campaign_explains_and_offers_lists(tmp_path: Path) -> None:
    workbook = load_workbook(template(tmp_path))
    sheet = workbook.worksheets[0]
    assert (sheet["A2"].value, sheet["C2"].value) == ("Đợt xét:", "Khen thưởng năm 2025")
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers == [
        "STT",
        "Loại (Tập thể/Cá nhân)",
        "Mã đơn vị",
        "Họ và tên",
        "Chức vụ",
        "Hình thức đề nghị",
        "Tóm tắt thành tích",
    ]
    assert "Một thành tích chỉ đề nghị một hình thức" in " ".join(
        str(c.value) for c in workbook[SHEET_HELP]["A"]
    )
    rules = {str(r.sqref).split(":")[0]: r.formula1 for r in sheet.data_validations.dataValidation}
    assert rules == {
        "B7": f"'{SHEET_CHOICES}'!$A$2:$A$3",
        "C7": f"'{SHEET_CHOICES}'!$D$2:$D$3",
        "F7": f"'{SHEET_CHOICES}'!$B$2:$B$3",
    }
    assert workbook[SHEET_CHOICES]["B3"].value == "Bằng khen của Chủ tịch UBND thành phố"


def test_a_filled_template_reads_back_with_its_lines(tmp_path: Path) -> None:
    path = template(tmp_path)
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    fill(sheet, 7, [1, "Tập thể", "TDP01", None, None, "GKCTP", "Dẫn đầu phong trào"])
    # line 8 left blank: skipped
    fill(sheet, 9, [2, "Cá nhân", 1234, "  Nguyễn  Văn A ", "Tổ trưởng", FORMS[1][1], "Tích cực"])
    fill(sheet, 10, [3, "Cá nhân", "VP", "B", None, "=A1", "x"])
    workbook.save(path)
    read = read_nominations(path)
    assert read.campaign == "Khen thưởng năm 2025" and read.source == "mau.xlsx"
    assert [(r.line, r.kind, r.unit_code, r.full_name, r.award) for r in read.rows] == [
        (7, "Tập thể", "TDP01", "", "GKCTP"),
        (9, "Cá nhân", "1234", "Nguyễn Văn A", FORMS[1][1]),
        (10, "Cá nhân", "VP", "B", ""),
    ]
    assert read.problems == ["Dòng 10: ô F10 là công thức; hãy ghi giá trị thay cho công thức."]


def test_headers_are_found_whatever_their_spelling(tmp_path: Path) -> None:
    path = tmp_path / "tu-lam.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Danh sách của Hội Phụ nữ"])
    sheet.append(["LOAI", "ma don vi", "Họ tên", "HÌNH THỨC", "Thành tích"])
    sheet.append(["Cá nhân", "HLHPN", "Trần Thị C", "GKCTP", "Tốt"])
    workbook.save(path)
    read = read_nominations(path)
    assert read.campaign == "" and [r.line for r in read.rows] == [3]
    assert read.rows[0].achievement == "Tốt"


def test_a_workbook_without_the_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "khac.xlsx"
    workbook = Workbook()
    workbook.active.append(["Tên", "Tuổi"])
    workbook.save(path)
    with pytest.raises(ExcelInputError, match="Không tìm thấy bảng đề nghị"):
        read_nominations(path)
