"""Lay out a filled template as an A4 state document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Input: the blocks a template produced (:class:`~desktop.documents.template.Line`), the ward's
settings, the page layout, and the number and date (or none, for a draft). Output: PDF bytes.
No Qt here; the GUI shows and prints the bytes.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from desktop.documents import fonts
from desktop.documents.flowables import (
    DottedLines,
    DraftMark,
    JoinedParagraph,
    KeepWithFirst,
    KeepWithTail,
    Rule,
    bare_table_style,
    to_block,
)
from desktop.documents.layout import PageLayout
from desktop.documents.longtable import LongTable
from desktop.documents.template import Line
from desktop.documents.top_block import MOTTO, NATIONAL_NAME, TopBlock
from desktop.settings import WardSettings
from desktop.text import wording
from desktop.text.joins import keep_together, place_names

__all__ = [
    "MOTTO",
    "NATIONAL_NAME",
    "OWN_DATE",
    "OWN_NUMBER",
    "Issue",
    "date_text",
    "number_text",
    "own_number_and_date",
    "render_pdf",
    "symbol_suffix",
]

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
META_DIRECTIVES = {"code", "symbol", "agency", "superior", "nodate", "final"}
# Lines that must not break inside a name (desktop.text.joins): headings, centred lines, captions.
JOINED_DIRECTIVES = {
    "title",
    "summary",
    "subtitle",
    "center",
    "heading",
    "subheading",
    "recipients",
    "signature",
    "sign-left",
    "cosign",
}
# A blank form's places to write: a paragraph holding one is set flush left, not justified.
PLACEHOLDERS = ("…", "....")
TO_SIZE = 14.0  # "Kính gửi" and its recipients (Phụ lục I, ô 9a)


@dataclass(frozen=True)
class Issue:
    """Number and date of the document; ``number`` None prints the blanks of a draft.

    A draft (no number, not a blank form) carries "DỰ THẢO" at the top left of its first page; a
    blank form (``blank``: dots for a unit to fill by hand) has the same blanks without the mark.
    """

    year: int
    number: int | None = None
    issued_on: date | None = None
    blank: bool = False

    @property
    def draft(self) -> bool:
        return self.number is None and not self.blank


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


# ----------------------------------------------------------------------------- styles


def _dash(size: float) -> float:
    return stringWidth("- ", fonts.REGULAR, size)


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
        # Phụ lục I: at least 6 pt between paragraphs, the căn cứ lines included.
        "basis": derive("basis", fontName=fonts.ITALIC, spaceAfter=6),
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
        # 6 pt under it: the "(Kèm theo …)" line of an annex stays clear of its table's border.
        "subtitle": derive("subtitle", fontName=fonts.ITALIC, spaceAfter=6, **centred),
        "recipients-head": derive(
            "rh",
            fontName=fonts.BOLD_ITALIC,
            fontSize=12,
            leading=14,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        # A wrapped item hangs under its text, after the "- ".
        "recipients": derive(
            "rc",
            fontSize=11,
            leading=12.6,
            leftIndent=_dash(11),
            firstLineIndent=-_dash(11),
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        "to": derive(
            "to", fontSize=TO_SIZE, leading=TO_SIZE * 1.2, firstLineIndent=0, alignment=TA_LEFT
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
    final: bool = False  # "@final": printed as issued though it has no number of its own


def own_number_and_date(lines: list[Line], ward: WardSettings, issue: Issue) -> list[Line]:
    """The lines with the document's own number ("125/QĐ-UBND") and date written in."""
    if not any(OWN_NUMBER in line.text or OWN_DATE in line.text for line in lines):
        return lines
    suffix = symbol_suffix(lines, ward)
    number = (
        f"{issue.number:02d}/{suffix}" if issue.number is not None else f"{DRAFT_BLANK}/{suffix}"
    )
    day = wording.short_date(issue.issued_on) if issue.issued_on else DRAFT_BLANK
    return [
        # replace(): a chart's figure goes through with its line.
        replace(line, text=line.text.replace(OWN_NUMBER, number).replace(OWN_DATE, day))
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
        elif line.directive == "final":
            meta.final = True
    return meta


def _plain(markup: str) -> str:
    return markup.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def _top_block(meta: _Meta, ward: WardSettings, issue: Issue, places: tuple[str, ...]) -> TopBlock:
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
    # A unit's name that wraps in its column breaks between names, never inside one.
    return TopBlock([(keep_together(t, places), font) for t, font in left], number, date_line)


def _signature_table(lines: list[Line], styles: dict[str, ParagraphStyle], width: float) -> Table:
    left: list[Flowable] = []
    right: list[Flowable] = []
    left_names: list[Flowable] = []
    right_names: list[Flowable] = []
    for line in lines:
        d = line.directive
        if d == "recipients":
            style = "recipients" if line.text.startswith("-") else "recipients-head"
            left.append(JoinedParagraph(line.text, styles[style]))
        elif d in ("signature", "sign-left", "cosign"):
            (right if d == "signature" else left).append(
                JoinedParagraph(line.text, styles["signature"])
            )
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
    # A name opening a cell loses its spaceBefore: the room to sign is the row's.
    room = [("TOPPADDING", (0, 1), (-1, 1), SIGNATURE_SPACE)] if two_signers else []
    table.setStyle(bare_table_style(*room))
    return table


def _with_tail(story: list[Flowable], block: Flowable) -> Flowable:
    """The signature block with the body's last paragraph (or table, or lines of dots): the
    block never stands alone on a page (see :class:`KeepWithTail`)."""
    spacers: list[Flowable] = []
    while story and isinstance(story[-1], Spacer):
        spacers.insert(0, story.pop())
    if not story or not isinstance(story[-1], Paragraph | LongTable | DottedLines):
        story += spacers
        return KeepWithTail([Spacer(1, 6), block])
    tail = story.pop()
    # The headings just above the tail go with it (a heading never ends a page).
    heads: list[Flowable] = []
    while story and isinstance(story[-1], Paragraph) and story[-1].getKeepWithNext():
        heads.insert(0, story.pop())
    return KeepWithTail([*heads, tail, *spacers, Spacer(1, 6), block], heads=len(heads))


def _has_placeholder(text: str) -> bool:
    return any(mark in text for mark in PLACEHOLDERS)


def _run_end(lines: list[Line], start: int, directives: set[str]) -> int:
    """Where the run of lines of ``directives`` beginning at ``start`` ends (a block laid out as
    one: the signatures with the Nơi nhận, the lines of Kính gửi, the lines of the trích yếu)."""
    end = start
    while end < len(lines) and lines[end].directive in directives:
        end += 1
    return end


def _flowables(
    lines: list[Line], styles: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    story: list[Flowable] = []
    flush_left = {
        name: ParagraphStyle(f"{name}-left", parent=styles[name], alignment=TA_LEFT)
        for name in ("para", "plain", "basis")
    }
    i = 0
    while i < len(lines):
        line = lines[i]
        d = line.directive
        if d in META_DIRECTIVES:
            pass
        elif d in SIGN_DIRECTIVES:
            j = _run_end(lines, i, SIGN_DIRECTIVES)
            story.append(_with_tail(story, _signature_table(lines[i:j], styles, width)))
            i = j
            continue
        elif d == "to":
            j = _run_end(lines, i, {"to"})
            story += [
                Spacer(1, 6),
                to_block([line.text for line in lines[i:j]], styles["to"], width),
                Spacer(1, 6),
            ]
            i = j
            continue
        elif d == "summary":
            j = _run_end(lines, i, {"summary"})
            summary = [JoinedParagraph(line.text, styles["summary"]) for line in lines[i:j]]
            story += [*summary, Rule(summary, space_before=5)]
            i = j
            continue
        elif d == "table" and line.table is not None:
            _lead_into(story)
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
        elif d == "chart" and line.figure is not None:
            _lead_into(story)
            story.append(line.figure.flowable(width))
        elif d == "blank":
            count = int(line.text) if line.text.isdigit() else 3
            story.append(DottedLines(count, styles["para"].fontSize))
        elif d == "pagebreak":
            story.append(PageBreak())
        elif d in ("landscape", "portrait"):
            story.append(NextPageTemplate(d))
            story.append(PageBreak())
        elif d in flush_left and _has_placeholder(line.text):
            # Justified, a line of dots and words spreads the words apart by centimetres.
            story.append(Paragraph(line.text, flush_left[d]))
        elif d in JOINED_DIRECTIVES:
            story.append(JoinedParagraph(line.text, styles[d]))
        else:
            story.append(Paragraph(line.text, styles[d]))
        i += 1
    return story


LEAD_LENGTH = 240  # characters: a sentence of two or three lines that introduces a table


def _lead_into(story: list[Flowable]) -> None:
    """A short paragraph just above a table or a chart ("Kết quả toàn phường từ 59,4% lên 83,3%.", "Theo
    loại hoạt động:") is its lead: it moves on with the table's first rows (and so does the
    heading above it) rather than end a page alone."""
    last = story[-1] if story else None
    short = isinstance(last, Paragraph) and len(last.getPlainText()) <= LEAD_LENGTH
    if isinstance(last, Paragraph) and short and not last.getKeepWithNext():
        last.keepWithNext = 1


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
        # A heading keeps with the first lines of what follows it, not with all of it.
        keepTogetherClass=KeepWithFirst,
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
    places = place_names(ward.ward_name, ward.city_name, ward.place_name)
    lines = [
        Line(line.directive, keep_together(line.text, places), line.table)
        if line.directive in JOINED_DIRECTIVES or line.directive == "to"
        else line
        for line in own_number_and_date(lines, ward, issue)
    ]
    # An attachment without a number of its own (a Danh sách, a Báo cáo thành tích) is final once
    # the document it goes with is issued: its template says so with "@final".
    story: list[Flowable] = [DraftMark()] if issue.draft and not meta.final else []
    story += [_top_block(meta, ward, issue, places), *_flowables(lines, styles, width)]
    doc.build(story)
    return buffer.getvalue()
