"""The document checker fails each rule on a deliberately broken page, and passes a good one.

The pages are drawn here on a reportlab canvas, as the renderer draws them (same fonts, same top
block, same signature block), so that each test breaks one thing and nothing else; a few are made
by the renderer itself from hand-written lines.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.documents import fonts
from desktop.documents.layout import PageLayout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.template import Line
from desktop.settings import WardSettings
from tests.documents.checker import CHECKS, RULES, Problem, check_pdf, main

W, H = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, W - 15 * mm, 20 * mm, H - 20 * mm
TEXT_W = RIGHT - LEFT
LEFT_CENTRE = LEFT + TEXT_W * 0.45 / 2
RIGHT_CENTRE = LEFT + TEXT_W * 0.45 + TEXT_W * 0.55 / 2
CENTRE = (LEFT + RIGHT) / 2
BODY = [
    "Thực hiện Kế hoạch số 01/KH-UBND ngày 05 tháng 7 năm 2025 của phường,",
    "Ủy ban nhân dân phường báo cáo kết quả thực hiện năm 2025 như sau: các",
    "đơn vị đã báo cáo đủ số liệu, các chỉ tiêu của Kế hoạch đều được đánh giá.",
]


@dataclass
class Sheet:
    """A one- or two-page administrative document, each part a field a test may break."""

    draft_mark: bool = False
    agency: tuple[tuple[str, float], ...] = (("ỦY BAN NHÂN DÂN", 13), ("PHƯỜNG KIẾN AN", 13))
    agency_rule: float = 0.4  # of the line above it
    national_size: float = 12
    motto_rule: float = 1.0  # of the tiêu ngữ
    number: str = "Số: 12/BC-UBND"
    date_line: str = "Kiến An, ngày 05 tháng 7 năm 2025"
    title: str = "BÁO CÁO"
    summary: str = "Kết quả thực hiện Phong trào thi đua năm 2025"
    summary_rule: float = 0.4
    body: list[str] = field(default_factory=lambda: list(BODY))
    heading: str = "I. KẾT QUẢ THỰC HIỆN"
    # Page 2 holds these body lines before the signature; None: one page only.
    page2_body: list[str] | None = None
    heading_last_on_page1: bool = False
    page1_number: bool = False
    page2_number: bool = True
    recipients_size: float = 11
    signature_titles: tuple[str, ...] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    extra: list[tuple[int, str, str, float, float, float]] = field(default_factory=list)
    # (page, text, font, size, x, baseline from the top): anything a test adds
    table: tuple[float, float] | None = None  # (top border from the top, a line's baseline)
    base14: bool = False
    sign: bool = True  # False: no Nơi nhận, no signature (a page that is not the end)

    def pdf(self) -> bytes:
        fonts.register_fonts()
        buffer = io.BytesIO()
        canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.REGULAR, invariant=1)
        self._page1(canvas)
        if self.page2_body is not None:
            canvas.showPage()
            if self.page2_number:
                self._text(canvas, fonts.REGULAR, 13, CENTRE, TOP / 2 + 4, "2", centred=True)
            y = TOP + 14
            for line in self.page2_body:
                self._text(canvas, fonts.REGULAR, 14, LEFT, y, line)
                y += 17
            if self.sign:
                self._signature(canvas, y + 10 if self.page2_body else TOP + 14)
            self._extras(canvas, 2)
        canvas.showPage()
        canvas.save()
        return buffer.getvalue()

    # -- drawing, in points from the top of the page like pdfplumber reports them

    def _text(
        self,
        canvas: Canvas,
        font: str,
        size: float,
        x: float,
        y: float,
        text: str,
        *,
        centred: bool = False,
    ) -> float:
        canvas.setFont(font, size)
        if centred:
            canvas.drawCentredString(x, H - y, text)
        else:
            canvas.drawString(x, H - y, text)
        return stringWidth(text, font, size)

    def _rule(self, canvas: Canvas, centre: float, y: float, length: float) -> None:
        canvas.setLineWidth(0.6)
        canvas.line(centre - length / 2, H - y, centre + length / 2, H - y)

    def _page1(self, canvas: Canvas) -> None:
        if self.draft_mark:
            self._text(canvas, fonts.BOLD, 13, LEFT, TOP + 2, "DỰ THẢO")
        y = TOP + 28
        width = 0.0
        for text, size in self.agency:
            width = self._text(canvas, fonts.BOLD, size, LEFT_CENTRE, y, text, centred=True)
            y += 15
        self._rule(canvas, LEFT_CENTRE, y - 10, width * self.agency_rule)
        self._text(
            canvas,
            fonts.BOLD,
            self.national_size,
            RIGHT_CENTRE,
            TOP + 28,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            centred=True,
        )
        motto = self._text(
            canvas,
            fonts.BOLD,
            13,
            RIGHT_CENTRE,
            TOP + 43,
            "Độc lập - Tự do - Hạnh phúc",
            centred=True,
        )
        self._rule(canvas, RIGHT_CENTRE, TOP + 48, motto * self.motto_rule)
        self._text(canvas, fonts.REGULAR, 13, LEFT_CENTRE, y + 18, self.number, centred=True)
        self._text(canvas, fonts.ITALIC, 14, RIGHT_CENTRE, y + 18, self.date_line, centred=True)
        y += 60
        self._text(canvas, fonts.BOLD, 14, CENTRE, y, self.title, centred=True)
        y += 17
        summary = self._text(canvas, fonts.BOLD, 14, CENTRE, y, self.summary, centred=True)
        self._rule(canvas, CENTRE, y + 8, summary * self.summary_rule)
        y += 34
        self._text(canvas, fonts.BOLD, 14, LEFT + 36, y, self.heading)
        y += 23
        for line in self.body:
            self._text(canvas, fonts.REGULAR, 14, LEFT, y, line)
            y += 17
        if self.table is not None:
            border, baseline = self.table
            canvas.setLineWidth(0.5)
            for top in (border, border + 40):
                canvas.line(LEFT, H - top, RIGHT, H - top)
            for x in (LEFT, LEFT + 60, RIGHT):
                canvas.line(x, H - border, x, H - border - 40)
            self._text(canvas, fonts.REGULAR, 12, LEFT + 70, baseline, "Chỉ tiêu năm")
        if self.heading_last_on_page1:
            self._text(canvas, fonts.BOLD, 14, LEFT + 36, BOTTOM - 20, "II. PHƯƠNG HƯỚNG")
        if self.page1_number:
            self._text(canvas, fonts.REGULAR, 13, CENTRE, TOP / 2 + 4, "1", centred=True)
        if self.base14:
            self._text(canvas, "Helvetica", 14, LEFT, y + 20, "Ghi chú.")
        if self.page2_body is None:
            self._signature(canvas, y + 20)
        self._extras(canvas, 1)

    def _signature(self, canvas: Canvas, y: float) -> None:
        self._text(canvas, fonts.BOLD_ITALIC, 12, LEFT, y, "Nơi nhận:")
        self._text(canvas, fonts.REGULAR, self.recipients_size, LEFT, y + 14, "- Như trên;")
        self._text(canvas, fonts.REGULAR, self.recipients_size, LEFT, y + 27, "- Lưu: VT, VHXH.")
        for i, title in enumerate(self.signature_titles):
            self._text(canvas, fonts.BOLD, 14, RIGHT_CENTRE, y + i * 16.5, title, centred=True)
        self._text(canvas, fonts.BOLD, 14, RIGHT_CENTRE, y + 100, "Nguyễn Văn Hùng", centred=True)

    def _extras(self, canvas: Canvas, page: int) -> None:
        for on, text, font, size, x, y in self.extra:
            if on == page:
                self._text(canvas, font, size, x, y, text)


GOOD = Sheet()
TWO_PAGES = Sheet(page2_body=["Đề nghị các đơn vị tiếp tục thực hiện các chỉ tiêu năm 2026."])


def rules_of(problems: list[Problem]) -> set[str]:
    return {p.rule for p in problems}


def test_every_rule_of_the_table_has_its_check() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert set(names) - {"fonts-embedded"} == set(CHECKS)
    assert all(rule.clause and rule.checks for rule in RULES)


def test_a_good_page_passes() -> None:
    assert check_pdf(GOOD.pdf(), "issued", codes={"CBCC", "ward_office"}) == []


def test_a_good_two_page_document_passes() -> None:
    assert check_pdf(TWO_PAGES.pdf(), "issued") == []


def test_a_good_draft_passes() -> None:
    draft = Sheet(
        draft_mark=True,
        number="Số:        /BC-UBND",
        date_line="Kiến An, ngày      tháng      năm 2025",
    )
    assert check_pdf(draft.pdf(), "draft") == []


def test_a_signature_pushed_alone_onto_page_2_fails() -> None:
    alone = replace(TWO_PAGES, page2_body=[])
    problems = check_pdf(alone.pdf(), "issued")
    assert rules_of(problems) == {"alone-signature"}
    assert problems[0].page == 2


@pytest.mark.parametrize(
    ("date", "wrong"),
    [
        ("Kiến An, ngày 05 tháng 07 năm 2025", "tháng 07"),
        ("Kiến An, ngày 7 tháng 7 năm 2025", "ngày 7"),
        ("Kiến An, ngày 15 tháng 2 năm 2026", "tháng 2"),
    ],
)
def test_a_date_not_in_the_form_of_nghi_dinh_30_fails(date: str, wrong: str) -> None:
    problems = check_pdf(replace(GOOD, date_line=date).pdf(), "issued")
    assert rules_of(problems) == {"date-form"}
    assert wrong in problems[0].measured


@pytest.mark.parametrize(
    "date", ["Kiến An, ngày 15 tháng 02 năm 2026", "Kiến An, ngày 05 tháng 10 năm 2025"]
)
def test_dates_in_the_form_of_nghi_dinh_30_pass(date: str) -> None:
    assert check_pdf(replace(GOOD, date_line=date).pdf(), "issued") == []


def test_an_overlapping_line_fails() -> None:
    # A line drawn 6 pt under the first body line, where the second one already is.
    broken = replace(
        GOOD,
        extra=[
            (
                1,
                "Dòng chữ chồng lên dòng khác",
                fonts.REGULAR,
                14,
                LEFT + 40,
                TOP + 28 + 30 + 60 + 17 + 34 + 23 + 6,
            )
        ],
    )
    assert "overlap" in rules_of(check_pdf(broken.pdf(), "issued"))


def test_a_line_crossing_a_table_border_fails() -> None:
    # The annex line of the issue: its baseline 0,1 mm under the table's top border.
    border = 470.0
    broken = replace(GOOD, table=(border, border + 0.1 * mm))
    problems = check_pdf(broken.pdf(), "issued")
    assert rules_of(problems) == {"crossing"}
    clear = replace(GOOD, table=(border, border + 16))
    assert check_pdf(clear.pdf(), "issued") == []


@pytest.mark.parametrize(
    ("x", "y", "where"),
    [
        (LEFT - 12, 400, "left"),
        (RIGHT - 20, 400, "right"),
        (LEFT, BOTTOM + 14, "bottom"),
        (LEFT + 50, TOP - 4, "top"),
    ],
)
def test_text_in_the_margin_fails(x: float, y: float, where: str) -> None:
    broken = replace(GOOD, extra=[(1, "Ghi chú lề", fonts.REGULAR, 14, x, y)])
    problems = check_pdf(broken.pdf(), "issued")
    assert rules_of(problems) == {"margins"}
    assert where in problems[0].measured


def test_an_internal_code_in_the_text_fails() -> None:
    broken = replace(GOOD, body=[*BODY, "Chỉ tiêu CBCC đạt 94,3%; đơn vị ward_office đã báo cáo."])
    problems = check_pdf(broken.pdf(), "issued", codes={"CBCC", "ward_office", "HOCSINH"})
    assert rules_of(problems) == {"codes"}
    assert {p.measured.split("“")[1].split("”")[0] for p in problems} == {"CBCC", "ward_office"}
    # A word that merely contains a code is not one.
    assert (
        check_pdf(replace(GOOD, body=[*BODY, "Trường CBCCX"]).pdf(), "issued", codes={"CBCC"}) == []
    )


def test_dots_in_an_issued_document_fail_and_pass_in_a_blank_form() -> None:
    dotted = replace(GOOD, body=[*BODY, "Phương hướng: ……………………", "........................"])
    assert rules_of(check_pdf(dotted.pdf(), "issued")) == {"dots"}
    assert len(check_pdf(dotted.pdf(), "issued")) == 2
    assert "dots" not in rules_of(check_pdf(dotted.pdf(), "blank"))


def test_a_base14_font_fails() -> None:
    problems = check_pdf(replace(GOOD, base14=True).pdf(), "issued")
    assert {"fonts-embedded", "font-family"} <= rules_of(problems)
    assert any("Helvetica" in p.measured for p in problems if p.rule == "fonts-embedded")


def test_a_page_number_on_page_1_fails() -> None:
    problems = check_pdf(replace(GOOD, page1_number=True).pdf(), "issued")
    assert rules_of(problems) == {"page-number"}


def test_a_missing_page_number_on_page_2_fails() -> None:
    problems = check_pdf(replace(TWO_PAGES, page2_number=False).pdf(), "issued")
    assert rules_of(problems) == {"page-number"}
    assert problems[0].page == 2


def test_a_heading_last_on_a_page_fails() -> None:
    problems = check_pdf(replace(TWO_PAGES, heading_last_on_page1=True).pdf(), "issued")
    assert rules_of(problems) == {"heading-last"}
    assert "PHƯƠNG HƯỚNG" in problems[0].measured


def test_a_page_of_headings_only_fails() -> None:
    only = replace(TWO_PAGES, page2_body=[], sign=False)
    only.extra.append((2, "III. KIẾN NGHỊ", fonts.BOLD, 14, LEFT + 36, TOP + 14))
    problems = check_pdf(only.pdf(), "issued", profile="attachment")
    assert rules_of(problems) == {"alone-heading"}


@pytest.mark.parametrize(
    ("broken", "rule"),
    [
        (Sheet(summary_rule=0.25), "rule-summary"),
        (Sheet(summary_rule=0.6), "rule-summary"),
        (Sheet(agency_rule=0.7), "rule-agency"),
        (Sheet(agency_rule=0.2), "rule-agency"),
        (Sheet(motto_rule=0.9), "rule-motto"),
    ],
)
def test_a_rule_too_short_or_too_long_fails(broken: Sheet, rule: str) -> None:
    assert rules_of(check_pdf(broken.pdf(), "issued")) == {rule}


@pytest.mark.parametrize(
    ("broken", "rule"),
    [
        (Sheet(national_size=11), "size-national"),
        (
            Sheet(agency=(("UBND PHƯỜNG KIẾN AN", 13), ("TRƯỜNG THCS TRẦN THÀNH NGỌ", 11.5))),
            "size-agency",
        ),
        (Sheet(recipients_size=12), "size-recipients"),
        (
            Sheet(
                body=[*BODY, "chữ nhỏ"], extra=[(1, "Chú thích nhỏ.", fonts.REGULAR, 10, LEFT, 330)]
            ),
            "size-body",
        ),
    ],
)
def test_a_size_outside_its_range_fails(broken: Sheet, rule: str) -> None:
    assert rule in rules_of(check_pdf(broken.pdf(), "issued"))


def test_a_draft_without_its_mark_or_with_a_number_fails() -> None:
    problems = check_pdf(Sheet(date_line="Kiến An, ngày      tháng      năm 2025").pdf(), "draft")
    assert rules_of(problems) == {"draft-mark", "number-state"}
    marked_issued = Sheet(draft_mark=True)
    assert rules_of(check_pdf(marked_issued.pdf(), "issued")) == {"draft-mark"}


def test_an_issued_document_without_a_number_fails() -> None:
    problems = check_pdf(Sheet(number="Số:        /BC-UBND").pdf(), "issued")
    assert rules_of(problems) == {"number-state"}


def test_a_caption_broken_inside_uy_ban_nhan_dan_fails() -> None:
    broken = Sheet(signature_titles=("XÁC NHẬN CỦA ỦY BAN NHÂN", "DÂN PHƯỜNG KIẾN AN"))
    problems = check_pdf(broken.pdf(), "issued")
    assert rules_of(problems) == {"split-phrase"}


def test_the_renderer_s_own_page_with_codes_dots_and_a_wrong_date_fails() -> None:
    """Made by the renderer from hand-written lines, as a kind's template would produce them."""
    lines = [
        Line("code", "BC"),
        Line("title", "BÁO CÁO"),
        Line("summary", "Kết quả năm 2025"),
        Line("para", "Chỉ tiêu CBCC: đạt 94,3% tính đến ngày 07 tháng 07 năm 2025."),
        Line("para", "Phương hướng: ……………………"),
        Line("recipients", "<b><i>Nơi nhận:</i></b>"),
        Line("recipients", "- Lưu: VT, VHXH."),
        Line("signature", "CHỦ TỊCH"),
        Line("signer", "Nguyễn Văn Hùng"),
    ]
    pdf = render_pdf(lines, WardSettings(), PageLayout(), Issue(2025, 3, None))
    found = rules_of(check_pdf(pdf, "issued", codes={"CBCC"}))
    assert {"codes", "dots", "date-form"} <= found


def test_a_certificate_is_not_held_to_the_administrative_parts() -> None:
    # One landscape page with no top block and no page number: only the rules of any page.
    fonts.register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(A4[1], A4[0]), initialFontName=fonts.REGULAR, invariant=1)
    canvas.setFont(fonts.BOLD, 34)
    canvas.drawCentredString(A4[1] / 2, 400, "TẶNG GIẤY KHEN")
    canvas.setFont(fonts.ITALIC, 14)
    canvas.drawCentredString(A4[1] / 2, 300, "Kiến An, ngày 20 tháng 12 năm 2025")
    canvas.showPage()
    canvas.save()
    assert check_pdf(buffer.getvalue(), "issued", profile="certificate") == []
    assert "required-parts" in rules_of(check_pdf(buffer.getvalue(), "issued"))


def test_the_command_line_prints_the_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(GOOD.pdf())
    bad.write_bytes(replace(GOOD, date_line="Kiến An, ngày 05 tháng 07 năm 2025").pdf())
    assert main([str(good), "--state", "issued", "--codes", "CBCC,HOCSINH"]) == 0
    assert main([str(bad), "--state", "issued"]) == 1
    out = capsys.readouterr().out
    assert "no problem" in out and "[date-form]" in out and "tháng 07" in out
