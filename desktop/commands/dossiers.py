"""``dossiers create | submit | return | reopen | template | import | discipline | list | history |
show | files``: award dossiers from the command line.

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

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.awards.attachments import check_store
from desktop.awards.catalogue import get_campaign, list_award_forms, list_campaigns
from desktop.awards.detail import DossierDetail, load_detail
from desktop.awards.dossier_ops import create, dossier_changed, note_discipline
from desktop.awards.dossiers import (
    Created,
    DossierFilter,
    DossierRow,
    NewDossier,
    count_by_status,
    get_dossier,
    list_dossiers,
)
from desktop.awards.errors import DossierError
from desktop.awards.history import HistoryLine, nominee_history
from desktop.awards.nominees import Nominee
from desktop.awards.workflow import Act, move_dossier
from desktop.changes import Done
from desktop.context import AppContext
from desktop.errors import Refusal, more_lines
from desktop.models import AwardForm, Campaign, DossierStatus, NomineeKind, Person
from desktop.models.ids import AwardFormId, CampaignId, DossierId, PersonId, UnitId, saved_id
from desktop.register.lookup import unit_by_code
from desktop.register.units import list_units
from desktop.text import clean_line, search_key, wording

REFUSED = 2  # the exit code of a refusal (bad filter, unknown code or number)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "dossiers",
        help="hồ sơ khen thưởng: tạo, trình, trả lại, mở lại, nhập đề nghị, danh sách, lịch sử, tệp",
    )
    commands = parser.add_subparsers(dest="dossiers_command", metavar="VIỆC", required=True)
    _register_chain(commands)

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

    files = commands.add_parser(
        "files", help="kiểm tra tệp đính kèm còn đủ và không bị thay đổi (theo mã băm)"
    )
    files.set_defaults(run=run_files)


def _register_chain(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = commands.add_parser("create", help="tạo hồ sơ Nháp cho một đơn vị hoặc một cá nhân")
    create.add_argument("--campaign", type=int, required=True, help="số của đợt xét")
    create.add_argument("--form", required=True, help="mã hình thức khen thưởng (ví dụ GKCTP)")
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", help="mã đơn vị được đề nghị")
    who.add_argument("--person", type=int, help="số của cá nhân trong sổ đăng ký")
    create.add_argument(
        "--replace",
        action="store_true",
        help="thay hồ sơ hình thức thấp hơn (chưa có quyết định) của đối tượng trong đợt này",
    )
    create.add_argument("--note", default="", help="ghi chú của hồ sơ")
    create.set_defaults(run=run_create)

    submit = commands.add_parser("submit", help="trình Hội đồng Thi đua - Khen thưởng phường")
    submit.add_argument("id", type=int, help="số hồ sơ")
    submit.add_argument("--reason", default="", help="lý do vẫn trình khi hồ sơ chưa đầy đủ")
    submit.set_defaults(run=run_step, step="submit")

    back = commands.add_parser("return", help="trả lại hồ sơ để bổ sung")
    back.add_argument("id", type=int, help="số hồ sơ")
    back.add_argument("--note", required=True, help="nội dung cần bổ sung")
    back.set_defaults(run=run_step, step="return")

    reopen = commands.add_parser("reopen", help="mở lại hồ sơ bị trả lại cho lần xét mới")
    reopen.add_argument("id", type=int, help="số hồ sơ")
    reopen.add_argument("--note", required=True, help="lý do mở lại")
    reopen.set_defaults(run=run_step, step="reopen")

    tick = commands.add_parser(
        "tick", help="đánh dấu tiêu chuẩn đạt, thành phần hồ sơ đã có (số thứ tự như “show”)"
    )
    tick.add_argument("id", type=int, help="số hồ sơ")
    tick.add_argument("--standards", help="số thứ tự tiêu chuẩn, ví dụ 1,2 (“all”: tất cả)")
    tick.add_argument("--papers", help="số thứ tự thành phần hồ sơ, ví dụ 1,3 (“all”: tất cả)")
    tick.add_argument("--off", action="store_true", help="bỏ đánh dấu")
    tick.add_argument("--evidence", default="", help="minh chứng, ghi chú")
    tick.set_defaults(run=run_tick)

    template = commands.add_parser("template", help="mẫu danh sách đề nghị để các đơn vị điền")
    template.add_argument("--campaign", type=int, required=True, help="số của đợt xét")
    template.add_argument("--out", required=True, metavar="TỆP.xlsx", help="tệp mẫu sẽ ghi")
    template.set_defaults(run=run_template)

    nominations = commands.add_parser("import", help="nhập danh sách đề nghị thành hồ sơ Nháp")
    nominations.add_argument("--campaign", type=int, required=True, help="số của đợt xét")
    nominations.add_argument("--file", required=True, metavar="TỆP.xlsx", help="danh sách đã điền")
    nominations.add_argument("--preview", action="store_true", help="chỉ xem trước, không ghi")
    nominations.set_defaults(run=run_import)

    discipline = commands.add_parser("discipline", help="ghi hoặc gỡ ghi chú kỷ luật, khiếu nại")
    nominee = discipline.add_mutually_exclusive_group(required=True)
    nominee.add_argument("--unit", help="mã đơn vị")
    nominee.add_argument("--person", type=int, help="số của cá nhân trong sổ đăng ký")
    what = discipline.add_mutually_exclusive_group(required=True)
    what.add_argument("--note", help="nội dung kỷ luật, thanh tra hoặc khiếu nại")
    what.add_argument("--clear", action="store_true", help="gỡ ghi chú (cần --reason)")
    discipline.add_argument("--reason", default="", help="lý do (bắt buộc khi gỡ)")
    discipline.set_defaults(run=run_discipline)


def _form_by_code(session: Session, code: str) -> AwardForm:
    wanted = clean_line(code).upper()
    form = session.exec(select(AwardForm).where(func.upper(AwardForm.code) == wanted)).first()
    if form is None:
        known = ", ".join(f.code for f in list_award_forms(session, include_inactive=False))
        raise DossierError(f"Không có hình thức khen thưởng mã “{wanted}”. Các mã: {known}.")
    return form


def _new_dossier(args: argparse.Namespace) -> Callable[[Session], Done[Created]]:
    def operation(session: Session) -> Done[Created]:
        form = _form_by_code(session, args.form)
        unit_id = UnitId(saved_id(unit_by_code(session, args.unit).id)) if args.unit else None
        new = NewDossier(
            campaign_id=CampaignId(args.campaign),
            award_form_id=AwardFormId(saved_id(form.id)),
            nominee_unit_id=unit_id,
            nominee_person_id=PersonId(args.person) if args.person is not None else None,
            note=args.note,
            replace=args.replace,
        )
        return create(new)(session)

    return operation


def run_create(args: argparse.Namespace, ctx: AppContext) -> int:
    try:
        created = ctx.door.run(_new_dossier(args))
        detail = ctx.door.read(lambda session: load_detail(session, created.dossier_id))
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(
        f"Hồ sơ số {created.dossier_id}: {detail.nominee.name} — {detail.award.name} — "
        f"{detail.campaign.name}: {DossierStatus.DRAFT.label}"
    )
    for lower in created.replaced:
        print(lower.describe(created.dossier_id))
    return 0


def run_step(args: argparse.Namespace, ctx: AppContext) -> int:
    dossier_id = DossierId(args.id)
    if args.step == "submit":
        to, act, note, reason = DossierStatus.SUBMITTED_TO_COUNCIL, Act.CLERK, "", args.reason
    elif args.step == "return":
        to, act, note, reason = DossierStatus.RETURNED, Act.CLERK, args.note, ""
    else:
        to, act, note, reason = DossierStatus.DRAFT, Act.REOPEN, args.note, ""

    def operation(session: Session) -> Done[tuple[DossierStatus, int]]:
        before = get_dossier(session, dossier_id).status
        move_dossier(session, dossier_id, to, note=note, reason=reason, act=act)
        return Done((before, get_dossier(session, dossier_id).round), dossier_changed(dossier_id))

    try:
        before, round_number = ctx.door.run(operation)
    except Refusal as error:
        print(error.text())
        return REFUSED
    again = f" (lần xét thứ {round_number})" if act is Act.REOPEN else ""
    print(f"Hồ sơ số {dossier_id}: {before.label} → {to.label}{again}")
    return 0


def _campaign_forms(
    session: Session, campaign_id: int
) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    from desktop.awards.rules import campaign_kinds_of

    campaign = get_campaign(session, campaign_id)
    forms = [
        (f.code, f.name)
        for f in list_award_forms(session, include_inactive=False)
        if campaign.kind in campaign_kinds_of(f)
    ]
    units = [(u.code, u.name) for u in list_units(session, include_inactive=False)]
    return campaign.name, forms, units


def run_template(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.excel.nominations import write_template

    try:
        name, forms, units = ctx.door.read(lambda s: _campaign_forms(s, args.campaign))
        write_template(Path(args.out), name, forms, units)
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(f"Đã ghi mẫu danh sách đề nghị của đợt “{name}” ra {args.out}")
    return 0


def run_import(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.awards.nominations import import_nominations, preview
    from desktop.excel.nominations import read_nominations

    try:
        nominations = read_nominations(Path(args.file))
        seen = ctx.door.read(lambda s: preview(s, args.campaign, nominations))
    except Refusal as error:
        print(error.text())
        return REFUSED
    print(seen.summary())
    for planned in seen.planned:
        print(f"  {planned.describe()}")
    if seen.problems:
        print("\n".join(more_lines(seen.problems)))
        print("Không hồ sơ nào được tạo; hãy sửa tệp rồi nhập lại.")
        return REFUSED
    if args.preview:
        print("Xem trước: chưa ghi gì.")
        return 0
    try:
        imported = ctx.door.run(import_nominations(CampaignId(args.campaign), nominations))
    except Refusal as error:
        print(error.text())
        return REFUSED
    numbers = ", ".join(str(i) for i in imported.dossier_ids)
    print(f"Đã tạo {wording.count(len(imported.dossier_ids))} hồ sơ Nháp (số {numbers}).")
    if imported.person_ids:
        print(f"Đã thêm {wording.count(len(imported.person_ids))} cá nhân vào sổ đăng ký.")
    return 0


def run_discipline(args: argparse.Namespace, ctx: AppContext) -> int:
    def operation(session: Session) -> Done[Nominee]:
        unit_id = UnitId(saved_id(unit_by_code(session, args.unit).id)) if args.unit else None
        person_id = PersonId(args.person) if args.person is not None else None
        note = "" if args.clear else args.note
        return note_discipline(unit_id, person_id, note, args.reason)(session)

    try:
        nominee = ctx.door.run(operation)
    except Refusal as error:
        print(error.text())
        return REFUSED
    if nominee.flagged:
        print(f"Đã ghi kỷ luật / khiếu nại của “{nominee.name}”: {nominee.discipline_note}")
    else:
        print(f"Đã gỡ ghi chú kỷ luật của “{nominee.name}” (lý do: {clean_line(args.reason)}).")
    return 0


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


def _numbers(text: str | None) -> list[int] | None:
    """ "1,3" → [1, 3]; "all" → None (every line); a wrong word is refused."""
    if text is None or text.strip().lower() in ("all", "tất cả", "tat ca"):
        return None
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise DossierError(
            f"“{text}” không phải danh sách số thứ tự (ví dụ 1,2,3 hoặc all)."
        ) from None


def run_tick(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.awards.dossier_ops import fill_checklists
    from desktop.models.ids import DossierId

    try:
        if args.standards is None and args.papers is None:
            raise DossierError("Hãy cho biết --standards và/hoặc --papers (số thứ tự, hoặc all).")
        standards = _numbers(args.standards) if args.standards is not None else []
        papers = _numbers(args.papers) if args.papers is not None else []
        count = ctx.door.run(
            fill_checklists(DossierId(args.id), standards, papers, not args.off, args.evidence)
        )
    except Refusal as error:
        print(error.text())
        return REFUSED
    done = "Đã bỏ đánh dấu" if args.off else "Đã đánh dấu"
    print(f"Hồ sơ số {args.id}: {done} {wording.count(count)} dòng.")
    return 0


def run_files(args: argparse.Namespace, ctx: AppContext) -> int:
    store = ctx.folder.attachments
    problems = ctx.door.read(lambda session: check_store(session, store))
    if not problems:
        print("Mọi tệp đính kèm đều còn đủ và đúng như khi đính kèm.")
        return 0
    print(f"{wording.count(len(problems))} tệp đính kèm có vấn đề:")
    for p in problems:
        owner = (
            f"Hồ sơ số {p.attachment.dossier_id}"
            if p.attachment.dossier_id is not None
            else f"Bản quét quyết định mã {p.attachment.decision_id}"
        )
        print(f"  - {owner}: {p.problem}")
    return 1
