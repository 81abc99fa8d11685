"""The long table writes every cell as given, in every PDF: the operators it keeps for a repeated
cell belong to one document's font subsets and never leak into the next document's."""

from __future__ import annotations

import io

import pdfplumber

from desktop.documents.layout import PageLayout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.template import Column, Line, TableBlock, parse_text
from desktop.settings import WardSettings


def _table_pdf(rows: list[list[str]]) -> bytes:
    empty = parse_text("", "t", markup=False)
    columns = [
        Column("STT", empty, 8, "center"),
        Column("Đơn vị", empty, 50, "left"),
        Column("Kết quả", empty, 20, "center"),
    ]
    lines = [
        Line("code", "BC"),
        Line("title", "BÁO CÁO"),
        Line("table", "", TableBlock(columns, [tuple(r) for r in rows])),
    ]
    return render_pdf(lines, WardSettings(), PageLayout(), Issue(2026))


def _cells(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            " ".join(row[1:])
            for page in document.pages
            for table in page.extract_tables()
            for row in table
            if row and row[0] and row[0].isdigit()
        ]


def test_repeated_cells_print_as_written_across_pages_and_documents() -> None:
    # Each document meets its letters in another order, so its font subsets number them
    # differently: a cell kept from the first must not be written into the second.
    first = [[str(n), f"Tổ dân phố số {n}", "100%"] for n in range(1, 121)]
    second = [
        [str(n), f"Ấp Đông Hưng {n} ữỹ", "Chưa đạt" if n % 2 else "100%"] for n in range(1, 121)
    ]
    assert _cells(_table_pdf(first)) == [f"{r[1]} {r[2]}" for r in first]
    assert _cells(_table_pdf(second)) == [f"{r[1]} {r[2]}" for r in second]
    assert _cells(_table_pdf(first)) == [f"{r[1]} {r[2]}" for r in first]
