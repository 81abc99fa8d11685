"""Reading back the collection workbooks (biểu mẫu đã điền): preview first, then save each file whole.

A file is refused, with the reason, when it is not one of our forms; when its hidden record is
malformed (checked field by field against :data:`RECORD_FIELDS`), has no MAC (a form made before
forms were signed), belongs to another database, or does not match its MAC (the record was
edited); when it belongs to another quarter or unit, had its protected cells changed, or had rows
removed, added or reordered; when an input cell holds a formula; and when any of its values
breaks a rule of the year (its scope, a unit's reporting period, a yes/no indicator holding only
"Có" or "Chưa"). A refusal concerns its file alone: the others of the batch are read and saved.

What a returned form changes (blank never erases):

* a blank input cell over a stored value leaves the value as it is — unless the clerk chose
  "xóa các ô để trống" (``clear_blank``);
* a cell returned exactly as the form was sent, over a value saved since, leaves the saved value:
  the unit did not touch it, the clerk's figure is newer;
* a row whose result equals what is stored is no change at all: an untouched form changes nothing.

:func:`desktop.indicators.returned.save_returned` then saves each accepted file whole or not at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session, select

from desktop.excel.common import ExcelInputError, open_workbook
from desktop.excel.values_forms import (
    CHECK_SHEET,
    DENOMINATOR_COL,
    FIRST_ROW,
    FORM_KIND,
    FORM_VERSION,
    MAC_KEY,
    META_COL,
    META_LABELS,
    META_ROWS,
    NOTE_COL,
    NUMERATOR_COL,
    ROW_COLUMNS,
    ROW_HEADINGS,
    SHEET,
    mac_payload,
)
from desktop.indicators.rules import (
    EMPTY,
    Pair,
    ValueRefused,
    parse_count,
    parse_yes_no,
    yes_no_error,
)
from desktop.indicators.values import (
    GridIndicator,
    Key,
    ValueChange,
    check_values,
    grid_indicators,
    grid_values,
    open_for_changes,
)
from desktop.models import Unit
from desktop.models.ids import IndicatorId, UnitId
from desktop.settings import load_settings
from desktop.storage.identity import DatabaseIdentity, database_identity
from desktop.text import clean_line, wording

Report = Callable[[int, int, str], None]
NEW_FORM = "Hãy tạo biểu mẫu mới (nút “Biểu mẫu thu thập”) gửi đơn vị điền lại."
NOT_IMPORTED = "tệp không được nhập"
SQLITE_INT_LIMIT = 2**63


@dataclass
class FileResult:
    """What one returned workbook would change, or why it is refused.

    ``kept_blank`` counts the blank input cells over stored values that the import leaves as they
    are (``cleared``: that it clears, with "xóa các ô để trống"); ``kept_untouched`` the cells
    returned as sent over a value saved since. ``clearing`` is the same file read with "xóa các ô
    để trống", when that would change something more (the preview offers the choice).
    """

    path: Path
    unit_code: str = ""
    unit_name: str = ""
    unit_id: UnitId | None = None
    changes: list[ValueChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    saved: bool = False
    kept_blank: int = 0
    cleared: int = 0
    kept_untouched: int = 0
    clearing: FileResult | None = None

    @property
    def ok(self) -> bool:
        return not self.errors


class FormRefused(ValueRefused):
    pass


@dataclass(frozen=True)
class FormRecord:
    """The hidden record of a form, once its every field has the type it must have."""

    database_id: str
    ward_name: str
    unit_id: int
    unit_code: str
    unit_name: str
    year: int
    quarter: int
    rows: list[list[Any]]
    inputs: list[list[Any]]
    mac: str
    raw: dict[str, Any]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_id(value: object) -> bool:
    # A row id SQLite can hold: a larger integer would raise OverflowError in the query, not
    # refuse the file.
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < SQLITE_INT_LIMIT


def _is_mac(value: object) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9a-f]{64}", value) is not None


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_list(value: object) -> bool:
    return isinstance(value, list)


# Field → (its name for the clerk, the check of its type, the type's name for the clerk).
RECORD_FIELDS: dict[str, tuple[str, Callable[[object], bool], str]] = {
    "version": ("phiên bản", _is_int, "số nguyên"),
    "database_id": ("mã cơ sở dữ liệu", _is_text, "chữ"),
    "ward_name": ("tên phường", _is_text, "chữ"),
    "unit_id": ("mã số đơn vị", _is_id, "số nguyên dương"),
    "unit_code": ("mã đơn vị", _is_text, "chữ"),
    "unit_name": ("tên đơn vị", _is_text, "chữ"),
    "year": ("năm", _is_int, "số nguyên"),
    "quarter": ("quý", _is_int, "số nguyên"),
    "rows": ("các dòng chỉ tiêu", _is_list, "danh sách"),
    "inputs": ("các ô nhập", _is_list, "danh sách"),
    MAC_KEY: ("mã xác thực", _is_mac, "mã hợp lệ"),
}
# A row's protected cells: Mã chỉ tiêu, Chỉ tiêu, Tử số là, Mẫu số là (text), Mẫu số quý trước.
ROW_TYPES: tuple[Callable[[object], bool], ...] = (
    _is_text,
    _is_text,
    _is_text,
    _is_text,
    lambda v: v is None or _is_int(v),
)


def _input_value(value: object) -> bool:
    return value is None or _is_int(value) or _is_text(value)


def read_returned(
    session: Session,
    paths: Sequence[Path],
    year: int,
    quarter: int,
    *,
    unit_id: UnitId | None = None,
    report: Report | None = None,
    clear_blank: bool = False,
) -> list[FileResult]:
    """Preview: read and check every file without saving anything.

    ``clear_blank``: blank input cells clear the stored values ("xóa các ô để trống"). Without
    it, a file that keeps blank cells carries in ``clearing`` what it would be with it.
    """
    results: list[FileResult] = []
    seen: dict[UnitId, Path] = {}
    for n, path in enumerate(paths):
        if report:
            report(n, len(paths), Path(path).name)
        result = FileResult(Path(path))
        try:
            _read(session, result, year, quarter, unit_id, clear_blank)
        except (ExcelInputError, FormRefused) as error:
            result.errors.insert(0, str(error))
            result.clearing = None
        if result.unit_id is not None and result.ok:
            if result.unit_id in seen:
                result.errors.append(
                    f"Trùng đơn vị với tệp “{seen[result.unit_id].name}”; chỉ nhập một tệp cho mỗi đơn vị."
                )
                result.clearing = None
            else:
                seen[result.unit_id] = result.path
        results.append(result)
    return results


def chosen(results: Sequence[FileResult], clear_blank: bool) -> list[FileResult]:
    """The results to save: as read, or each with its "xóa các ô để trống" reading."""
    if not clear_blank:
        return list(results)
    return [r.clearing if r.clearing is not None else r for r in results]


def _read(
    session: Session,
    result: FileResult,
    year: int,
    quarter: int,
    unit_id: UnitId | None,
    clear_blank: bool,
) -> None:
    # Formulas as written, not their cached values: a formula cell is refused, never read.
    workbook = open_workbook(result.path, data_only=False)
    name = result.path.name
    if CHECK_SHEET not in workbook.sheetnames or SHEET not in workbook.sheetnames:
        raise FormRefused(f"Tệp “{name}” không phải là biểu mẫu số liệu quý do ThiĐua tạo ra.")
    record = _record(workbook[CHECK_SHEET], name)
    _check_origin(session, record, name)
    if (record.year, record.quarter) != (year, quarter):
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu quý {record.quarter}/{record.year}, không phải quý {quarter}/{year}."
        )
    try:
        # A locked quarter refuses even a form that would change nothing: the clerk must know
        # that the unit's figures can no longer go in.
        open_for_changes(session, year, quarter)
    except ValueRefused as error:
        raise FormRefused(f"Tệp “{name}”: {error}") from None
    # The unit is the one the signed record names by id: a code shared with another ward's unit,
    # or a code typed over, never leads to another unit.
    unit = session.get(Unit, record.unit_id)
    if unit is None or not unit.active:
        raise FormRefused(
            f"Tệp “{name}”: đơn vị mã {record.unit_code} không có hoặc đã ngừng hoạt động."
        )
    found = UnitId(record.unit_id)
    result.unit_code, result.unit_name, result.unit_id = unit.code, unit.name, found
    if unit_id is not None and found != unit_id:
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu của {unit.name}, không phải của đơn vị đang nhập."
        )
    sheet = workbook[SHEET]
    _check_meta(sheet, record, name)
    codes = _check_rows(sheet, record, name)
    rows = _form_rows(session, sheet, record, codes, result)
    if result.errors:
        return
    _evaluate(session, result, year, quarter, rows, clear_blank)
    if not clear_blank and result.ok and result.kept_blank:
        clearing = replace(result, changes=[], errors=[], warnings=[], kept_blank=0)
        _evaluate(session, clearing, year, quarter, rows, clear_blank=True)
        result.clearing = clearing


def _record(sheet: Worksheet, name: str) -> FormRecord:
    text = "".join(
        str(row[0] or "") for row in sheet.iter_rows(min_col=1, max_col=1, values_only=True)
    )
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        raise FormRefused(
            f"Tệp “{name}”: phần kiểm tra của biểu mẫu bị hỏng; {NOT_IMPORTED}. {NEW_FORM}"
        ) from None
    if not isinstance(raw, dict) or raw.get("kind") != FORM_KIND:
        raise FormRefused(f"Tệp “{name}” không phải là biểu mẫu số liệu quý do ThiĐua tạo ra.")
    if MAC_KEY not in raw and raw.get("version", 1) in (1, None):
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu tạo bằng phiên bản ThiĐua cũ, chưa có mã xác thực nên không "
            f"kiểm tra được nguồn gốc; {NOT_IMPORTED}. {NEW_FORM}"
        )
    problems = _record_problems(raw)
    if problems:
        raise FormRefused(
            f"Tệp “{name}”: phần kiểm tra của biểu mẫu không hợp lệ ({'; '.join(problems)}); "
            f"{NOT_IMPORTED}. {NEW_FORM}"
        )
    if raw["version"] != FORM_VERSION:
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu phiên bản {raw['version']}, phần mềm này đọc phiên bản "
            f"{FORM_VERSION}; {NOT_IMPORTED}. {NEW_FORM}"
        )
    return FormRecord(
        raw["database_id"],
        raw["ward_name"],
        raw["unit_id"],
        raw["unit_code"],
        raw["unit_name"],
        raw["year"],
        raw["quarter"],
        raw["rows"],
        raw["inputs"],
        raw[MAC_KEY],
        raw,
    )


def _record_problems(raw: dict[str, Any]) -> list[str]:
    """Every field of the record that is missing or of the wrong type, in the clerk's words."""
    problems = []
    for key, (label, check, kind) in RECORD_FIELDS.items():
        if key not in raw:
            problems.append(f"thiếu {label}")
        elif not check(raw[key]):
            problems.append(f"{label} không phải là {kind}")
    if problems:
        return problems
    if not 1 <= raw["quarter"] <= 4:
        problems.append("quý không nằm trong 1–4")
    rows, inputs = raw["rows"], raw["inputs"]
    for n, row in enumerate(rows, start=1):
        if not (
            isinstance(row, list)
            and len(row) == len(ROW_TYPES)
            and all(check(v) for check, v in zip(ROW_TYPES, row, strict=True))
        ):
            problems.append(f"dòng chỉ tiêu thứ {n} không đúng dạng")
            break
    for n, cells in enumerate(inputs, start=1):
        if not (isinstance(cells, list) and len(cells) == 3 and all(map(_input_value, cells))):
            problems.append(f"ô nhập của dòng thứ {n} không đúng dạng")
            break
    if len(inputs) != len(rows):
        problems.append("số dòng ô nhập khác số dòng chỉ tiêu")
    return problems


