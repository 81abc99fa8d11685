"""``check`` reads every stored attachment and issued PDF again, and never makes a database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.awards.attachments import stored_path
from desktop.backup.stored import attachment_file, document_file
from desktop.cli import main
from desktop.context import AppContext
from desktop.documents.register import pdf_path
from desktop.models import Attachment, IssuedDocument
from desktop.paths import DataFolder
from desktop.storage import Database


def attach(ctx: AppContext, content: bytes) -> Path:
    sha = hashlib.sha256(content).hexdigest()
    path = attachment_file(ctx.folder, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    with ctx.db.session() as session:
        session.add(
            Attachment(dossier_id=1, sha256=sha, original_name="to-trinh.pdf", size=len(content))
        )
    return path


def issued_pdf(ctx: AppContext, content: bytes) -> Path:
    from datetime import date

    sha = hashlib.sha256(content).hexdigest()
    path = document_file(ctx.folder, sha)
    path.write_bytes(content)
    with ctx.db.session() as session:
        session.add(
            IssuedDocument(
                kind="plan",
                type_code="KH",
                year=2026,
                number=9,
                symbol="09/KH-UBND",
                title="Kế hoạch",
                issued_on=date(2026, 12, 1),
                pdf_sha256=sha,
            )
        )
    return path


def run_check(ctx: AppContext, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    ctx.close()
    capsys.readouterr()
    code = main(["--data-dir", str(ctx.folder.root), "check"])
    return code, capsys.readouterr().out


def test_stored_layouts_are_the_writers_own() -> None:
    folder = DataFolder(Path("/du-lieu"))
    sha = "0123" * 16
    assert attachment_file(folder, sha) == stored_path(folder.attachments, sha)
    assert document_file(folder, sha) == pdf_path(folder.documents, sha)


def test_check_finds_changed_attachment_of_same_size(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    path = attach(ctx, b"%PDF-1.4 to trinh goc")
    attach(ctx, b"anh chup bang khen")
    assert run_check(ctx, capsys)[0] == 0
    path.write_bytes(b"%PDF-1.4 to trinh SUA")  # other bytes, the same size
    code, out = run_check(ctx, capsys)
    assert code == 1
    assert "2 tệp đính kèm" in out and "1 tệp thiếu hoặc bị thay đổi" in out
    assert "Tệp đính kèm #" in out and "đã bị thay đổi" in out
    assert "to-trinh.pdf" not in out  # names are the clerk's data: the ids say which


def test_check_finds_missing_and_changed_issued_pdfs(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = issued_pdf(ctx, b"%PDF-1.4 ke hoach 09")
    missing = attach(ctx, b"bien ban hop")
    pdf.write_bytes(b"%PDF-1.4 ke hoach 10")
    missing.unlink()
    code, out = run_check(ctx, capsys)
    assert code == 1
    assert "Tệp PDF của văn bản 09/KH-UBND" in out and "đã bị thay đổi" in out
    assert "Thiếu tệp đính kèm #" in out
    assert "Hãy khôi phục các tệp này từ bản sao lưu" in out


def test_check_of_a_mistyped_folder_creates_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "du-lieu-go-nham"
    assert main(["--data-dir", str(folder), "check"]) != 0
    said = capsys.readouterr()
    assert "chưa có" in said.out + said.err  # the start-up's rule or the check's own, worded
    assert not (folder / "thidua.sqlite3").exists()


def test_check_of_a_folder_without_database_creates_none(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check's own rule, should the folder exist (its attachments kept, its database lost)."""
    from argparse import Namespace

    from desktop.commands.basic import run_check

    folder = DataFolder(tmp_path / "du-lieu").ensure()
    assert run_check(Namespace(), AppContext(folder)) == 1
    assert "chưa có tệp dữ liệu ThiĐua" in capsys.readouterr().out
    assert not folder.database.exists()


def test_check_writes_nothing_to_the_database(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    """A check reads: the file's bytes are the same after it."""
    ctx.close()
    from desktop.backup.restore import _settle

    _settle(ctx.folder.database)  # one self-contained file, so its bytes say it all
    before = ctx.folder.database.read_bytes()
    assert main(["--data-dir", str(ctx.folder.root), "check"]) == 0
    assert ctx.folder.database.read_bytes() == before


def test_a_stored_file_replaced_by_a_link_is_named_not_counted_whole(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Measured: an attachment swapped for a link to a copy outside the data folder passed the
    check ("đủ và đúng") while every backup left it out, and a restore then lacked it."""
    content = b"%PDF-1.4 to trinh that"
    path = attach(ctx, content)
    pdf = issued_pdf(ctx, b"%PDF-1.4 ke hoach that")
    for stored in (path, pdf):
        outside = tmp_path / f"ngoai-{stored.name}"
        outside.write_bytes(stored.read_bytes())
        stored.unlink()
        stored.symlink_to(outside)
    code, out = run_check(ctx, capsys)
    assert code != 0
    assert "2 tệp thiếu hoặc bị thay đổi" in out
    assert out.count("chỉ là một lối tắt (liên kết) tới nơi khác") == 2
    assert "Tệp PDF của văn bản 09/KH-UBND" in out


def test_a_backup_that_could_not_hold_a_stored_file_says_which(
    ctx: AppContext, demo_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Measured: with an attachment swapped for a link, the backup said only "Đã sao lưu và kiểm
    tra lại" and left it out; a missing PDF and a changed attachment went unsaid the same way."""
    linked = attach(ctx, b"%PDF-1.4 to trinh that")
    changed = attach(ctx, b"%PDF-1.4 bien ban that")
    gone = issued_pdf(ctx, b"%PDF-1.4 ke hoach that")
    outside = tmp_path / "ngoai.pdf"
    outside.write_bytes(linked.read_bytes())
    linked.unlink()
    linked.symlink_to(outside)
    changed.write_bytes(b"%PDF-1.4 bien ban KHAC")
    gone.unlink()
    usb = tmp_path / "usb"
    usb.mkdir()
    ctx.close()
    assert main(["--data-dir", str(ctx.folder.root), "backup", "--to", str(usb)]) == 0
    said = capsys.readouterr()
    assert "Đã sao lưu và kiểm tra lại" in said.out
    assert "bản sao lưu thiếu 3 tệp mà dữ liệu cần" in said.err
    assert "văn bản 09/KH-UBND" in said.err and said.err.count("tệp đính kèm “to-trinh.pdf” (#") == 2


def test_a_whole_backup_says_nothing_of_files_left_out(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    from desktop.backup import create_backup

    attach(ctx, b"%PDF-1.4 to trinh")
    issued_pdf(ctx, b"%PDF-1.4 ke hoach")
    usb = tmp_path / "usb"
    usb.mkdir()
    result = create_backup(ctx.folder, usb)
    assert result.left_out == () and result.left_out_line() is None
