"""What a backup holds (PDFs, window.ini), where it may go, and what it leaves behind (nothing)."""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

import pytest

from desktop.backup import (
    DamagedBackup,
    TargetError,
    create_backup,
    crypto,
    list_backups,
    restore_backup,
    trial_restore,
    verify,
)
from desktop.backup.manifest import DOCUMENTS, MANIFEST_NAME, WINDOW_SETTINGS, comment_for
from desktop.cli import main
from desktop.context import AppContext
from desktop.storage import Database

PASSPHRASE = "Kiến An 2026!"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_backup_holds_issued_pdfs_and_reprint_after_restore(
    data_dir: Path, tmp_path: Path, usb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The office PC died; on the new one, a numbered document reprints identically."""
    data = ["--data-dir", str(data_dir)]
    first = tmp_path / "ke-hoach.pdf"
    assert main([*data, "demo"]) == 0
    issue = [*data, "document", "plan", "--issue", "--date", "07/07/2025", "--out", str(first)]
    assert main(issue) == 0
    assert main([*data, "backup", "--to", str(usb)]) == 0
    [backup] = list_backups(usb)
    new_pc = ["--data-dir", str(tmp_path / "new-pc")]
    assert main([*new_pc, "restore", str(backup.path)]) == 0
    capsys.readouterr()
    again = tmp_path / "in-lai.pdf"
    assert main([*new_pc, "document", "reprint", "--id", "1", "--out", str(again)]) == 0
    assert again.read_bytes() == first.read_bytes()
    assert main([*new_pc, "check"]) == 0
    assert "1 tệp PDF văn bản đã ban hành theo mã băm: đủ và đúng" in capsys.readouterr().out


def test_backup_holds_the_window_settings_and_restore_brings_them_back(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    ctx.folder.window_settings.write_text("[main]\ngeometry=1200x800\n", encoding="utf-8")
    backup = create_backup(ctx.folder, usb)
    assert WINDOW_SETTINGS in backup.manifest.holds and DOCUMENTS in backup.manifest.holds
    ctx.folder.window_settings.write_text("[main]\ngeometry=640x480\n", encoding="utf-8")
    restore_backup(ctx, backup.path)
    assert ctx.folder.window_settings.read_text(encoding="utf-8") == "[main]\ngeometry=1200x800\n"


def _as_format_1(source: Path, target: Path) -> Path:
    """The same backup as an older ThiĐua wrote it: no documents, no window.ini, no ``holds``."""
    with zipfile.ZipFile(source) as original:
        manifest = json.loads(original.read(MANIFEST_NAME))
        keep = [
            m for m in manifest["members"] if m["name"].startswith(("database/", "attachments/"))
        ]
        manifest["members"], manifest["format"] = keep, 1
        del manifest["holds"]
        raw = json.dumps(manifest).encode()
        with zipfile.ZipFile(target, "w") as out:
            for member in keep:
                out.writestr(member["name"], original.read(member["name"]))
            out.writestr(MANIFEST_NAME, raw)
            out.comment = comment_for(hashlib.sha256(raw).hexdigest()).replace(b"/2 ", b"/1 ")
    return target


def test_old_backup_without_documents_still_restores_and_keeps_the_pdfs(
    ctx: AppContext, demo_db: Database, usb: Path, tmp_path: Path
) -> None:
    pdf = ctx.folder.documents / f"{'c' * 64}.pdf"
    pdf.write_bytes(b"%PDF-1.4 da ban hanh")
    ctx.folder.window_settings.write_text("[main]\n", encoding="utf-8")
    old = _as_format_1(create_backup(ctx.folder, usb).path, tmp_path / "cu.tdbak")
    result = restore_backup(ctx, old)
    assert result.manifest.holds == ["database", "attachments"]
    assert pdf.read_bytes() == b"%PDF-1.4 da ban hanh"  # not in the backup: left as it was
    assert ctx.folder.window_settings.exists()


def test_window_settings_member_not_declared_in_manifest_is_refused(
    ctx: AppContext, demo_db: Database, usb: Path, tmp_path: Path
) -> None:
    good = create_backup(ctx.folder, usb).path
    with zipfile.ZipFile(good) as original:
        manifest = json.loads(original.read(MANIFEST_NAME))
        content = b"[main]\n"
        manifest["members"].append(
            {
                "name": "window.ini",
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        )
        raw = json.dumps(manifest).encode()
        bad = tmp_path / "them-window.tdbak"
        with zipfile.ZipFile(bad, "w") as out:
            for member in original.infolist():
                if member.filename != MANIFEST_NAME:
                    out.writestr(member.filename, original.read(member))
            out.writestr("window.ini", content)
            out.writestr(MANIFEST_NAME, raw)
            out.comment = comment_for(hashlib.sha256(raw).hexdigest())
    with pytest.raises(DamagedBackup, match="holds"):
        verify.verify_backup(bad, work_dir=tmp_path / "w")


@pytest.mark.parametrize("inside", ["attachments", "backups", "documents", ".", "logs/sub"])
def test_backup_into_attachments_is_refused(
    ctx: AppContext, demo_db: Database, inside: str
) -> None:
    """A backup inside the data folder nests (0,6 → 1,2 → 2,4 MB) and dies with the disk."""
    target = ctx.folder.root / inside
    target.mkdir(parents=True, exist_ok=True)
    before = sorted(p.name for p in target.iterdir())
    with pytest.raises(TargetError, match="nằm trong thư mục dữ liệu"):
        create_backup(ctx.folder, target)
    assert sorted(p.name for p in target.iterdir()) == before


def test_backup_into_a_link_to_the_data_folder_is_refused(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    link = tmp_path / "looks-like-a-stick"
    link.symlink_to(ctx.folder.attachments, target_is_directory=True)
    with pytest.raises(TargetError, match="nằm trong thư mục dữ liệu"):
        create_backup(ctx.folder, link)


def test_automatic_backups_still_go_into_the_data_folder(
    ctx: AppContext, demo_db: Database
) -> None:
    from desktop.backup import auto_backup

    result = auto_backup(ctx.folder, kept=3)
    assert result is not None and result.path.parent == ctx.folder.backups


def test_stale_part_files_on_target_are_swept(
    ctx: AppContext, demo_db: Database, usb: Path
) -> None:
    """Two earlier backups were killed mid-write: their hidden parts go when the stick is next used."""
    stale = [
        usb / ".ThiDua-PhuongKienAn-20261130-101010.tdbak.part",
        usb / ".ThiDua-X-1.tdbak.part",
    ]
    for index, part in enumerate(stale):
        part.write_bytes(b"\0" * (1000 * (index + 1)))
    theirs = usb / "bao-cao.docx.part"  # not ours: never touched
    theirs.write_bytes(b"x")
    result = create_backup(ctx.folder, usb)
    assert not any(p.exists() for p in stale) and theirs.exists()
    assert sorted(r.path for r in result.swept) == sorted(stale)
    line = result.swept_line()
    assert line is not None and line.startswith("Đã xóa 2 tệp sao lưu dở dang (3 KB)")
    assert create_backup(ctx.folder, usb).swept_line() is None


def test_encrypted_trial_restore_leaves_no_plaintext_outside_data_folder(
    ctx: AppContext,
    demo_db: Database,
    usb: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Killed while checking, the decrypted archive is in the data folder, swept at the next start."""
    from desktop.backup.recovery import recover_at_start

    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    backup = create_backup(ctx.folder, usb, passphrase=PASSPHRASE)
    seen: list[Path] = []

    class Killed(BaseException):
        pass

    def killed_while_checking(plain: Path, *args: object, **kwargs: object) -> None:
        seen.append(plain)
        assert plain.exists()
        raise Killed

    monkeypatch.setattr(verify, "_verify_zip", killed_while_checking)
    with pytest.raises(Killed):
        trial_restore(backup.path, passphrase=PASSPHRASE, work_dir=ctx.folder.scratch)
    [plain] = seen
    assert plain.is_relative_to(ctx.folder.scratch)
    assert list(system_temp.iterdir()) == []
    monkeypatch.undo()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    result = trial_restore(backup.path, passphrase=PASSPHRASE, work_dir=ctx.folder.scratch)
    assert result.test_only and list(system_temp.iterdir()) == []
    restore_backup(ctx, backup.path, passphrase=PASSPHRASE)
    assert list(system_temp.iterdir()) == []
    recover_at_start(ctx.folder)
    assert not ctx.folder.scratch.exists() or list(ctx.folder.scratch.iterdir()) == []


def test_start_sweep_says_what_each_leftover_was_not_only_how_many(ctx: AppContext) -> None:
    """The sweep names what the crash cut short (a backup, a restore, a trial restore, a file
    being attached), so the clerk knows what to run again; a count alone said nothing."""
    from desktop.backup.recovery import recover_at_start

    root = ctx.folder.root
    (root / ".backup-k1").mkdir()
    (root / ".restore-20261201-080000-000001").mkdir()
    ctx.folder.scratch.mkdir(exist_ok=True)
    (ctx.folder.scratch / ".restore-test-k2").mkdir()
    (ctx.folder.scratch / ".restore-test-k3").mkdir()
    (ctx.folder.attachments / "ab").mkdir(parents=True)
    (ctx.folder.attachments / "ab" / ".incoming-k4").write_bytes(b"x" * 10)
    [line] = recover_at_start(ctx.folder)
    assert line.startswith("Đã dọn 5 mục tạm (10 byte) do lần chạy trước bị ngắt giữa chừng: ")
    for kind in (
        "lần sao lưu dở dang",
        "lần khôi phục dở dang",
        "lần khôi phục thử dở dang (2 mục)",
        "tệp đính kèm chép vào dở dang",
    ):
        assert kind in line
