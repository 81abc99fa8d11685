"""Initiatives and models (sáng kiến, mô hình): recorded with their authors, refused when the plan's
rules say no, undone, and chosen into a dossier's báo cáo thành tích instead of retyped."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.changes import Area
from desktop.models import Dossier, DossierStatus, Person
from desktop.models.movement import DossierInitiative, InitiativeKind, RecognitionLevel
from desktop.movement import initiative_ops as ops
from desktop.movement.initiative_ops import InitiativeData, InitiativeError
from desktop.movement.initiatives import chosen_for, initiative_counts, initiatives_in
from desktop.register.lookup import unit_by_code


def unit_id(ctx, code: str) -> int:  # type: ignore[no-untyped-def]
    return ctx.door.read(lambda s: unit_by_code(s, code).id)


def persons_of(ctx, code: str) -> list[Person]:  # type: ignore[no-untyped-def]
    uid = unit_id(ctx, code)
    return ctx.door.read(
        lambda s: list(s.exec(select(Person).where(Person.unit_id == uid).order_by(Person.id)))
    )


def draft_dossier(ctx, *, person: bool) -> Dossier:  # type: ignore[no-untyped-def]
    def read(session):  # type: ignore[no-untyped-def]
        rows = session.exec(select(Dossier).where(Dossier.status == DossierStatus.DRAFT))
        return next(d for d in rows if (d.nominee_person_id is not None) == person)

    return ctx.door.read(read)


def library(ctx, **changes) -> InitiativeData:  # type: ignore[no-untyped-def]
    authors = persons_of(ctx, "THCSLL")
    data = InitiativeData(
        year=2025,
        title="Thư viện số của nhà trường",
        kind=InitiativeKind.MODEL,
        unit_id=unit_id(ctx, "THCSLL"),
        author_ids=(authors[0].id, authors[1].id),
        content_area_id=2,
        effect="Học sinh mượn 1.200 đầu sách điện tử mỗi học kỳ.",
        recognition=RecognitionLevel.WARD,
        decision="Quyết định số 15/QĐ-UBND ngày 20/11/2025",
    )
    return InitiativeData(**{**data.__dict__, **changes})


def test_an_initiative_is_read_with_its_unit_authors_and_the_plans_content_area(demo_db, ctx):
    authors = persons_of(ctx, "THCSLL")
    new_id = ctx.door.run(ops.add_initiative(library(ctx, title="  Thư viện   số  ")))

    views = ctx.door.read(lambda s: initiatives_in(s, 2025, 2025, unit_id=unit_id(ctx, "THCSLL")))
    (view,) = [v for v in views if v.id == new_id]
    assert view.title == "Thư viện số"
    assert view.unit_name == "Trường THCS Lê Lợi"
    assert view.authors == (authors[0].full_name, authors[1].full_name)
    assert view.content_area.startswith("Phát động phong trào học tập trên các nền tảng số")
    by_author = ctx.door.read(lambda s: initiatives_in(s, 2025, 2030, person_id=authors[1].id))
    assert new_id in [v.id for v in by_author]
    assert new_id not in [v.id for v in ctx.door.read(lambda s: initiatives_in(s, 2026, 2030))]


def test_counts_by_recognition_follow_the_years(demo_db, ctx):
    before = ctx.door.read(lambda s: initiative_counts(s, 2025, 2025))
    ctx.door.run(ops.add_initiative(library(ctx)))
    ctx.door.run(ops.add_initiative(library(ctx, year=2026, title="Sổ liên lạc điện tử")))
    after = ctx.door.read(lambda s: initiative_counts(s, 2025, 2025))
    assert after[RecognitionLevel.WARD] == before[RecognitionLevel.WARD] + 1
    assert sum(after.values()) == sum(before.values()) + 1


def test_the_rules_refuse_every_problem_at_once(demo_db, ctx):
    with pytest.raises(InitiativeError) as refused:
        ctx.door.run(
            ops.add_initiative(library(ctx, title=" ", year=2031, decision="", author_ids=(99999,)))
        )
    problems = refused.value.problems
    assert "Hãy ghi tên sáng kiến, giải pháp hoặc mô hình." in problems
    assert any("Năm 2031 nằm ngoài Kế hoạch" in p for p in problems)
    assert any("cá nhân mã số 99999" in p for p in problems)
    assert any("hãy ghi quyết định công nhận" in p for p in problems)


def test_an_author_of_another_unit_is_allowed_but_not_one_who_stopped(demo_db, ctx):
    other = persons_of(ctx, "VHXH")[0]
    new_id = ctx.door.run(ops.add_initiative(library(ctx, author_ids=(other.id,))))
    (view,) = [v for v in ctx.door.read(lambda s: initiatives_in(s, 2025, 2025)) if v.id == new_id]
    assert view.authors == (other.full_name,) and view.unit_name == "Trường THCS Lê Lợi"

    def stop(session):  # type: ignore[no-untyped-def]
        person = session.get(Person, other.id)
        person.active = False
        session.add(person)
        session.commit()

    with ctx.db.session() as session:
        stop(session)
    quitter = persons_of(ctx, "VHXH")[0]
    with pytest.raises(InitiativeError) as refused:
        ctx.door.run(ops.add_initiative(library(ctx, author_ids=(quitter.id,))))
    assert f"“{quitter.full_name}” đã ngừng hoạt động" in refused.value.text()
    # … but stays an author of what was written before, through an edit.
    ctx.door.run(ops.edit_initiative(new_id, library(ctx, author_ids=(quitter.id,), effect="x")))


def test_add_edit_delete_are_undone_and_redone(demo_db, ctx):
    heard: list = []
    ctx.door.listen(heard.append)
    new_id = ctx.door.run(ops.add_initiative(library(ctx)))
    assert heard[-1].ids_of(Area.INITIATIVES) == {new_id}
    ctx.door.run(ops.edit_initiative(new_id, library(ctx, title="Thư viện điện tử")))
    assert ctx.door.undo(ops.SCOPE) == "sửa sáng kiến “Thư viện điện tử”"
    titles = [v.title for v in ctx.door.read(lambda s: initiatives_in(s, 2025, 2025))]
    assert "Thư viện số của nhà trường" in titles
    ctx.door.run(ops.delete_initiative(new_id))
    assert new_id not in [v.id for v in ctx.door.read(lambda s: initiatives_in(s, 2025, 2030))]
    ctx.door.undo(ops.SCOPE)
    (back,) = [v for v in ctx.door.read(lambda s: initiatives_in(s, 2025, 2030)) if v.id == new_id]
    assert len(back.authors) == 2


def test_chosen_into_a_draft_dossier_in_order_and_undone_with_the_dossier(demo_db, ctx):
    dossier = draft_dossier(ctx, person=False)
    first = ctx.door.run(ops.add_initiative(library(ctx, unit_id=dossier.nominee_unit_id)))
    second = ctx.door.run(
        ops.add_initiative(library(ctx, unit_id=dossier.nominee_unit_id, title="Hóa đơn điện tử"))
    )
    offered = [v.id for v in ctx.door.read(lambda s: ops.offered_for(s, dossier.id))]
    assert {first, second} <= set(offered)

    ctx.door.run(ops.choose_for_dossier(dossier.id, [second, first]))
    assert [v.id for v in ctx.door.read(lambda s: chosen_for(s, dossier.id))] == [second, first]
    ctx.door.run(ops.choose_for_dossier(dossier.id, [first]))
    ctx.door.undo("dossiers")
    assert [v.id for v in ctx.door.read(lambda s: chosen_for(s, dossier.id))] == [second, first]


def test_only_the_nominees_initiatives_of_the_campaigns_year_are_chosen(demo_db, ctx):
    dossier = draft_dossier(ctx, person=False)
    elsewhere = ctx.door.run(ops.add_initiative(library(ctx)))  # the THCS's, not the nominee's
    later = ctx.door.run(
        ops.add_initiative(library(ctx, unit_id=dossier.nominee_unit_id, year=2026))
    )
    with pytest.raises(InitiativeError) as refused:
        ctx.door.run(ops.choose_for_dossier(dossier.id, [elsewhere, later]))
    text = refused.value.text()
    assert "không phải của đối tượng đề nghị" in text
    assert "là của năm 2026, ngoài năm 2025 của đợt xét" in text
    assert ctx.door.read(lambda s: chosen_for(s, dossier.id)) == []


def test_a_person_nominee_may_take_what_they_wrote_in_any_unit(demo_db, ctx):
    dossier = draft_dossier(ctx, person=True)
    written = ctx.door.run(
        ops.add_initiative(library(ctx, author_ids=(dossier.nominee_person_id,)))
    )
    ctx.door.run(ops.choose_for_dossier(dossier.id, [written]))
    assert [v.id for v in ctx.door.read(lambda s: chosen_for(s, dossier.id))] == [written]


def test_a_submitted_dossier_refuses_a_choice_and_keeps_its_initiatives(demo_db, ctx):
    def awarded(session):  # type: ignore[no-untyped-def]
        return session.exec(select(Dossier).where(Dossier.status == DossierStatus.AWARDED)).first()

    dossier = ctx.door.read(awarded)
    new_id = ctx.door.run(ops.add_initiative(library(ctx, unit_id=dossier.nominee_unit_id)))
    with pytest.raises(InitiativeError, match="chỉ chọn sáng kiến"):
        ctx.door.run(ops.choose_for_dossier(dossier.id, [new_id]))
    # Chosen while it was a draft (written here as the past would have left it):
    with ctx.db.session() as session:
        session.add(DossierInitiative(dossier_id=dossier.id, initiative_id=new_id, ordinal=1))
        session.commit()
    with pytest.raises(InitiativeError) as refused:
        ctx.door.run(ops.delete_initiative(new_id))
    assert f"hồ sơ số {dossier.id} (Được khen thưởng)" in refused.value.text()


def test_deleting_takes_it_out_of_draft_dossiers_and_undo_puts_it_back(demo_db, ctx):
    dossier = draft_dossier(ctx, person=False)
    new_id = ctx.door.run(ops.add_initiative(library(ctx, unit_id=dossier.nominee_unit_id)))
    ctx.door.run(ops.choose_for_dossier(dossier.id, [new_id]))
    heard: list = []
    ctx.door.listen(heard.append)
    ctx.door.run(ops.delete_initiative(new_id))
    assert heard[-1].ids_of(Area.DOSSIERS) == {dossier.id}
    assert ctx.door.read(lambda s: chosen_for(s, dossier.id)) == []
    ctx.door.undo(ops.SCOPE)
    assert [v.id for v in ctx.door.read(lambda s: chosen_for(s, dossier.id))] == [new_id]
