"""``activities list | export | import | add | delete``: hoạt động tuyên truyền, tập huấn, lớp học số…

The same operations as the Hoạt động tab (:mod:`desktop.movement.activity_ops`,
:mod:`desktop.excel.activities`): units are named by their register code, a kind by its value
(``propaganda``, ``training``, ``digital_class``, ``meeting``, ``inspection``, ``other``).
``import`` prints the preview — every row to add, skipped as a duplicate, or refused with its row
number — and saves only without ``--dry-run`` and only when no row is refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.dates import required_day
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models.movement import ActivityKind

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.movement.activities import ActivityView
    from desktop.movement.activity_totals import ActivityTotals

BAD_DAY_WORDS = "Ngày “{text}” không hợp lệ: hãy ghi theo dd/mm/yyyy."
BAD_INPUT = 2  # exit code: what was given is refused
KINDS = [k.value for k in ActivityKind]
KIND_HELP = ", ".join(f"{k.value}: {k.label}" for k in ActivityKind)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "activities",
        help="hoạt động tuyên truyền, tập huấn, lớp học số: xem, tổng hợp, thêm, xóa, "
        "nhập/xuất Excel",
    )
    commands = parser.add_subparsers(dest="activities_command", metavar="VIỆC", required=True)

    listing = commands.add_parser("list", help="danh sách hoạt động, hoặc tổng hợp (--totals)")
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    listing.add_argument("--kind", choices=KINDS, help=KIND_HELP)
    listing.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ", help="chỉ do đơn vị này tổ chức")
    listing.add_argument(
        "--totals",
        choices=["kind", "unit", "quarter", "year"],
        help="tổng hợp theo loại, đơn vị, quý hoặc năm (trong năm --year, hoặc cả Kế hoạch)",
    )
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_list)

    export = commands.add_parser("export", help="xuất danh sách hoạt động ra Excel")
    export.add_argument("file", type=Path, metavar="TỆP.xlsx")
    export.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    export.add_argument(
        "--template", action="store_true", help="mẫu trống để các đơn vị điền và gửi lại"
    )
    export.set_defaults(run=run_export)

    importing = commands.add_parser(
        "import", help="nhập danh sách hoạt động từ Excel (có dòng lỗi thì không lưu gì)"
    )
    importing.add_argument("file", type=Path, metavar="TỆP.xlsx")
    importing.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không lưu")
    importing.set_defaults(run=run_import)

    adding = commands.add_parser("add", help="thêm một hoạt động")
    adding.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày tổ chức")
    adding.add_argument("--title", required=True, metavar="TÊN", help="tên hoạt động")
    adding.add_argument("--kind", choices=KINDS, default="other", help=KIND_HELP)
    adding.add_argument("--place", default="", metavar="NƠI", help="địa điểm")
    adding.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="MÃ_ĐƠN_VỊ",
        help="đơn vị tổ chức; ghi nhiều lần cho nhiều đơn vị; không ghi: UBND phường",
    )
    for name, words in (
        ("participants", "số người tham gia"),
        ("officials", "trong đó cán bộ, công chức, viên chức"),
        ("students", "trong đó học sinh"),
        ("residents", "trong đó người dân"),
        ("workers", "trong đó người lao động"),
    ):
        adding.add_argument(f"--{name}", type=int, metavar="SỐ", help=words)
    adding.add_argument("--note", default="", metavar="CÂU", help="ghi chú")
    adding.set_defaults(run=run_add)

    deleting = commands.add_parser("delete", help="xóa một hoạt động (kèm tệp đính kèm của nó)")
    deleting.add_argument("id", type=int, metavar="SỐ", help="số của hoạt động (xem list)")
    deleting.set_defaults(run=run_delete)


def _refused(error: Refusal) -> int:
    print(error.text(), file=sys.stderr)
    return BAD_INPUT


def _day(text: str) -> date:
    return required_day(text, "Hãy ghi ngày (--date dd/mm/yyyy).", BAD_DAY_WORDS)


def _people(view: ActivityView) -> str:
    from desktop.text import wording

    if view.participants is None:
        return "chưa rõ số người"
    groups = [
        (view.officials, "CB-CC-VC"),
        (view.students, "học sinh"),
        (view.residents, "người dân"),
        (view.workers, "người lao động"),
    ]
    known = [f"{wording.count(n)} {word}" for n, word in groups if n]
    return f"{wording.count(view.participants)} người" + (f" ({', '.join(known)})" if known else "")


def _line(view: ActivityView) -> str:
    from desktop.text import wording

    place = f", {view.place}" if view.place else ""
    files = f"; {view.attachments} tệp" if view.attachments else ""
    return (
        f"{view.id:>4}  {wording.short_date(view.held_on)}  {view.kind.label}: {view.title}"
        f"{place} — {view.organisers}; {_people(view)}{files}"
    )


def _view_dict(view: ActivityView) -> dict[str, object]:
    return {
        "id": view.id,
        "date": view.held_on.isoformat(),
        "kind": view.kind.value,
        "title": view.title,
        "place": view.place,
        "units": list(view.unit_codes),
        "participants": view.participants,
        "officials": view.officials,
        "students": view.students,
        "residents": view.residents,
        "workers": view.workers,
        "note": view.note,
        "attachments": view.attachments,
    }


def _totals_line(row: ActivityTotals) -> str:
    from desktop.text import wording

    unknown = f"; {row.unknown} chưa rõ số người" if row.unknown else ""
    return (
        f"{row.key}: {wording.count(row.activities)} hoạt động, "
        f"{wording.count(row.participants)} lượt người (CB-CC-VC {wording.count(row.officials)}, "
        f"học sinh {wording.count(row.students)}, người dân {wording.count(row.residents)}, "
        f"người lao động {wording.count(row.workers)}){unknown}"
    )


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from dataclasses import asdict

    from desktop.indicators.scope import plan_years
    from desktop.movement.activities import activity_views
    from desktop.movement.activity_totals import activity_grand_total, activity_totals
    from desktop.register.lookup import unit_by_code

    def totals(session: Session) -> list[ActivityTotals]:
        years = plan_years(session)
        first, last = (args.year, args.year) if args.year else (years.start, years.stop - 1)
        rows = activity_totals(session, first, last, args.totals)
        return [*rows, activity_grand_total(session, first, last)]

    def views(session: Session) -> list[ActivityView]:
        unit_id = unit_by_code(session, args.unit).id if args.unit else None
        kind = ActivityKind(args.kind) if args.kind else None
        return activity_views(session, year=args.year, kind=kind, unit_id=unit_id)

    try:
        if args.totals:
            if args.kind or args.unit:
                raise Refusal("--totals tổng hợp mọi hoạt động; không dùng cùng --kind, --unit.")
            rows = ctx.door.read(totals)
            if args.json:
                print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=2))
            else:
                print("\n".join(_totals_line(r) for r in rows))
            return 0
        found = ctx.door.read(views)
    except Refusal as error:
        return _refused(error)
    if args.json:
        print(json.dumps([_view_dict(v) for v in found], ensure_ascii=False, indent=2))
    elif not found:
        print("Chưa có hoạt động nào khớp.")
    else:
        print("\n".join(_line(v) for v in found))
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.activities import export_activities, write_template

    try:
        if args.template:
            ctx.door.read(lambda s: write_template(s, args.file))
            print(f"Đã ghi mẫu danh sách hoạt động: {args.file}")
        else:
            written = ctx.door.read(lambda s: export_activities(s, args.file, year=args.year))
            print(f"Đã xuất {written} hoạt động ra {args.file}")
    except Refusal as error:
        return _refused(error)
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.activities import import_operation, read_activities

    try:
        preview = ctx.door.read(lambda s: read_activities(s, args.file))
    except Refusal as error:
        return _refused(error)
    for row in preview.rows:
        reason = f" — {row.reason}" if row.reason else ""
        print(f"Dòng {row.row}: {row.status_label}: {row.held_on} {row.title}{reason}")
    print(preview.summary())
    if preview.errors:
        return BAD_INPUT
    if args.dry_run:
        print("Chỉ xem trước (--dry-run): chưa lưu gì.")
        return 0
    if not preview.of("new"):
        print("Không có hoạt động mới để lưu.")
        return 0
    try:
        done = ctx.door.run(import_operation(preview))
    except Refusal as error:
        return _refused(error)
    skipped = len(preview.of("duplicate")) + len(done.duplicates)
    print(f"Đã lưu {len(done.added)} hoạt động; bỏ qua {skipped} dòng trùng.")
    return 0


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.models.ids import saved_id
    from desktop.movement.activities import ActivityData
    from desktop.movement.activity_ops import add_activity
    from desktop.register.lookup import unit_by_code

    def data(session: Session) -> ActivityData:
        return ActivityData(
            held_on=_day(args.date),
            title=args.title,
            kind=ActivityKind(args.kind),
            place=args.place,
            unit_ids=tuple(saved_id(unit_by_code(session, code).id) for code in args.unit),
            participants=args.participants,
            officials=args.officials,
            students=args.students,
            residents=args.residents,
            workers=args.workers,
            note=args.note,
        )

    try:
        new_id = ctx.door.run(add_activity(ctx.door.read(data)))
    except Refusal as error:
        return _refused(error)
    print(f"Đã thêm hoạt động số {new_id}: {args.title.strip()}.")
    return 0


def run_delete(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.activity_ops import delete_activity

    try:
        data = ctx.door.run(delete_activity(ctx.folder.attachments, args.id))
    except Refusal as error:
        return _refused(error)
    print(f"Đã xóa hoạt động số {args.id}: {data.title}.")
    return 0
