"""File names from outside: one safe name on every system, and the clerk told what to change."""

from __future__ import annotations

import pytest

from desktop.text.filenames import (
    FALLBACK_STEM,
    MAX_BYTES,
    MAX_CHARS,
    is_device_name,
    name_problem,
    safe_file_name,
    visible_name,
)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\System32\\evil.dll", "evil.dll"),
        ("C:\\Users\\canbo\\Tờ trình.pdf", "Tờ trình.pdf"),
        ("C:evil.pdf", "evil.pdf"),
        ("\\\\server\\share\\Biên bản.docx", "Biên bản.docx"),
        ("\\\\?\\C:\\x\\y.pdf", "y.pdf"),
        ("/tmp/ok.pdf/", "ok.pdf"),
        ("thư-mục/..", "thư-mục"),
    ],
)
def test_attachment_name_with_path_is_cleaned(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


@pytest.mark.parametrize(
    "invisible",
    [
        *[chr(c) for c in range(0x202A, 0x202F)],
        *[chr(c) for c in range(0x2066, 0x206A)],
        "\u200e",
        "\u200f",
        "\u061c",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
    ],
)
def test_bidi_override_and_zero_width_are_removed(invisible: str) -> None:
    name = f"hoa{invisible}don{invisible}.pdf"
    assert safe_file_name(name) == "hoadon.pdf"
    # Invisible: nothing for the clerk to fix, they are simply not kept.
    assert name_problem(name) is None
    assert visible_name(name) == "hoadon.pdf"


def test_right_to_left_override_cannot_disguise_an_extension() -> None:
    # Shown as "Báo cáoexe.pdf" by a bidi-aware viewer; the stored name tells the truth.
    assert safe_file_name("Báo cáo\u202efdp.exe") == "Báo cáofdp.exe"


def test_control_characters_are_removed_and_reported() -> None:
    assert safe_file_name("a\tb\x00c\x7f\x85d\ud800.pdf") == "abcd.pdf"
    assert "mã 9" in (name_problem("a\tb.pdf") or "")
    assert "\t" not in (name_problem("a\tb.pdf") or "")


def test_windows_forbidden_characters_become_underscores() -> None:
    assert safe_file_name('bien ban: "hop" <1>|2?*.pdf') == "bien ban_ _hop_ _1__2__.pdf"
    assert "Windows không cho phép" in (name_problem("bien ban: hop.pdf") or "")


@pytest.mark.parametrize(
    "device",
    [
        "CON",
        "con",
        "Con.txt",
        "PRN.pdf",
        "aux.tar.gz",
        "NUL",
        "nul .txt",
        "NUL. .txt",
        "COM1",
        "com9.log",
        "LPT1",
        "lpt5.doc",
        "COM0",
        "LPT0.x",
        "COM\u00b9",
        "com\u00b2.pdf",
        "COM\u00b3 .docx",
        "LPT\u00b9",
        "lpt\u00b2.txt",
        "LPT\u00b3.xlsx",
        "CONIN$",
        "conin$.txt",
        "CONOUT$",
        "Conout$.log",
        "CON ",
        "CON.",
        "CON. . ",
        "CON  .pdf",
        "..\\AUX.pdf",
        "CO\u200bN.pdf",
        "\u202eNUL",
    ],
)
def test_windows_device_names_in_every_form(device: str) -> None:
    safe = safe_file_name(device)
    assert safe.startswith("_") and not is_device_name(safe)
    assert is_device_name(device.split("\\")[-1].replace("\u200b", "").replace("\u202e", ""))
    if "\\" not in device:
        assert "dành riêng" in (name_problem(device.rstrip(". ")) or "")


@pytest.mark.parametrize(
    "name", ["CONSOLE.txt", "COM10.pdf", "LPT.doc", "AUXILIARY", "NULL.x", "CON-1.pdf"]
)
def test_names_that_only_look_like_devices_are_kept(name: str) -> None:
    assert safe_file_name(name) == name and name_problem(name) is None


def test_trailing_dots_and_spaces_go() -> None:
    assert safe_file_name("to trinh. . ") == "to trinh"
    assert "dấu chấm" in (name_problem("to trinh.") or "")


@pytest.mark.parametrize("name", ["", "   ", "...", "\u202e\u200b", "/", "\\\\", "C:", "\x00\x01"])
def test_a_name_never_becomes_empty(name: str) -> None:
    assert safe_file_name(name) == FALLBACK_STEM


def test_a_name_that_is_only_an_extension_keeps_it() -> None:
    assert safe_file_name(".pdf") == f"{FALLBACK_STEM}.pdf"


def test_a_long_name_is_cut_and_keeps_its_extension() -> None:
    ascii_name = "a" * 500 + ".pdf"
    vietnamese = "Báo cáo thành tích tập thể xuất sắc " * 20 + ".docx"
    for name in (ascii_name, vietnamese):
        safe = safe_file_name(name)
        assert len(safe) <= MAX_CHARS and len(safe.encode("utf-8")) <= MAX_BYTES
        assert safe.endswith((".pdf", ".docx")) and not safe[:-5].endswith(" ")
        assert "dài quá" in (name_problem(name) or "")


def test_names_are_stored_in_nfc() -> None:
    decomposed = "To\u0300 tri\u0300nh.pdf"
    assert safe_file_name(decomposed) == "Tò trình.pdf"


@pytest.mark.parametrize(
    "name",
    [
        "Báo cáo thành tích 2025.docx",
        "a|b.pdf",
        "lpt1.txt",
        "COM¹",
        "x\u202e.pdf",
        " lead.pdf",
        ".hidden",
        "to trinh.",
        "C:\\a\\b.pdf",
        "a" * 300,
        "",
        "CONIN$.txt",
        "ok\u200b",
    ],
)
def test_the_clerk_check_and_the_cleaning_follow_one_rule(name: str) -> None:
    shown = visible_name(name)
    assert (name_problem(name) is None) == (safe_file_name(shown) == shown)


def test_safe_names_are_stable() -> None:
    for name in ("../CON.pdf", "a\u202eb. .", "COM¹.txt", "x" * 400, "C:", ".pdf"):
        once = safe_file_name(name)
        assert safe_file_name(once) == once and name_problem(once) is None
