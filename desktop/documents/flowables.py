"""The pieces of a page that reportlab does not have as the decree wants them.

* :class:`KeepWithFirst`: a heading moves on with the *first lines* of what it introduces, not
  with all of it (reportlab's ``KeepTogether`` moves a heading and a whole long paragraph or table
  to the next page, leaving a large empty foot).
* :class:`KeepWithTail`: the signature block never stands alone: it takes the last lines of the
  body (at least two) and the Nơi nhận with it.
* :class:`Rule`: the short rule under the trích yếu, 1/3–1/2 of its widest line.
* :class:`DottedLines`: lines of dots to fill by hand, exactly as wide as the line.
* :class:`DraftMark`: "DỰ THẢO" in a box at the top left of a draft's first page.
* :func:`to_block`: "Kính gửi:" and its recipients, as ô 9a of Phụ lục I lays them out.
* :class:`JoinedParagraph`: a paragraph whose joined phrases (no-break spaces, see
  :mod:`desktop.text.joins`) are let go again where one would not fit on a line.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable, _FrameBreak

from desktop.documents import fonts
from desktop.documents.longtable import LongTable
from desktop.text.joins import NBSP

MIN_LINES_WITH_SIGNATURE = 2
RULE_SHARE = 0.4  # of the line above: inside the 1/3–1/2 of Phụ lục I


class JoinedParagraph(Paragraph):
    """A paragraph with no-break spaces; a joined run wider than the line is released.

    reportlab cuts a "word" wider than the line by characters; a phrase joined by
    :func:`~desktop.text.joins.keep_together` ("BAN THI ĐUA - KHEN THƯỞNG" in a narrow column)
    may be that wide, and is then better broken at its spaces.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if NBSP in self.text:
            room = availWidth - self.style.leftIndent - self.style.rightIndent
            room -= max(self.style.firstLineIndent, 0)
            released = _release_wide_runs(self.text, room, self.style)
            if released != self.text:
                self.__init__(released, self.style)  # type: ignore[misc]
        return super().wrap(availWidth, availHeight)


def _release_wide_runs(text: str, room: float, style: ParagraphStyle) -> str:
    out = []
    for word in text.split(" "):
        visible = _strip_tags(word)
        # Measured in bold: a run inside <b> must fit too.
        if NBSP in word and stringWidth(visible, fonts.BOLD, style.fontSize) > room:
            word = word.replace(NBSP, " ")
        out.append(word)
    return " ".join(out)


def _strip_tags(markup: str) -> str:
    out, inside = [], False
    for ch in markup:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
        elif not inside:
            out.append(ch)
    return "".join(out)


class KeepWithFirst(KeepTogether):
    """What reportlab groups for ``keepWithNext``: headings and the flowable they introduce.

    When the group does not fit where it stands, the headings stay here with the first part of
    the last flowable if that part can be split off (two lines of a paragraph, the first rows
    of a table); only otherwise does the whole group move to the next page.
    """

    def split(self, aW: float, aH: float) -> list[Flowable]:
        whole = super().split(aW, aH)
        if not whole or not isinstance(whole[0], _FrameBreak) or len(self._content) < 2:
            return whole
        heads, last = self._content[:-1], self._content[-1]
        used = _stacked_height(heads, aW, self.canv) + last.getSpaceBefore()
        if used >= aH:
            return whole
        parts = last.splitOn(self.canv, aW, aH - used)
        # A part that is a page break (what a KeepTogether inside returns when it must move on)
        # or that does not fit after all would leave the headings alone at the foot.
        if len(parts) < 2 or isinstance(parts[0], ActionFlowable):
            return whole
        if parts[0].wrapOn(self.canv, aW, aH - used)[1] > aH - used + 0.01:
            return whole
        return [*heads, *parts]


