"""Excel round trip: quarter export, collection workbooks out, filled workbooks back in (or refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from desktop.context import AppContext
from desktop.excel.values_forms import DENOMINATOR_COL, FIRST_ROW, NUMERATOR_COL, SHEET, write_forms
from desktop.excel.values_import import FileResult, describe, read_returned
from desktop.excel.values_io import export_quarter, export_results
from desktop.indicators.lock import lock_quarter
from desktop.indicators.ops import import_returned
from desktop.indicators.rules import Pair
from desktop.models import AuditEntry, Indicator, QuarterValue, Unit
from desktop.models.ids import UnitId
from desktop.storage import Database
from desktop.text import wording

# The demo ward as it stands on 1 December 2026 (issue 12 dates it): every quarter up to quý 2 is
# locked, quý 3 is still being collected, and quý 4 — begun, open and empty — is the one the
# forms here collect.
TODAY = "2026-12-01"
YEAR, QUARTER = 2026, 4


@pytest.fixture(autouse=True)
def _dated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_TODAY", TODAY)


def _ids(db: Database, code: str) -> UnitId:
    with db.session() as s:
        return UnitId(s.exec(select(Unit.id).where(Unit.code == code)).one() or 0)


def apply_import(ctx: AppContext, results: list[FileResult], year: int, quarter: int) -> int:
    """The import as the window and the command line run it: one operation through the door."""
    return ctx.door.run(import_returned(results, year, quarter))


def _form(
    db: Database, tmp_path: Path, code: str, year: int = YEAR, quarter: int = QUARTER
) -> Path:
    with db.session() as s:
        (path,) = write_forms(s, year, quarter, tmp_path / "out", [_ids(db, code)])
    return path


def _fill(path: Path, values: dict[int, tuple[object, object]]) -> None:
    """Fill the form like the unit does: input cells of the given rows (offset from the first)."""
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    for offset, (numerator, denominator) in values.items():
        # .value, not cell(value=…): openpyxl's cell() ignores None, and None must clear the cell.
        sheet.cell(row=FIRST_ROW + offset, column=NUMERATOR_COL).value = numerator
        sheet.cell(row=FIRST_ROW + offset, column=DENOMINATOR_COL).value = denominator
    workbook.save(path)


def _stored(
    db: Database, unit: str, indicator: str, year: int = YEAR, quarter: int = QUARTER
) -> Pair | None:
    with db.session() as s:
        row = s.exec(
            select(QuarterValue)
            .join(Indicator, Indicator.id == QuarterValue.indicator_id)
            .where(
                QuarterValue.unit_id == _ids(db, unit),
                Indicator.code == indicator,
                QuarterValue.year == year,
                QuarterValue.quarter == quarter,
            )
        ).first()
    return None if row is None else Pair(row.numerator, row.denominator)


def test_quarter_export_has_grid_and_results(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as s:
        path = export_quarter(s, 2025, 4, tmp_path / "q4.xlsx")
        export_results(s, 2025, None, tmp_path / "nam.xlsx")
    workbook = load_workbook(path)
    assert workbook.sheetnames == [
        "Số liệu quý 4-2025",
        "Kết quả toàn phường",
        "Theo loại đơn vị",
        "Đơn vị chưa đạt",
        "Đơn vị chưa báo cáo",  # issue 12: the units missing are named in the export too
    ]
    grid = workbook.worksheets[0]
    headers = [c.value for c in grid[1]]
    assert headers[:4] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "CBCC tử số"]
    row = next(r for r in grid.iter_rows(min_row=2) if r[0].value == "TDP01")
    danso = headers.index("DANSO tử số")
    numerator, denominator, share = row[danso : danso + 3]
    assert numerator.value is not None and denominator.value >= numerator.value
    # Numbers the clerk can sum and chart, shown by the one voice's formats ("1.234", "85,3%").
    assert share.value == pytest.approx(numerator.value / denominator.value)
    assert [c.number_format for c in (numerator, denominator, share)] == [
        wording.EXCEL_COUNT,
        wording.EXCEL_COUNT,
        wording.EXCEL_PERCENT,
    ]
    results = workbook["Kết quả toàn phường"]
    assert results["A2"].value == "CBCC" and results["C2"].value == 4
    year = load_workbook(tmp_path / "nam.xlsx")
    assert year.sheetnames[:2] == ["Kết quả năm 2025", "Các quý trong năm"]
    quarters = list(year["Các quý trong năm"].iter_rows(min_row=2))
    cbcc = quarters[0]
    assert (
        cbcc[0].value == "CBCC"
        and all(0 < c.value <= 1 for c in cbcc[2:6])  # Excel's percent: the fraction
        and cbcc[6].value == pytest.approx(0.8)
    )
    assert {c.number_format for c in cbcc[2:7]} == {wording.EXCEL_PERCENT}


def test_form_is_protected_prefilled_and_validated(demo_db: Database, tmp_path: Path) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    assert sheet.protection.sheet
    assert workbook["_kiemtra"].sheet_state == "veryHidden"
    assert sheet["C3"].value == "TDP01" and sheet["C5"].value == YEAR and sheet["C6"].value == QUARTER
    assert [sheet.cell(row=FIRST_ROW + n, column=2).value for n in range(2)] == ["DANSO", "VNEID"]
    # Last quarter's denominator is shown; the Mẫu số is pre-filled from the register's adults
    # (issue 12: the register's head-counts are the denominators; last quarter's only without one).
    with demo_db.session() as s:
        adults = s.exec(select(Unit.adult_count).where(Unit.code == "TDP01")).one()
    assert adults and sheet.cell(row=FIRST_ROW, column=6).value
    assert sheet.cell(row=FIRST_ROW, column=DENOMINATOR_COL).value == adults
    assert sheet.cell(row=FIRST_ROW + 1, column=DENOMINATOR_COL).value == adults  # VNEID: the same
    assert not sheet.cell(row=FIRST_ROW, column=NUMERATOR_COL).protection.locked
    assert sheet.cell(row=FIRST_ROW, column=6).protection.locked
    # The counts the unit reads and types are shown "1.234", as the clerk's screen shows them.
    assert {sheet.cell(row=FIRST_ROW, column=c).number_format for c in (6, 7, 8)} == {
        wording.EXCEL_COUNT
    }
    ranges = sorted(str(v.sqref) for v in sheet.data_validations.dataValidation)
    assert ranges == [f"G{FIRST_ROW}:G{FIRST_ROW + 1}", f"H{FIRST_ROW}:H{FIRST_ROW + 1}"]


def test_round_trip_all_units(demo_db: Database, ctx: AppContext, tmp_path: Path) -> None:
    with demo_db.session() as s:
        paths = write_forms(s, YEAR, QUARTER, tmp_path / "out")
    assert len(paths) == 42 and len({p.name for p in paths}) == 42
    chosen = [p for p in paths if "TDP0" in p.name][:3]
    for path in chosen:
        _fill(path, {0: (300, 400), 1: (200, 400)})
    with demo_db.session() as s:
        preview = read_returned(s, chosen, YEAR, QUARTER)
    assert all(r.ok for r in preview), describe(preview)
    assert _stored(demo_db, "TDP01", "DANSO") is None  # preview saves nothing
    assert apply_import(ctx, preview, YEAR, QUARTER) == 6
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(300, 400)
    assert _stored(demo_db, "TDP01", "VNEID") == Pair(200, 400)
    assert "đã lưu" in describe(preview)


def _refused(
    ctx: AppContext,
    path: Path,
    year: int = YEAR,
    quarter: int = QUARTER,
    unit_id: UnitId | None = None,
) -> str:
    with ctx.db.session() as s:
        (result,) = read_returned(s, [path], year, quarter, unit_id=unit_id)
    assert not result.ok
    assert apply_import(ctx, [result], year, quarter) == 0
    return "\n".join(result.errors)


def test_workbook_of_another_quarter_or_unit_is_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    _fill(path, {0: (300, 400)})
    assert "quý 4/2026, không phải quý 3/2026" in _refused(ctx, path, 2026, 3)
    assert "không phải của đơn vị đang nhập" in _refused(
        ctx, path, unit_id=_ids(demo_db, "TDP02")
    )
    assert _stored(demo_db, "TDP01", "DANSO") is None


def test_changed_protected_cells_are_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    workbook = load_workbook(path)
    workbook[SHEET]["C4"] = "Tổ dân phố khác"
    workbook.save(path)
    assert "ô được khóa" in _refused(ctx, path)
    path = _form(demo_db, tmp_path, "TDP02")
    workbook = load_workbook(path)
    workbook[SHEET].cell(row=FIRST_ROW, column=6, value=1)  # last quarter's denominator
    workbook.save(path)
    assert "ô được khóa ở dòng 8" in _refused(ctx, path)


def test_removed_or_reordered_rows_are_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    workbook = load_workbook(path)
    workbook[SHEET].delete_rows(FIRST_ROW)
    workbook.save(path)
    assert "dòng bị xóa" in _refused(ctx, path)
    path = _form(demo_db, tmp_path, "TDP02")
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    for column in range(1, 10):
        a, b = (
            sheet.cell(row=FIRST_ROW, column=column),
            sheet.cell(row=FIRST_ROW + 1, column=column),
        )
        a.value, b.value = b.value, a.value
    workbook.save(path)
    assert "thứ tự" in _refused(ctx, path)


@pytest.mark.parametrize(
    ("numerator", "denominator", "message"),
    [
        ("nhiều", 400, "không phải là số"),
        (2.5, 400, "thập phân"),
        (-1, 400, "âm"),
        (500, 400, "không được lớn hơn"),
        (5, None, "thiếu mẫu số"),
        (5, 0, "lớn hơn 0"),
    ],
)
def test_a_bad_value_refuses_the_whole_file(
    demo_db: Database,
    ctx: AppContext,
    tmp_path: Path,
    numerator: object,
    denominator: object,
    message: str,
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    _fill(path, {0: (300, 400), 1: (numerator, denominator)})
    errors = _refused(ctx, path)
    assert message in errors and "Dòng 9" in errors
    assert _stored(demo_db, "TDP01", "DANSO") is None  # the good row is not saved either


def test_good_files_go_in_when_another_is_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    good, bad = _form(demo_db, tmp_path, "TDP01"), _form(demo_db, tmp_path, "TDP02")
    _fill(good, {0: (300, 400)})
    _fill(bad, {0: (900, 400)})
    with demo_db.session() as s:
        preview = read_returned(s, [good, bad], YEAR, QUARTER)
    assert [r.ok for r in preview] == [True, False]
    assert apply_import(ctx, preview, YEAR, QUARTER) == 2  # the pre-filled VNEID denominator too
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(300, 400)
    assert _stored(demo_db, "TDP02", "DANSO") is None
    report = describe(preview)
    assert "✗ TDP02" in report and "không được lớn hơn" in report


def test_the_same_unit_twice_and_foreign_files_are_refused(
    demo_db: Database, tmp_path: Path
) -> None:
    first = _form(demo_db, tmp_path, "TDP01")
    second = tmp_path / "copy.xlsx"
    second.write_bytes(first.read_bytes())
    plain = tmp_path / "plain.xlsx"
    Workbook().save(plain)
    text = tmp_path / "notes.xlsx"
    text.write_text("không phải excel")
    with demo_db.session() as s:
        results = read_returned(s, [first, second, plain, text], YEAR, QUARTER)
    assert [r.ok for r in results] == [True, False, False, False]
    assert "Trùng đơn vị" in results[1].errors[0]
    assert "không phải là biểu mẫu" in results[2].errors[0]
    assert "không phải là tệp Excel" in results[3].errors[0]


def test_import_into_a_locked_quarter_is_refused(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    path = _form(demo_db, tmp_path, "TDP01")
    _fill(path, {0: (300, 400)})
    with demo_db.session() as s:
        preview = read_returned(s, [path], YEAR, QUARTER)
        lock_quarter(s, YEAR, QUARTER)
    assert apply_import(ctx, preview, YEAR, QUARTER) == 0
    assert "đã được chốt" in preview[0].errors[0]
    assert _stored(demo_db, "TDP01", "DANSO") is None


def test_a_file_refused_while_saving_leaves_the_others_and_the_import_undoes_at_once(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    first, second = _form(demo_db, tmp_path, "TDP01"), _form(demo_db, tmp_path, "TDP02")
    _fill(first, {0: (300, 400)})
    _fill(second, {0: (200, 400)})
    moved = _ids(demo_db, "TDP02")
    with demo_db.session() as s:
        preview = read_returned(s, [first, second], YEAR, QUARTER)
        unit = s.get(Unit, moved)
        assert unit is not None
        # Between the preview and the import the unit is found to report only from 2027. (Issue
        # 12: a unit deactivated today still owes the quarters before, so leaving no longer
        # refuses an earlier quarter's file; a reporting period that starts later does.)
        unit.reports_from = 20271
        s.add(unit)
    assert [r.ok for r in preview] == [True, True]
    assert apply_import(ctx, preview, YEAR, QUARTER) == 2
    assert [r.saved for r in preview] == [True, False]
    assert "Đơn vị báo cáo từ quý 1/2027" in preview[1].errors[0]
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(300, 400)
    assert _stored(demo_db, "TDP02", "DANSO") is None
    # The clerk takes the whole import back in one step, and the audit says so.
    assert ctx.door.undo("values") == "nhập 2 ô số liệu từ 1 tệp"
    assert _stored(demo_db, "TDP01", "DANSO") == Pair(None, None)
    with demo_db.session() as s:
        reasons = {e.reason for e in s.exec(select(AuditEntry))}
    assert "Hoàn tác: nhập 2 ô số liệu từ 1 tệp" in reasons


def test_results_sheet_words_its_verdicts_and_percents_with_the_one_voice(
    demo_db: Database, tmp_path: Path
) -> None:
    from desktop.indicators.results import ward_results
    from desktop.text.wording import excel_percent, verdict

    with demo_db.session() as s:
        export_results(s, 2025, 4, tmp_path / "q4.xlsx")
        results = ward_results(s, 2025, 4)
    sheet = load_workbook(tmp_path / "q4.xlsx").worksheets[0]
    headers = [c.value for c in sheet[1]]
    share, gap = headers.index("Tỷ lệ"), headers.index("Còn thiếu")
    rows = list(sheet.iter_rows(min_row=2))
    found = [(r[0].value, r[headers.index("Kết luận")].value) for r in rows]
    assert found == [(r.code, verdict(r)) for r in results]
    # Excel keeps 15 significant digits, hence approx.
    assert [r[share].value for r in rows] == pytest.approx([excel_percent(r.percent) for r in results])
    assert [r[gap].value for r in rows] == pytest.approx([r.gap for r in results])
    assert {r[share].number_format for r in rows} == {wording.EXCEL_PERCENT}
    assert {r[gap].number_format for r in rows} == {wording.EXCEL_POINTS}
    no_target = next(r for r in rows if r[headers.index("Kết luận")].value == "Không có chỉ tiêu")
    assert no_target[0].value == "TRUONGKNS"
    # A target that does not exist is an empty cell, not "0%", and so is its gap.
    assert no_target[headers.index("Chỉ tiêu năm")].value is None and no_target[gap].value is None
