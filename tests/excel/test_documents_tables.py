"""A document's tables in Excel: the figures of the PDF as numbers the board can compute with."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.documents import report
from desktop.documents.common import DocumentRequest
from desktop.documents.service import prepare
from desktop.documents.template import TableBlock
from desktop.excel.documents_tables import write_document_tables
from desktop.storage import Database
from desktop.text import wording


def _tables(db: Database, tmp_path: Path) -> tuple[list[TableBlock], Path]:
    target = tmp_path / "bao-cao.xlsx"
    with db.session() as session:
        prepared = prepare(session, DocumentRequest("report", year=2025))
    assert write_document_tables(prepared, target) == 2
    return [line.table for line in prepared.lines if line.table is not None], target


def test_each_figure_of_the_document_is_a_number_shown_as_in_the_pdf(
    demo_db: Database, tmp_path: Path
) -> None:
    tables, target = _tables(demo_db, tmp_path)
    workbook = load_workbook(target)
    formats: set[str] = set()
    for table, sheet in zip(tables, workbook.worksheets, strict=True):
        cells = list(sheet.iter_rows(min_row=4))
        assert len(cells) == len(table.rows)
        for texts, row in zip(table.rows, cells, strict=True):
            for text, cell in zip(texts, row, strict=True):
                figure = wording.excel_figure(text)
                if figure is None:
                    assert cell.value == (text or None) and cell.number_format == "General"
                    continue
                assert cell.value == pytest.approx(figure[0])
                assert cell.number_format == figure[1]
                formats.add(cell.number_format)
    assert formats == {wording.EXCEL_PERCENT, wording.EXCEL_POINTS, wording.EXCEL_COUNT}


def test_the_indicator_table_holds_percents_gaps_and_verdicts(
    demo_db: Database, tmp_path: Path
) -> None:
    _, target = _tables(demo_db, tmp_path)
    sheet = load_workbook(target).worksheets[0]
    headers = [c.value for c in sheet[3]]
    rows = list(sheet.iter_rows(min_row=4))
    target_cells = [r[headers.index("Chỉ tiêu năm")] for r in rows]
    # The year's target of CBCC reads as the plan words it ("Trên 80%"): text, as on paper.
    assert target_cells[0].value == wording.target(80.0, ">") == "trên 80%"
    assert target_cells[0].number_format == "General"
    verdicts = {r[headers.index("Đánh giá")].value for r in rows}
    assert all(str(v).startswith(tuple(x.value for x in wording.Verdict)) for v in verdicts)
    assert "Đạt" in verdicts
    behind = [r[headers.index("Còn thiếu")] for r in rows if r[headers.index("Còn thiếu")].value]
    assert behind and all(c.value > 0 and c.number_format == wording.EXCEL_POINTS for c in behind)
    # "12/15" units reported is a fraction of counts, not a division to compute: it stays text.
    # (TRUONGKNS has no target in 2025, "Không đặt", and nobody reported it: no coverage.)
    judged = [r for r in rows if r[headers.index("Chỉ tiêu năm")].value != report.NO_TARGET]
    assert judged and all("/" in r[headers.index("Đơn vị đã báo cáo")].value for r in judged)
    assert [r[0].value for r in rows] == list(range(1, len(rows) + 1))  # STT as numbers
