"""The dossier editor's Sáng kiến - mô hình tab: the nominee's initiatives ticked into the báo cáo
thành tích, saved at once, taken back with the editor's Ctrl+Z, read-only once submitted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlmodel import select

from desktop.models import Dossier, DossierStatus
from desktop.movement.initiatives import chosen_for
from desktop.ui.awards.dossier_editor import DossierEditor


def dossier_of(ctx, status: DossierStatus, nominee: str) -> int:  # type: ignore[no-untyped-def]
    from desktop.models import Unit

    def read(session):  # type: ignore[no-untyped-def]
        return session.exec(
            select(Dossier.id).join(Unit, Unit.id == Dossier.nominee_unit_id)
            .where(Dossier.status == status, Unit.name == nominee)
        ).one()  # fmt: skip

    return ctx.door.read(read)


def editor(ctx, qtbot, dossier_id: int) -> DossierEditor:  # type: ignore[no-untyped-def]
    widget = DossierEditor(ctx, dossier_id)
    qtbot.addWidget(widget)
    ctx.door.listen(widget.on_change)
    widget.reload()
    return widget


def test_a_draft_dossier_takes_the_nominees_initiative_by_a_tick(demo_db, ctx, qtbot):
    dossier_id = dossier_of(ctx, DossierStatus.DRAFT, "Công ty Cổ phần May Hải Phòng Star")
    picker = editor(ctx, qtbot, dossier_id).initiatives
    assert picker.heading.text().startswith("Sáng kiến, giải pháp, mô hình (năm 2025)")
    (item,) = [picker.list.item(r) for r in range(picker.list.count())]
    assert "Chấm công và trả lương qua ứng dụng cho công nhân may" in item.text()
    assert item.checkState() == Qt.CheckState.Unchecked

    item.setCheckState(Qt.CheckState.Checked)
    chosen = ctx.door.read(lambda s: chosen_for(s, dossier_id))
    assert [v.title for v in chosen] == ["Chấm công và trả lương qua ứng dụng cho công nhân may"]
    ctx.door.undo("dossiers")
    assert ctx.door.read(lambda s: chosen_for(s, dossier_id)) == []
    assert picker.list.item(0).checkState() == Qt.CheckState.Unchecked


def test_an_awarded_dossier_shows_its_choice_read_only(demo_db, ctx, qtbot):
    dossier_id = dossier_of(ctx, DossierStatus.AWARDED, "Trường THCS Trần Thành Ngọ")
    picker = editor(ctx, qtbot, dossier_id).initiatives
    item = picker.list.item(0)
    assert "Thư viện số của Trường THCS Trần Thành Ngọ" in item.text()
    assert item.checkState() == Qt.CheckState.Checked
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert picker.note.text().startswith("Hồ sơ đã trình")
