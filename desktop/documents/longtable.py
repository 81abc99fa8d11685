"""A table laid out page by page: the rows that fit, the header repeated on every page.

One reportlab ``Table`` of 5,000 rows takes seconds because it measures and splits the whole table
again at each page. Here every row is measured once (greedy word wrap with the C-accelerated
``stringWidth``), heights are summed once, and a page break is a binary search in those sums.
Cells are plain text drawn straight on the canvas.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable

from desktop.documents import fonts

PADDING_X = 3.0
PADDING_Y = 2.5


@lru_cache(maxsize=65_536)
def text_width(text: str, font: str, size: float) -> float:
    """Cell texts repeat a lot (kinds of unit, percentages): measure each once per run."""
    return stringWidth(text, font, size)


PLACEHOLDER_CHARS = frozenset("….")


def wrap_text(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word longer than the cell is cut by characters.

    The dots of a blank form's cell are a place to write, not words: as many as fit on one line.
    """
    if text_width(text, font, size) <= width:
        return [text]
    if text and set(text) <= PLACEHOLDER_CHARS:
        dot = stringWidth(text[0], font, size)
        return [text[0] * max(int(width / dot), 1)]
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


@dataclass
class _Measured:
    widths: list[float]
    header_lines: list[list[str]]
    header_height: float
    header_sizes: list[float]  # per column, shrunk if need be so that no word of a heading is cut
    row_lines: list[list[list[str]]]
    bottoms: list[float]  # bottoms[i] = height of rows 0..i together


MIN_HEADER_SIZE = 7.0


def _fitting_sizes(headers: list[str], inner: list[float], size: float) -> list[float]:
    """Per column, the largest size up to ``size`` at which every word of its heading fits.

    Narrow columns headed by codes (HOCSINH, TRUONGKNS) would otherwise be cut mid-word.
    """
    sizes = []
    for heading, width in zip(headers, inner, strict=True):
        fitted = size
        for word in heading.split():
            needed = stringWidth(word, fonts.BOLD, fitted)
            if needed > width > 0:
                fitted = max(MIN_HEADER_SIZE, fitted * width / needed)
        sizes.append(fitted)
    return sizes


