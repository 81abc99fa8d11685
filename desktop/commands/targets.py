"""``targets list | set | clear``: the yearly targets (chỉ tiêu năm) from the command line.

The plan sets targets for 2025 and 2026 only; for 2027–2030 the app proposes the last one as a
"duy trì" target, marked as carried over until the clerk sets the year's own (Kế hoạch, mục II.2;
issue 12). These commands show every year's target with its comparison and unit kinds, and set or
remove one through the same operation as the window (:func:`desktop.indicators.ops.set_target`).

An indicator is named by its code, typed in any case (``hocsinh`` is HOCSINH): :func:`find_indicator`
is the one lookup, used by ``values set`` too.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.text import wording

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.indicators.targets import TargetRow
    from desktop.models import UnitKind

BAD_INPUT, REFUSED = 2, 1  # exit codes: what was given is wrong; nothing to do
COMPARISONS = {">": ">", ">=": ">=", "≥": ">=", "=": "="}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    targets = subparsers.add_parser(
        "targets", help="chỉ tiêu năm: xem, đặt, xóa (kể cả chỉ tiêu duy trì 2027–2030)"
    )
    commands = targets.add_subparsers(dest="targets_command", metavar="VIỆC", required=True)

    listing = commands.add_parser("list", help="danh sách chỉ tiêu năm theo chỉ tiêu và năm")
    listing.add_argument(
        "--indicator", metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ HOCSINH (bỏ trống: tất cả)"
    )
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_list)

    setting = commands.add_parser(
        "set",
        help="đặt chỉ tiêu của một năm (thay chỉ tiêu duy trì nếu có)",
        description=(
            "Đặt tỷ lệ phải đạt của một chỉ tiêu trong một năm của Kế hoạch. Cách so sánh và "
            "loại đơn vị bỏ trống thì giữ như năm đó đang có (năm mới: “từ … trở lên”, mọi loại "
            "đơn vị của chỉ tiêu)."
        ),
    )
    setting.add_argument(
        "--indicator", required=True, metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu, ví dụ HOCSINH"
    )
    setting.add_argument(
        "--year", type=int, required=True, metavar="NĂM", help="năm của Kế hoạch, ví dụ 2027"
    )
    setting.add_argument(
        "--percent", type=float, required=True, metavar="TỶ_LỆ", help="tỷ lệ phải đạt, 0–100"
    )
    setting.add_argument(
        "--comparison",
        choices=sorted(COMPARISONS),
        help="“>”: trên (Trên 80%%); “>=”: từ … trở lên (80%% trở lên); “=”: bằng (100%%)",
    )
    setting.add_argument(
        "--kinds",
        metavar="LOẠI",
        help=(
            "loại đơn vị báo cáo, cách nhau bởi dấu phẩy: mã loại (school_primary, …) hoặc tên "
            "ngắn (tieu hoc, thcs, thpt, tdp, dn, htx, mam non, doan the)"
        ),
    )
    setting.add_argument("--text", metavar="CÂU", help="câu chỉ tiêu như văn bản ghi")
    setting.set_defaults(run=run_set)

    clearing = commands.add_parser("clear", help="xóa chỉ tiêu của một năm")
    clearing.add_argument("--indicator", required=True, metavar="MÃ_CHỈ_TIÊU", help="mã chỉ tiêu")
    clearing.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm")
    clearing.set_defaults(run=run_clear)


def parse_kinds(text: str) -> list[UnitKind]:
    """"thcs, thpt" → the kinds; refuses a word that names no kind, listing the words known."""
    from desktop.excel.units_columns import KIND_ALIASES, kind_from_text
    from desktop.models import UnitKind

    kinds: list[UnitKind] = []
    for word in (w.strip() for w in text.split(",")):
        if not word:
            continue
        kind = kind_from_text(word)
        if kind is None:
            known = ", ".join([k.value for k in UnitKind] + sorted(KIND_ALIASES))
            raise BadKinds(f"Không có loại đơn vị “{word}”. Hãy ghi một trong: {known}.")
        if kind not in kinds:
            kinds.append(kind)
    if not kinds:
        raise BadKinds("Hãy ghi ít nhất một loại đơn vị sau --kinds.")
    return kinds


class BadKinds(Refusal):
    """``--kinds`` names no kind of unit the register knows."""


def target_words(row: TargetRow) -> str:
    """The year's target in the one voice: "trên 80%", "từ 80% trở lên", "100%"."""
    return wording.target(row.percent, row.comparison.value)


