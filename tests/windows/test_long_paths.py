"""Windows's 260 characters: a data folder too deep for a restore is refused before anything is
made in it (unless the PC allows long paths), and no path a backup, its check or a restore makes
inside a data folder is longer than the room it is given (``LONGEST_INSIDE``)."""

from __future__ import annotations

import builtins
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop import paths
from desktop.awards.attachments import attach_file
from desktop.backup import create_backup, crypto, verify_backup
from desktop.backup.restore import restore_backup, trial_restore
from desktop.context import AppContext
from desktop.errors import Refusal
from desktop.models import Dossier, DossierStatus
from desktop.paths import LONGEST_INSIDE, WINDOWS_MAX_PATH, WINDOWS_ROOT_LIMIT, DataFolder
from desktop.storage import Database


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 12)


def _deep(base: Path, length: int) -> Path:
    """A folder under ``base`` whose path is ``length`` characters, in Vietnamese words."""
    path = base
    while len(str(path)) < length - 12:
        path = path / "Hồ sơ thi đua"
    return path / ("x" * (length - len(str(path)) - 1))


def test_on_windows_a_data_folder_too_deep_for_a_restore_is_refused_and_not_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    monkeypatch.setattr(paths, "long_paths_enabled", lambda: False)
    root = _deep(tmp_path, WINDOWS_ROOT_LIMIT + 1)
    assert len(str(root)) == WINDOWS_ROOT_LIMIT + 1
    with pytest.raises(Refusal) as refused:
        DataFolder(root).ensure()
    message = str(refused.value)
    assert f"dài {WINDOWS_ROOT_LIMIT + 1} ký tự" in message
    assert f"tối đa {WINDOWS_ROOT_LIMIT} ký tự" in message and "260 ký tự" in message
    assert not root.exists()
    at_limit = _deep(tmp_path / "b", WINDOWS_ROOT_LIMIT)
    assert DataFolder(at_limit).ensure().database.parent.is_dir()


def test_a_windows_that_allows_long_paths_and_other_systems_take_a_deep_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _deep(tmp_path, WINDOWS_ROOT_LIMIT + 40)
    monkeypatch.setattr(paths, "ON_WINDOWS", False)
    assert DataFolder(root).ensure().root.is_dir()
    monkeypatch.setattr(paths, "ON_WINDOWS", True)
    monkeypatch.setattr(paths, "long_paths_enabled", lambda: True)
    assert DataFolder(root).ensure().root.is_dir()


@pytest.mark.skipif(sys.platform == "win32", reason="reads the registry there")
def test_long_paths_are_never_assumed_where_there_is_no_registry() -> None:
    assert paths.long_paths_enabled() is False


def test_the_limit_leaves_windows_max_path_for_the_longest_path_inside() -> None:
    assert WINDOWS_ROOT_LIMIT + 1 + LONGEST_INSIDE <= WINDOWS_MAX_PATH


def test_nothing_a_backup_or_a_restore_makes_is_longer_than_its_room(
    ctx: AppContext, demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = tmp_path / "Tờ trình.pdf"
    scan.write_bytes(b"%PDF-1.4 to trinh")
    with demo_db.session() as s:
        dossier = s.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT)).first()
        assert dossier is not None
        attach_file(s, ctx.folder.attachments, dossier.id, scan)
    stick = tmp_path / "USB"
    stick.mkdir()
    root = str(ctx.folder.root)
    longest: list[tuple[int, str]] = []

    def note(path: Any) -> None:
        text = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else ""
        if text.startswith(root + os.sep):
            longest.append((len(text) - len(root), text))

    real_open, real_mkdir, real_replace = builtins.open, os.mkdir, os.replace

    def opening(file: Any, *args: Any, **kwargs: Any) -> Any:
        note(file)
        return real_open(file, *args, **kwargs)

    def making(path: Any, *args: Any, **kwargs: Any) -> None:
        note(path)
        real_mkdir(path, *args, **kwargs)

    def replacing(source: Any, target: Any, *args: Any, **kwargs: Any) -> None:
        note(source)
        note(target)
        real_replace(source, target, *args, **kwargs)

    with monkeypatch.context() as watched:
        watched.setattr(builtins, "open", opening)
        watched.setattr(io, "open", opening)  # Path.open's
        watched.setattr(os, "mkdir", making)
        watched.setattr(os, "replace", replacing)
        plain = create_backup(ctx.folder, stick)
        sealed = create_backup(ctx.folder, stick, passphrase="mật khẩu 12345")
        verify_backup(sealed.path, passphrase="mật khẩu 12345", work_dir=ctx.folder.scratch)
        trial_restore(sealed.path, passphrase="mật khẩu 12345", work_dir=ctx.folder.scratch)
        restore_backup(ctx, plain.path)
    # The deepest of all was seen: an attachment extracted into a restore's scratch folder.
    assert any("/members/attachments/" in text.replace("\\", "/") for _, text in longest)
    size, text = max(longest)
    assert size <= LONGEST_INSIDE, text
