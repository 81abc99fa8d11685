"""Names Windows refuses, and paths past its 260 characters, for the files the app writes."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest
from sqlmodel import select

from desktop.awards import attachments
from desktop.awards.attachments import attach_file, viewer_folder, viewing_copy
from desktop.context import AppContext
from desktop.models import Dossier, DossierStatus
from desktop.storage import Database
from desktop.text.filenames import (
    MIN_STEM,
    WINDOWS_MAX_PATH,
    fitting_name,
    is_device_name,
    name_problem,
    safe_file_name,
)

DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + [
    f"{port}{digit}" for port in ("COM", "LPT") for digit in "0123456789¹²³"
]


@pytest.mark.parametrize("device", DEVICES)
def test_every_device_name_in_any_case_and_with_any_extension_gets_a_stem_of_its_own(
    device: str,
) -> None:
    for name in (
        device,
        device.lower(),
        f"{device}.pdf",
        f"{device.title()} .tar.gz",
        f"{device}.",
    ):
        safe = safe_file_name(name)
        assert safe.startswith("_") and not is_device_name(safe), name
        assert name_problem(name) is not None, name


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("báo cáo.pdf.", "báo cáo.pdf"),
        ("Tờ trình số 12 .docx  ", "Tờ trình số 12 .docx"),
        ("hồ sơ...", "hồ sơ"),
        ('a<b>c"d|e?f*g.pdf', "a_b_c_d_e_f_g.pdf"),
        ("thư mục/con:đường\\Giấy khen.pdf", "Giấy khen.pdf"),  # path parts dropped
        ("D:Biên bản.pdf", "Biên bản.pdf"),
        ("CONTRACT.pdf", "CONTRACT.pdf"),  # a device name only when it is the whole stem
        ("COM10.txt", "COM10.txt"),
    ],
)
def test_names_windows_refuses_are_made_ones_it_takes(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe
    assert name_problem(safe) is None


def test_a_refused_character_is_named_for_the_clerk() -> None:
    problem = name_problem("Quyết định: số 5/QĐ.pdf")
    assert problem is not None and "(/ :)" in problem and "Windows không cho phép" in problem


# A data folder as Windows has it: a Vietnamese user name with spaces, the viewer's area, an id.
VIEWER = PureWindowsPath(r"C:\Users\Trần Thị Ngọc Ánh\AppData\Local\ThiDua\.tmp\xem\1234")


def test_a_long_name_is_cut_in_its_stem_to_fit_windowss_260_characters() -> None:
    # Typed without diacritics, the name reaches its 200 characters (with them, 240 UTF-8 bytes
    # stop it sooner).
    name = "Bao cao thanh tich cua tap the To dan pho so 7 phuong Hoa An " * 4 + "nam 2025.pdf"
    assert len(str(VIEWER / safe_file_name(name))) > WINDOWS_MAX_PATH  # as stored, too long
    fitted = fitting_name(VIEWER, name)
    assert len(str(VIEWER / fitted)) <= WINDOWS_MAX_PATH
    assert fitted.endswith(".pdf") and fitted.startswith("Bao cao thanh tich")
    assert fitted == safe_file_name(fitted) and name_problem(fitted) is None


def test_a_short_name_is_left_as_it_is_and_a_cut_never_ends_on_a_dot_or_a_space() -> None:
    assert fitting_name(VIEWER, "Tờ trình số 12.pdf") == "Tờ trình số 12.pdf"
    room = WINDOWS_MAX_PATH - len(str(VIEWER)) - 1
    cut_at_space = "a" * (room - 5) + " " + "b" * 40 + ".docx"
    fitted = fitting_name(VIEWER, cut_at_space)
    assert fitted == "a" * (room - 5) + ".docx"
    assert len(str(VIEWER / fitted)) <= WINDOWS_MAX_PATH


def test_a_cut_that_would_leave_a_device_name_does_not() -> None:
    deep = PureWindowsPath("C:\\" + "x" * (WINDOWS_MAX_PATH - 12))
    fitted = fitting_name(deep, "CON" + " " * 20 + "tract.pdf")
    assert not is_device_name(fitted) and fitted.endswith(".pdf")


def test_a_folder_too_deep_for_any_name_keeps_a_stem_of_some_letters() -> None:
    deep = PureWindowsPath("C:\\" + "x" * WINDOWS_MAX_PATH)
    assert fitting_name(deep, "Quyết định khen thưởng.pdf") == "Quyết đị.pdf"
    assert len("Quyết đị") == MIN_STEM


def test_the_viewing_copy_of_a_long_named_attachment_fits_and_opens(
    demo_db: Database, ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "Biên bản họp Hội đồng thi đua khen thưởng phường " * 4 + ".pdf"
    source = tmp_path / "bien-ban.pdf"  # a short name here: a Windows runner's tmp is deep
    source.write_bytes(b"%PDF-1.4 bien ban")
    with demo_db.session() as s:
        dossier = s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()
        assert dossier is not None
        attachment = attach_file(s, ctx.folder.attachments, dossier.id, source)
    attachment.original_name = safe_file_name(name)  # as a file picked elsewhere was stored
    folder = viewer_folder(ctx.folder)
    # Whatever the depth of the test's folder, the limit leaves 60 characters for the name.
    limit = len(str(folder / str(attachment.id))) + 1 + 60
    assert len(str(folder / str(attachment.id) / attachment.original_name)) > limit
    monkeypatch.setattr(
        attachments, "fitting_name", lambda where, what: fitting_name(where, what, limit)
    )
    copy = viewing_copy(ctx.folder.attachments, attachment, folder)
    assert len(str(copy)) <= limit and copy.suffix == ".pdf"
    assert copy.name.startswith("Biên bản họp Hội đồng")
    assert copy.read_bytes() == b"%PDF-1.4 bien ban"
