"""Excel round trip: quarter export, collection workbooks out, filled workbooks back in (or refused)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import col, select

from desktop.context import AppContext
from desktop.excel.values_forms import DENOMINATOR_COL, FIRST_ROW, NUMERATOR_COL, SHEET, write_forms
from desktop.excel.values_import import FileResult, describe, read_returned
from desktop.excel.values_io import export_quarter, export_results
from desktop.indicators.lock import lock_quarter
from desktop.indicators.returned import save_returned
from desktop.indicators.rules import Pair, ValueRefused
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
    """The import as the window and the command line run it: file by file through the door."""
    return save_returned(ctx.door, results, year, quarter)


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
            .join(Indicator, col(Indicator.id) == QuarterValue.indicator_id)
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
    # Each sheet names an indicator as the grid does, its code beside the name.
    for title in ("Theo loại đơn vị", "Đơn vị chưa đạt"):
        sheet = workbook[title]
        assert [c.value for c in sheet[1]][:2] == ["Mã chỉ tiêu", "Chỉ tiêu"], title
        named = {r[0].value: r[1].value for r in sheet.iter_rows(min_row=2)}
        assert named and all(name and name != code for code, name in named.items()), title
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
    assert (
        sheet["C3"].value == "TDP01" and sheet["C5"].value == YEAR and sheet["C6"].value == QUARTER
    )
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
    assert "không phải của đơn vị đang nhập" in _refused(ctx, path, unit_id=_ids(demo_db, "TDP02"))
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
    assert [r[share].value for r in rows] == pytest.approx(
        [excel_percent(r.percent) for r in results]
    )
    assert [r[gap].value for r in rows] == pytest.approx([r.gap for r in results])
    assert {r[share].number_format for r in rows} == {wording.EXCEL_PERCENT}
    assert {r[gap].number_format for r in rows} == {wording.EXCEL_POINTS}
    no_target = next(r for r in rows if r[headers.index("Kết luận")].value == "Không có chỉ tiêu")
    assert no_target[0].value == "TRUONGKNS"
    # A target that does not exist is an empty cell, not "0%", and so is its gap.
    assert no_target[headers.index("Chỉ tiêu năm")].value is None and no_target[gap].value is None


# -- issue 12: the register's head-counts, the year's scope, yes/no indicators, coverage ---------


def _rows_by_code(path: Path) -> dict[str, int]:
    """Indicator code → its sheet row in a form."""
    sheet = load_workbook(path)[SHEET]
    rows = {}
    row = FIRST_ROW
    while sheet.cell(row=row, column=2).value:
        rows[str(sheet.cell(row=row, column=2).value)] = row
        row += 1
    return rows


def _add_school(ctx: AppContext) -> UnitId:
    from desktop.models import UnitKind
    from desktop.register.ops import add
    from desktop.register.units import UNITS, UnitData

    data = UnitData(
        code="THMOI",
        name="Trường Tiểu học Mới",
        kind=UnitKind.SCHOOL_PRIMARY,
        staff_count=42,
        student_count=856,
    )
    return ctx.door.run(add(UNITS, data))


def test_a_form_for_a_new_school_carries_its_register_head_counts_as_mau_so(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §5): the register's head-counts are the denominators — a school added
    today with 42 staff and 856 pupils gets 42 and 856 as Mẫu số in its first quarter's form, and
    its yes/no indicator is one Có/Chưa cell whose Mẫu số is fixed at 1."""
    _add_school(ctx)
    path = _form(demo_db, tmp_path, "THMOI")
    rows = _rows_by_code(path)
    assert list(rows) == ["CBCC", "HOCSINH", "TRUONGKNS"]
    sheet = load_workbook(path)[SHEET]
    assert sheet.cell(row=rows["CBCC"], column=DENOMINATOR_COL).value == 42
    assert sheet.cell(row=rows["HOCSINH"], column=DENOMINATOR_COL).value == 856
    assert sheet.cell(row=rows["CBCC"], column=6).value is None  # no previous quarter
    tick = rows["TRUONGKNS"]
    assert sheet.cell(row=tick, column=DENOMINATOR_COL).value == 1
    assert sheet.cell(row=tick, column=DENOMINATOR_COL).protection.locked
    assert not sheet.cell(row=tick, column=NUMERATOR_COL).protection.locked
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert [(v.formula1, str(v.sqref)) for v in lists] == [('"Có,Chưa"', f"G{tick}")]
    counts = {str(v.sqref) for v in sheet.data_validations.dataValidation if v.type == "whole"}
    assert counts == {f"G{FIRST_ROW}:G{tick - 1}", f"H{FIRST_ROW}:H{tick - 1}"}


def test_a_form_follows_the_scope_of_its_year(demo_db: Database, tmp_path: Path) -> None:
    """Plan rule (mục II.2.1): HOCSINH covers "học sinh các trường trung học" in 2025 and "từ cấp
    tiểu học" in 2026 — a primary school's 2025 form has no HOCSINH row, its 2026 form has one."""
    assert "HOCSINH" not in _rows_by_code(_form(demo_db, tmp_path / "a", "THLL", 2025, 4))
    assert "HOCSINH" in _rows_by_code(_form(demo_db, tmp_path / "b", "THLL", 2026, 4))
    assert "HOCSINH" in _rows_by_code(_form(demo_db, tmp_path / "c", "THCSLL", 2025, 4))


