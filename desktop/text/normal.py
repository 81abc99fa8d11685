"""Vietnamese text in and out: NFC on the way in, keys for search and for sorting.

Stored text is Unicode NFC (TCVN 6909:2001, dựng sẵn). Search keys fold case and, on request,
diacritics (with đ → d, which Unicode decomposition does not do). The sort key follows the
Vietnamese alphabet (a ă â b c d đ e ê … with tones ordered ngang, huyền, hỏi, ngã, sắc, nặng) so
that the domain can sort without Qt; the GUI may use QCollator, which agrees with it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"(\d+)", re.ASCII)
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def clean(value: str) -> str:
    """Normalise one piece of typed or imported text: NFC, control characters removed, trimmed."""
    text = unicodedata.normalize("NFC", value).translate(_CONTROL)
    return text.strip()


def clean_line(value: str) -> str:
    """Like :func:`clean`, and runs of white space (tabs, newlines) fold to one space."""
    return _SPACES.sub(" ", clean(value))


def strip_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


@lru_cache(maxsize=65536)
def search_key(text: str, ignore_diacritics: bool = True) -> str:
    """The form of ``text`` that search compares: case-folded, spaces folded, diacritics optional."""
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    return strip_diacritics(folded) if ignore_diacritics else folded


def matches(query: str, text: str, ignore_diacritics: bool = True) -> bool:
    """Every word of the query occurs in the text (order free), as the clerk expects of a search box."""
    haystack = search_key(text, ignore_diacritics)
    return all(word in haystack for word in search_key(query, ignore_diacritics).split(" "))


# Base letters in Vietnamese alphabetical order; letters outside it sort after, by code point.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_LETTER_RANK = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks, ordered as Vietnamese dictionaries order them (ngang first).
_TONE_RANK = {"": 0, "\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split_letter(ch: str) -> tuple[str, str]:
    """One precomposed letter → (base letter of the alphabet, tone mark)."""
    lower = ch.lower()
    if lower == "đ":
        return "đ", ""
    parts = unicodedata.normalize("NFD", lower)
    base, marks = parts[0], parts[1:]
    tone = ""
    for mark in marks:
        if mark in _TONE_RANK:
            tone = mark
        elif mark == "\u0306":
            base = "ă"
        elif mark == "\u0302":
            base = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        elif mark == "\u031b":
            base = {"o": "ơ", "u": "ư"}.get(base, base)
    return base, tone


@lru_cache(maxsize=65536)
def sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """Key for sorting names in Vietnamese order: letters first, then tones, then case as a tie-break.

    Digits sort before letters; "Đào" sorts after "Dũng" because đ follows d in the alphabet.
    """
    letters: list[int] = []
    tones: list[int] = []
    for part in _DIGITS.split(unicodedata.normalize("NFC", text).strip()):
        if part.isdigit():
            # A run of digits sorts by its value: "số 2" before "số 10".
            letters.extend((10, len(part.lstrip("0")), *(10 + int(d) for d in part)))
            tones.extend(0 for _ in range(len(part) + 2))
            continue
        _add_letters(part, letters, tones)
    return tuple(letters), tuple(tones), text


def _add_letters(part: str, letters: list[int], tones: list[int]) -> None:
    for ch in part:
        if ch.isspace():
            letters.append(0)
            tones.append(0)
            continue
        base, tone = _split_letter(ch)
        rank = 100 + _LETTER_RANK[base] if base in _LETTER_RANK else 1000 + ord(base)
        letters.append(rank)
        tones.append(_TONE_RANK.get(tone, 0))
