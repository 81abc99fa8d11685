"""The plan and the report read back from their PDFs: A4, margins, fonts, sizes, page numbers, text."""

from __future__ import annotations

import io
import re
import unicodedata

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlmodel import select

from desktop.documents.common import DocumentRequest
from desktop.documents.layout import PageLayout, save_layout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.service import render
from desktop.documents.template import Column, Line, TableBlock, parse_text
from desktop.models import Indicator, IndicatorTarget
from desktop.paths import resource_path
from desktop.settings import WardSettings
from desktop.storage import Database
from desktop.text import wording

A4_W, A4_H = 595.2756, 841.8898
TOLERANCE = 1 * mm


def _plan_pdf(db: Database) -> bytes:
    with db.session() as session:
        return render(session, DocumentRequest("plan"))


@pytest.fixture
def plan_pdf(db: Database) -> bytes:
    return _plan_pdf(db)


def _body_chars(page) -> list[dict]:  # type: ignore[no-untyped-def]
    """Characters of the page except the page number printed in the top margin."""
    return [c for c in page.chars if c["top"] > 20 * mm - TOLERANCE or not c["text"].isdigit()]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def test_every_page_is_a4_portrait(plan_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(plan_pdf)) as pdf:
        assert len(pdf.pages) >= 5
        for page in pdf.pages:
            assert page.width == pytest.approx(A4_W, abs=0.5)
            assert page.height == pytest.approx(A4_H, abs=0.5)


@pytest.mark.parametrize(
    "layout", [PageLayout(), PageLayout(25, 22, 35, 20, 13)], ids=["default", "widest"]
)
def test_text_stays_inside_the_configured_margins(db: Database, layout: PageLayout) -> None:
    with db.session() as session:
        save_layout(session, layout)
    pdf_bytes = _plan_pdf(db)
    left, right = layout.margin_left * mm, A4_W - layout.margin_right * mm
    top, bottom = layout.margin_top * mm, A4_H - layout.margin_bottom * mm
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        lefts, rights = [], []
        for page in pdf.pages:
            chars = [c for c in page.chars if c["top"] >= top - TOLERANCE]  # page numbers sit above
            assert chars
            assert min(c["x0"] for c in chars) >= left - TOLERANCE
            assert max(c["x1"] for c in chars) <= right + TOLERANCE
            assert max(c["bottom"] for c in chars) <= bottom + TOLERANCE
            lefts.append(min(c["x0"] for c in chars))
            rights.append(max(c["x1"] for c in chars))
        # Justified body text reaches both margins (to within 1 mm).
        assert min(lefts) == pytest.approx(left, abs=TOLERANCE)
        assert max(rights) == pytest.approx(right, abs=TOLERANCE)
        first = pdf.pages[0].chars
        assert min(c["top"] for c in first) == pytest.approx(top, abs=4 * mm)


def test_fonts_are_embedded(plan_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(plan_pdf))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            seen += 1
    assert seen > 0


def _chars_of(page, text: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """The characters of the first line of ``page`` whose text contains ``text``."""
    for line in page.extract_text_lines(return_chars=True):
        chars = [c for c in line["chars"] if c["text"].strip()]
        joined = "".join(c["text"] for c in chars)
        at = joined.find(text.replace(" ", ""))
        if at >= 0:
            return chars[at : at + len(text.replace(" ", ""))]
    raise AssertionError(f"“{text}” not on the page")


@pytest.mark.parametrize(
    ("text", "size", "bold"),
    [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, True),
        ("Độc lập - Tự do - Hạnh phúc", 13, True),
        ("KẾ HOẠCH", 14, True),
        ("ỦY BAN NHÂN DÂN", 13, True),
        ("Số:", 13, False),
    ],
)
def test_header_sizes_and_weights(plan_pdf: bytes, text: str, size: float, bold: bool) -> None:
    with pdfplumber.open(io.BytesIO(plan_pdf)) as pdf:
        chars = _chars_of(pdf.pages[0], text)
    assert {round(c["size"]) for c in chars} == {size}
    assert all(("Bold" in c["fontname"]) == bold for c in chars)


