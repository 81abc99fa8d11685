"""``demo``, ``check`` and ``info``: build a ward, check the file, tell where everything is."""

from __future__ import annotations

import argparse
import json
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.context import AppContext

# The database and the demo ward are imported by the commands that use them, not when the parser
# is built: ``info`` and ``check`` start without the demo's or the catalogue's imports.


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser(
        "demo",
        help="tạo phường mẫu (hoặc phường tổng hợp cỡ lớn để đo hiệu năng)",
        description="Tạo dữ liệu mẫu trong thư mục dữ liệu còn trống.",
    )
    demo.add_argument(
        "--units", type=int, help="số đơn vị của phường tổng hợp (bỏ trống: phường mẫu)"
    )
    demo.add_argument("--years", default="2025-2030", help="khoảng năm, ví dụ 2025-2030")
    demo.add_argument("--indicators", type=int, default=12, help="số chỉ tiêu của phường tổng hợp")
    demo.set_defaults(run=run_demo)

    check = subparsers.add_parser("check", help="kiểm tra toàn vẹn và khóa ngoại của tệp dữ liệu")
    check.set_defaults(run=run_check)

    info = subparsers.add_parser("info", help="đường dẫn, phiên bản cấu trúc, số bản ghi")
    info.add_argument("--json", action="store_true", help="in dạng JSON")
    info.set_defaults(run=run_info)

    init = subparsers.add_parser("init", help="tạo tệp dữ liệu trống với danh mục của Kế hoạch")
    init.set_defaults(run=run_init)


def _refuse_if_not_empty(ctx: AppContext) -> bool:
    from sqlmodel import select

    from desktop.models import Unit

    with ctx.db.session() as session:
        if session.exec(select(Unit.id).limit(1)).first() is not None:
            print(
                "Thư mục dữ liệu đã có đơn vị; không tạo dữ liệu mẫu đè lên. "
                "Hãy dùng --data-dir với một thư mục trống."
            )
            return True
    return False


def run_demo(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.demo.synthetic_movement import MovementSize, add_synthetic_movement
    from desktop.demo.ward import SyntheticSize, build_demo_ward, build_synthetic_ward, parse_years
    from desktop.text import wording

    if _refuse_if_not_empty(ctx):
        return 1
    started = time.perf_counter()
    if args.units is None:
        build_demo_ward(ctx.db)
        print(f"Đã tạo phường mẫu trong {ctx.folder.root}")
        return 0
    try:
        first, last = parse_years(args.years)
    except ValueError as error:
        print(error)
        return 2
    if args.units < 1 or not 1 <= args.indicators <= 50:
        print("Số đơn vị phải lớn hơn 0 và số chỉ tiêu từ 1 đến 50.")
        return 2
    count = build_synthetic_ward(ctx.db, SyntheticSize(args.units, first, last, args.indicators))
    # The movement's own record too, so that its reports have every part to print.
    add_synthetic_movement(ctx.db, MovementSize(first, last))
    elapsed = time.perf_counter() - started
    size = wording.size(ctx.folder.database.stat().st_size)
    print(
        f"Đã tạo phường tổng hợp: {args.units} đơn vị, {count} số liệu quý, "
        f"{wording.decimal(elapsed)} giây, tệp {size}"
    )
    return 0


def run_init(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.catalogue import load_catalogue

    with ctx.db.session() as session:
        load_catalogue(session)
    print(f"Tệp dữ liệu sẵn sàng: {ctx.folder.database}")
    return 0


NO_DATABASE = (
    "Thư mục “{folder}” chưa có tệp dữ liệu ThiĐua ({name}); không có gì để kiểm tra. Hãy kiểm tra "
    "lại --data-dir. Không có tệp nào được tạo."
)


def run_check(args: argparse.Namespace, ctx: AppContext) -> int:
    """Check the file and every stored attachment and PDF by its hash; never creates a database."""
    from desktop.backup.stored import check_folder
    from desktop.errors import Refusal
    from desktop.storage.database import inspect_file
    from desktop.text import wording

    database = ctx.folder.database
    if not database.is_file() or database.stat().st_size == 0:
        print(NO_DATABASE.format(folder=ctx.folder.root, name=database.name))
        return 1
    try:
        inspect_file(database, quick_check=False)  # ours, and not newer: read-only
        found = check_folder(ctx.folder)
    except Refusal as error:
        print(error.text())
        return 1
    if found.database_problems:
        print(f"Tệp dữ liệu {database} có {len(found.database_problems)} lỗi:")
        for line in found.database_problems:
            print(f"  - {line}")
    else:
        print(f"Tệp dữ liệu {database} toàn vẹn, không có lỗi khóa ngoại.")
    stored = (
        f"{wording.count(found.attachments_checked)} tệp đính kèm và "
        f"{wording.count(found.documents_checked)} tệp PDF văn bản đã ban hành"
    )
    if found.file_problems:
        print(
            f"Kiểm tra {stored} theo mã băm: {len(found.file_problems)} tệp thiếu hoặc bị thay đổi:"
        )
        for line in found.file_problems:
            print(f"  - {line}")
        print("Hãy khôi phục các tệp này từ bản sao lưu gần nhất (trang Sao lưu).")
    else:
        print(f"Đã kiểm tra {stored} theo mã băm: đủ và đúng.")
    return 1 if found.problems else 0


def table_counts(ctx: AppContext) -> dict[str, int]:
    from sqlmodel import SQLModel, func, select

    import desktop.models  # noqa: F401  (every table of the app joins SQLModel.metadata)

    counts = {}
    with ctx.db.session() as session:
        for name, table in sorted(SQLModel.metadata.tables.items()):
            counts[name] = session.exec(select(func.count()).select_from(table)).one()
    return counts


def run_info(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop import __version__
    from desktop.text import wording

    # In this order: reading the schema revision opens (and, if need be, creates) the file.
    revision = ctx.db.schema_revision()
    size_bytes = ctx.folder.database.stat().st_size
    counts = table_counts(ctx)
    info = {
        "version": __version__,
        "data_folder": str(ctx.folder.root),
        "database": str(ctx.folder.database),
        "schema_revision": revision,
        "size_bytes": size_bytes,
        "counts": counts,
    }
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    print(f"ThiĐua {info['version']}")
    print(f"Thư mục dữ liệu: {info['data_folder']}")
    print(f"Tệp dữ liệu:     {info['database']} ({wording.size(size_bytes)})")
    print(f"Cấu trúc:        {info['schema_revision']}")
    for name, count in counts.items():
        print(f"  {name:<24}{count:>10}")
    return 0
