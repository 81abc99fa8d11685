"""What the clerk sees on the printed page: a signature that never stands alone, a heading that
never ends a page, rules the size of their lines, "Kính gửi" as Phụ lục I lays it out, a long unit
name that wraps rather than shrinks, DỰ THẢO on a draft, and blank forms whose dots stay on their line.

Each document is laid out from a small template and measured from the PDF (pdfplumber), and the
document checker (tests/documents/checker.py) is asked about the same page where it has a rule.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber
import pytest
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth

from desktop.documents import fonts
from desktop.documents.layout import PageLayout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.template import Line, parse_template
from desktop.settings import WardSettings
from desktop.text.joins import NBSP, keep_together, place_names
from tests.documents.checker import check_pdf

MM = 72 / 25.4
SENTENCE = (
    "Ủy ban nhân dân phường đã triển khai các nội dung của kế hoạch đến từng cơ quan, đơn vị, "
    "trường học và doanh nghiệp trên địa bàn, bảo đảm đúng tiến độ và chất lượng đề ra."
)
ENDING = """\
@recipients Nơi nhận:
@recipients - UBND thành phố (qua Ban Thi đua - Khen thưởng thành phố Hải Phòng, Sở Nội vụ thành phố);
@recipients - Lưu: VT, VHXH.
@signature TM. ỦY BAN NHÂN DÂN
@signature CHỦ TỊCH
@signer Nguyễn Văn Hùng
"""


def _render(source: str, issue: Issue | None = None, ward: WardSettings | None = None) -> bytes:
    lines = parse_template(source, "thử.txt").render({})
    return render_pdf(lines, ward or WardSettings(), PageLayout(), issue or Issue(2026, 4))


def _pages(pdf: bytes) -> list[list[dict[str, Any]]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [
            list(page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False))
            for page in document.pages
        ]


def _report(paragraphs: int, closing_lines: int = 1) -> str:
    body = "\n".join(f"{i}. {SENTENCE}" for i in range(paragraphs))
    closing = " ".join([SENTENCE] * closing_lines)
    return f"@code BC\n@title BÁO CÁO\n@summary Kết quả thực hiện Kế hoạch\n{body}\n{closing}\n{ENDING}"


@pytest.mark.parametrize("paragraphs", range(14, 22))
def test_the_signature_block_never_stands_alone_on_its_page(paragraphs: int) -> None:
    # However long the report runs, the page the Chairman signs on also holds the end of the body.
    pdf = _render(_report(paragraphs, closing_lines=3))
    pages = _pages(pdf)
    signed = next(i for i, words in enumerate(pages) if any(w["text"] == "Hùng" for w in words))
    body = [w for w in pages[signed] if w["text"] in ("tiến", "đảm")]
    assert body, f"page {signed + 1} holds only the signature block"
    assert not [p for p in check_pdf(pdf, "issued") if p.rule == "alone-signature"]


def test_a_long_last_paragraph_leaves_only_its_last_lines_with_the_signature() -> None:
    # Rather than moving the whole eight-line paragraph, its tail goes over with the signature.
    for paragraphs in range(10, 22):
        pdf = _render(_report(paragraphs, closing_lines=6))
        pages = _pages(pdf)
        if len(pages) < 2:
            continue
        first_words = {w["text"] for w in pages[0]}
        second = pages[1]
        if "Hùng" in first_words or "Nơi" not in {w["text"] for w in second}:
            continue
        # The page before the signature is full: its last line is near the bottom margin.
        lowest = max(float(w["bottom"]) for w in pages[0])
        assert 842 - 20 * MM - lowest < 3 * 14 * 1.2 + 6
        return
    pytest.fail("no length of report put the signature on page 2")


def _heading_before_table(paragraphs: int) -> str:
    body = "\n".join(SENTENCE for _ in range(paragraphs))
    rows = "\n".join(f"| Cột {i} | {{{{ row.c{i} }}}} | 1 | left" for i in range(2))
    return (
        f"@code BC\n@title BÁO CÁO\n@summary Kết quả\n{body}\n@heading II. KẾT QUẢ CỤ THỂ\n"
        f"@subheading 1. Theo từng chỉ tiêu\n@table row in rows\n{rows}\n@endtable\n"
    )


@pytest.mark.parametrize("paragraphs", range(8, 16))
def test_a_heading_goes_with_the_first_rows_of_its_table(paragraphs: int) -> None:
    lines = parse_template(_heading_before_table(paragraphs), "thử.txt").render(
        {"rows": [{"c0": f"Hàng {i}", "c1": "Đạt"} for i in range(40)]}
    )
    pdf = render_pdf(lines, WardSettings(), PageLayout(), Issue(2026, 4))
    pages = _pages(pdf)
    page = next(i for i, words in enumerate(pages) if any(w["text"] == "CỤ" for w in words))
    texts = [w["text"] for w in pages[page]]
    assert "Hàng" in texts, "the heading ended its page without the table"
    # …and the table starts on the heading's page rather than moving, heading and all, to the
    # next one: the page before is not left with a large empty foot.
    if page > 0:
        lowest = max(float(w["bottom"]) for w in pages[page - 1])
        assert 842 - 20 * MM - lowest < 60
    assert not [p for p in check_pdf(pdf, "issued") if p.rule in ("heading-last", "alone-heading")]


@pytest.mark.parametrize("paragraphs", range(8, 16))
def test_a_short_lead_in_goes_with_the_first_rows_of_its_table(paragraphs: int) -> None:
    """The review's "2.9. …" then "Kết quả toàn phường từ 60,4% lên 84,3%." then its table: the
    heading and its lead never end a page while the table starts on the next."""
    template = _heading_before_table(paragraphs).replace(
        "@table row in rows", "Kết quả toàn phường từ 60,4% (năm 2025) lên 84,3% (năm 2027).\n@table row in rows"
    )
    lines = parse_template(template, "thử.txt").render(
        {"rows": [{"c0": f"Hàng {i}", "c1": "Đạt"} for i in range(40)]}
    )
    pages = _pages(render_pdf(lines, WardSettings(), PageLayout(), Issue(2026, 4)))
    page = next(i for i, words in enumerate(pages) if any(w["text"] == "84,3%" for w in words))
    assert "Hàng" in [w["text"] for w in pages[page]], "the lead ended its page without the table"
    heading = next(i for i, words in enumerate(pages) if any(w["text"] == "CỤ" for w in words))
    assert heading == page


def test_a_heading_keeps_with_the_first_lines_of_a_long_paragraph() -> None:
    # The plan's "2.3. Năm 2027" moved with the whole paragraph and left 27 mm empty.
    long = " ".join([SENTENCE] * 8)
    for paragraphs in range(8, 16):
        body = "\n".join(SENTENCE for _ in range(paragraphs))
        pdf = _render(f"@code BC\n@title BÁO CÁO\n{body}\n@subheading 2.3. Năm 2027\n{long}\n")
        pages = _pages(pdf)
        page = next(i for i, words in enumerate(pages) if any(w["text"] == "2027" for w in words))
        if page == 0:
            continue
        lowest = max(float(w["bottom"]) for w in pages[page - 1])
        assert 842 - 20 * MM - lowest < 2 * 14 * 1.2 + 14 * 1.2 + 12
        return
    pytest.fail("the heading never reached page 2")


def _rules(pdf: bytes) -> list[tuple[float, float, float]]:
    """The short horizontal rules of page 1: (x0, x1, y from the top)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        return [(float(ln["x0"]), float(ln["x1"]), float(ln["top"])) for ln in page.lines]


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    rows: dict[int, list[dict[str, Any]]] = {}
    for word in words:
        rows.setdefault(round(float(word["top"])), []).append(word)
    return [rows[top] for top in sorted(rows)]


