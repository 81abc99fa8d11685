"""The documents' serif on Windows: the system's Times New Roman when all four styles are there and
readable, else the bundled Liberation Serif; ``--self-test`` says which and from where.

%WINDIR%\\Fonts is a folder of the test's: the bundled files copied under Windows's names
(times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf), so they hold every Vietnamese letter.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.commands import selftest
from desktop.documents import fonts
from desktop.documents.layout import PageLayout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.template import Line
from desktop.paths import resource_path
from desktop.settings import WardSettings

WINDOWS_NAMES = {
    fonts.REGULAR: "times.ttf",
    fonts.BOLD: "timesbd.ttf",
    fonts.ITALIC: "timesi.ttf",
    fonts.BOLD_ITALIC: "timesbi.ttf",
}


@pytest.fixture
def windows_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A Windows whose %WINDIR%\\Fonts is empty; the serif is chosen afresh and put back after."""
    windir = tmp_path / "Windows"
    (windir / "Fonts").mkdir(parents=True)
    monkeypatch.setattr(fonts, "ON_WINDOWS", True)
    monkeypatch.setenv("WINDIR", str(windir))
    monkeypatch.delenv("THIDUA_BUNDLED_FONT", raising=False)
    monkeypatch.setattr(fonts, "_registered", None)
    yield windir / "Fonts"
    # Every later test renders with the bundled serif under the document's names again.
    monkeypatch.setattr(fonts, "ON_WINDOWS", False)
    fonts._registered = None
    fonts.register_fonts()


def _install(folder: Path, styles: list[str]) -> None:
    bundled = fonts.choose_fonts(prefer_system=False).files
    for style in styles:
        shutil.copy(bundled[style], folder / WINDOWS_NAMES[style])


def _self_test_line(folder: Path) -> str:
    """The self-test's document step, on a demo ward of its own."""
    folder.mkdir()
    selftest._database(folder)
    return selftest._document(folder)


def test_the_four_styles_of_times_new_roman_are_chosen_and_embedded(
    windows_fonts: Path, tmp_path: Path
) -> None:
    _install(windows_fonts, list(WINDOWS_NAMES))
    choice = fonts.register_fonts()
    assert choice.family == fonts.TIMES_FAMILY and not choice.bundled
    assert choice.files == {style: windows_fonts / name for style, name in WINDOWS_NAMES.items()}
    pdf = render_pdf(
        [Line("title", "BÁO CÁO"), Line("para", "Ủy ban nhân dân phường *Hòa An*.")],
        WardSettings(),
        PageLayout(),
        Issue(2026),
    )
    embedded, missing = selftest.embedded_fonts(pdf)
    assert missing == [] and len(embedded) >= 2  # the title's bold and the body's styles
    line = _self_test_line(tmp_path / "tu-kiem-tra")
    assert f"phông chữ Times New Roman của Windows ({windows_fonts})" in line


def test_a_missing_bold_falls_back_to_the_whole_bundled_set(
    windows_fonts: Path, tmp_path: Path
) -> None:
    _install(windows_fonts, [fonts.REGULAR, fonts.ITALIC, fonts.BOLD_ITALIC])  # no timesbd.ttf
    choice = fonts.register_fonts()
    assert choice.family == fonts.BUNDLED_FAMILY and choice.bundled
    assert choice.files == fonts.choose_fonts(prefer_system=False).files
    assert all(path.parent == resource_path("fonts") for path in choice.files.values())
    line = _self_test_line(tmp_path / "tu-kiem-tra")
    assert f"phông chữ Liberation Serif đi kèm chương trình ({resource_path('fonts')})" in line
    assert "phông nhúng: LiberationSerif, LiberationSerif-Bold" in line


def test_a_damaged_style_is_not_readable_and_takes_the_bundled_set(windows_fonts: Path) -> None:
    _install(windows_fonts, list(WINDOWS_NAMES))
    bold = windows_fonts / "timesbd.ttf"
    bold.write_bytes(bold.read_bytes()[:2048])  # cut short, as a broken copy would be
    assert fonts.choose_fonts().family == fonts.BUNDLED_FAMILY


def test_a_clerk_may_ask_for_the_bundled_serif_even_beside_a_complete_times(
    windows_fonts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _install(windows_fonts, list(WINDOWS_NAMES))
    monkeypatch.setenv("THIDUA_BUNDLED_FONT", "1")
    assert fonts.register_fonts().family == fonts.BUNDLED_FAMILY


def test_the_fonts_folder_follows_windir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", "D:\\WINNT")
    assert fonts.windows_font_dir() == Path("D:\\WINNT") / "Fonts"
    monkeypatch.delenv("WINDIR")
    assert fonts.windows_font_dir() == Path("C:\\Windows") / "Fonts"
