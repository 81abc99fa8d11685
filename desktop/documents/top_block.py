"""The two columns above the title (Nghị định 30/2020, Phụ lục I, ô 1–4).

Left: the superior agency (regular capitals) and the issuer (bold capitals), 12–13 pt, a short
rule under the last line (0.4 of it, inside the 1/3–1/2 the decree asks), then "Số: …". Right:
the quốc hiệu (bold capitals, 12 pt), the tiêu ngữ (bold, 13 pt) with a rule exactly as long, then
the place and date (italic, 14 pt). A document without an agency (an individual's Báo cáo thành
tích) has no left column: the quốc hiệu, tiêu ngữ and date are centred on the page.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from desktop.documents import fonts

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
HEADER_SIZE = 13.0
MIN_AGENCY_SIZE = 12.0  # Phụ lục I: 12–13; a longer name wraps onto a second line instead
NATIONAL_SIZE = 12.0
MOTTO_SIZE = 13.0
NUMBER_SIZE = 13.0
DATE_SIZE = 14.0
LEADING = 1.15
RULE_SHARE = 0.4  # the agency's rule, of the line above it
COLUMN_PADDING = 6.0  # between the agency's column and the quốc hiệu's


def fit_agency_line(text: str, font: str, room: float) -> list[tuple[str, float]]:
    """One agency line as printed lines with their sizes: 13 pt if it fits, else 12 pt, else
    wrapped at 13 pt onto as few lines as it needs, the lines as even as they can be.

    Only plain spaces break: the no-break spaces of a joined name ("TRẦN THÀNH NGỌ" may not be
    joined, "PHƯỜNG KIẾN AN" is) hold.
    """
    for size in (HEADER_SIZE, MIN_AGENCY_SIZE):
        if stringWidth(text, font, size) <= room:
            return [(text, size)]
    words = text.split(" ")
    best: list[str] | None = None
    for cut in range(1, len(words)):
        pair = [" ".join(words[:cut]), " ".join(words[cut:])]
        widths = [stringWidth(p, font, HEADER_SIZE) for p in pair]
        if max(widths) <= room and (
            best is None or max(widths) < max(stringWidth(b, font, HEADER_SIZE) for b in best)
        ):
            best = pair
    if best is None:
        best = _greedy(words, font, room)
    return [(line, HEADER_SIZE) for line in best]


def _greedy(words: list[str], font: str, room: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, HEADER_SIZE) > room:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


class TopBlock(Flowable):
    """The agency and number at left, quốc hiệu, tiêu ngữ and date at right."""

    def __init__(
        self, left: list[tuple[str, str]], number: str | None, date_line: str | None
    ) -> None:
        super().__init__()
        self.left = left  # (text, font)
        self.number = number
        self.date_line = date_line
        self.gap = 16.0
        self.printed: list[tuple[str, str, float]] = []

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        if self.left:
            national = stringWidth(NATIONAL_NAME, fonts.BOLD, NATIONAL_SIZE)
            self.right_width = max(availWidth * 0.55, national + 8)
            self.left_width = availWidth - self.right_width
        else:
            self.right_width, self.left_width = availWidth, 0.0
        room = self.left_width - COLUMN_PADDING
        self.printed = [
            (line, font, size)
            for text, font in self.left
            for line, size in fit_agency_line(text, font, room)
        ]
        self.lines_height = max(len(self.printed), 2) * HEADER_SIZE * LEADING
        self.height = (
            self.lines_height
            + self.gap
            + (HEADER_SIZE * 1.3 if self.number or self.date_line else 0)
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        leading = HEADER_SIZE * LEADING
        left_centre = self.left_width / 2
        right_centre = self.left_width + self.right_width / 2
        canvas.setLineWidth(0.6)
        y = self.height - HEADER_SIZE
        for text, font, size in self.printed:
            canvas.setFont(font, size)
            canvas.drawCentredString(left_centre, y, text)
            y -= leading
        if self.printed:
            text, font, size = self.printed[-1]
            rule = stringWidth(text, font, size) * RULE_SHARE
            last_y = y + leading
            canvas.line(left_centre - rule / 2, last_y - 5, left_centre + rule / 2, last_y - 5)
        y = self.height - HEADER_SIZE
        canvas.setFont(fonts.BOLD, NATIONAL_SIZE)
        canvas.drawCentredString(right_centre, y, NATIONAL_NAME)
        y -= leading
        canvas.setFont(fonts.BOLD, MOTTO_SIZE)
        canvas.drawCentredString(right_centre, y, MOTTO)
        motto = stringWidth(MOTTO, fonts.BOLD, MOTTO_SIZE)
        canvas.line(right_centre - motto / 2, y - 5, right_centre + motto / 2, y - 5)
        baseline = self.height - self.lines_height - self.gap - HEADER_SIZE * 0.3
        if self.number:
            canvas.setFont(fonts.REGULAR, NUMBER_SIZE)
            canvas.drawCentredString(left_centre, baseline, self.number)
        if self.date_line:
            canvas.setFont(fonts.ITALIC, DATE_SIZE)
            canvas.drawCentredString(right_centre, baseline, self.date_line)
