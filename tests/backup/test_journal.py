"""A restore killed at any step of its swap is finished or undone at the next start, never half.

Each test stops a real restore at one step of the swap, as a kill would — the journal written for
that step, the step itself done or not — and then runs the next start's recovery on the folder
(:func:`desktop.backup.recovery.recover_at_start`). Real SIGKILLs are the fault suite's
(``tests/faults/``); here every journal state is reached in-process and checked byte for byte.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from desktop.backup import create_backup, journal, restore_backup
from desktop.backup.recovery import recover_at_start
from desktop.context import AppContext
from desktop.models import Unit
from desktop.models.register import UnitKind
from desktop.storage import Database

State = tuple[dict[str, list[tuple[object, ...]]], dict[str, bytes]]


class Killed(BaseException):
    """The process dies here: nothing after this line of the restore runs, no cleanup either."""


def rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}


def files(root: Path) -> dict[str, bytes]:
    """attachments/, documents/ and window.ini, byte for byte."""
    found = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in (root / "attachments", root / "documents")
        for p in folder.rglob("*")
        if p.is_file()
    }
    if (root / "window.ini").exists():
        found["window.ini"] = (root / "window.ini").read_bytes()
    return found


def state(ctx: AppContext) -> State:
    return rows(ctx.folder.database), files(ctx.folder.root)


def store(ctx: AppContext, content: bytes) -> None:
    digest = hashlib.sha256(content).hexdigest()
    path = ctx.folder.attachments / digest[:2] / digest
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


@pytest.fixture
def two_states(ctx: AppContext, demo_db: Database, tmp_path: Path) -> Iterator[tuple[Path, State]]:
    """A backup of the ward (attachments, a PDF, window.ini), then the ward changed everywhere.

    Yields the backup and the state the restore must bring back (its rows without the restore's
    own record, its files); the live folder is the other state.
    """
    for content in (b"%PDF-1.4 to trinh", "Ảnh chụp bằng khen".encode() * 50):
        store(ctx, content)
    (ctx.folder.documents / f"{'a' * 64}.pdf").write_bytes(b"%PDF-1.4 ke hoach da ban hanh")
    ctx.folder.window_settings.write_text("[main]\nsize=1200x800\n", encoding="utf-8")
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = create_backup(ctx.folder, usb).path
    after = state(ctx)
    with ctx.db.session() as session:
        session.add(Unit(code="SAU01", name="Đơn vị thêm sau sao lưu", kind=UnitKind.BUSINESS))
    store(ctx, b"attachment added after the backup")
    for path in ctx.folder.attachments.rglob("*"):
        if path.is_file() and path.read_bytes() == b"%PDF-1.4 to trinh":
            path.unlink()
    (ctx.folder.documents / f"{'b' * 64}.pdf").write_bytes(b"%PDF-1.4 bao cao sau sao lua")
    ctx.folder.window_settings.write_text("[main]\nsize=800x600\n", encoding="utf-8")
    yield backup, after
    ctx.close()


def without_restore_note(found: State) -> State:
    tables, stored = found
    kept = dict(tables)
    kept["setting"] = [r for r in tables["setting"] if r[0] != "last_restore"]
    kept["auditentry"] = [
        r for r in tables["auditentry"] if not str(r[-1]).startswith("Khôi phục từ bản sao lưu")
    ]
    return kept, stored


def before_swap(ctx: AppContext) -> State:
    """The live state as the swap finds it (the database settled, the same rows)."""
    ctx.close()
    return state(ctx)


STEPS = [
    f"{item}:{phase}"
    for item in ("thidua.sqlite3", "attachments", "documents", "window.ini")
    for phase in ("aside", "in")
]


def kill_at(monkeypatch: pytest.MonkeyPatch, step: str, done: bool) -> None:
    """Kill the restore at ``step``: its journal is written; the step itself is done if ``done``."""
    real = {"aside": journal._put_aside, "in": journal._move_in}

    def stepper(phase: str):  # type: ignore[no-untyped-def]
        def action(root: Path, plan: journal.Journal, item: journal.SwapItem) -> None:
            if f"{item.live}:{phase}" != step:
                real[phase](root, plan, item)
                return
            if done:
                real[phase](root, plan, item)
            raise Killed

        return action

    monkeypatch.setattr(journal, "_put_aside", stepper("aside"))
    monkeypatch.setattr(journal, "_move_in", stepper("in"))


def killed_restore(
    ctx: AppContext, backup: Path, monkeypatch: pytest.MonkeyPatch, step: str, done: bool
) -> None:
    kill_at(monkeypatch, step, done)
    with pytest.raises(Killed):
        restore_backup(ctx, backup)
    monkeypatch.undo()
    ctx._db = None  # the process is gone: the next start opens the file afresh
    assert journal.journal_path(ctx.folder.root).exists()


def settled(ctx: AppContext) -> list[str]:
    lines = recover_at_start(ctx.folder)
    assert not journal.journal_path(ctx.folder.root).exists()
    assert not list(ctx.folder.root.glob(".restore-*"))  # the scratch went with the journal
    assert not ctx.folder.scratch.exists() or not any(ctx.folder.scratch.iterdir())
    return lines


def test_restore_killed_between_moves_is_finished_at_next_start(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: the database moved, the attachments not — the new start finishes it."""
    backup, after = two_states
    killed_restore(ctx, backup, monkeypatch, "attachments:aside", done=False)
    lines = settled(ctx)
    assert lines and lines[0].startswith("Lần khôi phục trước bị ngắt: đã hoàn tất khôi phục từ")
    assert backup.name in lines[0]
    assert without_restore_note(state(ctx)) == after
    assert ctx.db.integrity_problems() == []


