"""The yearly report's workbook: the report's own tables as sheets, figures as numbers under the
one voice's formats, the same values as the PDF's rows."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from desktop.changes import Door
from desktop.documents.common import DocumentRequest
from desktop.documents.yearly import tables
from desktop.excel.yearly_report import write_yearly_workbook
from desktop.storage import Database
from desktop.text import wording


def test_the_workbook_holds_every_table_with_numbers_formatted_as_the_report_words_them(
    demo_db: Database, tmp_path: Path
) -> None:
    title, data = Door(lambda: demo_db).read(tables(DocumentRequest("yearly", year=2025)))
    path = tmp_path / "bao-cao-nam-2025.xlsx"
    assert write_yearly_workbook(data, title, path) == 6
    book = load_workbook(path)
    indicators = book["Chỉ tiêu"]
    assert indicators["A1"].value == f"{title} — Chỉ tiêu"
    first = data["indicators"][0]
    row = [cell.value for cell in indicators[4]]
    assert row[1] == first["name"]
    assert row[2] == first["target"]  # a target stays the plan's words
    assert row[3] == first["numerator"] and indicators["D4"].number_format == wording.EXCEL_COUNT
    assert indicators["F4"].number_format == wording.EXCEL_PERCENT
    assert wording.percent(row[5] * 100) == first["percent"]
    quarters = book["Theo quý"]
    panel = data["chart"].panels[0]
    assert quarters["A4"].value == panel.title
    q4 = panel.series[0].points[3][1]
    assert quarters["E4"].value is not None and abs(quarters["E4"].value * 100 - q4) < 0.06
    awards = book["Khen thưởng"]
    assert [c.value for c in awards[4]][0] == data["commendations"]["rows"][0]["award"]
    missing = book["Đăng ký thi đua"]
    listed = data["commitments"]["rows"] + data["commitments"]["missing_rows"]
    assert missing.max_row == 3 + len(listed)  # the registered units, then those not registered