def _as_dict(row: TargetRow) -> dict[str, object]:
    return {
        "indicator_id": row.indicator_id,
        "code": row.code,
        "year": row.year,
        "percent": row.percent,
        "comparison": row.comparison.value,
        "unit_kinds": [k.value for k in row.kinds],
        "unit_kind_labels": [k.label for k in row.kinds],
        "carried_over": row.carried_over,
        "text": row.text,
    }


def targets_text(rows: list[TargetRow]) -> list[str]:
    """One line per indicator and year, the plan's sentence below it."""
    header = f"{'Mã':<10} {'Năm':<5} {'Chỉ tiêu':<15} {'':<8} Đơn vị báo cáo"
    lines = [header, "-" * 78]
    for row in rows:
        mark = "duy trì" if row.carried_over else ""
        kinds = "; ".join(k.label for k in row.kinds)
        lines.append(f"{row.code:<10} {row.year:<5} {target_words(row):<15} {mark:<8} {kinds}")
        if row.text:
            lines.append(f"{'':<16}{row.text}")
    if any(row.carried_over for row in rows):
        lines += [
            "",
            "duy trì: Kế hoạch không đặt chỉ tiêu cho năm đó; chương trình đề xuất giữ chỉ tiêu "
            "năm cuối của Kế hoạch. Đặt chỉ tiêu riêng bằng: targets set.",
        ]
    return lines


def _selected(session: Session, code: str | None, year: int | None) -> list[TargetRow]:
    from desktop.indicators.targets import find_indicator, list_targets
    from desktop.models.ids import IndicatorId, saved_id

    indicator_id = None if code is None else IndicatorId(saved_id(find_indicator(session, code).id))
    rows = list_targets(session, indicator_id)
    return [r for r in rows if year is None or r.year == year]


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        rows = ctx.door.read(lambda s: _selected(s, args.indicator, args.year))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    if args.json:
        print(json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Không có chỉ tiêu năm nào khớp.")
        return 0
    print("\n".join(targets_text(rows)))
    return 0


def _text_to_keep(session: Session, code: str, year: int) -> str:
    """The sentence the year's target keeps when --text is not given: its own, but not the
    "Duy trì chỉ tiêu năm 2026: …" of a carried-over one, which would no longer be true."""
    rows = _selected(session, code, year)
    return rows[0].text if rows and not rows[0].carried_over else ""


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import set_target
    from desktop.indicators.targets import find_indicator
    from desktop.models import Comparison
    from desktop.models.ids import IndicatorId, saved_id

    try:
        kinds = None if args.kinds is None else parse_kinds(args.kinds)
        indicator_id, text = ctx.door.read(
            lambda s: (
                IndicatorId(saved_id(find_indicator(s, args.indicator).id)),
                args.text if args.text is not None else _text_to_keep(s, args.indicator, args.year),
            )
        )
        comparison = None if args.comparison is None else Comparison(COMPARISONS[args.comparison])
        ctx.door.run(
            set_target(
                indicator_id, args.year, args.percent, text,
                comparison=comparison, unit_kinds=kinds,
            )
        )
        (row,) = ctx.door.read(lambda s: _selected(s, args.indicator, args.year))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    kinds_text = "; ".join(k.label for k in row.kinds)
    print(f"Đã đặt chỉ tiêu năm {row.year} của {row.code}: {target_words(row)} — {kinds_text}.")
    return 0


def run_clear(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.indicators.ops import set_target
    from desktop.indicators.targets import find_indicator
    from desktop.models.ids import IndicatorId

    try:
        rows = ctx.door.read(lambda s: _selected(s, args.indicator, args.year))
        if not rows:
            code = ctx.door.read(lambda s: find_indicator(s, args.indicator).code)
            print(f"Chỉ tiêu {code} chưa có chỉ tiêu năm {args.year}; không có gì để xóa.")
            return REFUSED
        ctx.door.run(set_target(IndicatorId(rows[0].indicator_id), args.year, None))
    except Refusal as error:
        print(error.text())
        return BAD_INPUT
    print(f"Đã xóa chỉ tiêu năm {args.year} của {rows[0].code}.")
    return 0
