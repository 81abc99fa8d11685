"""The document checker: measures a printed PDF against Nghị định 30/2020/NĐ-CP, Phụ lục I.

Everything is measured from the PDF itself (pdfplumber: every glyph with its font, size and box;
the lines of rules and table borders; pypdf: the font dictionaries), never from the template that
made it. Elements are recognised by what the renderer prints (desktop/documents/renderer.py): on
page 1 the top block (agency lines and "Số:" in the left column; "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
NAM", "Độc lập - Tự do - Hạnh phúc" and the italic place-and-date line in the right column), then the
bold capitals of the tên loại, the bold trích yếu with its rule, the body, and at the end "Nơi nhận:"
with its items beside the signature block (bold capital titles, bold name, in the right column).

Clauses. Phụ lục I, part "Thể thức và kỹ thuật trình bày văn bản hành chính": mục I "Quy định chung"
(khổ giấy, kiểu trình bày, định lề trang, phông chữ, cỡ chữ và kiểu chữ, số trang), mục II "Các thành
phần thể thức chính" — 1 Quốc hiệu và Tiêu ngữ, 2 Tên cơ quan, tổ chức ban hành văn bản, 3 Số, ký
hiệu, 4 Địa danh và thời gian ban hành, 5 Tên loại và trích yếu nội dung, 6 Nội dung, 7 Chức vụ, họ
tên và chữ ký của người có thẩm quyền, 8 Dấu, chữ ký số, 9 Nơi nhận — and mục III "Các thành phần thể
thức khác" (1 Phụ lục …). The order and numbering of mục II and III were confirmed from a published
outline of Phụ lục I; the sizes are those of its table of fonts (bảng "Mẫu chữ và chi tiết trình bày
thể thức văn bản") as ../shared/DOMAIN.md records them.

Not confirmed (no text of the decree found in the stored sources): the item numbers inside mục I
(cited here by their titles: "mục I, Định lề trang", "mục I, Số trang"); the section number of the
table of fonts (cited as "bảng cỡ chữ"); whether the rule under a two-line trích yếu is measured
against its last line or its longest — the decree says "1/3 đến 1/2 độ dài của dòng chữ"; this checker
measures both rules (trích yếu, agency) against the line directly above them, as the renderer sizes
them. Keep-together, headings at
the foot of a page, internal codes and the "DỰ THẢO" mark are not clauses of Phụ lục I: they are the
rules of issue 14 (what the city's Ban Thi đua - Khen thưởng sends back), marked so in the table.

Use: ``check_pdf(pdf_bytes, "issued", codes={"CBCC", "ward_office"})`` returns the problems, empty
for a good document; ``python -m tests.documents.checker FILE.pdf --state issued --codes CBCC``
prints them and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import pdfplumber
import pypdf

from desktop.documents.layout import PageLayout

State = Literal["draft", "issued", "blank"]
Profile = Literal["administrative", "attachment", "certificate"]

ADMIN: frozenset[str] = frozenset({"administrative"})
PAGED: frozenset[str] = frozenset({"administrative", "attachment"})
ALL: frozenset[str] = frozenset({"administrative", "attachment", "certificate"})


@dataclass(frozen=True)
class Rule:
    name: str
    clause: str  # where it comes from: a clause of Phụ lục I, or "issue 14" for a house rule
    checks: str  # what a document must do, in a sentence
    profiles: frozenset[str] = ALL
    why: str = ""  # why some profiles are left out


# ----------------------------------------------------------------------------- the rules (the spec)
#
# Profiles. "administrative": a văn bản hành chính of Phụ lục I (Kế hoạch, Báo cáo, Tờ trình, Danh
# sách, Biên bản, Quyết định, Sổ theo dõi as printed with its top block …): every rule. "attachment":
# a list or form that goes with such a document (the blank ballots, a register table): the
# same measurements of what it holds, but it need not carry the parts of a văn bản (quốc hiệu,
# signature, trích yếu rule). "certificate": the Giấy khen, a decorated landscape form of the award
# decree, not a văn bản hành chính: only what any printed page of the state must do (embedded
# serif fonts, nothing overlapping, no codes, no dots once issued, dates in the legal form, text
# inside its frame).

RULES: tuple[Rule, ...] = (
    Rule(
        "margins",
        "Phụ lục I, mục I, Định lề trang",
        "No text or rule outside the margins (top 20, bottom 20, left 30, right 15 mm by default; "
        "landscape pages likewise); only the page number lives in the top margin "
        "(and a draft's DỰ THẢO mark on page 1). A certificate keeps 10 mm from the paper's edge.",
    ),
    Rule(
        "overlap",
        "Phụ lục I, mục I (a printed page)",
        "No two text lines overlap; no glyph is drawn over another on one line.",
    ),
    Rule(
        "crossing",
        "Phụ lục I, mục I (a printed page)",
        "No text line is crossed by a rule or a table border (e.g. a baseline 0,1 mm under a "
        "table's top border).",
    ),
    Rule(
        "alone-signature",
        "issue 14 (keep-together; Phụ lục I, mục II.7 and II.9)",
        "No page holds only the signature block and/or Nơi nhận: the end of the body goes with it.",
        PAGED,
        "a certificate is one page",
    ),
    Rule(
        "alone-heading",
        "issue 14 (keep-together)",
        "No page holds only headings.",
        PAGED,
        "a certificate is one page",
    ),
    Rule(
        "heading-last",
        "issue 14 (keep-together)",
        'No heading (bold part heading like "I. KẾT QUẢ …" or a bold centred line) is the last '
        "line of a page that is not the last.",
        PAGED,
        "a certificate is one page",
    ),
    Rule(
        "dots",
        "issue 14 (an issued document is complete)",
        'No placeholder dots ("....", "……", "…") in an issued document; blank forms and '
        "drafts may hold them.",
    ),
    Rule(
        "codes",
        "issue 14 (Phụ lục I, mục II.6: the content is written for its reader)",
        "No internal code (indicator codes, UnitKind values) in the printed text.",
    ),
    Rule(
        "date-form",
        "Phụ lục I, mục II.4",
        'A date written "ngày DD tháng M năm YYYY": a leading zero on days below 10 and on '
        'months 1 and 2 only ("ngày 05 tháng 7", "tháng 02"; never "tháng 07", "ngày 7").',
    ),
    Rule(
        "fonts-embedded",
        "Phụ lục I, mục I, Phông chữ (Times New Roman, Unicode TCVN 6909:2001)",
        "Every font is embedded; no base-14 font (Helvetica, Times-Roman …).",
    ),
    Rule(
        "font-family",
        "Phụ lục I, mục I, Phông chữ",
        "Text is set in Times New Roman or its metric twin Liberation Serif.",
    ),
    Rule(
        "required-parts",
        "Phụ lục I, mục II.1, II.2, II.5, II.7",
        "Page 1 carries the quốc hiệu, the tiêu ngữ, the agency and the tên loại; the document "
        "carries a signature title.",
        ADMIN,
        "an attachment or a certificate has its own parts",
    ),
    Rule(
        "size-national",
        "Phụ lục I, mục II.1; bảng cỡ chữ",
        "Quốc hiệu 12–13 pt, capitals, bold.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "national-centred",
        "Phụ lục I, mục II.1 (ô số 1)",
        "Without an agency column (an individual's report) the quốc hiệu and the tiêu ngữ are "
        "centred on the text column (±2 pt).",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "size-motto",
        "Phụ lục I, mục II.1; bảng cỡ chữ",
        "Tiêu ngữ 13–14 pt, bold.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "rule-motto",
        "Phụ lục I, mục II.1",
        "The rule under the tiêu ngữ is as long as it (±1 pt) and centred under it.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "size-agency",
        "Phụ lục I, mục II.2; bảng cỡ chữ",
        "Agency lines 12–13 pt capitals; the issuer (the last line) bold.",
        PAGED,
        "the certificate names its signer, not an agency block",
    ),
    Rule(
        "rule-agency",
        "Phụ lục I, mục II.2",
        "The rule under the agency is 1/3–1/2 of the line above it, centred under it.",
        PAGED,
        "the certificate names its signer, not an agency block",
    ),
    Rule(
        "size-number",
        "Phụ lục I, mục II.3; bảng cỡ chữ",
        '"Số: …" 13 pt, regular.',
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "number-state",
        "Phụ lục I, mục II.3; issue 14 (drafts)",
        'An issued document has a number after "Số:"; a draft or a blank form has none.',
        PAGED,
        "the certificate prints its decision's number as text",
    ),
    Rule(
        "size-date",
        "Phụ lục I, mục II.4; bảng cỡ chữ",
        "Place and date 13–14 pt, italic; a draft leaves its day and month for the signer.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "size-title",
        "Phụ lục I, mục II.5; bảng cỡ chữ",
        "Tên loại 13–14 pt bold capitals; trích yếu 13–14 pt bold.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "rule-summary",
        "Phụ lục I, mục II.5",
        "A rule under the trích yếu, 1/3–1/2 of the line above it, centred under it.",
        ADMIN,
        "an attachment may have no trích yếu",
    ),
    Rule(
        "size-body",
        "Phụ lục I, mục II.6; bảng cỡ chữ",
        "Body text 13–14 pt; text in a table at least 11 pt (the smallest size of Phụ lục I: a "
        "table has no size of its own there).",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "size-recipients",
        "Phụ lục I, mục II.9; bảng cỡ chữ",
        '"Nơi nhận:" 12 pt bold italic; its items 11 pt regular.',
        PAGED,
        "a certificate has no Nơi nhận",
    ),
    Rule(
        "size-signature",
        "Phụ lục I, mục II.7; bảng cỡ chữ",
        "Signer's title (capitals) and name 13–14 pt, bold.",
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "split-phrase",
        "issue 14 (no widow words in headings)",
        "A heading, caption, signature title or Nơi nhận item does not break inside "
        '"Ủy ban nhân dân", "thành phố", "xác nhận" or the place name.',
        PAGED,
        "the certificate follows its own form",
    ),
    Rule(
        "page-number",
        "Phụ lục I, mục I, Số trang",
        "No number on page 1; every later page numbered with its own number, Arabic, upright "
        "13–14 pt, centred in the top margin.",
        PAGED,
        "a certificate is one page",
    ),
    Rule(
        "draft-mark",
        "issue 14 (drafts look like drafts)",
        'A draft says "DỰ THẢO" at the top left of page 1, above the agency; an issued '
        "document never does.",
        PAGED,
        "a certificate is printed from a decision only",
    ),
)


@dataclass(frozen=True)
class Problem:
    page: int
    rule: str
    measured: str  # what was measured, in words a developer reads

    def __str__(self) -> str:
        return f"p{self.page} [{self.rule}] {self.measured}"


MM = 72 / 25.4
DEFAULT_LAYOUT = PageLayout()  # the renderer's margins unless the ward changed them
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DRAFT_MARK = "DỰ THẢO"
BASE14 = re.compile(
    r"^(Helvetica|Times-|Times$|Courier|Symbol|ZapfDingbats|Arial|TimesNewRoman$)", re.I
)
ALLOWED_FAMILY = re.compile(r"TimesNewRoman|Times New Roman|LiberationSerif", re.I)
DOTS = re.compile(r"\.{4,}|…")  # "cá nhân..." closing a list is prose, not a blank
LONG_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
DRAFT_DATE = re.compile(r"ngày\s+\d|tháng\s+\d")
NUMBER_AFTER = re.compile(r"Số:\s*\d")
ROMAN_OR_NUMBER = re.compile(r"^([IVXLC]+|\d+(\.\d+)*)\.\s")
TOL = 0.5  # pt: measurement slack (the PDF's coordinates round to 0,01 pt)


def mm(points: float) -> str:
    return f"{points / MM:.1f} mm"


# ----------------------------------------------------------------------------- the measured page


@dataclass
class Segment:
    """Glyphs on one baseline with no wide gap between them: a line of a column or a table cell."""

    chars: list[dict[str, Any]]
    page: int
    text: str = ""
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    baseline: float = 0.0
    size: float = 0.0

    def __post_init__(self) -> None:
        self.x0 = min(c["x0"] for c in self.chars)
        self.x1 = max(c["x1"] for c in self.chars)
        self.top = min(c["top"] for c in self.chars)
        self.bottom = max(c["bottom"] for c in self.chars)
        self.baseline = _baseline(self.chars[0])
        self.size = max(round(c["size"], 2) for c in self.chars)
        self.text = _join(self.chars)

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def sizes(self) -> set[float]:
        return {round(c["size"], 2) for c in self.chars}

    @property
    def bold(self) -> bool:
        return all("Bold" in c["fontname"] for c in self.chars)

    @property
    def italic(self) -> bool:
        return all(("Italic" in c["fontname"] or "Oblique" in c["fontname"]) for c in self.chars)

    @property
    def any_bold(self) -> bool:
        return any("Bold" in c["fontname"] for c in self.chars)

    @property
    def caps(self) -> bool:
        letters = [ch for ch in self.text if ch.isalpha()]
        return bool(letters) and all(ch.isupper() for ch in letters)

    def where(self) -> str:
        return f"“{self.text[:60]}” (x {mm(self.x0)}–{mm(self.x1)}, baseline {mm(self.baseline)})"


@dataclass
class HLine:
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class VLine:
    x: float
    top: float
    bottom: float


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    segments: list[Segment]
    lines: list[list[Segment]]  # segments grouped by baseline, top to bottom
    hlines: list[HLine]
    vlines: list[VLine]
    tables: list[tuple[float, float, float, float]]  # x0, top, x1, bottom
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    @property
    def text_width(self) -> float:
        return self.right - self.left

    @property
    def text_centre(self) -> float:
        return (self.left + self.right) / 2

    def in_table(self, seg: Segment) -> bool:
        cy = (seg.top + seg.bottom) / 2
        return any(
            x0 - TOL <= seg.centre <= x1 + TOL and t <= cy <= b for x0, t, x1, b in self.tables
        )

    def free_hlines(self) -> list[HLine]:
        """Rules that are not table borders: under the agency, the tiêu ngữ, the trích yếu."""
        return [
            h
            for h in self.hlines
            if not any(
                x0 - 1 <= h.centre <= x1 + 1 and t - 1 <= h.y <= b + 1
                for x0, t, x1, b in self.tables
            )
        ]


def _baseline(char: dict[str, Any]) -> float:
    # The text matrix's translation is the glyph's origin on its baseline (PDF y runs upwards).
    return (
        float(char["page_height"] - char["matrix"][5])
        if "page_height" in char
        else float(char["bottom"])
    )


def _join(chars: list[dict[str, Any]]) -> str:
    out: list[str] = []
    previous: dict[str, Any] | None = None
    for c in chars:
        if previous is not None and c["x0"] - previous["x1"] > 0.15 * c["size"]:
            out.append(" ")
        out.append(c["text"])
        previous = c
    return "".join(out)


def _segments(
    chars: list[dict[str, Any]], page_number: int, vlines: list[VLine]
) -> list[list[Segment]]:
    """Glyphs grouped by baseline, then cut where two strings of the renderer meet: a gap wider than
    a word space can be (the two columns of the top block, Nơi nhận beside the signature), a table
    border between two glyphs, a change of size at a space, or the quốc hiệu / tiêu ngữ starting
    close to an agency line."""
    visible = [c for c in chars if c["text"].strip()]
    visible.sort(key=lambda c: (round(_baseline(c), 1), c["x0"]))
    rows: list[list[dict[str, Any]]] = []
    for c in visible:
        if rows and abs(_baseline(rows[-1][0]) - _baseline(c)) <= 0.6:
            rows[-1].append(c)
        else:
            rows.append([c])
    lines: list[list[Segment]] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        y = _baseline(row[0])
        borders = [v.x for v in vlines if v.top - 1 <= y <= v.bottom + 1]
        parts: list[list[dict[str, Any]]] = [[row[0]]]
        for c in row[1:]:
            prev = parts[-1][-1]
            gap = c["x0"] - prev["x1"]
            wide = gap > max(0.9 * c["size"], 9.0)
            bordered = any(prev["x1"] - 0.3 <= x <= c["x0"] + 0.3 for x in borders)
            resized = gap > 1.0 and abs(c["size"] - prev["size"]) > 0.05
            if wide or bordered or resized:
                parts.append([c])
            else:
                parts[-1].append(c)
        lines.append([Segment(p, page_number) for part in parts for p in _split_known(part)])
    return lines


def _split_known(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cut before the quốc hiệu or the tiêu ngữ when they run on from an agency line."""
    text = "".join(c["text"] for c in chars)
    for known in (NATIONAL_NAME.replace(" ", ""), MOTTO.replace(" ", "")):
        at = text.find(known)
        if at > 0:
            return [chars[:at], chars[at:]]
    return [chars]


