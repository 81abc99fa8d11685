"""The dossier list in Excel: dates as dates, counts per status as numbers, numbers as identifiers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from desktop.awards.dossiers import count_by_status, list_dossiers
from desktop.excel.dossiers_export import export_dossiers
from desktop.storage import Database
from desktop.text import wording


def test_the_counts_per_status_are_numbers_the_council_can_sum(
    demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.session() as session:
        rows = list_dossiers(session, today=date(2025, 6, 1))
    assert export_dossiers(rows, tmp_path / "ho-so.xlsx") == len(rows)
    workbook = load_workbook(tmp_path / "ho-so.xlsx")
    counts = list(workbook["Theo trạng thái"].iter_rows(min_row=2))
    expected = count_by_status(rows)
    assert {label.value: n.value for label, n in counts} == {
        status.label: n for status, n in expected.items()
    }
    assert sum(n.value for _label, n in counts) == len(rows)
    assert {n.number_format for _label, n in counts} == {wording.EXCEL_COUNT}
    # The dossier's number names a dossier: no thousands dot on it.
    listed = workbook["Hồ sơ khen thưởng"]
    assert {listed.cell(row=r, column=1).number_format for r in range(2, len(rows) + 2)} == {
        "General"
    }
    assert listed.cell(row=2, column=1).value == rows[0].dossier.id
