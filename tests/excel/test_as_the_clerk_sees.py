"""What the clerk sees when a workbook opens in a Vietnamese spreadsheet program.

LibreOffice, set to the vi-VN locale as the clerk's computer is, saves each sheet "as shown" to
CSV: that text is what the cells read on the screen. Skipped where LibreOffice is not installed.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.documents.common import DocumentRequest
from desktop.documents.service import prepare
from desktop.excel.documents_tables import write_document_tables
from desktop.excel.values_io import export_results
from desktop.indicators.results import ward_results
from desktop.storage import Database
from desktop.text import wording

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]
# Separator ";", quote '"', UTF-8, from line 1, …, save cell contents as shown, every sheet.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,true,false,false,-1"
VIETNAMESE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>vi-VN</value></prop></item>
</oor:items>
"""


def shown(workbook: Path, scratch: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``workbook`` as the clerk reads it: sheet name → rows of cell texts."""
    assert SOFFICE is not None
    profile = scratch / "lo-profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(VIETNAMESE, encoding="utf-8")
    out = scratch / "csv"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    sheets = {}
    for path in out.glob(f"{workbook.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(
                csv.reader(handle, delimiter=";")
            )
    assert sheets, "LibreOffice wrote no sheet"
    return sheets


def test_the_results_read_with_the_decimal_comma_and_the_verdicts_of_the_screen(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session() as s:
        export_results(s, 2025, 4, tmp_path / "ket-qua.xlsx")
        results = ward_results(s, 2025, 4)
    header, *rows = shown(tmp_path / "ket-qua.xlsx", tmp_path)["Kết quả quý 4-2025"]
    column = {name: header.index(name) for name in header}
    assert [r[0] for r in rows] == [r.code for r in results]
    for row, result in zip(rows, results, strict=True):
        # Excel's percent keeps its one decimal ("80,0%") where the screen drops a ",0" ("80%").
        assert row[column["Tỷ lệ"]] == (
            "" if result.percent is None else wording.decimal(result.percent) + "%"
        )
        assert row[column["Chỉ tiêu năm"]] == (
            "" if result.target is None else wording.decimal(result.target) + "%"
        )
        assert row[column["Còn thiếu"]] == (
            "" if result.gap is None else wording.decimal(result.gap) + " điểm %"
        )
        assert row[column["Kết luận"]] == wording.verdict(result)
        assert row[column["Tử số"]] == wording.count(result.numerator)
    assert any("." in r[column["Tử số"]] for r in rows)  # a count above 999: "1.234"


def test_the_document_tables_read_as_the_pdf_does(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.session() as session:
        prepared = prepare(session, DocumentRequest("report", year=2025))
    write_document_tables(prepared, tmp_path / "bao-cao.xlsx")
    tables = [line.table for line in prepared.lines if line.table is not None]
    sheets = shown(tmp_path / "bao-cao.xlsx", tmp_path)
    for index, table in enumerate(tables, start=1):
        read = sheets[f"Bảng {index}"][3:]  # below the title, a blank line and the header
        assert len(read) == len(table.rows)
        for texts, cells in zip(table.rows, read, strict=True):
            # The same words as the PDF, but for the one decimal Excel's percent keeps.
            assert [re.sub(r",0(?=%| điểm %)", "", c) for c in cells] == list(texts)
