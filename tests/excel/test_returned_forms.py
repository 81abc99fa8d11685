"""Issue 15: returned collection workbooks that know where they belong, and imports that never
lose saved numbers nor let in a foreign, edited or malformed form."""

from __future__ import annotations

import errno
import json
import sqlite3
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from desktop.cli import main
from desktop.context import AppContext
from desktop.excel.values_forms import (
    CHECK_SHEET,
    DENOMINATOR_COL,
    FIRST_ROW,
    NOTE_COL,
    SHEET,
    write_forms,
)
from desktop.excel.values_import import FileResult, describe, read_returned
from desktop.indicators import ops
from desktop.indicators.ops import save_cells
from desktop.indicators.returned import ImportInterrupted, save_returned
from desktop.indicators.rules import Pair
from desktop.indicators.values import ValueChange
from desktop.models import AuditEntry, Indicator, QuarterValue, Unit
from desktop.models.ids import IndicatorId, UnitId
from desktop.storage import Database
from desktop.storage.identity import database_identity

YEAR, QUARTER = 2026, 4  # the demo ward on 1 December 2026: quý 4 open and empty


def _unit(db: Database, code: str) -> UnitId:
    with db.session() as s:
        return UnitId(s.exec(select(Unit.id).where(Unit.code == code)).one() or 0)


def _indicator(db: Database, code: str) -> IndicatorId:
    with db.session() as s:
        return IndicatorId(s.exec(select(Indicator.id).where(Indicator.code == code)).one() or 0)


def _form(db: Database, folder: Path, code: str) -> Path:
    with db.session() as s:
        (path,) = write_forms(s, YEAR, QUARTER, folder, [_unit(db, code)])
    return path


def _set(path: Path, cells: dict[str, object]) -> None:
    """Type into the form's sheet as the unit would (None empties a cell)."""
    workbook = load_workbook(path)
    for address, value in cells.items():
        workbook[SHEET][address].value = value
    workbook.save(path)


def _record(path: Path) -> dict[str, Any]:
    sheet = load_workbook(path)[CHECK_SHEET]
    return json.loads("".join(str(r[0] or "") for r in sheet.iter_rows(values_only=True)))


def _write_record(path: Path, record: dict[str, Any]) -> None:
    """A hidden record edited by hand: what someone opening the XML, or a script, could do."""
    workbook = load_workbook(path)
    sheet = workbook[CHECK_SHEET]
    sheet.delete_rows(1, sheet.max_row)
    sheet["A1"] = json.dumps(record, ensure_ascii=False)
    workbook.save(path)


def _stored(db: Database, unit: str, indicator: str) -> Pair | None:
    with db.session() as s:
        row = s.exec(
            select(QuarterValue).where(
                QuarterValue.unit_id == _unit(db, unit),
                QuarterValue.indicator_id == _indicator(db, indicator),
                QuarterValue.year == YEAR,
                QuarterValue.quarter == QUARTER,
            )
        ).first()
    return None if row is None else Pair(row.numerator, row.denominator)


def _read(db: Database, paths: list[Path], clear_blank: bool = False) -> list[FileResult]:
    with db.session() as s:
        return read_returned(s, paths, YEAR, QUARTER, clear_blank=clear_blank)


def _save(ctx: AppContext, unit: str, indicator: str, pair: Pair, note: str | None = None) -> None:
    change = ValueChange(_unit(ctx.db, unit), _indicator(ctx.db, indicator), pair, note)
    ctx.door.run(save_cells(YEAR, QUARTER, [change], "nhập tay", ask_note=False))


def _cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def _import_cli(data_dir: Path, *paths: Path, clear: bool = False) -> int:
    extra = ["--clear-blank"] if clear else []
    files = [str(p) for p in paths]
    return _cli(
        data_dir, "values", "import", "--year", str(YEAR), "--quarter", str(QUARTER), *extra, *files
    )


# -- where a form belongs -----------------------------------------------------------------------