def _line_width(words: list[dict[str, Any]], top: float) -> float:
    row = [w for w in words if abs(float(w["top"]) - top) < 2]
    return max(float(w["x1"]) for w in row) - min(float(w["x0"]) for w in row)


def test_the_trich_yeu_rule_is_a_third_to_a_half_of_its_line() -> None:
    for summary in ("Về việc khen thưởng", "Kết quả thực hiện Phong trào thi đua năm 2025"):
        pdf = _render(f"@code BC\n@title BÁO CÁO\n@summary {summary}\nNội dung.\n{ENDING}")
        words = _pages(pdf)[0]
        last = max(
            (w for w in words if w["text"] in summary.split() and "Bold" in w["fontname"]),
            key=lambda w: float(w["top"]),
        )
        width = _line_width(words, float(last["top"]))
        rule = next(r for r in _rules(pdf) if 0 < r[2] - float(last["bottom"]) < 12)
        assert width / 3 <= rule[1] - rule[0] <= width / 2
        assert not [p for p in check_pdf(pdf, "issued") if p.rule == "rule-summary"]


def test_the_motto_rule_is_as_long_as_the_motto() -> None:
    pdf = _render(f"@code BC\n@title BÁO CÁO\nNội dung.\n{ENDING}")
    motto = stringWidth("Độc lập - Tự do - Hạnh phúc", fonts.BOLD, 13)
    assert any(abs((x1 - x0) - motto) < 0.5 for x0, x1, _ in _rules(pdf))
    assert not [p for p in check_pdf(pdf, "issued") if p.rule in ("rule-motto", "rule-agency")]


