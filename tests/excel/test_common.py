"""The shared Excel layer: refusals with a message, text that never runs as a formula."""

from __future__ import annotations

import gc
import itertools
import os
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.excel import common
from desktop.excel.common import (
    MAX_ROWS,
    OLE_SIGNATURE,
    ExcelInputError,
    WorkbookTooBig,
    check_workbook_size,
    new_workbook,
    open_workbook,
    save_atomically,
    write_table,
)


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    workbook, sheet = new_workbook("Đơn vị")
    write_table(
        sheet, ["Tên", "Ghi chú"], [['=HYPERLINK("x")', "+84 912"], ["@SUM(A1)", "-5 người"]]
    )
    path = tmp_path / "out.xlsx"
    save_atomically(workbook, path)
    cells = load_workbook(path)["Đơn vị"]
    assert cells["A2"].value == '=HYPERLINK("x")' and cells["A2"].data_type == "s"
    assert cells["B2"].data_type == "s" and cells["A3"].data_type == "s"
    assert cells["A1"].font.bold and cells.freeze_panes == "A2" and cells.auto_filter.ref == "A1:B3"


def test_not_an_xlsx_file(tmp_path: Path) -> None:
    path = tmp_path / "ds.xlsx"
    path.write_text("Họ và tên;Đơn vị", encoding="utf-8")
    with pytest.raises(ExcelInputError, match="không phải là tệp Excel .xlsx"):
        open_workbook(path)


def test_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\x00" * 504)
    with pytest.raises(ExcelInputError, match="mật khẩu"):
        open_workbook(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExcelInputError, match="Không tìm thấy"):
        open_workbook(tmp_path / "khong-co.xlsx")


def test_write_to_a_read_only_folder_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    workbook, _ = new_workbook("A")
    with pytest.raises(ExcelInputError, match="Không ghi được"):
        save_atomically(workbook, folder / "missing-dir" / "x.xlsx")
    assert list(folder.iterdir()) == []


MB = 1024 * 1024

# -- size guards: crafted packages, written directly (openpyxl would take minutes to write them) --
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
    'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml"'
    ' ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main">{dimension}<sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _package_parts() -> dict[str, str]:
    return {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
    }


def roster_rows(count: int) -> Iterator[bytes]:
    """Rows of a roster as Excel writes them: STT, họ và tên, số điện thoại (all different)."""
    yield b'<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
    yield b'<c r="B1" t="inlineStr"><is><t>H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan</t></is></c>'
    yield b'<c r="C1" t="inlineStr"><is><t>\xc4\x90i\xe1\xbb\x87n tho\xe1\xba\xa1i</t></is></c></row>'
    batch = []
    for n in range(2, count + 2):
        batch.append(
            b'<row r="%d"><c r="A%d"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>Nguyen Van %d'
            b'</t></is></c><c r="C%d"><v>09%08d</v></c></row>'
            % (n, n, n - 1, n, n * 7919, n, n * 37)
        )
        if len(batch) == 10_000:
            yield b"".join(batch)
            batch = []
    yield b"".join(batch)


