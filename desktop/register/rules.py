"""Checks shared by units and persons of the register: lenient on form, clear in Vietnamese."""

from __future__ import annotations

import re

from desktop.errors import Refusal
from desktop.text import search_key

# Several numbers may share one cell: "0225 3876 123 / 0912 345 678".
_PHONE_SEPARATORS = re.compile(r"[,;/]|\s-\s")
_PHONE_CHARACTERS = re.compile(r"^[0-9+().\-\s]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
MAX_COUNT = 10_000_000


class RegisterError(Refusal, ValueError):
    """A change of the register that was refused; ``problems`` are the clerk's messages.

    ``message`` heads the list when the problems are many of one kind (the rows of an import);
    without it the problems are the message.
    """

    def __init__(self, problems: list[str], message: str = "") -> None:
        super().__init__(message or "\n".join(problems), problems)


def name_key(name: str) -> str:
    """Two names are the same if they differ only in case, spacing or Unicode form (NFC/NFD)."""
    return search_key(name, ignore_diacritics=False)


def check_length(value: str, label: str, limit: int) -> list[str]:
    if len(value) > limit:
        return [f"{label} dài quá {limit} ký tự."]
    return []


def check_phone(phone: str) -> list[str]:
    """Accept what people really write (spaces, dots, +84, two numbers), refuse what is not a number."""
    if not phone:
        return []
    if not _PHONE_CHARACTERS.match(_PHONE_SEPARATORS.sub(" ", phone)):
        return [f"Số điện thoại “{phone}” chỉ được gồm chữ số, dấu cách và các dấu + ( ) . -"]
    for number in _PHONE_SEPARATORS.split(phone):
        digits = sum(ch.isdigit() for ch in number)
        if not 8 <= digits <= 15:
            return [f"Số điện thoại “{number.strip()}” phải có từ 8 đến 15 chữ số."]
    return []


def check_email(email: str) -> list[str]:
    if email and not _EMAIL.match(email):
        return [f"Địa chỉ email “{email}” không đúng dạng ten@mien.vn."]
    return []


def check_count(value: int | None, label: str) -> list[str]:
    if value is None:
        return []
    if value < 0:
        return [f"{label} không được âm."]
    if value > MAX_COUNT:
        return [f"{label} quá lớn ({value})."]
    return []