def test_restore_killed_before_database_move_is_rolled_back(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup, _ = two_states
    before = before_swap(ctx)
    killed_restore(ctx, backup, monkeypatch, "thidua.sqlite3:in", done=False)
    lines = settled(ctx)
    assert lines[0] == (
        "Lần khôi phục trước bị ngắt: đã trả lại dữ liệu như trước khi khôi phục "
        f"(từ “{backup.name}” chưa khôi phục)."
    )
    assert state(ctx) == before
    assert ctx.db.integrity_problems() == []


@pytest.mark.parametrize("done", [False, True], ids=["journal-written", "step-done"])
@pytest.mark.parametrize("step", STEPS)
def test_restore_killed_at_any_step_is_whole_before_or_whole_after(
    ctx: AppContext,
    two_states: tuple[Path, State],
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    done: bool,
) -> None:
    backup, after = two_states
    before = before_swap(ctx)
    killed_restore(ctx, backup, monkeypatch, step, done)
    settled(ctx)
    database_in = STEPS.index(step) > 1 or (step == "thidua.sqlite3:in" and done)
    if database_in:
        assert without_restore_note(state(ctx)) == after
    else:
        assert state(ctx) == before


@pytest.mark.parametrize("item", ["window.ini", "documents"])
def test_restore_killed_after_moving_in_an_item_the_folder_did_not_have_loses_nothing(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch, item: str
) -> None:
    """Restoring onto a folder without window.ini (the window never opened there) or documents/,
    killed just after the backup's copy was moved in: finishing must not put the new copy aside
    as if it were the old one (and sweep it with the scratch folder)."""
    import shutil

    backup, after = two_states
    live = ctx.folder.root / item
    shutil.rmtree(live) if live.is_dir() else live.unlink()
    killed_restore(ctx, backup, monkeypatch, f"{item}:in", done=True)
    lines = settled(ctx)
    assert lines[0].startswith("Lần khôi phục trước bị ngắt: đã hoàn tất khôi phục từ")
    assert without_restore_note(state(ctx)) == after


def test_restore_killed_after_database_move_whose_new_attachments_are_gone_is_rolled_back(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rolling forward needs every new item: one lost (a clean-up tool ran), the old comes back."""
    import shutil

    backup, _ = two_states
    before = before_swap(ctx)
    killed_restore(ctx, backup, monkeypatch, "attachments:aside", done=False)
    [scratch] = ctx.folder.root.glob(".restore-*")
    shutil.rmtree(scratch / "members" / "attachments")
    lines = settled(ctx)
    assert "đã trả lại dữ liệu như trước khi khôi phục" in lines[0]
    assert state(ctx) == before


def test_sweep_never_removes_the_scratch_of_a_restore_it_could_not_settle(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup, after = two_states
    killed_restore(ctx, backup, monkeypatch, "documents:in", done=False)
    [scratch] = ctx.folder.root.glob(".restore-*")
    real_replace = journal.os.replace

    def locked(source: Path, target: Path) -> None:
        if Path(target) == ctx.folder.documents:
            raise PermissionError(13, "đang mở trong chương trình khác")
        real_replace(source, target)

    monkeypatch.setattr(journal.os, "replace", locked)
    lines = recover_at_start(ctx.folder)
    assert "chưa sắp xếp lại được thư mục dữ liệu" in lines[0]
    assert scratch.is_dir() and journal.journal_path(ctx.folder.root).exists()
    monkeypatch.undo()
    assert "đã hoàn tất khôi phục" in settled(ctx)[0]  # the start after that finishes it
    assert without_restore_note(state(ctx)) == after


def test_unreadable_journal_keeps_every_restore_folder(ctx: AppContext, demo_db: Database) -> None:
    root = ctx.folder.root
    (root / ".restore-20261201-101010-000001" / "previous").mkdir(parents=True)
    (root / ".restore-20261201-101010-000001" / "previous" / "thidua.sqlite3").write_bytes(b"x")
    journal.journal_path(root).write_text("{không phải JSON", encoding="utf-8")
    lines = recover_at_start(ctx.folder)
    assert "Không đọc được nhật ký khôi phục" in lines[0]
    assert (root / ".restore-20261201-101010-000001" / "previous" / "thidua.sqlite3").exists()


def test_crafted_journal_moves_nothing_outside_the_data_folder(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    root = ctx.folder.root
    outside = tmp_path / "outside.txt"
    outside.write_text("không được đụng tới", encoding="utf-8")
    crafted = journal.Journal(
        "../outside", "x.tdbak", "2026-12-01T10:00:00", [journal.SwapItem("thidua.sqlite3", "a")]
    )
    journal.journal_path(root).write_bytes(crafted.to_json())
    before = ctx.folder.database.read_bytes()
    recover_at_start(ctx.folder)
    assert outside.read_text(encoding="utf-8") == "không được đụng tới"
    assert ctx.folder.database.read_bytes() == before


def test_a_disk_fault_after_the_database_is_in_finishes_the_restore(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the point of no return a failed step is tried again: the restore says done, and is."""
    import errno

    backup, after = two_states
    real_move_in = journal._move_in
    failed: list[str] = []

    def once(root: Path, plan: journal.Journal, item: journal.SwapItem) -> None:
        if item.live == "attachments" and not failed:
            failed.append(item.live)
            raise OSError(errno.EIO, "lỗi đọc ghi")
        real_move_in(root, plan, item)

    monkeypatch.setattr(journal, "_move_in", once)
    restore_backup(ctx, backup)
    assert failed == ["attachments"]
    assert not journal.journal_path(ctx.folder.root).exists()
    assert not list(ctx.folder.root.glob(".restore-*"))
    ctx.close()
    assert without_restore_note(state(ctx)) == after


def test_a_disk_fault_before_the_database_is_in_leaves_the_data_as_it_was(
    ctx: AppContext, two_states: tuple[Path, State], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from desktop.backup import BackupError

    backup, _ = two_states
    before = before_swap(ctx)

    def full(live: Path, aside: Path) -> None:  # keeping the old database aside fills the disk
        raise OSError(errno.ENOSPC, "ổ đĩa đầy")

    monkeypatch.setattr(journal, "_keep_by_link", full)
    with pytest.raises(BackupError, match="Dữ liệu hiện tại không thay đổi"):
        restore_backup(ctx, backup)
    ctx.close()
    assert state(ctx) == before
    assert not journal.journal_path(ctx.folder.root).exists()
