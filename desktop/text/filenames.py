"""File names that come from outside (a picked file, a restored backup): one rule for what is safe.

A name is shown to the clerk, written into the data folder's viewer area and carried to a Windows
machine with the data folder, so it must be one plain name on every system: no folder parts (``/``,
``\\``, ``C:``, ``\\\\server\\share``), nothing invisible that changes what the clerk reads (control
characters, bidi overrides that turn "hoadon‮fdp.exe" into "hoadonexe.pdf", zero-width characters),
nothing Windows refuses (``<>:"/\\|?*``, a trailing dot or space, a device name such as ``CON``,
``COM¹`` or ``CONIN$`` with any extension), and short enough for every file system.

:func:`safe_file_name` makes any name safe (for names already stored); :func:`name_problem` tells
the clerk, before a file is attached, what in its visible name must be changed. Both follow the same
rule: a name has no problem exactly when :func:`safe_file_name` leaves its visible form unchanged.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

# What a name given for an empty or all-invisible name is called (and the stem of ".pdf").
FALLBACK_STEM = "Tệp đính kèm"
# Characters, and UTF-8 bytes (Linux file systems allow 255 bytes per name, Windows 255 UTF-16
# units): room is left for the "_" a device name receives.
MAX_CHARS = 200
MAX_BYTES = 240
# An extension longer than this is part of the stem when the name is shortened.
MAX_SUFFIX = 16
# Windows's MAX_PATH (260) counts the closing NUL: a whole path of 259 characters opens in the app
# and in whatever viewer it hands the file to, whether the PC allows long paths or not.
WINDOWS_MAX_PATH = 259
# A stem is never cut below this, even where the folder leaves no room (the open then fails and
# is worded as any disk failure is).
MIN_STEM = 8

_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_DRIVE = re.compile(r"^[A-Za-z]:")
# Windows device names: a file named so (whatever its extension, case, or trailing spaces before
# the dot) opens the device instead. Windows counts the superscripts ¹ ² ³ as digits of COM/LPT.
_DIGITS = "0123456789\u00b9\u00b2\u00b3"
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{digit}" for port in ("COM", "LPT") for digit in _DIGITS}
)
# Invisible characters that change how a name reads: the bidi embeddings, overrides and isolates
# (U+202A–202E, U+2066–2069), the marks U+200E/200F and U+061C, zero-width characters (U+200B–200D,
# U+2060, U+FEFF) — all of Unicode category Cf — and line or paragraph separators.
_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})
# Characters that cannot be part of a name at all: controls (C0, DEL, C1) and lone surrogates
# (what Python makes of bytes that are not UTF-8 in a Linux file name).
_CONTROL_CATEGORIES = frozenset({"Cc", "Cs"})


def _is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in _CONTROL_CATEGORIES


def visible_name(name: str) -> str:
    """The name as the clerk can see it: NFC, without the invisible characters (kept: the rest)."""
    text = unicodedata.normalize("NFC", name)
    return "".join(ch for ch in text if not _is_invisible(ch))


def is_device_name(name: str) -> bool:
    """``CON``, ``con.txt``, ``COM¹ .tar.gz``, ``CONIN$``…: a name Windows opens as a device."""
    base = name.split(".", 1)[0].rstrip(" ")
    return base.upper() in _DEVICES


def _last_part(name: str) -> str:
    """The last folder part of a name carrying a path (``/``, ``\\``, ``C:``, ``\\\\server\\x``)."""
    parts = [p for p in re.split(r"[/\\]", name) if p.strip(" .")]
    last = parts[-1] if parts else ""
    return _DRIVE.sub("", last)


def _shorten(name: str) -> str:
    """Cut the stem (never the extension) until the name fits in characters and in UTF-8 bytes."""

    def fits(text: str) -> bool:
        return len(text) <= MAX_CHARS and len(text.encode("utf-8", "surrogatepass")) <= MAX_BYTES

    if fits(name):
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX:
        stem, suffix = name, ""
    else:
        suffix = "." + suffix
    while stem and not fits(stem + suffix):
        stem = stem[:-1]
    return stem.rstrip(" .") + suffix


def safe_file_name(name: str) -> str:
    """``name`` made one safe file name on Windows, macOS and Linux; never empty, extension kept.

    NFC; path parts dropped (the last part is the name); control and invisible characters removed;
    characters Windows forbids become ``_``; leading spaces and trailing spaces and dots go; a
    device name gets a ``_`` in front; the stem is shortened to fit.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join(ch for ch in text if not _is_invisible(ch) and not _is_control(ch))
    text = _last_part(text)
    text = _FORBIDDEN.sub("_", text).strip().rstrip(" .")
    if not text.strip(" ._"):
        text = FALLBACK_STEM + (text if text.startswith(".") and text.strip(".") else "")
    elif text.startswith("."):  # ".pdf": a name that is all extension keeps it, with a stem
        text = FALLBACK_STEM + text
    text = _shorten(text)
    if is_device_name(text):
        text = "_" + text
    return text


def fitting_name(folder: PurePath | str, name: str, limit: int = WINDOWS_MAX_PATH) -> str:
    """``name`` made safe and its stem cut so that ``folder`` joined with it fits in ``limit``.

    For a file the app writes under a name the clerk chose (a viewing copy): a 200-character name
    in ``C:\\Users\\…\\AppData\\Local\\ThiDua\\.tmp\\…`` would pass Windows's 260, and neither the
    app nor the viewer could open it. The extension is kept; a cut never leaves a device name, a
    trailing dot or space.
    """
    name = safe_file_name(name)
    room = limit - len(str(folder)) - 1  # the separator
    if len(name) <= room:
        return name
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX:
        stem, suffix = name, ""
    else:
        suffix = "." + suffix
    stem = stem[: max(room - len(suffix), MIN_STEM)]
    return safe_file_name(stem.rstrip(" .") + suffix)


def name_problem(name: str) -> str | None:
    """What the clerk must change in a file's name before it is attached, or None.

    Invisible characters are not a problem the clerk can see or fix: they are simply not kept
    (:func:`safe_file_name` drops them when the name is stored). Everything else that
    :func:`safe_file_name` would change is reported, with the first reason that applies.
    """
    shown = visible_name(name)
    printable = "".join(ch if not _is_control(ch) else "?" for ch in shown)
    if not shown.strip(" ."):
        return "Tên tệp trống."
    bad = sorted(set(_FORBIDDEN.findall(shown)) | {c for c in shown if _is_control(c)})
    if bad:
        listed = " ".join(f"mã {ord(c)}" if _is_control(c) else c for c in bad)
        return (
            f"Tên tệp “{_FORBIDDEN.sub('_', printable)}” có ký tự Windows không cho phép "
            f"({listed}); hãy đổi tên tệp rồi đính kèm lại."
        )
    if is_device_name(shown):
        return f"Tên tệp “{shown}” là tên dành riêng của Windows; hãy đổi tên tệp."
    if shown.endswith((" ", ".")):
        return f"Tên tệp “{shown}” kết thúc bằng dấu cách hoặc dấu chấm, Windows không cho phép; hãy đổi tên."
    if len(shown) > MAX_CHARS or len(shown.encode("utf-8")) > MAX_BYTES:
        return f"Tên tệp dài quá {MAX_CHARS} ký tự; hãy đặt tên ngắn hơn."
    if safe_file_name(shown) != shown:
        return f"Tên tệp “{shown}” không dùng được trên Windows (bắt đầu bằng dấu cách hoặc dấu chấm); hãy đổi tên tệp."
    return None
