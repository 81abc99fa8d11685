"""Activities (hoạt động) in and out of Excel: the list, the blank template units fill, the import.

The list and the template share one set of columns, so an exported file imports back (every row
then is a duplicate, and is skipped). The import is read and checked first into an
:class:`ActivityImportPreview` — rows to add, rows skipped as duplicates of an activity already
stored (or of an earlier row), rows refused with their row number and reason — which the clerk
looks at before confirming. Confirming runs one transaction; a file with any refused row saves
nothing (the plan asks for a row-level report, not half a list).

A date is an Excel date or text dd/mm/yyyy; the kind one of the labels of the drop-down list
(case and diacritics aside); the organising units the register's codes, separated by commas or
semicolons (none: the ward itself); the counts whole numbers ("1.234" as text is read too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, select

from desktop.changes import Operation
from desktop.excel.common import (
    ExcelInputError,
    new_workbook,
    open_workbook,
    save_atomically,
    write_table,
)
from desktop.indicators.scope import plan_years
from desktop.models import ActivityKind, Unit
from desktop.movement import activity_ops
from desktop.movement.activities import (
    GROUPS,
    ActivityData,
    ActivityError,
    activity_views,
    duplicate_key,
    joined,
    kind_by_label,
    problems_of,
    stored_keys,
    units_by_code,
)
from desktop.movement.activity_ops import IMPORT_REFUSED, Imported, ImportRow
from desktop.text import clean, clean_line, search_key, sort_key, wording

SHEET = "Hoạt động"
SHEET_CHOICES = "Danh mục"
MAX_ROWS = 20_000
TEMPLATE_ROWS = 1000
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    width: int


COLUMNS = (
    Column("held_on", "Ngày (dd/mm/yyyy)", 13),
    Column("kind", "Loại hoạt động", 24),
    Column("title", "Tên hoạt động", 48),
    Column("place", "Địa điểm", 28),
    Column("units", "Mã đơn vị tổ chức", 18),
    Column("participants", "Số người tham gia", 11),
    Column("officials", "Cán bộ, công chức, viên chức", 13),
    Column("students", "Học sinh", 10),
    Column("residents", "Người dân", 10),
    Column("workers", "Người lao động", 11),
    Column("note", "Ghi chú", 30),
)
COUNT_FIELDS = ("participants", *GROUPS)
COUNT_NAMES = {
    "participants": "số người tham gia",
    "officials": "số cán bộ, công chức, viên chức",
    "students": "số học sinh",
    "residents": "số người dân",
    "workers": "số người lao động",
}
GUIDE = (
    "Hướng dẫn: mỗi dòng một hoạt động. Bắt buộc: Ngày (dd/mm/yyyy), Loại hoạt động (chọn trong "
    "danh sách), Tên hoạt động. Mã đơn vị tổ chức: mã trong sổ đơn vị, nhiều đơn vị cách nhau "
    "bằng dấu phẩy; bỏ trống nếu UBND phường tổ chức. Các cột số ghi số nguyên; tổng các nhóm "
    "không vượt số người tham gia."
)
_SPLIT_CODES = re.compile(r"[,;\n]+")
_DATE_TEXT = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+$")


# -- out ---------------------------------------------------------------------------------------


def _header_row(sheet: Worksheet, rows: Sequence[Sequence[Any]]) -> int:
    return write_table(sheet, [c.header for c in COLUMNS], rows, widths=[c.width for c in COLUMNS])


def export_activities(session: Session, path: Path, year: int | None = None) -> int:
    """Write the activities (of a year, or all) by date to ``path``; returns how many."""
    views = sorted(activity_views(session, year=year), key=lambda v: (v.held_on, v.id))
    rows = [
        [
            v.held_on,
            v.kind.label,
            v.title,
            v.place,
            ", ".join(v.unit_codes),
            v.participants,
            v.officials,
            v.students,
            v.residents,
            v.workers,
            v.note,
        ]
        for v in views
    ]
    workbook, sheet = new_workbook(SHEET)
    last = _header_row(sheet, rows)
    _format(workbook, sheet, session, max(last, 2))
    save_atomically(workbook, path)
    return len(rows)


def write_template(session: Session, path: Path) -> None:
    """The blank list a unit fills: headers, the kinds' drop-down, whole-number checks, the
    register's codes and a line of guidance on the second sheet."""
    workbook, sheet = new_workbook(SHEET)
    _header_row(sheet, [])
    _format(workbook, sheet, session, TEMPLATE_ROWS + 1)
    save_atomically(workbook, path)