def _tables(vlines: list[VLine], hlines: list[HLine]) -> list[tuple[float, float, float, float]]:
    """A table is a cluster of vertical borders spanning the same rows; its box is theirs."""
    boxes: list[list[float]] = []
    for v in sorted(vlines, key=lambda v: v.top):
        for box in boxes:
            if v.top <= box[3] + 1 and v.bottom >= box[1] - 1:
                box[0] = min(box[0], v.x)
                box[2] = max(box[2], v.x)
                box[1] = min(box[1], v.top)
                box[3] = max(box[3], v.bottom)
                break
        else:
            boxes.append([v.x, v.top, v.x, v.bottom])
    return [(b[0], b[1], b[2], b[3]) for b in boxes if b[2] - b[0] > 20]


def _read_pages(pdf: bytes, margins: PageLayout, profile: str) -> list[Page]:
    pages: list[Page] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for index, p in enumerate(doc.pages, start=1):
            hlines: list[HLine] = []
            vlines: list[VLine] = []
            edges = list(p.lines) + [e for r in p.rects for e in _rect_edges(r)]
            for ln in edges:
                if abs(ln["top"] - ln["bottom"]) < 1 and ln["x1"] - ln["x0"] > 3:
                    hlines.append(HLine(ln["x0"], ln["x1"], (ln["top"] + ln["bottom"]) / 2))
                elif abs(ln["x1"] - ln["x0"]) < 1 and ln["bottom"] - ln["top"] > 3:
                    vlines.append(VLine((ln["x0"] + ln["x1"]) / 2, ln["top"], ln["bottom"]))
            chars = [dict(c, page_height=p.height) for c in p.chars]
            lines = _segments(chars, index, vlines)
            tables = _tables(vlines, hlines) if profile != "certificate" else []
            page = Page(
                index,
                float(p.width),
                float(p.height),
                [s for line in lines for s in line],
                lines,
                hlines,
                vlines,
                tables,
            )
            edge = 10.0 if profile == "certificate" else None
            page.left = (edge or margins.margin_left) * MM
            page.right = page.width - (edge or margins.margin_right) * MM
            page.top = (edge or margins.margin_top) * MM
            page.bottom = page.height - (edge or margins.margin_bottom) * MM
            pages.append(page)
    return pages