def _check_origin(session: Session, record: FormRecord, name: str) -> None:
    """The form was made by this database and its record is as it was made."""
    identity = database_identity(session)
    if record.database_id != identity.database_id:
        ward = clean_line(record.ward_name)[:80] or "không rõ tên"
        raise FormRefused(
            f"Tệp “{name}” là biểu mẫu của cơ sở dữ liệu khác (phường {ward}), không phải do "
            f"phần mềm này tạo ra; {NOT_IMPORTED}. Hãy nhập tệp ở máy đã tạo biểu mẫu, hoặc "
            f"{NEW_FORM[0].lower()}{NEW_FORM[1:]}"
        )
    if not identity.verify(mac_payload(record.raw), record.mac):
        raise FormRefused(
            f"Tệp “{name}”: phần kiểm tra ẩn của biểu mẫu đã bị sửa "
            f"({_what_changed(session, record, identity)}) nên không khớp mã xác thực; "
            f"{NOT_IMPORTED}. "
            f"Hãy dùng lại biểu mẫu gốc, hoặc {NEW_FORM[0].lower()}{NEW_FORM[1:]}"
        )


def _what_changed(session: Session, record: FormRecord, identity: DatabaseIdentity) -> str:
    """Which part of an edited record no longer agrees with the database, as far as it can tell."""
    original = _signed_original(session, record, identity)
    if original:
        return original
    unit = session.get(Unit, record.unit_id)
    changed = []
    if unit is None:
        changed.append("mã số đơn vị")
    else:
        if clean_line(record.unit_code) != clean_line(unit.code):
            changed.append("mã đơn vị")
        if clean_line(record.unit_name) != clean_line(unit.name):
            changed.append("tên đơn vị")
    if clean_line(record.ward_name) != clean_line(load_settings(session).ward_name):
        changed.append("tên phường")
    return ", ".join(changed) if changed else "năm, quý, các dòng chỉ tiêu hoặc ô nhập"


