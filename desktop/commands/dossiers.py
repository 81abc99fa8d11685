"""``dossiers list | history | show | files``: award dossiers from the command line.

The commands read through the same door as the window (:meth:`desktop.changes.Door.read`) and the
same domain functions; a unit code is found as everywhere (:mod:`desktop.register.lookup`). A
refusal prints its Vietnamese message and exits with 2; figures and dates are worded by
:mod:`desktop.text.wording`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop.awards.attachments import check_store
from desktop.awards.catalogue import list_campaigns
from desktop.awards.detail import DossierDetail, load_detail
from desktop.awards.dossiers import DossierFilter, DossierRow, count_by_status, list_dossiers
from desktop.awards.errors import DossierError
from desktop.awards.history import HistoryLine, nominee_history
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models import Campaign, DossierStatus, NomineeKind, Person
from desktop.models.ids import PersonId, UnitId, saved_id
from desktop.register.lookup import unit_by_code
from desktop.text import search_key, wording

REFUSED = 2  # the exit code of a refusal (bad filter, unknown code or number)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "dossiers", help="hồ sơ khen thưởng: danh sách, lịch sử, tệp đính kèm"
    )
    commands = parser.add_subparsers(dest="dossiers_command", metavar="VIỆC", required=True)

    listing = commands.add_parser("list", help="danh sách hồ sơ, lọc theo đợt xét và trạng thái")
    listing.add_argument("--campaign", help="đợt xét: năm (2025) hoặc một phần tên (“sơ kết”)")
    listing.add_argument("--status", help="trạng thái: nháp, đã trình hội đồng, trả lại, đã gửi, …")
    listing.add_argument(
        "--level", type=int, choices=range(1, 6), help="cấp khen thưởng 1 (phường) … 5"
    )
    listing.add_argument(
        "--kind",
        choices=[k.value for k in NomineeKind if k is not NomineeKind.ANY],
        help="loại đối tượng",
    )
    listing.add_argument("--search", default="", help="tìm theo tên (không phân biệt dấu)")
    listing.add_argument("--json", action="store_true", help="in dạng JSON")
    listing.add_argument("--excel", metavar="TỆP.xlsx", help="ghi danh sách ra tệp Excel")
    listing.set_defaults(run=run_list)

    history = commands.add_parser("history", help="lịch sử khen thưởng của một đơn vị hoặc cá nhân")
    who = history.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="mã đơn vị")
    who.add_argument("--person", type=int, help="số của cá nhân trong sổ đăng ký")
    history.add_argument("--json", action="store_true", help="in dạng JSON")
    history.set_defaults(run=run_history)

    show = commands.add_parser("show", help="một hồ sơ: nội dung, phần còn thiếu, lịch sử xử lý")
    show.add_argument("id", type=int, help="số hồ sơ")
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    show.set_defaults(run=run_show)

    files = commands.add_parser("files", help="kiểm tra tệp đính kèm còn đủ trong thư mục dữ liệu")
    files.set_defaults(run=run_files)


def find_campaigns(session: Session, text: str) -> list[Campaign]:
    campaigns = list_campaigns(session)
    if text.strip().isdigit():
        found = [c for c in campaigns if c.year == int(text)]
    else:
        found = [c for c in campaigns if search_key(text) in search_key(c.name)]
    if not found:
        known = "; ".join(c.name for c in campaigns)
        raise DossierError(f"Không có đợt xét nào khớp “{text}”. Các đợt xét: {known}.")
    return found


def find_status(text: str) -> DossierStatus:
    wanted = search_key(text)
    found = [s for s in DossierStatus if wanted in (s.value, search_key(s.label))]
    found = found or [s for s in DossierStatus if search_key(s.label).startswith(wanted)]
    found = found or [s for s in DossierStatus if wanted in search_key(s.label)]
    if len(found) != 1:
        known = ", ".join(f"“{s.label}”" for s in DossierStatus)
        raise DossierError(f"Không rõ trạng thái “{text}”. Hãy dùng một trong: {known}.")
    return found[0]


def _row_json(row: DossierRow) -> dict[str, Any]:
    d = row.dossier
    return {
        "id": d.id,
        "nominee": row.nominee,
        "nominee_kind": row.nominee_kind.value,
        "award": row.award,
        "category": row.category.value,
        "level": row.level,
        "campaign": row.campaign,
        "proposer": row.proposer,
        "status": d.status.value,
        "status_label": d.status.label,
        "deadline": row.deadline.isoformat() if row.deadline else None,
        "overdue": row.overdue,
        "discipline_note": row.discipline_note,
        "decision_number": d.decision_number,
        "decision_date": d.decision_date.isoformat() if d.decision_date else None,
    }


def run_list(args: argparse.Namespace, ctx: AppContext) -> int:
    def read(session: Session) -> list[DossierRow]:
        campaign_ids = (
            {c.id for c in find_campaigns(session, args.campaign)} if args.campaign else None
        )
        where = DossierFilter(
            status=find_status(args.status) if args.status else None,
            level=args.level,
            nominee_kind=NomineeKind(args.kind) if args.kind else None,
            query=args.search,
        )
        return [
            r
            for r in list_dossiers(session, where)
            if campaign_ids is None or r.dossier.campaign_id in campaign_ids
        ]

    try:
        rows = ctx.door.read(read)
    except Refusal as error:
        print(error.text())
        return REFUSED
    counts = count_by_status(rows)
    if args.excel:
        from desktop.excel.dossiers_export import export_dossiers

        try:
            export_dossiers(rows, Path(args.excel))
        except Refusal as error:
            print(error.text())
            return REFUSED
        print(f"Đã ghi {wording.count(len(rows))} hồ sơ ra {args.excel}")
        return 0
    if args.json:
        payload = {
            "dossiers": [_row_json(r) for r in rows],
            "counts": {s.value: n for s, n in counts.items()},
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        marks = ("  [QUÁ HẠN]" if r.overdue else "") + (
            "  [KỶ LUẬT/KHIẾU NẠI]" if r.flagged else ""
        )
        print(
            f"{r.dossier.id:>5}  {r.nominee} — {r.award} — {r.campaign} — {r.status.label}{marks}"
        )
    print(
        f"Tổng: {wording.count(len(rows))} hồ sơ. "
        + "; ".join(f"{s.label}: {wording.count(n)}" for s, n in counts.items())
    )
    return 0


def _nominee_history(
    code: str | None, person_id: int | None
) -> Callable[[Session], tuple[str, list[HistoryLine]]]:
    """A read: the name and the awards of the unit with ``code`` or of person ``person_id``."""

    def read(session: Session) -> tuple[str, list[HistoryLine]]:
        if code is not None:
            unit = unit_by_code(session, code)
            return unit.name, nominee_history(session, UnitId(saved_id(unit.id)), None)
        person = session.get(Person, person_id)
        if person is None:
            raise DossierError(f"Không có cá nhân số {person_id} trong sổ đăng ký.")
        return person.full_name, nominee_history(session, None, PersonId(saved_id(person.id)))

    return read


def run_history(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        name, lines = ctx.door.read(_nominee_history(args.unit, args.person))
    except Refusal as error:
        print(error.text())
        return REFUSED
    if args.json:
        print(json.dumps([line.__dict__ for line in lines], ensure_ascii=False, indent=2))
        return 0
    print(f"Lịch sử khen thưởng của {name}:")
    for line in lines:
        decision = f" — {line.decision}" if line.decision else ""
        print(f"  {line.year}  {line.award} ({line.status}){decision}")
    if not lines:
        print("  (chưa có)")
    return 0


def _detail_json(detail: DossierDetail) -> dict[str, Any]:
    d = detail.dossier
    return {
        "id": d.id,
        "nominee": detail.nominee.name,
        "nominee_kind": detail.nominee.kind.value,
        "award": detail.award.name,
        "campaign": detail.campaign.name,
        "proposer": detail.proposer,
        "status": d.status.value,
        "status_label": d.status.label,
        "achievement": detail.achievement,
        "criteria": [
            {"text": c.criterion.text, "met": c.met, "evidence": c.evidence}
            for c in detail.criteria
        ],
        "components": [
            {
                "name": c.component.name,
                "required": c.component.required,
                "present": c.satisfied,
                "files": [a.original_name for a in c.attachments],
            }
            for c in detail.components
        ],
        "attachments": [
            {"name": a.original_name, "sha256": a.sha256, "size": a.size}
            for a in detail.attachments
        ],
        "missing": detail.missing(),
        "warnings": detail.warnings(),
        "incomplete_reason": d.incomplete_reason,
        "decision": {
            "number": d.decision_number,
            "date": d.decision_date.isoformat() if d.decision_date else None,
            "issuer": d.decision_issuer,
        },
        "history": [
            {
                "at": e.at.isoformat(sep=" "),
                "from": e.from_status.value if e.from_status else None,
                "to": e.to_status.value,
                "note": e.note,
            }
            for e in detail.events
        ],
    }


def run_show(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        detail = ctx.door.read(lambda session: load_detail(session, args.id))
    except Refusal as error:
        print(error.text())
        return REFUSED
    data = _detail_json(detail)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"Hồ sơ số {data['id']}: {data['nominee']} — {data['award']}")
    print(f"Đợt xét: {data['campaign']}; đơn vị đề nghị: {data['proposer'] or '(không ghi)'}")
    print(f"Trạng thái: {data['status_label']}")
    if data["decision"]["number"]:
        day = wording.short_date(detail.dossier.decision_date)
        print(f"Quyết định số {data['decision']['number']} ngày {day}")
    for line in data["warnings"]:
        print(f"CẢNH BÁO: {line}")
    print("Còn thiếu:" if data["missing"] else "Hồ sơ đủ thành phần bắt buộc và tiêu chuẩn.")
    for line in data["missing"]:
        print(f"  - {line}")
    print("Lịch sử xử lý:")
    for e in detail.events:
        source = f"{e.from_status.label} → " if e.from_status else ""
        note = f" ({e.note})" if e.note else ""
        print(f"  {wording.date_time(e.at)}  {source}{e.to_status.label}{note}")
    return 0


def run_files(args: argparse.Namespace, ctx: AppContext) -> int:
    store = ctx.folder.attachments
    problems = ctx.door.read(lambda session: check_store(session, store))
    if not problems:
        print("Mọi tệp đính kèm đều còn đủ trong thư mục dữ liệu.")
        return 0
    print(f"{wording.count(len(problems))} tệp đính kèm có vấn đề:")
    for p in problems:
        print(f"  - Hồ sơ số {p.attachment.dossier_id}: {p.problem}")
    return 1
