"""What every Excel file of the app shares: safe opening, safe cells, a tidy table layout.

Opening refuses, with a Vietnamese message and without touching anything, the files a clerk really
meets: a .xls or a Word file renamed, a password-protected workbook (an encrypted OLE container), a
file another program holds open, an empty workbook. It also refuses, before openpyxl parses a byte
of XML, a workbook too big to read safely (:func:`check_workbook_size`): a file over 50 MB, a package
whose parts would expand beyond set limits or at a ratio no spreadsheet has (a "zip bomb": 1,5 MB
that becomes 1,5 GB), and a sheet whose declared or counted rows exceed the caller's limit (a
1,000,000-row roster took 57 s and 2,3 GB before being refused; now its ``<dimension>`` refuses it
in milliseconds), and sheets whose cells together exceed :data:`MAX_CELLS` however each is packed
(forty 1 MB sheets in a 143 KB file took 34 s and 920 MB).
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.workbook import Workbook as WorkbookType
from openpyxl.worksheet.worksheet import Worksheet

from desktop.errors import Refusal
from desktop.text import saving, wording

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FONT = Font(bold=True)

MB = 1024 * 1024
# Limits on what the clerk may give to read. A ward's roster or a form is well under 1 MB; the
# largest real workbooks (a district's whole roster) stay below a few MB.
MAX_FILE_BYTES = 50 * MB
MAX_MEMBER_BYTES = 100 * MB
MAX_EXPANDED_BYTES = 200 * MB
MAX_RATIO = 100  # deflate of real sheet XML stays well under 20:1
RATIO_FLOOR = 1 * MB  # small parts may compress far better (empty styles, repeated tags)
MAX_MEMBERS = 10_000
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
# Cells of all sheets together: openpyxl holds about 350 bytes a cell (1,3 million cells: 515 MB),
# so the largest real roster, 100,000 rows of 15 columns, is some 550 MB and 12 s.
MAX_CELLS = 1_500_000
# How much of a sheet's XML is read to find its <dimension>: it comes right after <sheetPr>.
DIMENSION_HEAD = 64 * 1024
# A sheet part over this size has its <row> elements counted too (a writer may omit <dimension>
# or state a false one); counting streams the part through zlib and stops past the limit.
COUNT_ROWS_OVER = 4 * MB
NOTHING_CHANGED = "Chưa có gì thay đổi."

_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']*)[\"']")
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,8})")
_ROW_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row[\s>/]")
_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s>/]")
_STRING_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE = re.compile(rb"([\w:]+)\s*=\s*[\"']([^\"']*)[\"']")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>")


class ExcelInputError(Refusal, ValueError):
    """A workbook that cannot be read as asked; ``str(error)`` is the clerk's message."""


