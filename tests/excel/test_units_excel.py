"""Excel import and export of the unit register, including every bad file a clerk really meets."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from desktop.changes import Area, Change
from desktop.cli import main
from desktop.excel.common import OLE_SIGNATURE, ExcelInputError
from desktop.excel.units_export import export_units, write_template
from desktop.excel.units_import import UNIT_IMPORT, RowStatus, apply_import, plan_import
from desktop.excel.units_persons import (
    PERSON_IMPORT,
    apply_persons,
    plan_persons,
    read_person_roster,
)
from desktop.excel.units_read import CellProblem, _read_count, read_roster
from desktop.models import AuditEntry, Gender, Person, Unit, UnitKind
from desktop.register.rules import RegisterError
from desktop.register.units import UnitData, create_unit
from desktop.text.wording import count

HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Người đứng đầu", "Số học sinh"]


def write_roster(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def unit_count(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return len(s.exec(select(Unit)).all())


def plan(db, path: Path):  # type: ignore[no-untyped-def]
    roster = read_roster(path)
    with db.session() as s:
        return plan_import(s, roster)


# -- a good roster ---------------------------------------------------------------------------------


def test_export_then_import_changes_nothing(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        count = export_units(s, tmp_path / "so.xlsx")
    result = plan(demo_db, tmp_path / "so.xlsx")
    assert len(result.rows) == count == unit_count(demo_db)
    assert result.count(RowStatus.SAME) == count


def test_export_is_tidy_and_formula_proof(db, tmp_path: Path) -> None:
    with db.session() as s:
        create_unit(
            s, UnitData(code="X1", name='=HYPERLINK("http://x","Bấm")', kind=UnitKind.BUSINESS)
        )
        create_unit(
            s, UnitData(code="X2", name="+84 Công ty", kind=UnitKind.BUSINESS, head_name="@Lan")
        )
        export_units(s, tmp_path / "so.xlsx")
    sheet = load_workbook(tmp_path / "so.xlsx")["Đơn vị"]
    assert sheet["A1"].value == "Mã đơn vị" and sheet["A1"].font.bold
    # Fifteen columns: issue 12 added "Báo cáo từ quý".
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:O3"
    assert sheet.column_dimensions["B"].width >= 40
    names = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=2) for r in (2, 3)}
    formula = names['=HYPERLINK("http://x","Bấm")']
    assert formula.data_type == "s" and formula.quotePrefix
    assert names["+84 Công ty"].data_type == "s"
    assert sheet["D2"].value == "@Lan" or sheet["D3"].value == "@Lan"


def test_head_counts_are_numbers_shown_with_the_thousands_dot_and_a_year_is_not(
    db, tmp_path: Path
) -> None:
    from desktop.models.ids import saved_id
    from desktop.register.persons import PersonData, create_person
    from desktop.text.wording import EXCEL_COUNT

    with db.session() as s:
        unit = create_unit(
            s,
            UnitData(code="X1", name="Trường A", kind=UnitKind.SCHOOL_PRIMARY, student_count=1234),
        )
        create_person(s, PersonData(unit_id=saved_id(unit.id), full_name="Lê Lan", birth_year=1985))
        export_units(s, tmp_path / "so.xlsx")
    workbook = load_workbook(tmp_path / "so.xlsx")
    sheet = workbook["Đơn vị"]
    headers = [c.value for c in sheet[1]]
    students = sheet.cell(row=2, column=headers.index("Số học sinh") + 1)
    assert students.value == 1234 and students.number_format == EXCEL_COUNT  # reads "1.234"
    persons = workbook["Cá nhân"]
    born = persons.cell(row=2, column=[c.value for c in persons[1]].index("Năm sinh") + 1)
    assert born.value == 1985 and born.number_format == "General"  # "1985", never "1.985"


def test_template_has_headers_and_a_kind_list(tmp_path: Path) -> None:
    write_template(tmp_path / "mau.xlsx")
    workbook = load_workbook(tmp_path / "mau.xlsx")
    sheet = workbook["Đơn vị"]
    assert [c.value for c in sheet[1]][:3] == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"]
    rules = {str(v.sqref): v for v in sheet.data_validations.dataValidation}
    assert rules["C2:C2001"].type == "list" and "Danh mục" in rules["C2:C2001"].formula1
    labels = [
        workbook["Danh mục"].cell(row=r, column=1).value for r in range(2, 2 + len(UnitKind))
    ]
    assert labels == [k.label for k in UnitKind]
    with pytest.raises(ExcelInputError, match="không có dòng dữ liệu"):
        read_roster(tmp_path / "mau.xlsx")


def test_headers_are_found_whatever_their_case_accents_spacing_and_order(
    db, tmp_path: Path
) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "DANH SÁCH ĐƠN VỊ THAM GIA PHONG TRÀO"
    sheet.merge_cells("A1:E1")  # a merged title above the table is fine
    sheet.append([])
    sheet.append(["SO HOC SINH", "  loai   don vi ", "TÊN ĐƠN VỊ", "Cột riêng", "ma don-vi"])
    sheet.append(["820", "Trường trung học cơ sở", "Trường THCS Lê Lợi", "x", "THCSLL"])
    sheet.append([None, "thcs", "Trường THCS Ngọc Sơn", None, None])
    workbook.save(tmp_path / "ds.xlsx")
    roster = read_roster(tmp_path / "ds.xlsx")
    assert roster.header_line == 3 and roster.ignored_headers == ["Cột riêng"]
    with db.session() as s:
        result = apply_import(s, roster)
    assert result.count(RowStatus.NEW) == 2
    with db.session() as s:
        units = {u.name: u for u in s.exec(select(Unit))}
    assert units["Trường THCS Lê Lợi"].student_count == 820
    assert units["Trường THCS Ngọc Sơn"].code == "DV0001"  # a row without a code gets one
    assert units["Trường THCS Ngọc Sơn"].kind is UnitKind.SCHOOL_LOWER_SECONDARY


def test_update_changes_only_the_columns_of_the_file(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "THCSTTN")).one()
    path = write_roster(
        tmp_path / "ds.xlsx",
        [["thcsttn", unit.name, unit.kind.label, "Nguyễn Thị Mới", 999]],
    )
    result = plan(demo_db, path)
    assert [r.status for r in result.rows] == [RowStatus.UPDATE]
    reason = result.rows[0].reason
    assert f"Người đứng đầu: “{unit.head_name}” → “Nguyễn Thị Mới”" in reason
    assert f"Số học sinh: {count(unit.student_count)} → 999" in reason  # 1240 → "1.240"
    with demo_db.session() as s:
        apply_import(s, read_roster(path))
    with demo_db.session() as s:
        after = s.get(Unit, unit.id)
    assert (after.head_name, after.student_count) == ("Nguyễn Thị Mới", 999)
    assert (after.phone, after.email, after.staff_count) == (
        unit.phone,
        unit.email,
        unit.staff_count,
    )


def test_nfd_names_are_stored_nfc_and_recognised(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "THCSTTN")).one()
    nfd = unicodedata.normalize("NFD", unit.name.upper())
    path = write_roster(
        tmp_path / "nfd.xlsx",
        [
            [None, nfd, unicodedata.normalize("NFD", unit.kind.label)],
            [None, unicodedata.normalize("NFD", "Hợp tác xã Dịch vụ Tràng Minh"), "Hợp tác xã"],
        ],
    )
    result = plan(demo_db, path)
    assert result.rows[0].status is RowStatus.ERROR
    assert f"mã {unit.code}" in result.rows[0].reason  # reported, not merged
    assert result.rows[1].status is RowStatus.NEW
    assert result.rows[1].data.name == unicodedata.normalize("NFC", "Hợp tác xã Dịch vụ Tràng Minh")


# -- bad files: a clear message and nothing changed -----------------------------------------------


def test_not_an_xlsx_file(db, tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_text("Mã;Tên\nA;B", encoding="utf-8")
    with pytest.raises(ExcelInputError, match="không phải là tệp Excel .xlsx"):
        read_roster(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 1024)
    with pytest.raises(ExcelInputError, match="mật khẩu"):
        read_roster(path)


def test_file_locked_by_another_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_roster(tmp_path / "dang-mo.xlsx", [["A", "Tổ dân phố số 1", "Tổ dân phố"]])
    real_open = Path.open

    def locked(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == path.name:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", locked)
    with pytest.raises(ExcelInputError, match="đang được một chương trình khác mở"):
        read_roster(path)


def test_excel_lock_file_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "~$ds.xlsx"
    path.write_bytes(b"\x0bNguyen Van A" + b"\x00" * 150)
    with pytest.raises(ExcelInputError, match="Hãy đóng “ds.xlsx” trong Excel"):
        read_roster(path)
    with pytest.raises(ExcelInputError, match="tệp tạm Excel"):
        read_person_roster(path)


def test_empty_workbook(tmp_path: Path) -> None:
    Workbook().save(tmp_path / "trong.xlsx")
    with pytest.raises(ExcelInputError, match="trống"):
        read_roster(tmp_path / "trong.xlsx")


def test_sheet_without_the_needed_headers(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "a.xlsx", [["1", "2"]], headers=["Họ tên", "Ngày sinh"])
    with pytest.raises(ExcelInputError, match="Không tìm thấy dòng tiêu đề"):
        read_roster(path)
    path = write_roster(tmp_path / "b.xlsx", [["A", "B"]], headers=["Mã đơn vị", "Tên đơn vị"])
    with pytest.raises(ExcelInputError, match="thiếu cột “Loại đơn vị”"):
        read_roster(path)


def test_merged_cells_in_the_table(tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "gop.xlsx",
        [["A1", "Tổ dân phố số 1", "Tổ dân phố"], ["A2", "Tổ dân phố số 2", None]],
    )
    workbook = load_workbook(path)
    workbook.active.merge_cells("C2:C3")
    workbook.save(path)
    with pytest.raises(ExcelInputError, match=r"ô gộp \(C2:C3\)"):
        read_roster(path)


def test_formulas_are_refused_with_the_cell(db, tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "cong-thuc.xlsx",
        [["A1", "Tổ dân phố số 1", "Tổ dân phố", None, "=10*2"], ["A2", "=B2", "Tổ dân phố"]],
    )
    result = plan(db, path)
    assert [r.status for r in result.rows] == [RowStatus.ERROR, RowStatus.ERROR]
    assert result.rows[0].reason.startswith("Ô E2 (Số học sinh): chứa công thức")
    assert "Tên đơn vị không được để trống" not in result.rows[1].reason


def test_numbers_stored_as_text_and_text_in_number_columns(db, tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "so.xlsx",
        [
            ["A1", "Trường Mầm non Hoa Sen", "Trường mầm non", None, "1.250"],
            ["A2", "Trường Mầm non Hoa Mai", "Trường mầm non", None, " 320 "],
            ["A3", "Trường Mầm non Hoa Cúc", "Trường mầm non", None, "khoảng 300"],
            ["A4", "Trường Mầm non Hoa Đào", "Trường mầm non", None, 12.5],
            [12345, "Trường Mầm non Hoa Lan", "Trường mầm non", 2024, 40.0],
        ],
    )
    result = plan(db, path)
    by_line = {r.row.line: r for r in result.rows}
    assert by_line[2].data.student_count == 1250 and by_line[3].data.student_count == 320
    assert (
        by_line[4].status is RowStatus.ERROR
        and "“khoảng 300” không phải là số" in by_line[4].reason
    )
    assert by_line[5].status is RowStatus.ERROR and "không phải là số nguyên" in by_line[5].reason
    assert by_line[6].data.code == "12345" and by_line[6].data.head_name == "2024"


def test_unknown_kind_lists_the_kinds(db, tmp_path: Path) -> None:
    path = write_roster(tmp_path / "loai.xlsx", [["A", "Nhà văn hóa", "Câu lạc bộ"]])
    reason = plan(db, path).rows[0].reason
    assert "không có loại đơn vị “Câu lạc bộ”" in reason and "Tổ dân phố" in reason
    assert "Hãy chọn loại đơn vị" not in reason


def test_duplicates_inside_the_file_are_reported_and_nothing_is_written(db, tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "trung.xlsx",
        [
            ["TDP1", "Tổ dân phố số 1", "Tổ dân phố"],
            ["tdp1", "Tổ dân phố số 2", "Tổ dân phố"],
            ["TDP3", "Tổ dân phố số 3", "Tổ dân phố"],
            ["TDP4", "TỔ DÂN PHỐ  SỐ 3", "Tổ dân phố"],
            ["TDP5", "Tổ dân phố số 5", "Tổ dân phố"],
        ],
    )
    result = plan(db, path)
    assert [r.status for r in result.rows] == [RowStatus.ERROR] * 4 + [RowStatus.NEW]
    assert "Mã “TDP1” lặp lại ở các dòng 2, 3" in result.rows[0].reason
    assert "lặp lại ở các dòng 4, 5" in result.rows[2].reason
    before = unit_count(db)
    with pytest.raises(RegisterError, match="4 dòng lỗi; chưa nhập dòng nào"), db.session() as s:
        apply_import(s, read_roster(path))
    assert unit_count(db) == before
    with db.session() as s:
        apply_import(s, read_roster(path), skip_errors=True)
    assert unit_count(db) == before + 1


def test_a_row_with_errors_still_counts_as_a_duplicate(db, tmp_path: Path) -> None:
    path = write_roster(
        tmp_path / "trung.xlsx",
        [
            ["TDP1", "Tổ dân phố số 1", "Tổ dân phố", None, "nhiều"],
            ["tdp1", "Tổ dân phố số 2", "Tổ dân phố"],
        ],
    )
    second = plan(db, path).rows[1]
    assert second.status is RowStatus.ERROR and "lặp lại ở các dòng 2, 3" in second.reason


def test_a_failure_while_writing_leaves_the_register_as_it_was(db, tmp_path: Path) -> None:
    rows = [[f"T{n}", f"Tổ dân phố số {n}", "Tổ dân phố"] for n in range(1, 600)]
    roster = read_roster(write_roster(tmp_path / "ds.xlsx", rows))

    class Broken:  # the disk fails once 500 units are written
        def report(self, done: int, total: int, text: str = "") -> None:
            raise OSError("mất điện")

        def check(self) -> None:
            return None

    with pytest.raises(OSError), db.session() as s:
        apply_import(s, roster, progress=Broken())
    assert unit_count(db) == 0


@pytest.mark.slow
def test_ten_thousand_rows(db, tmp_path: Path) -> None:
    kinds = [k.label for k in UnitKind]
    rows = [
        [
            f"DN{n:05d}",
            f"Công ty TNHH Thành viên số {n}",
            kinds[n % len(kinds)],
            "Trần Văn A",
            n % 500,
        ]
        for n in range(10_000)
    ]
    path = write_roster(tmp_path / "lon.xlsx", rows)
    with db.session() as s:
        result = apply_import(s, read_roster(path))
    assert result.count(RowStatus.NEW) == 10_000
    assert unit_count(db) == 10_000


def test_too_many_rows_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.excel.units_read.MAX_ROWS", 3)
    path = write_roster(
        tmp_path / "ds.xlsx", [[f"T{n}", f"Tổ {n}", "Tổ dân phố"] for n in range(5)]
    )
    with pytest.raises(ExcelInputError, match="vượt quá giới hạn 3 dòng"):
        read_roster(path)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=12), st.booleans()
    )
)
def test_any_value_in_a_number_column_is_read_or_explained(value: object) -> None:
    try:
        result = _read_count(value)
    except CellProblem as problem:
        assert str(problem)
    else:
        assert result is None or isinstance(result, int)


# -- command line ------------------------------------------------------------------------------


def test_cli_dry_run_reports_and_writes_nothing(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(data_dir), "init"]) == 0
    path = write_roster(
        tmp_path / "ds.xlsx",
        [["T1", "Tổ dân phố số 1", "Tổ dân phố"], ["T2", "Tổ dân phố số 2", "Lạ"]],
    )
    assert main(["--data-dir", str(data_dir), "units", "import", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "1 thêm mới" in out and "1 lỗi" in out and "Dòng     3 [Lỗi]" in out
    assert main(["--data-dir", str(data_dir), "units", "import", str(path)]) == 1
    assert "chưa nhập dòng nào" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir), "units", "import", str(path), "--skip-errors"]) == 0
    assert "Đã nhập: 1 đơn vị mới" in capsys.readouterr().out
    out_path = tmp_path / "ra.xlsx"
    assert main(["--data-dir", str(data_dir), "units", "export", str(out_path)]) == 0
    assert load_workbook(out_path)["Đơn vị"]["B2"].value == "Tổ dân phố số 1"
    assert main(["--data-dir", str(data_dir), "units", "template", str(tmp_path / "m.xlsx")]) == 0


def test_cli_refuses_a_bad_file(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ds.xlsx"
    path.write_bytes(b"not a workbook")
    assert main(["--data-dir", str(data_dir), "units", "import", str(path)]) == 2
    assert "không phải là tệp Excel" in capsys.readouterr().out


# -- persons ------------------------------------------------------------------------------------


def persons_roster(path: Path, rows: list[list[Any]]) -> Path:
    return write_roster(
        path, rows, headers=["Mã đơn vị", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ"]
    )


def test_persons_export_then_import_changes_nothing(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        export_units(s, tmp_path / "so.xlsx")
        people = len(s.exec(select(Person)).all())
    roster = read_person_roster(tmp_path / "so.xlsx")
    with demo_db.session() as s:
        result = plan_persons(s, roster)
    assert len(result.rows) == people == result.count(RowStatus.SAME)


def test_persons_are_found_by_unit_code_name_and_birth_year(demo_db, tmp_path: Path) -> None:
    with demo_db.session() as s:
        unit = s.exec(select(Unit).where(Unit.code == "VHXH")).one()
        known = s.exec(select(Person).where(Person.unit_id == unit.id)).first()
    nfd = unicodedata.normalize("NFD", known.full_name.upper())
    path = persons_roster(
        tmp_path / "cn.xlsx",
        [
            ["vhxh", nfd, known.gender.value, known.birth_year, "Trưởng phòng"],
            ["VHXH", "Nguyễn Thị Mới", "nữ", "1990", "Chuyên viên"],
            ["KHONGCO", "Trần Văn Bình", "Nam", 1980, ""],
            ["VHXH", "Lê Văn Cường", "khác", 1985, ""],
            ["VHXH", "Phạm Văn Dũng", "Nam", 1850, ""],
        ],
    )
    with demo_db.session() as s:
        result = plan_persons(s, read_person_roster(path))
    statuses = [r.status for r in result.rows]
    assert statuses == [RowStatus.UPDATE, RowStatus.NEW] + [RowStatus.ERROR] * 3
    assert "Không có đơn vị mã “KHONGCO”" in result.rows[2].reason
    assert "hãy ghi “Nam” hoặc “Nữ”" in result.rows[3].reason
    assert "Năm sinh phải từ 1920" in result.rows[4].reason
    with pytest.raises(RegisterError), demo_db.session() as s:
        apply_persons(s, read_person_roster(path))
    with demo_db.session() as s:
        apply_persons(s, read_person_roster(path), skip_errors=True)
    with demo_db.session() as s:
        assert s.get(Person, known.id).position == "Trưởng phòng"
        new = s.exec(select(Person).where(Person.full_name == "Nguyễn Thị Mới")).one()
        assert (new.unit_id, new.birth_year, new.gender) == (unit.id, 1990, Gender.FEMALE)


def test_persons_file_without_its_headers(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "ds.xlsx", [["A", "B", "Tổ dân phố"]])
    with pytest.raises(ExcelInputError, match="thiếu cột “Họ và tên”"):
        read_person_roster(path)


def test_cli_imports_persons(data_dir: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--data-dir", str(data_dir), "demo"]) == 0
    path = persons_roster(tmp_path / "cn.xlsx", [["TDP01", "Hoàng Văn Em", "Nam", 1975, "Tổ phó"]])
    args = ["--data-dir", str(data_dir), "units", "import-persons", str(path)]
    assert main([*args, "--dry-run"]) == 0
    assert "1 cá nhân: 1 thêm mới" in capsys.readouterr().out
    assert main(args) == 0
    assert "Đã nhập: 1 cá nhân mới" in capsys.readouterr().out


# -- generated files ---------------------------------------------------------------------------


@st.composite
def header_variants(draw: st.DrawFn) -> list[str]:
    """The roster's headers as clerks type them: any case, with or without accents, odd spacing."""
    from desktop.excel.units_columns import COLUMNS
    from desktop.text import strip_diacritics

    headers = []
    for column in COLUMNS:
        text = draw(st.sampled_from((column.header, *column.aliases)))
        if draw(st.booleans()):
            text = strip_diacritics(text)
        text = draw(st.sampled_from((text, text.upper(), text.lower(), text.title())))
        text = text.replace(" ", " " * draw(st.integers(1, 3)))
        headers.append(" " * draw(st.integers(0, 2)) + text)
    return draw(st.permutations(headers))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(headers=header_variants())