def _signed_original(session: Session, record: FormRecord, identity: DatabaseIdentity) -> str:
    """What the record was signed with, when its unit or its quarter alone was changed: the MAC
    is tried with each unit of the database, and each quarter of the plan, in place of the
    record's own. A unit and its hidden record both moved to another unit of the ward agree
    with the database in every field; only the MAC still knows the unit the form was sent to."""
    raw = record.raw
    for unit in session.exec(select(Unit)):
        assert unit.id is not None
        for fields in (
            {"unit_id": unit.id},  # the id alone typed over
            {"unit_id": unit.id, "unit_code": unit.code, "unit_name": unit.name},
        ):
            if identity.verify(mac_payload({**raw, **fields}), record.mac):
                return (
                    f"đơn vị: biểu mẫu gửi cho {unit.code} — {unit.name} đã bị đổi thành "
                    f"{_unit_now(session, record, len(fields) == 1)}"
                )
    settings = load_settings(session)
    for year in range(settings.plan_first_year, settings.plan_last_year + 1):
        for quarter in range(1, 5):
            if identity.verify(mac_payload({**raw, "year": year, "quarter": quarter}), record.mac):
                return (
                    f"năm, quý: biểu mẫu quý {quarter}/{year} đã bị đổi thành quý "
                    f"{record.quarter}/{record.year}"
                )
    return ""


