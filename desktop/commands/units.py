"""``units import``, ``units export``, ``units template``: the unit register and Excel."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop.context import AppContext
from desktop.excel.common import ExcelInputError
from desktop.excel.units_export import export_units, write_template
from desktop.excel.units_import import ImportPlan, RowStatus, apply_import, plan_import
from desktop.excel.units_persons import (
    PersonImportPlan,
    apply_persons,
    plan_persons,
    read_person_roster,
)
from desktop.excel.units_read import read_roster
from desktop.register.rules import RegisterError


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


def print_report(plan: ImportPlan | PersonImportPlan) -> None:
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
    return _import(args, ctx, read_roster, plan_import, apply_import, "đơn vị")


def run_import_persons(args: argparse.Namespace, ctx: AppContext) -> int:
    return _import(args, ctx, read_person_roster, plan_persons, apply_persons, "cá nhân")


def _import(
    args: argparse.Namespace,
    ctx: AppContext,
    read: Callable[[Path], Any],
    plan_rows: Callable[[Session, Any], Any],
    apply: Callable[..., Any],
    what: str,
) -> int:
    """Read, then report only (--dry-run) or write all or nothing, with the same report."""
    try:
        roster = read(args.file)
    except ExcelInputError as error:
        print(f"Không nhập được: {error}")
        return 2
    if args.dry_run:
        with ctx.db.session() as session:
            plan = plan_rows(session, roster)
        print_report(plan)
        print("Chạy thử (--dry-run): chưa ghi gì vào sổ đơn vị.")
        return 1 if plan.errors else 0
    try:
        with ctx.db.session() as session:
            plan = apply(session, roster, skip_errors=args.skip_errors)
    except RegisterError as error:
        with ctx.db.session() as session:
            print_report(plan_rows(session, roster))
        print(error.problems[0])
        print("Sửa các dòng lỗi rồi nhập lại, hoặc dùng --skip-errors để bỏ qua các dòng lỗi.")
        return 1
    print_report(plan)
    print(
        f"Đã nhập: {plan.count(RowStatus.NEW)} {what} mới, {plan.count(RowStatus.UPDATE)} {what} "
        "được cập nhật."
    )
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            count = export_units(session, args.file)
    except ExcelInputError as error:
        print(error)
        return 2
    print(f"Đã xuất {count} đơn vị ra {args.file}")
    return 0


def run_template(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        write_template(args.file)
    except ExcelInputError as error:
        print(error)
        return 2
    print(f"Đã tạo tệp mẫu {args.file}")
    return 0
