"""The dossier list as an Excel workbook (danh sách hồ sơ đề nghị khen thưởng), for the council's table.

The decision date is a real date cell and the counts per status are numbers under the one voice's
count format ("1.234"), so the council sorts, filters and sums them. The dossier's number is an
identifier, not a quantity: it stays a plain number, without a thousands dot.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.awards.dossiers import DossierRow, count_by_status
from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.text import wording

HEADERS = (
    "Số hồ sơ",
    "Đối tượng đề nghị",
    "Loại đối tượng",
    "Danh hiệu / hình thức khen thưởng",
    "Loại",
    "Cấp",
    "Đợt xét",
    "Đơn vị đề nghị",
    "Trạng thái",
    "Số quyết định",
    "Ngày quyết định",
    "Lưu ý",
)
WIDTHS = (9, 36, 14, 40, 22, 16, 34, 34, 24, 18, 14, 40)
DATE_FORMAT = "DD/MM/YYYY"


def _notes(row: DossierRow) -> str:
    notes = []
    if row.overdue and row.deadline:
        notes.append(f"Quá hạn nộp {wording.short_date(row.deadline)}")
    if row.flagged:
        notes.append(f"Kỷ luật/khiếu nại: {row.discipline_note}")
    return "; ".join(notes)


def export_dossiers(rows: Sequence[DossierRow], path: Path) -> int:
    """Write the rows (as filtered by the clerk) and the counts per status; returns the row count."""
    workbook, sheet = new_workbook("Hồ sơ khen thưởng")
    write_table(
        sheet,
        HEADERS,
        (
            (
                r.dossier.id,
                r.nominee,
                r.nominee_kind.label,
                r.award,
                r.category.label,
                r.level_label,
                r.campaign,
                r.proposer,
                r.status.label,
                r.dossier.decision_number,
                r.dossier.decision_date,
                _notes(r),
            )
            for r in rows
        ),
        widths=WIDTHS,
    )
    for row in sheet.iter_rows(min_row=2, min_col=11, max_col=11):
        for cell in row:
            cell.number_format = DATE_FORMAT
    counts = workbook.create_sheet("Theo trạng thái")
    last = write_table(
        counts,
        ("Trạng thái", "Số hồ sơ"),
        ((status.label, n) for status, n in count_by_status(list(rows)).items()),
        widths=(30, 12),
    )
    for (cell,) in counts.iter_rows(min_row=2, max_row=last, min_col=2, max_col=2):
        cell.number_format = wording.EXCEL_COUNT
    save_atomically(workbook, path)
    return len(rows)