def _tick(path: Path, answer: object, denominator: object = 1) -> None:
    workbook = load_workbook(path)
    sheet = workbook[SHEET]
    row = _rows_by_code(path)["TRUONGKNS"]
    sheet.cell(row=row, column=NUMERATOR_COL).value = answer
    sheet.cell(row=row, column=DENOMINATOR_COL).value = denominator
    workbook.save(path)


@pytest.mark.parametrize(("answer", "stored"), [("có", Pair(1, 1)), ("Chưa", Pair(0, 1))])
def test_a_yes_no_cell_is_saved_as_one_school(
    demo_db: Database, ctx: AppContext, tmp_path: Path, answer: str, stored: Pair
) -> None:
    """Plan rule (issue 12, §6): TRUONGKNS is a yes/no per school — "có" is saved 1/1, "Chưa" 0/1
    (the ward value counts schools with "có" out of the schools expected)."""
    path = _form(demo_db, tmp_path, "THLL")
    _tick(path, answer)
    with demo_db.session() as s:
        (result,) = read_returned(s, [path], YEAR, QUARTER)
    assert result.ok, describe([result])
    assert apply_import(ctx, [result], YEAR, QUARTER) >= 1
    assert _stored(demo_db, "THLL", "TRUONGKNS") == stored


@pytest.mark.parametrize(
    ("answer", "denominator", "message"),
    [
        (30, 40, "(đã nhập 30/40)"),
        (30, None, "“30” không hợp lệ"),
        ("một phần", 1, "“một phần” không hợp lệ"),
    ],
)
def test_a_yes_no_row_refuses_a_pair_of_counts(
    demo_db: Database,
    ctx: AppContext,
    tmp_path: Path,
    answer: object,
    denominator: object,
    message: str,
) -> None:
    """Plan rule (issue 12, §6): a yes/no indicator holds "có" or "chưa" per school; 30/40 (a
    form whose protection was lifted) is refused with the rule, and nothing of the file is saved."""
    path = _form(demo_db, tmp_path, "THLL")
    _tick(path, answer, denominator)
    errors = _refused(ctx, path)
    assert message in errors and "TRUONGKNS" in errors
    assert _stored(demo_db, "THLL", "TRUONGKNS") is None


def test_the_results_export_names_the_units_not_reported_and_judges_only_complete_data(
    demo_db: Database, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §1): a verdict only on complete data, else "Chưa đủ số liệu (k/n đơn
    vị)"; every result carries its coverage and the comparison of the plan's sentence, and the
    units that have not reported are listed with code, name and kind."""
    from desktop.indicators.results import ward_results

    with demo_db.session() as s:
        export_results(s, 2026, 3, tmp_path / "q3.xlsx")
        results = ward_results(s, 2026, 3)
        kinds = {u.code: u.kind.label for u in s.exec(select(Unit))}
    workbook = load_workbook(tmp_path / "q3.xlsx")
    assert workbook.sheetnames[-1] == "Đơn vị chưa báo cáo"
    sheet = workbook.worksheets[0]
    headers = [c.value for c in sheet[1]]
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    incomplete = [r for r in results if not r.complete]
    assert incomplete  # quý 3/2026 is still being collected in the demo ward
    for result in results:
        row = rows[result.code]
        verdict = row[headers.index("Kết luận")].value
        assert verdict == wording.verdict(result)
        if not result.complete:
            assert verdict.startswith("Chưa đủ số liệu (")
        assert row[headers.index("Đơn vị đã báo cáo")].value == result.reported_units
        assert row[headers.index("Đơn vị phải báo cáo")].value == result.expected_units
        assert row[headers.index("So sánh")].value == result.comparison.label
    missing = [
        tuple(c.value for c in r) for r in workbook["Đơn vị chưa báo cáo"].iter_rows(min_row=2)
    ]
    assert missing == [
        (r.code, r.name, u.code, u.name, kinds[u.code]) for r in results for u in r.missing_units
    ]
    assert len(missing) == sum(r.expected_units - r.reported_units for r in results)


def test_a_carried_over_target_is_marked_in_the_results_export(
    demo_db: Database, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §7): 2027 has no target in the plan; the 2026 one is proposed as
    "duy trì" and marked so wherever it is used."""
    with demo_db.session() as s:
        export_results(s, 2027, None, tmp_path / "2027.xlsx")
    sheet = load_workbook(tmp_path / "2027.xlsx").worksheets[0]
    headers = [c.value for c in sheet[1]]
    marked = headers.index("Chỉ tiêu duy trì")
    assert {r[marked].value for r in sheet.iter_rows(min_row=2)} == {"Duy trì"}


def test_no_form_for_a_unit_before_its_first_quarter(
    demo_db: Database, ctx: AppContext, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §4): a unit reports from the quarter it was added in — a school added
    today (quý 4/2026) gets no form for quý 3/2026, and the refusal names it."""
    school = _add_school(ctx)
    with demo_db.session() as s, pytest.raises(ValueRefused) as refused:
        write_forms(s, YEAR, 3, tmp_path / "out", [school])
    assert "Không tạo biểu mẫu quý 3/2026 cho THMOI" in str(refused.value)
