"""``units import``, ``units export``, ``units template``: the unit register and Excel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TypeVar

from desktop.context import AppContext
from desktop.excel.common import ExcelInputError
from desktop.excel.units_export import export_units, write_template
from desktop.excel.units_import import UNIT_IMPORT, ImportPlan, RosterImport, RowStatus
from desktop.excel.units_persons import PERSON_IMPORT
from desktop.register.rules import RegisterError
from desktop.text.wording import count

R = TypeVar("R")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    units = subparsers.add_parser("units", help="sổ đơn vị: nhập, xuất Excel, tệp mẫu")
    actions = units.add_subparsers(dest="units_command", metavar="VIỆC", required=True)

    do_import = actions.add_parser("import", help="nhập danh sách đơn vị từ tệp .xlsx")
    do_import.add_argument("file", type=Path, metavar="TỆP.xlsx")
    do_import.add_argument(
        "--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không ghi"
    )
    do_import.add_argument(
        "--skip-errors", action="store_true", help="nhập các dòng hợp lệ, bỏ qua dòng lỗi"
    )
    do_import.set_defaults(run=run_import)

    persons = actions.add_parser(
        "import-persons", help="nhập danh sách cá nhân (trang “Cá nhân”, theo mã đơn vị) từ .xlsx"
    )
    persons.add_argument("file", type=Path, metavar="TỆP.xlsx")
    persons.add_argument(
        "--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không ghi"
    )
    persons.add_argument(
        "--skip-errors", action="store_true", help="nhập các dòng hợp lệ, bỏ qua dòng lỗi"
    )
    persons.set_defaults(run=run_import_persons)

    do_export = actions.add_parser(
        "export", help="xuất sổ đơn vị (kèm trang “Cá nhân”) ra tệp .xlsx"
    )
    do_export.add_argument("file", type=Path, metavar="TỆP.xlsx")
    do_export.set_defaults(run=run_export)

    template = actions.add_parser(
        "template", help="tạo tệp mẫu trống (trang “Đơn vị” và “Cá nhân”) để điền danh sách"
    )
    template.add_argument("file", type=Path, metavar="TỆP.xlsx")
    template.set_defaults(run=run_template)


def print_report(plan: ImportPlan[Any]) -> None:
    """The same report the preview shows: a summary, then every row that is not unchanged."""
    print(f"Tệp {plan.file_name}: {plan.summary()}")
    if plan.ignored_headers:
        print("Các cột không dùng: " + ", ".join(plan.ignored_headers))
    for row in plan.rows:
        if row.status is RowStatus.SAME:
            continue
        name = row.row.shown.get("name", "")
        print(f"  Dòng {row.row.line:>5} [{row.status.label}] {name}: {row.reason}".rstrip(": "))


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    return _import(args, ctx, UNIT_IMPORT)


def run_import_persons(args: argparse.Namespace, ctx: AppContext) -> int:
    return _import(args, ctx, PERSON_IMPORT)


def _import(args: argparse.Namespace, ctx: AppContext, roster_import: RosterImport[R, Any]) -> int:
    """Read, then report only (--dry-run) or write all or nothing, with the same report.

    The write is the window's own import operation, run through the same door.
    """
    try:
        roster = roster_import.read(args.file, None)
    except ExcelInputError as error:
        print(f"Không nhập được: {error}")
        return 2
    if args.dry_run:
        plan = ctx.door.read(roster_import.preview(roster))
        print_report(plan)
        print("Chạy thử (--dry-run): chưa ghi gì vào sổ đơn vị.")
        return 1 if plan.errors else 0
    try:
        plan = ctx.door.run(roster_import.operation(roster, skip_errors=args.skip_errors))
    except RegisterError as error:
        print_report(ctx.door.read(roster_import.preview(roster)))
        print(error.message)
        print("Sửa các dòng lỗi rồi nhập lại, hoặc dùng --skip-errors để bỏ qua các dòng lỗi.")
        return 1
    print_report(plan)
    what = roster_import.noun
    print(
        f"Đã nhập: {count(plan.count(RowStatus.NEW))} {what} mới, "
        f"{count(plan.count(RowStatus.UPDATE))} {what} được cập nhật."
    )
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    path: Path = args.file
    try:
        number = ctx.door.read(lambda session: export_units(session, path))
    except ExcelInputError as error:
        print(error)
        return 2
    print(f"Đã xuất {count(number)} đơn vị ra {path}")
    return 0


def run_template(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        write_template(args.file)
    except ExcelInputError as error:
        print(error)
        return 2
    print(f"Đã tạo tệp mẫu {args.file}")
    return 0
