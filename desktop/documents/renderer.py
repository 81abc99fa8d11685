"""Lay out a filled template as an A4 state document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Input: the blocks a template produced (:class:`~desktop.documents.template.Line`), the ward's
settings, the page layout, and the number and date (or none, for a draft). Output: PDF bytes.
No Qt here; the GUI shows and prints the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.documents import fonts
from desktop.documents.layout import PageLayout
from desktop.documents.longtable import LongTable
from desktop.documents.template import Line
from desktop.settings import WardSettings
from desktop.text import wording

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEADER_SIZE = 13.0
NATIONAL_SIZE = 12.0
PAGE_NUMBER_SIZE = 13.0
TABLE_SIZE = 12.0
SIGNATURE_SPACE = 70.0  # points left blank for the signature and the seal
# A document may name its own number and date in its text (the list attached to a Quyết định:
# "kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2025"), which only the layout knows: a kind puts
# these marks in its data and the layout writes them, as dots on a draft.
OWN_NUMBER = "\ue000"
OWN_DATE = "\ue001"
DRAFT_BLANK = "……"
LEFT_SIGN = {"sign-left", "signer-left", "cosign", "cosigner"}
SIGN_DIRECTIVES = {"recipients", "signature", "signer", *LEFT_SIGN}
META_DIRECTIVES = {"code", "symbol", "agency", "superior", "nodate"}


@dataclass(frozen=True)
class Issue:
    """Number and date of the document; ``number`` None prints the blanks of a draft."""

    year: int
    number: int | None = None
    issued_on: date | None = None


def number_text(number: int | None, suffix: str) -> str:
    """ "Số: 07/BC-UBND" (leading zero below 10); a draft leaves the number blank."""
    if number is None:
        return f"Số:        /{suffix}"
    return f"Số: {number:02d}/{suffix}"


def symbol_suffix(lines: list[Line], ward: WardSettings) -> str:
    """What follows the number: the template's ``@symbol`` (TTr-VHXH, the standing office's Tờ
    trình; BB-HĐTĐKT, the council's biên bản), else its ``@code`` and the ward's abbreviation
    (BC-UBND); "" for a document without a number."""
    meta = _read_meta(lines)
    if meta.symbol:
        return meta.symbol
    if not meta.code or meta.code == "-":
        return ""
    return f"{meta.code}-{ward.agency_abbreviation}"


def date_text(place: str, issue: Issue) -> str:
    """ "Kiến An, ngày 03 tháng 7 năm 2025"; a draft leaves the day and the month blank."""
    if issue.issued_on is None:
        return f"{place}, ngày      tháng      năm {issue.year}"
    return f"{place}, {wording.long_date(issue.issued_on)}"


# ----------------------------------------------------------------------------- flowables


class TopBlock(Flowable):
    """The two columns above the title: agency and number at left, quốc hiệu and date at right."""

    def __init__(
        self, left: list[tuple[str, str]], number: str | None, date_line: str | None
    ) -> None:
        super().__init__()
        self.left = left  # (text, font)
        self.number = number
        self.date_line = date_line
        self.gap = 16.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        national = stringWidth(NATIONAL_NAME, fonts.BOLD, NATIONAL_SIZE)
        self.right_width = max(availWidth * 0.55, national + 8)
        self.left_width = availWidth - self.right_width
        left_lines = max(len(self.left), 2)
        self.lines_height = left_lines * HEADER_SIZE * 1.15
        self.height = (
            self.lines_height
            + self.gap
            + (HEADER_SIZE * 1.3 if self.number or self.date_line else 0)
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        leading = HEADER_SIZE * 1.15
        left_centre = self.left_width / 2
        right_centre = self.left_width + self.right_width / 2
        y = self.height - HEADER_SIZE
        widest = 0.0
        for text, font in self.left:
            # A long unit name shrinks to its column rather than running into the quốc hiệu.
            size = HEADER_SIZE
            while size > 9 and stringWidth(text, font, size) > self.left_width - 6:
                size -= 0.5
            canvas.setFont(font, size)
            canvas.drawCentredString(left_centre, y, text)
            widest = max(widest, stringWidth(text, font, size))
            last_y = y
            y -= leading
        canvas.setLineWidth(0.6)
        if self.left:
            rule = widest * 0.4
            canvas.line(left_centre - rule / 2, last_y - 5, left_centre + rule / 2, last_y - 5)
        y = self.height - HEADER_SIZE
        canvas.setFont(fonts.BOLD, NATIONAL_SIZE)
        canvas.drawCentredString(right_centre, y, NATIONAL_NAME)
        y -= leading
        canvas.setFont(fonts.BOLD, HEADER_SIZE)
        canvas.drawCentredString(right_centre, y, MOTTO)
        motto = stringWidth(MOTTO, fonts.BOLD, HEADER_SIZE)
        canvas.line(right_centre - motto / 2, y - 5, right_centre + motto / 2, y - 5)
        baseline = self.height - self.lines_height - self.gap - HEADER_SIZE * 0.3
        if self.number:
            canvas.setFont(fonts.REGULAR, HEADER_SIZE)
            canvas.drawCentredString(left_centre, baseline, self.number)
        if self.date_line:
            canvas.setFont(fonts.ITALIC, 14)
            canvas.drawCentredString(right_centre, baseline, self.date_line)


class Rule(Flowable):
    """A short solid rule centred under the summary (trích yếu)."""

    def __init__(self, length: float, space_before: float = 2.0) -> None:
        super().__init__()
        self.length = length
        self.space_before = space_before

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.space_before + 8
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        y = self.height - self.space_before
        self.canv.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


class DottedLines(Flowable):
    """Lines of dots where a unit writes by hand on a blank form."""

    def __init__(self, count: int, size: float) -> None:
        super().__init__()
        self.count = count
        self.size = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.count * self.size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(fonts.REGULAR, self.size)
        dot = stringWidth(".", fonts.REGULAR, self.size)
        text = "." * int(self.width / dot)
        y = self.height - self.size * 1.2
        for _ in range(self.count):
            canvas.drawString(0, y, text)
            y -= self.size * 1.6


# ----------------------------------------------------------------------------- styles


def _styles(layout: PageLayout) -> dict[str, ParagraphStyle]:
    size = layout.body_size
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=size,
        leading=size * 1.2,
        alignment=TA_JUSTIFY,
        firstLineIndent=1.27 * cm,
        spaceAfter=6,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    centred = {"alignment": TA_CENTER, "firstLineIndent": 0}
    return {
        "para": base,
        "plain": derive("plain", firstLineIndent=0),
        "basis": derive("basis", fontName=fonts.ITALIC, spaceAfter=3),
        # A heading never ends a page: it moves on with the paragraph it introduces.
        "heading": derive("heading", fontName=fonts.BOLD, keepWithNext=1),
        "subheading": derive("subheading", fontName=fonts.ITALIC, keepWithNext=1),
        "center": derive("center", fontName=fonts.BOLD, spaceBefore=6, keepWithNext=1, **centred),
        "title": derive(
            "title",
            fontName=fonts.BOLD,
            fontSize=14,
            leading=17,
            spaceBefore=18,
            spaceAfter=0,
            **centred,
        ),
        "summary": derive(
            "summary", fontName=fonts.BOLD, fontSize=14, leading=17, spaceAfter=0, **centred
        ),
        "subtitle": derive("subtitle", fontName=fonts.ITALIC, spaceAfter=0, **centred),
        "recipients-head": derive(
            "rh",
            fontName=fonts.BOLD_ITALIC,
            fontSize=12,
            leading=14,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "recipients": derive(
            "rc", fontSize=11, leading=12.6, firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0
        ),
        "signature": derive(
            "sg", fontName=fonts.BOLD, fontSize=14, leading=16.5, spaceAfter=0, **centred
        ),
        "signer": derive(
            "sn",
            fontName=fonts.BOLD,
            fontSize=14,
            leading=16.5,
            spaceAfter=0,
            spaceBefore=SIGNATURE_SPACE,
            **centred,
        ),
    }


# ----------------------------------------------------------------------------- assembly


@dataclass
class _Meta:
    code: str = ""
    symbol: str = ""
    superior: list[str] = field(default_factory=list)
    agency: list[str] | None = None
    show_date: bool = True


def own_number_and_date(lines: list[Line], ward: WardSettings, issue: Issue) -> list[Line]:
    """The lines with the document's own number ("125/QĐ-UBND") and date written in."""
    if not any(OWN_NUMBER in line.text or OWN_DATE in line.text for line in lines):
        return lines
    suffix = symbol_suffix(lines, ward)
    number = f"{issue.number:02d}/{suffix}" if issue.number is not None else f"{DRAFT_BLANK}/{suffix}"
    day = wording.short_date(issue.issued_on) if issue.issued_on else DRAFT_BLANK
    return [
        Line(line.directive, line.text.replace(OWN_NUMBER, number).replace(OWN_DATE, day), line.table)
        for line in lines
    ]


