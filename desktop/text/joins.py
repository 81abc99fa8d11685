"""Words a printed line must not split: "Ủy ban nhân dân", "thành phố", "phường Kiến An" …

A heading that breaks as "XÁC NHẬN CỦA ỦY BAN NHÂN / DÂN" or "…thành / phố);" reads as a mistake to
anyone who files state documents. :func:`keep_together` joins the words of such a phrase with
no-break spaces (U+00A0), where the layout (reportlab) never breaks a line; the glyph is a plain
space, so the printed text is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NBSP = "\u00a0"

# Phrases of the administration that are one name each. Matched without regard to case, so that
# "ỦY BAN NHÂN DÂN" in a caption is held like "Ủy ban nhân dân" in a sentence.
PHRASES: tuple[str, ...] = (
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Hội đồng nhân dân",
    "Mặt trận Tổ quốc",
    "Ban Thi đua - Khen thưởng",
    "Thi đua - Khen thưởng",
    "xác nhận của",
    "xác nhận",
    "thủ trưởng",
    "đơn vị",
    "Chủ tịch",
    "Giấy khen",
    "Bằng khen",
)
# Words that name a place together with what follows them ("phường Kiến An", "thành phố Hải Phòng").
PLACE_WORDS: tuple[str, ...] = ("thành phố", "tỉnh", "phường", "xã", "quận", "huyện", "thị trấn")


def _words_pattern(phrase: str) -> str:
    return r"[ \u00a0]+".join(re.escape(word) for word in phrase.split())


@lru_cache(maxsize=64)
def _pattern(places: tuple[str, ...]) -> re.Pattern[str]:
    named = [
        f"(?:{_words_pattern(w)})[ \u00a0]+(?:{_words_pattern(p)})"
        for w in PLACE_WORDS
        for p in places
    ]
    alone = [_words_pattern(p) for p in (*PHRASES, *PLACE_WORDS, *places) if " " in p]
    # Longest first, so that "phường Kiến An" wins over "Kiến An" and "xác nhận của" over "xác nhận".
    parts = sorted({*named, *alone}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


def place_names(*names: str) -> tuple[str, ...]:
    """The proper names in "PHƯỜNG KIẾN AN", "thành phố Hải Phòng", "Kiến An": "Kiến An", "Hải Phòng".

    The words that name the kind of place are dropped, so that the name joins after any of them.
    """
    found: list[str] = []
    for name in names:
        text = " ".join(name.split())
        for word in sorted(PLACE_WORDS, key=len, reverse=True):
            if text.lower().startswith(word + " "):
                text = text[len(word) + 1 :]
                break
        if text and text not in found:
            found.append(text)
    return tuple(found)


def keep_together(text: str, places: Iterable[str] = ()) -> str:
    """``text`` with no-break spaces inside the phrases that are one name.

    ``places`` are the proper names of the ward and its city ("Kiến An", "Hải Phòng"): "phường Kiến
    An" is then one unit, as is "Kiến An" alone. Markup (``<b>``) and other spaces are left as they are.
    """
    pattern = _pattern(tuple(p for p in places if p.strip()))
    return pattern.sub(lambda m: re.sub(r"[ \u00a0]+", NBSP, m.group(0)), text)


def release(text: str) -> str:
    """The text with its no-break spaces back to plain spaces."""
    return text.replace(NBSP, " ")
