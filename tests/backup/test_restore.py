"""Restore: every row and attachment comes back; every bad file is refused and changes nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import zipfile
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop.backup import (
    SAFETY_TAG,
    BackupError,
    DamagedBackup,
    NewerBackup,
    PassphraseRequired,
    UnsafeBackup,
    WrongPassphrase,
    create_backup,
    crypto,
    list_backups,
    restore_backup,
    trial_restore,
    verify,
)
from desktop.backup.manifest import DATABASE_MEMBER, MANIFEST_NAME, comment_for
from desktop.context import AppContext
from desktop.models import Unit
from desktop.models.register import UnitKind
from desktop.storage import Database

PASSPHRASE = "Kiến An 2026!"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def dump(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order."""
    with closing(sqlite3.connect(database)) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def without_restore_note(
    rows: dict[str, list[tuple[object, ...]]],
) -> dict[str, list[tuple[object, ...]]]:
    """The rows as they were before the restore wrote its own record (its setting and audit row)."""
    kept = dict(rows)
    kept["setting"] = [r for r in rows["setting"] if r[0] != "last_restore"]
    kept["auditentry"] = [
        r for r in rows["auditentry"] if not str(r[-1]).startswith("Khôi phục từ bản sao lưu")
    ]
    return kept


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def live_state(ctx: AppContext) -> tuple[bytes, bytes, dict[str, bytes]]:
    """The database file's bytes (and its WAL), and the attachments, byte for byte."""
    wal = Path(f"{ctx.folder.database}-wal")
    return (
        ctx.folder.database.read_bytes(),
        wal.read_bytes() if wal.exists() else b"",
        files(ctx.folder.attachments),
    )


@pytest.fixture
def ward(ctx: AppContext, demo_db: Database) -> AppContext:
    """The demo ward with two attachments."""
    for content in (b"%PDF-1.4 to trinh", "Ảnh chụp bằng khen".encode() * 50):
        digest = hashlib.sha256(content).hexdigest()
        path = ctx.folder.attachments / digest[:2] / digest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return ctx


@pytest.mark.parametrize("passphrase", [None, PASSPHRASE], ids=["plain", "encrypted"])
def test_round_trip_gives_back_every_row_and_byte(
    ward: AppContext, tmp_path: Path, passphrase: str | None
) -> None:
    ctx = ward
    before_rows = dump(ctx.folder.database)
    before_files = files(ctx.folder.attachments)
    backup = create_backup(ctx.folder, tmp_path, passphrase=passphrase)
    # The clerk goes on working: new unit, an attachment lost, another added.
    with ctx.db.session() as session:
        session.add(Unit(code="SAU01", name="Đơn vị thêm sau sao lưu", kind=UnitKind.BUSINESS))
    for path in list(ctx.folder.attachments.rglob("*"))[:1]:
        if path.is_file():
            path.unlink()
    (ctx.folder.attachments / "zz").mkdir(exist_ok=True)
    (ctx.folder.attachments / "zz" / "new").write_bytes(b"after")
    changed_rows = dump(ctx.folder.database)

    result = restore_backup(ctx, backup.path, passphrase=passphrase)

    assert without_restore_note(dump(ctx.folder.database)) == before_rows
    assert files(ctx.folder.attachments) == before_files
    assert ctx.db.integrity_problems() == []
    # The data as it was just before the restore is kept in a safety backup.
    assert result.safety_backup is not None and SAFETY_TAG in result.safety_backup.name
    assert [b.path for b in list_backups(ctx.folder.backups) if b.tag == SAFETY_TAG] == [
        result.safety_backup
    ]
    safety = verify.verify_backup(
        result.safety_backup, extract_to=tmp_path / "safety", work_dir=ctx.folder.scratch
    )
    assert safety.database is not None and dump(safety.database) == changed_rows
    assert not list(ctx.folder.root.glob(".restore-*"))


def test_trial_restore_touches_nothing(ward: AppContext, tmp_path: Path) -> None:
    backup = create_backup(ward.folder, tmp_path, passphrase=PASSPHRASE)
    before = live_state(ward)
    result = trial_restore(backup.path, passphrase=PASSPHRASE, work_dir=tmp_path)
    assert result.test_only and result.manifest.counts["unit"] >= 35
    assert live_state(ward) == before
    assert list_backups(ward.folder.backups) == []


# -- bad files: each is refused with a clear message, and the live data stays byte-identical ------


