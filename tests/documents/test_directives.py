"""The directives of an issuer other than the ward: its agency lines, its own book of numbers,
a second signer level with the first, and one template placed inside another."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from desktop.documents import renderer
from desktop.documents.layout import PageLayout
from desktop.documents.register import book_code
from desktop.documents.renderer import Issue, render_pdf, symbol_suffix
from desktop.documents.template import TemplateError, load_template, parse_template
from desktop.settings import WardSettings

OFFICE_PAPER = """\
@code TTr
@symbol TTr-{{ ward.office_abbreviation }}
@agency ỦY BAN NHÂN DÂN {{ ward.ward_name }}
@agency PHÒNG VĂN HÓA - XÃ HỘI
@title TỜ TRÌNH
Nội dung.
@cosign THƯ KÝ
@cosigner Lê Thị Hoa
@signature TM. HỘI ĐỒNG
@signature CHỦ TỊCH
@signer Nguyễn Văn An
"""


def _words(pdf: bytes) -> list[dict[str, object]]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return list(document.pages[0].extract_words(extra_attrs=["fontname", "size"]))


def _lines(source: str) -> list[renderer.Line]:
    ward = WardSettings()
    scope = {"ward": {"office_abbreviation": ward.office_abbreviation, "ward_name": ward.ward_name}}
    return parse_template(source, "thử.txt").render(scope)


def test_an_office_heads_its_paper_with_the_ward_above_it_in_regular_capitals() -> None:
    pdf = render_pdf(_lines(OFFICE_PAPER), WardSettings(), PageLayout(), Issue(2026, 3))
    words = _words(pdf)
    ward = [w for w in words if w["text"] == "NHÂN" and float(w["x0"]) < 200]  # type: ignore[arg-type]
    office = [w for w in words if w["text"] == "PHÒNG"]
    assert ward and "Bold" not in str(ward[0]["fontname"])
    assert office and "Bold" in str(office[0]["fontname"])
    assert float(office[0]["top"]) > float(ward[0]["top"])  # type: ignore[arg-type]
    text = " ".join(str(w["text"]) for w in words)
    assert "Số: 03/TTr-VHXH" in text
    assert "UBND" not in text  # neither the ward's abbreviation nor its own agency lines


def test_the_second_signer_signs_at_left_level_with_the_first_and_replaces_nơi_nhận() -> None:
    pdf = render_pdf(_lines(OFFICE_PAPER), WardSettings(), PageLayout(), Issue(2026))
    words = _words(pdf)
    names = [w for w in words if w["text"] in ("Hoa", "An")]
    assert len(names) == 2, names
    secretary, chair = sorted(names, key=lambda w: float(w["x0"]))  # type: ignore[arg-type]
    assert secretary["text"] == "Hoa" and chair["text"] == "An"
    assert abs(float(secretary["top"]) - float(chair["top"])) < 1  # type: ignore[arg-type]
    thu_ky = next(w for w in words if w["text"] == "THƯ")
    assert float(thu_ky["x0"]) < float(chair["x0"])  # type: ignore[arg-type]
    assert "Nơi" not in [w["text"] for w in words]


def test_the_symbol_names_the_book_and_a_plain_code_keeps_the_wards() -> None:
    ward = WardSettings()
    assert symbol_suffix(_lines(OFFICE_PAPER), ward) == "TTr-VHXH"
    assert symbol_suffix(_lines("@code BC\nx"), ward) == "BC-UBND"
    assert symbol_suffix(_lines("@code -\nx"), ward) == ""
    assert book_code("TTr", "TTr-UBND", "UBND") == "TTr"
    assert book_code("TTr", "TTr-VHXH", "UBND") == "TTr-VHXH"
    assert book_code("BB", "BB-HĐTĐKT", "UBND") == "BB"  # longer than the register's column


def test_a_template_includes_another_and_refuses_to_include_itself(tmp_path: Path) -> None:
    (tmp_path / "outer.txt").write_text(
        "@title NGOÀI\n%if inner\n%include inner.txt\n%end\nCuối.\n", encoding="utf-8"
    )
    (tmp_path / "inner.txt").write_text("Bên trong {{ x }}.\n", encoding="utf-8")
    (tmp_path / "loop.txt").write_text("%include loop.txt\n", encoding="utf-8")
    lines = load_template("outer.txt", tmp_path).render({"inner": True, "x": 7})
    assert [(line.directive, line.text) for line in lines] == [
        ("title", "NGOÀI"),
        ("para", "Bên trong 7."),
        ("para", "Cuối."),
    ]
    assert len(load_template("outer.txt", tmp_path).render({"inner": False, "x": 7})) == 2
    with pytest.raises(TemplateError, match="lồng nhau"):
        load_template("loop.txt", tmp_path).render({})
    with pytest.raises(TemplateError, match="không có"):
        load_template("outer.txt", tmp_path).render({"inner": True})
