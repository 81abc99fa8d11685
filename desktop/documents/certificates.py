"""Giấy khen as PDF: one page per collective or person, on plain paper or on pre-printed blanks.

The design is data: ``forms/giay-khen.txt`` places every text of the certificate in a box (mm
from the top left corner of the sheet), with its font, size and alignment, and says which texts a
pre-printed blank (phôi) already carries. On plain paper every text is printed inside a decorative
border; on a blank only the texts that change (name, detail, achievement, decision, số vào sổ,
date, signer), moved by the printer's offsets the clerk measured once with the calibration page
(Cài đặt → Độ lệch khi in phôi). A text longer than its box is set smaller until it fits.

A4 landscape is the usual format of a Giấy khen (and of the phôi sold for it); the template may
say ``@page portrait``.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.documents import fonts
from desktop.documents.longtable import wrap_text
from desktop.documents.template import TemplateError, Text, parse_text
from desktop.paths import forms_path
from desktop.text import wording

if TYPE_CHECKING:
    from desktop.decisions.certificates import Certificate, DecisionCertificates
    from desktop.settings import WardSettings

TEMPLATE = "giay-khen.txt"
MODES = ("plain", "both", "blank")  # plain paper only · both · pre-printed blank only
FONT_WORDS = {
    "regular": fonts.REGULAR,
    "bold": fonts.BOLD,
    "italic": fonts.ITALIC,
    "bolditalic": fonts.BOLD_ITALIC,
}
EXTRA_WORDS = ("red", "underline")
RED = Color(0.70, 0.05, 0.05)
MIN_SIZE = 8.0
LEADING = 1.2
BLANK_VALUE = "……………"

CALIBRATION_TITLE = "TRANG THỬ CĂN LỀ IN PHÔI GIẤY KHEN"
CALIBRATION_HELP = (
    "In trang này lên một phôi, đo độ lệch, ghi vào Cài đặt → Độ lệch khi in phôi.",
    "Mỗi khung nét đứt là chỗ một phần chữ sẽ được in; so khung với dòng chấm trên phôi.",
    "Khung in lệch sang phải (xuống dưới) so với chỗ chấm bao nhiêu mm thì giảm độ lệch ngang "
    "(dọc) bấy nhiêu mm; lệch sang trái (lên trên) thì tăng lên bấy nhiêu mm.",
    "Thước ở mép trên và mép trái đo từ mép giấy (mm); dấu chữ thập cho biết tâm trang và các góc.",
)


# ----------------------------------------------------------------------------- the template


@dataclass(frozen=True)
class Element:
    """One box of the certificate and the text printed in it."""

    mode: str
    label: str
    x: float
    y: float
    width: float
    height: float
    font: str
    size: float
    align: str
    text: Text
    red: bool = False
    underline: bool = False
    where: str = ""

    def on_blank(self) -> bool:
        return self.mode in ("both", "blank")

    def on_plain(self) -> bool:
        return self.mode in ("both", "plain")


@dataclass(frozen=True)
class CertificateTemplate:
    name: str
    page_width: float  # mm
    page_height: float
    border: float | None  # inset of the decorative border, mm; None: no border
    elements: tuple[Element, ...]


def parse_certificate_template(source: str, name: str = TEMPLATE) -> CertificateTemplate:
    """Read the certificate's layout; a malformed line is refused naming the file and the line."""
    size = landscape(A4)
    border: float | None = None
    elements: list[Element] = []
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        where = f"Mẫu “{name}”, dòng {number}"
        if not line or line.startswith("##"):
            continue
        if line.startswith("@"):
            word, _, rest = line[1:].partition(" ")
            rest = rest.strip()
            if word == "page":
                if rest not in ("landscape", "portrait"):
                    raise TemplateError(f"{where}: “@page” phải là landscape hoặc portrait.")
                size = landscape(A4) if rest == "landscape" else A4
            elif word == "border":
                border = _number(rest, where, "khoảng cách viền")
            else:
                raise TemplateError(f"{where}: không hiểu chỉ dẫn “@{word}”.")
            continue
        elements.append(_element(line, where))
    if not elements:
        raise TemplateError(f"Mẫu “{name}” không có ô chữ nào.")
    width, height = size[0] / mm, size[1] / mm
    for element in elements:
        if (
            element.x < 0
            or element.y < 0
            or element.x + element.width > width + 0.01
            or (element.y + element.height > height + 0.01)
        ):
            raise TemplateError(
                f"{element.where}: ô “{element.label}” ra ngoài khổ giấy "
                f"({wording.decimal(width, 0)} × {wording.decimal(height, 0)} mm)."
            )
    return CertificateTemplate(name, width, height, border, tuple(elements))


