"""A sơ kết or tổng kết report as a workbook, for the city's Ban Thi đua - Khen thưởng to re-use.

The data is what :func:`desktop.documents.review.gather` gives the PDF, so the workbook and the
signed report cannot disagree. Figures stay numbers — a percent as Excel's fraction under
:data:`~desktop.text.wording.EXCEL_PERCENT`, a count under ``EXCEL_COUNT`` — so the board can sort
and chart them; the verdicts, targets and coverage stay the words of the report.

Sheets: Chỉ tiêu qua các năm (one row per indicator and year), Theo loại đơn vị (each kind's
figure per year), Hoạt động (by year and by kind), Sáng kiến (by year and kind), Khen thưởng (by
year and form), Đề nghị khen thưởng (the review round's proposals).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.text import wording

Cell = str | int | float | None


def _sheet(
    workbook: Workbook,
    sheet: Worksheet | None,
    name: str,
    title: str,
    headers: Sequence[str],
    rows: list[list[Cell]],
    formats: dict[int, str],
) -> None:
    """One table under its title; ``formats``: the number format of a column by its index."""
    target = sheet if sheet is not None else workbook.create_sheet(name[:31])
    target.cell(row=1, column=1, value=title).font = Font(bold=True, size=13)
    widths = [max(10, min(60, len(h) + 4)) for h in headers]
    last = write_table(target, headers, rows, widths=widths, start_row=3)
    for cells in target.iter_rows(min_row=4, max_row=last):
        for index, cell in enumerate(cells):
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if index in formats and isinstance(cell.value, int | float):
                cell.number_format = formats[index]


def _share(value: float | None) -> float | None:
    return wording.excel_percent(value)


def _indicator_rows(review: dict[str, Any]) -> list[list[Cell]]:
    return [
        [
            block["name"],
            row["year"],
            row["target"],
            row["numerator"] if row["has_figure"] else None,
            row["denominator"] if row["has_figure"] else None,
            _share(row["raw_percent"]),
            row["reported"],
            row["expected"],
            row["verdict_short"],
        ]
        for block in review["indicators"]
        for row in block["rows"]
    ]


def _count_rows(rows: list[dict[str, Any]]) -> list[list[Cell]]:
    """Activity totals: the row's key and its counts (the raw record, not the words)."""
    return [
        [
            r["key"],
            r["raw"].activities,
            r["raw"].participants,
            r["raw"].officials,
            r["raw"].students,
            r["raw"].residents,
            r["raw"].workers,
        ]
        for r in rows
    ]


def write_review_workbook(review: dict[str, Any], title: str, path: Path) -> None:
    """Write the review's tables to ``path`` (replacing it atomically)."""
    workbook, first = new_workbook("Chỉ tiêu qua các năm")
    percent, count = wording.EXCEL_PERCENT, wording.EXCEL_COUNT
    headers = ["Chỉ tiêu", "Năm", "Chỉ tiêu năm", "Tử số", "Mẫu số", "Kết quả"]
    headers += ["Đơn vị đã báo cáo", "Đơn vị phải báo cáo", "Đánh giá"]
    _sheet(
        workbook,
        first,
        "",
        title,
        headers,
        _indicator_rows(review),
        {3: count, 4: count, 5: percent, 6: count, 7: count},
    )
    kinds = review["kinds"]
    _sheet(
        workbook,
        None,
        "Theo loại đơn vị",
        f"{title}: kết quả theo loại đơn vị",
        ["Chỉ tiêu", "Loại đơn vị", *kinds["headers"]],
        [[r["label"], r["kind"], *(_share(p) for p in r["percents"])] for r in kinds["rows"]],
        {2 + n: percent for n in range(len(kinds["headers"]))},
    )
    record = review["record"]
    activity_headers = ["", "Số hoạt động", "Lượt người tham gia", "Cán bộ, công chức, viên chức"]
    activity_headers += ["Học sinh", "Người dân", "Người lao động"]
    for name, key, first_header in (("Hoạt động theo năm", "by_year", "Năm"),
                                    ("Hoạt động theo loại", "by_kind", "Loại hoạt động")):  # fmt: skip
        _sheet(
            workbook,
            None,
            name,
            f"{title}: {name.lower()}",
            [first_header, *activity_headers[1:]],
            _count_rows(record["activities"][key]),
            dict.fromkeys(range(1, 7), count),
        )
    found = record["initiatives"]
    _sheet(
        workbook,
        None,
        "Sáng kiến",
        f"{title}: sáng kiến, giải pháp, mô hình",
        ["Năm", *found["kinds"], "Tổng số"],
        [[r["year"], *r["raw"], sum(r["raw"])] for r in found["by_year"]],
        dict.fromkeys(range(1, len(found["kinds"]) + 2), count),
    )
    _sheet(
        workbook,
        None,
        "Khen thưởng",
        f"{title}: khen thưởng theo năm và hình thức",
        ["Năm", "Hình thức khen thưởng", "Tập thể", "Cá nhân"],
        [[r["year"], r["award"], *r["raw"]] for r in record["awards"]["rows"]],
        {2: count, 3: count},
    )
    _sheet(
        workbook,
        None,
        "Đề nghị khen thưởng",
        f"{title}: đề nghị khen thưởng",
        ["STT", "Tập thể, cá nhân", "Đơn vị, chức vụ", "Hình thức đề nghị", "Tình trạng"],
        [
            [n, r["name"], r["detail"], r["form"], r["status"]]
            for n, r in enumerate(record["proposals"]["rows"], start=1)
        ],
        {},
    )
    save_atomically(workbook, Path(path))