def test_every_column_is_found_under_any_spelling_and_order(
    tmp_path: Path, headers: list[str]
) -> None:
    from desktop.excel.units_columns import COLUMNS

    path = write_roster(tmp_path / "h.xlsx", [["Tổ dân phố"] * len(headers)], headers=headers)
    roster = read_roster(path)
    assert roster.fields == {c.field for c in COLUMNS}
    assert roster.ignored_headers == []


cell_values = st.one_of(
    st.none(),
    st.integers(-10, 10**7),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.text(max_size=20).filter(lambda s: not s.startswith("=")),
    st.sampled_from(["Tổ dân phố", "thcs", "Có", "Không", "1.250", "=1+1", "0912 345 678"]),
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(st.lists(cell_values, min_size=5, max_size=5), min_size=1, max_size=8))
def test_any_cells_give_a_plan_or_a_message_and_never_a_crash(db, tmp_path: Path, rows) -> None:  # type: ignore[no-untyped-def]
    from openpyxl.utils.exceptions import IllegalCharacterError

    try:
        path = write_roster(tmp_path / "r.xlsx", rows)
    except IllegalCharacterError:  # openpyxl itself cannot store control characters
        return
    before = unit_count(db)
    try:
        roster = read_roster(path)
    except ExcelInputError as error:
        assert str(error)
        return
    with db.session() as s:
        result = plan_import(s, roster)
    for row in result.rows:
        assert row.status is not RowStatus.ERROR or row.reason
        assert row.status is RowStatus.ERROR or row.data is not None
    try:
        with db.session() as s:
            apply_import(s, roster)
    except RegisterError:
        assert unit_count(db) == before  # all or nothing
    else:
        assert unit_count(db) == before + result.count(RowStatus.NEW)