def _unit_now(session: Session, record: FormRecord, id_alone: bool) -> str:
    """The unit an edited record now names: the one its id points at when the id alone was
    typed over, else the code and name typed into it (cut short: they are the editor's)."""
    if id_alone:
        unit = session.get(Unit, record.unit_id)
        return f"{unit.code} — {unit.name}" if unit is not None else "một đơn vị không có trong sổ"
    return f"{clean_line(record.unit_code)[:40]} — {clean_line(record.unit_name)[:80]}"


def _same(cell_value: object, expected: object) -> bool:
    if cell_value is None or expected is None:
        return _blank(cell_value) and _blank(expected)
    if isinstance(expected, int) and not isinstance(expected, bool):
        return isinstance(cell_value, int | float) and cell_value == expected
    return clean_line(str(cell_value)) == clean_line(str(expected))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not clean_line(value))


def _check_meta(sheet: Worksheet, record: FormRecord, name: str) -> None:
    for key, row in META_ROWS.items():
        if not _same(sheet.cell(row=row, column=META_COL).value, record.raw[key]):
            raise FormRefused(
                f"Tệp “{name}”: ô được khóa ở dòng {row} (ô C{row}, {META_LABELS[key]}) đã bị "
                "sửa. Hãy dùng lại biểu mẫu gốc."
            )


def _check_rows(sheet: Worksheet, record: FormRecord, name: str) -> list[str]:
    expected = record.rows
    found = []
    row = FIRST_ROW
    while sheet.cell(row=row, column=2).value not in (None, "") or sheet.cell(
        row=row, column=3
    ).value not in (None, ""):
        found.append([sheet.cell(row=row, column=c).value for c in range(2, 2 + len(ROW_COLUMNS))])
        row += 1
    codes = [str(r[0]) for r in found]
    wanted = [str(r[0]) for r in expected]
    if len(found) != len(expected) or sorted(codes) != sorted(wanted):
        raise FormRefused(
            f"Tệp “{name}” có {len(found)} dòng chỉ tiêu thay vì {len(expected)}: có dòng bị xóa hoặc thêm. "
            "Hãy dùng lại biểu mẫu gốc."
        )
    if codes != wanted:
        raise FormRefused(
            f"Tệp “{name}”: thứ tự các dòng chỉ tiêu đã bị đổi. Hãy dùng lại biểu mẫu gốc."
        )
    for offset, (got, want) in enumerate(zip(found, expected, strict=True)):
        for letter, heading, g, w in zip(ROW_COLUMNS, ROW_HEADINGS, got, want, strict=True):
            if not _same(g, w):
                r = FIRST_ROW + offset
                raise FormRefused(
                    f"Tệp “{name}”: ô được khóa ở dòng {r} (ô {letter}{r}, {heading}) đã bị "
                    "sửa. Hãy dùng lại biểu mẫu gốc."
                )
    return wanted


