"""Activity lists sent by the units: the template, the preview, an import that saves all or nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.excel.activities import (
    SHEET,
    export_activities,
    import_operation,
    read_activities,
    write_template,
)
from desktop.excel.common import ExcelInputError
from desktop.models import ActivityKind, Unit, UnitKind
from desktop.movement import activity_ops
from desktop.movement.activities import ActivityData, ActivityError, activity_views
from tests.helpers.activity_lists import HEADERS, a_list

CLASS = "Lớp “Bình dân học vụ số”"


@pytest.fixture
def units(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.session() as session:
        rows = [
            Unit(code="MTTQ", name="Ủy ban MTTQ phường", kind=UnitKind.FRONT_ORGANISATION),
            Unit(code="TDP5", name="Tổ dân phố số 5", kind=UnitKind.RESIDENTIAL_GROUP),
            Unit(code="THCS-TP", name="Trường THCS Trần Phú", kind=UnitKind.SCHOOL_LOWER_SECONDARY),
        ]
        session.add_all(rows)
        session.commit()
        return {u.code: u.id for u in rows}  # type: ignore[misc]


GOOD = [
    [
        date(2025, 3, 26),
        "Tuyên truyền",
        "Phát động phong trào “Bình dân học vụ số”",
        "Hội trường UBND phường",
        "MTTQ",
        180,
        40,
        None,
        140,
        None,
        "",
    ],
    [
        "05/04/2025",
        CLASS,
        "Lớp học số tại Tổ dân phố số 5",
        "Nhà văn hóa TDP 5",
        "TDP5, MTTQ",
        "1.020",
        None,
        None,
        1000,
        20,
        "2 buổi",
    ],
    [
        datetime(2025, 10, 15),
        "tap huan, boi duong",
        "Tập huấn an toàn thông tin cho học sinh",
        "Trường THCS Trần Phú",
        "thcs-tp",
        420,
        20,
        400,
        None,
        None,
        None,
    ],
]


def stored(ctx) -> list[tuple[date, str, tuple[str, ...], int | None]]:  # type: ignore[no-untyped-def]
    return sorted(
        (v.held_on, v.title, v.unit_codes, v.participants) for v in ctx.door.read(activity_views)
    )


def test_a_good_list_is_previewed_then_saved_whole(ctx, units, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = a_list(tmp_path / "hoat-dong-mttq.xlsx", GOOD)
    preview = ctx.door.read(lambda s: read_activities(s, path))
    assert [(r.row, r.status, r.held_on, r.kind) for r in preview.rows] == [
        (2, "new", "26/03/2025", "Tuyên truyền"),
        (3, "new", "05/04/2025", CLASS),
        (4, "new", "15/10/2025", "Tập huấn, bồi dưỡng"),
    ]
    assert preview.summary().startswith("Tệp “hoat-dong-mttq.xlsx”: 3 dòng — 3 hoạt động mới")
    assert stored(ctx) == []  # the preview wrote nothing
    done = ctx.door.run(import_operation(preview))
    assert len(done.added) == 3
    assert stored(ctx) == [
        (date(2025, 3, 26), "Phát động phong trào “Bình dân học vụ số”", ("MTTQ",), 180),
        (date(2025, 4, 5), "Lớp học số tại Tổ dân phố số 5", ("TDP5", "MTTQ"), 1020),
        (date(2025, 10, 15), "Tập huấn an toàn thông tin cho học sinh", ("THCS-TP",), 420),
    ]
    assert ctx.door.undo("activities") == "nhập 3 hoạt động từ “hoat-dong-mttq.xlsx”"
    assert stored(ctx) == []


def test_one_bad_row_refuses_the_file_naming_every_bad_row_and_saves_nothing(
    ctx, units, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        *GOOD,
        [
            "31/02/2025",
            "Tuyên truyền",
            "Tuyên truyền trên loa phát thanh",
            "",
            "",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
        ["10/05/2025", "Văn nghệ", "", "", "TDP9", "mười", None, None, None, None, None],
        [
            "12/05/2025",
            "Kiểm tra, giám sát",
            "Kiểm tra Tổ dân phố số 5",
            "",
            "TDP5",
            10,
            8,
            None,
            5,
            None,
            None,
        ],
    ]
    path = a_list(tmp_path / "hoat-dong.xlsx", rows)
    preview = ctx.door.read(lambda s: read_activities(s, path))
    assert preview.problems() == [
        "Dòng 5: ngày “31/02/2025” không hợp lệ (ghi theo dd/mm/yyyy).",
        "Dòng 6: loại hoạt động “Văn nghệ” không có trong danh sách; không có đơn vị mã “TDP9” "
        "trong sổ đơn vị; số người tham gia “mười” không phải số nguyên; thiếu tên hoạt động.",
        "Dòng 7: tổng các nhóm (13) vượt số người tham gia (10).",
    ]
    assert not preview.can_save
    with pytest.raises(ActivityError) as refused:
        ctx.door.run(import_operation(preview))
    assert str(refused.value).startswith(
        "Không nhập được tệp: có 3 dòng sai, chưa lưu hoạt động nào"
    )
    assert refused.value.problems == preview.problems()
    assert stored(ctx) == []


def test_a_list_imported_again_skips_every_row_it_already_brought(
    ctx, units, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = a_list(tmp_path / "hoat-dong.xlsx", GOOD)
    ctx.door.run(import_operation(ctx.door.read(lambda s: read_activities(s, path))))
    more = [
        *GOOD,
        [
            "20/11/2025",
            "Hội nghị, hội thảo",
            "Hội nghị sơ kết quý IV",
            "",
            "",
            None,
            None,
            None,
            None,
            None,
            None,
        ],
    ]
    again = ctx.door.read(lambda s: read_activities(s, a_list(tmp_path / "lan-2.xlsx", more)))
    assert [(r.row, r.status) for r in again.rows] == [
        (2, "duplicate"),
        (3, "duplicate"),
        (4, "duplicate"),
        (5, "new"),
    ]
    assert again.rows[0].reason == "Trùng một hoạt động đã có (cùng ngày, tên và đơn vị tổ chức)."
    done = ctx.door.run(import_operation(again))
    assert len(done.added) == 1 and len(stored(ctx)) == 4


def test_a_row_repeated_in_the_file_is_skipped_once_seen(ctx, units, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = a_list(tmp_path / "hoat-dong.xlsx", [GOOD[0], GOOD[0]])
    preview = ctx.door.read(lambda s: read_activities(s, path))
    assert [(r.status, r.reason) for r in preview.rows] == [
        ("new", ""),
        ("duplicate", "Trùng dòng 2 (cùng ngày, tên và đơn vị tổ chức)."),
    ]


def test_the_export_reads_back_as_duplicates_and_the_template_offers_the_kinds(
    ctx, units, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data = ActivityData(
        held_on=date(2026, 2, 3),
        title="Tập huấn kỹ năng số cho cán bộ phường",
        kind=ActivityKind.TRAINING,
        unit_ids=(units["MTTQ"],),
        participants=35,
        officials=35,
    )
    ctx.door.run(activity_ops.add_activity(data))
    out = tmp_path / "xuat.xlsx"
    assert ctx.door.read(lambda s: export_activities(s, out, year=2026)) == 1
    sheet = load_workbook(out)[SHEET]
    assert [c.value for c in sheet[1]] == HEADERS
    assert (
        sheet["A2"].value.date() == date(2026, 2, 3) and sheet["A2"].number_format == "DD/MM/YYYY"
    )
    assert (sheet["B2"].value, sheet["E2"].value, sheet["F2"].value) == (
        "Tập huấn, bồi dưỡng",
        "MTTQ",
        35,
    )
    back = ctx.door.read(lambda s: read_activities(s, out))
    assert [r.status for r in back.rows] == ["duplicate"]

    template = tmp_path / "mau.xlsx"
    ctx.door.read(lambda s: write_template(s, template))
    book = load_workbook(template)
    rules = {str(v.sqref): v.formula1 for v in book[SHEET].data_validations.dataValidation}
    assert rules["B2:B1001"] == "'Danh mục'!$A$2:$A$7"
    assert [book["Danh mục"].cell(row=r, column=1).value for r in range(2, 8)] == [
        k.label for k in ActivityKind
    ]
    assert book["Danh mục"]["B2"].value in {"MTTQ", "TDP5", "THCS-TP"}


def test_a_file_without_the_columns_is_refused_before_any_row(ctx, units, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["STT", "Nội dung"])
    sheet.append([1, "Tuyên truyền"])
    path = tmp_path / "khac.xlsx"
    workbook.save(path)
    with pytest.raises(
        ExcelInputError, match="không có cột “Ngày \\(dd/mm/yyyy\\)”, “Tên hoạt động”"
    ):
        ctx.door.read(lambda s: read_activities(s, path))
