"""``python -m tests.faults.ward ROOT``: the ward every fault is injected into, built once.

``ROOT/data`` is the demo ward with what a restore must bring back besides the database: three
attachments of dossiers, an issued document's PDF in ``documents/``, the window's ``window.ini``.
``ROOT/usb`` holds one backup of it; ``ROOT/forms`` two collection forms of quý 4/2026 filled in as
the units return them. After the backup the clerk went on working (one more attachment, one more
issued document, a unit's value, other window settings), so that a restore of that backup changes
every part of the data folder. Built in its own process, with the clerk's day of the suite.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import col, select

from desktop.awards.attachments import attach_file
from desktop.cli import main as cli
from desktop.context import AppContext
from desktop.excel.values_forms import FIRST_ROW, NOTE_COL, NUMERATOR_COL, SHEET
from desktop.models import Dossier

FORM_UNITS = ("TDP01", "TDP02")
WINDOW_BEFORE = "[MainWindow]\ngeometry=@ByteArray(1 2 3)\nlastFolder=/media/usb\n"
WINDOW_AFTER = "[MainWindow]\ngeometry=@ByteArray(4 5 6)\nlastFolder=/home/vanthu\n"


def _attach(data: Path, contents: list[tuple[str, bytes]], scratch: Path) -> None:
    ctx = AppContext.from_args(data)
    try:
        with ctx.db.session() as session:
            dossiers = session.exec(select(Dossier.id).order_by(col(Dossier.id))).all()
            for number, (name, content) in enumerate(contents):
                source = scratch / name
                source.write_bytes(content)
                dossier = dossiers[number % len(dossiers)]
                assert dossier is not None
                attach_file(session, ctx.folder.attachments, dossier, source)
            session.commit()
    finally:
        ctx.close()


def _run(data: Path, *args: str) -> None:
    code = cli(["--data-dir", str(data), *args])
    if code != 0:
        raise SystemExit(f"building the fault ward: {' '.join(args)} exited {code}")


def build(root: Path) -> None:
    data, usb, forms, scratch = (root / name for name in ("data", "usb", "forms", "sources"))
    for folder in (usb, forms, scratch):
        folder.mkdir(parents=True)
    _run(data, "demo")
    _attach(
        data,
        [
            ("to-trinh.pdf", b"%PDF-1.4\n" + "Tờ trình khen thưởng".encode() * 400),
            ("anh-bang-khen.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64),
            ("bien-ban-hop.pdf", b"%PDF-1.4\n" + "Biên bản họp tổ".encode() * 900),
        ],
        scratch,
    )
    _run(
        data, "document", "plan", "--issue", "--date", "07/07/2025", "--out", str(scratch / "a.pdf")
    )
    (data / "window.ini").write_text(WINDOW_BEFORE, "utf-8")
    args = ["--year", "2026", "--quarter", "4", "--out", str(forms)]
    _run(data, "values", "forms", *args, *(a for u in FORM_UNITS for a in ("--unit", u)))
    for number, form in enumerate(sorted(forms.glob("*.xlsx"))):
        workbook = load_workbook(form)
        sheet = workbook[SHEET]
        row = FIRST_ROW
        while sheet.cell(row=row, column=2).value:  # every indicator row of the unit
            denominator = int(sheet.cell(row=row, column=NUMERATOR_COL + 1).value)
            sheet.cell(row=row, column=NUMERATOR_COL, value=denominator - 1 - number)
            sheet.cell(row=row, column=NOTE_COL, value="Đã rà soát cùng tổ")
            row += 1
        workbook.save(form)
    _run(data, "backup", "--to", str(usb))
    # The clerk goes on working after the backup, from the next second on (the audit log counts
    # by the second which of its rows a backup must hold).
    time.sleep(1.1)
    _attach(data, [("giay-de-nghi.pdf", b"%PDF-1.4\n" + "Giấy đề nghị".encode() * 700)], scratch)
    _run(
        data,
        "document",
        "plan",
        "--issue",
        "--confirm",
        "--date",
        "08/07/2025",
        "--out",
        str(scratch / "b.pdf"),
    )
    _run(data, "values", "set", *_one_value())
    (data / "window.ini").write_text(WINDOW_AFTER, "utf-8")
    _run(data, "check")  # a start as every test's next one: what it settles is settled here


def _one_value() -> list[str]:
    return [
        "--year",
        "2026",
        "--quarter",
        "4",
        "--unit",
        "TDP03",
        "--indicator",
        "DANSO",
        "--numerator",
        "620",
        "--note",
        "Tổ 3 báo cáo sớm",
    ]


if __name__ == "__main__":
    build(Path(sys.argv[1]))