def _format(workbook: Workbook, sheet: Worksheet, session: Session, last_row: int) -> None:
    letters = {c.field: get_column_letter(n) for n, c in enumerate(COLUMNS, start=1)}
    # The columns carry the formats for the rows a unit types; the cells written carry their own.
    # (Formatting empty cells would make the sheet end at the last formatted row.)
    formats = {"held_on": DATE_FORMAT} | dict.fromkeys(COUNT_FIELDS, wording.EXCEL_COUNT)
    for name, number_format in formats.items():
        sheet.column_dimensions[letters[name]].number_format = number_format
        for row in range(2, sheet.max_row + 1):
            sheet[f"{letters[name]}{row}"].number_format = number_format
    choices = workbook.create_sheet(SHEET_CHOICES)
    choices["A1"], choices["B1"], choices["C1"] = "Loại hoạt động", "Mã đơn vị", "Tên đơn vị"
    choices["E1"] = GUIDE
    for row, kind in enumerate(ActivityKind, start=2):
        choices.cell(row=row, column=1, value=kind.label)
    units = sorted(session.exec(select(Unit)).all(), key=lambda u: sort_key(u.name))
    for row, unit in enumerate(units, start=2):
        choices.cell(row=row, column=2, value=unit.code)
        choices.cell(row=row, column=3, value=unit.name)
    for letter, width in (("A", 26), ("B", 14), ("C", 40), ("E", 60)):
        choices.column_dimensions[letter].width = width
    # The labels hold commas and quotes, which Excel's inline lists cannot: the list is a range.
    kinds = DataValidation(
        type="list", formula1=f"'{SHEET_CHOICES}'!$A$2:$A${len(ActivityKind) + 1}"
    )
    kinds.error = "Hãy chọn một loại hoạt động trong danh sách."
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
    counts.error = "Hãy ghi một số nguyên không âm."
    days = DataValidation(type="date", operator="greaterThan", formula1="1")
    days.error = "Hãy ghi ngày theo dạng dd/mm/yyyy."
    for rule in (kinds, counts, days):
        rule.errorTitle = "Giá trị không hợp lệ"
        rule.showErrorMessage = True
        rule.allow_blank = True
        sheet.add_data_validation(rule)
    kinds.add(f"{letters['kind']}2:{letters['kind']}{last_row}")
    days.add(f"{letters['held_on']}2:{letters['held_on']}{last_row}")
    counts.add(f"{letters['participants']}2:{letters['workers']}{last_row}")


# -- in ----------------------------------------------------------------------------------------

Status = Literal["new", "duplicate", "error"]
STATUS_LABELS = {"new": "Thêm mới", "duplicate": "Trùng, bỏ qua", "error": "Lỗi"}


@dataclass(frozen=True)
class PreviewRow:
    """One row of the file: what it will do, and why (the row number is the sheet's)."""

    row: int
    status: Status
    held_on: str  # as the preview shows it
    kind: str
    title: str
    units: str
    participants: str
    reason: str = ""
    data: ActivityData | None = None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class ActivityImportPreview:
    """What an import would do; nothing is written until :func:`import_operation` runs."""

    file_name: str
    rows: list[PreviewRow] = field(default_factory=list)

    def of(self, status: Status) -> list[PreviewRow]:
        return [r for r in self.rows if r.status == status]

    @property
    def errors(self) -> list[PreviewRow]:
        return self.of("error")

    @property
    def can_save(self) -> bool:
        return not self.errors and bool(self.of("new"))

    def problems(self) -> list[str]:
        return [f"Dòng {r.row}: {r.reason}" for r in self.errors]

    def summary(self) -> str:
        new, same, bad = (len(self.of(s)) for s in ("new", "duplicate", "error"))
        text = (
            f"Tệp “{self.file_name}”: {wording.count(len(self.rows))} dòng — "
            f"{wording.count(new)} hoạt động mới, {wording.count(same)} trùng với hoạt động đã "
            f"có (bỏ qua), {wording.count(bad)} dòng lỗi."
        )
        if bad:
            text += " Có dòng lỗi nên chưa lưu được gì: hãy sửa tệp rồi nhập lại."
        return text


def read_activities(session: Session, path: Path) -> ActivityImportPreview:
    """Parse and check every row of the file (nothing is written); see the module's docstring."""
    path = Path(path)
    workbook = open_workbook(path, data_only=True, max_rows=MAX_ROWS)
    sheet = workbook[SHEET] if SHEET in workbook.sheetnames else workbook.worksheets[0]
    columns = _columns_of(sheet, path.name)
    codes = units_by_code(session)
    years = plan_years(session)
    known = {unit_id for unit_id, _ in codes.values()}
    seen = {key: 0 for key in stored_keys(session)}  # key → the row that holds it (0: stored)
    preview = ActivityImportPreview(path.name)
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = {name: values[i] if i < len(values) else None for name, i in columns.items()}
        if all(_blank(v) for v in cells.values()):
            continue
        preview.rows.append(_row(number, cells, codes, years, known, seen))
    workbook.close()
    if not preview.rows:
        raise ExcelInputError(f"Tệp “{path.name}” không có dòng hoạt động nào dưới dòng tiêu đề.")
    return preview


