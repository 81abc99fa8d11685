"""``values export|forms|import|lock|unlock|corrections`` and ``results``: the quarterly figures
from the command line, through the same door, operations and lookups as the window.

The domain and openpyxl are imported when a command runs, not when the parser is built, so that
``--help`` and the other commands start without them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.text.wording import count, percent, verdict

if TYPE_CHECKING:
    from desktop.indicators.results import IndicatorResult

BAD_INPUT, REFUSED = 2, 1  # exit codes: a wrong argument or file; a rule of the plan said no


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
    from desktop.excel.values_io import export_quarter

    try:
        ctx.door.read(lambda s: export_quarter(s, args.year, args.quarter, args.out))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(f"Đã xuất số liệu quý {args.quarter}/{args.year}: {args.out}")
    return 0


def run_forms(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_forms import write_forms
    from desktop.register.lookup import unit_ids_by_code

    try:
        unit_ids = ctx.door.read(lambda s: unit_ids_by_code(s, args.unit)) if args.unit else None
        paths = ctx.door.read(
            lambda s: write_forms(s, args.year, args.quarter, args.out, unit_ids)
        )
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(
        f"Đã tạo {count(len(paths))} biểu mẫu quý {args.quarter}/{args.year} trong {args.out}"
    )
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_import import describe, read_returned
    from desktop.indicators.ops import import_returned

    try:
        results = ctx.door.read(lambda s: read_returned(s, args.files, args.year, args.quarter))
        saved = 0 if args.dry_run else ctx.door.run(
            import_returned(results, args.year, args.quarter)
        )
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(describe(results))
    if not args.dry_run:
        files = sum(r.saved for r in results)
        print(f"Đã lưu {count(saved)} ô số liệu từ {count(files)}/{count(len(results))} tệp.")
    return 0 if all(r.ok for r in results) else REFUSED


def run_lock(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import lock_quarter

    try:
        ctx.door.run(lock_quarter(args.year, args.quarter))
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(f"Đã chốt số liệu quý {args.quarter}/{args.year}.")
    return 0


def run_unlock(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import unlock_quarter

    try:
        ctx.door.run(unlock_quarter(args.year, args.quarter, args.reason))
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(
        f"Đã mở chốt số liệu quý {args.quarter}/{args.year}; mọi thay đổi sẽ được ghi để đính chính."
    )
    return 0


def run_corrections(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.values_io import export_corrections

    try:
        written = ctx.door.read(
            lambda s: export_corrections(s, args.year, args.quarter, args.out)
        )
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    if not written:
        print(f"Quý {args.quarter}/{args.year} chưa có đính chính nào sau khi mở chốt.")
        return REFUSED
    print(f"Đã ghi phiếu đính chính ({count(written)} thay đổi): {args.out}")
    return 0


def run_results(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.results import ward_results

    try:
        rows = ctx.door.read(lambda s: ward_results(s, args.year, args.quarter))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    if args.json:
        print(json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    period = (
        f"quý {args.quarter}/{args.year}"
        if args.quarter
        else f"năm {args.year} (quý báo cáo gần nhất)"
    )
    print(f"Kết quả toàn phường — {period}")
    header = (
        f"{'Mã':<10} {'Quý':>3} {'Tử số':>10} {'Mẫu số':>10} {'Tỷ lệ':>9} {'Chỉ tiêu':>9} "
        f"{'Kết luận':<17} {'Báo cáo':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        reported = f"{count(r.reported_units)}/{count(r.expected_units)}"
        print(
            f"{r.code:<10} {r.quarter or '':>3} {count(r.numerator):>10} "
            f"{count(r.denominator):>10} {percent(r.percent):>9} {percent(r.target):>9} "
            f"{verdict(r):<17} {reported:>11}"
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
        "verdict": verdict(r),
        "gap": None if r.gap is None else round(r.gap, 4),
        "reported_units": r.reported_units,
        "expected_units": r.expected_units,
    }