class KeepWithTail(KeepTogether):
    """The signature block with the last flowable of the body before it (and the headings
    just above that, which reportlab would not keep with a container like this one).

    Where the whole does not fit, the body's last paragraph is split so that its last lines (at
    least :data:`MIN_LINES_WITH_SIGNATURE`) go to the next page with the block; a table leaves its
    last rows, lines of dots their last lines. A tail that cannot be split moves with the block.
    """

    def __init__(self, flowables: list[Flowable], heads: int = 0) -> None:
        super().__init__(flowables)
        self.heads = heads

    def split(self, aW: float, aH: float) -> list[Flowable]:
        whole = super().split(aW, aH)
        if not whole or not isinstance(whole[0], _FrameBreak) or len(self._content) < 2:
            return whole
        heads = self._content[: self.heads]
        tail, block = self._content[self.heads], self._content[self.heads + 1 :]
        used = _stacked_height(heads, aW, self.canv) + (tail.getSpaceBefore() if heads else 0)
        parts = _split_leaving(tail, aW, aH - used)
        if parts is None:
            return whole
        first, rest = parts
        return [*heads, first, KeepWithTail([rest, *block])]


def _stacked_height(flowables: list[Flowable], aW: float, canv: object) -> float:
    """The height the frame gives these flowables one under another, with each one's space
    after it and (but the first's, which the frame has already taken off) the space before it."""
    used = 0.0
    for index, flowable in enumerate(flowables):
        _, height = flowable.wrapOn(canv, aW, 0x7FFFFFFF)
        used += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return used


def _split_leaving(tail: Flowable, aW: float, aH: float) -> tuple[Flowable, Flowable] | None:
    """Split ``tail`` within ``aH`` so that the part left over is not too small to carry."""
    if aH <= 0:
        return None
    if isinstance(tail, Paragraph):
        tail.wrap(aW, aH)
        lines = len(tail.blPara.lines)
        leading = tail.style.leading
        room = aH - tail.getSpaceBefore()
        keep = min(int(room / leading), lines - MIN_LINES_WITH_SIGNATURE)
        if keep < 2:  # no orphan line at the foot either
            return None
        parts = tail.split(aW, keep * leading + 0.01)
        return (parts[0], parts[1]) if len(parts) == 2 else None
    if isinstance(tail, LongTable):
        parts = tail.split_leaving(aW, aH, MIN_LINES_WITH_SIGNATURE)
        return (parts[0], parts[1]) if len(parts) == 2 else None
    if isinstance(tail, DottedLines):
        keep = min(int(aH / tail.line_height), tail.count - MIN_LINES_WITH_SIGNATURE)
        if keep < 1:
            return None
        return DottedLines(keep, tail.size), DottedLines(tail.count - keep, tail.size)
    return None


class Rule(Flowable):
    """A short solid rule centred under the trích yếu.

    Phụ lục I asks 1/3 to 1/2 of "the line": 0.4 of the widest line of the trích yếu, kept
    within 1/3–1/2 of the line just above it (a short last line of two takes a shorter rule).
    """

    def __init__(self, lines: list[Paragraph], space_before: float = 2.0) -> None:
        super().__init__()
        self.lines = lines
        self.space_before = space_before
        self.length = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        widths: list[float] = []
        for paragraph in self.lines:
            paragraph.wrap(availWidth, 0x7FFFFFFF)
            widths += paragraph.getActualLineWidths0()
        widest, last = (max(widths), widths[-1]) if widths else (0.0, 0.0)
        self.length = min(max(widest * RULE_SHARE, last / 3), last / 2)
        self.height = self.space_before + 8
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        y = self.height - self.space_before
        self.canv.line((self.width - self.length) / 2, y, (self.width + self.length) / 2, y)