def _rect_edges(r: dict[str, Any]) -> list[dict[str, float]]:
    x0, x1, top, bottom = r["x0"], r["x1"], r["top"], r["bottom"]
    if bottom - top < 1 or x1 - x0 < 1:  # a rule drawn as a thin filled rectangle
        return [dict(x0=x0, x1=x1, top=top, bottom=bottom)]
    return [
        dict(x0=x0, x1=x1, top=top, bottom=top),
        dict(x0=x0, x1=x1, top=bottom, bottom=bottom),
        dict(x0=x0, x1=x0, top=top, bottom=bottom),
        dict(x0=x1, x1=x1, top=top, bottom=bottom),
    ]


# ----------------------------------------------------------------------------- the recognised parts


@dataclass
class Parts:
    """What the renderer printed, found on the pages."""

    national: Segment | None = None
    motto: Segment | None = None
    date: Segment | None = None
    number: Segment | None = None
    draft_mark: Segment | None = None
    agency: list[Segment] = field(default_factory=list)
    top_block: set[int] = field(default_factory=set)  # id() of segments of the top block
    title: list[Segment] = field(default_factory=list)  # tên loại then trích yếu lines
    page_numbers: dict[int, list[Segment]] = field(default_factory=dict)
    # Per page: the signature block's top (Nơi nhận or the first signature title) if it starts there.
    block_top: dict[int, float] = field(default_factory=dict)
    recipients_head: list[Segment] = field(default_factory=list)
    recipients: list[Segment] = field(default_factory=list)
    signature: list[Segment] = field(default_factory=list)  # bold lines of the signature block