def open_workbook(
    path: Path, *, data_only: bool = False, read_only: bool = False, max_rows: int = MAX_ROWS
) -> WorkbookType:
    """Open an .xlsx for reading, or raise :class:`ExcelInputError` saying what is wrong.

    ``max_rows`` is the most rows any sheet may have (a caller that knows its files are smaller,
    such as a one-unit form, passes a tighter limit)."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ExcelInputError(f"Không tìm thấy tệp “{name}”.")
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except PermissionError:
        raise ExcelInputError(
            f"Tệp “{name}” đang được một chương trình khác mở hoặc khóa. Hãy đóng tệp trong Excel "
            "rồi thử lại."
        ) from None
    except OSError:
        raise ExcelInputError(
            f"Không đọc được tệp “{name}”: lỗi đọc ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hay đã bị "
            "rút ra). Hãy chép tệp vào máy rồi thử lại."
        ) from None
    if head == OLE_SIGNATURE:
        raise ExcelInputError(
            f"Tệp “{name}” có mật khẩu bảo vệ hoặc là tệp Excel đời cũ (.xls). Hãy bỏ mật khẩu "
            "hoặc lưu lại dưới dạng “Excel Workbook (*.xlsx)” rồi thử lại."
        )
    if not zipfile.is_zipfile(path):
        raise ExcelInputError(
            f"Tệp “{name}” không phải là tệp Excel .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng "
            "“Excel Workbook (*.xlsx)”."
        )
    check_workbook_size(path, max_rows=max_rows)
    try:
        workbook = load_workbook(path, data_only=data_only, read_only=read_only)
    except PermissionError:
        raise ExcelInputError(
            f"Tệp “{name}” đang được một chương trình khác mở hoặc khóa. Hãy đóng tệp rồi thử lại."
        ) from None
    except Exception as error:  # openpyxl raises many kinds for a broken package
        raise ExcelInputError(
            f"Tệp “{name}” bị hỏng hoặc không đúng định dạng .xlsx ({error})."
        ) from None
    if not workbook.worksheets:
        raise ExcelInputError(f"Tệp “{name}” không có trang tính nào.")
    return workbook


class WorkbookTooBig(ExcelInputError):
    """A workbook refused before parsing: it, or what it expands to, is over a set limit."""


@dataclass(frozen=True)
class SheetPart:
    """One worksheet of the package: its zip member and the name the clerk gave it."""

    member: zipfile.ZipInfo
    title: str


def _too_big(name: str, what: str) -> WorkbookTooBig:
    return WorkbookTooBig(
        f"Tệp “{name}” {what}, quá lớn để đọc an toàn. Hãy kiểm tra đúng tệp, xóa các dòng, cột "
        f"hoặc trang tính thừa rồi lưu lại. {NOTHING_CHANGED}"
    )


def check_workbook_size(path: Path, *, max_rows: int = MAX_ROWS) -> None:
    """Refuse, from the zip directory and a few KB of each sheet, a workbook too big to parse.

    Nothing here decompresses more than :data:`DIMENSION_HEAD` bytes of a part unless the sheets
    are large together and their rows and cells must be counted; ``zipfile`` never yields more
    than a member's declared size, so the declared sizes checked first bound everything read after.
    """
    path = Path(path)
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_big(
            name, f"nặng {wording.size(size)}, quá giới hạn {wording.size(MAX_FILE_BYTES)}"
        )
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_MEMBERS:
                raise _too_big(name, f"gồm {wording.count(len(members))} phần")
            if any(
                m.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for m in members
            ):
                # Excel writes only these; the others (bzip2, lzma) decompress without an output bound.
                raise ExcelInputError(
                    f"Tệp “{name}” được nén theo cách Excel không dùng. Hãy mở bằng Excel và lưu "
                    f"lại dưới dạng “Excel Workbook (*.xlsx)”. {NOTHING_CHANGED}"
                )
            sheets = _sheet_parts(package)
            for sheet in sheets:
                _check_dimension(package, sheet, name, max_rows)
            _check_expansion(members, name)
            # Counted over all sheets together: 20 parts of 1 MB each (under the ratio floor, a
            # 74 KB file) took 10 s and 515 MB; the whole limit, 200 of them, would take gigabytes.
            if sum(sheet.member.file_size for sheet in sheets) > COUNT_ROWS_OVER:
                cells = 0
                for sheet in sheets:
                    cells = _check_row_count(package, sheet, name, max_rows, cells)
            _check_shared_strings(package, name)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        zlib.error,
    ) as error:
        raise ExcelInputError(
            f"Tệp “{name}” bị hỏng hoặc không đúng định dạng .xlsx ({error}). {NOTHING_CHANGED}"
        ) from None


def _check_expansion(members: list[zipfile.ZipInfo], name: str) -> None:
    total = 0
    for member in members:
        expanded = member.file_size
        total += expanded
        if expanded > MAX_MEMBER_BYTES:
            raise _too_big(
                name,
                f"có một phần bung ra {wording.size(expanded)}, quá giới hạn "
                f"{wording.size(MAX_MEMBER_BYTES)}",
            )
        if expanded > RATIO_FLOOR and expanded > MAX_RATIO * max(member.compress_size, 1):
            ratio = expanded // max(member.compress_size, 1)
            raise _too_big(
                name,
                f"có một phần nén {wording.size(member.compress_size)} bung ra "
                f"{wording.size(expanded)} (gấp {wording.count(ratio)} lần, bảng tính thật "
                f"không quá {MAX_RATIO} lần)",
            )
    if total > MAX_EXPANDED_BYTES:
        raise _too_big(
            name,
            f"bung ra {wording.size(total)} khi đọc, quá giới hạn {wording.size(MAX_EXPANDED_BYTES)}",
        )


def _sheet_parts(package: zipfile.ZipFile) -> list[SheetPart]:
    """The worksheets, named as the workbook names them (by its small workbook.xml and rels);
    a part not listed there is still checked, under its file name."""
    members = {m.filename: m for m in package.infolist()}
    titles: dict[str, str] = {}
    workbook, rels = members.get("xl/workbook.xml"), members.get("xl/_rels/workbook.xml.rels")
    if workbook and rels and workbook.file_size < 4 * MB and rels.file_size < 4 * MB:
        targets = {}
        for tag in _RELATIONSHIP.findall(package.read(rels)):
            attributes = dict(_ATTRIBUTE.findall(tag))
            target = attributes.get(b"Target", b"").decode("utf-8", "replace").lstrip("/")
            if target and not target.startswith("xl/"):
                target = "xl/" + target
            targets[attributes.get(b"Id", b"")] = target
        for tag in _SHEET.findall(package.read(workbook)):
            attributes = {k.split(b":")[-1]: v for k, v in _ATTRIBUTE.findall(tag)}
            target = targets.get(attributes.get(b"id", b""), "")
            titles[target] = attributes.get(b"name", b"").decode("utf-8", "replace")
    return [
        SheetPart(member, titles.get(member.filename) or member.filename.rsplit("/", 1)[-1])
        for member in members.values()
        if re.fullmatch(r"xl/worksheets/[^/]+\.xml", member.filename)
    ]


def _sheet_too_long(
    name: str, sheet: SheetPart, rows: int, max_rows: int, *, counted: bool = False
) -> WorkbookTooBig:
    # Counting stops past the limit, so a counted sheet has "more than" the limit, not a total.
    how_many = f"hơn {wording.count(max_rows)}" if counted else wording.count(rows)
    return WorkbookTooBig(
        f"Trang tính “{sheet.title}” của tệp “{name}” có {how_many} dòng, quá giới hạn "
        f"{wording.count(max_rows)} dòng. Hãy kiểm tra đúng tệp, xóa các dòng thừa (kể cả dòng "
        f"trống đã định dạng ở cuối trang) rồi lưu lại. {NOTHING_CHANGED}"
    )


def _check_dimension(package: zipfile.ZipFile, sheet: SheetPart, name: str, max_rows: int) -> None:
    with package.open(sheet.member) as handle:
        head = handle.read(DIMENSION_HEAD)
    found = _DIMENSION.search(head)
    if found is None:
        return
    rows = columns = 0
    for letters, digits in _CELL.findall(found.group(1).decode("ascii", "replace")):
        rows = max(rows, int(digits))
        columns = max(columns, column_index_from_string(letters.upper()))
    if rows > max_rows:
        raise _sheet_too_long(name, sheet, rows, max_rows)
    if columns > MAX_COLUMNS:
        raise WorkbookTooBig(
            f"Trang tính “{sheet.title}” của tệp “{name}” có {wording.count(columns)} cột, quá "
            f"giới hạn {wording.count(MAX_COLUMNS)} cột. Hãy xóa các cột thừa rồi lưu lại. "
            f"{NOTHING_CHANGED}"
        )


def _check_row_count(
    package: zipfile.ZipFile, sheet: SheetPart, name: str, max_rows: int, cells: int = 0
) -> int:
    """Count ``<row>`` and ``<c>`` elements as the part streams by (a missing or false
    ``<dimension>``); returns ``cells`` plus this sheet's cells, refused past :data:`MAX_CELLS`."""
    rows = 0
    tail = b""
    with package.open(sheet.member) as handle:
        while chunk := handle.read(MB):
            window = tail + chunk
            rows += len(_ROW_TAG.findall(window))
            cells += len(_CELL_TAG.findall(window))
            # Keep an unfinished tag for the next chunk; a finished one must not count twice.
            cut = window.rfind(b"<", max(0, len(window) - 64))
            unfinished = cut >= 0 and not _ROW_TAG.match(window, cut)
            tail = window[cut:] if unfinished and not _CELL_TAG.match(window, cut) else b""
            if rows > max_rows:
                raise _sheet_too_long(name, sheet, rows, max_rows, counted=True)
            if cells > MAX_CELLS:
                raise _too_big(name, f"có hơn {wording.count(MAX_CELLS)} ô")
    return cells


