"""The backup capability through the one door: what is noted, what is announced, what a restore says."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from desktop.backup import AUTO_TAG, DamagedBackup, create_backup, list_backups, restore_backup
from desktop.backup.ops import (
    BACKUPS_CHANGED,
    auto_backup_now,
    local_backups_kept,
    usb_backup_recorded,
)
from desktop.backup.status import last_backup_folder, usb_backup_age
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.context import AppContext
from desktop.models import Unit
from desktop.models.register import UnitKind
from desktop.settings import SettingsError, load_settings, save_ward_settings
from desktop.storage import Database


def heard_by(ctx: AppContext) -> list[Change]:
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    return heard


def add_unit(code: str) -> Operation[int]:
    """A unit added as the Đơn vị page adds one: a change the clerk may take back."""

    def operation(session: Session) -> Done[int]:
        unit = Unit(code=code, name=f"Đơn vị {code}", kind=UnitKind.BUSINESS)
        session.add(unit)
        session.flush()
        assert unit.id is not None
        return Done(
            unit.id,
            Change.of(Area.UNITS, unit.id),
            Undo("register", code, remove(unit.id), operation),
        )

    return operation


def remove(unit_id: int) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        session.delete(session.get(Unit, unit_id))
        return Done(None, Change.of(Area.UNITS, unit_id))

    return operation


def unit_codes(ctx: AppContext) -> set[str]:
    return set(ctx.door.read(lambda session: session.exec(select(Unit.code)).all()))


def test_a_backup_to_a_stick_is_noted_and_announced(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    heard = heard_by(ctx)
    at = datetime(2026, 11, 1, 9, 0)
    ctx.door.run(usb_backup_recorded(tmp_path, at))
    assert heard == [BACKUPS_CHANGED]
    assert ctx.door.read(last_backup_folder) == str(tmp_path)
    age = ctx.door.read(lambda session: usb_backup_age(session, at + timedelta(days=2)))
    assert (age.last, age.days, age.late) == (at, 2, False)


def test_the_command_line_notes_the_date_without_a_folder(
    ctx: AppContext, demo_db: Database
) -> None:
    ctx.door.run(usb_backup_recorded())
    assert ctx.door.read(usb_backup_age).days == 0
    assert ctx.door.read(last_backup_folder) == ""


def test_an_automatic_backup_is_announced_only_when_one_was_written(
    ctx: AppContext, demo_db: Database
) -> None:
    heard = heard_by(ctx)
    first = auto_backup_now(ctx.door, ctx.folder)
    assert first is not None and first.path.exists()
    assert heard == [BACKUPS_CHANGED]
    assert auto_backup_now(ctx.door, ctx.folder) is None  # nothing changed since: nothing written
    assert heard == [BACKUPS_CHANGED]
    assert [b.path for b in list_backups(ctx.folder.backups) if b.tag == AUTO_TAG] == [first.path]


def test_the_days_of_automatic_backups_kept_are_a_ward_setting(
    ctx: AppContext, demo_db: Database
) -> None:
    heard = heard_by(ctx)
    assert ctx.door.read(local_backups_kept) == 10
    settings = replace(ctx.door.read(load_settings), local_backups_kept=3)
    assert ctx.door.run(save_ward_settings(settings)) == settings
    assert heard == [Change.of(Area.SETTINGS)]
    assert ctx.door.read(local_backups_kept) == 3


def test_settings_to_correct_are_refused_with_every_problem(
    ctx: AppContext, demo_db: Database
) -> None:
    heard = heard_by(ctx)
    wrong = replace(ctx.door.read(load_settings), signer_name=" ", local_backups_kept=0)
    with pytest.raises(SettingsError) as refused:
        ctx.door.run(save_ward_settings(wrong))
    assert refused.value.problems == [
        "Họ tên người ký không được để trống.",
        "Số bản sao lưu tự động giữ lại phải từ 1 đến 365.",
    ]
    assert isinstance(refused.value, ValueError)  # as callers of save_settings have caught it
    assert heard == []
    assert ctx.door.read(load_settings).signer_name == "Trần Thị Phương"


def test_a_restore_says_everything_once_the_restored_file_is_open(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    backup = create_backup(ctx.folder, tmp_path)
    ctx.door.run(add_unit("SAU01"))
    assert ctx.door.history.can_undo("register")
    seen_when_told: list[tuple[bool, set[str]]] = []

    def listener(change: Change) -> None:
        seen_when_told.append((change.everything, unit_codes(ctx)))

    ctx.door.listen(listener)
    restore_backup(ctx, backup.path)
    [(everything, codes)] = seen_when_told
    assert everything
    assert "SAU01" not in codes and codes  # the listener already reads the restored file
    assert not ctx.door.history.can_undo("register")
    assert ctx.door.undo("register") is None


def test_a_refused_restore_says_nothing_and_keeps_the_undo(
    ctx: AppContext, demo_db: Database, tmp_path: Path
) -> None:
    good = create_backup(ctx.folder, tmp_path).path
    bad = tmp_path / "ThiDua-PhuongKienAn-20260101-000000.tdbak"
    bad.write_bytes(good.read_bytes()[:-5000])
    ctx.door.run(add_unit("SAU02"))
    heard = heard_by(ctx)
    with pytest.raises(DamagedBackup):
        restore_backup(ctx, bad)
    assert heard == []
    assert ctx.door.history.can_undo("register")
    assert "SAU02" in unit_codes(ctx)