def _read_meta(lines: list[Line]) -> _Meta:
    meta = _Meta()
    for line in lines:
        if line.directive == "code":
            meta.code = _plain(line.text)
        elif line.directive == "symbol":
            meta.symbol = _plain(line.text)
        elif line.directive == "agency":
            meta.agency = [] if line.text == "-" else [*(meta.agency or []), _plain(line.text)]
        elif line.directive == "superior":
            meta.superior.append(_plain(line.text))
        elif line.directive == "nodate":
            meta.show_date = False
    return meta


def _plain(markup: str) -> str:
    return markup.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def _top_block(meta: _Meta, ward: WardSettings, issue: Issue) -> TopBlock:
    if meta.agency is not None:
        left = [(text, fonts.REGULAR) for text in meta.superior]
        if meta.superior or len(meta.agency) < 2:
            left += [(text, fonts.BOLD) for text in meta.agency]
        else:
            # "ỦY BAN NHÂN DÂN PHƯỜNG …" over "PHÒNG VĂN HÓA - XÃ HỘI": the body above the
            # issuer in regular capitals, the issuer in bold (Nghị định 30, Phụ lục I).
            left += [(text, fonts.REGULAR) for text in meta.agency[:-1]]
            left.append((meta.agency[-1], fonts.BOLD))
    else:
        left = []
        if ward.superior_name.strip():
            left.append((ward.superior_name.upper(), fonts.REGULAR))
        left += [(ward.agency_name.upper(), fonts.BOLD), (ward.ward_name.upper(), fonts.BOLD)]
    number = None
    suffix = meta.symbol or (f"{meta.code}-{ward.agency_abbreviation}" if meta.code else "")
    if meta.code and meta.code != "-" and left:
        number = number_text(issue.number, suffix)
    date_line = date_text(ward.place_name, issue) if meta.show_date else None
    return TopBlock(left, number, date_line)


