"""After a restore every page shows the restored data, and nothing can be undone into it.

The clerk backs up to a stick, then goes on working: adds a unit, opens a dossier for it, changes
who signs. Then she restores the stick's backup from the Sao lưu page. Whatever page she looks at
now shows the ward as it was backed up: the unit is gone from the Đơn vị page and from the grid of
quarterly values, the dossier from the dossier list, the signer is the old one, and Ctrl+Z has
nothing left to take back.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop.awards.dossier_ops import new_dossier
from desktop.awards.dossiers import NewDossier
from desktop.changes import SCOPE_AREAS
from desktop.models import AwardForm, Campaign, UnitKind
from desktop.models.ids import AwardFormId, CampaignId, UnitId, saved_id
from desktop.register import ops as register_ops
from desktop.register.units import UNITS, UnitData
from desktop.settings import load_settings, save_ward_settings
from desktop.ui.backup.page import BackupPage
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

NEW_CODE = "TDP99"
NEW_SIGNER = "Phan Thị Ngọc Ánh"


def backup_page(window: MainWindow) -> BackupPage:
    page = window.show_page("backup")
    assert isinstance(page, BackupPage)
    return page


def back_up_to_the_stick(qtbot, window: MainWindow, usb: Path) -> Path:  # type: ignore[no-untyped-def]
    dialog = backup_page(window).open_backup_dialog()
    dialog.set_target(usb)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "thành công" in dialog.message.text(), timeout=20_000)
    assert dialog.result_ is not None
    dialog.close()
    return dialog.result_.path


def dossier_for(window: MainWindow, unit_id: UnitId) -> NewDossier:
    """A Giấy khen of the ward's chairman for the new unit, in this year's round."""
    with window.ctx.db.session() as session:
        form = session.exec(
            select(AwardForm).where(AwardForm.name == "Giấy khen của Chủ tịch UBND phường")
        ).one()
        campaign = session.exec(
            select(Campaign).where(Campaign.name == "Khen thưởng năm 2025")
        ).one()
        return NewDossier(
            CampaignId(saved_id(campaign.id)),
            AwardFormId(saved_id(form.id)),
            nominee_unit_id=unit_id,
        )


def listed_codes(window: MainWindow) -> set[str]:
    return {unit.code for unit in window.page("units").model.rows}


def grid_codes(window: MainWindow) -> list[str]:
    grid = window.page("indicators").entry.model
    return [grid.unit_at(row).code for row in range(grid.rowCount())]


def listed_dossiers(window: MainWindow) -> set[int]:
    dossiers = window.page("dossiers")
    return {dossiers.model.record(row).dossier.id for row in range(dossiers.model.rowCount())}


def settings_text(window: MainWindow) -> str:
    return window.page("settings").summary.text()


def audit_mentions(window: MainWindow, text: str) -> bool:
    """Whether the Nhật ký page, opened, lists a change whose new value holds ``text``."""
    audit = window.show_page("audit")
    return any(text in audit.model.record(row).new_text for row in range(audit.model.rowCount()))


def test_a_restore_brings_every_page_back_to_the_backup(
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ctx = main_window.ctx
    closed: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.main_window.QMessageBox.information",
        lambda parent, title, text: closed.append(text),
    )
    for spec_key in ("units", "indicators", "dossiers", "settings", "audit"):
        main_window.page(spec_key)  # every page the clerk opened during the day
    # The grid shows quarter 4/2026, the quarter under way on 1 December 2026: a unit added
    # today reports from it (issue 12), so the new unit must appear there.
    entry = main_window.page("indicators").entry
    entry.year.setValue(2026)
    entry.quarter.setCurrentIndex(3)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = back_up_to_the_stick(qtbot, main_window, usb)
    codes, grid, dossiers = (
        listed_codes(main_window),
        grid_codes(main_window),
        listed_dossiers(main_window),
    )
    assert codes and grid and dossiers and NEW_CODE not in codes

    # -- the afternoon's work, each change through the door as the pages make it ---------------
    new_unit = UnitData(code=NEW_CODE, name="Tổ dân phố 99", kind=UnitKind.RESIDENTIAL_GROUP)
    unit_id = ctx.door.run(register_ops.add(UNITS, new_unit))
    dossier_id = ctx.door.run(new_dossier(dossier_for(main_window, unit_id)))
    signed = replace(ctx.door.read(load_settings), signer_name=NEW_SIGNER)
    ctx.door.run(save_ward_settings(signed))

    units_page = main_window.page("units")
    assert NEW_CODE in listed_codes(main_window)
    assert ctx.door.history.can_undo("register")
    assert units_page.actions_["undo"].isEnabled()
    assert NEW_CODE in grid_codes(main_window)
    assert dossier_id in listed_dossiers(main_window)
    assert NEW_SIGNER in settings_text(main_window)
    assert audit_mentions(main_window, NEW_CODE)

    # -- the restore, from the Sao lưu page ------------------------------------------------------
    dialog = backup_page(main_window).open_restore_dialog(trial=False)
    dialog.set_file(backup)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restore_button.isEnabled(), timeout=20_000)
    dialog.ask_confirmation = lambda result: True  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Đã khôi phục" in dialog.message.text(), timeout=20_000)

    # The Đơn vị page no longer lists the unit, and there is nothing to undo.
    assert NEW_CODE not in listed_codes(main_window)
    assert listed_codes(main_window) == codes
    assert not ctx.door.history.can_undo("register")
    assert not any(ctx.door.history.can_undo(scope) for scope in SCOPE_AREAS)
    assert not units_page.actions_["undo"].isEnabled()
    # Every other page shows the restored data.
    assert grid_codes(main_window) == grid
    assert listed_dossiers(main_window) == dossiers
    assert NEW_SIGNER not in settings_text(main_window)
    assert "Trần Thị Phương" in settings_text(main_window)
    assert not audit_mentions(main_window, NEW_CODE)
    assert backup_page(main_window).model.rowCount() >= 1  # the safety backup is listed
    # The restore dialog stays to tell how it went; no other dialog was open to be closed.
    assert dialog.isVisible() and closed == []
    assert "thay toàn bộ" in main_window.statusBar().currentMessage()
    dialog.close()