def _check_shared_strings(package: zipfile.ZipFile, name: str) -> None:
    """openpyxl reads every shared string into memory before the first row: a workbook never has
    more distinct texts than cells, so more than :data:`MAX_CELLS` of them is refused unread."""
    try:
        member = package.getinfo("xl/sharedStrings.xml")
    except KeyError:
        return
    if member.file_size <= COUNT_ROWS_OVER:
        return
    strings = 0
    tail = b""
    with package.open(member) as handle:
        while chunk := handle.read(MB):
            window = tail + chunk
            strings += len(_STRING_TAG.findall(window))
            # An unfinished tag waits for the next chunk; a finished one must not count twice.
            cut = window.rfind(b"<", max(0, len(window) - 64))
            unfinished = cut >= 0 and not _STRING_TAG.match(window, cut)
            tail = window[cut:] if unfinished else b""
            if strings > MAX_CELLS:
                raise _too_big(name, f"có hơn {wording.count(MAX_CELLS)} đoạn chữ khác nhau")


def set_safe_value(cell: Cell, value: Any) -> None:
    """Put a value in a cell so that text is always text.

    openpyxl writes a string starting with "=" as a formula; text from the clerk or from an imported
    file that starts with =, +, -, @ is stored as a string cell with Excel's quote prefix instead,
    so opening the file never runs it.
    """
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