def _signature_table(lines: list[Line], styles: dict[str, ParagraphStyle], width: float) -> Table:
    left: list[Flowable] = []
    right: list[Flowable] = []
    left_names: list[Flowable] = []
    right_names: list[Flowable] = []
    for line in lines:
        d = line.directive
        if d == "recipients":
            style = "recipients" if line.text.startswith("-") else "recipients-head"
            left.append(Paragraph(line.text, styles[style]))
        elif d in ("signature", "sign-left", "cosign"):
            (right if d == "signature" else left).append(Paragraph(line.text, styles["signature"]))
        elif d in ("signer", "signer-left"):
            (right if d == "signer" else left).append(Paragraph(line.text, styles["signer"]))
        elif d == "cosigner":
            left_names.append(Paragraph(line.text, styles["signer"]))
    two_signers = any(line.directive in ("cosign", "cosigner") for line in lines)
    if two_signers:
        # Two signers level with each other: titles on one row, names on the next, so that a
        # one-line "THƯ KÝ" and a two-line "TM. HỘI ĐỒNG / CHỦ TỊCH" sign on the same height.
        while right and isinstance(right[-1], Paragraph) and right[-1].style.name == "sn":
            right_names.insert(0, right.pop())
        rows = [[left or "", right or ""], [left_names or "", right_names or ""]]
        widths = [width * 0.5, width * 0.5]
    else:
        rows = [[left or "", right or ""]]
        widths = [width * 0.45, width * 0.55]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                # reportlab sets each cell's font even when it holds paragraphs: never Helvetica.
                ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                # A name opening a cell loses its spaceBefore: the room to sign is the row's.
                *([("TOPPADDING", (0, 1), (-1, 1), SIGNATURE_SPACE)] if two_signers else []),
            ]
        )
    )
    return table