# -- the import as one door operation ------------------------------------------------------------


def test_the_persons_import_lists_eight_error_rows_then_says_how_many_more(
    demo_db, ctx, tmp_path: Path
) -> None:
    rows = [["KHONGCO", f"Người số {n}", "Nam", 1980, ""] for n in range(1, 12)]
    roster = read_person_roster(persons_roster(tmp_path / "cn.xlsx", rows))
    with pytest.raises(RegisterError) as refused:
        ctx.door.run(PERSON_IMPORT.operation(roster))
    text = refused.value.text()
    assert text.splitlines()[0] == "Tệp có 11 dòng lỗi; chưa nhập dòng nào."
    assert "Dòng 2: Không có đơn vị mã “KHONGCO” trong sổ đơn vị." in text
    assert text.splitlines()[-1] == "… và 3 dòng khác."  # 11 rows: 8 shown, 3 more


def test_the_units_import_says_how_many_more_the_same_way(db, ctx, tmp_path: Path) -> None:
    rows = [[f"T{n}", f"Tổ dân phố số {n}", "Lạ"] for n in range(1, 11)]
    roster = read_roster(write_roster(tmp_path / "ds.xlsx", rows))
    with pytest.raises(RegisterError) as refused:
        ctx.door.run(UNIT_IMPORT.operation(roster))
    assert refused.value.text().splitlines()[-1] == "… và 2 dòng khác."


