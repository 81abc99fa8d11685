"""Page layout within Nghị định 30's ranges, and the choice of the serif."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.documents import fonts
from desktop.documents.layout import PageLayout, load_layout, save_layout
from desktop.paths import resource_path
from desktop.storage import Database


def test_legal_defaults_and_refusals(db: Database) -> None:
    assert PageLayout().validation_errors() == []
    errors = PageLayout(margin_top=19, margin_right=21, body_size=12).validation_errors()
    assert errors == [
        "Lề trên phải từ 20 đến 25 mm (Nghị định 30/2020/NĐ-CP); đang là 19.",
        "Lề phải phải từ 15 đến 20 mm (Nghị định 30/2020/NĐ-CP); đang là 21.",
        "Cỡ chữ nội dung phải từ 13 đến 14 pt (Nghị định 30/2020/NĐ-CP); đang là 12.",
    ]
    with db.session() as session, pytest.raises(ValueError, match="Lề trên"):
        save_layout(session, PageLayout(margin_top=30))
    with db.session() as session:
        assert load_layout(session) == PageLayout()
        save_layout(session, PageLayout(22, 21, 32, 16, 13))
    with db.session() as session:
        assert load_layout(session) == PageLayout(22, 21, 32, 16, 13)


def test_a_hand_edited_bad_value_falls_back_to_the_legal_default(db: Database) -> None:
    from desktop.settings import set_value

    with db.session() as session:
        set_value(session, "document.margin_left", "ba mươi")
    with db.session() as session:
        assert load_layout(session).margin_left == 30


def test_bundled_serif_has_vietnamese_and_its_licence() -> None:
    choice = fonts.choose_fonts(prefer_system=False)
    assert choice.family == "Liberation Serif"
    assert all(fonts._has_vietnamese(path) for path in choice.files.values())
    assert "SIL" in resource_path("fonts", "LICENSE-LiberationSerif.txt").read_text(
        encoding="utf-8"
    )


def test_times_new_roman_is_preferred_when_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = fonts.choose_fonts(prefer_system=False).files
    for style, names in fonts._TIMES_FILES.items():
        shutil.copy(bundled[style], tmp_path / names[0])
    monkeypatch.setattr(fonts, "_system_font_dirs", lambda: [tmp_path])
    choice = fonts.choose_fonts()
    assert choice.family == "Times New Roman"
    assert choice.files[fonts.BOLD] == tmp_path / "timesbd.ttf"


def test_a_times_without_vietnamese_letters_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for names in fonts._TIMES_FILES.values():
        (tmp_path / names[0]).write_bytes(b"not a font")
    monkeypatch.setattr(fonts, "_system_font_dirs", lambda: [tmp_path])
    assert fonts.choose_fonts().family == "Liberation Serif"
