"""The yearly report on the movement as a workbook: the report's own tables, one sheet each.

The data is what :func:`desktop.documents.yearly.gather` gives the PDF — the same rows, worded by
:mod:`desktop.text.wording` — so the workbook and the signed report cannot disagree. A worded
figure ("85,3%", "1.234", "4,5 điểm %") goes into its cell as the number it says, under the one
voice's number format (:func:`desktop.text.wording.excel_figure`); words stay words.

Sheets: Chỉ tiêu (section II.1), Theo quý (the figures of the charts page), Hoạt động (II.2),
Sáng kiến (II.3), Đăng ký thi đua (I: registered, then those not registered), Khen thưởng (II.4).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.text import wording

if TYPE_CHECKING:
    from desktop.documents.charts import ChartGrid

NOT_REGISTERED = "Chưa đăng ký"
WORDS = frozenset({"Chỉ tiêu năm", "Mục tiêu"})  # columns whose figures are part of the words
SheetRows = list[list[str]]


def _sheet_of(
    sheet: Worksheet, title: str, headers: Sequence[str], rows: SheetRows, widths: Sequence[int]
) -> None:
    sheet.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
    # A target is words of the plan ("trên 80%", "100%"): it stays text, never a number in one
    # row and words in the next.
    words = {n for n, header in enumerate(headers) if header in WORDS}
    figures = [
        [
            wording.excel_figure(text) if text and n not in words else None
            for n, text in enumerate(row)
        ]
        for row in rows
    ]
    values = [
        [text if figure is None else figure[0] for text, figure in zip(row, found, strict=True)]
        for row, found in zip(rows, figures, strict=True)
    ]
    last = write_table(sheet, headers, values, widths=widths, start_row=3)
    for cells, found in zip(sheet.iter_rows(min_row=4, max_row=last), figures, strict=True):
        for cell, figure in zip(cells, found, strict=False):
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if figure is not None:
                cell.number_format = figure[1]


def _indicators(report: dict[str, Any]) -> SheetRows:
    return [
        [
            str(i["index"]),
            i["name"],
            i["target"],
            i["numerator_text"],
            i["denominator_text"],
            i["percent"],
            i["gap"],
            i["coverage"],
            i["verdict_short"],
        ]
        for i in report["indicators"]
    ]


def _quarters(chart: ChartGrid | None) -> SheetRows:
    rows: SheetRows = []
    for panel in chart.panels if chart is not None else ():
        for series in panel.series:
            target = panel.targets[0].label if panel.targets else ""
            rows.append(
                [panel.title, *(wording.percent(value, "") for _, value in series.points), target]
            )
    return rows


def _commitments(report: dict[str, Any]) -> SheetRows:
    found = report["commitments"]
    rows = [[r["name"], r["registered_on"], r["plan_received_on"]] for r in found["rows"]]
    return rows + [[r["name"], NOT_REGISTERED, ""] for r in found["missing_rows"]]


def yearly_sheets(report: dict[str, Any]) -> list[tuple[str, list[str], SheetRows, list[int]]]:
    """(sheet name, headers, rows, widths) of each table, in the report's order."""
    activity = ["key", "activities", "participants", "officials", "students", "residents"]
    return [
        (
            "Chỉ tiêu",
            [
                "STT",
                "Chỉ tiêu",
                "Chỉ tiêu năm",
                "Tử số",
                "Mẫu số",
                "Kết quả",
                "Còn thiếu",
                "Đơn vị đã báo cáo",
                "Đánh giá",
            ],
            _indicators(report),
            [6, 50, 22, 10, 10, 10, 12, 12, 16],
        ),
        (
            "Theo quý",
            ["Chỉ tiêu", "Quý I", "Quý II", "Quý III", "Quý IV", "Mục tiêu"],
            _quarters(report["chart"]),
            [40, 10, 10, 10, 10, 26],
        ),
        (
            "Hoạt động",
            [
                "Loại hoạt động",
                "Số hoạt động",
                "Lượt người tham gia",
                "Cán bộ, công chức, viên chức",
                "Học sinh",
                "Người dân",
                "Người lao động",
            ],
            [[r[k] for k in [*activity, "workers"]] for r in report["activities"]["rows"]],
            [34, 12, 14, 16, 12, 12, 14],
        ),
        (
            "Sáng kiến",
            [
                "STT",
                "Tên sáng kiến, giải pháp, mô hình",
                "Đơn vị, tác giả",
                "Loại",
                "Lĩnh vực",
                "Cấp công nhận",
            ],
            [
                [str(n), r["title"], r["unit"], r["kind"], r["area"], r["recognition"]]
                for n, r in enumerate(report["initiatives"]["rows"], start=1)
            ],
            [6, 50, 34, 16, 40, 26],
        ),
        (
            "Đăng ký thi đua",
            ["Đơn vị", "Ngày đăng ký", "Ngày nhận kế hoạch"],
            _commitments(report),
            [46, 16, 20],
        ),
        (
            "Khen thưởng",
            ["Hình thức khen thưởng", "Tập thể", "Cá nhân", "Cộng"],
            [
                [r["award"], r["collectives"], r["individuals"], r["total"]]
                for r in report["commendations"]["rows"]
            ],
            [46, 12, 12, 12],
        ),
    ]


def write_yearly_workbook(report: dict[str, Any], title: str, path: Path) -> int:
    """Write the tables of the yearly report (``gather(...)["report"]``) to ``path``; returns
    how many sheets. A table with no row still has its sheet, with its header: the city's board
    reads "nothing this year" rather than a sheet gone missing."""
    sheets = yearly_sheets(report)
    workbook, sheet = new_workbook(sheets[0][0])
    for index, (name, headers, rows, widths) in enumerate(sheets):
        if index:
            sheet = workbook.create_sheet(name)
        _sheet_of(sheet, f"{title} — {name}", headers, rows, widths)
    save_atomically(workbook, Path(path))
    return len(sheets)
