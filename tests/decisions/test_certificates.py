"""Giấy khen of a decision: one page per nominee, the certificate register, plain paper and
pre-printed blanks, the calibration page, the refusals, the command."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.cli import main
from desktop.context import AppContext
from desktop.decisions.certificate_ops import (
    calibration_page,
    preview_certificates,
    print_certificates,
)
from desktop.decisions.certificates import decision_certificates, next_number
from desktop.decisions.errors import DecisionError
from desktop.documents.certificates import (
    fit_text,
    load_certificate_template,
    parse_certificate_template,
)
from desktop.documents.fonts import BOLD, register_fonts
from desktop.documents.template import TemplateError
from desktop.models import AwardDecision, CertificateEntry
from desktop.models.decisions import Authority
from desktop.models.ids import DecisionId
from desktop.settings import load_settings, save_settings
from desktop.storage import Database
from tests.decisions import chain

PRINTED_ON = date(2026, 12, 1)
NUMBER = "130/QĐ-UBND"


@pytest.fixture
def decided(demo_db: Database) -> tuple[int, list[int], int]:
    """A ward decision for two residential groups and two persons; its id, its dossiers and the
    register's next number before it is printed."""
    with demo_db.session() as s:
        first = next_number(s, 2025)
        decision_id, dossiers = chain.awarded_ward_decision(s, number=NUMBER)
        s.commit()
    return decision_id, dossiers, first


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def _word(pdf: bytes, text: str, page: int = 0) -> dict:  # type: ignore[type-arg]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[page].extract_words()
    return next(w for w in words if w["text"] == text)


def _set_offsets(db: Database, x: int, y: int) -> None:
    with db.session() as s:
        settings = load_settings(s)
        settings.certificate_offset_x_mm, settings.certificate_offset_y_mm = x, y
        save_settings(s, settings)
        s.commit()


def test_one_page_per_awarded_nominee_numbered_in_the_register(
    demo_db: Database, ctx: AppContext, decided: tuple[int, list[int], int]
) -> None:
    decision_id, dossiers, first = decided
    printed = ctx.door.run(print_certificates(DecisionId(decision_id), PRINTED_ON))
    pages = _pages(printed.pdf)
    assert len(pages) == printed.count == 4
    names = ["Tổ dân phố số 1", "Tổ dân phố số 2", "Đỗ Thu An", "Vũ Văn Thảo"]
    for page, name in zip(pages, names, strict=True):  # collectives first, each group by name
        assert name in page
        assert "TẶNG GIẤY KHEN" in page and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN" in page
        assert f"Quyết định số {NUMBER} ngày 20/12/2025" in page
        assert "Kiến An, ngày 20 tháng 12 năm 2025" in page
        assert "Phong trào thi đua" in page and "năm 2025" in page
    for other in names[1:]:
        assert other not in pages[0]
    assert "Phó trưởng phòng" in pages[2]  # a person's position and unit under the name
    numbers = [f"Số vào sổ: {n}/2025" for n in range(first, first + 4)]
    assert [number in page for page, number in zip(pages, numbers, strict=True)] == [True] * 4
    assert printed.decision.numbers_text == f"{first}–{first + 3}/2025"
    with demo_db.session() as s:
        entries = s.exec(
            select(CertificateEntry).where(CertificateEntry.decision_id == decision_id)
        ).all()
    assert sorted(e.number for e in entries) == list(range(first, first + 4))
    assert {e.dossier_id for e in entries} == set(dossiers)
    assert {(e.year, e.printed_on) for e in entries} == {(2025, PRINTED_ON)}


def test_a_reprint_keeps_its_numbers_and_the_next_decision_continues(
    demo_db: Database, ctx: AppContext, decided: tuple[int, list[int], int]
) -> None:
    decision_id, _dossiers, first = decided
    preview = ctx.door.read(preview_certificates(DecisionId(decision_id)))
    assert "Số vào sổ: ……" in _pages(preview.pdf)[0]  # a preview numbers nothing
    once = ctx.door.run(print_certificates(DecisionId(decision_id), PRINTED_ON))
    again = ctx.door.run(print_certificates(DecisionId(decision_id), date(2026, 12, 5)))
    assert [c.number for c in again.decision.certificates] == [
        c.number for c in once.decision.certificates
    ]
    assert again.pdf == once.pdf  # the same pages: the same bytes
    with demo_db.session() as s:
        assert len(s.exec(select(CertificateEntry)).all()) == first + 3
        later = chain.decide(
            s, [chain.proposed_dossier(s, unit_code="TDP04")], number="131/QĐ-UBND"
        )
        s.commit()
    printed = ctx.door.run(print_certificates(DecisionId(later), PRINTED_ON))
    assert printed.decision.numbers_text == f"{first + 4}/2025"


