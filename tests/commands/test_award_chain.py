"""The demo ward's 2025 round walked to its end on the command line, as a script would run it:
nominations imported from a unit's workbook, the council's meeting and secret ballots, its Biên
bản, the ward Tờ trình to the Chairman, the Chairman's Quyết định, one Giấy khen per awarded
nominee, and the city Tờ trình for the higher awards — each PDF read back for its addressee,
counts and names."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from sqlmodel import select

from desktop.cli import main
from desktop.context import AppContext
from desktop.models import Dossier, DossierStatus, IssuedDocument

S = DossierStatus
NEW = [
    [1, "Tập thể", "THCSBS", None, None, "GKCTP", "Dẫn đầu khối trường về học liệu số"],
    [2, "Cá nhân", "THCSBS", "Hoàng Minh Khôi", "Giáo viên", "GKCTP", "Giảng dạy trên nền tảng số"],
    [3, "Tập thể", "THPTKA", None, None, "BKCTTP", "Mô hình trường học số tiêu biểu"],
]


def cli(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--data-dir", str(folder), *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def pdf_pages(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    finally:
        document.close()


def pdf_text(path: Path) -> str:
    return " ".join(pdf_pages(path))


def statuses(folder: Path) -> dict[int, DossierStatus]:
    ctx = AppContext.from_args(folder)
    try:
        with ctx.db.session() as session:
            return {d.id: d.status for d in session.exec(select(Dossier))}
    finally:
        ctx.close()


def test_the_2025_round_from_nominations_to_certificates(data_dir, capsys, tmp_path) -> None:
    folder = data_dir
    cli(folder, capsys, "demo")
    # 1. The units' nominations, imported into Nháp dossiers 6, 7 and 8.
    book = tmp_path / "de-nghi.xlsx"
    cli(folder, capsys, "dossiers", "template", "--campaign", "1", "--out", str(book))
    workbook = load_workbook(book)
    sheet = workbook.worksheets[0]
    for row, values in enumerate(NEW, start=7):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=row, column=column, value=value)
    workbook.save(book)
    out = cli(folder, capsys, "dossiers", "import", "--campaign", "1", "--file", str(book))
    assert "Đã tạo 3 hồ sơ Nháp (số 6, 7, 8)." in out
    # The clerk ticks what the units' papers show (the window's checklists, scripted).
    for dossier_id in ("6", "7", "8"):
        out = cli(
            folder,
            capsys,
            "dossiers",
            "tick",
            dossier_id,
            "--standards",
            "all",
            "--papers",
            "3",  # Báo cáo thành tích: the Tờ trình, Danh sách and Biên bản are made here
            "--evidence",
            "Báo cáo năm 2025 của đơn vị",
        )
        assert f"Hồ sơ số {dossier_id}: Đã đánh dấu" in out
    for dossier_id in ("6", "7", "8"):
        assert "Nháp → Đã trình Hội đồng phường" in cli(
            folder, capsys, "dossiers", "submit", dossier_id
        )

    # 2. The council meets (six of its seven members) and votes by secret ballot.
    out = cli(
        folder,
        capsys,
        "council",
        "meeting",
        "--campaign",
        "1",
        "--date",
        "28/11/2026",
        "--place",
        "Hội trường UBND phường",
        "--attend",
        "1,2,3,4,5,7",
    )
    meeting = out.split("phiên họp số ")[1].split()[0].strip(".,:")
    for dossier_id, votes_for in (("6", "6"), ("7", "5"), ("8", "6")):
        cli(
            folder,
            capsys,
            "council",
            "vote",
            "--meeting",
            meeting,
            "--dossier",
            dossier_id,
            "--issued",
            "6",
            "--valid",
            "6",
            "--for",
            votes_for,
        )
    assert statuses(folder)[6] is S.COUNCIL_PROPOSED and statuses(folder)[8] is S.COUNCIL_PROPOSED
    minutes = tmp_path / "bien-ban.pdf"
    cli(
        folder,
        capsys,
        "document",
        "minutes",
        "--meeting",
        meeting,
        "--issue",
        "--date",
        "28/11/2026",
        "--out",
        str(minutes),
    )
    text = pdf_text(minutes)
    assert "BIÊN BẢN" in text and "Trường THCS Bắc Sơn" in text and "Hoàng Minh Khôi" in text

    # 3. The ward Tờ trình to the Chairman lists only what the council proposed, not yet decided:
    #    not the Giấy khen decided in December 2025, nor the one not proposed, nor the drafts.
    ward = tmp_path / "to-trinh-phuong.pdf"
    cli(
        folder,
        capsys,
        "document",
        "submission",
        "--campaign",
        "1",
        "--to",
        "ward",
        "--issue",
        "--date",
        "29/11/2026",
        "--out",
        str(ward),
    )
    text = pdf_text(ward)
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân phường Kiến An" in text
    assert "thành phố" not in text.split("Kính gửi:")[1].split(".")[0]
    assert "1 tập thể và 1 cá nhân" in text
    listing = tmp_path / "danh-sach-phuong.pdf"
    cli(
        folder,
        capsys,
        "document",
        "nominees",
        "--campaign",
        "1",
        "--to",
        "ward",
        "--out",
        str(listing),
    )
    names = pdf_text(listing)
    assert "Trường THCS Bắc Sơn" in names and "Hoàng Minh Khôi" in names
    for absent in (
        "Trường THCS Trần Thành Ngọ",
        "Tổ dân phố số 3",
        "Trường THPT Kiến An",
        "Công ty Cổ phần May Hải Phòng Star",
        "Lê Thị Chi",
    ):
        assert absent not in names

    # 4. The Chairman's Quyết định: only its number and date typed; every listed dossier awarded.
    decision = tmp_path / "quyet-dinh.pdf"
    out = cli(
        folder,
        capsys,
        "document",
        "decision",
        "--campaign",
        "1",
        "--issue",
        "--number",
        "130",
        "--date",
        "30/11/2026",
        "--out",
        str(decision),
    )
    assert "130/QĐ-UBND" in out
    text = pdf_text(decision)
    assert "QUYẾT ĐỊNH" in text and "Trường THCS Bắc Sơn" in text and "Hoàng Minh Khôi" in text
    assert "1 tập thể và 1 cá nhân" in text
    # 0,3 and 0,15 × 2.340.000 đồng, rounded up to the ten thousand as the decree says; the list
    # adds up to Điều 2's total.
    assert "710.000" in text and "360.000" in text and "1.070.000" in text
    after = statuses(folder)
    assert after[6] is S.AWARDED and after[7] is S.AWARDED and after[8] is S.COUNCIL_PROPOSED
    ctx = AppContext.from_args(folder)
    try:
        with ctx.db.session() as session:
            issued = session.exec(select(IssuedDocument).where(IssuedDocument.number == 130)).one()
            assert issued.symbol == "130/QĐ-UBND"
            awarded = [session.get(Dossier, i) for i in (6, 7)]
            assert {d.decision_number for d in awarded} == {"130/QĐ-UBND"}
            decision_id = awarded[0].decision_id
    finally:
        ctx.close()

    # 5. One Giấy khen per awarded nominee, numbered in the certificate register after 1/2025.
    certificates = tmp_path / "giay-khen.pdf"
    out = cli(
        folder,
        capsys,
        "document",
        "certificates",
        "--decision",
        str(decision_id),
        "--out",
        str(certificates),
    )
    pages = pdf_pages(certificates)
    assert len(pages) == 2
    assert "Trường THCS Bắc Sơn" in pages[0] and "Hoàng Minh Khôi" in pages[1]
    assert all("TẶNG GIẤY KHEN" in page and "130/QĐ-UBND" in page for page in pages)

    # Nothing new for the Chairman: a second ward Tờ trình is refused, nothing numbered.
    again = ["--data-dir", str(folder), "document", "submission", "--campaign", "1"]
    again += ["--to", "ward", "--issue", "--out", str(tmp_path / "lan-hai.pdf")]
    assert main(again) == 2
    assert "Không có hồ sơ nào Hội đồng đã đề nghị" in capsys.readouterr().out

    # 6. The city Tờ trình lists the city's awards the council proposed: the two Bằng khen.
    city = tmp_path / "to-trinh-thanh-pho.pdf"
    cli(
        folder,
        capsys,
        "document",
        "submission",
        "--campaign",
        "1",
        "--to",
        "city",
        "--issue",
        "--date",
        "30/11/2026",
        "--out",
        str(city),
    )
    text = pdf_text(city)
    assert "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng" in text
    assert "cho 2 tập thể" in text and "0 cá nhân" not in text
    after = statuses(folder)
    assert after[3] is S.SENT_UP and after[8] is S.SENT_UP

    # 7. The award register holds the year's awards, the decision of 2025 and the new one.
    out = cli(folder, capsys, "awards", "register", "--year", "2025")
    assert "125/QĐ-UBND" in out and "130/QĐ-UBND" in out and "Hoàng Minh Khôi" in out