@dataclass(frozen=True)
class FormRow:
    """One indicator row of a returned form: its cells as returned and as sent."""

    excel_row: int
    indicator: GridIndicator
    numerator: object
    denominator: object
    note: object
    sent: list[Any]


def _is_formula(cell: Cell) -> bool:
    return cell.data_type == "f" or type(cell.value).__name__ in (
        "ArrayFormula",
        "DataTableFormula",
    )


def _form_rows(
    session: Session,
    sheet: Worksheet,
    record: FormRecord,
    codes: list[str],
    result: FileResult,
) -> list[FormRow]:
    indicators = {i.code: i for i in grid_indicators(session, record.year)}
    rows = []
    for offset, indicator_code in enumerate(codes):
        excel_row = FIRST_ROW + offset
        indicator = indicators.get(indicator_code)
        if indicator is None:
            result.errors.append(
                f"Dòng {excel_row}: chỉ tiêu {indicator_code} không còn được theo dõi."
            )
            continue
        cells = [
            sheet.cell(row=excel_row, column=c) for c in (NUMERATOR_COL, DENOMINATOR_COL, NOTE_COL)
        ]
        formulas = [c.coordinate for c in cells if _is_formula(c)]
        if formulas:
            result.errors.append(
                f"Dòng {excel_row}: {', '.join(f'ô {a}' for a in formulas)} chứa công thức; biểu "
                "mẫu chỉ nhận số gõ trực tiếp. Hãy thay công thức bằng số rồi gửi lại."
            )
            continue
        numerator, denominator, note = (c.value for c in cells)
        rows.append(
            FormRow(excel_row, indicator, numerator, denominator, note, record.inputs[offset])
        )
    return rows


@dataclass
class _Tally:
    """The cells a reading kept or cleared, summed over a file."""

    kept_blank: int = 0
    cleared: int = 0
    kept_untouched: int = 0


def _resolve(value: object, sent: object, stored: object, clear: bool, tally: _Tally) -> object:
    """What one input cell stands for: the typed value, or the stored one it leaves as it is.

    Returns the cell's value as read (to be parsed) or, for a cell that keeps what is stored,
    the stored value itself; None clears (or leaves an empty cell empty).
    """
    empty_store = stored is None or stored == ""
    if _blank(value):
        if empty_store:
            return None
        if clear:
            tally.cleared += 1
            return None
        tally.kept_blank += 1
        return stored
    if _same(value, sent) and not empty_store and not _same(value, stored):
        tally.kept_untouched += 1
        return stored
    return value


def _evaluate(
    session: Session,
    result: FileResult,
    year: int,
    quarter: int,
    rows: list[FormRow],
    clear_blank: bool,
) -> None:
    assert result.unit_id is not None
    unit_id = result.unit_id
    pairs, notes = grid_values(session, year, quarter, [unit_id])
    tally = _Tally()
    row_of: dict[IndicatorId, int] = {}
    for row in rows:
        key: Key = (unit_id, row.indicator.id)
        stored = pairs.get(key, EMPTY)
        stored_note = notes.get(key, "")
        row_of[row.indicator.id] = row.excel_row
        read = _yes_no_pair if row.indicator.yes_no else _count_pair
        pair = read(row, stored, clear_blank, tally, result)
        note_value = _resolve(row.note, row.sent[2], stored_note, clear_blank, tally)
        note = None if note_value is None and not stored_note else clean_line(str(note_value or ""))
        if pair is None:
            continue
        if pair == stored and (note is None or note == stored_note):
            continue  # as stored: no change
        result.changes.append(ValueChange(unit_id, row.indicator.id, pair, note))
    result.kept_blank, result.cleared = tally.kept_blank, tally.cleared
    result.kept_untouched = tally.kept_untouched
    if result.errors:
        result.changes.clear()
        return
    check = check_values(session, year, quarter, result.changes)
    codes = {row.indicator.id: row.indicator.code for row in rows}
    result.errors += [
        f"Dòng {row_of[p.indicator_id]} ({codes[p.indicator_id]}): {p.message}"
        for p in check.problems
    ]
    result.warnings += [
        f"Dòng {row_of[p.indicator_id]} ({codes[p.indicator_id]}): {p.message}"
        for p in check.warnings
    ]


