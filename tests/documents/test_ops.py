"""The documents through the one door: issuing and the page layout are changes that say what they
changed; a preview, the register and a reprint are reads that change nothing."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.documents import ops
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import KINDS, DocumentError
from desktop.documents.layout import PageLayout
from desktop.documents.register import write_pdf
from desktop.documents.service import kind_module
from desktop.storage import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def heard(ctx: AppContext) -> list[Change]:
    changes: list[Change] = []
    ctx.door.listen(changes.append)
    return changes


def test_issuing_gives_the_next_number_and_says_which_document_changed(
    db: Database, ctx: AppContext, heard: list[Change]
) -> None:
    plan = DocumentRequest("plan")
    first = ctx.door.run(ops.issue(plan, date(2025, 2, 5), ctx.folder.documents))
    second = ctx.door.run(ops.issue(plan, date(2025, 7, 3), ctx.folder.documents))
    assert (first.symbol, second.symbol) == ("01/KH-UBND", "02/KH-UBND")
    assert first.pdf.startswith(b"%PDF") and first.request == plan
    assert [c.ids_of(Area.DOCUMENTS) for c in heard] == [
        {first.document_id},
        {second.document_id},
    ]
    entries = ctx.door.read(ops.issued_documents)
    assert [(e.symbol, e.issued_on) for e in entries] == [
        ("02/KH-UBND", date(2025, 7, 3)),
        ("01/KH-UBND", date(2025, 2, 5)),
    ]
    # A number once given is never taken back: issuing leaves nothing to undo.
    assert not ctx.door.history.can_undo("documents")
    assert ctx.door.undo("documents") is None


def test_a_reprint_and_a_draft_are_reads(
    db: Database, ctx: AppContext, heard: list[Change]
) -> None:
    issued = ctx.door.run(
        ops.issue(DocumentRequest("plan"), date(2025, 2, 5), ctx.folder.documents)
    )
    heard.clear()
    assert issued.document_id is not None
    again = ctx.door.read(ops.reprinted(issued.document_id, ctx.folder.documents))
    assert (again.pdf, again.symbol, again.title) == (issued.pdf, issued.symbol, issued.title)
    draft = ctx.door.read(ops.draft(DocumentRequest("plan")))
    assert draft.symbol == "" and draft.document_id is None and draft.pdf != issued.pdf
    assert heard == []
    assert len(ctx.door.read(ops.issued_documents)) == 1


def test_a_refused_issue_announces_nothing(
    db: Database, ctx: AppContext, heard: list[Change]
) -> None:
    with pytest.raises(DocumentError, match="Mẫu trắng"):
        ctx.door.run(
            ops.issue(DocumentRequest("plan", blank=True), date(2025, 2, 5), ctx.folder.documents)
        )
    assert heard == [] and ctx.door.read(ops.issued_documents) == []


def test_the_page_layout_is_saved_through_the_door_or_refused_with_each_problem(
    db: Database, ctx: AppContext, heard: list[Change]
) -> None:
    wrong = PageLayout(margin_top=19, margin_left=36)
    with pytest.raises(DocumentError) as refused:
        ctx.door.run(ops.save_page_layout(wrong))
    assert refused.value.problems == wrong.validation_errors()
    assert len(refused.value.problems) == 2
    assert heard == [] and ctx.door.read(ops.page_layout) == PageLayout()
    legal = PageLayout(22, 21, 32, 16, 13)
    assert ctx.door.run(ops.save_page_layout(legal)) == legal
    assert ctx.door.read(ops.page_layout) == legal
    assert [c.touches(Area.DOCUMENTS) for c in heard] == [True]


def test_the_kinds_that_take_a_number_are_those_with_a_type_code() -> None:
    for key, spec in KINDS.items():
        assert spec.numbered == (kind_module(key).TYPE_CODE not in ("", "-")), key


def test_a_pdf_that_cannot_be_written_is_refused_in_vietnamese(tmp_path: Path) -> None:
    occupied = tmp_path / "tệp.txt"
    occupied.write_text("không phải thư mục", encoding="utf-8")
    with pytest.raises(
        DocumentError, match="Không ghi được tệp .*nơi lưu không phải là một thư mục"
    ):
        write_pdf(occupied / "bao-cao.pdf", b"%PDF-1.4")
    chosen = tmp_path / "mới"
    chosen.mkdir()
    assert write_pdf(chosen / "bao-cao.pdf", b"%PDF-1.4").read_bytes() == b"%PDF-1.4"
    assert [p.name for p in chosen.iterdir()] == ["bao-cao.pdf"]  # no .part left


def test_a_pdf_to_a_missing_folder_is_refused_as_excel_is_and_no_folder_is_made(
    tmp_path: Path,
) -> None:
    """A pulled USB stick or a mistyped path: the folder was made up for the PDF and "Đã ghi"
    said, where an Excel file to the same place was refused. Now both say the same words."""
    from desktop.excel.common import ExcelInputError, new_workbook, save_atomically

    gone = tmp_path / "usb" / "2026"
    with pytest.raises(DocumentError) as refused:
        write_pdf(gone / "ke-hoach.pdf", b"%PDF-1.4")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExcelInputError) as excel:
        save_atomically(new_workbook("Kế hoạch")[0], gone / "ke-hoach.pdf")
    assert str(refused.value) == str(excel.value)
    assert "thư mục “" in str(refused.value) and "USB đã rút ra" in str(refused.value)


def test_a_full_disk_while_writing_a_pdf_is_refused_in_vietnamese_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from desktop.text.saving import disk_full

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "bao-cao.pdf"
    with pytest.raises(DocumentError) as refused:
        write_pdf(target, b"%PDF-1.4")
    assert str(refused.value) == disk_full(target)
    assert "ổ đĩa đã đầy" in str(refused.value) and "No space" not in str(refused.value)
    assert list(tmp_path.iterdir()) == []  # neither the PDF nor its .part


def test_a_failing_disk_while_writing_a_pdf_is_said_without_the_systems_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def failing(_fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(DocumentError) as refused:
        write_pdf(tmp_path / "bao-cao.pdf", b"%PDF-1.4")
    assert "lỗi đọc ghi ổ đĩa" in str(refused.value) and "Input/output" not in str(refused.value)


def test_an_issued_pdf_still_makes_the_data_folders_own_documents_folder(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    documents = tmp_path / "data" / "documents"
    ctx.door.run(ops.issue(DocumentRequest("plan"), date(2025, 2, 5), documents))
    assert [p.suffix for p in documents.iterdir()] == [".pdf"]


def test_the_document_command_module_loads_without_the_renderer_or_excel() -> None:
    """``python -m desktop document --help`` builds its parser from the names of the kinds only."""
    probe = (
        "import sys, desktop.commands.document as d, argparse;"
        "p = argparse.ArgumentParser(); d.register(p.add_subparsers());"
        "print(' '.join(m for m in ('reportlab', 'openpyxl', 'sqlmodel') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
