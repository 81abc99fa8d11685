"""Reading a unit roster from Excel into checked rows (nothing is written to the register here).

The sheet is searched for its header row; every data row becomes a :class:`RosterRow` holding
either the unit's values or the reasons it cannot be used. What makes the whole file unusable (not
an .xlsx, password, no header, merged cells in the table, too many rows) raises
:class:`ExcelInputError` with the clerk's message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Protocol

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.worksheet import Worksheet

from desktop.errors import Refusal
from desktop.excel.common import ExcelInputError, open_workbook
from desktop.excel.units_columns import (
    BY_FIELD,
    HEADER_INDEX,
    NO_WORDS,
    PERIOD_EXAMPLE,
    REQUIRED_FIELDS,
    YES_WORDS,
    RosterColumn,
    header_key,
    kind_from_text,
    period_from_text,
)
from desktop.models import Gender, UnitKind
from desktop.register.units import UnitData, check_unit_values
from desktop.text import clean, clean_line, search_key
from desktop.text.wording import count

MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 20
_THOUSANDS = re.compile(r"^\d{1,3}([.,\s]\d{3})+$")
_EMPTY_MESSAGES = {
    "code": "Mã đơn vị không được để trống.",
    "name": "Tên đơn vị không được để trống.",
    "kind": "Hãy chọn loại đơn vị.",
}


class ProgressSink(Protocol):
    """What a long task reports to (the GUI's progress dialog, or nothing on the command line)."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


@dataclass
class RosterRow:
    """One data row of the sheet: ``line`` is the row number Excel shows."""

    line: int
    data: UnitData | None
    given: frozenset[str]  # fields whose column exists in the file
    active_given: bool
    problems: list[str] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # code, name, kind as read, for the preview


@dataclass
class ParsedRoster:
    file_name: str
    sheet_name: str
    header_line: int
    fields: frozenset[str]
    ignored_headers: list[str]
    rows: list[RosterRow]


class CellProblem(Refusal, ValueError):
    """A cell that cannot be read as its column asks; ``str`` is the reason."""


@dataclass(frozen=True)
class TableSpec:
    """Which table to look for: its columns by header key, and those it cannot do without."""

    index: dict[str, RosterColumn]
    required: tuple[RosterColumn, ...]


@dataclass
class Table:
    """Where the table is: its sheet, header row, last row with data, and columns by number."""

    sheet: Worksheet
    header_line: int
    last_line: int
    columns: dict[int, RosterColumn]
    ignored: list[str]


UNIT_TABLE = TableSpec(HEADER_INDEX, tuple(BY_FIELD[f] for f in REQUIRED_FIELDS))


def locate_table(workbook: WorkbookType, file_name: str, spec: TableSpec) -> Table:
    """Find the table and refuse, with the clerk's message, what makes the whole file unusable."""
    sheet, header_line, columns, ignored = _find_table(workbook.worksheets, file_name, spec)
    last_line = _last_used_row(sheet)
    if last_line <= header_line:
        raise ExcelInputError(
            f"Trang tính “{sheet.title}” có dòng tiêu đề nhưng không có dòng dữ liệu nào bên dưới."
        )
    if last_line - header_line > MAX_ROWS:
        raise ExcelInputError(
            f"Tệp có {count(last_line - header_line)} dòng, vượt quá giới hạn {count(MAX_ROWS)} "
            "dòng mỗi lần nhập. Hãy chia thành nhiều tệp nhỏ hơn."
        )
    _refuse_merged_cells(sheet, header_line)
    return Table(sheet, header_line, last_line, columns, ignored)


def data_rows(
    table: Table, progress: ProgressSink | None
) -> Iterator[tuple[Cell | MergedCell, ...]]:
    """The table's rows below the header, blank rows skipped, reporting progress as it goes."""
    total = table.last_line - table.header_line
    rows = table.sheet.iter_rows(min_row=table.header_line + 1, max_row=table.last_line)
    for offset, cells in enumerate(rows, start=1):
        if progress is not None and offset % 500 == 0:
            progress.check()
            progress.report(offset, total, f"Đang đọc dòng {count(offset)}/{count(total)}")
        if not all(_is_blank(cell) for cell in cells):
            yield cells


def open_roster(path: Path) -> WorkbookType:
    """Open a roster; refuse, besides what :func:`open_workbook` refuses, Excel's own lock file."""
    if path.name.startswith("~$"):
        # Excel leaves "~$ds.xlsx" beside "ds.xlsx" while it has that file open.
        raise ExcelInputError(
            f"“{path.name}” là tệp tạm Excel tạo ra khi đang mở “{path.name[2:]}”, không phải danh "
            f"sách. Hãy đóng “{path.name[2:]}” trong Excel rồi chọn chính tệp đó."
        )
    return open_workbook(path)


def read_roster(path: Path, progress: ProgressSink | None = None) -> ParsedRoster:
    """Read and check every row of the roster at ``path``; raise ExcelInputError if it is unusable."""
    path = Path(path)
    workbook = open_roster(path)
    try:
        table = locate_table(workbook, path.name, UNIT_TABLE)
        given = frozenset(c.field for c in table.columns.values())
        rows = [_read_row(cells, table.columns, given) for cells in data_rows(table, progress)]
    finally:
        workbook.close()
    return ParsedRoster(
        file_name=path.name,
        sheet_name=table.sheet.title,
        header_line=table.header_line,
        fields=given,
        ignored_headers=table.ignored,
        rows=rows,
    )


# -- the table's place -------------------------------------------------------------------------


def _find_table(
    sheets: list[Worksheet], file_name: str, spec: TableSpec
) -> tuple[Worksheet, int, dict[int, RosterColumn], list[str]]:
    """The first sheet with a header row naming the required columns."""
    best_missing: list[str] | None = None
    any_content = False
    for sheet in sheets:
        for line, cells in enumerate(
            sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS, values_only=True), start=1
        ):
            texts = {i: str(v) for i, v in enumerate(cells, start=1) if v not in (None, "")}
            any_content = any_content or bool(texts)
            columns: dict[int, RosterColumn] = {}
            ignored: list[str] = []
            for index, text in texts.items():
                column = spec.index.get(header_key(text))
                if column is None:
                    ignored.append(clean_line(text))
                elif column in columns.values():
                    raise ExcelInputError(
                        f"Trang tính “{sheet.title}” có hai cột “{column.header}” (dòng {line}); "
                        "hãy xóa bớt một cột."
                    )
                else:
                    columns[index] = column
            found = {c.field for c in columns.values()}
            missing = [c.header for c in spec.required if c.field not in found]
            if not missing:
                return sheet, line, columns, ignored
            if found and (best_missing is None or len(missing) < len(best_missing)):
                best_missing = missing
    if not any_content:
        raise ExcelInputError(f"Tệp “{file_name}” trống: không có dữ liệu trong trang tính nào.")
    if best_missing:
        names = ", ".join(f"“{h}”" for h in best_missing)
        raise ExcelInputError(
            f"Tệp “{file_name}” thiếu cột {names} ở dòng tiêu đề. Hãy thêm cột đó hoặc dùng tệp mẫu "
            "(nút “Tải tệp mẫu”)."
        )
    needed = " và ".join(f"“{c.header}”" for c in spec.required)
    raise ExcelInputError(
        f"Không tìm thấy dòng tiêu đề trong tệp “{file_name}”: cần các cột {needed} trong "
        f"{HEADER_SEARCH_ROWS} dòng đầu. Hãy dùng tệp mẫu (nút “Tải tệp mẫu”)."
    )