def _count_pair(
    row: FormRow, stored: Pair, clear: bool, tally: _Tally, result: FileResult
) -> Pair | None:
    """A ratio row: the pair it stands for, or None with the row's error in ``result``."""
    try:
        numerator = parse_count(
            _resolve(row.numerator, row.sent[0], stored.numerator, clear, tally), "Tử số"
        )
        denominator = parse_count(
            _resolve(row.denominator, row.sent[1], stored.denominator, clear, tally), "Mẫu số"
        )
    except ValueRefused as error:
        result.errors.append(f"Dòng {row.excel_row}: {error}")
        return None
    if numerator is not None and denominator is None:
        # A returned form is the unit's whole report: a lone numerator is an omission.
        result.errors.append(f"Dòng {row.excel_row}: có tử số nhưng thiếu mẫu số.")
        return None
    return Pair(numerator, denominator)


def _yes_no_pair(
    row: FormRow, stored: Pair, clear: bool, tally: _Tally, result: FileResult
) -> Pair | None:
    """A yes/no row: "Có"/"Chưa" (or 1/0, x) in the Tử số cell, the Mẫu số cell 1 or blank.

    A pair of counts (30 in Tử số, 40 in Mẫu số — typed into a form whose protection was lifted, or
    an old form) is refused with the rule, not read as a share.
    """
    answer, fixed = row.numerator, row.denominator
    code = row.indicator.code
    if fixed not in (None, "", 1):
        try:
            typed = Pair(parse_count(answer, "Tử số"), parse_count(fixed, "Mẫu số"))
            message = yes_no_error(code, typed)
        except ValueRefused:
            message = None
        result.errors.append(
            f"Dòng {row.excel_row}: "
            + (
                message
                or f"chỉ tiêu {code} ghi “Có” hoặc “Chưa” ở cột Tử số; mẫu số luôn là 1 "
                f"(đã ghi “{clean_line(str(fixed))}”)."
            )
        )
        return None
    stored_word = None if stored.empty else ("Có" if stored.numerator else "Chưa")
    value = _resolve(answer, row.sent[0], stored_word, clear, tally)
    try:
        return parse_yes_no(value, code)
    except ValueRefused as error:
        result.errors.append(f"Dòng {row.excel_row}: {error}")
        return None


def describe(results: Sequence[FileResult]) -> str:
    """The per-file report: one paragraph per file — saved, accepted, unchanged or refused."""
    lines = []
    # Some saved and this one not: an import the disk cut short. The file is marked, lest its
    # "✓" read as saved beside those that were.
    interrupted = any(r.saved for r in results)
    for r in results:
        who = f"{r.unit_code} — {r.unit_name}" if r.unit_code else r.path.name
        if not r.ok:
            lines.append(f"✗ {who} ({r.path.name}): không nhập")
            lines += [f"    • {e}" for e in r.errors]
            continue
        # The file's name too, as on a refused one: the clerk sees which files went in.
        if r.unit_code:
            who = f"{who} ({r.path.name})"
        if r.changes:
            lines.append(
                f"✓ {who}: {wording.count(len(r.changes))} ô số liệu"
                + (" (đã lưu)" if r.saved else " (chưa lưu)" if interrupted else "")
            )
        else:
            lines.append(f"✓ {who}: không có gì thay đổi so với số liệu đã lưu")
        if r.kept_blank:
            lines.append(
                f"    · giữ nguyên {wording.count(r.kept_blank)} ô để trống (số đã lưu không bị "
                "xóa; chọn “xóa các ô để trống” nếu muốn xóa)"
            )
        if r.cleared:
            lines.append(f"    · xóa {wording.count(r.cleared)} ô để trống theo lựa chọn")
        if r.kept_untouched:
            lines.append(
                f"    · giữ nguyên {wording.count(r.kept_untouched)} ô đơn vị không sửa (số đã "
                "lưu sau khi gửi biểu mẫu)"
            )
        lines += [f"    ⚠ {w}" for w in r.warnings]
    return "\n".join(lines)
