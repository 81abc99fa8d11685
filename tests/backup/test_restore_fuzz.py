"""Any damage to a backup file ends in a clear refusal (a BackupError), never in a crash or bad data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.backup import BackupError, create_backup, crypto, verify_backup
from desktop.context import AppContext
from desktop.storage import Database

PASSPHRASE = "mật khẩu thử"


@pytest.fixture(scope="module")
def backups(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A small ward backed up plain and encrypted (built once for every example)."""
    root = tmp_path_factory.mktemp("fuzz")
    ctx = AppContext.from_args(root / "data")
    try:
        from desktop.indicators.catalogue import load_catalogue

        with ctx.db.session() as session:
            load_catalogue(session)
        assert isinstance(ctx.db, Database)
        (ctx.folder.attachments / "ab").mkdir()
        (ctx.folder.attachments / "ab" / "abcd").write_bytes(b"attachment " * 300)
        saved, crypto.SCRYPT_LOG2_N = crypto.SCRYPT_LOG2_N, 10
        try:
            plain = create_backup(ctx.folder, root, compress=True).path.read_bytes()
            encrypted = create_backup(ctx.folder, root, passphrase=PASSPHRASE).path.read_bytes()
        finally:
            crypto.SCRYPT_LOG2_N = saved
    finally:
        ctx.close()
    good = verify_backup(_write(root, plain), extract_to=root / "good", work_dir=root)
    assert good.database is not None
    return {"plain": plain, "encrypted": encrypted, "database": good.database.read_bytes()}


def _write(folder: Path, raw: bytes) -> Path:
    path = folder / "good.tdbak"
    path.write_bytes(raw)
    return path


def damaged(raw: bytes, position: float, flip: int, cut: bool) -> bytes:
    index = min(int(position * len(raw)), len(raw) - 1)
    if cut:
        return raw[:index]
    data = bytearray(raw)
    data[index] ^= flip
    return bytes(data)


@pytest.mark.slow
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    kind=st.sampled_from(["plain", "encrypted"]),
    position=st.floats(min_value=0, max_value=1, exclude_max=True),
    flip=st.integers(min_value=1, max_value=255),
    cut=st.booleans(),
)
def test_damage_is_refused_clearly(
    backups: dict[str, bytes], tmp_path: Path, kind: str, position: float, flip: int, cut: bool
) -> None:
    path = tmp_path / f"{kind}-{position}-{flip}-{cut}.tdbak"
    path.write_bytes(damaged(backups[kind], position, flip, cut))
    try:
        verified = verify_backup(
            path, passphrase=PASSPHRASE, extract_to=tmp_path / path.stem, work_dir=tmp_path
        )
    except BackupError as error:
        assert str(error)  # a message the clerk can read
        return
    # A flip the format cannot see (e.g. in a zip timestamp) must not change any member.
    assert verified.database is not None
    assert verified.database.read_bytes() == backups["database"]