def _columns_of(sheet: Worksheet, name: str) -> dict[str, int]:
    wanted = {search_key(c.header): c.field for c in COLUMNS}
    wanted[search_key("Ngày")] = "held_on"
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    found = {}
    for index, text in enumerate(header):
        key = search_key(str(text)) if text is not None else ""
        if key in wanted and wanted[key] not in found:
            found[wanted[key]] = index
    missing = [
        c.header for c in COLUMNS if c.field in ("held_on", "title") and c.field not in found
    ]
    if missing:
        raise ExcelInputError(
            f"Tệp “{name}” không có cột " + ", ".join(f"“{m}”" for m in missing) + " ở dòng 1. "
            "Hãy dùng mẫu danh sách hoạt động (Xuất Excel → Mẫu trống)."
        )
    return found


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _row(
    number: int,
    cells: dict[str, Any],
    codes: dict[str, tuple[int, str]],
    years: range,
    known: set[int],
    seen: dict[tuple[date, str, frozenset[int]], int],
) -> PreviewRow:
    problems: list[str] = []
    held_on = _date(cells.get("held_on"), problems)
    kind = _kind(cells.get("kind"), problems)
    unit_ids = _units(cells.get("units"), codes, problems)
    counts = {name: _count(cells.get(name), COUNT_NAMES[name], problems) for name in COUNT_FIELDS}
    names = [codes[search_key(c)][1] for c in _codes(cells.get("units")) if search_key(c) in codes]
    shown = (  # held_on, kind, title, units, participants: as the preview shows them
        wording.short_date(held_on) or _text(cells.get("held_on")),
        kind.label if kind else _text(cells.get("kind")),
        clean_line(_text(cells.get("title"))),
        "; ".join(names),
        wording.count(counts["participants"], ""),
    )
    data = None
    if held_on is not None and kind is not None:
        data = ActivityData(
            held_on=held_on,
            title=_text(cells.get("title")),
            kind=kind,
            place=_text(cells.get("place")),
            unit_ids=unit_ids,
            note=_text(cells.get("note")),
            **counts,
        ).cleaned()
        problems.extend(problems_of(data, years, known))
    elif not clean_line(_text(cells.get("title"))):
        problems.append("thiếu tên hoạt động.")
    if problems or data is None:
        return PreviewRow(number, "error", *shown, reason=joined(problems))
    key = duplicate_key(data)
    if key in seen:
        where = "một hoạt động đã có" if seen[key] == 0 else f"dòng {seen[key]}"
        reason = f"Trùng {where} (cùng ngày, tên và đơn vị tổ chức)."
        return PreviewRow(number, "duplicate", *shown, reason=reason, data=data)
    seen[key] = number
    return PreviewRow(number, "new", *shown, data=data)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return wording.short_date(value if isinstance(value, date) else value.date())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean(str(value))


def _date(value: object, problems: list[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if _blank(value):
        problems.append("thiếu ngày tổ chức.")
        return None
    if isinstance(value, int | float) and 20_000 < value < 80_000:  # an Excel serial day
        serial = from_excel(value)
        return serial.date() if isinstance(serial, datetime) else None
    text = _text(value)
    match = _DATE_TEXT.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            pass
    problems.append(f"ngày “{text}” không hợp lệ (ghi theo dd/mm/yyyy).")
    return None


def _kind(value: object, problems: list[str]) -> ActivityKind | None:
    if _blank(value):
        problems.append("chưa chọn loại hoạt động.")
        return None
    kind = kind_by_label(_text(value))
    if kind is None:
        problems.append(f"loại hoạt động “{_text(value)}” không có trong danh sách.")
    return kind


def _codes(value: object) -> list[str]:
    return [c.strip() for c in _SPLIT_CODES.split(_text(value)) if c.strip()]


def _units(
    value: object, codes: dict[str, tuple[int, str]], problems: list[str]
) -> tuple[int, ...]:
    ids = []
    for code in _codes(value):
        found = codes.get(search_key(code))
        if found is None:
            problems.append(f"không có đơn vị mã “{code}” trong sổ đơn vị.")
        else:
            ids.append(found[0])
    return tuple(ids)


def _count(value: object, name: str, problems: list[str]) -> int | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        problems.append(f"{name} “{value}” không phải số nguyên.")
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value).replace(" ", "")
    if text.isdigit() or (text.startswith("-") and text[1:].isdigit()):
        return int(text)
    if _GROUPED.match(text):
        return int(text.replace(".", ""))
    problems.append(f"{name} “{_text(value)}” không phải số nguyên.")
    return None


def import_operation(preview: ActivityImportPreview) -> Operation[Imported]:
    """What the clerk confirms: refused as a whole while any row is; otherwise the new rows in
    one transaction (checked again there: the register may have changed since the preview)."""
    if preview.errors:
        raise ActivityError(IMPORT_REFUSED.format(n=len(preview.errors)), preview.problems())
    rows = [ImportRow(r.row, r.data) for r in preview.of("new") if r.data is not None]
    label = f"nhập {wording.count(len(rows))} hoạt động từ “{preview.file_name}”"
    return activity_ops.import_activities(rows, label)