def test_a_long_unit_name_wraps_in_its_column_at_twelve_points_or_more() -> None:
    source = (
        "@agency UBND PHƯỜNG KIẾN AN\n@agency TRƯỜNG TRUNG HỌC CƠ SỞ TRẦN THÀNH NGỌ\n"
        f"@code BC\n@title BÁO CÁO THÀNH TÍCH\nNội dung.\n{ENDING}"
    )
    pdf = _render(source)
    words = _pages(pdf)[0]
    agency = [w for w in words if float(w["x1"]) < 220 and float(w["top"]) < 130]
    assert {round(float(w["size"]), 1) for w in agency} <= {12.0, 12.5, 13.0}
    tops = {round(float(w["top"])) for w in agency if "Bold" in w["fontname"]}
    assert len(tops) == 2  # the school's name on two lines
    assert not [p for p in check_pdf(pdf, "issued") if p.rule.startswith("size-agency")]


def test_an_individuals_report_centres_the_quoc_hieu_on_the_page() -> None:
    pdf = _render(f"@agency -\n@code -\n@title BÁO CÁO THÀNH TÍCH\nNội dung.\n{ENDING}")
    words = _pages(pdf)[0]
    national = [w for w in words if w["text"] in ("CỘNG", "NAM")]
    centre = (national[0]["x0"] + national[-1]["x1"]) / 2
    assert abs(centre - (30 * MM + (595.28 - 15 * MM)) / 2) < 1
    assert not [p for p in check_pdf(pdf, "issued") if p.rule == "national-centred"]


def test_kinh_gui_one_recipient_on_the_same_line_in_regular_type() -> None:
    pdf = _render(
        f"@code TTr\n@title TỜ TRÌNH\n@summary Về việc khen thưởng\n"
        f"@to Chủ tịch Ủy ban nhân dân phường Kiến An\nNội dung.\n{ENDING}"
    )
    words = _pages(pdf)[0]
    label = next(w for w in words if w["text"] == "gửi:")
    row = [w for w in words if abs(float(w["top"]) - float(label["top"])) < 1]
    assert [w["text"] for w in row][-1] == "An."
    assert all("Bold" not in w["fontname"] and round(float(w["size"])) == 14 for w in row)
    # Centred as a unit.
    left, right = float(row[0]["x0"]), float(row[-1]["x1"])
    assert abs((left + right) / 2 - (30 * MM + 595.28 - 15 * MM) / 2) < 2


def test_kinh_gui_several_recipients_each_on_its_line_under_the_colon() -> None:
    pdf = _render(
        f"@code TTr\n@title TỜ TRÌNH\n@to Ủy ban nhân dân thành phố Hải Phòng;\n"
        f"@to Ban Thi đua - Khen thưởng thành phố.\nNội dung.\n{ENDING}"
    )
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    words = _pages(pdf)[0]
    label = next(w for w in words if w["text"] == "gửi:")
    colon = next(c for c in chars if c["text"] == ":" and abs(c["top"] - label["top"]) < 1)
    below = [w for w in words if 0 < float(w["top"]) - float(label["top"]) < 40]
    dashes = [min(row, key=lambda w: float(w["x0"])) for row in _rows(below)]
    assert len(dashes) == 2
    assert all(abs(float(d["x0"]) - float(colon["x0"])) < 0.5 for d in dashes)
    text = " ".join(w["text"] for w in words).replace(NBSP, " ")
    assert "Hải Phòng;" in text and "thành phố." in text
    assert not any(float(w["top"]) == float(label["top"]) for w in words if w["text"] == "Ủy")


def test_nơi_nhận_items_hang_under_their_text_in_eleven_points() -> None:
    pdf = _render(f"@code BC\n@title BÁO CÁO\nNội dung.\n{ENDING}")
    words = _pages(pdf)[0]
    head = next(w for w in words if w["text"] == "Nơi")
    assert round(float(head["size"])) == 12 and "BoldItalic" in head["fontname"]
    dash = next(w for w in words if w["text"] == "-" and float(w["top"]) > float(head["top"]))
    item = [w for w in words if float(w["top"]) > float(dash["top"]) + 5 and float(w["x0"]) < 200]
    wrapped = item[0]  # the second line of the long first item
    assert round(float(wrapped["size"])) == 11
    assert (
        abs(float(wrapped["x0"]) - (float(dash["x0"]) + stringWidth("- ", fonts.REGULAR, 11))) < 1
    )