def test_place_and_date_in_italic(plan_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(plan_pdf)) as pdf:
        chars = _chars_of(pdf.pages[0], "Kiến An, ngày")
    assert all("Italic" in c["fontname"] for c in chars)


def test_page_number_centred_at_the_top_from_page_two(plan_pdf: bytes) -> None:
    layout = PageLayout()
    centre = (layout.margin_left * mm + A4_W - layout.margin_right * mm) / 2
    with pdfplumber.open(io.BytesIO(plan_pdf)) as pdf:
        above = [c for c in pdf.pages[0].chars if c["top"] < layout.margin_top * mm]
        assert above == []
        for number, page in enumerate(pdf.pages[1:3], start=2):
            marks = [c for c in page.chars if c["bottom"] < layout.margin_top * mm]
            assert "".join(c["text"] for c in marks) == str(number)
            middle = (min(c["x0"] for c in marks) + max(c["x1"] for c in marks)) / 2
            assert middle == pytest.approx(centre, abs=TOLERANCE)


def _seed_paragraphs() -> list[str]:
    text = resource_path("plan", "ke-hoach-phat-dong.txt").read_text(encoding="utf-8")
    paragraphs: list[str] = []
    for block in (b.strip() for b in text.split("\n\n")):
        if not block:
            continue
        # The seed breaks two paragraphs at its page ends; those halves start in lower case.
        if paragraphs and block[0].islower() and not paragraphs[-1].endswith((".", ":", ";")):
            paragraphs[-1] += " " + block
        else:
            paragraphs.append(block)
    return [_plain(p) for p in paragraphs]


