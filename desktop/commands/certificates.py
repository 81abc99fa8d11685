"""``document certificates --decision ID [--blank-paper] --out F.pdf`` and
``document calibration --out F.pdf``: Giấy khen of a decision, and the test page of the blanks.

Called by :mod:`desktop.commands.document`, which prints a refusal and exits with 2.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.context import AppContext
from desktop.decisions.errors import DecisionError
from desktop.models.periods import today
from desktop.text import wording


def run_certificates(args: argparse.Namespace, ctx: AppContext) -> int:
    from desktop.decisions.certificate_ops import calibration_page, print_certificates
    from desktop.documents.register import write_pdf
    from desktop.models.ids import DecisionId

    if not args.out:
        raise DecisionError("Hãy cho biết tệp ghi ra: --out TỆP.pdf.")
    if args.kind == "calibration":
        write_pdf(Path(args.out), ctx.door.read(calibration_page))
        print(f"Đã in trang thử căn lề phôi Giấy khen ra {args.out}")
        return 0
    if args.decision is None:
        raise DecisionError("Hãy cho biết quyết định khen thưởng: --decision MÃ.")
    printed = ctx.door.run(
        print_certificates(DecisionId(args.decision), today(), blank_paper=args.blank_paper)
    )
    write_pdf(Path(args.out), printed.pdf)
    paper = " (in lên phôi)" if args.blank_paper else ""
    print(
        f"Đã in {wording.count(printed.count)} Giấy khen (số vào sổ {printed.decision.numbers_text}) "
        f"ra {args.out}{paper}"
    )
    return 0
