"""Search and sort keys for big registers, computed once per row and fast.

:func:`desktop.text.sort_key` and :func:`desktop.text.search_key` walk a name character by character
in Python; for a register of 20,000 units that is most of half a second. The keys here give exactly
the same order and the same matches, but through ``str.translate`` with tables filled on first use,
so computing them for every row of a big register takes a few dozen milliseconds.
"""

from __future__ import annotations

import re
import unicodedata

from desktop.text import _LETTER_RANK, _TONE_RANK, _split_letter, strip_diacritics

_DIGITS = re.compile(r"(\d+)", re.ASCII)
# Between the fields of one row, so a searched word never matches across two columns.
FIELD_SEPARATOR = "\x1f"


class _FoldTable(dict[int, str]):
    """code point → its search form (case-folded, without diacritics); filled on first sight."""

    def __missing__(self, code: int) -> str:
        value = strip_diacritics(chr(code).casefold())
        self[code] = value
        return value


class _LetterTable(dict[int, str]):
    """code point → one character whose code orders like :func:`desktop.text.sort_key`'s letter rank."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isspace():
            value = "\x00"
        else:
            base, _ = _split_letter(ch)
            rank = 100 + _LETTER_RANK[base] if base in _LETTER_RANK else 1000 + ord(base)
            value = chr(min(rank, 0x10FFFF))
        self[code] = value
        return value


class _ToneTable(dict[int, str]):
    """code point → one character coding its tone rank (ngang, huyền, hỏi, ngã, sắc, nặng)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        tone = "" if ch.isspace() else _split_letter(ch)[1]
        value = chr(_TONE_RANK.get(tone, 0))
        self[code] = value
        return value


_FOLD = _FoldTable()
_LETTERS = _LetterTable()
_TONES = _ToneTable()


def fold(text: str) -> str:
    """The search form of stored (NFC) text; ``word in fold(text)`` matches :func:`search_key` words."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.translate(_FOLD)


def row_search_text(*fields: str) -> str:
    """One row's search text: every field folded, kept apart by :data:`FIELD_SEPARATOR`."""
    return fold(FIELD_SEPARATOR.join(fields))


def fast_sort_key(text: str) -> tuple[str, str, str]:
    """Sorts like :func:`desktop.text.sort_key` (Vietnamese alphabet, tones, numbers by value)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text_stripped = text.strip()
    if not _DIGITS.search(text_stripped):
        return text_stripped.translate(_LETTERS), text_stripped.translate(_TONES), text
    letters: list[str] = []
    tones: list[str] = []
    for part in _DIGITS.split(text_stripped):
        if part.isdigit():
            # Same shape as sort_key: a marker, the number's length, then its digits.
            letters.append(
                "\x0a" + chr(len(part.lstrip("0"))) + "".join(chr(10 + int(d)) for d in part)
            )
            tones.append("\x00" * (len(part) + 2))
        elif part:
            letters.append(part.translate(_LETTERS))
            tones.append(part.translate(_TONES))
    return "".join(letters), "".join(tones), text


def person_sort_key(name: str) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Vietnamese persons sort by given name (the last word), then by the full name."""
    return fast_sort_key(name.rsplit(" ", 1)[-1]), fast_sort_key(name)
