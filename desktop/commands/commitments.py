"""``commitments list | record | clear | export``: units' đăng ký thi đua of a year.

The same operations as the Đăng ký thi đua tab (:mod:`desktop.movement.commitment_ops`): a unit is
named by its code, days are written dd/mm/yyyy; ``record --file`` also keeps the unit's plan;
``list --missing`` and ``export`` give the units still to be called, with their head and phone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.dates import parse_day
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.text import wording

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.models import Unit
    from desktop.models.movement import Commitment
    from desktop.movement.commitments import CommitmentStanding

BAD_INPUT = 2  # exit code: what was given is refused


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "commitments",
        help="đăng ký thi đua, kế hoạch của đơn vị: xem, ghi, xóa, xuất danh sách đôn đốc",
    )
    commands = parser.add_subparsers(dest="commitments_command", metavar="VIỆC", required=True)

    listing = commands.add_parser("list", help="các đơn vị phải đăng ký trong năm và tình trạng")
    listing.add_argument("--year", type=int, required=True, metavar="NĂM")
    listing.add_argument(
        "--missing", action="store_true", help="chỉ đơn vị chưa đăng ký hoặc chưa gửi kế hoạch"
    )
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_list)

    recording = commands.add_parser("record", help="ghi ngày đăng ký, ngày nhận kế hoạch, tệp")
    recording.add_argument("--year", type=int, required=True, metavar="NĂM")
    recording.add_argument("--unit", required=True, metavar="MÃ_ĐƠN_VỊ")
    recording.add_argument("--registered", metavar="dd/mm/yyyy", help="ngày nhận bản đăng ký")
    recording.add_argument("--plan", metavar="dd/mm/yyyy", help="ngày nhận kế hoạch của đơn vị")
    recording.add_argument("--note", metavar="CÂU", help="ghi chú")
    recording.add_argument("--file", type=Path, metavar="TỆP", help="tệp kế hoạch của đơn vị")
    recording.set_defaults(run=run_record)

    clearing = commands.add_parser("clear", help="xóa đăng ký thi đua đã ghi nhầm (cả tệp)")
    clearing.add_argument("--year", type=int, required=True, metavar="NĂM")
    clearing.add_argument("--unit", required=True, metavar="MÃ_ĐƠN_VỊ")
    clearing.set_defaults(run=run_clear)

    exporting = commands.add_parser(
        "export", help="xuất Excel danh sách đơn vị cần đôn đốc (kèm người đứng đầu, điện thoại)"
    )
    exporting.add_argument("file", type=Path, metavar="TỆP.xlsx")
    exporting.add_argument("--year", type=int, required=True, metavar="NĂM")
    exporting.set_defaults(run=run_export)


def _standing(ctx: AppContext, year: int) -> CommitmentStanding:
    from desktop.indicators.scope import check_plan_period
    from desktop.movement.commitments import standing

    def read(session: Session) -> CommitmentStanding:
        check_plan_period(session, year)
        return standing(session, year)

    return ctx.door.read(read)


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.commitments import state_of

    try:
        year = _standing(ctx, args.year)
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    if args.missing:
        rows = [(line.unit, line.commitment) for line in year.to_chase]
    else:
        rows = [(u, year.noted.get(u.id or 0)) for u in year.missing] + list(year.registered)
        rows.sort(key=lambda uc: uc[0].code)
    if args.json:
        print(
            json.dumps([_as_dict(u, c, state_of(c)) for u, c in rows], ensure_ascii=False, indent=2)
        )
        return 0
    print(
        f"Năm {args.year}: {wording.count(len(year.registered))}/{wording.count(year.expected)} "
        f"đơn vị đã đăng ký thi đua, {wording.count(len(year.plan_received))} đã gửi kế hoạch, "
        f"{wording.count(len(year.missing))} chưa đăng ký."
    )
    for unit, commitment in rows:
        days = ""
        if commitment is not None and commitment.registered_on is not None:
            days = f" — đăng ký {wording.short_date(commitment.registered_on)}"
            if commitment.plan_received_on is not None:
                days += f", kế hoạch {wording.short_date(commitment.plan_received_on)}"
        contact = f" — {unit.head_name}, {unit.phone}" if args.missing and unit.phone else ""
        print(f"{unit.code:<10} {unit.name}: {state_of(commitment)}{days}{contact}")
    return 0


def _as_dict(unit: Unit, commitment: Commitment | None, state: str) -> dict[str, object]:
    return {
        "unit": unit.code,
        "name": unit.name,
        "state": state,
        "registered_on": commitment.registered_on.isoformat()
        if commitment is not None and commitment.registered_on
        else None,
        "plan_received_on": commitment.plan_received_on.isoformat()
        if commitment is not None and commitment.plan_received_on
        else None,
        "note": commitment.note if commitment is not None else "",
        "head": unit.head_name,
        "phone": unit.phone,
    }


def run_record(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.models.ids import saved_id
    from desktop.movement.commitment_ops import attach_plan, commitment_of, record_commitment
    from desktop.register.lookup import unit_by_code

    try:
        registered, plan = parse_day(args.registered), parse_day(args.plan)
        unit_id, name, row = ctx.door.read(
            lambda s: (
                saved_id((unit := unit_by_code(s, args.unit)).id),
                unit.name,
                commitment_of(s, args.year, saved_id(unit.id)),
            )
        )
        # What is not given stays as recorded: a second call may only add the plan's day.
        if row is not None:
            registered = registered or row.registered_on
            plan = plan or row.plan_received_on
        note = args.note if args.note is not None else (row.note if row else "")
        ctx.door.run(record_commitment(args.year, unit_id, registered, plan, note))
        if args.file is not None:
            ctx.door.run(attach_plan(ctx.folder.attachments, args.year, unit_id, args.file))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã ghi đăng ký thi đua năm {args.year} của “{name}”.")
    return 0


def run_clear(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.models.ids import saved_id
    from desktop.movement.commitment_ops import clear_commitment
    from desktop.register.lookup import unit_by_code

    try:
        unit_id, name = ctx.door.read(
            lambda s: (saved_id((unit := unit_by_code(s, args.unit)).id), unit.name)
        )
        ctx.door.run(clear_commitment(args.year, unit_id, ctx.folder.attachments))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã xóa đăng ký thi đua năm {args.year} của “{name}”.")
    return 0


def run_export(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.commitments import export_chase_list
    from desktop.indicators.scope import check_plan_period

    def write(session: Session) -> int:
        check_plan_period(session, args.year)
        return export_chase_list(session, args.file, args.year)

    try:
        count = ctx.door.read(write)
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã xuất {wording.count(count)} đơn vị cần đôn đốc năm {args.year} ra {args.file}.")
    return 0