def _other_ward(db: Database, tmp_path: Path) -> Database:
    """Another ward's database with the same unit codes: a copy given its own identity and name,
    as a ward that started from the same demo or the same register would be."""
    path = tmp_path / "other" / "thidua.sqlite3"
    path.parent.mkdir()
    with sqlite3.connect(db.path) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE databaseidentity SET database_id = ?, secret_key = ?",
            (uuid.uuid4().hex, "ab" * 32),
        )
        conn.execute("UPDATE setting SET value = 'PHƯỜNG BẾN ĐÁ' WHERE key = 'ward_name'")
        if not conn.execute("SELECT 1 FROM setting WHERE key = 'ward_name'").fetchone():
            conn.execute("INSERT INTO setting (key, value) VALUES ('ward_name', 'PHƯỜNG BẾN ĐÁ')")
    return Database.open(path)


def test_form_from_another_database_is_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    other = _other_ward(demo_db, tmp_path)
    try:
        foreign = _form(other, tmp_path / "ben-da", "TDP01")
    finally:
        other.close()
    _set(foreign, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    (result,) = _read(demo_db, [foreign])
    assert not result.ok
    assert "biểu mẫu của cơ sở dữ liệu khác (phường PHƯỜNG BẾN ĐÁ)" in result.errors[0]
    assert save_returned(ctx.door, [result], YEAR, QUARTER) == 0
    assert _stored(demo_db, "TDP01", "DANSO") is None


def test_a_database_id_copied_into_a_foreign_form_does_not_pass_its_mac(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    other = _other_ward(demo_db, tmp_path)
    try:
        foreign = _form(other, tmp_path / "ben-da", "TDP01")
    finally:
        other.close()
    record = _record(foreign)
    with demo_db.session() as s:
        record["database_id"] = database_identity(s).database_id
    _write_record(foreign, record)
    (result,) = _read(demo_db, [foreign])
    assert not result.ok and "không khớp mã xác thực" in result.errors[0]
    assert "tên phường" in result.errors[0]  # what no longer agrees with this database


def test_edited_hidden_unit_is_refused(demo_db: Database, ctx: AppContext, tmp_path: Path) -> None:
    """The visible and the hidden unit both changed to another unit of the ward: refused, and
    nothing reaches either unit."""
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record["unit_id"], record["unit_code"] = int(_unit(demo_db, "TDP02")), "TDP02"
    _write_record(path, record)
    _set(path, {"C3": "TDP02", f"G{FIRST_ROW}": 300})
    (result,) = _read(demo_db, [path])
    assert not result.ok
    assert (
        "phần kiểm tra ẩn của biểu mẫu đã bị sửa (đơn vị: biểu mẫu gửi cho TDP01 — Tổ dân phố "
        "số 1 đã bị đổi thành TDP02" in result.errors[0]
    )
    assert "không khớp mã xác thực" in result.errors[0]
    save_returned(ctx.door, [result], YEAR, QUARTER)
    assert _stored(demo_db, "TDP01", "DANSO") is None and _stored(demo_db, "TDP02", "DANSO") is None


def test_a_unit_moved_whole_in_sheet_and_record_is_named_not_blamed_on_the_quarter(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    """Id, code and name of the unit changed to another unit's, on the sheet and in the record:
    every field agrees with the database, and the refusal once said "năm, quý, các dòng chỉ
    tiêu hoặc ô nhập" had changed. The MAC still knows the unit the form was sent to."""
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record.update(unit_id=int(_unit(demo_db, "TDP02")), unit_code="TDP02")
    record["unit_name"] = "Tổ dân phố số 2"
    _write_record(path, record)
    _set(path, {"C3": "TDP02", "C4": "Tổ dân phố số 2", f"G{FIRST_ROW}": 300})
    (result,) = _read(demo_db, [path])
    assert not result.ok
    assert (
        "(đơn vị: biểu mẫu gửi cho TDP01 — Tổ dân phố số 1 đã bị đổi thành TDP02 — Tổ dân phố "
        "số 2)" in result.errors[0]
    )
    assert "năm, quý" not in result.errors[0]
    assert save_returned(ctx.door, [result], YEAR, QUARTER) == 0
    assert _stored(demo_db, "TDP01", "DANSO") is None and _stored(demo_db, "TDP02", "DANSO") is None


@pytest.mark.parametrize(
    ("edit", "now"),
    [
        ({"unit_id": "TDP02"}, "TDP02 — Tổ dân phố số 2"),  # the id alone, to another unit's
        ({"unit_id": 99_999}, "một đơn vị không có trong sổ"),
        ({"unit_code": "TDP02"}, "TDP02 — Tổ dân phố số 1"),  # the code alone
    ],
)
def test_a_unit_edited_in_the_record_alone_is_named_with_the_unit_it_was_sent_to(
    demo_db: Database, tmp_path: Path, edit: dict[str, Any], now: str
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record.update(
        {
            k: int(_unit(demo_db, v)) if k == "unit_id" and isinstance(v, str) else v
            for k, v in edit.items()
        }
    )
    _write_record(path, record)
    (result,) = _read(demo_db, [path])
    assert (
        f"(đơn vị: biểu mẫu gửi cho TDP01 — Tổ dân phố số 1 đã bị đổi thành {now})"
        in (result.errors[0])
    )


def test_a_quarter_moved_in_sheet_and_record_is_named_with_the_quarter_it_was_sent_for(
    demo_db: Database, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record["quarter"] = QUARTER - 1
    _write_record(path, record)
    _set(path, {"C6": QUARTER - 1, f"G{FIRST_ROW}": 300})
    with demo_db.session() as s:
        (result,) = read_returned(s, [path], YEAR, QUARTER - 1)
    assert (
        f"(năm, quý: biểu mẫu quý {QUARTER}/{YEAR} đã bị đổi thành quý {QUARTER - 1}/{YEAR})"
        in result.errors[0]
    )


def test_edited_protected_cell_is_refused_naming_the_cell(
    demo_db: Database, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    _set(path, {"C4": "Tổ dân phố khác"})
    (result,) = _read(demo_db, [path])
    assert "ô C4, Tên đơn vị" in result.errors[0]
    path = _form(demo_db, tmp_path / "b", "TDP02")
    _set(path, {f"E{FIRST_ROW + 1}": "Số người bất kỳ"})
    (result,) = _read(demo_db, [path])
    assert f"ô E{FIRST_ROW + 1}, Mẫu số là" in result.errors[0]


def test_edited_hidden_rows_are_refused(demo_db: Database, tmp_path: Path) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record["rows"][0][4] = 1  # last quarter's Mẫu số, in the record and on the sheet
    _write_record(path, record)
    _set(path, {f"F{FIRST_ROW}": 1})
    (result,) = _read(demo_db, [path])
    assert "đã bị sửa" in result.errors[0] and "không khớp mã xác thực" in result.errors[0]


def test_form_made_before_forms_were_signed_is_refused_asking_for_a_new_one(
    demo_db: Database, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    old = {k: record[k] for k in ("kind", "unit_code", "unit_name", "year", "quarter", "rows")}
    _write_record(path, {**old, "version": 1})
    (result,) = _read(demo_db, [path])
    assert "phiên bản ThiĐua cũ, chưa có mã xác thực" in result.errors[0]
    assert "Hãy tạo biểu mẫu mới" in result.errors[0]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: r.pop("year"), "thiếu năm"),
        (lambda r: r.update(rows={"DANSO": 1}), "các dòng chỉ tiêu không phải là danh sách"),
        (lambda r: r.update(unit_code=["TDP01"]), "mã đơn vị không phải là chữ"),
        (lambda r: r.update(quarter="4"), "quý không phải là số nguyên"),
        (lambda r: r.update(rows=[[1, 2]]), "dòng chỉ tiêu thứ 1 không đúng dạng"),
        (lambda r: r.update(inputs=[]), "số dòng ô nhập khác số dòng chỉ tiêu"),
    ],
)
def test_malformed_record_refuses_only_that_file(
    demo_db: Database,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edit: Any,
    message: str,
) -> None:
    good = [_form(demo_db, tmp_path / code, code) for code in ("TDP01", "TDP03")]
    for path in good:
        _set(path, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    bad = _form(demo_db, tmp_path / "bad", "TDP02")
    record = _record(bad)
    edit(record)
    _write_record(bad, record)
    ctx.close()  # the command line opens the data folder itself
    assert _import_cli(data_dir, good[0], bad, good[1]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert message in out.out and "phần kiểm tra của biểu mẫu không hợp lệ" in out.out
    assert f"✗ {bad.name}" in out.out
    assert "Đã lưu 4 ô số liệu từ 2/3 tệp." in out.out
    assert f"Không nhập 1 tệp: {bad.name}." in out.out
    database = Database.open(data_dir / "thidua.sqlite3")
    try:
        assert _stored(database, "TDP01", "DANSO") == Pair(300, 400)
        assert _stored(database, "TDP03", "DANSO") == Pair(300, 400)
    finally:
        database.close()


@pytest.mark.parametrize("unit_id", [10**30, 2**63, 0, -5])
def test_a_unit_id_too_large_for_sqlite_refuses_that_file_not_the_whole_import(
    demo_db: Database,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    unit_id: int,
) -> None:
    """A record's unit id past SQLite's integers raised OverflowError in the lookup: the whole
    batch ended in "lỗi không lường trước" (exit 70) and the two good forms were not saved."""
    good = [_form(demo_db, tmp_path / code, code) for code in ("TDP01", "TDP03")]
    for path in good:
        _set(path, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    bad = _form(demo_db, tmp_path / "bad", "TDP02")
    record = _record(bad)
    record["unit_id"] = unit_id
    _write_record(bad, record)
    ctx.close()
    assert _import_cli(data_dir, good[0], bad, good[1]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "không lường trước" not in out.err
    assert "mã số đơn vị không phải là số nguyên dương" in out.out
    assert "Đã lưu 4 ô số liệu từ 2/3 tệp." in out.out
    database = Database.open(data_dir / "thidua.sqlite3")
    try:
        assert _stored(database, "TDP01", "DANSO") == Pair(300, 400)
        assert _stored(database, "TDP03", "DANSO") == Pair(300, 400)
    finally:
        database.close()


@pytest.mark.parametrize("mac", ["", "0" * 63, "XYZ" * 22])
def test_an_emptied_mac_is_called_malformed_not_an_edit_of_the_quarter(
    demo_db: Database, tmp_path: Path, mac: str
) -> None:
    """An emptied MAC was reported as "đã bị sửa (năm, quý, các dòng chỉ tiêu hoặc ô nhập)"."""
    path = _form(demo_db, tmp_path, "TDP01")
    record = _record(path)
    record["mac"] = mac
    _write_record(path, record)
    (result,) = _read(demo_db, [path])
    assert "phần kiểm tra của biểu mẫu không hợp lệ (mã xác thực" in result.errors[0]
    assert "năm, quý" not in result.errors[0]


def test_the_report_names_the_file_of_each_saved_form(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    """Saved forms were named only by their unit, refused ones by their file: the clerk could
    not tell from the report which files of the folder had gone in."""
    path = _form(demo_db, tmp_path, "TDP01")
    _set(path, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    results = _read(demo_db, [path])
    save_returned(ctx.door, results, YEAR, QUARTER)
    assert f"✓ TDP01 — Tổ dân phố số 1 ({path.name}): 2 ô số liệu (đã lưu)" in describe(results)


def test_a_record_that_is_not_json_is_refused_without_a_traceback(
    demo_db: Database, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    workbook = load_workbook(path)
    workbook[CHECK_SHEET]["A1"] = "[" * 100_000  # nested past any parser's depth
    workbook.save(path)
    (result,) = _read(demo_db, [path])
    assert "phần kiểm tra của biểu mẫu bị hỏng" in result.errors[0]


# -- blank never erases -------------------------------------------------------------------------


def test_blank_form_never_erases_saved_values(
    demo_db: Database,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The form went out empty; meanwhile the clerk typed the unit's figures from a phone call;
    the unit returns the form untouched: nothing changes, and the import says so."""
    path = _form(demo_db, tmp_path, "TDP01")
    sent = load_workbook(path)[SHEET].cell(row=FIRST_ROW, column=DENOMINATOR_COL).value
    counted = sent + 7  # the clerk's figure differs from the head-count the form proposed
    _save(ctx, "TDP01", "DANSO", Pair(300, counted), "theo điện thoại")
    _save(ctx, "TDP01", "VNEID", Pair(200, counted))
    (result,) = _read(demo_db, [path])
    assert result.ok and result.changes == []
    # Two blank Tử số and a blank Ghi chú over saved ones; two Mẫu số returned as sent.
    assert result.kept_blank == 3 and result.kept_untouched == 2
    report = describe([result])
    assert "không có gì thay đổi" in report and "giữ nguyên 3 ô để trống" in report
    with demo_db.session() as s:
        audit_before = len(s.exec(select(AuditEntry)).all())
    ctx.close()
    assert _import_cli(data_dir, path) == 0
    out = capsys.readouterr().out
    assert "Không có gì thay đổi" in out
    database = Database.open(data_dir / "thidua.sqlite3")
    try:
        assert _stored(database, "TDP01", "DANSO") == Pair(300, counted)
        assert _stored(database, "TDP01", "VNEID") == Pair(200, counted)
        unit, danso = _unit(database, "TDP01"), _indicator(database, "DANSO")
        with database.session() as s:
            assert len(s.exec(select(AuditEntry)).all()) == audit_before
            note = s.exec(
                select(QuarterValue.note).where(
                    QuarterValue.unit_id == unit,
                    QuarterValue.indicator_id == danso,
                    QuarterValue.year == YEAR,
                    QuarterValue.quarter == QUARTER,
                )
            ).one()
        assert note == "theo điện thoại"
    finally:
        database.close()


def test_a_cleared_cell_keeps_its_value_unless_the_clerk_clears_blanks(
    demo_db: Database,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _save(ctx, "TDP01", "DANSO", Pair(300, 400))
    path = _form(demo_db, tmp_path, "TDP01")  # sent with 300/400 in it
    _set(path, {f"G{FIRST_ROW}": None, f"G{FIRST_ROW + 1}": 150})
    proposed = load_workbook(path)[SHEET].cell(row=FIRST_ROW + 1, column=DENOMINATOR_COL).value
    (result,) = _read(demo_db, [path])
    assert result.ok and result.kept_blank == 1
    assert [c.pair for c in result.changes] == [Pair(150, proposed)]  # VNEID; DANSO as it was
    assert result.clearing is not None and result.clearing.cleared == 1
    ctx.close()
    assert _import_cli(data_dir, path) == 0
    out = capsys.readouterr().out
    assert "giữ nguyên 1 ô để trống" in out and "với --clear-blank" in out  # the flag, named
    database = Database.open(data_dir / "thidua.sqlite3")
    try:
        assert _stored(database, "TDP01", "DANSO") == Pair(300, 400)
    finally:
        database.close()
    assert _import_cli(data_dir, path, clear=True) == 0
    assert "xóa 1 ô để trống theo lựa chọn" in capsys.readouterr().out
    database = Database.open(data_dir / "thidua.sqlite3")
    try:
        assert _stored(database, "TDP01", "DANSO") == Pair(None, 400)
        assert _stored(database, "TDP01", "VNEID") == Pair(150, proposed)
    finally:
        database.close()


def test_a_blank_note_keeps_the_saved_note(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    _save(ctx, "TDP01", "DANSO", Pair(300, 400), "số của tổ")
    path = _form(demo_db, tmp_path, "TDP01")
    _set(path, {f"G{FIRST_ROW}": 310, f"{chr(64 + NOTE_COL)}{FIRST_ROW}": None})
    (result,) = _read(demo_db, [path])
    (change,) = [c for c in result.changes if c.indicator_id == _indicator(demo_db, "DANSO")]
    assert change.pair == Pair(310, 400) and change.note == "số của tổ"


def _with_cached_value(path: Path, formula: str, cached: str) -> None:
    """Give a formula cell the cached value Excel would have saved (openpyxl writes none)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet1"))
    parts[sheet] = (
        parts[sheet]
        .replace(f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{cached}</v>".encode())
        .replace(
            f"<f>{formula}</f>".encode() + b"</c>", f"<f>{formula}</f><v>{cached}</v></c>".encode()
        )
    )
    assert f"<v>{cached}</v>".encode() in parts[sheet]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize("cached", [False, True])
def test_formula_cell_is_refused_with_its_address(
    demo_db: Database, ctx: AppContext, tmp_path: Path, cached: bool
) -> None:
    _save(ctx, "TDP01", "VNEID", Pair(100, 400))
    path = _form(demo_db, tmp_path, "TDP01")
    row = FIRST_ROW + 1
    _set(path, {f"G{FIRST_ROW}": 300, f"G{row}": "=1+1"})
    if cached:
        _with_cached_value(path, "1+1", "2")
    (result,) = _read(demo_db, [path])
    assert not result.ok
    assert f"ô G{row} chứa công thức" in result.errors[0]
    assert save_returned(ctx.door, [result], YEAR, QUARTER) == 0
    assert _stored(demo_db, "TDP01", "VNEID") == Pair(100, 400)
    assert _stored(demo_db, "TDP01", "DANSO") is None


# -- a disk that fails in the middle of a batch -------------------------------------------------


def _three_forms(db: Database, tmp_path: Path) -> list[Path]:
    paths = [_form(db, tmp_path / code, code) for code in ("TDP01", "TDP02", "TDP03")]
    for path in paths:
        _set(path, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    return paths


def _failing_second_save(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    real = ops.write_values
    calls = {"n": 0}

    def write_values(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(code, "injected")
        return real(*args, **kwargs)

    monkeypatch.setattr(ops, "write_values", write_values)


@pytest.mark.parametrize(
    ("code", "cause"), [(errno.ENOSPC, "đã đầy"), (errno.EACCES, "chỉ cho phép đọc")]
)
def test_disk_full_mid_batch_names_saved_files(
    demo_db: Database,
    ctx: AppContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    cause: str,
) -> None:
    paths = _three_forms(demo_db, tmp_path)
    results = _read(demo_db, paths)
    _failing_second_save(monkeypatch, code)
    with pytest.raises(ImportInterrupted) as stopped:
        save_returned(ctx.door, results, YEAR, QUARTER)
    text = stopped.value.text()
    assert cause in text and "Đã lưu 1 tệp trước khi gặp lỗi" in text
    assert f"Đã lưu: {paths[0].name}" in text
    assert f"Chưa lưu: {paths[1].name}" in text and f"Chưa lưu: {paths[2].name}" in text
    assert "Dữ liệu không thay đổi" not in text  # it did change: the first file is saved
    assert [r.saved for r in results] == [True, False, False]
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(300, 400)
    assert _stored(demo_db, "TDP02", "DANSO") is None and _stored(demo_db, "TDP03", "DANSO") is None
    # What was saved before the failure is still one step the clerk can take back.
    assert ctx.door.undo("values") == "nhập 2 ô số liệu từ 1 tệp"
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(None, None)


def test_disk_full_mid_batch_from_the_command_line_lists_the_files(
    demo_db: Database,
    ctx: AppContext,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = _three_forms(demo_db, tmp_path)
    ctx.close()
    _failing_second_save(monkeypatch, errno.ENOSPC)
    assert _import_cli(data_dir, *paths) == 3
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "Nhập biểu mẫu bị dừng giữa chừng" in out.err
    assert f"Đã lưu: {paths[0].name}" in out.err and f"Chưa lưu: {paths[2].name}" in out.err
    assert "(đã lưu)" in out.out  # the per-file report marks the file saved


def test_an_import_cut_short_marks_the_unsaved_files_in_the_report(
    demo_db: Database, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files after the failure were listed as "✓ …: 2 ô số liệu", as if accepted and saved,
    beside "✓ …: 2 ô số liệu (đã lưu)"."""
    paths = _three_forms(demo_db, tmp_path)
    results = _read(demo_db, paths)
    _failing_second_save(monkeypatch, errno.ENOSPC)
    with pytest.raises(ImportInterrupted):
        save_returned(ctx.door, results, YEAR, QUARTER)
    report = describe(results)
    assert f"({paths[0].name}): 2 ô số liệu (đã lưu)" in report
    assert f"({paths[1].name}): 2 ô số liệu (chưa lưu)" in report
    assert f"({paths[2].name}): 2 ô số liệu (chưa lưu)" in report
    assert "(chưa lưu)" not in describe(_read(demo_db, paths))  # a preview marks nothing


def test_a_good_form_goes_in_once_and_again_changes_nothing(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    _set(path, {f"G{FIRST_ROW}": 300, f"H{FIRST_ROW}": 400})
    assert save_returned(ctx.door, _read(demo_db, [path]), YEAR, QUARTER) == 2
    again = _read(demo_db, [path])
    assert again[0].ok and again[0].changes == []
    assert save_returned(ctx.door, again, YEAR, QUARTER) == 0
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(300, 400)
