"""The serif the documents are set in: Times New Roman on Windows, else Liberation Serif.

Nghị định 30/2020 asks for Times New Roman. Windows machines of a ward office have it
(C:\\Windows\\Fonts\\times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf): it is used when all four
styles are there and hold the letters of Vietnamese. Elsewhere (and on a Windows without them) the
bundled Liberation Serif (metric-compatible, with every Vietnamese glyph, SIL OFL — licence beside
the files in ``resources/fonts/``) keeps the line breaks the same. TrueType fonts are always
embedded (as subsets) by reportlab, so a printed page looks the same on the city's computers;
``--self-test`` names the fonts a rendered PDF embeds.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource_path

REGULAR = "DocSerif"
BOLD = "DocSerif-Bold"
ITALIC = "DocSerif-Italic"
BOLD_ITALIC = "DocSerif-BoldItalic"

# Test that a candidate font really has the letters of Vietnamese before trusting it.
_PROBE = "ỦƯỜẾộậựạữỹỵỷđĐ"

_TIMES_FILES = {
    REGULAR: ("times.ttf", "Times New Roman.ttf", "Times_New_Roman.ttf"),
    BOLD: ("timesbd.ttf", "Times New Roman Bold.ttf", "Times_New_Roman_Bold.ttf"),
    ITALIC: ("timesi.ttf", "Times New Roman Italic.ttf", "Times_New_Roman_Italic.ttf"),
    BOLD_ITALIC: (
        "timesbi.ttf",
        "Times New Roman Bold Italic.ttf",
        "Times_New_Roman_Bold_Italic.ttf",
    ),
}
TIMES_FAMILY = "Times New Roman"
BUNDLED_FAMILY = "Liberation Serif"
_BUNDLED_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}


@dataclass(frozen=True)
class FontChoice:
    family: str  # what the clerk is told: "Times New Roman" or "Liberation Serif"
    files: dict[str, Path]

    @property
    def bundled(self) -> bool:
        return self.family == BUNDLED_FAMILY

    def describe(self) -> str:
        """Which serif and from where, as ``--self-test`` says it."""
        where = "đi kèm chương trình" if self.bundled else "của Windows"
        return f"{self.family} {where} ({self.files[REGULAR].parent})"


_registered: FontChoice | None = None


ON_WINDOWS = sys.platform == "win32"


def windows_font_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def _find_times() -> dict[str, Path] | None:
    """The four styles of Times New Roman in the Windows fonts folder, or None if one is missing."""
    folder = windows_font_dir()
    found: dict[str, Path] = {}
    for style, names in _TIMES_FILES.items():
        hit = next((folder / n for n in names if (folder / n).is_file()), None)
        if hit is None:
            return None
        found[style] = hit
    return found


def _has_vietnamese(path: Path) -> bool:
    try:
        face = TTFont("probe", str(path)).face
    except Exception:  # a broken or unsupported font file: not usable, fall back
        return False
    return all(ord(ch) in face.charToGlyph for ch in _PROBE)


def choose_fonts(prefer_system: bool = True) -> FontChoice:
    """Times New Roman from Windows when all four styles are there, readable and Vietnamese,
    else the bundled Liberation Serif (never a mix: a missing bold takes the whole bundled set)."""
    if prefer_system and ON_WINDOWS:
        times = _find_times()
        if times and all(_has_vietnamese(p) for p in times.values()):
            return FontChoice(TIMES_FAMILY, times)
    bundled = {style: resource_path("fonts", name) for style, name in _BUNDLED_FILES.items()}
    return FontChoice(BUNDLED_FAMILY, bundled)


def register_fonts() -> FontChoice:
    """Register the four styles once per process under the names this package draws with."""
    global _registered
    if _registered is None:
        choice = choose_fonts(prefer_system=os.environ.get("THIDUA_BUNDLED_FONT") != "1")
        for style, path in choice.files.items():
            pdfmetrics.registerFont(TTFont(style, str(path)))
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
        _registered = choice
    return _registered
