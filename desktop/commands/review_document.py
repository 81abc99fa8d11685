"""``document review --period 2025-2027|2025-2030`` and ``document direction --period …``.

The sơ kết and tổng kết reports, printed as the other kinds are (a draft, or issued with
``--issue``, asking first like every numbered document) by :mod:`desktop.commands.document`, with
their own workbook (``--xlsx``/``--excel``: :mod:`desktop.excel.review_report`); and the clerk's
two texts of a review, its Khó khăn (``--difficulties``) and its Phương hướng (``--text`` or
``--file``), saved through :func:`desktop.documents.review_texts.save_review_texts`, printed when
neither is given.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.documents.kinds import DocumentError

if TYPE_CHECKING:
    from desktop.context import AppContext
    from desktop.documents.common import DocumentRequest
    from desktop.documents.review import ReviewPeriod

NO_PERIOD = (
    "Hãy cho biết giai đoạn: --period 2025-2027 (sơ kết) hoặc --period 2025-2030 (tổng kết)."
)


def _request(args: argparse.Namespace, ctx: AppContext) -> tuple[DocumentRequest, ReviewPeriod]:
    """The review the --period names, refused with the two choices when it names none."""
    from desktop.documents.common import DocumentRequest as Request
    from desktop.documents.review import period_of

    if not args.period:
        raise DocumentError(NO_PERIOD)
    asked = Request("review", period=args.period)
    period = ctx.door.read(lambda session: period_of(session, asked))
    return Request("review", period=period.key), period


def run_review(args: argparse.Namespace, ctx: AppContext) -> int:
    """The report (``kind`` review) or its texts (``kind`` direction with ``--period``)."""
    from desktop.commands import document

    request, period = _request(args, ctx)
    if args.kind == document.DIRECTION_WORD:
        return _texts(args, ctx, period)
    if not args.out and not args.xlsx:
        raise DocumentError("Hãy cho biết tệp ghi ra: --out TỆP.pdf và/hoặc --xlsx TỆP.xlsx.")
    if args.xlsx:
        from desktop.documents.review import tables
        from desktop.excel.review_report import write_review_workbook

        title, data = ctx.door.read(tables(request))
        write_review_workbook(data, title, Path(args.xlsx))
        print(f"Đã ghi các bảng ra {args.xlsx}")
    if not args.out:
        return 0
    args.period, args.xlsx = request.period, None
    return document._make(args, ctx)


def _texts(args: argparse.Namespace, ctx: AppContext, period: ReviewPeriod) -> int:
    from desktop.commands.document import _direction_text
    from desktop.documents import review_texts

    last, words = period.last, period.words
    direction = _direction_text(args)
    difficulties = getattr(args, "difficulties", None)
    if direction is None and difficulties is None:
        saved = ctx.door.read(review_texts.texts_of(last))
        for heading, text in (
            (review_texts.DIFFICULTIES, saved.difficulties),
            (review_texts.DIRECTION, saved.direction),
        ):
            print(f"{heading}:\n{text}" if text else f"{heading}: chưa viết.")
        return 0
    stored = ctx.door.run(review_texts.save_review_texts(last, words, difficulties, direction))
    missing = stored.missing
    print(
        f"Đã lưu phần Khó khăn, Phương hướng của báo cáo {words}"
        + (f" (còn thiếu: {', '.join(missing)})." if missing else ".")
    )
    return 0