def _number(text: str, where: str, what: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise TemplateError(f"{where}: {what} “{text}” phải là một số (mm).") from None
    if value < 0:
        raise TemplateError(f"{where}: {what} “{text}” không được âm.")
    return value


def _element(line: str, where: str) -> Element:
    cells = [cell.strip() for cell in line.split("|", 9)]
    if len(cells) != 10:
        raise TemplateError(
            f"{where}: ô chữ phải có dạng “chế độ | tên ô | x | y | rộng | cao | kiểu chữ | cỡ | "
            "căn lề | nội dung” (10 phần, cách nhau bởi “|”)."
        )
    mode, label, x, y, width, height, style, size, align, text = cells
    if mode not in MODES:
        raise TemplateError(f"{where}: chế độ “{mode}” phải là plain, both hoặc blank.")
    words = style.split()
    faces = [w for w in words if w in FONT_WORDS]
    unknown = [w for w in words if w not in FONT_WORDS and w not in EXTRA_WORDS]
    if unknown or len(faces) != 1:
        raise TemplateError(
            f"{where}: kiểu chữ “{style}” phải là một trong regular, bold, italic, bolditalic "
            "(có thể thêm red, underline)."
        )
    points = _number(size, where, "cỡ chữ")
    if not 6 <= points <= 72:
        raise TemplateError(f"{where}: cỡ chữ {size} phải từ 6 đến 72 pt.")
    if align not in ("left", "center", "right"):
        raise TemplateError(f"{where}: căn lề “{align}” phải là left, center hoặc right.")
    if not text:
        raise TemplateError(f"{where}: ô “{label}” không có nội dung.")
    box_width = _number(width, where, "chiều rộng")
    box_height = _number(height, where, "chiều cao")
    if box_width <= 0 or box_height <= 0:
        raise TemplateError(f"{where}: ô “{label}” phải có chiều rộng và chiều cao lớn hơn 0.")
    return Element(
        mode=mode,
        label=label or text,
        x=_number(x, where, "x"),
        y=_number(y, where, "y"),
        width=box_width,
        height=box_height,
        font=FONT_WORDS[faces[0]],
        size=points,
        align=align,
        text=parse_text(text, where, markup=False),
        red="red" in words,
        underline="underline" in words,
        where=where,
    )


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> CertificateTemplate:
    return parse_certificate_template(Path(path).read_text(encoding="utf-8"), Path(path).name)


def load_certificate_template(folder: Path | None = None) -> CertificateTemplate:
    """``forms/giay-khen.txt``, read again when the file changes on disk."""
    path = (folder or forms_path()) / TEMPLATE
    if not path.is_file():
        raise TemplateError(f"Không tìm thấy mẫu Giấy khen “{TEMPLATE}” trong thư mục forms/.")
    return _load_cached(str(path), path.stat().st_mtime)


# ----------------------------------------------------------------------------- the values


def ward_name(settings: WardSettings) -> str:
    """ "PHƯỜNG KIẾN AN" → "KIẾN AN": the name after "… ỦY BAN NHÂN DÂN PHƯỜNG"."""
    name = settings.ward_name.strip()
    first, _, rest = name.partition(" ")
    return rest.upper() if first.upper() == "PHƯỜNG" and rest else name.upper()


def certificate_scope(
    decision: DecisionCertificates, certificate: Certificate, settings: WardSettings
) -> dict[str, Any]:
    """What the template's {{ … }} read for one certificate."""
    signed = decision.signed_on
    return {
        "ward": {"name": ward_name(settings), "place": settings.place_name},
        "nominee": {
            "name": certificate.name,
            "detail": certificate.detail,
            "kind": certificate.kind.label,
            "award": certificate.award,
        },
        "campaign": {
            "name": decision.campaign,
            "year": decision.campaign_year,
            "period": decision.period,
        },
        "decision": {
            "number": decision.number,
            "date": wording.short_date(signed),
            "long_date": wording.long_date(signed),
            "issuer": decision.issuer,
        },
        "entry": {"text": certificate.register_text or BLANK_VALUE, "number": certificate.number},
        "signed": {
            "day": wording.day_number(signed.day),
            "month": wording.month_number(signed.month),
            "year": str(signed.year),
            "long": wording.long_date(signed),
        },
        "sign": {
            "authority": settings.chairman_authority,
            "title": settings.chairman_title,
            "name": settings.chairman_name,
        },
    }


# ----------------------------------------------------------------------------- drawing


@dataclass(frozen=True)
class _Fitted:
    lines: list[str]
    size: float


def fit_text(text: str, font: str, size: float, width_pt: float, height_pt: float) -> _Fitted:
    """Wrap ``text`` in the box, setting it smaller (down to 8 pt) until its lines fit."""
    while True:
        lines = wrap_text(text, font, size, width_pt)
        if len(lines) * size * LEADING <= height_pt or size <= MIN_SIZE:
            return _Fitted(lines, size)
        size = max(MIN_SIZE, size - 0.5)


def _draw_element(
    canvas: Canvas, element: Element, text: str, page_height: float, dx: float, dy: float
) -> None:
    left = (element.x + dx) * mm
    top = page_height - (element.y + dy) * mm
    width, height = element.width * mm, element.height * mm
    fitted = fit_text(text, element.font, element.size, width, height)
    leading = fitted.size * LEADING
    block_top = top - (height - len(fitted.lines) * leading) / 2
    canvas.setFont(element.font, fitted.size)
    canvas.setFillColor(RED if element.red else black)
    canvas.setStrokeColor(RED if element.red else black)
    for index, line in enumerate(fitted.lines):
        # The middle of the small letters sits on the middle of the line's leading.
        baseline = block_top - index * leading - leading / 2 - fitted.size * 0.3
        line_width = stringWidth(line, element.font, fitted.size)
        if element.align == "center":
            start = left + (width - line_width) / 2
        elif element.align == "right":
            start = left + width - line_width
        else:
            start = left
        canvas.drawString(start, baseline, line)
        if element.underline:
            canvas.setLineWidth(0.7)
            canvas.line(start, baseline - 4, start + line_width, baseline - 4)
    canvas.setFillColor(black)
    canvas.setStrokeColor(black)


def _draw_border(canvas: Canvas, template: CertificateTemplate, inset: float) -> None:
    """A double frame with small diamonds at the corners and midpoints: the plain paper's design."""
    width, height = template.page_width * mm, template.page_height * mm
    outer, gap = inset * mm, 3 * mm
    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setFillColor(RED)
    canvas.setLineWidth(2.2)
    canvas.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    canvas.setLineWidth(0.6)
    inner = outer + gap
    canvas.rect(inner, inner, width - 2 * inner, height - 2 * inner)
    middle = outer + gap / 2
    points = [
        (middle, middle),
        (width - middle, middle),
        (middle, height - middle),
        (width - middle, height - middle),
        (width / 2, middle),
        (width / 2, height - middle),
        (middle, height / 2),
        (width - middle, height / 2),
    ]
    for x, y in points:
        path = canvas.beginPath()
        r = gap * 0.9
        path.moveTo(x, y + r)
        path.lineTo(x + r, y)
        path.lineTo(x, y - r)
        path.lineTo(x - r, y)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _new_canvas(buffer: io.BytesIO, template: CertificateTemplate, title: str) -> Canvas:
    fonts.register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=(template.page_width * mm, template.page_height * mm),
        invariant=1,
        pageCompression=1,
        # reportlab opens every page in its initial font: never the base-14 Helvetica, which a
        # PDF does not embed (Nghị định 30: the fonts are embedded).
        initialFontName=fonts.REGULAR,
    )
    canvas.setTitle(title)
    canvas.setCreator("ThiĐua")
    return canvas


