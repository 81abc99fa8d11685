"""``document``: print a document to PDF (draft, blank form or issued with a number), its tables to
Excel, or reprint an issued one from the register."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from desktop.context import AppContext
from desktop.documents.common import DocumentRequest
from desktop.documents.register import issue_document, list_issued, reprint
from desktop.documents.service import KINDS, DocumentError, prepare, render
from desktop.documents.template import TemplateError
from desktop.excel.common import ExcelInputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "document",
        help="in văn bản ra PDF: kế hoạch, báo cáo, danh sách, tờ trình, báo cáo thành tích",
        description="In văn bản theo Nghị định 30/2020/NĐ-CP. Không có --issue: bản nháp, chưa cấp số.",
    )
    parser.add_argument("kind", choices=[*KINDS, "list", "reprint"], help="loại văn bản")
    parser.add_argument("--year", type=int, help="năm báo cáo")
    parser.add_argument("--quarter", type=int, help="quý (1–4); bỏ trống: cả năm")
    parser.add_argument("--campaign", type=int, help="mã đợt xét khen thưởng")
    parser.add_argument("--dossier", type=int, help="mã hồ sơ (báo cáo thành tích)")
    parser.add_argument("--id", type=int, help="mã văn bản trong sổ (in lại)")
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
    try:
        if args.kind == "list":
            return _print_register(ctx)
        if not args.out and not args.xlsx:
            raise DocumentError("Hãy cho biết tệp ghi ra: --out TỆP.pdf và/hoặc --xlsx TỆP.xlsx.")
        if args.kind == "reprint":
            return _reprint(args, ctx)
        request = DocumentRequest(
            args.kind,
            year=args.year,
            quarter=args.quarter,
            campaign_id=args.campaign,
            dossier_id=args.dossier,
            blank=args.blank,
        )
        with ctx.db.session() as session:
            if args.xlsx:
                from desktop.excel.documents_tables import write_document_tables

                write_document_tables(prepare(session, request), Path(args.xlsx))
                print(f"Đã ghi các bảng ra {args.xlsx}")
            if args.out:
                if args.issue:
                    record, pdf = issue_document(
                        session, ctx.folder.documents, request, _parse_date(args.date)
                    )
                    print(f"Đã cấp số {record.symbol} ngày {record.issued_on:%d/%m/%Y}.")
                else:
                    pdf = render(session, request)
                Path(args.out).write_bytes(pdf)
                print(f"Đã ghi {args.out}")
        return 0
    except (DocumentError, TemplateError, ExcelInputError, ValueError) as error:
        print(error)
        return 2
    except OSError as error:
        print(f"Không ghi được tệp: {error.strerror or error}.")
        return 2


def _reprint(args: argparse.Namespace, ctx: AppContext) -> int:
    if args.id is None:
        raise DocumentError("Hãy cho biết mã văn bản cần in lại: --id N (xem “document list”).")
    with ctx.db.session() as session:
        data = reprint(session, ctx.folder.documents, args.id)
    Path(args.out).write_bytes(data)
    print(f"Đã in lại vào {args.out}")
    return 0


def _print_register(ctx: AppContext) -> int:
    with ctx.db.session() as session:
        rows = list_issued(session)
        for row in rows:
            print(f"{row.id:>5}  {row.symbol:<16} {row.issued_on:%d/%m/%Y}  {row.title}")
        if not rows:
            print("Sổ văn bản chưa có văn bản nào.")
    return 0
