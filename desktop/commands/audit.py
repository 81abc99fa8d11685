"""``log``: the change log (Nhật ký thay đổi) as the window's page shows it, filtered the same way
(:class:`desktop.storage.audit.AuditFilter`), printed a line an entry or written to Excel."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.dates import parse_day
from desktop.context import AppContext
from desktop.errors import Refusal

BAD_INPUT = 2  # exit code: what was given is refused
ACTIONS = {"them": "insert", "sua": "update", "xoa": "delete"}


class BadLogFilter(Refusal):
    """A table the log does not know."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "log", help="nhật ký thay đổi: xem theo bảng, thao tác, ngày, chữ; xuất Excel"
    )
    parser.add_argument("--text", default="", metavar="CHỮ", help="tìm trong nhật ký (bỏ dấu)")
    parser.add_argument("--table", metavar="BẢNG", help="chỉ một bảng (tên tiếng Việt hoặc mã)")
    parser.add_argument("--action", choices=sorted(ACTIONS), help="them, sua hoặc xoa")
    parser.add_argument("--since", metavar="dd/mm/yyyy", help="từ ngày")
    parser.add_argument("--until", metavar="dd/mm/yyyy", help="đến hết ngày")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="số dòng in (50)")
    parser.add_argument("--xlsx", type=Path, metavar="TỆP.xlsx", help="xuất mọi dòng khớp ra Excel")
    parser.set_defaults(run=run_log)


def _table(ctx: AppContext, given: str | None) -> str | None:
    """A table by its code ("dossier") or by the clerk's name ("hồ sơ khen thưởng"), marks aside."""
    from desktop.storage.audit import audit_tables, table_label
    from desktop.text import search_key

    if not given:
        return None
    known = ctx.door.read(audit_tables)
    for name in known:
        if search_key(given) in (search_key(name), search_key(table_label(name))):
            return name
    listed = ", ".join(table_label(name) for name in known)
    raise BadLogFilter(f"Nhật ký không có bảng “{given}”. Các bảng có trong nhật ký: {listed}.")


def run_log(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.storage.audit import AuditFilter, query_audit
    from desktop.text import wording

    try:
        flt = AuditFilter(
            text=args.text,
            table=_table(ctx, args.table),
            action=ACTIONS.get(args.action or ""),
            since=parse_day(args.since),
            until=parse_day(args.until),
        )
    except Refusal as error:
        print(error.text(), file=sys.stderr)
        return BAD_INPUT
    if args.xlsx is not None:
        from desktop.excel.audit_export import export_audit

        count = ctx.door.read(lambda s: export_audit(s, flt, args.xlsx))
        print(f"Đã ghi {wording.count(count)} dòng nhật ký vào {args.xlsx}")
        return 0
    rows, more = ctx.door.read(lambda s: query_audit(s, flt, limit=max(args.limit, 1)))
    if not rows:
        print("Không có dòng nhật ký nào khớp với điều kiện lọc.")
        return 0
    for row in rows:
        record = f" “{row.record}”" if row.record and row.action == "update" else ""
        what = f"{row.action_label} · {row.table}{record} — {row.summary}"
        reason = f" (lý do: {row.reason})" if row.reason else ""
        print(f"{wording.date_time(row.at, seconds=True)}  {what}{reason}")
    if more:
        print("(còn nữa: in thêm với --limit N, hoặc xuất hết với --xlsx TỆP.xlsx)")
    return 0