def render_certificates(
    pages: Sequence[Mapping[str, Any]],
    settings: WardSettings,
    *,
    blank_paper: bool = False,
    template: CertificateTemplate | None = None,
    title: str = "Giấy khen",
) -> bytes:
    """One page per scope of ``pages`` (see :func:`certificate_scope`); same input, same bytes."""
    template = template or load_certificate_template()
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, template, title)
    canvas.setAuthor(f"{settings.agency_name} {settings.ward_name}".strip())
    dx, dy = (
        (settings.certificate_offset_x_mm, settings.certificate_offset_y_mm)
        if blank_paper
        else (0, 0)
    )
    page_height = template.page_height * mm
    for scope in pages:
        if not blank_paper and template.border is not None:
            _draw_border(canvas, template, template.border)
        for element in template.elements:
            if not (element.on_blank() if blank_paper else element.on_plain()):
                continue
            text = element.text.render(dict(scope), element.where, markup=False).strip()
            if text:
                _draw_element(canvas, element, text, page_height, dx, dy)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def certificates_pdf(
    decision: DecisionCertificates,
    settings: WardSettings,
    *,
    blank_paper: bool = False,
    template: CertificateTemplate | None = None,
) -> bytes:
    """The Giấy khen of every certificate of the decision, in the register's order."""
    pages = [certificate_scope(decision, c, settings) for c in decision.certificates]
    return render_certificates(
        pages,
        settings,
        blank_paper=blank_paper,
        template=template,
        title=f"Giấy khen theo Quyết định số {decision.number}",
    )