def _last_used_row(sheet: Worksheet) -> int:
    """The last row with a value: formatting alone makes ``max_row`` far larger than the data."""
    last = 0
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if any(v not in (None, "") for v in values):
            last = line
    return last


def _refuse_merged_cells(sheet: Worksheet, header_line: int) -> None:
    """A title merged above the table is fine; a merged cell inside it hides which row owns a value."""
    inside = [str(r) for r in sheet.merged_cells.ranges if r.max_row >= header_line]
    if inside:
        shown = ", ".join(inside[:5]) + (" …" if len(inside) > 5 else "")
        raise ExcelInputError(
            f"Bảng trong trang tính “{sheet.title}” có ô gộp ({shown}). Hãy bỏ gộp ô (Merge & Center "
            "→ Unmerge Cells) và ghi giá trị vào từng dòng rồi nhập lại."
        )


# -- the rows ----------------------------------------------------------------------------------


def _is_blank(cell: Cell | MergedCell) -> bool:
    return cell.value is None or (isinstance(cell.value, str) and not cell.value.strip())


def _read_row(
    cells: tuple[Cell | MergedCell, ...], columns: dict[int, RosterColumn], given: frozenset[str]
) -> RosterRow:
    line = int(cells[0].row or 0)
    values: dict[str, Any] = {}
    problems: list[str] = []
    shown: dict[str, str] = {}
    failed: set[str] = set()
    for index, column in columns.items():
        cell = cells[index - 1] if index <= len(cells) else None
        raw = None if cell is None else cell.value
        if column.field in ("code", "name", "kind"):
            shown[column.field] = "" if raw is None else clean_line(str(raw))
        if cell is None:
            continue
        try:
            values[column.field] = _read_cell(cell, column)
        except CellProblem as problem:
            where = f"{get_column_letter(index)}{line}"
            problems.append(f"Ô {where} ({column.header}): {problem}")
            failed.add(column.field)
    active = values.pop("active", None)
    data = UnitData(
        code=values.get("code") or "",
        name=values.get("name") or "",
        kind=values.get("kind"),
        active=True if active is None else active,
        **{k: v for k, v in values.items() if k not in ("code", "name", "kind")},
    ).cleaned()
    # A row without a code gets one when it is added; check the rest as if it had one.
    checks = check_unit_values(data if data.code else replace(data, code="X"))
    # An unreadable cell was reported with its address already; do not also call it empty.
    said = {_EMPTY_MESSAGES[f] for f in failed if f in _EMPTY_MESSAGES}
    checks = [p for p in checks if p not in said]
    problems += checks
    return RosterRow(
        line=line,
        data=None if problems else data,
        given=given,
        active_given=active is not None,
        problems=problems,
        shown=shown,
    )