def _document_text(pdf_bytes: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        pages = []
        for page in pdf.pages:
            body = page.filter(lambda o: o.get("top", 100) > 20 * mm - TOLERANCE)
            pages.append(body.extract_text())
    return _plain(" ".join(pages))


def test_plan_sentences_and_headings_follow_the_seed_in_order(plan_pdf: bytes) -> None:
    text = _document_text(plan_pdf)
    assert unicodedata.is_normalized("NFC", text)
    body = _seed_paragraphs()
    start = next(i for i, p in enumerate(body) if p == "KẾ HOẠCH")
    end = next(i for i, p in enumerate(body) if p.startswith("Nơi nhận"))
    position = 0
    for paragraph in body[start:end]:
        for line in paragraph.split(" - ") if paragraph.startswith("- Huân") else [paragraph]:
            found = text.find(line, position)
            assert found >= 0, f"not found after position {position}: {line[:80]}"
            position = found + len(line)
    for recipient in (
        "- Ban TĐKT thành phố;",
        "- Lưu: VT, VHXH.",
        "TM. ỦY BAN NHÂN DÂN",
        "Trần Thị Phương",
    ):
        assert recipient in text


def test_plan_targets_come_from_the_database(db: Database) -> None:
    stored = "Trên 85% cán bộ, công chức ở Đắk Lắk – “Ưu tiên” kỹ năng số."
    with db.session() as session:
        target = session.exec(
            select(IndicatorTarget)
            .join(Indicator)
            .where(Indicator.code == "CBCC", IndicatorTarget.year == 2025)
        ).one()
        target.text = stored
    text = _document_text(_plan_pdf(db))
    assert unicodedata.normalize("NFC", stored) in text
    assert text.index("2.1. Năm 2025") < text.index(stored) < text.index("2.2. Năm 2026")


def test_issued_number_and_date_are_printed(db: Database) -> None:
    from datetime import date

    with db.session() as session:
        pdf_bytes = render(session, DocumentRequest("plan"), Issue(2025, 7, date(2025, 2, 5)))
    text = _document_text(pdf_bytes)
    assert "Số: 07/KH-UBND" in text
    assert "Kiến An, ngày 05 tháng 02 năm 2025" in text


def test_months_from_march_have_no_leading_zero_in_the_date_line(db: Database) -> None:
    """Nghị định 30/2020: a leading zero for days below 10 and for months 1 and 2 only."""
    from datetime import date

    with db.session() as session:
        july = render(session, DocumentRequest("plan"), Issue(2025, 8, date(2025, 7, 3)))
        december = render(session, DocumentRequest("plan"), Issue(2025, 9, date(2025, 12, 1)))
    assert "Kiến An, ngày 03 tháng 7 năm 2025" in _document_text(july)
    assert "tháng 07" not in _document_text(july)
    assert "Kiến An, ngày 01 tháng 12 năm 2025" in _document_text(december)


def _annex_lines(rows: int) -> list[Line]:
    columns = [
        Column("STT", parse_text("", "t", markup=False), 6, "center"),
        Column("Tên đơn vị", parse_text("", "t", markup=False), 40, "left"),
        Column("Tỷ lệ đạt", parse_text("", "t", markup=False), 12, "right"),
    ]
    table = TableBlock(
        columns,
        [(str(i), f"Tổ dân phố số {i} phường Đồng Hòa", "80,5%") for i in range(1, rows + 1)],
    )
    return [
        Line("title", "BÁO CÁO"),
        Line("landscape"),
        Line("center", "PHỤ LỤC"),
        Line("table", table=table),
    ]


@pytest.mark.slow
def test_a_5000_unit_annex_is_paginated_with_repeated_headers() -> None:
    pdf_bytes = render_pdf(_annex_lines(5000), WardSettings(), PageLayout(), Issue(2025))
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        annex = pdf.pages[1:]
        assert len(annex) > 50
        numbers: list[int] = []
        for page in annex:
            assert page.width > page.height  # landscape
            lines = [line["text"] for line in page.extract_text_lines()]
            header_at = next(i for i, line in enumerate(lines) if line.startswith("STT Tên đơn vị"))
            assert header_at <= 2
            numbers += [
                int(line.split()[0]) for line in lines[header_at + 1 :] if line.split()[0].isdigit()
            ]
            chars = [c for c in page.chars if c["top"] > 20 * mm]
            assert max(c["bottom"] for c in chars) <= page.height - 20 * mm + TOLERANCE
        assert numbers == list(range(1, 5001))


def test_report_of_the_demo_ward_has_its_figures_and_annex(demo_db: Database) -> None:
    from desktop.indicators.results import ward_results

    with demo_db.session() as session:
        pdf_bytes = render(session, DocumentRequest("report", year=2025, quarter=2))
        results = ward_results(session, 2025, 2)
    text = _document_text(pdf_bytes)
    assert "Kết quả thực hiện Phong trào thi đua" in text
    assert "quý II năm 2025" in text
    for result in results:
        if result.percent is not None:
            assert wording.percent(result.percent) in text
    assert "PHỤ LỤC" in text
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert pdf.pages[-1].width > pdf.pages[-1].height


def test_recipients_and_signature_sit_side_by_side_with_the_last_lines(plan_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(plan_pdf)) as pdf:
        last = pdf.pages[-1]
        text = last.extract_text()
        assert "Trên đây là kế hoạch" in text  # the closing paragraph did not stay behind alone
        heading = _chars_of(last, "Nơi nhận:")
        authority = _chars_of(last, "TM. ỦY BAN NHÂN DÂN")
    assert all("BoldItalic" in c["fontname"] and round(c["size"]) == 12 for c in heading)
    assert all("Bold" in c["fontname"] and round(c["size"]) == 14 for c in authority)
    assert heading[0]["top"] == pytest.approx(authority[0]["top"], abs=4)  # level with each other
    assert heading[0]["x0"] < A4_W / 2 < authority[0]["x0"]


def test_narrow_code_headings_shrink_instead_of_breaking_a_word() -> None:
    from desktop.documents.fonts import register_fonts
    from desktop.documents.longtable import MIN_HEADER_SIZE, _fitting_sizes

    register_fonts()
    sizes = _fitting_sizes(["STT", "HOCSINH", "Tên đơn vị"], [20.0, 30.0, 200.0], 11.0)
    assert sizes[2] == 11.0
    assert MIN_HEADER_SIZE <= sizes[1] < 11.0
