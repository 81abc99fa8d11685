"""``initiatives list | add | edit | delete | choose``: sáng kiến, giải pháp, mô hình điển hình.

The same operations as the Sáng kiến - mô hình tab (:mod:`desktop.movement.initiative_ops`): a
unit is named by its code, an author by the person's number in the register, the plan's content
area (mục II.1) by its number 1–8; ``choose`` puts initiatives into a dossier's báo cáo thành tích
(in the order given; none: takes them all out).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models.movement import InitiativeKind, RecognitionLevel

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.movement.initiative_ops import InitiativeData
    from desktop.movement.initiatives import InitiativeView

BAD_INPUT = 2  # exit code: what was given is refused
KINDS = [k.value for k in InitiativeKind]
LEVELS = [level.value for level in RecognitionLevel]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "initiatives",
        help="sáng kiến, giải pháp, mô hình điển hình: xem, thêm, sửa, xóa, chọn vào hồ sơ",
    )
    commands = parser.add_subparsers(dest="initiatives_command", metavar="VIỆC", required=True)

    listing = commands.add_parser("list", help="danh sách sáng kiến, mô hình")
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    listing.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ", help="chỉ của đơn vị này")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_list)

    adding = commands.add_parser("add", help="thêm sáng kiến, giải pháp hoặc mô hình")
    adding.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của Kế hoạch")
    adding.add_argument("--title", required=True, metavar="TÊN", help="tên sáng kiến, mô hình")
    _fields(adding)
    adding.set_defaults(run=run_add)

    editing = commands.add_parser("edit", help="sửa một sáng kiến (chỉ các trường được ghi)")
    editing.add_argument("id", type=int, metavar="SỐ", help="số của sáng kiến (xem list)")
    editing.add_argument("--year", type=int, metavar="NĂM")
    editing.add_argument("--title", metavar="TÊN")
    _fields(editing)
    editing.add_argument("--no-unit", action="store_true", help="bỏ đơn vị (của phường)")
    editing.set_defaults(run=run_edit)

    deleting = commands.add_parser("delete", help="xóa một sáng kiến")
    deleting.add_argument("id", type=int, metavar="SỐ")
    deleting.set_defaults(run=run_delete)

    choosing = commands.add_parser(
        "choose", help="đưa sáng kiến vào báo cáo thành tích của một hồ sơ (theo thứ tự ghi)"
    )
    choosing.add_argument("dossier", type=int, metavar="SỐ_HỒ_SƠ")
    choosing.add_argument("ids", type=int, nargs="*", metavar="SỐ", help="không ghi: bỏ hết")
    choosing.set_defaults(run=run_choose)


def _fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--kind",
        choices=KINDS,
        help="initiative: sáng kiến; solution: giải pháp; model: mô hình điển hình",
    )
    parser.add_argument("--unit", metavar="MÃ_ĐƠN_VỊ", help="đơn vị thực hiện")
    parser.add_argument(
        "--author",
        type=int,
        action="append",
        metavar="SỐ_CÁ_NHÂN",
        help="tác giả (số trong sổ cá nhân); ghi nhiều lần cho nhiều tác giả",
    )
    parser.add_argument("--area", type=int, metavar="1-8", help="nội dung thi đua (mục II.1)")
    parser.add_argument("--effect", metavar="CÂU", help="hiệu quả, phạm vi áp dụng")
    parser.add_argument(
        "--recognition",
        choices=LEVELS,
        help="none: chưa công nhận; unit: cấp cơ sở; ward: cấp phường; city: cấp thành phố; "
        "national: toàn quốc",
    )
    parser.add_argument("--decision", metavar="CÂU", help="quyết định công nhận")
    parser.add_argument("--note", metavar="CÂU", help="ghi chú")


def _area_id(session: Session, number: int | None) -> int | None:
    from sqlmodel import select

    from desktop.models import ContentArea

    if number is None:
        return None
    area = session.exec(select(ContentArea).where(ContentArea.ordinal == number)).first()
    if area is None:
        raise Refusal(f"Kế hoạch không có nội dung thi đua số {number} (mục II.1).")
    return area.id


def _data(session: Session, args: argparse.Namespace, base: InitiativeData) -> InitiativeData:
    from desktop.register.lookup import unit_by_code

    data = base
    for name in ("year", "title", "effect", "decision", "note"):
        value = getattr(args, name, None)
        if value is not None:
            data = replace(data, **{name: value})
    if args.kind is not None:
        data = replace(data, kind=InitiativeKind(args.kind))
    if args.recognition is not None:
        data = replace(data, recognition=RecognitionLevel(args.recognition))
    if args.unit is not None:
        data = replace(data, unit_id=unit_by_code(session, args.unit).id)
    elif getattr(args, "no_unit", False):
        data = replace(data, unit_id=None)
    if args.author is not None:
        data = replace(data, author_ids=tuple(args.author))
    if args.area is not None:
        data = replace(data, content_area_id=_area_id(session, args.area))
    return data


def _line(view: InitiativeView) -> str:
    who = view.unit_name or "Phường"
    authors = f" — tác giả: {', '.join(view.authors)}" if view.authors else ""
    level = view.recognition.label
    decision = f" ({view.decision})" if view.decision else ""
    return (
        f"{view.id:>4}  {view.year}  {view.kind.label}: {view.title} — {who}{authors}; "
        f"{level}{decision}"
    )


def _as_dict(view: InitiativeView) -> dict[str, object]:
    return {
        "id": view.id,
        "year": view.year,
        "kind": view.kind.value,
        "title": view.title,
        "unit_id": view.unit_id,
        "unit": view.unit_name,
        "authors": list(view.authors),
        "content_area": view.content_area,
        "effect": view.effect,
        "recognition": view.recognition.value,
        "decision": view.decision,
    }


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.scope import plan_years
    from desktop.movement.initiatives import initiatives_in
    from desktop.register.lookup import unit_by_code

    def read(session: Session) -> list[InitiativeView]:
        years = plan_years(session)
        first, last = (args.year, args.year) if args.year else (years.start, years.stop - 1)
        unit_id = unit_by_code(session, args.unit).id if args.unit else None
        return initiatives_in(session, first, last, unit_id=unit_id)

    try:
        views = ctx.door.read(read)
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    if args.json:
        print(json.dumps([_as_dict(v) for v in views], ensure_ascii=False, indent=2))
    elif not views:
        print("Chưa có sáng kiến, mô hình nào khớp.")
    else:
        print("\n".join(_line(v) for v in views))
    return 0


def run_add(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.initiative_ops import InitiativeData, add_initiative

    try:
        data = ctx.door.read(lambda s: _data(s, args, InitiativeData(args.year, args.title)))
        new_id = ctx.door.run(add_initiative(data))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã thêm sáng kiến, mô hình số {new_id}: {data.title.strip()}.")
    return 0


def run_edit(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.initiative_ops import InitiativeData, InitiativeError, edit_initiative
    from desktop.movement.initiatives import view_of

    def read(session: Session) -> InitiativeData:
        view = view_of(session, args.id)
        if view is None:
            raise InitiativeError(f"Không tìm thấy sáng kiến, mô hình số {args.id}.")
        return _data(session, args, InitiativeData.of(view))

    try:
        ctx.door.run(edit_initiative(args.id, ctx.door.read(read)))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã sửa sáng kiến, mô hình số {args.id}.")
    return 0


def run_delete(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.initiative_ops import delete_initiative

    try:
        ctx.door.run(delete_initiative(args.id))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    print(f"Đã xóa sáng kiến, mô hình số {args.id}.")
    return 0


def run_choose(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.movement.initiative_ops import choose_for_dossier

    try:
        ctx.door.run(choose_for_dossier(args.dossier, list(args.ids)))
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    if args.ids:
        print(
            f"Đã đưa {len(args.ids)} sáng kiến, mô hình vào báo cáo thành tích của hồ sơ số "
            f"{args.dossier}."
        )
    else:
        print(f"Đã bỏ các sáng kiến, mô hình khỏi báo cáo thành tích của hồ sơ số {args.dossier}.")
    return 0
