"""``due`` and ``deadlines show | set``: việc cần làm and the dates they are judged by.

``due`` prints what the window's first page shows (:func:`desktop.movement.deadlines.due_items`,
on :func:`desktop.models.periods.today`), late first, and exits 0 whatever it lists: a list of work
is not a failure. ``deadlines show`` prints the plan's milestones, the clerk's dates and the
deadlines of the coming twelve months; ``deadlines set`` changes the clerk's dates through the
same operation as Cài đặt (:func:`~desktop.movement.deadline_settings.save_deadlines`). A refusal
prints its Vietnamese message on stderr and exits 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from datetime import date, timedelta
from typing import Any

from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models.periods import today
from desktop.movement.deadline_settings import (
    REVIEW_NAMES,
    DeadlineSettings,
    load_deadlines,
    milestones,
    parse_date,
    parse_day_month,
    review_day,
    save_deadlines,
)
from desktop.movement.deadlines import Coming, DueItem, calendar, due_items, next_deadline
from desktop.text import wording

REFUSED = 2
MARKS = {"late": "[QUÁ HẠN]", "soon": "[SẮP ĐẾN HẠN]", "info": "[ĐỂ BIẾT]"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    due = subparsers.add_parser("due", help="việc cần làm: những gì đã quá hạn hoặc sắp đến hạn")
    due.add_argument("--json", action="store_true", help="in dạng JSON")
    due.set_defaults(run=run_due)

    parser = subparsers.add_parser(
        "deadlines", help="mốc thời gian và hạn: xem, đặt ngày thu số liệu, hạn báo cáo"
    )
    commands = parser.add_subparsers(dest="deadlines_command", metavar="VIỆC", required=True)
    show = commands.add_parser("show", help="mốc của Kế hoạch, hạn của văn phòng, các hạn sắp tới")
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(run=run_show)
    setting = commands.add_parser(
        "set",
        help="đặt hạn (chỉ các hạn được ghi; các hạn khác giữ nguyên)",
        description="Đặt các hạn của văn phòng. Hạn không ghi thì giữ như đang có.",
    )
    setting.add_argument(
        "--collection-day", type=int, metavar="NGÀY",
        help="ngày thu số liệu quý, của tháng sau mỗi quý (ví dụ 10: quý 3 hạn 10/10)",
    )
    setting.add_argument("--yearly-report", metavar="dd/mm", help="hạn gửi báo cáo năm, ví dụ 15/12")
    setting.add_argument(
        "--commitment-day", metavar="dd/mm", help="hạn đơn vị đăng ký thi đua, ví dụ 31/03"
    )
    setting.add_argument(
        "--so-ket-report", metavar="dd/mm/yyyy", help="hạn gửi báo cáo sơ kết, ví dụ 30/11/2027"
    )
    setting.add_argument(
        "--tong-ket-report", metavar="dd/mm/yyyy", help="hạn gửi báo cáo tổng kết, ví dụ 30/11/2030"
    )
    setting.add_argument(
        "--soon-days", type=int, metavar="SỐ_NGÀY", help="nhắc trước hạn bao nhiêu ngày (1–90)"
    )
    setting.set_defaults(run=run_set)


# -- due ------------------------------------------------------------------------------------------
def item_line(item: DueItem) -> str:
    return f"{MARKS[item.severity.value]} {item.text}"


def _item_dict(item: DueItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "severity": item.severity.value,
        "text": item.text,
        "due_on": item.due_on.isoformat() if item.due_on else None,
        "names": list(item.names),
        "target": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(item.target).items()},
    }


def run_due(args: argparse.Namespace, ctx: AppContext) -> int:
    day = today()
    items, coming = ctx.door.read(lambda s: (due_items(s, day), next_deadline(s, day)))
    if args.json:
        print(json.dumps([_item_dict(i) for i in items], ensure_ascii=False, indent=2))
        return 0
    print("\n".join(due_text(items, coming, day)))
    return 0


def due_text(items: list[DueItem], coming: Coming | None, day: date) -> list[str]:
    if not items:
        lines = [f"Ngày {wording.short_date(day)}: không có việc nào quá hạn hay sắp đến hạn."]
        if coming is not None:
            lines.append(f"Hạn tiếp theo: {wording.short_date(coming.day)} — {coming.text}.")
        return lines
    late = sum(1 for i in items if i.severity.value == "late")
    head = f"Việc cần làm ngày {wording.short_date(day)}: {wording.count(len(items))} việc"
    head += f", {wording.count(late)} việc quá hạn." if late else "."
    return [head, *(item_line(i) for i in items)]


# -- deadlines show | set ---------------------------------------------------------------------------
def settings_lines(settings: DeadlineSettings, review_years: dict[str, int]) -> list[str]:
    lines = [
        f"  Thu số liệu quý: ngày {settings.collection_day} của tháng sau mỗi quý",
        f"  Gửi báo cáo năm: {wording.day_month(*settings.yearly_report)} hằng năm",
        f"  Đơn vị đăng ký thi đua: {wording.day_month(*settings.commitment_day)} hằng năm",
    ]
    for kind, year in review_years.items():
        day = review_day(settings, kind, year)
        lines.append(f"  Gửi báo cáo {REVIEW_NAMES[kind]}: {wording.short_date(day)}")
    lines.append(f"  Nhắc trước hạn: {settings.soon_days} ngày")
    return lines


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    day = today()

    def read(session: Any) -> tuple[Any, ...]:
        return (
            milestones(session),
            load_deadlines(session),
            calendar(session, day, day + timedelta(days=365)),
        )

    marks, settings, ahead = ctx.door.read(read)
    reviews = {m.kind: m.year for m in marks if m.kind in REVIEW_NAMES}
    if args.json:
        print(
            json.dumps(
                {
                    "milestones": [{"year": m.year, "kind": m.kind, "text": m.text} for m in marks],
                    "settings": {
                        "collection_day": settings.collection_day,
                        "yearly_report": wording.day_month(*settings.yearly_report),
                        "commitment_day": wording.day_month(*settings.commitment_day),
                        "soon_days": settings.soon_days,
                        **{
                            f"{kind}_report": review_day(settings, kind, year).isoformat()
                            for kind, year in reviews.items()
                        },
                    },
                    "coming": [{"day": c.day.isoformat(), "text": c.text} for c in ahead],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    lines = ["Mốc thời gian của Kế hoạch (mục II.3):", *(f"  {m.text}" for m in marks)]
    lines += ["Hạn của văn phòng (Cài đặt):", *settings_lines(settings, reviews)]
    lines.append("Các hạn trong 12 tháng tới:")
    lines += [f"  {wording.short_date(c.day)}  {c.text}" for c in ahead] or ["  (không có)"]
    print("\n".join(lines))
    return 0


def edited(current: DeadlineSettings, args: argparse.Namespace) -> DeadlineSettings:
    """The current dates with those given on the command line (refused when unreadable)."""
    changes: dict[str, Any] = {}
    if args.collection_day is not None:
        changes["collection_day"] = args.collection_day
    if args.soon_days is not None:
        changes["soon_days"] = args.soon_days
    if args.yearly_report is not None:
        changes["yearly_report"] = parse_day_month(args.yearly_report, "Hạn gửi báo cáo năm")
    if args.commitment_day is not None:
        changes["commitment_day"] = parse_day_month(args.commitment_day, "Hạn đăng ký thi đua")
    if args.so_ket_report is not None:
        changes["so_ket"] = parse_date(args.so_ket_report, "Hạn gửi báo cáo sơ kết")
    if args.tong_ket_report is not None:
        changes["tong_ket"] = parse_date(args.tong_ket_report, "Hạn gửi báo cáo tổng kết")
    if not changes:
        raise Refusal("Hãy ghi ít nhất một hạn để đặt, ví dụ: deadlines set --collection-day 10.")
    return replace(current, **changes)


def run_set(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        chosen = edited(ctx.door.read(load_deadlines), args)
        ctx.door.run(save_deadlines(chosen))
        reviews = ctx.door.read(
            lambda s: {m.kind: m.year for m in milestones(s) if m.kind in REVIEW_NAMES}
        )
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return REFUSED
    print("Đã lưu mốc thời gian và hạn:")
    print("\n".join(settings_lines(chosen, reviews)))
    return 0