@dataclass
class Doc:
    pages: list[Page]
    state: str
    profile: str
    codes: set[str]
    parts: Parts


def _find_parts(pages: list[Page]) -> Parts:
    parts = Parts()
    for page in pages:
        parts.page_numbers[page.number] = [s for s in page.segments if s.bottom <= page.top + TOL]
    first = pages[0]
    segs = [s for s in first.segments if s.top > first.top - TOL]
    parts.national = next((s for s in segs if s.text == NATIONAL_NAME), None)
    parts.motto = next((s for s in segs if s.text == MOTTO), None)
    parts.draft_mark = next((s for s in first.segments if DRAFT_MARK in s.text.upper()), None)
    split = first.left + first.text_width * 0.42
    if parts.motto is not None:
        near = [s for s in segs if 0 < s.baseline - parts.motto.baseline < 45]
        parts.date = next(
            (s for s in near if s.centre > split and "ngày" in s.text and s.italic), None
        )
        parts.number = next((s for s in near if s.centre < split and s.text.startswith("Số")), None)
        lower = min(
            (s.top for s in (parts.date, parts.number) if s is not None),
            default=parts.motto.bottom + 20,
        )
        parts.agency = [
            s
            for s in segs
            if s.centre < split
            and s.bottom <= lower + TOL
            and s is not parts.draft_mark
            and s is not parts.number
            and s.top < parts.motto.bottom + 30
        ]
        block = [parts.national, parts.motto, parts.date, parts.number, *parts.agency]
        parts.top_block = {id(s) for s in block if s is not None}
        bottom = max(s.bottom for s in block if s is not None)
    else:
        bottom = first.top
    # The tên loại: the first bold capital line centred on the text column below the top block;
    # the trích yếu: the bold centred lines that follow it.
    for line in first.lines:
        if not line or line[0].top <= bottom or id(line[0]) in parts.top_block:
            continue
        seg = line[0]
        centred = len(line) == 1 and abs(seg.centre - first.text_centre) <= 4
        if not parts.title:
            if centred and seg.bold and seg.caps:
                parts.title.append(seg)
                continue
            break
        if centred and seg.bold and seg.top - parts.title[-1].bottom < 12:
            parts.title.append(seg)
        else:
            break
    _find_signature(pages, parts)
    return parts


def _find_signature(pages: list[Page], parts: Parts) -> None:
    for page in pages:
        right_col = page.left + page.text_width * 0.6
        skip = parts.top_block if page.number == 1 else set()
        titled = {id(s) for s in parts.title}
        heads = [s for s in page.segments if s.text.startswith("Nơi nhận")]
        sig_titles = [
            s
            for s in page.segments
            if s.bold
            and s.caps
            and s.centre > right_col
            and id(s) not in skip
            and id(s) not in titled
            and not page.in_table(s)
            and s.top > page.top - TOL
        ]
        tops = [s.top for s in heads] + [s.top for s in sig_titles]
        if not tops:
            continue
        start = min(tops)
        parts.block_top[page.number] = start
        parts.recipients_head += heads
        for head in heads:
            # Its items: the lines of the left column that follow it without a gap.
            column = sorted(
                (
                    s
                    for s in page.segments
                    if s.top > head.top + 1
                    and s.centre < page.left + page.text_width * 0.45
                    and not s.bold
                    and not page.in_table(s)
                ),
                key=lambda s: s.top,
            )
            previous = head
            for seg in column:
                if seg.top - previous.bottom > 6:
                    break
                parts.recipients.append(seg)
                previous = seg
        parts.signature += [
            s
            for s in page.segments
            if s.top >= start - TOL
            and s.bold
            and not s.italic
            and (s.centre > right_col or s in sig_titles)
            and not page.in_table(s)
        ]