class DottedLines(Flowable):
    """Lines of dots where a unit writes by hand on a blank form, ending at the right margin."""

    def __init__(self, count: int, size: float) -> None:
        super().__init__()
        self.count = count
        self.size = size

    @property
    def line_height(self) -> float:
        return self.size * 1.6

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.count * self.line_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        keep = int(availHeight / self.line_height)
        if keep < 1 or keep >= self.count:
            return []
        return [DottedLines(keep, self.size), DottedLines(self.count - keep, self.size)]

    def draw(self) -> None:
        canvas = self.canv
        canvas.setFont(fonts.REGULAR, self.size)
        dot = stringWidth(".", fonts.REGULAR, self.size)
        count = int(self.width / dot)
        # The dots spread over the whole line: the last one ends at the margin, none beyond.
        spacing = (self.width - count * dot) / max(count - 1, 1)
        y = self.height - self.size * 1.2
        for _ in range(self.count):
            text = canvas.beginText(0, y)
            text.setFont(fonts.REGULAR, self.size)
            text.setCharSpace(spacing)
            text.textOut("." * count)
            canvas.drawText(text)
            y -= self.line_height


class DraftMark(Flowable):
    """ "DỰ THẢO", bold in a box, at the top left of a draft's first page (above the agency)."""

    TEXT = "DỰ THẢO"
    SIZE = 13.0
    PAD = 3.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.SIZE + 2 * self.PAD + 6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text_width = stringWidth(self.TEXT, fonts.BOLD, self.SIZE)
        box_height = self.SIZE + 2 * self.PAD
        top = self.height
        canvas.setLineWidth(0.8)
        canvas.rect(0, top - box_height, text_width + 4 * self.PAD, box_height, stroke=1, fill=0)
        canvas.setFont(fonts.BOLD, self.SIZE)
        canvas.drawString(2 * self.PAD, top - self.PAD - self.SIZE * 0.8, self.TEXT)


TO_LABEL = "Kính gửi"


def to_block(recipients: list[str], style: ParagraphStyle, width: float) -> Table:
    """ "Kính gửi" as Phụ lục I (ô 9a) sets it: regular type; one recipient on the same line
    ("Kính gửi: Chủ tịch …."); two or more each on a line of its own, "- " at the start under the
    colon, ";" at the end and "." after the last. The block is centred as a unit and a recipient
    that wraps continues under its own first word.
    """
    names = [r.strip().rstrip(";.,").rstrip() for r in recipients if r.strip()]
    label = stringWidth(f"{TO_LABEL}:", style.fontName, style.fontSize)
    space = stringWidth(" ", style.fontName, style.fontSize)
    if len(names) == 1:
        first = label + space
        cells = [JoinedParagraph(f"{names[0]}.", style)]
        rows: list[list[object]] = [[Paragraph(f"{TO_LABEL}:", style), cells[0]]]
        commands: list[tuple[object, ...]] = []
    else:
        # The dashes stand under the colon: the first column ends where the colon begins.
        first = stringWidth(TO_LABEL, style.fontName, style.fontSize)
        dash = stringWidth("- ", style.fontName, style.fontSize)
        item = ParagraphStyle("to-item", parent=style, leftIndent=dash, firstLineIndent=-dash)
        ends = [";"] * (len(names) - 1) + ["."]
        cells = [JoinedParagraph(f"- {n}{end}", item) for n, end in zip(names, ends, strict=True)]
        rows = [[Paragraph(f"{TO_LABEL}:", style), ""]]
        rows += [["", cell] for cell in cells]
        commands = [("SPAN", (0, 0), (1, 0))]
    room = width - first
    natural = max(_natural_width(cell, room) for cell in cells) + 1
    second = min(max(natural, label), room)
    table = Table(rows, colWidths=[first, second], hAlign="CENTER")
    table.setStyle(bare_table_style(*commands))
    return table


def bare_table_style(*commands: tuple[object, ...]) -> TableStyle:
    """A table that only places blocks side by side (Kính gửi, the signatures): no padding, top
    aligned, and the serif set on every cell — reportlab sets each cell's font even when it holds
    paragraphs, and its default is Helvetica, which is never embedded."""
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            *commands,
        ]
    )


def _natural_width(paragraph: Paragraph, room: float) -> float:
    """The width of the paragraph's longest line when it may take up to ``room``."""
    paragraph.wrap(room, 0x7FFFFFFF)
    widths = paragraph.getActualLineWidths0()
    return max(widths) if widths else 0.0
