"""Issue 17, 4: file dialogs open where the clerk went last time for the same purpose, kept in
window.ini; the titles and filters are the caller's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.context import AppContext
from desktop.ui.widgets.file_dialogs import (
    Purpose,
    existing_folder,
    open_file,
    open_files,
    save_file,
)


class Chooser:
    """Stands in for QFileDialog's static functions: records where each opened, answers
    ``answer`` (a path, "" for Hủy)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answer = ""
        self.calls: list[tuple[str, str, str, str]] = []  # (function, title, start, filter)

        def fake(function: str) -> Any:
            def call(parent: object, title: str, start: str = "", filters: str = "") -> Any:
                self.calls.append((function, title, start, filters))
                if function == "getExistingDirectory":
                    return self.answer
                if function == "getOpenFileNames":
                    return ([self.answer] if self.answer else [], "")
                return (self.answer, "")

            return staticmethod(call)

        for function in (
            "getOpenFileName",
            "getOpenFileNames",
            "getSaveFileName",
            "getExistingDirectory",
        ):
            monkeypatch.setattr(QFileDialog, function, fake(function))

    @property
    def start(self) -> str:
        return self.calls[-1][2]


@pytest.fixture
def chooser(monkeypatch: pytest.MonkeyPatch) -> Chooser:
    return Chooser(monkeypatch)


def test_each_purpose_returns_to_its_own_last_folder(
    ctx: AppContext, chooser: Chooser, tmp_path: Path
) -> None:
    exports, imports = tmp_path / "Báo cáo", tmp_path / "Nhận về"
    exports.mkdir()
    imports.mkdir()
    chooser.answer = str(exports / "so-lieu.xlsx")
    saved = save_file(
        None, ctx, Purpose.EXCEL_EXPORT, "Xuất Excel", "so-lieu.xlsx", "Excel (*.xlsx)"
    )
    assert saved == str(exports / "so-lieu.xlsx")
    assert chooser.calls[-1] == (
        "getSaveFileName",
        "Xuất Excel",
        str(Path.home() / "so-lieu.xlsx"),  # nothing kept yet: the home folder
        "Excel (*.xlsx)",
    )
    chooser.answer = str(imports / "to-1.xlsx")
    assert open_file(None, ctx, Purpose.EXCEL_IMPORT, "Nhập", "Excel (*.xlsx)") == chooser.answer
    assert chooser.start == str(Path.home())

    chooser.answer = ""  # Hủy: nothing returned, nothing forgotten
    assert save_file(None, ctx, Purpose.EXCEL_EXPORT, "Xuất Excel", "ket-qua.xlsx") == ""
    assert chooser.start == str(exports / "ket-qua.xlsx")
    assert open_files(None, ctx, Purpose.EXCEL_IMPORT, "Nhập", "Excel (*.xlsx)") == []
    assert chooser.start == str(imports)
    assert existing_folder(None, ctx, Purpose.BACKUP, "Chọn thư mục") == ""
    assert chooser.start == str(Path.home())  # the backups' folder is their own
    # A suggested file in a folder of the app's (the documents folder) gives way to the folder kept.
    save_file(None, ctx, Purpose.EXCEL_EXPORT, "", ctx.folder.documents / "bieu-mau.xlsx")
    assert chooser.start == str(exports / "bieu-mau.xlsx")


def test_the_folder_kept_survives_a_restart_and_gives_way_once_gone(
    ctx: AppContext, chooser: Chooser, tmp_path: Path
) -> None:
    usb = tmp_path / "USB"
    usb.mkdir()
    chooser.answer = str(usb)
    existing_folder(None, ctx, Purpose.BACKUP, "Chọn thư mục")
    again = AppContext.from_args(ctx.folder.root)  # the next start, over the same data folder
    try:
        existing_folder(None, again, Purpose.BACKUP, "Chọn thư mục")
        assert chooser.start == str(usb)
        assert "USB" in ctx.folder.window_settings.read_text(encoding="utf-8")
        usb.rmdir()  # the stick taken out: the call's own start, else home
        chooser.answer = ""
        open_file(None, again, Purpose.BACKUP, "Chọn tệp sao lưu", "", tmp_path)
        assert chooser.start == str(tmp_path)
        open_file(None, again, Purpose.BACKUP, "Chọn tệp sao lưu")
        assert chooser.start == str(Path.home())
    finally:
        again.close()


def test_the_pages_dialogs_go_through_the_helper(
    main_window, qtbot, chooser: Chooser, tmp_path
) -> None:
    """The Văn bản page's Lưu PDF and Xuất Excel start where the last PDF and Excel went."""
    pdfs = tmp_path / "PDF"
    pdfs.mkdir()
    page = main_window.show_page("documents")
    page.shown = type("Shown", (), {"symbol": "", "title": "Báo cáo", "pdf": b"%PDF"})()
    chooser.answer = ""
    page.save_pdf()
    assert chooser.calls[-1][0] == "getSaveFileName"
    assert chooser.start == str(Path.home() / "Báo cáo.pdf")
    chooser.answer = str(pdfs / "Báo cáo.pdf")
    page.save_pdf()
    assert (pdfs / "Báo cáo.pdf").read_bytes() == b"%PDF"
    chooser.answer = ""
    page.save_pdf()
    assert chooser.start == str(pdfs / "Báo cáo.pdf")
    page.save_xlsx()
    assert chooser.start == str(Path.home())  # Excel is a purpose of its own
