"""A day typed on the command line, dd/mm/yyyy as the clerk writes it everywhere."""

from __future__ import annotations

from datetime import date, datetime

from desktop.errors import Refusal

BAD_DAY = "Ngày “{text}” không đúng dạng dd/mm/yyyy."


class BadDate(Refusal):
    """A day not written dd/mm/yyyy (or one that does not exist: 31/02/2026)."""


def parse_day(text: str | None, refused: str = BAD_DAY) -> date | None:
    """The day ``text`` names; None when nothing was typed. ``refused`` words the refusal."""
    if text is None or not text.strip():
        return None
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date()
    except ValueError:
        raise BadDate(refused.format(text=text)) from None


def required_day(text: str | None, missing: str, refused: str = BAD_DAY) -> date:
    """:func:`parse_day` of an option that must be given; ``missing`` says which."""
    day = parse_day(text, refused)
    if day is None:
        raise BadDate(missing)
    return day