def write_sheet_package(path: Path, dimension: str | None, rows: Iterable[bytes]) -> Path:
    """An .xlsx whose one sheet is written as streamed XML (seconds for a million rows)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        for name, text in _package_parts().items():
            package.writestr(name, text)
        dim = f'<dimension ref="{dimension}"/>' if dimension else ""
        with package.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(_SHEET_HEAD.format(dimension=dim).encode())
            for chunk in rows:
                sheet.write(chunk)
            sheet.write(_SHEET_TAIL.encode())
    return path


def write_bomb(path: Path, expanded: int) -> Path:
    """An .xlsx whose sheet is ``expanded`` bytes of blank XML, deflated to about 1/1000 of it.

    The deflate stream is made of identical fully flushed blocks, so it is written without
    compressing gigabytes; its sizes and CRC are true, as a zip tool would write them."""
    block = b" " * MB
    count = expanded // MB
    head = _SHEET_HEAD.format(dimension='<dimension ref="A1"/>').encode()
    tail = _SHEET_TAIL.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    middle = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH) == middle
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(tail, crc)
    members: list[tuple[str, int, int, int, int, Iterable[bytes]]] = [
        (
            name,
            0,
            zlib.crc32(text.encode()),
            len(text.encode()),
            len(text.encode()),
            [text.encode()],
        )
        for name, text in _package_parts().items()
    ]
    compressed = len(first) + count * len(middle) + len(last)
    stream = itertools.chain([first], itertools.repeat(middle, count), [last])
    size = len(head) + count * MB + len(tail)
    members.append(("xl/worksheets/sheet1.xml", 8, crc, compressed, size, stream))
    write_raw_zip(path, members)
    return path


def write_raw_zip(
    path: Path, members: Sequence[tuple[str, int, int, int, int, Iterable[bytes]]]
) -> None:
    """A zip written field by field: (name, method, crc, compressed size, size, data) per member."""
    directory = b""
    with path.open("wb") as out:
        for name, method, crc, compressed, size, data in members:
            encoded, offset = name.encode(), out.tell()
            fields = (20, 0x800, method, 0, 0x5B81, crc, compressed, size, len(encoded))
            out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields, 0) + encoded)
            for chunk in data:
                out.write(chunk)
            directory += (
                struct.pack(
                    "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset
                )
                + encoded
            )
        start = out.tell()
        out.write(directory)
        out.write(
            struct.pack(
                "<4sHHHHIIH",
                b"PK\x05\x06",
                0,
                0,
                len(members),
                len(members),
                len(directory),
                start,
                0,
            )
        )


@pytest.fixture
def openpyxl_untouched(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Records every workbook openpyxl is asked to parse (a refused one must not be among them)."""
    parsed: list[Path] = []
    real = common.load_workbook

    def recording(path: Path, *args: object, **kwargs: object) -> object:
        parsed.append(Path(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(common, "load_workbook", recording)
    return parsed


def test_million_row_roster_is_refused_from_its_dimension(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    path = write_sheet_package(tmp_path / "danh-sach.xlsx", "A1:C1000001", roster_rows(1_000_000))
    with pytest.raises(
        WorkbookTooBig, match="1.000.001 dòng, quá giới hạn 100.000 dòng"
    ) as refused:
        open_workbook(path)
    assert "“Danh sách”" in str(refused.value) and "Chưa có gì thay đổi" in str(refused.value)
    assert "Nguyen" not in str(refused.value)
    assert openpyxl_untouched == []


def test_zip_bomb_workbook_is_refused_before_parsing(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    path = write_bomb(tmp_path / "bom.xlsx", 1536 * MB)
    assert path.stat().st_size < 2 * MB
    with pytest.raises(WorkbookTooBig, match="bung ra 1,5 GB") as refused:
        open_workbook(path)
    assert "Chưa có gì thay đổi" in str(refused.value)
    assert openpyxl_untouched == []


def test_a_part_compressed_beyond_any_spreadsheet_is_refused(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    # 60 MB: under the size limits, but at about 1000:1 no real sheet compresses so.
    with pytest.raises(WorkbookTooBig, match="gấp [0-9.]+ lần"):
        open_workbook(write_bomb(tmp_path / "nen.xlsx", 60 * MB))
    assert openpyxl_untouched == []


def test_a_file_over_50_mb_is_refused_unread(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    path = write_sheet_package(tmp_path / "lon.xlsx", "A1:C2", roster_rows(1))
    with zipfile.ZipFile(path, "a") as package:  # a photo that does not compress
        package.writestr("xl/media/image1.png", os.urandom(51 * MB), zipfile.ZIP_STORED)
    with pytest.raises(WorkbookTooBig, match="nặng 51,0 MB, quá giới hạn 50,0 MB"):
        open_workbook(path)
    assert openpyxl_untouched == []


def test_rows_beyond_a_callers_tighter_limit_are_refused(tmp_path: Path) -> None:
    workbook, sheet = new_workbook("Biểu mẫu")
    write_table(sheet, ["Mã", "Giá trị"], [[n, n * 2] for n in range(30)])
    path = tmp_path / "bieu-mau.xlsx"
    save_atomically(workbook, path)
    with pytest.raises(WorkbookTooBig, match="“Biểu mẫu”.*31 dòng, quá giới hạn 20 dòng"):
        open_workbook(path, max_rows=20)
    assert open_workbook(path, max_rows=31)["Biểu mẫu"].max_row == 31


def test_a_sheet_with_no_dimension_has_its_rows_counted(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    exactly = write_sheet_package(tmp_path / "du.xlsx", None, roster_rows(MAX_ROWS - 1))
    check_workbook_size(exactly)  # 100,000 rows counted across 1 MB chunks: none counted twice
    path = write_sheet_package(tmp_path / "khong-dimension.xlsx", None, roster_rows(MAX_ROWS))
    with pytest.raises(WorkbookTooBig, match="hơn 100.000 dòng"):
        check_workbook_size(path)
    # A false dimension is no way round it.
    lying = write_sheet_package(tmp_path / "noi-doi.xlsx", "A1:C2", roster_rows(MAX_ROWS))
    with pytest.raises(WorkbookTooBig, match="hơn 100.000 dòng"):
        open_workbook(lying)
    assert openpyxl_untouched == []


def test_too_many_columns_from_the_dimension_are_refused(tmp_path: Path) -> None:
    path = write_sheet_package(tmp_path / "rong.xlsx", "A1:XFD10", roster_rows(9))
    with pytest.raises(WorkbookTooBig, match="16.384 cột"):
        open_workbook(path)


def test_an_ordinary_workbook_passes_the_guards(tmp_path: Path) -> None:
    path = write_sheet_package(tmp_path / "nho.xlsx", "A1:C101", roster_rows(100))
    check_workbook_size(path)
    sheet = open_workbook(path)["Danh sách"]
    assert sheet.max_row == 101 and sheet["B1"].value == "Họ và tên"


def test_a_folder_that_is_not_there_is_said_in_vietnamese(tmp_path: Path) -> None:
    workbook, _ = new_workbook("A")
    with pytest.raises(ExcelInputError) as refused:
        save_atomically(workbook, tmp_path / "usb-da-rut" / "x.xlsx")
    assert "không có (USB đã rút ra hoặc đường dẫn gõ nhầm)" in str(refused.value)
    assert "No such file" not in str(refused.value)


def _refusal_of_saving_onto(target: Path, part_device: Path) -> str:
    # The .part the save writes first is made to be a full disk (/dev/full fails every write with
    # ENOSPC); the refusal is returned as text so that nothing of the failed save stays referenced.
    target.with_name(f".{target.name}.part").symlink_to(part_device)
    workbook, sheet = new_workbook("Đơn vị")
    write_table(sheet, ["Mã", "Tên"], [[str(n), "Tổ dân phố"] for n in range(2000)])
    try:
        save_atomically(workbook, target)
    except ExcelInputError as error:
        return str(error)
    raise AssertionError("the full disk was not noticed")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_while_saving_prints_no_traceback_after_the_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Measured: `units export` onto a full USB said the Vietnamese words, then printed
    # "Exception ignored in: <function ZipFile.__del__ …> OSError: [Errno 28]" when openpyxl's
    # unclosed archive was collected.
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    target = tmp_path / "don-vi.xlsx"
    message = _refusal_of_saving_onto(target, Path("/dev/full"))
    gc.collect()
    assert "ổ đĩa đã đầy" in message
    assert unraisable == []
    assert sorted(tmp_path.iterdir()) == []


def write_small_sheets(path: Path, cells_per_sheet: Sequence[int]) -> Path:
    """A package of many sheets, each under the ratio floor however well it compresses."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for number, cells in enumerate(cells_per_sheet, start=1):
            rows, rest = divmod(cells, 50)
            data = b"".join(
                [b"<worksheet><sheetData>"]
                + [b"<row>" + b"<c><v>1</v></c>" * 50 + b"</row>"] * rows
                + [b"<row>" + b"<c><v>1</v></c>" * rest + b"</row>"]
                + [b"</sheetData></worksheet>"]
            )
            assert len(data) < common.RATIO_FLOOR
            package.writestr(f"xl/worksheets/sheet{number}.xml", data)
    return path


def test_many_small_sheets_each_under_the_ratio_floor_are_refused_by_their_cells(
    tmp_path: Path, openpyxl_untouched: list[Path]
) -> None:
    # Measured: 40 sheets of 1 MB (a 143 KB file) passed every guard, then openpyxl took 34 s
    # and 920 MB; 200 of them would have taken minutes and gigabytes.
    per_sheet = 60_000
    sheets = [per_sheet] * (common.MAX_CELLS // per_sheet)
    assert sum(sheets) == common.MAX_CELLS
    check_workbook_size(write_small_sheets(tmp_path / "vua-du.xlsx", sheets))
    path = write_small_sheets(tmp_path / "nhieu-trang.xlsx", [*sheets, 1])
    assert path.stat().st_size < 200 * 1024
    with pytest.raises(WorkbookTooBig, match="hơn 1.500.000 ô") as refused:
        open_workbook(path)
    assert "Chưa có gì thay đổi" in str(refused.value)
    assert openpyxl_untouched == []


def test_a_failing_disk_while_saving_is_said_without_the_systems_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def failing(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    workbook, _ = new_workbook("A")
    with pytest.raises(ExcelInputError) as refused:
        save_atomically(workbook, tmp_path / "x.xlsx")
    assert "lỗi đọc ghi ổ đĩa" in str(refused.value) and "Input/output" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def _with_shared_strings(path: Path, count: int) -> Path:
    strings = b"".join(b"<si><t>t%d</t></si>" % n for n in range(count))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"<worksheet><sheetData/></worksheet>")
        package.writestr("xl/sharedStrings.xml", b"<sst>" + strings + b"</sst>")
    return path


@pytest.mark.parametrize("chunk", [7, 1024 * 1024])  # tags cut across chunks, and whole
def test_shared_strings_past_the_cells_a_workbook_may_have_are_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, openpyxl_untouched: list[Path], chunk: int
) -> None:
    """openpyxl holds every shared string before it reads a row: millions of distinct texts in a
    part under the size and ratio limits took the memory the guards keep the sheets from taking."""
    monkeypatch.setattr(common, "MAX_CELLS", 1000)
    monkeypatch.setattr(common, "COUNT_ROWS_OVER", 100)
    monkeypatch.setattr(common, "MB", chunk)
    check_workbook_size(_with_shared_strings(tmp_path / "vua-du.xlsx", 1000))
    path = _with_shared_strings(tmp_path / "qua-nhieu.xlsx", 1001)
    with pytest.raises(WorkbookTooBig, match="hơn 1.000 đoạn chữ khác nhau"):
        open_workbook(path)
    assert openpyxl_untouched == []
