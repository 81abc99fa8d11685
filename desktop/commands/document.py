"""``document``: print a document to PDF (draft, blank form or issued with a number), its tables to
Excel, or reprint an issued one from the register.

The parser needs only the names of the kinds; the renderer (reportlab), the database and Excel
(openpyxl) are imported by the run functions, so that ``--help`` stays quick.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.documents.kinds import KINDS, DocumentError
from desktop.errors import Refusal

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.documents.common import DocumentRequest

# Certificates are not documents of the register: their own command module prints them.
CERTIFICATE_WORDS = ("certificates", "calibration")
REPRINT_HINT = "Văn bản đã được cấp số; in lại bằng: document reprint --id {id} --out TỆP.pdf"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "document",
        help="in văn bản ra PDF: kế hoạch, báo cáo, danh sách, tờ trình, báo cáo thành tích",
        description="In văn bản theo Nghị định 30/2020/NĐ-CP. Không có --issue: bản nháp, chưa cấp số.",
    )
    parser.add_argument(
        "kind",
        choices=[*KINDS, *CERTIFICATE_WORDS, "list", "reprint"],
        help="loại văn bản (certificates: in Giấy khen; calibration: trang thử căn lề phôi)",
    )
    parser.add_argument("--year", type=int, help="năm báo cáo")
    parser.add_argument("--quarter", type=int, help="quý (1–4); bỏ trống: cả năm")
    parser.add_argument("--campaign", type=int, help="mã đợt xét khen thưởng")
    parser.add_argument("--dossier", type=int, help="mã hồ sơ (báo cáo thành tích)")
    parser.add_argument("--id", type=int, help="mã văn bản trong sổ (in lại)")
    parser.add_argument("--meeting", type=int, help="mã phiên họp Hội đồng (biên bản, kiểm phiếu)")
    parser.add_argument(
        "--to", choices=("ward", "city"), help="tờ trình, danh sách: trình phường hay thành phố"
    )
    parser.add_argument("--number", type=int, help="số quyết định do phường vào sổ (với --issue)")
    parser.add_argument(
        "--again",
        action="store_true",
        help="ban hành thêm Tờ trình khi đợt xét đã có Tờ trình gửi cùng nơi",
    )
    parser.add_argument("--decision", type=int, help="mã quyết định khen thưởng (in Giấy khen)")
    parser.add_argument(
        "--blank-paper",
        action="store_true",
        help="in lên phôi Giấy khen in sẵn: chỉ in phần chữ thay đổi",
    )
    parser.add_argument("--blank", action="store_true", help="mẫu trắng để đơn vị điền tay")
    parser.add_argument("--issue", action="store_true", help="cấp số và ghi vào sổ văn bản")
    parser.add_argument("--date", help="ngày ban hành dd/mm/yyyy (mặc định: hôm nay)")
    parser.add_argument("--out", help="tệp PDF ghi ra")
    parser.add_argument("--xlsx", help="ghi các bảng số liệu ra tệp Excel")
    parser.set_defaults(run=run_document)


def _parse_date(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        raise DocumentError(f"Ngày “{text}” không đúng dạng dd/mm/yyyy.") from None


def run_document(args: argparse.Namespace, ctx: AppContext) -> int:
    """A refusal (a missing choice, a wrong date, a file that cannot be written) is printed and
    the command exits with 2; anything else is a bug for the command line to report."""
    try:
        if args.kind == "list":
            return _print_register(ctx)
        if args.kind in CERTIFICATE_WORDS:
            from desktop.commands.certificates import run_certificates

            return run_certificates(args, ctx)
        if not args.out and not args.xlsx:
            raise DocumentError("Hãy cho biết tệp ghi ra: --out TỆP.pdf và/hoặc --xlsx TỆP.xlsx.")
        if args.kind == "reprint":
            return _reprint(args, ctx)
        return _make(args, ctx)
    except Refusal as error:
        print(error.text())
        return 2


def _request(args: argparse.Namespace) -> DocumentRequest:
    from desktop.documents.common import DocumentRequest
    from desktop.models.ids import CampaignId, DossierId, MeetingId

    return DocumentRequest(
        args.kind,
        year=args.year,
        quarter=args.quarter,
        campaign_id=None if args.campaign is None else CampaignId(args.campaign),
        dossier_id=None if args.dossier is None else DossierId(args.dossier),
        blank=args.blank,
        meeting_id=None if args.meeting is None else MeetingId(args.meeting),
        to=args.to or "",
    )


def _make(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.documents import ops
    from desktop.documents.register import write_pdf
    from desktop.text import wording

    request = _request(args)
    issued_on = _parse_date(args.date) if args.issue else None  # refused before anything is done
    if args.number is not None and issued_on is None:
        raise DocumentError("Số văn bản (--number) chỉ dùng khi cấp số: thêm --issue.")
    if args.xlsx:
        from desktop.excel.documents_tables import write_document_tables

        write_document_tables(ctx.door.read(ops.filled(request)), Path(args.xlsx))
        print(f"Đã ghi các bảng ra {args.xlsx}")
    if args.out:
        if issued_on is None:
            write_pdf(Path(args.out), ctx.door.read(ops.draft(request)).pdf)
        else:
            if request.kind == "submission" and not args.again:
                from desktop.decisions.submissions import second_submission_question

                # Issuing a second Tờ trình for the same round and authority asks first.
                question = ctx.door.read(
                    second_submission_question(request.campaign_id, request.to)
                )
                if question:
                    raise DocumentError(question)
            shown = ctx.door.run(
                ops.issue(request, issued_on, ctx.folder.documents, args.number)
            )
            print(f"Đã cấp số {shown.symbol} ngày {wording.short_date(shown.issued_on)}.")
            try:
                write_pdf(Path(args.out), shown.pdf)
            except DocumentError as error:  # the number stays given: say how to print it again
                raise DocumentError(
                    f"{error} {REPRINT_HINT.format(id=shown.document_id)}"
                ) from error
        print(f"Đã ghi {args.out}")
    return 0


def _reprint(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.documents import ops
    from desktop.documents.register import write_pdf
    from desktop.models.ids import DocumentId

    if args.id is None:
        raise DocumentError("Hãy cho biết mã văn bản cần in lại: --id N (xem “document list”).")
    shown = ctx.door.read(ops.reprinted(DocumentId(args.id), ctx.folder.documents))
    write_pdf(Path(args.out), shown.pdf)
    print(f"Đã in lại vào {args.out}")
    return 0


def _print_register(ctx: AppContext) -> int:
    from desktop.documents import ops
    from desktop.text import wording

    rows = ctx.door.read(ops.issued_documents)
    for row in rows:
        print(f"{row.id:>5}  {row.symbol:<16} {wording.short_date(row.issued_on)}  {row.title}")
    if not rows:
        print("Sổ văn bản chưa có văn bản nào.")
    return 0
