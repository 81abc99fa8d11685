"""Dossier changes through the one door: what the clerk fills in is undone and redone as a step,
audited as such; what is a recorded act (a workflow step) is not; the catalogue announces itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from desktop.awards.attachment_ops import attach_files, detach, prune
from desktop.awards.catalogue import AwardFormInput, components_of, criteria_of
from desktop.awards.catalogue_ops import remove_round, save_form, save_round
from desktop.awards.detail import load_detail
from desktop.awards.dossier_ops import (
    SCOPE,
    DossierFields,
    add_prior,
    check_component,
    check_criterion,
    new_dossier,
    note_discipline,
    remove_prior,
    save_fields,
    take_step,
)
from desktop.awards.dossiers import NewDossier
from desktop.awards.errors import DossierError
from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.models import (
    AuditEntry,
    AwardCategory,
    Campaign,
    CampaignKind,
    Dossier,
    DossierCriterionCheck,
    DossierStatus,
    PriorAward,
    Unit,
)
from desktop.models.ids import AwardFormId, CampaignId, DossierId, UnitId

DRAFT = DossierId(4)  # the demo business's Giấy khen, nothing ticked yet


@pytest.fixture
def heard(demo_db, ctx: AppContext) -> list[Change]:
    changes: list[Change] = []
    ctx.door.listen(changes.append)
    return changes


def reasons(ctx: AppContext) -> list[str]:
    return ctx.door.read(lambda s: [e.reason for e in s.exec(select(AuditEntry))])


def first_criterion(ctx: AppContext) -> int:
    return ctx.door.read(lambda s: load_detail(s, DRAFT).criteria[0].criterion.id)


def met(ctx: AppContext, criterion_id: int) -> bool | None:
    def read(s):  # type: ignore[no-untyped-def]
        row = s.exec(
            select(DossierCriterionCheck).where(
                DossierCriterionCheck.dossier_id == DRAFT,
                DossierCriterionCheck.criterion_id == criterion_id,
            )
        ).first()
        return None if row is None else row.met

    return ctx.door.read(read)


def test_a_ticked_standard_is_undone_and_redone_with_the_reason_in_the_audit(ctx, heard) -> None:
    criterion = first_criterion(ctx)
    ctx.door.run(check_criterion(DRAFT, criterion, True, "Báo cáo số 7"))
    assert met(ctx, criterion) is True
    assert heard[-1].ids_of(Area.DOSSIERS) == {DRAFT}
    label = ctx.door.history.undo_label(SCOPE)
    assert label is not None and label.startswith("đánh dấu đạt tiêu chuẩn “")
    assert label.endswith("(hồ sơ số 4)")

    assert ctx.door.undo(SCOPE) == label
    assert met(ctx, criterion) is None  # as it was: never judged
    assert f"Hoàn tác: {label}" in reasons(ctx)
    assert ctx.door.redo(SCOPE) == label
    assert met(ctx, criterion) is True
    assert f"Làm lại: {label}" in reasons(ctx)


def test_the_same_tick_again_is_no_step_to_undo(ctx, heard) -> None:
    criterion = first_criterion(ctx)
    ctx.door.run(check_criterion(DRAFT, criterion, True, ""))
    ctx.door.run(check_criterion(DRAFT, criterion, True, ""))
    assert ctx.door.undo(SCOPE) is not None
    assert not ctx.door.history.can_undo(SCOPE)


def test_evidence_and_papers_are_undone_one_step_at_a_time(ctx, heard) -> None:
    criterion = first_criterion(ctx)
    ctx.door.run(check_criterion(DRAFT, criterion, True, "Báo cáo số 7"))
    ctx.door.run(check_criterion(DRAFT, criterion, True, "Báo cáo số 8"))
    assert ctx.door.history.undo_label(SCOPE).startswith("sửa minh chứng của tiêu chuẩn")
    paper = ctx.door.read(lambda s: load_detail(s, DRAFT).components[0].component.id)
    ctx.door.run(check_component(DRAFT, paper, True, "bản chính"))
    assert ctx.door.history.undo_label(SCOPE).startswith("đánh dấu đã có “")

    ctx.door.undo(SCOPE)
    assert not ctx.door.read(lambda s: load_detail(s, DRAFT).components[0].present)
    ctx.door.undo(SCOPE)
    evidence = ctx.door.read(lambda s: load_detail(s, DRAFT).criteria[0].evidence)
    assert evidence == "Báo cáo số 7"


def test_an_undo_the_dossier_no_longer_allows_is_refused_and_leaves_the_history(ctx, heard) -> None:
    criterion = first_criterion(ctx)
    ctx.door.run(check_criterion(DRAFT, criterion, True, ""))
    ctx.door.run(take_step(DRAFT, DossierStatus.SUBMITTED_TO_COUNCIL, reason="Nộp bổ sung sau"))
    # The step is a recorded act: the last step to take back is still the tick.
    assert ctx.door.history.undo_label(SCOPE).startswith("đánh dấu đạt")
    with pytest.raises(DossierError, match="chỉ sửa được nội dung"):
        ctx.door.undo(SCOPE)
    assert met(ctx, criterion) is True
    assert not ctx.door.history.can_undo(SCOPE)
    status = ctx.door.read(lambda s: s.get(Dossier, DRAFT).status)
    assert status is DossierStatus.SUBMITTED_TO_COUNCIL


def test_texts_are_saved_and_taken_back_only_when_they_changed(ctx, heard) -> None:
    before = ctx.door.read(lambda s: DossierFields.of(s.get(Dossier, DRAFT)))
    assert ctx.door.run(save_fields(DRAFT, before)) is False
    assert not ctx.door.history.can_undo(SCOPE)
    typed = DossierFields(
        before.proposing_unit_id, "Ghi chú mới", {"thanh_tich": "Doanh thu số tăng 30%"}
    )
    assert ctx.door.run(save_fields(DRAFT, typed)) is True
    assert ctx.door.history.undo_label(SCOPE) == "sửa nội dung hồ sơ số 4"
    ctx.door.undo(SCOPE)
    assert ctx.door.read(lambda s: DossierFields.of(s.get(Dossier, DRAFT))) == before
    ctx.door.redo(SCOPE)
    after = ctx.door.read(lambda s: DossierFields.of(s.get(Dossier, DRAFT)))
    assert after.note == "Ghi chú mới" and after.achievement["thanh_tich"].startswith("Doanh thu")


def test_a_prior_award_comes_back_under_its_number(ctx, heard) -> None:
    unit_id = ctx.door.read(
        lambda s: UnitId(s.exec(select(Unit).where(Unit.code == "DNHPS")).one().id)
    )
    prior_id = ctx.door.run(
        add_prior(2023, "Giấy khen của Chủ tịch UBND quận", "45/QĐ-UBND", unit_id=unit_id)
    )
    assert heard[-1].ids_of(Area.DOSSIERS) == {DRAFT}  # shown in that nominee's dossier
    ctx.door.run(remove_prior(prior_id))
    assert ctx.door.history.undo_label(SCOPE).startswith("xóa khen thưởng đã nhận “Giấy khen")
    ctx.door.undo(SCOPE)
    prior = ctx.door.read(lambda s: s.get(PriorAward, prior_id))
    assert prior is not None and prior.decision == "45/QĐ-UBND"
    ctx.door.undo(SCOPE)  # the addition itself
    assert ctx.door.read(lambda s: s.get(PriorAward, prior_id)) is None
    assert ctx.door.redo(SCOPE).startswith("thêm khen thưởng đã nhận")
    assert ctx.door.read(lambda s: s.get(PriorAward, prior_id)) is not None


def test_a_removed_file_comes_back_until_the_store_is_pruned(ctx, heard, tmp_path: Path) -> None:
    store = ctx.folder.attachments
    scan = tmp_path / "Tờ trình.pdf"
    scan.write_bytes(b"%PDF to trinh")
    (attachment_id,) = ctx.door.run(attach_files(store, DRAFT, [scan]))
    assert ctx.door.history.undo_label(SCOPE) == "đính kèm “Tờ trình.pdf” (hồ sơ số 4)"
    ctx.door.run(detach(store, attachment_id))
    assert ctx.door.read(lambda s: load_detail(s, DRAFT).attachments) == []
    ctx.door.undo(SCOPE)
    (back,) = ctx.door.read(lambda s: load_detail(s, DRAFT).attachments)
    assert back.original_name == "Tờ trình.pdf"

    ctx.door.redo(SCOPE)  # taken off again
    assert ctx.door.read(prune(store)) == 1
    with pytest.raises(DossierError, match="đã được dọn đi"):
        ctx.door.undo(SCOPE)
    assert ctx.door.read(lambda s: load_detail(s, DRAFT).attachments) == []


def test_attaching_is_taken_back_as_one_step(ctx, heard, tmp_path: Path) -> None:
    store = ctx.folder.attachments
    files = []
    for name in ("a.pdf", "b.jpg"):
        files.append(tmp_path / name)
        files[-1].write_bytes(name.encode())
    assert len(ctx.door.run(attach_files(store, DRAFT, files))) == 2
    assert ctx.door.undo(SCOPE) == "đính kèm 2 tệp (hồ sơ số 4)"
    assert ctx.door.read(lambda s: load_detail(s, DRAFT).attachments) == []


def test_a_workflow_step_and_a_new_dossier_are_not_undone(ctx, heard) -> None:
    ids = ctx.door.read(
        lambda s: (
            s.exec(select(Campaign).where(Campaign.kind == CampaignKind.YEARLY)).first().id,
            s.exec(select(Unit).where(Unit.code == "TDP01")).one().id,
        )
    )
    form = ctx.door.read(lambda s: load_detail(s, DRAFT).award.id)
    created = ctx.door.run(
        new_dossier(NewDossier(CampaignId(ids[0]), AwardFormId(form), nominee_unit_id=ids[1]))
    )
    assert heard[-1].ids_of(Area.DOSSIERS) == {created}
    ctx.door.run(take_step(created, DossierStatus.SUBMITTED_TO_COUNCIL, reason="thử"))
    assert not ctx.door.history.can_undo(SCOPE)


def test_discipline_tells_the_register_and_the_dossiers(ctx, heard) -> None:
    unit_id = ctx.door.read(
        lambda s: UnitId(s.exec(select(Unit).where(Unit.code == "DNHPS")).one().id)
    )
    nominee = ctx.door.run(note_discipline(unit_id, None, "Đang bị khiếu nại"))
    assert nominee.flagged
    assert heard[-1].ids_of(Area.UNITS) == {unit_id}
    assert heard[-1].ids_of(Area.DOSSIERS) == {DRAFT}


def test_catalogue_and_campaigns_announce_awards(ctx, heard) -> None:
    form_id = ctx.door.run(
        save_form(
            AwardFormInput(
                "Tập thể lao động xuất sắc", AwardCategory.EMULATION_TITLE, 2, "UBND thành phố"
            )
        )
    )
    assert heard[-1].ids_of(Area.AWARDS) == {form_id}
    assert ctx.door.read(lambda s: (criteria_of(s, form_id), components_of(s, form_id))) == (
        [],
        [],
    )
    campaign = ctx.door.run(save_round("Khen thưởng năm 2031", CampaignKind.YEARLY, 2031, None))
    assert heard[-1].touches(Area.AWARDS)
    ctx.door.run(remove_round(campaign))
    yearly = ctx.door.read(
        lambda s: s.exec(select(Campaign).where(Campaign.year == 2025)).first().id
    )
    with pytest.raises(DossierError, match="đã có 5 hồ sơ"):
        ctx.door.run(remove_round(CampaignId(yearly)))


def test_the_rows_of_a_few_dossiers_are_the_rows_of_the_whole_list(ctx, heard) -> None:
    from dataclasses import fields
    from datetime import date

    from desktop.awards.dossiers import list_dossiers
    from desktop.awards.views import dossier_rows

    today = date(2025, 12, 31)  # past the demo deadline: the drafts are late
    whole = {r.dossier.id: r for r in ctx.door.read(lambda s: list_dossiers(s, None, today))}
    # A collective, a late business, a late person; 999 is no dossier and has no row.
    few = ctx.door.read(dossier_rows([5, 3, 4, 999], today))
    assert [r.dossier.id for r in few] == [3, 4, 5]
    assert [r.overdue for r in few] == [False, True, True]
    for row in few:
        expected = whole[row.dossier.id]
        assert row.dossier.model_dump() == expected.dossier.model_dump()
        for field in fields(row):
            if field.name != "dossier":
                assert getattr(row, field.name) == getattr(expected, field.name), field.name
