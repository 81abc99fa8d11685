"""``awards register``: the award register (sổ theo dõi khen thưởng) from the command line.

``awards register [--year Y] [--unit CODE] [--person ID] [--json] [--excel FILE]`` lists the
decisions and the awards; ``awards register --add-earlier --unit CODE|--person ID --year Y
--award "…" [--decision "…"]`` enters an award received earlier by hand. The printed register is
``document awards [--year Y] --out F.pdf``. A refusal prints its message and exits with 2.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop.context import AppContext
from desktop.decisions.errors import DecisionError
from desktop.decisions.register import AwardRegister, RegisterFilter, award_register
from desktop.errors import Refusal
from desktop.models.ids import PersonId, UnitId, saved_id
from desktop.register.lookup import unit_by_code
from desktop.text import wording

REFUSED = 2


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "register",
        help="sổ theo dõi khen thưởng: xem, lọc, xuất Excel, ghi khen thưởng đã nhận trước",
        description=(
            "Mọi quyết định và mọi khen thưởng của Phong trào (2025–2030), kể cả khen thưởng đã "
            "nhận trước được ghi tay. Bản in: document awards [--year Y] --out TỆP.pdf."
        ),
    )
    parser.add_argument("--year", type=int, help="năm (của đợt xét khen thưởng)")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--unit", help="mã đơn vị: đơn vị và cá nhân của đơn vị")
    who.add_argument("--person", type=int, help="số của cá nhân trong sổ đăng ký")
    parser.add_argument("--json", action="store_true", help="in dạng JSON")
    parser.add_argument("--excel", metavar="TỆP.xlsx", help="ghi sổ ra tệp Excel")
    parser.add_argument(
        "--add-earlier",
        action="store_true",
        help="ghi một khen thưởng đã nhận trước (cần --unit hoặc --person, --year, --award)",
    )
    parser.add_argument("--award", help="tên danh hiệu, hình thức khen thưởng đã nhận")
    parser.add_argument("--decision", default="", help="số, ngày quyết định đã nhận")
    parser.set_defaults(run=run_register)


def run_register(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        if args.add_earlier:
            return _add_earlier(args, ctx)
        if args.award or args.decision:
            raise DecisionError("--award và --decision chỉ dùng với --add-earlier.")
        return _show(args, ctx)
    except Refusal as error:
        print(error.text())
        return REFUSED


def _filter(session: Session, args: argparse.Namespace) -> RegisterFilter:
    unit_id = UnitId(saved_id(unit_by_code(session, args.unit).id)) if args.unit else None
    person_id = PersonId(args.person) if args.person is not None else None
    return RegisterFilter(year=args.year, unit_id=unit_id, person_id=person_id)


def _show(args: argparse.Namespace, ctx: AppContext) -> int:
    register = ctx.door.read(lambda session: award_register(session, _filter(session, args)))
    if args.excel:
        from desktop.excel.awards_register import export_award_register

        count = export_award_register(register, Path(args.excel))
        print(f"Đã ghi {wording.count(count)} khen thưởng ra {args.excel}")
        return 0
    if args.json:
        print(json.dumps(_as_json(register), ensure_ascii=False, indent=2))
        return 0
    _print(register)
    return 0


def _print(register: AwardRegister) -> None:
    print("Quyết định khen thưởng:")
    for d in register.decisions:
        counts = wording.nominees(d.collectives, d.individuals) or "không còn hồ sơ nào"
        print(
            f"  {d.id:>4}  {d.number} ngày {wording.short_date(d.signed_on)} — {d.issuer} — "
            f"{counts} — {d.status}"
        )
    if not register.decisions:
        print("  (chưa có quyết định nào)")
    print("Khen thưởng:")
    for r in register.rows:
        decision = f" — QĐ {r.decision_text}" if r.decision_text else ""
        certificate = f" — số vào sổ {r.certificate}" if r.certificate else ""
        bonus = f" — {r.bonus_text}" if r.bonus else ""
        print(
            f"  {r.year}  {r.nominee} ({r.nominee_kind.label.lower()}, {r.unit}) — {r.award}"
            f"{decision}{bonus}{certificate}"
        )
    if not register.rows:
        print("  (không có khen thưởng nào)")
    who = wording.nominees(register.collectives, register.individuals)
    print(
        f"Tổng: {wording.count(len(register.rows))} khen thưởng"
        + (f" ({who})" if who else "")
        + f"; tiền thưởng {wording.money(register.bonus)}."
    )


def _as_json(register: AwardRegister) -> dict[str, Any]:
    return {
        "decisions": [
            {
                "id": d.id,
                "number": d.number,
                "signed_on": d.signed_on.isoformat(),
                "issuer": d.issuer,
                "authority": d.authority,
                "campaign": d.campaign,
                "year": d.year,
                "collectives": d.collectives,
                "individuals": d.individuals,
                "bonus": d.bonus,
                "revoked": d.revoked,
                "status": d.status,
            }
            for d in register.decisions
        ],
        "awards": [
            {
                "year": r.year,
                "decision_number": r.decision_number,
                "decision_date": r.decision_date.isoformat() if r.decision_date else None,
                "issuer": r.issuer,
                "award": r.award,
                "nominee": r.nominee,
                "nominee_kind": r.nominee_kind.value,
                "unit": r.unit,
                "bonus": r.bonus,
                "certificate": r.certificate,
                "dossier_id": r.dossier_id,
                "decision_id": r.decision_id,
                "prior_award_id": r.prior_award_id,
            }
            for r in register.rows
        ],
        "totals": {
            "awards": len(register.rows),
            "collectives": register.collectives,
            "individuals": register.individuals,
            "bonus": register.bonus,
        },
    }


def _add_earlier(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions.register_ops import add_earlier_award

    if args.unit is None and args.person is None:
        raise DecisionError("Hãy cho biết ai đã nhận khen thưởng: --unit MÃ hoặc --person SỐ.")
    if args.year is None:
        raise DecisionError("Hãy ghi năm được khen thưởng: --year NĂM.")
    if not (args.award or "").strip():
        raise DecisionError('Hãy ghi tên danh hiệu, hình thức khen thưởng: --award "…".')
    if args.excel or args.json:
        raise DecisionError("--excel và --json không dùng cùng --add-earlier.")

    def nominee(session: Session) -> tuple[UnitId | None, PersonId | None]:
        where = _filter(session, args)
        return where.unit_id, where.person_id

    unit_id, person_id = ctx.door.read(nominee)
    ctx.door.run(
        add_earlier_award(
            args.year, args.award, args.decision, unit_id=unit_id, person_id=person_id
        )
    )
    print(f"Đã ghi khen thưởng đã nhận “{args.award.strip()}” năm {args.year} vào sổ.")
    return 0