def _read_cell(cell: Cell | MergedCell, column: RosterColumn) -> Any:
    if cell.data_type == "f":
        raise CellProblem(
            "chứa công thức; hãy sao chép rồi dán dạng giá trị (Paste Special → Values) và nhập lại."
        )
    value = cell.value
    if column.kind == "count":
        return _read_count(value)
    if column.kind == "kind":
        return _read_kind(value)
    if column.kind == "active":
        return _read_active(value)
    if column.kind == "gender":
        return _read_gender(value)
    if column.kind == "period":
        return _read_period(value)
    return _read_text(value, column)


def read_cell(cell: Cell | MergedCell, column: RosterColumn) -> Any:
    """The value of one cell as its column asks, or :class:`CellProblem` with the reason."""
    return _read_cell(cell, column)


def _read_gender(value: Any) -> Gender | None:
    if value is None or not str(value).strip():
        return None
    word = search_key(str(value))
    if word in ("nam", "male", "m"):
        return Gender.MALE
    if word in ("nu", "female", "f"):
        return Gender.FEMALE
    raise CellProblem(f"“{clean_line(str(value))}” không rõ; hãy ghi “Nam” hoặc “Nữ”.")


def _read_text(value: Any, column: RosterColumn) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellProblem(f"“{value}” không phải là chữ.")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and column.field == "phone":
        text = str(value)
        # A phone number typed into a number cell loses its leading zero: 912345678 → 0912345678.
        return "0" + text if len(text) in (9, 10) and not text.startswith("0") else text
    if isinstance(value, datetime | date | time):
        raise CellProblem("là ngày tháng, không phải chữ; hãy định dạng ô là Text (Văn bản).")
    text = clean(str(value))
    return text


def _read_count(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool | datetime | date | time):
        raise CellProblem(f"“{value}” không phải là số.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellProblem(f"“{value:g}” không phải là số nguyên.")
    text = clean_line(str(value)).replace("\u00a0", " ")
    if not text:
        return None
    compact = text.replace(" ", "")
    # A number stored as text ("25", "1.250", "1 250") is read as the number it shows.
    if compact.isdigit() and compact.isascii():
        return int(compact)
    if _THOUSANDS.match(text):
        return int(re.sub(r"[.,\s]", "", text))
    if compact.startswith("-") and compact[1:].isdigit():
        return int(compact)
    raise CellProblem(f"“{text}” không phải là số; hãy ghi một số nguyên, ví dụ 25.")


def _read_period(value: Any) -> int | None:
    """"3/2025" (quý 3/2025) → 20253; blank → None (keep the register's, or today's quarter)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime | date):
        # Excel turns "3/2025" typed in a General cell into 1 March 2025: the quarter is lost.
        raise CellProblem(
            f"là ngày tháng, không phải quý; hãy định dạng ô là Text (Văn bản) rồi ghi quý dạng "
            f"q/yyyy, ví dụ {PERIOD_EXAMPLE}."
        )
    text = clean_line(str(value))
    period = period_from_text(text)
    if period is None:
        raise CellProblem(
            f"“{text}” không phải là một quý; hãy ghi dạng q/yyyy (quý 1–4), ví dụ "
            f"{PERIOD_EXAMPLE}, hoặc để trống."
        )
    return period


def _read_kind(value: Any) -> UnitKind | None:
    if value is None or not str(value).strip():
        return None
    kind = kind_from_text(clean_line(str(value)))
    if kind is None:
        labels = "; ".join(k.label for k in UnitKind)
        raise CellProblem(f"không có loại đơn vị “{clean_line(str(value))}”. Các loại: {labels}.")
    return kind


def _read_active(value: Any) -> bool | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    word = search_key(str(value))
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    raise CellProblem(f"“{value}” không rõ; hãy ghi “Có” hoặc “Không”.")