def test_an_import_that_fails_writes_nothing_and_tells_no_page(db, ctx, tmp_path: Path) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    rows = [[f"T{n}", f"Tổ dân phố số {n}", "Tổ dân phố"] for n in range(1, 600)]
    roster = read_roster(write_roster(tmp_path / "ds.xlsx", rows))

    class Cancelled(Exception):
        pass

    class ClerkCancels:  # Hủy pressed once 500 units are written
        def report(self, done: int, total: int, text: str = "") -> None:
            return None

        def check(self) -> None:
            raise Cancelled

    with pytest.raises(Cancelled):
        ctx.door.run(UNIT_IMPORT.operation(roster, progress=ClerkCancels()))
    assert unit_count(db) == 0 and heard == []
    plan = ctx.door.run(UNIT_IMPORT.operation(roster))
    assert unit_count(db) == 599
    assert heard[-1].ids_of(Area.UNITS) == set(plan.written) and len(plan.written) == 599


def test_a_persons_import_tells_the_ids_it_wrote(demo_db, ctx, tmp_path: Path) -> None:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    path = persons_roster(tmp_path / "cn.xlsx", [["tdp01", "Hoàng Văn Em", "Nam", 1975, "Tổ phó"]])
    plan = ctx.door.run(PERSON_IMPORT.operation(read_person_roster(path)))
    (person_id,) = plan.written
    assert heard[-1].ids_of(Area.PERSONS) == {person_id}
    with demo_db.session() as s:
        person = s.get(Person, person_id)
        assert (person.full_name, person.position) == ("Hoàng Văn Em", "Tổ phó")
        entries = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "person", AuditEntry.record_id == person_id
            )
        )
        reasons = {entry.reason for entry in entries}
    assert reasons == {"Nhập danh sách cá nhân từ tệp cn.xlsx"}


