"""``awards decisions | record | correct | revoke``: the quyết định khen thưởng on record.

``record`` writes a decision received from the city or above on the dossiers it covers (with its
scan); ``correct`` and ``revoke`` change one on record, with a reason; ``decisions`` lists them.
The parsers need nothing but argparse; the domain is imported by the run functions, so that the
help of ``awards`` stays quick. A refusal prints its Vietnamese message and exits with 2.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.dates import required_day
from desktop.errors import Refusal

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.decisions.listing import DecisionRow

REFUSED = 2


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser("decisions", help="danh sách quyết định khen thưởng đã ghi")
    listing.add_argument("--campaign", type=int, help="mã đợt xét khen thưởng")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.set_defaults(run=run_decisions)

    record = commands.add_parser(
        "record", help="ghi nhận quyết định khen thưởng của thành phố hoặc cấp trên"
    )
    record.add_argument("--campaign", type=int, required=True, help="mã đợt xét khen thưởng")
    record.add_argument("--number", required=True, help="số quyết định, ví dụ 2345/QĐ-UBND")
    record.add_argument("--date", required=True, help="ngày ký dd/mm/yyyy")
    record.add_argument(
        "--issuer", default="", help="cơ quan, người ký (mặc định: theo hình thức khen thưởng)"
    )
    record.add_argument(
        "--dossiers", required=True, help="các hồ sơ được khen thưởng, mã cách nhau dấu phẩy: 3,4"
    )
    record.add_argument("--scan", help="bản quét quyết định (PDF, JPG, PNG)")
    record.add_argument(
        "--bonus", default="", help="tiền thưởng (đồng) theo quyết định: 3=1000000,4=500000"
    )
    record.set_defaults(run=run_record)

    correct = commands.add_parser(
        "correct", help="đính chính số, ngày, cơ quan ban hành quyết định"
    )
    correct.add_argument("id", type=int, help="mã quyết định")
    correct.add_argument("--number", help="số đúng")
    correct.add_argument("--date", help="ngày ký đúng dd/mm/yyyy")
    correct.add_argument("--issuer", help="cơ quan, người ký đúng")
    correct.add_argument("--reason", required=True, help="lý do đính chính")
    correct.set_defaults(run=run_correct)

    revoke = commands.add_parser(
        "revoke", help="hủy quyết định khen thưởng (hồ sơ trở lại chờ quyết định)"
    )
    revoke.add_argument("id", type=int, help="mã quyết định")
    revoke.add_argument("--reason", required=True, help="lý do hủy")
    revoke.add_argument("--date", help="ngày hủy dd/mm/yyyy (mặc định: hôm nay)")
    revoke.set_defaults(run=run_revoke)


# -- what the clerk typed -------------------------------------------------------------------------
def parse_date(text: str) -> date:
    return required_day(text, "Hãy ghi ngày (--date dd/mm/yyyy).")


def parse_ids(text: str) -> list[int]:
    from desktop.decisions.errors import DecisionError

    parts = [p.strip() for p in text.split(",") if p.strip()]
    wrong = [p for p in parts if not p.isdigit()]
    if wrong or not parts:
        raise DecisionError(
            f"Danh sách hồ sơ “{text}” không đọc được; hãy ghi các mã hồ sơ cách nhau dấu phẩy, "
            "ví dụ 3,4."
        )
    return [int(p) for p in parts]


def parse_bonuses(text: str) -> dict[int, int]:
    """ "3=1000000,4=1.500.000": the dots of thousands are allowed, as the clerk reads amounts."""
    from desktop.decisions.errors import DecisionError

    bonuses: dict[int, int] = {}
    for part in (p.strip() for p in text.split(",") if p.strip()):
        match = re.fullmatch(r"(\d+)\s*=\s*(\d[\d. ]*)", part)
        if match is None:
            raise DecisionError(
                f"Tiền thưởng “{part}” không đọc được; hãy ghi mã hồ sơ=số tiền, ví dụ 3=1000000."
            )
        bonuses[int(match.group(1))] = int(re.sub(r"[. ]", "", match.group(2)))
    return bonuses


# -- the commands -----------------------------------------------------------------------------------
def run_decisions(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions import ops

    try:
        rows = ctx.door.read(ops.decisions(args.campaign))
    except Refusal as error:
        print(error.text())
        return REFUSED
    if args.json:
        print(json.dumps([_row_json(r) for r in rows], ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(_row_line(row))
    if not rows:
        print("Chưa có quyết định khen thưởng nào được ghi.")
    return 0


def run_record(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions import ops
    from desktop.decisions.received import ReceivedDecision

    try:
        received = ReceivedDecision(
            campaign_id=args.campaign,
            number=args.number,
            signed_on=parse_date(args.date),
            dossier_ids=parse_ids(args.dossiers),
            issuer=args.issuer,
            bonuses=parse_bonuses(args.bonus),
            scan=Path(args.scan) if args.scan else None,
        )
        decision_id = ctx.door.run(ops.record(ctx.folder.attachments, received))
        row = _row(ctx, decision_id)
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(f"Đã ghi nhận {_title(row)} (mã {row.id}): {row.covers} được khen thưởng.")
    print(f"Tiền thưởng: {_money(row.total_bonus)}.")
    if args.scan:
        print(f"Bản quét: {Path(args.scan).name} (tệp đính kèm số {row.scan_id}).")
    return 0


def run_correct(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions import ops
    from desktop.decisions.corrections import Correction
    from desktop.models.ids import DecisionId

    try:
        correction = Correction(
            number=args.number,
            signed_on=parse_date(args.date) if args.date else None,
            issuer=args.issuer,
        )
        ctx.door.run(ops.correct(DecisionId(args.id), correction, args.reason))
        row = _row(ctx, args.id)
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(f"Đã đính chính thành {_title(row)} (mã {row.id}); lý do: {args.reason.strip()}.")
    print(f"Hồ sơ được cập nhật: {row.covers}.")
    return 0


def run_revoke(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions import ops
    from desktop.models.ids import DecisionId

    try:
        revoked_on = parse_date(args.date) if args.date else None
        moved = ctx.door.run(ops.revoke(DecisionId(args.id), args.reason, revoked_on))
        row = _row(ctx, args.id)
    except Refusal as error:
        print(error.text())
        return REFUSED
    from desktop.text import wording

    print(
        f"Đã hủy {_title(row)} (mã {row.id}) từ ngày {wording.short_date(row.revoked_on)}; "
        f"lý do: {row.revoke_reason}."
    )
    if moved:
        print(
            f"{len(moved)} hồ sơ trở lại chờ quyết định: "
            + ", ".join(f"số {i}" for i in sorted(moved))
            + "."
        )
    return 0


# -- words ----------------------------------------------------------------------------------------------
def _row(ctx: AppContext, decision_id: int) -> DecisionRow:
    from desktop.decisions import ops

    return next(r for r in ctx.door.read(ops.decisions()) if r.id == decision_id)


def _money(amount: int) -> str:
    from desktop.text import wording

    return wording.money(amount)


def _title(row: DecisionRow) -> str:
    from desktop.text import wording

    return f"quyết định số {row.number} ngày {wording.short_date(row.signed_on)} của {row.issuer}"


def _row_line(row: DecisionRow) -> str:
    from desktop.text import wording

    scan = f" — bản quét: tệp số {row.scan_id}" if row.scan_id is not None else ""
    return (
        f"{row.id:>4}  Số {row.number} ngày {wording.short_date(row.signed_on)} — {row.issuer} "
        f"({row.authority.label}) — {row.campaign} — {row.covers} — tiền thưởng "
        f"{_money(row.total_bonus)} — {row.state}{scan}"
    )


def _row_json(row: DecisionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "campaign_id": row.campaign_id,
        "campaign": row.campaign,
        "authority": row.authority.value,
        "number": row.number,
        "signed_on": row.signed_on.isoformat(),
        "issuer": row.issuer,
        "collectives": row.collectives,
        "persons": row.persons,
        "total_bonus": row.total_bonus,
        "revoked": row.revoked,
        "revoked_on": row.revoked_on.isoformat() if row.revoked_on else None,
        "revoke_reason": row.revoke_reason,
        "scan_attachment_id": row.scan_id,
        "document_id": row.document_id,
    }