def write_table(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    widths: Sequence[int] | None = None,
    start_row: int = 1,
) -> int:
    """Write a header row in bold, frozen, with an auto-filter, then the rows; returns the last row."""
    for column, header in enumerate(headers, start=1):
        cell = sheet.cell(row=start_row, column=column, value=header)
        cell.font = HEADER_FONT
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    last = start_row
    for last, row in enumerate(rows, start=start_row + 1):
        for column, value in enumerate(row, start=1):
            set_safe_value(sheet.cell(row=last, column=column), value)
    sheet.freeze_panes = sheet.cell(row=start_row + 1, column=1)
    sheet.auto_filter.ref = f"A{start_row}:{get_column_letter(len(headers))}{max(last, start_row)}"
    for column, header in enumerate(headers, start=1):
        width = widths[column - 1] if widths else max(10, min(50, len(header) + 4))
        sheet.column_dimensions[get_column_letter(column)].width = width
    return last


def new_workbook(title: str) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    return workbook, sheet


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Write beside the target and rename, so a crash never leaves half a workbook under its name."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    # Built in memory first: openpyxl's own ZipFile on the file is not closed when a write fails
    # (a full disk), so its destructor failed again later and printed a traceback after the
    # message, and on Windows kept the .part open so it could not be removed. The file is ours.
    content = io.BytesIO()
    workbook.save(content)
    try:
        with temporary.open("wb") as handle:
            handle.write(content.getbuffer())
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except PermissionError:
        temporary.unlink(missing_ok=True)
        raise ExcelInputError(
            f"Không ghi được “{path.name}”: tệp đang mở trong chương trình khác hoặc thư mục chỉ đọc."
        ) from None
    except OSError as error:
        temporary.unlink(missing_ok=True)
        known = saving.known_failure(path, error)
        if known is not None:
            raise ExcelInputError(known) from None
        # The system's own words are English; the clerk reads what the failure may mean.
        raise ExcelInputError(
            f"Không ghi được “{path.name}”: lỗi đọc ghi ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hay "
            "đã bị rút ra). Hãy thử lại hoặc chọn ổ khác."
        ) from None