# ----------------------------------------------------------------------------- calibration


def _ruler(canvas: Canvas, template: CertificateTemplate) -> None:
    """Millimetre ticks along the top and the left edge, numbered every centimetre from the edge."""
    width, height = template.page_width, template.page_height
    canvas.setLineWidth(0.3)
    canvas.setFont(fonts.REGULAR, 6)
    for position in range(0, int(width) + 1):
        tick = 6 if position % 10 == 0 else 4 if position % 5 == 0 else 2
        x = position * mm
        canvas.line(x, height * mm, x, (height - tick) * mm)
        if position % 10 == 0 and 0 < position < width - 3:
            canvas.drawCentredString(x, (height - 9) * mm, str(position))
    for position in range(0, int(height) + 1):
        tick = 6 if position % 10 == 0 else 4 if position % 5 == 0 else 2
        y = (height - position) * mm
        canvas.line(0, y, tick * mm, y)
        if position % 10 == 0 and 0 < position < height - 3:
            canvas.drawString(7 * mm, y - 2, str(position))


def _crosshair(canvas: Canvas, x: float, y: float) -> None:
    arm = 6 * mm
    canvas.setLineWidth(0.4)
    canvas.line(x - arm, y, x + arm, y)
    canvas.line(x, y - arm, x, y + arm)
    canvas.circle(x, y, 2 * mm)


def calibration_pdf(settings: WardSettings, template: CertificateTemplate | None = None) -> bytes:
    """The test page: rulers, crosshairs and the frame of every text printed on a blank, at the
    position (offsets applied) a print on blanks would put it, with the instruction."""
    template = template or load_certificate_template()
    buffer = io.BytesIO()
    canvas = _new_canvas(buffer, template, "Trang thử căn lề in phôi Giấy khen")
    dx, dy = settings.certificate_offset_x_mm, settings.certificate_offset_y_mm
    width, height = template.page_width * mm, template.page_height * mm
    _ruler(canvas, template)
    page_w, page_h = template.page_width, template.page_height
    for x_mm, y_mm in (
        (page_w / 2, page_h / 2),
        (20, 20),
        (page_w - 20, 20),
        (20, page_h - 11),
        (page_w - 20, page_h - 11),
    ):
        _crosshair(canvas, (x_mm + dx) * mm, height - (y_mm + dy) * mm)
    canvas.setFont(fonts.BOLD, 14)
    canvas.drawCentredString(width / 2, height - 22 * mm, CALIBRATION_TITLE)
    canvas.setFont(fonts.REGULAR, 11)
    y = height - 30 * mm
    for line in CALIBRATION_HELP:
        for piece in wrap_text(line, fonts.REGULAR, 11, width - 70 * mm):
            canvas.drawCentredString(width / 2, y, piece)
            y -= 13
    canvas.setFont(fonts.BOLD, 11)
    canvas.drawCentredString(
        width / 2,
        y - 4,
        f"Độ lệch đang dùng: ngang {dx} mm, dọc {dy} mm.",
    )
    canvas.setDash(3, 2)
    canvas.setLineWidth(0.5)
    for element in template.elements:
        if not element.on_blank():
            continue
        left = (element.x + dx) * mm
        top = height - (element.y + dy) * mm
        canvas.rect(left, top - element.height * mm, element.width * mm, element.height * mm)
        canvas.setFont(fonts.ITALIC, 7)
        canvas.drawString(left + 1.5, top - 8, element.label)
    canvas.setDash()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