def rebuild(
    source: Path,
    target: Path,
    *,
    edit_manifest: Callable[[dict], None] | None = None,
    extra: dict[str, bytes] | None = None,
    replace: dict[str, bytes] | None = None,
    link: str | None = None,
    seal: bool = True,
    keep_original_seal: bool = False,
) -> Path:
    """A crafted archive made from a genuine one, re-sealed so only the intended fault remains."""
    with zipfile.ZipFile(source) as original:
        members = {n: original.read(n) for n in original.namelist() if n != MANIFEST_NAME}
        original_raw = original.read(MANIFEST_NAME)
        manifest = json.loads(original_raw)
    members.update(replace or {})
    members.update(extra or {})
    if edit_manifest:
        edit_manifest(manifest)
    raw = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        if link:
            info = zipfile.ZipInfo(link)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
        archive.writestr(MANIFEST_NAME, raw)
        if seal:
            sealed = original_raw if keep_original_seal else raw
            archive.comment = comment_for(hashlib.sha256(sealed).hexdigest())
    return target


def list_member(name: str, content: bytes) -> Callable[[dict], None]:
    def edit(manifest: dict) -> None:
        manifest["members"].append(
            {"name": name, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}
        )

    return edit


def truncated(good: Path, bad: Path) -> Path:
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return bad