def test_blank_paper_prints_only_the_variable_text_moved_by_the_offsets(
    demo_db: Database, ctx: AppContext, decided: tuple[int, list[int], int]
) -> None:
    decision_id = DecisionId(decided[0])
    plain = ctx.door.read(preview_certificates(decision_id))
    blank = ctx.door.read(preview_certificates(decision_id, blank_paper=True))
    page = _pages(blank.pdf)[0]
    for fixed in ("CỘNG HÒA", "Độc lập", "TẶNG GIẤY KHEN", "CHỦ TỊCH", "Quyết định số"):
        assert fixed not in page
    for variable in ("Tổ dân phố số 1", NUMBER, "20/12/2025", "Phong trào thi đua", "2025"):
        assert variable in page
    _set_offsets(demo_db, 10, -5)
    moved = ctx.door.read(preview_certificates(decision_id, blank_paper=True))
    before, after = _word(blank.pdf, "Tổ"), _word(moved.pdf, "Tổ")
    points = 72 / 25.4
    assert after["x0"] - before["x0"] == pytest.approx(10 * points, abs=0.1)
    assert after["top"] - before["top"] == pytest.approx(-5 * points, abs=0.1)
    # Plain paper is not the printer's blank: the offsets leave it where the design puts it.
    unmoved = ctx.door.read(preview_certificates(decision_id))
    assert _word(unmoved.pdf, "Tổ")["x0"] == pytest.approx(_word(plain.pdf, "Tổ")["x0"])


def test_pages_are_a4_landscape_in_the_embedded_serif(
    ctx: AppContext, decided: tuple[int, list[int], int]
) -> None:
    printed = ctx.door.read(preview_certificates(DecisionId(decided[0])))
    with pdfplumber.open(io.BytesIO(printed.pdf)) as document:
        for page in document.pages:
            assert (round(page.width), round(page.height)) == (842, 595)
            fonts = {c["fontname"].split("+")[-1] for c in page.chars}
            assert fonts and all(f.startswith(("LiberationSerif", "Times")) for f in fonts)
            assert all("+" in c["fontname"] for c in page.chars)  # embedded subsets
        name = _word(printed.pdf, "Tổ")
        assert name["bottom"] - name["top"] > 20  # the name is set large
    # Every font the pages name is embedded, the one a page opens in too (no base-14 Helvetica).
    reader = PdfReader(io.BytesIO(printed.pdf))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "Helvetica" not in str(font["/BaseFont"]), font["/BaseFont"]


def test_calibration_page_has_the_rulers_the_frames_and_the_instruction(
    demo_db: Database, ctx: AppContext
) -> None:
    pdf = ctx.door.read(calibration_page)
    text = _pages(pdf)[0]
    assert "In trang này lên một phôi, đo độ lệch, ghi vào Cài đặt → Độ lệch khi in phôi" in text
    assert "Độ lệch đang dùng: ngang 0 mm, dọc 0 mm." in text
    template = load_certificate_template()
    on_blank = [e for e in template.elements if e.on_blank()]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        page = document.pages[0]
        words = page.extract_words()
        top_ruler = {w["text"] for w in words if w["top"] < 12 * 72 / 25.4}
        assert {str(n) for n in range(10, 290, 10)} <= top_ruler
        left_ruler = {w["text"] for w in words if w["x0"] < 12 * 72 / 25.4}
        assert {str(n) for n in range(20, 210, 10)} <= left_ruler
        ticks = [line for line in page.lines if line["top"] < 1 or line["x0"] < 1]
        assert len(ticks) >= 290 + 200  # one a millimetre along both edges
        frames = [r for r in page.rects if r["width"] > 20]
        assert len(frames) == len(on_blank)
        name = next(e for e in on_blank if e.label == "Tên tập thể, cá nhân")
        frame = min(frames, key=lambda r: abs(r["top"] - name.y * 72 / 25.4))
        assert frame["x0"] == pytest.approx(name.x * 72 / 25.4, abs=0.5)
    for element in on_blank:
        assert element.label in text
    _set_offsets(demo_db, -4, 7)
    moved = ctx.door.read(calibration_page)
    assert "ngang -4 mm, dọc 7 mm" in _pages(moved)[0]
    with pdfplumber.open(io.BytesIO(moved)) as document:
        frames = [r for r in document.pages[0].rects if r["width"] > 20]
    shifted = min(frames, key=lambda r: abs(r["top"] - (name.y + 7) * 72 / 25.4))
    assert shifted["x0"] == pytest.approx((name.x - 4) * 72 / 25.4, abs=0.5)