def _placeholder(seg: Segment) -> bool:
    """A blank form's dots where the signer's title or name will be written."""
    return bool(seg.text.strip()) and not any(ch.isalnum() for ch in seg.text)


def _body(doc: Doc, page: Page) -> list[Segment]:
    """Segments that are body text: not the top block, title, page number, draft mark, table,
    Nơi nhận or signature block."""
    p = doc.parts
    excluded = set(p.top_block) | {
        id(s) for s in p.title + p.recipients + p.recipients_head + p.signature
    }
    excluded |= {id(s) for s in p.page_numbers.get(page.number, [])}
    if p.draft_mark is not None:
        excluded.add(id(p.draft_mark))
    return [s for s in page.segments if id(s) not in excluded and not page.in_table(s)]


def _content_lines(doc: Doc, page: Page) -> list[list[Segment]]:
    numbers = {id(s) for s in doc.parts.page_numbers.get(page.number, [])}
    mark = id(doc.parts.draft_mark) if doc.parts.draft_mark is not None else None
    return [
        [s for s in line if id(s) not in numbers and id(s) != mark]
        for line in page.lines
        if any(id(s) not in numbers and id(s) != mark for s in line)
    ]


def _is_heading(doc: Doc, page: Page, line: list[Segment]) -> bool:
    """A bold line of the body, not a table's, not the signature's: a part heading "I. …" at the
    indent or a bold line centred on the column."""
    if not line or not all(s.bold for s in line) or page.in_table(line[0]):
        return False
    signature = {id(s) for s in doc.parts.signature + doc.parts.title} | doc.parts.top_block
    if any(id(s) in signature for s in line):
        return False
    if max(s.size for s in line) < 12.5:
        return False
    seg = line[0]
    centred = (
        len(line) == 1
        and abs(seg.centre - page.text_centre) <= 4
        and seg.width < page.text_width - 20
    )
    return bool(ROMAN_OR_NUMBER.match(seg.text)) or centred or seg.caps


# ----------------------------------------------------------------------------- the checks


