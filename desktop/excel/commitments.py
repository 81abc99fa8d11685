"""The chase list of a year's commitments out to Excel (danh sách đôn đốc đăng ký thi đua).

One row per unit still to be called: those expected in the year that have not registered, then
those registered whose own plan has not reached the ward — with the unit's head, position, phone
and e-mail from the register, so the clerk can ring them from the sheet. Dates are real date
cells; the sheet's title line says the year and as of which day.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Font
from sqlmodel import Session

from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.models.periods import today
from desktop.movement.commitments import standing
from desktop.text import wording

DATE_FORMAT = "DD/MM/YYYY"
HEADERS = (
    "STT",
    "Mã đơn vị",
    "Tên đơn vị",
    "Loại đơn vị",
    "Tình trạng",
    "Ngày đăng ký",
    "Người đứng đầu",
    "Chức vụ",
    "Điện thoại",
    "Email",
    "Ghi chú",
)
WIDTHS = (6, 12, 40, 28, 30, 14, 24, 22, 16, 26, 30)


def export_chase_list(session: Session, path: Path, year: int) -> int:
    """Write the units to chase for ``year`` to ``path``; returns how many rows were written."""
    year_standing = standing(session, year)
    lines = year_standing.to_chase
    workbook, sheet = new_workbook(f"Đôn đốc {year}")
    sheet["A1"] = (
        f"Đơn vị chưa đăng ký thi đua hoặc chưa gửi kế hoạch năm {year} "
        f"(đến ngày {wording.short_date(today())}): {wording.count(len(year_standing.missing))} "
        f"chưa đăng ký, {wording.count(len(year_standing.without_plan))} chưa gửi kế hoạch, "
        f"trên {wording.count(year_standing.expected)} đơn vị."
    )
    sheet["A1"].font = Font(bold=True)
    rows = [
        (
            number,
            line.unit.code,
            line.unit.name,
            line.unit.kind.label,
            line.state,
            line.commitment.registered_on if line.commitment else None,
            line.unit.head_name,
            line.unit.head_position,
            line.unit.phone,
            line.unit.email,
            line.commitment.note if line.commitment else "",
        )
        for number, line in enumerate(lines, start=1)
    ]
    last = write_table(sheet, HEADERS, rows, widths=WIDTHS, start_row=3)
    for row in range(4, last + 1):
        sheet.cell(row=row, column=6).number_format = DATE_FORMAT
    save_atomically(workbook, path)
    return len(rows)
