"""The catalogue of titles and forms of award, and the campaigns: seeded from the plan, editable."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desktop.awards.catalogue import (
    AwardFormInput,
    campaign_years,
    components_of,
    criteria_of,
    list_award_forms,
    list_campaigns,
    remove_campaign,
    remove_component,
    remove_criterion,
    save_award_form,
    save_campaign,
    save_component,
    save_criterion,
)
from desktop.awards.dossiers import set_criterion
from desktop.awards.errors import DossierError
from desktop.models import AwardCategory, AwardForm, Campaign, CampaignKind, Dossier, NomineeKind


def test_the_plan_seeds_titles_apart_from_forms_of_award(db) -> None:
    with db.session() as s:
        forms = list_award_forms(s)
    titles = [f.name for f in forms if f.category is AwardCategory.EMULATION_TITLE]
    awards = [f.name for f in forms if f.category is AwardCategory.AWARD_FORM]
    assert titles == ["Cờ thi đua của Chính phủ", "Cờ thi đua của UBND thành phố"]
    assert awards[0] == "Huân chương Lao động hạng Ba" and awards[-1].startswith("Giấy khen")
    assert len(forms) == 6


def test_a_new_entry_gets_a_code_a_level_label_and_its_own_papers_and_standards(db) -> None:
    with db.session() as s:
        form = save_award_form(
            s,
            AwardFormInput(
                "Tập thể lao động tiên tiến",
                AwardCategory.EMULATION_TITLE,
                1,
                "Chủ tịch UBND phường",
            ),
        )
        assert form.code == "TTLDTT" and form.level_label == "Phường"
        save_criterion(s, form.id, "Hoàn thành tốt nhiệm vụ", NomineeKind.COLLECTIVE)
        save_component(s, form.id, "Báo cáo thành tích")
        assert [c.text for c in criteria_of(s, form.id)] == ["Hoàn thành tốt nhiệm vụ"]
        assert [c.name for c in components_of(s, form.id)] == ["Báo cáo thành tích"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (AwardFormInput("  ", AwardCategory.AWARD_FORM, 1), "không được để trống"),
        (AwardFormInput("Giấy khen X", AwardCategory.AWARD_FORM, 7), "Cấp khen thưởng"),
        (
            AwardFormInput("Giấy khen X", AwardCategory.AWARD_FORM, 1, for_collective=False),
            "ít nhất một đối tượng",
        ),
        (AwardFormInput("cờ thi đua của chính phủ", AwardCategory.EMULATION_TITLE, 4), "đã có"),
        (
            AwardFormInput("Giấy khen X", AwardCategory.AWARD_FORM, 1, code="HCLD3"),
            "đã được dùng cho “Huân chương",
        ),
    ],
)
def test_bad_entries_are_refused(db, data, message) -> None:
    with pytest.raises(DossierError, match=message), db.session() as s:
        save_award_form(s, data)
    with db.session() as s:
        assert len(s.exec(select(AwardForm)).all()) == 6


def test_an_entry_can_be_edited_and_retired(db) -> None:
    with db.session() as s:
        form = s.exec(select(AwardForm).where(AwardForm.code == "GKCTP")).one()
        save_award_form(
            s,
            AwardFormInput(
                form.name, AwardCategory.AWARD_FORM, 1, "Chủ tịch UBND phường Kiến An", active=False
            ),
            form.id,
        )
    with db.session() as s:
        assert [f.code for f in list_award_forms(s, include_inactive=False)].count("GKCTP") == 0
        assert (
            s.exec(select(AwardForm).where(AwardForm.code == "GKCTP"))
            .one()
            .issuer.endswith("Kiến An")
        )


def test_a_standard_used_in_a_dossier_is_not_deleted(demo_db) -> None:
    with demo_db.session() as s:
        dossier = s.exec(select(Dossier).where(Dossier.nominee_person_id.is_not(None))).one()
        (criterion,) = criteria_of(s, dossier.award_form_id)
        set_criterion(s, dossier.id, criterion.id, True)
        with pytest.raises(DossierError, match=r"đã được đánh giá trong \d+ hồ sơ"):
            remove_criterion(s, criterion.id)
        spare = save_criterion(s, dossier.award_form_id, "Tiêu chuẩn thử")
        remove_criterion(s, spare.id)
        assert len(criteria_of(s, dossier.award_form_id)) == 1


def test_a_paper_name_is_not_repeated_and_an_unused_one_can_go(db) -> None:
    with db.session() as s:
        form = s.exec(select(AwardForm).where(AwardForm.code == "GKCTP")).one()
        with pytest.raises(DossierError, match="đã có trong danh sách"):
            save_component(s, form.id, "to trinh de nghi khen thuong")
        extra = save_component(s, form.id, "Ảnh minh chứng", required=False)
        remove_component(s, extra.id)
        assert len(components_of(s, form.id)) == 4


def test_the_plan_seeds_yearly_rounds_and_the_two_reviews(db) -> None:
    with db.session() as s:
        campaigns = list_campaigns(s)
    kinds = [(c.year, c.kind) for c in campaigns]
    assert (2027, CampaignKind.PRELIMINARY_REVIEW) in kinds and (
        2030,
        CampaignKind.FINAL_REVIEW,
    ) in kinds
    assert [c.year for c in campaigns if c.kind is CampaignKind.YEARLY] == list(range(2025, 2031))
    review = next(c for c in campaigns if c.kind is CampaignKind.FINAL_REVIEW)
    assert campaign_years(review) == list(range(2025, 2031))


def test_a_campaign_deadline_before_its_year_is_refused(db) -> None:
    with pytest.raises(DossierError, match="trước năm 2031"), db.session() as s:
        save_campaign(s, "Khen thưởng năm 2031", CampaignKind.YEARLY, 2031, date(2030, 12, 31))
    with db.session() as s:
        assert not s.exec(select(Campaign).where(Campaign.year == 2031)).all()
        added = save_campaign(
            s, "Khen thưởng năm 2031", CampaignKind.YEARLY, 2031, date(2031, 11, 30)
        )
        assert added.deadline == date(2031, 11, 30)
        with pytest.raises(DossierError, match="Đã có đợt xét"):
            save_campaign(s, "khen thưởng năm 2031", CampaignKind.YEARLY, 2031, None)


def test_a_campaign_with_dossiers_is_not_removed(demo_db) -> None:
    with demo_db.session() as s:
        used = s.exec(select(Dossier)).first().campaign_id
        with pytest.raises(DossierError, match="đã có 5 hồ sơ"):
            remove_campaign(s, used)
        empty = s.exec(select(Campaign).where(Campaign.year == 2029)).one()
        remove_campaign(s, empty.id)
        assert s.get(Campaign, empty.id) is None