def check_margins(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        allowed = (
            {id(s) for s in doc.parts.page_numbers.get(page.number, [])}
            if page.number > 1
            else set()
        )
        if page.number == 1 and doc.profile != "certificate":
            # A number on page 1 is the page-number rule's finding; the draft mark may stand there.
            marks = [s for s in doc.parts.page_numbers.get(1, []) if s.text.strip().isdigit()]
            allowed |= {id(s) for s in marks}
            if doc.parts.draft_mark is not None:
                allowed.add(id(doc.parts.draft_mark))
        for seg in page.segments:
            if id(seg) in allowed and seg.top >= -TOL:
                continue
            out = []
            if seg.x0 < page.left - 1:
                out.append(f"starts {mm(page.left - seg.x0)} into the left margin")
            if seg.x1 > page.right + 1:
                out.append(f"ends {mm(seg.x1 - page.right)} into the right margin")
            if seg.top < page.top - 1:
                out.append(f"rises {mm(page.top - seg.top)} into the top margin")
            if seg.bottom > page.bottom + 1:
                out.append(f"sinks {mm(seg.bottom - page.bottom)} into the bottom margin")
            if out:
                yield Problem(page.number, "margins", f"{seg.where()} {', '.join(out)}")
        if doc.profile == "certificate":
            continue  # the certificate's decorated frame is its margin
        for h in page.hlines:
            if (
                h.x0 < page.left - 1.5
                or h.x1 > page.right + 1.5
                or not page.top - 1.5 <= h.y <= page.bottom + 1.5
            ):
                yield Problem(
                    page.number,
                    "margins",
                    f"rule {mm(h.x0)}–{mm(h.x1)} at {mm(h.y)} from the top lies outside the text area "
                    f"({mm(page.left)}–{mm(page.right)}, {mm(page.top)}–{mm(page.bottom)})",
                )


def check_overlap(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        segs = sorted(page.segments, key=lambda s: s.top)
        for i, a in enumerate(segs):
            for b in segs[i + 1 :]:
                if b.top >= a.bottom - TOL:
                    break
                if abs(a.baseline - b.baseline) <= 0.6:
                    continue
                if min(a.x1, b.x1) - max(a.x0, b.x0) > 1:
                    yield Problem(
                        page.number,
                        "overlap",
                        f"{a.where()} and {b.where()} overlap by {a.bottom - b.top:.1f} pt vertically",
                    )
        for line in page.lines:
            chars = sorted((c for s in line for c in s.chars), key=lambda c: c["x0"])
            for prev, c in zip(chars, chars[1:], strict=False):
                if c["x0"] < prev["x1"] - max(1.0, 0.3 * c["size"]):
                    seg = next(s for s in line if c in s.chars)
                    yield Problem(
                        page.number,
                        "overlap",
                        f"“{prev['text']}” and “{c['text']}” drawn over each other in {seg.where()}",
                    )
                    break


def check_crossing(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        for seg in page.segments:
            for h in page.hlines:
                if (
                    seg.top + 0.3 < h.y < seg.bottom - 0.3
                    and min(seg.x1, h.x1) - max(seg.x0, h.x0) > 1
                ):
                    yield Problem(
                        page.number,
                        "crossing",
                        f"rule at {mm(h.y)} from the top crosses {seg.where()} "
                        f"(glyphs {mm(seg.top)}–{mm(seg.bottom)})",
                    )
                    break
            for v in page.vlines:
                if (
                    seg.x0 + 0.3 < v.x < seg.x1 - 0.3
                    and min(seg.bottom, v.bottom) - max(seg.top, v.top) > 1
                ):
                    yield Problem(
                        page.number,
                        "crossing",
                        f"border at x {mm(v.x)} runs through {seg.where()}",
                    )
                    break


def check_alone_signature(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        start = doc.parts.block_top.get(page.number)
        if start is None or page.number == 1:
            continue
        above = [line for line in _content_lines(doc, page) if line[0].bottom <= start + TOL]
        if not above:
            yield Problem(
                page.number,
                "alone-signature",
                "the page holds only the signature block / Nơi nhận; the body ended on the page before",
            )


def check_alone_heading(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages[1:]:
        lines = _content_lines(doc, page)
        if lines and all(_is_heading(doc, page, line) for line in lines):
            yield Problem(
                page.number,
                "alone-heading",
                f"the page holds only headings: {' / '.join(line[0].text[:40] for line in lines)}",
            )


def check_heading_last(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages[:-1]:
        lines = _content_lines(doc, page)
        if lines and _is_heading(doc, page, lines[-1]):
            yield Problem(
                page.number,
                "heading-last",
                f"the page ends on the heading {lines[-1][0].where()}; its text starts on the next page",
            )


def check_dots(doc: Doc) -> Iterator[Problem]:
    if doc.state != "issued":
        return
    for page in doc.pages:
        for line in page.lines:
            text = " ".join(s.text for s in line)
            hit = DOTS.search(text)
            if hit:
                yield Problem(
                    page.number, "dots", f"placeholder “{hit.group()}” in {line[0].where()}"
                )


def check_codes(doc: Doc) -> Iterator[Problem]:
    if not doc.codes:
        return
    pattern = re.compile(
        r"(?<![\w])("
        + "|".join(re.escape(c) for c in sorted(doc.codes, key=len, reverse=True))
        + r")(?![\w])"
    )
    for page in doc.pages:
        for line in page.lines:
            for seg in line:
                for hit in pattern.finditer(seg.text):
                    yield Problem(
                        page.number,
                        "codes",
                        f"internal code “{hit.group()}” printed in {seg.where()}",
                    )


def check_date_form(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        for line in page.lines:
            text = " ".join(s.text for s in line)
            for hit in LONG_DATE.finditer(text):
                day, month = hit.group(1), hit.group(2)
                wrong = []
                if len(day) != 2:
                    wrong.append(f"day “{day}” needs two digits")
                if int(month) in (1, 2) and len(month) != 2:
                    wrong.append(f"month “{month}” needs its zero (“0{month}”)")
                if int(month) > 2 and month.startswith("0"):
                    wrong.append(f"month “{month}” takes no zero (“{int(month)}”)")
                if wrong:
                    yield Problem(page.number, "date-form", f"“{hit.group()}”: {'; '.join(wrong)}")


def check_fonts_embedded(doc: Doc, pdf: bytes) -> Iterator[Problem]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for index, page in enumerate(reader.pages, start=1):
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for key, ref in fonts.get_object().items():
            font = ref.get_object()
            base = str(font.get("/BaseFont", "")).lstrip("/")
            name = base.split("+", 1)[-1]
            descriptor_owner = font
            if font.get("/Subtype") == "/Type0":
                descriptor_owner = font["/DescendantFonts"][0].get_object()
            descriptor = descriptor_owner.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            if font.get("/Subtype") == "/Type3":
                embedded = True
            if BASE14.match(name) or not embedded:
                yield Problem(
                    index,
                    "fonts-embedded",
                    f"font {key} “{base}” ({font.get('/Subtype')}) is "
                    + ("a base-14 font" if BASE14.match(name) else "not embedded"),
                )


def check_font_family(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        seen: set[str] = set()
        for seg in page.segments:
            for c in seg.chars:
                name = c["fontname"].split("+", 1)[-1]
                if name not in seen and not ALLOWED_FAMILY.search(name):
                    seen.add(name)
                    yield Problem(page.number, "font-family", f"{seg.where()} is set in “{name}”")


def check_required_parts(doc: Doc) -> Iterator[Problem]:
    p = doc.parts
    missing = [
        label
        for label, found in (
            ("quốc hiệu", p.national),
            ("tiêu ngữ", p.motto),
            ("agency", p.agency),
            ("tên loại", p.title),
            ("signature title", [s for s in p.signature if s.caps or _placeholder(s)]),
        )
        if not found
    ]
    if missing:
        yield Problem(1, "required-parts", f"not found: {', '.join(missing)}")


def _size(seg: Segment, low: float, high: float) -> str | None:
    wrong = sorted(s for s in seg.sizes if not low - 0.05 <= s <= high + 0.05)
    if wrong:
        return f"{seg.where()} is {'/'.join(f'{s:g}' for s in wrong)} pt (range {low:g}–{high:g})"
    return None


def check_size_national(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.national
    if seg is None:
        return
    if (why := _size(seg, 12, 13)) is not None:
        yield Problem(1, "size-national", why)
    if not seg.bold:
        yield Problem(1, "size-national", f"{seg.where()} is not bold")


def check_size_motto(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.motto
    if seg is None:
        return
    if (why := _size(seg, 13, 14)) is not None:
        yield Problem(1, "size-motto", why)
    if not seg.bold:
        yield Problem(1, "size-motto", f"{seg.where()} is not bold")


def _rule_under(page: Page, seg: Segment, within: float = 14.0) -> HLine | None:
    candidates = [
        h
        for h in page.free_hlines()
        if seg.baseline - 1 < h.y <= seg.bottom + within and seg.x0 - 20 <= h.centre <= seg.x1 + 20
    ]
    return min(candidates, key=lambda h: h.y, default=None)


def check_rule_motto(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.motto
    if seg is None:
        return
    rule = _rule_under(doc.pages[0], seg)
    if rule is None:
        yield Problem(1, "rule-motto", f"no rule under the tiêu ngữ {seg.where()}")
        return
    if abs(rule.length - seg.width) > 1 or abs(rule.centre - seg.centre) > 1:
        yield Problem(
            1,
            "rule-motto",
            f"rule {rule.length:.1f} pt long centred at {mm(rule.centre)}; the tiêu ngữ is "
            f"{seg.width:.1f} pt centred at {mm(seg.centre)} (equal ±1 pt)",
        )


def _ratio_problem(rule: HLine, seg: Segment, what: str) -> str | None:
    ratio = rule.length / seg.width
    off = abs(rule.centre - seg.centre)
    if not 1 / 3 - 0.005 <= ratio <= 1 / 2 + 0.005 or off > 2:
        return (
            f"{what} rule {rule.length:.1f} pt ({mm(rule.length)}) is {ratio:.2f} of its line "
            f"{seg.where()} ({seg.width:.1f} pt; 0,33–0,50), {off:.1f} pt off its centre"
        )
    return None


def check_size_agency(doc: Doc) -> Iterator[Problem]:
    agency = doc.parts.agency
    for seg in agency:
        if (why := _size(seg, 12, 13)) is not None:
            yield Problem(1, "size-agency", why)
        if not seg.caps and any(ch.isalpha() for ch in seg.text):
            yield Problem(1, "size-agency", f"{seg.where()} is not in capitals")
    if agency and not agency[-1].bold:
        yield Problem(1, "size-agency", f"the issuer {agency[-1].where()} is not bold")


def check_rule_agency(doc: Doc) -> Iterator[Problem]:
    if not doc.parts.agency:
        return
    last = doc.parts.agency[-1]
    rule = _rule_under(doc.pages[0], last)
    if rule is None:
        yield Problem(1, "rule-agency", f"no rule under the agency {last.where()}")
    elif (why := _ratio_problem(rule, last, "agency")) is not None:
        yield Problem(1, "rule-agency", why)


def check_size_number(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.number
    if seg is None:
        return
    if (why := _size(seg, 13, 13)) is not None:
        yield Problem(1, "size-number", why)
    if seg.any_bold or seg.italic:
        yield Problem(1, "size-number", f"{seg.where()} is not regular")


def check_number_state(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.number
    if seg is None:
        return
    has_number = bool(NUMBER_AFTER.search(seg.text))
    if doc.state == "issued" and not has_number:
        yield Problem(1, "number-state", f"issued without a number: {seg.where()}")
    if doc.state != "issued" and has_number:
        yield Problem(1, "number-state", f"a {doc.state} carries a number: {seg.where()}")


def check_size_date(doc: Doc) -> Iterator[Problem]:
    seg = doc.parts.date
    if seg is None:
        return
    if (why := _size(seg, 13, 14)) is not None:
        yield Problem(1, "size-date", why)
    if not seg.italic:
        yield Problem(1, "size-date", f"{seg.where()} is not italic")
    if doc.state == "draft" and DRAFT_DATE.search(seg.text):
        yield Problem(1, "size-date", f"a draft dated {seg.where()}: the signer dates it")


def check_size_title(doc: Doc) -> Iterator[Problem]:
    for seg in doc.parts.title:
        if (why := _size(seg, 13, 14)) is not None:
            yield Problem(1, "size-title", why)


def check_rule_summary(doc: Doc) -> Iterator[Problem]:
    title = doc.parts.title
    if len(title) < 2:
        if title:
            yield Problem(1, "rule-summary", f"no trích yếu under the tên loại {title[0].where()}")
        return
    last = title[-1]
    rule = _rule_under(doc.pages[0], last, within=16)
    # "1/3 đến 1/2 độ dài của dòng chữ": of a trích yếu on two lines, the line it sits under.
    longest = last
    if rule is None:
        yield Problem(1, "rule-summary", f"no rule under the trích yếu {last.where()}")
    elif (why := _ratio_problem(rule, longest, "trích yếu")) is not None:
        yield Problem(1, "rule-summary", why)


def check_size_body(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        start = doc.parts.block_top.get(page.number)
        for seg in _body(doc, page):
            if start is not None and seg.top >= start - TOL:
                continue  # the signature block's own lines ("(Ký, ghi rõ họ tên)"), measured below
            if (why := _size(seg, 13, 14)) is not None:
                yield Problem(page.number, "size-body", why)
        for seg in page.segments:
            if page.in_table(seg) and min(seg.sizes) < 11 - 0.05:
                yield Problem(
                    page.number,
                    "size-body",
                    f"table text {seg.where()} is {min(seg.sizes):g} pt (at least 11)",
                )


def check_size_recipients(doc: Doc) -> Iterator[Problem]:
    for seg in doc.parts.recipients_head:
        if (why := _size(seg, 12, 12)) is not None:
            yield Problem(seg.page, "size-recipients", why)
        if not (seg.bold and seg.italic):
            yield Problem(seg.page, "size-recipients", f"{seg.where()} is not bold italic")
    for seg in doc.parts.recipients:
        if (why := _size(seg, 11, 11)) is not None:
            yield Problem(seg.page, "size-recipients", why)


def check_size_signature(doc: Doc) -> Iterator[Problem]:
    for seg in doc.parts.signature:
        if (why := _size(seg, 13, 14)) is not None:
            yield Problem(seg.page, "size-signature", why)


def check_national_centred(doc: Doc) -> Iterator[Problem]:
    if doc.parts.agency:
        return
    page = doc.pages[0]
    for seg in (doc.parts.national, doc.parts.motto):
        if seg is not None and abs(seg.centre - page.text_centre) > 2:
            yield Problem(
                1,
                "national-centred",
                f"{seg.where()} centred at {mm(seg.centre)}; with no agency column it belongs "
                f"at the text column's centre {mm(page.text_centre)}",
            )


def _phrases(doc: Doc) -> list[list[str]]:
    phrases = [["ủy", "ban", "nhân", "dân"], ["thành", "phố"], ["xác", "nhận"]]
    date = doc.parts.date
    if date is not None and "," in date.text:
        place = date.text.split(",", 1)[0].lower().split()
        if len(place) > 1:
            phrases.append(place)
    return phrases


def check_split_phrase(doc: Doc) -> Iterator[Problem]:
    phrases = _phrases(doc)
    watched = {id(s) for s in doc.parts.recipients + doc.parts.signature + doc.parts.title}
    for page in doc.pages:
        segs = [s for s in page.segments if (s.bold or id(s) in watched) and not page.in_table(s)]
        segs.sort(key=lambda s: s.top)
        for i, upper in enumerate(segs):
            below = next(
                (
                    s
                    for s in segs[i + 1 :]
                    if 0 <= s.top - upper.bottom < upper.size
                    and min(s.x1, upper.x1) - max(s.x0, upper.x0) > 1
                ),
                None,
            )
            if below is None:
                continue
            end = upper.text.lower().split()
            start = below.text.lower().lstrip("- ").split()
            if not end or not start:
                continue
            for phrase in phrases:
                for cut in range(1, len(phrase)):
                    head, tail = phrase[:cut], phrase[cut:]
                    if end[-len(head) :] == head and start[: len(tail)] == tail:
                        yield Problem(
                            page.number,
                            "split-phrase",
                            f"“{' '.join(phrase)}” broken between {upper.where()} and "
                            f"{below.where()}",
                        )


def check_page_number(doc: Doc) -> Iterator[Problem]:
    for page in doc.pages:
        found = doc.parts.page_numbers.get(page.number, [])
        if page.number == 1:
            for seg in found:
                if seg.text.strip().isdigit():
                    yield Problem(1, "page-number", f"page 1 is numbered: {seg.where()}")
            continue
        numbers = [s for s in found if s.text.strip().isdigit()]
        if not numbers:
            yield Problem(page.number, "page-number", "no page number in the top margin")
            continue
        seg = numbers[0]
        wrong = []
        if seg.text.strip() != str(page.number):
            wrong.append(f"reads “{seg.text}”")
        if abs(seg.centre - page.text_centre) > 2:
            wrong.append(
                f"centred at {mm(seg.centre)}, the text column's centre is {mm(page.text_centre)}"
            )
        if (why := _size(seg, 13, 14)) is not None:
            wrong.append(why)
        if seg.italic or seg.any_bold:
            wrong.append("is not upright regular")
        if wrong:
            yield Problem(page.number, "page-number", f"page number {'; '.join(wrong)}")


def check_draft_mark(doc: Doc) -> Iterator[Problem]:
    mark = doc.parts.draft_mark
    if doc.state == "issued" and mark is not None:
        yield Problem(1, "draft-mark", f"an issued document marked {mark.where()}")
    if doc.state != "draft":
        return
    if mark is None:
        yield Problem(1, "draft-mark", "a draft without “DỰ THẢO” on page 1")
        return
    page = doc.pages[0]
    first_agency = min((s.top for s in doc.parts.agency), default=page.top + 40)
    if mark.centre > page.text_centre or mark.top > first_agency + TOL:
        yield Problem(
            1, "draft-mark", f"“DỰ THẢO” is not at the top left, above the agency: {mark.where()}"
        )


CHECKS: dict[str, Callable[[Doc], Iterable[Problem]]] = {
    "margins": check_margins,
    "overlap": check_overlap,
    "crossing": check_crossing,
    "alone-signature": check_alone_signature,
    "alone-heading": check_alone_heading,
    "heading-last": check_heading_last,
    "dots": check_dots,
    "codes": check_codes,
    "date-form": check_date_form,
    "font-family": check_font_family,
    "required-parts": check_required_parts,
    "size-national": check_size_national,
    "national-centred": check_national_centred,
    "size-motto": check_size_motto,
    "rule-motto": check_rule_motto,
    "size-agency": check_size_agency,
    "rule-agency": check_rule_agency,
    "size-number": check_size_number,
    "number-state": check_number_state,
    "size-date": check_size_date,
    "size-title": check_size_title,
    "rule-summary": check_rule_summary,
    "size-body": check_size_body,
    "size-recipients": check_size_recipients,
    "size-signature": check_size_signature,
    "split-phrase": check_split_phrase,
    "page-number": check_page_number,
    "draft-mark": check_draft_mark,
}


def check_pdf(
    pdf: bytes,
    state: State,
    *,
    codes: set[str] | frozenset[str] = frozenset(),
    profile: Profile = "administrative",
    margins: PageLayout = DEFAULT_LAYOUT,  # the page layout the document was printed with
) -> list[Problem]:
    """Every problem of the document, page by page; [] for a document that passes."""
    pages = _read_pages(pdf, margins, profile)
    if not pages:
        return [Problem(0, "required-parts", "the PDF has no page")]
    doc = Doc(pages, state, profile, set(codes), _find_parts(pages))
    problems: list[Problem] = []
    for rule in RULES:
        if profile not in rule.profiles:
            continue
        if rule.name == "fonts-embedded":
            problems += check_fonts_embedded(doc, pdf)
        else:
            problems += CHECKS[rule.name](doc)
    return sorted(problems, key=lambda p: (p.page, p.rule))


def report(problems: list[Problem], limit: int = 40) -> str:
    """The problems one a line, the first ``limit`` of them, with a count per rule."""
    if not problems:
        return "no problem"
    counts: dict[str, int] = {}
    for p in problems:
        counts[p.rule] = counts.get(p.rule, 0) + 1
    head = ", ".join(f"{rule} ×{n}" for rule, n in sorted(counts.items()))
    lines = [f"{len(problems)} problems ({head})", *(f"  {p}" for p in problems[:limit])]
    if len(problems) > limit:
        lines.append(f"  … and {len(problems) - limit} more")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.documents.checker",
        description="Measure a PDF against Nghị định 30/2020/NĐ-CP, Phụ lục I.",
    )
    parser.add_argument("pdf")
    parser.add_argument("--state", choices=["draft", "issued", "blank"], required=True)
    parser.add_argument(
        "--codes", default="", help="internal codes that must not be printed, comma-separated"
    )
    parser.add_argument(
        "--profile",
        choices=["administrative", "attachment", "certificate"],
        default="administrative",
    )
    parser.add_argument("--rules", action="store_true", help="print the table of rules and exit")
    args = parser.parse_args(argv)
    if args.rules:
        for rule in RULES:
            print(f"{rule.name:16} {rule.clause}\n{'':16} {rule.checks}")
        return 0
    with open(args.pdf, "rb") as handle:
        data = handle.read()
    codes = {c.strip() for c in args.codes.split(",") if c.strip()}
    problems = check_pdf(data, args.state, codes=codes, profile=args.profile)
    print(report(problems, limit=10_000))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
