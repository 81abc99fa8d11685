"""``document``: print a document to PDF (draft, blank form or issued with a number), its tables to
Excel, or reprint an issued one from the register; ``document direction`` reads or writes the
Phương hướng, đề xuất of a Báo cáo kết quả (its section IV, which the clerk writes before issuing).

The parser needs only the names of the kinds; the renderer (reportlab), the database and Excel
(openpyxl) are imported by the run functions, so that ``--help`` stays quick.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.dates import required_day
from desktop.documents.kinds import KINDS, DocumentError
from desktop.errors import Refusal

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.documents.common import DocumentRequest

# Certificates are not documents of the register: their own command module prints them.
CERTIFICATE_WORDS = ("certificates", "calibration")
DIRECTION_WORD = "direction"
CONFIRM_FIRST = "Chưa cấp số, vì:"
CONFIRM_HOW = "Nếu vẫn ban hành, chạy lại lệnh với --confirm."
REPRINT_HINT = "Văn bản đã được cấp số; in lại bằng: document reprint --id {id} --out TỆP.pdf"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "document",
        help="in văn bản ra PDF: kế hoạch, báo cáo, danh sách, tờ trình, báo cáo thành tích",
        description=(
            "In văn bản theo Nghị định 30/2020/NĐ-CP. Không có --issue: bản nháp, chưa cấp số. "
            "document direction --year N [--quarter Q] --text … (hoặc --file TỆP.txt): viết phần "
            "Phương hướng, đề xuất của báo cáo kết quả; không có --text/--file: in phần đã lưu."
        ),
    )
    parser.add_argument(
        "kind",
        choices=[*KINDS, *CERTIFICATE_WORDS, "list", "reprint", DIRECTION_WORD],
        help=(
            "loại văn bản (certificates: in Giấy khen; calibration: trang thử căn lề phôi; "
            "direction: phần Phương hướng, đề xuất của báo cáo kết quả)"
        ),
    )
    parser.add_argument("--year", type=int, help="năm báo cáo")
    parser.add_argument(
        "--period", help="review, direction: giai đoạn sơ kết 2025-2027 hoặc tổng kết 2025-2030"
    )
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
        "--confirm",
        action="store_true",
        help="vẫn cấp số khi lệnh đã hỏi (ngày trước văn bản trước, tờ trình thứ hai …)",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="như --confirm: ban hành thêm Tờ trình khi đợt xét đã có Tờ trình gửi cùng nơi",
    )
    parser.add_argument(
        "--text", help="direction: lời phần Phương hướng, đề xuất (mỗi dòng một đoạn)"
    )
    parser.add_argument(
        "--file", help="direction: tệp văn bản UTF-8 chứa phần Phương hướng, đề xuất"
    )
    parser.add_argument(
        "--difficulties",
        help="direction: lời phần Khó khăn, vướng mắc của báo cáo cả năm (báo cáo yearly)",
    )
    parser.add_argument(
        "--difficulties-file",
        help="direction: tệp văn bản UTF-8 chứa phần Khó khăn, vướng mắc",
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
    parser.add_argument("--xlsx", "--excel", dest="xlsx", help="ghi các bảng số liệu ra tệp Excel")
    parser.set_defaults(run=run_document)


def _parse_date(text: str | None) -> date:
    if not text:
        from desktop.models.periods import today

        return today()
    return required_day(text, "Hãy ghi ngày (--date dd/mm/yyyy).")


def run_document(args: argparse.Namespace, ctx: AppContext) -> int:
    """A refusal (a missing choice, a wrong date, a file that cannot be written) is printed and
    the command exits with 2; anything else is a bug for the command line to report."""
    try:
        if args.kind == "list":
            return _print_register(ctx)
        if args.kind in CERTIFICATE_WORDS:
            from desktop.commands.certificates import run_certificates

            return run_certificates(args, ctx)
        if args.kind == "review" or (args.kind == DIRECTION_WORD and args.period):
            from desktop.commands.review_document import run_review

            return run_review(args, ctx)
        if args.kind == DIRECTION_WORD:
            return _direction(args, ctx)
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
        period=getattr(args, "period", None) or "",
    )


def _make(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.documents import ops
    from desktop.documents.register import check_out_folder, write_pdf
    from desktop.text import wording

    request = _request(args)
    issued_on = _parse_date(args.date) if args.issue else None  # refused before anything is done
    if args.out:  # a folder that is gone, before a number is given or a page laid out
        check_out_folder(Path(args.out))
    if args.number is not None and issued_on is None:
        raise DocumentError("Số văn bản (--number) chỉ dùng khi cấp số: thêm --issue.")
    if args.xlsx and request.kind == "yearly":
        # The yearly report's workbook: its tables as sheets of figures (excel/yearly_report.py).
        from desktop.documents.yearly import tables
        from desktop.excel.yearly_report import write_yearly_workbook

        title, data = ctx.door.read(tables(request))
        write_yearly_workbook(data, title, Path(args.xlsx))
        print(f"Đã ghi các bảng ra {args.xlsx}")
    elif args.xlsx:
        from desktop.excel.documents_tables import write_document_tables

        write_document_tables(ctx.door.read(ops.filled(request)), Path(args.xlsx))
        print(f"Đã ghi các bảng ra {args.xlsx}")
    if args.out:
        if issued_on is None:
            write_pdf(Path(args.out), ctx.door.read(ops.draft(request)).pdf)
        else:
            if not (args.confirm or args.again):
                _ask_first(ctx, request, issued_on, args.number)
            shown = ctx.door.run(ops.issue(request, issued_on, ctx.folder.documents, args.number))
            print(f"Đã cấp số {shown.symbol} ngày {wording.short_date(shown.issued_on)}.")
            try:
                write_pdf(Path(args.out), shown.pdf)
            except DocumentError as error:  # the number stays given: say how to print it again
                raise DocumentError(
                    f"{error} {REPRINT_HINT.format(id=shown.document_id)}"
                ) from error
        print(f"Đã ghi {args.out}")
    return 0


def _direction_text(args: argparse.Namespace, text: str = "text", file: str = "file") -> str | None:
    """The text given by --text or --file (UTF-8); None when neither was given. ``text`` and
    ``file`` name the pair of options read (--difficulties, --difficulties-file)."""
    given, named = getattr(args, text), getattr(args, file)
    if given is not None and named:
        flag = text.replace("_", "-")
        raise DocumentError(f"Chỉ dùng một trong --{flag} và --{file.replace('_', '-')}.")
    if not named:
        return given
    path = Path(named)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(
            f"Tệp “{path}” không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8."
        ) from None
    except OSError as error:
        raise DocumentError(
            f"Không đọc được tệp “{path}” ({error.strerror or error}); hãy kiểm tra đường dẫn."
        ) from None


def _direction(args: argparse.Namespace, ctx: AppContext) -> int:
    """Phương hướng, đề xuất of the report of ``--year`` (and ``--quarter``): saved when a text is
    given, printed otherwise."""
    from desktop.documents import directions

    if args.year is None:
        raise DocumentError(
            "Hãy cho biết năm của báo cáo: --year N (và --quarter Q cho báo cáo quý)."
        )
    text = _direction_text(args)
    difficulties = _direction_text(args, "difficulties", "difficulties_file")
    period = directions.period_words(args.year, args.quarter)
    if difficulties is not None:
        stored_difficulties = ctx.door.run(
            directions.save_difficulties(args.year, args.quarter, difficulties)
        )
        done = "Đã lưu" if stored_difficulties else "Đã xóa"
        print(f"{done} phần Khó khăn, vướng mắc của báo cáo {period}.")
        if text is None:
            return 0
    if text is None:
        saved = ctx.door.read(directions.direction_of(args.year, args.quarter))
        if saved:
            print(saved)
        else:
            print(f"Báo cáo {period} chưa có phần Phương hướng, đề xuất.")
        said = "" if args.quarter else ctx.door.read(directions.difficulties_of(args.year))
        if said:  # the yearly report's Khó khăn, when written
            print(f"Khó khăn, vướng mắc:\n{said}")
        return 0
    stored = ctx.door.run(directions.save_direction(args.year, args.quarter, text))
    if stored:
        count = len(directions.paragraphs(stored))
        print(f"Đã lưu phần Phương hướng, đề xuất của báo cáo {period} ({count} đoạn).")
    else:
        print(f"Đã xóa phần Phương hướng, đề xuất của báo cáo {period}.")
    return 0


def _ask_first(
    ctx: AppContext, request: DocumentRequest, issued_on: date, number: int | None
) -> None:
    """Issuing asks first (a date out of the register's order, a second Tờ trình …): the command
    line cannot ask, so it stops, says why, and tells how to issue anyway."""
    from desktop.documents.ordering import issuing_questions

    questions = ctx.door.read(issuing_questions(request, issued_on, number))
    if questions:
        reasons = [f"- {question}" for question in questions]
        raise DocumentError("\n".join([CONFIRM_FIRST, *reasons, CONFIRM_HOW]))


def _reprint(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.documents import ops
    from desktop.documents.register import check_out_folder, write_pdf
    from desktop.models.ids import DocumentId

    if args.id is None:
        raise DocumentError("Hãy cho biết mã văn bản cần in lại: --id N (xem “document list”).")
    check_out_folder(Path(args.out))
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