def test_revoked_unknown_city_and_empty_decisions_are_refused(
    demo_db: Database, ctx: AppContext, decided: tuple[int, list[int], int]
) -> None:
    with pytest.raises(DecisionError, match="Không tìm thấy quyết định khen thưởng mã 999"):
        ctx.door.run(print_certificates(DecisionId(999), PRINTED_ON))
    with demo_db.session() as s:
        city = chain.decide(
            s,
            [],
            number="2345/QĐ-UBND",
            authority=Authority.CITY,
            issuer="Chủ tịch UBND thành phố Hải Phòng",
        )
        empty = chain.decide(s, [], number="140/QĐ-UBND")
        revoked = s.get(AwardDecision, decided[0])
        assert revoked is not None
        revoked.revoked_on, revoked.revoke_reason = date(2026, 1, 5), "Ghi nhầm danh sách"
        s.commit()
    with pytest.raises(DecisionError, match="do cơ quan ký quyết định in và vào sổ"):
        ctx.door.run(print_certificates(DecisionId(city), PRINTED_ON))
    with pytest.raises(DecisionError, match="không có Giấy khen để in"):
        ctx.door.run(print_certificates(DecisionId(empty), PRINTED_ON))
    with pytest.raises(DecisionError, match="đã bị hủy ngày 05/01/2026: Ghi nhầm danh sách"):
        ctx.door.run(print_certificates(DecisionId(decided[0]), PRINTED_ON))
    with demo_db.session() as s:  # nothing numbered by a refusal
        assert not s.exec(
            select(CertificateEntry).where(CertificateEntry.decision_id == decided[0])
        ).all()
        with pytest.raises(DecisionError, match="đã bị hủy"):
            decision_certificates(s, decided[0])


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("both | Tên | 30 | 78 | 237 | 15 | bold | 26 | center", "10 phần"),
        ("always | Tên | 30 | 78 | 237 | 15 | bold | 26 | center | x", "plain, both hoặc blank"),
        ("both | Tên | 30 | 78 | 237 | 15 | heavy | 26 | center | x", "kiểu chữ “heavy”"),
        ("both | Tên | 30 | 78 | 237 | 15 | bold | to | center | x", "cỡ chữ “to”"),
        ("both | Tên | 30 | 78 | 237 | 15 | bold | 26 | middle | x", "căn lề “middle”"),
        ("both | Tên | 200 | 78 | 237 | 15 | bold | 26 | center | x", "ra ngoài khổ giấy"),
        ("both | Tên | 30 | 78 | 237 | 15 | bold | 26 | center | {{ 1x }}", "không phải là tên"),
        ("@paper A5", "không hiểu chỉ dẫn “@paper”"),
    ],
)
def test_a_malformed_template_is_refused_naming_its_line(line: str, message: str) -> None:
    source = "## Giấy khen\n@page landscape\n" + line + "\n"
    with pytest.raises(TemplateError, match=message) as refused:
        parse_certificate_template(source, "giay-khen.txt")
    assert "Mẫu “giay-khen.txt”, dòng 3" in str(refused.value)


def test_an_unknown_value_is_refused_when_printed(
    ctx: AppContext, decided: tuple[int, list[int], int], tmp_path: Path
) -> None:
    from desktop.documents.certificates import certificates_pdf

    template = parse_certificate_template(
        "both | Tên | 30 | 78 | 237 | 15 | bold | 26 | center | {{ nominee.nickname }}\n"
    )
    decision = ctx.door.read(lambda s: decision_certificates(s, decided[0]))
    settings = ctx.door.read(load_settings)
    with pytest.raises(TemplateError, match="không có giá trị “nominee.nickname”"):
        certificates_pdf(decision, settings, template=template)


def test_a_long_name_is_set_smaller_to_fit_its_box() -> None:
    register_fonts()
    name = "Hợp tác xã Dịch vụ Nông nghiệp và Thương mại Tổng hợp Kiến An Hải Phòng " * 2
    fitted = fit_text(name, BOLD, 26, 237 * 72 / 25.4, 15 * 72 / 25.4)
    assert fitted.size < 26 and len(fitted.lines) * fitted.size * 1.2 <= 15 * 72 / 25.4
    short = fit_text("Tổ dân phố số 1", BOLD, 26, 237 * 72 / 25.4, 15 * 72 / 25.4)
    assert (short.size, short.lines) == (26, ["Tổ dân phố số 1"])


def test_the_command_prints_the_certificates_and_the_calibration_page(
    demo_db: Database,
    ctx: AppContext,
    decided: tuple[int, list[int], int],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    decision_id, _dossiers, first = decided
    data = ["--data-dir", str(ctx.folder.root)]
    ctx.close()
    out = tmp_path / "giay-khen.pdf"
    command = [*data, "document", "certificates", "--decision", str(decision_id)]
    assert main([*command, "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"Đã in 4 Giấy khen (số vào sổ {first}–{first + 3}/2025) ra {out}" in said
    assert len(_pages(out.read_bytes())) == 4
    blank = tmp_path / "phoi.pdf"
    assert main([*command, "--blank-paper", "--out", str(blank)]) == 0
    assert f"(số vào sổ {first}–{first + 3}/2025)" in capsys.readouterr().out
    assert "CỘNG HÒA" not in _pages(blank.read_bytes())[0]
    calibration = tmp_path / "can-le.pdf"
    assert main([*data, "document", "calibration", "--out", str(calibration)]) == 0
    assert "trang thử căn lề" in capsys.readouterr().out
    assert "Độ lệch khi in phôi" in _pages(calibration.read_bytes())[0]
    assert main([*data, "document", "certificates", "--decision", "999", "--out", str(out)]) == 2
    assert "Không tìm thấy quyết định khen thưởng mã 999" in capsys.readouterr().out
    assert main([*data, "document", "certificates", "--out", str(out)]) == 2
    assert "--decision" in capsys.readouterr().out