class LongTable(Flowable):
    """Rows ``start``..``end`` of a measured table; ``split`` hands the rest to the next page."""

    def __init__(
        self,
        headers: list[str],
        rows: list[tuple[str, ...]],
        weights: list[float],
        aligns: list[str],
        *,
        size: float = 12.0,
        header_size: float | None = None,
        _measured: _Measured | None = None,
        _start: int = 0,
        _end: int | None = None,
    ) -> None:
        super().__init__()
        self.headers = headers
        self.rows = rows
        self.weights = weights
        self.aligns = aligns
        self.size = size
        self.header_size = header_size or size
        self.leading = size * 1.2
        self._measured = _measured
        self._start = _start
        self._end = len(rows) if _end is None else _end

    # -- measuring -------------------------------------------------------------------------
    def _measure(self, avail_width: float) -> _Measured:
        if self._measured is not None and abs(sum(self._measured.widths) - avail_width) < 0.01:
            return self._measured
        total = sum(self.weights)
        widths = [avail_width * w / total for w in self.weights]
        inner = [w - 2 * PADDING_X for w in widths]
        header_sizes = _fitting_sizes(self.headers, inner, self.header_size)
        header_lines = [
            wrap_text(h, fonts.BOLD, size, iw)
            for h, size, iw in zip(self.headers, header_sizes, inner, strict=True)
        ]
        header_height = (
            max(len(c) * size for c, size in zip(header_lines, header_sizes, strict=True)) * 1.2
            + 2 * PADDING_Y
        )
        row_lines = []
        heights = []
        for row in self.rows:
            cells = [
                wrap_text(text, fonts.REGULAR, self.size, iw)
                for text, iw in zip(row, inner, strict=True)
            ]
            row_lines.append(cells)
            heights.append(max(len(c) for c in cells) * self.leading + 2 * PADDING_Y)
        self._measured = _Measured(
            widths, header_lines, header_height, header_sizes, row_lines, list(accumulate(heights))
        )
        return self._measured

    def _height_of(self, m: _Measured, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        before = m.bottoms[start - 1] if start > 0 else 0.0
        return m.bottoms[end - 1] - before

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        m = self._measure(availWidth)
        self.width = availWidth
        self.height = m.header_height + self._height_of(m, self._start, self._end)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        m = self._measure(availWidth)
        room = availHeight - m.header_height
        before = m.bottoms[self._start - 1] if self._start > 0 else 0.0
        fit_end = bisect_right(m.bottoms, before + room, lo=self._start, hi=self._end)
        if fit_end <= self._start:
            return []  # not even one row fits: the frame moves the table to the next page
        return [self._piece(m, self._start, fit_end), self._piece(m, fit_end, self._end)]

    def split_leaving(self, availWidth: float, availHeight: float, rows: int) -> list[Flowable]:
        """Like :meth:`split`, but at least ``rows`` rows (if the table has more) are left over
        for the next page: the last rows that go there with the signature block."""
        m = self._measure(availWidth)
        room = availHeight - m.header_height
        before = m.bottoms[self._start - 1] if self._start > 0 else 0.0
        fit_end = bisect_right(m.bottoms, before + room, lo=self._start, hi=self._end)
        fit_end = min(fit_end, self._end - rows)
        if fit_end <= self._start:
            return []
        return [self._piece(m, self._start, fit_end), self._piece(m, fit_end, self._end)]

    def _piece(self, m: _Measured, start: int, end: int) -> LongTable:
        return LongTable(
            self.headers,
            self.rows,
            self.weights,
            self.aligns,
            size=self.size,
            header_size=self.header_size,
            _measured=m,
            _start=start,
            _end=end,
        )

    # -- drawing ---------------------------------------------------------------------------
    def draw(self) -> None:
        m = self._measured
        assert m is not None
        canvas = self.canv
        xs = [0.0, *accumulate(m.widths)]
        body_top = self.height - m.header_height
        header_aligns = ["center"] * len(m.widths)
        out = canvas.beginText()
        self._draw_cells(
            out, m.header_lines, xs, self.height, header_aligns, fonts.BOLD, m.header_sizes
        )
        # Rule positions: the top, under the header, then under each row of this piece.
        before = m.bottoms[self._start - 1] if self._start > 0 else 0.0
        rules = [self.height, body_top]
        for index in range(self._start, self._end):
            self._draw_cells(
                out, m.row_lines[index], xs, rules[-1], self.aligns, fonts.REGULAR, self.size
            )
            rules.append(body_top - (m.bottoms[index] - before))
        canvas.drawText(out)
        canvas.setLineWidth(0.5)
        path = canvas.beginPath()
        for y in rules:
            path.moveTo(0, y)
            path.lineTo(xs[-1], y)
        for x in xs:
            path.moveTo(x, self.height)
            path.lineTo(x, rules[-1])
        canvas.drawPath(path, stroke=1, fill=0)

    def _draw_cells(
        self,
        out: PDFTextObject,
        cells: list[list[str]],
        xs: list[float],
        top: float,
        aligns: list[str],
        font: str,
        sizes: float | list[float],
    ) -> None:
        # One text object per page, moved from cell to cell: far cheaper than a drawString each.
        per_column = sizes if isinstance(sizes, list) else [sizes] * len(cells)
        current = None
        for column, lines in enumerate(cells):
            size = per_column[column]
            if size != current:
                out.setFont(font, size)
                current = size
            leading = size * 1.2
            left, right = xs[column] + PADDING_X, xs[column + 1] - PADDING_X
            align = aligns[column]
            baseline = top - PADDING_Y - size * 0.95
            for text in lines:
                if text:
                    if align == "left":
                        x = left
                    else:
                        width = text_width(text, font, size)
                        x = (left + right - width) / 2 if align == "center" else right - width
                    out.setTextOrigin(x, baseline)
                    _show(out, text)
                baseline -= leading


def _show(out: PDFTextObject, text: str) -> None:
    """``out.textOut(text)`` without measuring the text again, and with the PDF operators of a
    string already written in this font kept: an annex repeats "100%", "1/1", "Doanh nghiệp"
    thousands of times, and encoding each through the font's subsets is most of its cost.

    The operators name the glyphs by the codes this document's font subsets gave them, so they
    are kept with the document itself (never shared with another PDF), with the subset the text
    object was in before and after (the operators switch subsets only when it changes)."""
    doc = out._canvas._doc
    shown: dict[tuple[object, ...], tuple[str, object]] = doc.__dict__.setdefault(
        "_thidua_shown", {}
    )
    key = (out._fontname, out._fontsize, out._leading, out._curSubset, text)
    hit = shown.get(key)
    if hit is None:
        code = out._formatText(text)  # moves out._curSubset to the subset the text ends in
        hit = shown[key] = (code, out._curSubset)
    out._code.append(hit[0])
    out._curSubset = hit[1]
