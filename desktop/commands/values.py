"""``values export|forms|import|lock|unlock|corrections`` and ``results``: the quarterly figures
from the command line, over the same domain as the window."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sqlmodel import col, select

from desktop.context import AppContext
from desktop.excel.common import ExcelInputError
from desktop.excel.values_forms import write_forms
from desktop.excel.values_import import apply_import, describe, read_returned
from desktop.excel.values_io import export_corrections, export_quarter
from desktop.indicators.lock import lock_quarter, unlock_quarter
from desktop.indicators.results import IndicatorResult, ward_results
from desktop.indicators.rules import ValueRefused, format_percent
from desktop.models import Unit
from desktop.models._base import stored_id


def _period(parser: argparse.ArgumentParser, quarter_required: bool = True) -> None:
    parser.add_argument("--year", type=int, required=True, help="năm, ví dụ 2025")
    parser.add_argument(
        "--quarter", type=int, required=quarter_required, choices=range(1, 5), help="quý 1–4"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    values = subparsers.add_parser(
        "values", help="số liệu quý: xuất, biểu mẫu thu thập, nhập, chốt"
    )
    commands = values.add_subparsers(dest="values_command", metavar="VIỆC", required=True)

    export = commands.add_parser("export", help="xuất bảng số liệu và kết quả của quý ra Excel")
    _period(export)
    export.add_argument("--out", type=Path, required=True, help="tệp .xlsx sẽ ghi")
    export.set_defaults(run=run_export)

    forms = commands.add_parser(
        "forms", help="tạo biểu mẫu thu thập cho từng đơn vị (mỗi đơn vị một tệp)"
    )
    _period(forms)
    forms.add_argument("--out", type=Path, required=True, help="thư mục sẽ ghi các biểu mẫu")
    forms.add_argument(
        "--unit", action="append", default=[], help="mã đơn vị (lặp lại được; bỏ trống: tất cả)"
    )
    forms.set_defaults(run=run_forms)

    read = commands.add_parser(
        "import", help="nhập các biểu mẫu đã điền (mỗi tệp: nhập hết hoặc không nhập)"
    )
    _period(read)
    read.add_argument("files", nargs="+", type=Path, help="các tệp .xlsx đã điền")
    read.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo cáo, không lưu")
    read.set_defaults(run=run_import)

    lock = commands.add_parser("lock", help="chốt số liệu quý")
    _period(lock)
    lock.set_defaults(run=run_lock)

    unlock = commands.add_parser("unlock", help="mở chốt số liệu quý (phải có lý do)")
    _period(unlock)
    unlock.add_argument("--reason", required=True, help="lý do mở chốt")
    unlock.set_defaults(run=run_unlock)

    fixes = commands.add_parser(
        "corrections", help="phiếu đính chính: các thay đổi sau khi mở chốt"
    )
    _period(fixes)
    fixes.add_argument("--out", type=Path, required=True, help="tệp .xlsx sẽ ghi")
    fixes.set_defaults(run=run_corrections)

    results = subparsers.add_parser("results", help="kết quả toàn phường theo chỉ tiêu")
    _period(results, quarter_required=False)
    results.add_argument("--json", action="store_true", help="in dạng JSON")
    results.set_defaults(run=run_results)


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            export_quarter(session, args.year, args.quarter, args.out)
    except (ValueRefused, ExcelInputError) as error:
        print(error)
        return 2
    print(f"Đã xuất số liệu quý {args.quarter}/{args.year}: {args.out}")
    return 0


def run_forms(args: argparse.Namespace, ctx: AppContext) -> int:
    with ctx.db.session() as session:
        unit_ids = None
        if args.unit:
            found = dict(
                session.exec(
                    select(Unit.code, stored_id(Unit.id)).where(col(Unit.code).in_(args.unit))
                ).all()
            )
            missing = [code for code in args.unit if code not in found]
            if missing:
                print(f"Không có đơn vị mã: {', '.join(missing)}")
                return 2
            unit_ids = [found[code] for code in args.unit]
        try:
            paths = write_forms(session, args.year, args.quarter, args.out, unit_ids)
        except (ValueError, ExcelInputError) as error:
            print(error)
            return 2
    print(f"Đã tạo {len(paths)} biểu mẫu quý {args.quarter}/{args.year} trong {args.out}")
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            results = read_returned(session, args.files, args.year, args.quarter)
    except ValueRefused as error:
        print(error)
        return 2
    if not args.dry_run:
        saved = apply_import(ctx.db, results, args.year, args.quarter)
    print(describe(results))
    if not args.dry_run:
        print(f"Đã lưu {saved} ô số liệu từ {sum(r.saved for r in results)}/{len(results)} tệp.")
    return 0 if all(r.ok for r in results) else 1


def run_lock(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            lock_quarter(session, args.year, args.quarter)
    except ValueRefused as error:
        print(error)
        return 1
    print(f"Đã chốt số liệu quý {args.quarter}/{args.year}.")
    return 0


def run_unlock(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            unlock_quarter(session, args.year, args.quarter, args.reason)
    except ValueRefused as error:
        print(error)
        return 1
    print(
        f"Đã mở chốt số liệu quý {args.quarter}/{args.year}; mọi thay đổi sẽ được ghi để đính chính."
    )
    return 0


def run_corrections(args: argparse.Namespace, ctx: AppContext) -> int:
    with ctx.db.session() as session:
        count = export_corrections(session, args.year, args.quarter, args.out)
    if not count:
        print(f"Quý {args.quarter}/{args.year} chưa có đính chính nào sau khi mở chốt.")
        return 1
    print(f"Đã ghi phiếu đính chính ({count} thay đổi): {args.out}")
    return 0


def run_results(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        with ctx.db.session() as session:
            rows = ward_results(session, args.year, args.quarter)
    except ValueError as error:
        print(error)
        return 2
    if args.json:
        print(json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    period = (
        f"quý {args.quarter}/{args.year}"
        if args.quarter
        else f"năm {args.year} (quý báo cáo gần nhất)"
    )
    print(f"Kết quả toàn phường — {period}")
    header = f"{'Mã':<10} {'Quý':>3} {'Tử số':>10} {'Mẫu số':>10} {'Tỷ lệ':>9} {'Chỉ tiêu':>9} {'Đạt':<9} {'Báo cáo':>9}"
    print(header)
    print("-" * len(header))
    for r in rows:
        met = {True: "Đạt", False: "Chưa đạt", None: ""}[r.met]
        print(
            f"{r.code:<10} {r.quarter or '':>3} {r.numerator:>10} {r.denominator:>10} "
            f"{format_percent(r.percent):>9} {format_percent(r.target):>9} {met:<9} "
            f"{r.reported_units:>4}/{r.expected_units:<4}"
        )
    return 0


def _as_dict(r: IndicatorResult) -> dict[str, object]:
    return {
        "indicator_id": r.indicator_id,
        "code": r.code,
        "name": r.name,
        "year": r.year,
        "quarter": r.quarter,
        "numerator": r.numerator,
        "denominator": r.denominator,
        "percent": None if r.percent is None else round(r.percent, 4),
        "target": r.target,
        "met": r.met,
        "gap": None if r.gap is None else round(r.gap, 4),
        "reported_units": r.reported_units,
        "expected_units": r.expected_units,
    }