# -- issue 12: the quarter a unit reports from -----------------------------------------------------

PERIOD_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Báo cáo từ quý"]


@pytest.fixture
def dated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Today is 1 December 2026: quý 4/2026 is the quarter a unit added today reports from."""
    monkeypatch.setenv("THIDUA_TODAY", "2026-12-01")


def _reports_from(db, code: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.exec(select(Unit.reports_from).where(Unit.code == code)).one())


def test_the_reporting_quarter_goes_out_as_q_yyyy_in_a_text_cell(
    db, dated: None, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §4): a unit has the quarter from which it reports; the roster writes
    it "q/yyyy" in a text cell (Excel would turn 3/2025 typed in a General cell into a date), and a
    unit that always reported has a blank."""
    with db.session() as s:
        create_unit(s, UnitData(code="A1", name="Tổ A", kind=UnitKind.RESIDENTIAL_GROUP,
                                reports_from=20253))
        create_unit(s, UnitData(code="A2", name="Tổ B", kind=UnitKind.RESIDENTIAL_GROUP,
                                reports_from=20251))
        s.exec(select(Unit).where(Unit.code == "A2")).one().reports_from = 0
        export_units(s, tmp_path / "so.xlsx")
    sheet = load_workbook(tmp_path / "so.xlsx")["Đơn vị"]
    column = [c.value for c in sheet[1]].index("Báo cáo từ quý") + 1
    cells = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=column) for r in (2, 3)}
    assert cells["A1"].value == "3/2025" and cells["A1"].number_format == "@"
    assert cells["A2"].value is None
    assert plan(db, tmp_path / "so.xlsx").count(RowStatus.SAME) == 2


