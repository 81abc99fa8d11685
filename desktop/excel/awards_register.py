"""The award register (sổ theo dõi khen thưởng) as an Excel workbook: the awards, then the decisions.

Dates are real date cells and the bonuses numbers under the one voice's count format ("702.000"),
so the office sorts, filters and sums them; a year and a dossier's number are identifiers and stay
plain numbers. A revoked decision is listed with "Đã hủy: lý do" and awards nothing.
"""

from __future__ import annotations

from pathlib import Path

from desktop.decisions.register import AwardRegister, AwardRow
from desktop.excel.common import new_workbook, save_atomically, write_table
from desktop.text import wording

AWARD_HEADERS = (
    "Năm",
    "Số quyết định",
    "Ngày quyết định",
    "Cấp quyết định",
    "Hình thức khen thưởng",
    "Tập thể, cá nhân được khen thưởng",
    "Loại đối tượng",
    "Đơn vị",
    "Tiền thưởng (đồng)",
    "Số vào sổ Giấy khen",
    "Nguồn",
)
AWARD_WIDTHS = (8, 18, 14, 30, 38, 36, 14, 34, 16, 14, 24)
DECISION_HEADERS = (
    "Số quyết định",
    "Ngày ký",
    "Cấp quyết định",
    "Đợt xét",
    "Số tập thể",
    "Số cá nhân",
    "Tiền thưởng (đồng)",
    "Tình trạng",
)
DECISION_WIDTHS = (18, 12, 30, 34, 11, 11, 16, 40)
DATE_FORMAT = "DD/MM/YYYY"


def _source(row: AwardRow) -> str:
    if row.earlier:
        return "Ghi tay (khen thưởng đã nhận)"
    return f"Hồ sơ số {row.dossier_id}"


def export_award_register(register: AwardRegister, path: Path) -> int:
    """Write the register as filtered; returns the number of awards written."""
    workbook, sheet = new_workbook("Sổ theo dõi khen thưởng")
    last = write_table(
        sheet,
        AWARD_HEADERS,
        (
            (
                r.year,
                r.decision_number,
                r.decision_date,
                r.issuer,
                r.award,
                r.nominee,
                r.nominee_kind.label,
                r.unit,
                r.bonus or None,
                r.certificate,
                _source(r),
            )
            for r in register.rows
        ),
        widths=AWARD_WIDTHS,
    )
    for (date_cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=3, max_col=3):
        date_cell.number_format = DATE_FORMAT
    for (bonus_cell,) in sheet.iter_rows(min_row=2, max_row=last, min_col=9, max_col=9):
        bonus_cell.number_format = wording.EXCEL_COUNT
    decisions = workbook.create_sheet("Quyết định")
    last = write_table(
        decisions,
        DECISION_HEADERS,
        (
            (
                d.number,
                d.signed_on,
                d.issuer,
                d.campaign,
                d.collectives,
                d.individuals,
                d.bonus,
                d.status,
            )
            for d in register.decisions
        ),
        widths=DECISION_WIDTHS,
    )
    for row in decisions.iter_rows(min_row=2, max_row=last):
        row[1].number_format = DATE_FORMAT
        for cell in row[4:7]:
            cell.number_format = wording.EXCEL_COUNT
    save_atomically(workbook, path)
    return len(register.rows)