def _flowables(
    lines: list[Line], styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    story: list[Flowable] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        d = line.directive
        if d in META_DIRECTIVES:
            pass
        elif d in SIGN_DIRECTIVES:
            j = i
            while j < len(lines) and lines[j].directive in SIGN_DIRECTIVES:
                j += 1
            block = _signature_table(lines[i:j], styles, width)
            # Keep the last lines of the body with the signature, as the decree asks.
            tail = [story.pop()] if story and isinstance(story[-1], Paragraph) else []
            story.append(KeepTogether([*tail, Spacer(1, 6), block]))
            i = j
            continue
        elif d == "summary":
            story.append(Paragraph(line.text, styles["summary"]))
            if i + 1 >= len(lines) or lines[i + 1].directive != "summary":
                story.append(Rule(width * 0.22, space_before=5))
        elif d == "table" and line.table is not None:
            cols = line.table.columns
            story.append(
                LongTable(
                    [c.header for c in cols],
                    line.table.rows,
                    [c.weight for c in cols],
                    [c.align for c in cols],
                    size=TABLE_SIZE,
                )
            )
            story.append(Spacer(1, 6))
        elif d == "blank":
            count = int(line.text) if line.text.isdigit() else 3
            story.append(DottedLines(count, styles["para"].fontSize))
        elif d == "pagebreak":
            story.append(PageBreak())
        elif d in ("landscape", "portrait"):
            story.append(NextPageTemplate(d))
            story.append(PageBreak())
        else:
            story.append(Paragraph(line.text, styles[d]))
        i += 1
    return story


def _on_page(layout: PageLayout) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Page numbers: Arabic, centred in the top margin, not on the first page."""

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        page = canvas.getPageNumber()
        if page < 2:
            return  # Nghị định 30: no number on the first page
        width, height = canvas._pagesize
        centre = (layout.margin_left * mm + width - layout.margin_right * mm) / 2
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, PAGE_NUMBER_SIZE)
        canvas.drawCentredString(
            centre, height - layout.margin_top * mm / 2 - PAGE_NUMBER_SIZE / 3, str(page)
        )
        canvas.restoreState()

    return draw


def render_pdf(
    lines: list[Line], ward: WardSettings, layout: PageLayout, issue: Issue, *, title: str = ""
) -> bytes:
    """Lay out the filled template; returns the PDF bytes (same input, same bytes)."""
    fonts.register_fonts()
    styles = _styles(layout)
    buffer = io.BytesIO()
    margins = {
        "leftMargin": layout.margin_left * mm,
        "rightMargin": layout.margin_right * mm,
        "topMargin": layout.margin_top * mm,
        "bottomMargin": layout.margin_bottom * mm,
    }
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author=f"{ward.agency_name} {ward.ward_name}".strip(),
        creator="ThiĐua",
        invariant=1,
        initialFontName=fonts.REGULAR,
        initialFontSize=layout.body_size,
        **margins,
    )
    templates = []
    for name, size in (("portrait", A4), ("landscape", landscape(A4))):
        frame = Frame(
            margins["leftMargin"],
            margins["bottomMargin"],
            size[0] - margins["leftMargin"] - margins["rightMargin"],
            size[1] - margins["topMargin"] - margins["bottomMargin"],
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        templates.append(
            PageTemplate(id=name, frames=[frame], pagesize=size, onPage=_on_page(layout))
        )
    doc.addPageTemplates(templates)
    width = A4[0] - margins["leftMargin"] - margins["rightMargin"]
    meta = _read_meta(lines)
    lines = own_number_and_date(lines, ward, issue)
    story: list[Flowable] = [_top_block(meta, ward, issue), *_flowables(lines, styles, width)]
    doc.build(story)
    return buffer.getvalue()