def test_a_new_unit_reports_from_the_quarter_written_or_from_today(
    db, dated: None, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §4): the quarter from which a unit reports defaults to the quarter it
    was added in (quý 4/2026 today); the roster may name another ("quý 1/2027", "Q1/2027")."""
    path = write_roster(
        tmp_path / "moi.xlsx",
        [
            ["M1", "Tổ dân phố mới 1", "Tổ dân phố", "quý 1/2027"],
            ["M2", "Tổ dân phố mới 2", "Tổ dân phố", "Q1/2027"],
            ["M3", "Tổ dân phố mới 3", "Tổ dân phố", None],
        ],
        headers=PERIOD_HEADERS,
    )
    with db.session() as s:
        apply_import(s, read_roster(path))
    assert [_reports_from(db, c) for c in ("M1", "M2", "M3")] == [20271, 20271, 20264]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("5/2025", "“5/2025” không phải là một quý"),
        ("quý ba", "“quý ba” không phải là một quý"),
        (20253, "“20253” không phải là một quý"),
        (date(2025, 3, 1), "là ngày tháng, không phải quý"),
    ],
)
def test_a_bad_reporting_quarter_is_explained_with_its_cell(
    db, tmp_path: Path, value: object, reason: str
) -> None:
    """Plan rule (issue 12, §4): "Báo cáo từ quý" is a quarter 1–4 of a year; anything else is an
    error of its row, named by its cell, and nothing is written."""
    path = write_roster(
        tmp_path / "sai.xlsx", [["M1", "Tổ dân phố mới", "Tổ dân phố", value]],
        headers=PERIOD_HEADERS,
    )
    (row,) = plan(db, path).rows
    assert row.status is RowStatus.ERROR
    assert row.reason.startswith("Ô D2 (Báo cáo từ quý):") and reason in row.reason
    assert "q/yyyy" in row.reason


def test_a_reporting_quarter_that_would_change_a_locked_quarter_is_an_error_of_its_row(
    db, dated: None, tmp_path: Path
) -> None:
    """Plan rule (issue 12, §4): adding a unit or moving its first quarter never changes a locked
    quarter's results — the preview marks such a row as an error; a blank cell keeps the quarter."""
    from desktop.indicators.lock import lock_quarter

    with db.session() as s:
        create_unit(s, UnitData(code="A1", name="Tổ A", kind=UnitKind.RESIDENTIAL_GROUP,
                                reports_from=20251))
        lock_quarter(s, 2025, 1)
    rows = [
        ["A1", "Tổ A", "Tổ dân phố", "2/2025"],
        ["N1", "Tổ mới", "Tổ dân phố", "1/2025"],
        ["N2", "Tổ mới 2", "Tổ dân phố", "2/2025"],
    ]
    result = plan(db, write_roster(tmp_path / "chot.xlsx", rows, headers=PERIOD_HEADERS))
    assert [r.status for r in result.rows] == [RowStatus.ERROR, RowStatus.ERROR, RowStatus.NEW]
    assert all("quý 1/2025 đã chốt số liệu" in r.reason for r in result.rows[:2])
    blank = write_roster(
        tmp_path / "trong.xlsx", [["A1", "Tổ A", "Tổ dân phố", None]], headers=PERIOD_HEADERS
    )
    assert plan(db, blank).rows[0].status is RowStatus.SAME
    with db.session() as s:
        apply_import(s, read_roster(blank))
    assert _reports_from(db, "A1") == 20251