def test_captions_and_names_do_not_break_inside_a_name() -> None:
    places = place_names("PHƯỜNG KIẾN AN", "thành phố Hải Phòng", "Kiến An")
    assert keep_together("XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN", places) == (
        f"XÁC{NBSP}NHẬN{NBSP}CỦA ỦY{NBSP}BAN{NBSP}NHÂN{NBSP}DÂN PHƯỜNG{NBSP}KIẾN{NBSP}AN"
    )
    assert keep_together("THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN", places).endswith(f"XÁC{NBSP}NHẬN")
    assert f"thành{NBSP}phố{NBSP}Hải{NBSP}Phòng" in keep_together(
        "UBND thành phố Hải Phòng)", places
    )
    pdf = _render(
        "@code BC\n@title BÁO CÁO\nNội dung.\n@sign-left XÁC NHẬN CỦA ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN\n"
        "@signature THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN\n@signer Lê Thị Chi\n"
    )
    assert not [p for p in check_pdf(pdf, "issued") if p.rule == "split-phrase"]


def test_a_no_break_space_prints_as_a_space_of_the_embedded_font() -> None:
    fonts.register_fonts()
    for style in (fonts.REGULAR, fonts.BOLD):
        face = getFont(style).face
        assert 0xA0 in face.charToGlyph
        assert stringWidth(NBSP, style, 14) == pytest.approx(stringWidth(" ", style, 14))
    pdf = _render(f"@code BC\n@title BÁO CÁO\n@center ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN\n{ENDING}")
    text = " ".join(w["text"] for w in _pages(pdf)[0]).replace(NBSP, " ")
    assert "ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN" in text


def test_a_draft_says_du_thao_and_leaves_number_and_day_to_the_signer() -> None:
    source = f"@code BC\n@title BÁO CÁO\nNội dung.\n{ENDING}"
    draft = _pages(_render(source, Issue(2026)))[0]
    mark = [w for w in draft if w["text"] in ("DỰ", "THẢO")]
    assert len(mark) == 2 and all("Bold" in w["fontname"] for w in mark)
    agency = next(w for w in draft if w["text"] == "ỦY")
    assert float(mark[0]["bottom"]) < float(agency["top"])  # above the agency, not over it
    assert float(mark[0]["x0"]) >= 30 * MM - 0.5 and float(mark[0]["top"]) >= 20 * MM - 0.5
    text = " ".join(w["text"] for w in draft)
    assert "Số: /BC-UBND" in text and "ngày tháng năm 2026" in text
    for issue in (Issue(2026, blank=True), Issue(2026, 4)):
        words = {w["text"] for w in _pages(_render(source, issue))[0]}
        assert "THẢO" not in words
    assert not Issue(2026, blank=True).draft and Issue(2026).draft and not Issue(2026, 4).draft
    # A Danh sách printed with its issued Tờ trình takes no number and is no draft either.
    attached = _pages(_render(f"@final\n@code -\n@title DANH SÁCH\n{ENDING}", Issue(2026)))[0]
    assert "THẢO" not in {w["text"] for w in attached}


def test_a_blank_forms_placeholders_are_flush_left_and_its_dots_stay_on_their_line() -> None:
    source = (
        "@code BC\n@title BÁO CÁO\nTrong …………………, phường theo dõi …………………… chỉ tiêu của Kế "
        "hoạch; so với chỉ tiêu năm, ……………………. Chỉ tiêu được đánh giá “Đạt” hoặc “Chưa đạt”.\n"
        "@blank 3\n@table row in rows\n| STT | {{ row }} | 0.4 | center\n| Chỉ tiêu | x | 3 | left\n"
        f"@endtable\n{ENDING}"
    )
    lines: list[Line] = parse_template(source, "thử.txt").render({"rows": ["……………………"] * 3})
    pdf = render_pdf(lines, WardSettings(), PageLayout(), Issue(2026, blank=True))
    words = _pages(pdf)[0]
    row = next(w for w in words if w["text"].startswith("Trong"))
    line = sorted(
        (w for w in words if abs(float(w["top"]) - float(row["top"])) < 1), key=lambda w: w["x0"]
    )
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in zip(line, line[1:], strict=False)]
    assert max(gaps) < 6, "justified: the words of a line with dots are spread apart"
    right = 595.28 - 15 * MM
    assert all(float(w["x1"]) <= right + 0.5 for w in words)
    # Each cell of dots is one line: three rows, three lines of dots in the STT column.
    stt = next(w for w in words if w["text"] == "STT")
    cells = [w for w in words if set(w["text"]) <= {"…"} and float(w["top"]) > float(stt["top"])]
    assert len(cells) == 3 and len({round(float(w["top"])) for w in cells}) == 3