def bit_flipped(good: Path, bad: Path) -> Path:
    raw = bytearray(good.read_bytes())
    raw[len(raw) // 3] ^= 0x10
    bad.write_bytes(bytes(raw))
    return bad


def rezipped(good: Path, bad: Path) -> Path:
    return rebuild(good, bad, seal=False)


def wrong_hash(good: Path, bad: Path) -> Path:
    with zipfile.ZipFile(good) as original:
        db = bytearray(original.read(DATABASE_MEMBER))
    db[5000] ^= 0xFF
    return rebuild(good, bad, replace={DATABASE_MEMBER: bytes(db)})


def climbing(good: Path, bad: Path) -> Path:
    payload = b"owned"
    return rebuild(
        good, bad, extra={"../evil.txt": payload}, edit_manifest=list_member("../evil.txt", payload)
    )


def absolute(good: Path, bad: Path) -> Path:
    return rebuild(
        good, bad, extra={"/tmp/evil.txt": b"x"}, edit_manifest=list_member("/tmp/evil.txt", b"x")
    )


def attachment_climbing(good: Path, bad: Path) -> Path:
    name = "attachments/../../evil.txt"
    return rebuild(good, bad, extra={name: b"x"}, edit_manifest=list_member(name, b"x"))


def symlink(good: Path, bad: Path) -> Path:
    return rebuild(good, bad, link="attachments/ab/link")


def newer(good: Path, bad: Path) -> Path:
    def edit(manifest: dict) -> None:
        manifest["schema_revision"] = "9999"
        manifest["app_version"] = "9.0.0"

    return rebuild(good, bad, edit_manifest=edit)


def edited_manifest(good: Path, bad: Path) -> Path:
    def edit(manifest: dict) -> None:
        manifest["counts"]["unit"] += 1

    return rebuild(good, bad, edit_manifest=edit, keep_original_seal=True)


def not_a_backup(good: Path, bad: Path) -> Path:
    bad.write_bytes("Đây là một tệp văn bản".encode())
    return bad


BAD_FILES = {
    "truncated": (truncated, DamagedBackup, "cắt cụt"),
    "bit-flipped": (bit_flipped, DamagedBackup, "bị hỏng"),
    "re-zipped": (rezipped, DamagedBackup, "nén lại"),
    "hash-mismatch": (wrong_hash, DamagedBackup, "SHA-256"),
    "zip-slip": (climbing, UnsafeBackup, "không an toàn"),
    "absolute-path": (absolute, UnsafeBackup, "không an toàn"),
    "attachment-climbing": (attachment_climbing, UnsafeBackup, "không an toàn"),
    "symlink": (symlink, UnsafeBackup, "liên kết"),
    "newer-version": (newer, NewerBackup, "mới hơn"),
    "edited-manifest": (edited_manifest, DamagedBackup, "bị hỏng"),
    "not-a-backup": (not_a_backup, DamagedBackup, "không phải là bản sao lưu"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_plain_backup_is_refused_and_changes_nothing(
    ward: AppContext, tmp_path: Path, case: str
) -> None:
    make, error, words = BAD_FILES[case]
    good = create_backup(ward.folder, tmp_path).path
    bad = make(good, tmp_path / "bad.tdbak")
    before = live_state(ward)
    with pytest.raises(error) as refused:
        restore_backup(ward, bad)
    assert words in str(refused.value)
    assert live_state(ward) == before
    assert list_backups(ward.folder.backups) == []  # refused before any safety backup
    assert not list(ward.folder.root.glob(".restore-*"))
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/evil.txt").exists()
    with pytest.raises(error):
        trial_restore(bad, work_dir=tmp_path)


def test_zip_bomb_is_refused(
    ward: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verify, "RATIO_SLACK", 0)
    good = create_backup(ward.folder, tmp_path).path
    zeros = bytes(8 << 20)
    bad = rebuild(
        good,
        tmp_path / "bomb.tdbak",
        extra={"attachments/zz/zeros": zeros},
        edit_manifest=list_member("attachments/zz/zeros", zeros),
    )
    assert bad.stat().st_size < 1 << 20
    before = live_state(ward)
    with pytest.raises(UnsafeBackup, match="bom nén"):
        restore_backup(ward, bad)
    assert live_state(ward) == before


def test_wrong_passphrase_is_told_apart_from_damage(ward: AppContext, tmp_path: Path) -> None:
    good = create_backup(ward.folder, tmp_path, passphrase=PASSPHRASE).path
    before = live_state(ward)
    with pytest.raises(WrongPassphrase, match="Mật khẩu không đúng"):
        restore_backup(ward, good, passphrase="kien an 2026!")
    with pytest.raises(PassphraseRequired, match="mã hóa"):
        restore_backup(ward, good)
    for make in (truncated, bit_flipped):
        bad = make(good, tmp_path / f"{make.__name__}.tdbak")
        with pytest.raises(DamagedBackup) as refused:
            restore_backup(ward, bad, passphrase=PASSPHRASE)
        assert not isinstance(refused.value, WrongPassphrase)
    header = bytearray(good.read_bytes())
    header[20] ^= 0x01  # inside the salt
    (tmp_path / "header.tdbak").write_bytes(bytes(header))
    with pytest.raises(DamagedBackup, match="Phần đầu"):
        restore_backup(ward, tmp_path / "header.tdbak", passphrase=PASSPHRASE)
    cut_at_chunk = tmp_path / "cut.tdbak"
    cut_at_chunk.write_bytes(good.read_bytes()[: crypto.HEADER_SIZE])
    with pytest.raises(DamagedBackup, match="cắt cụt"):
        restore_backup(ward, cut_at_chunk, passphrase=PASSPHRASE)
    assert live_state(ward) == before


def test_missing_file_is_refused(ward: AppContext, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="Không tìm thấy"):
        restore_backup(ward, tmp_path / "không-có.tdbak")


def test_older_schema_is_upgraded_on_restore(ward: AppContext, tmp_path: Path) -> None:
    """A backup made before revision 0002 comes back upgraded to the current schema."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.storage import migrate
    from desktop.storage.schema import HEAD_REVISION

    good = create_backup(ward.folder, tmp_path).path
    with zipfile.ZipFile(good) as original:
        database = tmp_path / "old.sqlite3"
        database.write_bytes(original.read(DATABASE_MEMBER))
    engine = create_engine(f"sqlite:///{database}")
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0001")
    engine.dispose()

    def edit(manifest: dict) -> None:
        from desktop.backup.snapshot import table_counts

        manifest["schema_revision"] = "0001"
        # The older schema has not the council's and the decisions' tables: its own counts.
        manifest["counts"] = table_counts(database)
        manifest["members"] = [m for m in manifest["members"] if m["name"] != DATABASE_MEMBER]
        content = database.read_bytes()
        manifest["members"].append(
            {
                "name": DATABASE_MEMBER,
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        )

    old = rebuild(
        good,
        tmp_path / "old.tdbak",
        replace={DATABASE_MEMBER: database.read_bytes()},
        edit_manifest=edit,
    )
    result = restore_backup(ward, old)
    assert result.upgraded_from == "0001"
    assert ward.db.schema_revision() == HEAD_REVISION
    assert ward.db.integrity_problems() == []


def test_a_failed_swap_puts_everything_back(
    ward: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.backup import journal as swap_module

    backup = create_backup(ward.folder, tmp_path).path
    with ward.db.session() as session:
        session.add(Unit(code="SAU02", name="Đơn vị sau sao lưu", kind=UnitKind.BUSINESS))
    rows_before = dump(ward.folder.database)
    files_before = files(ward.folder.attachments)
    real_replace = swap_module.os.replace

    def refuse_database(source: Path, target: Path) -> None:
        if Path(target) == ward.folder.database:
            raise PermissionError(13, "tệp đang bị khóa")
        real_replace(source, target)

    monkeypatch.setattr(swap_module.os, "replace", refuse_database)
    with pytest.raises(BackupError, match="Không thay được tệp dữ liệu"):
        restore_backup(ward, backup)
    assert dump(ward.folder.database) == rows_before
    assert files(ward.folder.attachments) == files_before
    assert not list(ward.folder.root.glob(".restore-*"))
    assert ward.db.integrity_problems() == []
