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


def _fake_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Windows machine whose fonts folder is ``tmp_path/Fonts`` (WINDIR points at it)."""
    monkeypatch.setattr(fonts, "ON_WINDOWS", True)
    monkeypatch.setenv("WINDIR", str(tmp_path))
    folder = tmp_path / "Fonts"
    folder.mkdir()
    return folder


def _install_times(folder: Path, styles: list[str]) -> None:
    # Stand-ins with the Vietnamese letters: the bundled files under Windows's names.
    bundled = fonts.choose_fonts(prefer_system=False).files
    for style in styles:
        shutil.copy(bundled[style], folder / fonts._TIMES_FILES[style][0])


def test_on_windows_the_systems_times_new_roman_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_windows(tmp_path, monkeypatch)
    _install_times(folder, list(fonts._TIMES_FILES))
    choice = fonts.choose_fonts()
    assert choice.family == "Times New Roman"
    assert choice.files == {
        fonts.REGULAR: folder / "times.ttf",
        fonts.BOLD: folder / "timesbd.ttf",
        fonts.ITALIC: folder / "timesi.ttf",
        fonts.BOLD_ITALIC: folder / "timesbi.ttf",
    }


def test_a_windows_missing_one_style_of_times_uses_the_bundled_serif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_windows(tmp_path, monkeypatch)
    _install_times(folder, [fonts.REGULAR, fonts.BOLD, fonts.ITALIC])  # no timesbi.ttf
    assert fonts.choose_fonts().family == "Liberation Serif"


def test_elsewhere_than_windows_the_bundled_serif_is_used_even_beside_a_times(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_windows(tmp_path, monkeypatch)
    _install_times(folder, list(fonts._TIMES_FILES))
    monkeypatch.setattr(fonts, "ON_WINDOWS", False)
    assert fonts.choose_fonts().family == "Liberation Serif"


def test_a_times_without_vietnamese_letters_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _fake_windows(tmp_path, monkeypatch)
    for names in fonts._TIMES_FILES.values():
        (folder / names[0]).write_bytes(b"not a font")
    assert fonts.choose_fonts().family == "Liberation Serif"
