"""The nomination workbook units fill (danh sách đề nghị khen thưởng) and reading it back.

The template names the campaign, explains every column on a sheet of its own (Hướng dẫn) and
offers drop-down lists for the kind of nominee, the unit code and the form of award. Reading finds
the table by its headers (whatever their case or diacritics), keeps each row's Excel line number
and reports what cannot be read — a formula, a merged cell, a missing header — as problems of the
list, so that the import refuses the file with every line named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop.awards.nominations import (
    KIND_COLLECTIVE,
    KIND_INDIVIDUAL,
    NominationList,
    NominationRow,
)
from desktop.excel.common import (
    ExcelInputError,
    new_workbook,
    open_workbook,
    save_atomically,
    set_safe_value,
    write_table,
)
from desktop.excel.units_columns import header_key
from desktop.text import clean, clean_line

SHEET_LIST = "Đề nghị khen thưởng"
SHEET_HELP = "Hướng dẫn"
SHEET_CHOICES = "Danh mục"
CAMPAIGN_LABEL = "Đợt xét:"
HEADER_ROW = 6
BLANK_ROWS = 200  # rows offered with drop-down lists
MAX_ROWS = 5000


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: int
    aliases: tuple[str, ...] = ()


COLUMNS = (
    Column("stt", "STT", 6, ("Số thứ tự", "TT")),
    Column("kind", "Loại (Tập thể/Cá nhân)", 14, ("Loại", "Tập thể/Cá nhân", "Đối tượng")),
    Column("unit_code", "Mã đơn vị", 12, ("Mã ĐV", "Mã")),
    Column("full_name", "Họ và tên", 26, ("Họ tên", "Họ và tên cá nhân")),
    Column("position", "Chức vụ", 22, ("Chức vụ, đơn vị công tác",)),
    Column("award", "Hình thức đề nghị", 40, ("Hình thức khen thưởng", "Hình thức")),
    Column("achievement", "Tóm tắt thành tích", 60, ("Thành tích", "Tóm tắt thành tích đạt được")),
)
REQUIRED = ("kind", "unit_code", "award")
_HEADERS = {header_key(n): c for c in COLUMNS for n in (c.header, *c.aliases)}

HELP_LINES = (
    "HƯỚNG DẪN LẬP DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    "",
    "Mỗi dòng của trang “Đề nghị khen thưởng” là một tập thể hoặc một cá nhân được đề nghị.",
    "• STT: số thứ tự (không bắt buộc).",
    f"• Loại: chọn “{KIND_COLLECTIVE}” (cơ quan, đơn vị, doanh nghiệp, tổ dân phố …) hoặc "
    f"“{KIND_INDIVIDUAL}”.",
    "• Mã đơn vị: mã của tập thể được đề nghị; với cá nhân, mã của đơn vị nơi người đó công tác "
    "(xem trang “Danh mục”).",
    "• Họ và tên, Chức vụ: chỉ ghi cho cá nhân. Người chưa có trong sổ cá nhân của đơn vị sẽ được "
    "thêm vào sổ khi nhập.",
    "• Hình thức đề nghị: tên (hoặc mã) của hình thức trong danh mục khen thưởng của đợt xét.",
    "• Tóm tắt thành tích: vài câu về thành tích nổi bật; bắt buộc.",
    "",
    "Một thành tích chỉ đề nghị một hình thức khen thưởng: mỗi tập thể, cá nhân ghi một dòng.",
    "Khi nhập, phần mềm kiểm tra toàn bộ danh sách: nếu một dòng có lỗi thì không dòng nào được "
    "nhập; hãy sửa các dòng được báo rồi nhập lại.",
    "Không sửa tiêu đề các cột và dòng “Đợt xét”.",
)


def write_template(
    path: Path,
    campaign: str,
    forms: Sequence[tuple[str, str]],
    units: Sequence[tuple[str, str]],
) -> None:
    """The blank list for ``campaign``: ``forms`` as (code, name) offered in it, ``units`` as
    (code, name) of the register."""
    workbook, sheet = new_workbook(SHEET_LIST)
    last_column = get_column_letter(len(COLUMNS))
    sheet["A1"] = "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(f"A1:{last_column}1")
    set_safe_value(sheet["A2"], CAMPAIGN_LABEL)
    sheet["A2"].font = Font(bold=True)
    set_safe_value(sheet["C2"], campaign)
    sheet["C2"].font = Font(bold=True)
    sheet["A3"] = "Đơn vị đề nghị:"
    sheet["A4"] = "Xem cách ghi từng cột ở trang “Hướng dẫn”; các lựa chọn ở trang “Danh mục”."
    sheet["A4"].font = Font(italic=True)
    write_table(
        sheet,
        [c.header for c in COLUMNS],
        [],
        widths=[c.width for c in COLUMNS],
        start_row=HEADER_ROW,
    )
    _write_help(workbook.create_sheet(SHEET_HELP))
    choices = workbook.create_sheet(SHEET_CHOICES)
    write_table(
        choices,
        ["Loại", "Hình thức đề nghị", "Mã hình thức", "Mã đơn vị", "Tên đơn vị"],
        [],
        widths=[14, 50, 12, 12, 50],
    )
    for row, word in enumerate((KIND_COLLECTIVE, KIND_INDIVIDUAL), start=2):
        choices.cell(row=row, column=1, value=word)
    for row, (code, name) in enumerate(forms, start=2):
        set_safe_value(choices.cell(row=row, column=2), name)
        set_safe_value(choices.cell(row=row, column=3), code)
    for row, (code, name) in enumerate(units, start=2):
        set_safe_value(choices.cell(row=row, column=4), code)
        set_safe_value(choices.cell(row=row, column=5), name)
    first, last = HEADER_ROW + 1, HEADER_ROW + BLANK_ROWS
    _list_rule(
        sheet, "B", f"'{SHEET_CHOICES}'!$A$2:$A$3", first, last, "Hãy chọn Tập thể hoặc Cá nhân."
    )
    if units:
        _list_rule(
            sheet,
            "C",
            f"'{SHEET_CHOICES}'!$D$2:$D${len(units) + 1}",
            first,
            last,
            "Hãy chọn một mã đơn vị trong trang “Danh mục”.",
        )
    if forms:
        _list_rule(
            sheet,
            "F",
            f"'{SHEET_CHOICES}'!$B$2:$B${len(forms) + 1}",
            first,
            last,
            "Hãy chọn một hình thức trong danh mục khen thưởng.",
        )
    for row in range(first, last + 1):  # the achievement text wraps within its column
        sheet[f"G{row}"].alignment = Alignment(wrap_text=True, vertical="top")
    save_atomically(workbook, path)


def _write_help(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 110
    for row, line in enumerate(HELP_LINES, start=1):
        cell = sheet.cell(row=row, column=1)
        set_safe_value(cell, line)
        cell.alignment = Alignment(wrap_text=True)
    sheet["A1"].font = Font(bold=True)


def _list_rule(
    sheet: Worksheet, letter: str, source: str, first: int, last: int, error: str
) -> None:
    rule = DataValidation(type="list", formula1=source, allow_blank=True)
    rule.error, rule.errorTitle, rule.showErrorMessage = error, "Giá trị không hợp lệ", True
    sheet.add_data_validation(rule)
    rule.add(f"{letter}{first}:{letter}{last}")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_nominations(path: Path) -> NominationList:
    """A filled list: its rows with their Excel line numbers, the campaign it names, and what could
    not be read. Refuses (:class:`ExcelInputError`) a file that is not such a list at all."""
    workbook = open_workbook(Path(path))
    sheet = _list_sheet(workbook.worksheets)
    header_row, columns = _find_headers(sheet)
    campaign = _named_campaign(sheet, header_row)
    merged = {
        (row, col)
        for cells in sheet.merged_cells.ranges
        if cells.min_row > header_row
        for row in range(cells.min_row, cells.max_row + 1)
        for col in range(cells.min_col, cells.max_col + 1)
    }
    rows: list[NominationRow] = []
    problems: list[str] = []
    for line, cells in enumerate(sheet.iter_rows(min_row=header_row + 1), start=header_row + 1):
        values: dict[str, str] = {}
        for field, index in columns.items():
            cell = cells[index] if index < len(cells) else None
            if cell is None:
                values[field] = ""
                continue
            if (line, index + 1) in merged:
                problems.append(f"Dòng {line}: ô {cell.coordinate} bị gộp; hãy bỏ gộp ô.")
            if cell.data_type == "f":
                problems.append(
                    f"Dòng {line}: ô {cell.coordinate} là công thức; hãy ghi giá trị thay cho "
                    "công thức."
                )
                values[field] = ""
                continue
            values[field] = _text(cell.value)
        if not any(clean(v) for k, v in values.items() if k != "stt"):
            continue
        if len(rows) >= MAX_ROWS:
            raise ExcelInputError(
                f"Danh sách có quá {MAX_ROWS} dòng; hãy chia thành nhiều tệp rồi nhập từng tệp."
            )
        rows.append(
            NominationRow(
                line=line,
                kind=clean_line(values.get("kind", "")),
                unit_code=clean_line(values.get("unit_code", "")),
                full_name=clean_line(values.get("full_name", "")),
                position=clean_line(values.get("position", "")),
                award=clean_line(values.get("award", "")),
                achievement=clean(values.get("achievement", "")),
            )
        )
    return NominationList(rows, campaign, problems, Path(path).name)


def _list_sheet(sheets: Sequence[Worksheet]) -> Worksheet:
    for sheet in sheets:
        if sheet.title == SHEET_LIST:
            return sheet
    return sheets[0]


def _find_headers(sheet: Worksheet) -> tuple[int, dict[str, int]]:
    """The header row (searched in the first 20 rows) and each field's column index."""
    for row_number, cells in enumerate(sheet.iter_rows(max_row=20), start=1):
        columns: dict[str, int] = {}
        for index, cell in enumerate(cells):
            column = _HEADERS.get(header_key(_text(cell.value))) if cell.value else None
            if column is not None and column.field not in columns:
                columns[column.field] = index
        if all(field in columns for field in REQUIRED):
            return row_number, columns
    wanted = ", ".join(f"“{c.header}”" for c in COLUMNS if c.field in REQUIRED)
    raise ExcelInputError(
        f"Không tìm thấy bảng đề nghị trong trang “{sheet.title}”: cần các cột {wanted}. "
        "Hãy dùng mẫu danh sách đề nghị của phần mềm."
    )


def _named_campaign(sheet: Worksheet, header_row: int) -> str:
    """The campaign written beside "Đợt xét:" above the table, or ""."""
    for cells in sheet.iter_rows(max_row=header_row - 1):
        for index, cell in enumerate(cells):
            text = _text(cell.value).strip()
            if header_key(text) == header_key(CAMPAIGN_LABEL):
                rest = [_text(c.value).strip() for c in cells[index + 1 :] if c.value]
                return rest[0] if rest else ""
            if header_key(text).startswith(header_key(CAMPAIGN_LABEL)) and ":" in text:
                return text.split(":", 1)[1].strip()
    return ""
