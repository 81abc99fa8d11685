"""The rules of the law and of the plan on a new dossier, each with the clerk's message; a refusal
changes nothing."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.awards.catalogue import AwardFormInput, criteria_of, save_award_form, save_criterion
from desktop.awards.dossiers import NewDossier, add_dossier, set_criterion
from desktop.awards.errors import DossierError
from desktop.awards.nominees import record_discipline
from desktop.awards.workflow import move_dossier
from desktop.models import (
    AuditEntry,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierEvent,
    DossierStatus,
    Unit,
    UnitKind,
)
from desktop.models.indicators import Comparison
from desktop.register.units import UnitData, create_unit


def form(s, code: str) -> AwardForm:
    return s.exec(select(AwardForm).where(AwardForm.code == code)).one()


def campaign(s, year: int = 2025, kind: CampaignKind = CampaignKind.YEARLY) -> Campaign:
    return s.exec(select(Campaign).where(Campaign.year == year, Campaign.kind == kind)).one()


def unit(s, code: str) -> Unit:
    return s.exec(select(Unit).where(Unit.code == code)).one()


def propose(s, code: str, award: str, *, replace: bool = False, c: Campaign | None = None):
    target = c or campaign(s)
    return add_dossier(
        s,
        NewDossier(target.id, form(s, award).id, nominee_unit_id=unit(s, code).id, replace=replace),
    )


def dossier_count(db) -> int:
    with db.session() as s:
        return len(s.exec(select(Dossier)).all())


def refused(db, message: str, action) -> None:
    """The action is refused with the message, and the data is as before."""
    before = dossier_count(db)
    with pytest.raises(DossierError, match=message), db.session() as s:
        action(s)
    assert dossier_count(db) == before


# -- one achievement, one form ------------------------------------------------------------------
def test_a_second_form_of_the_same_level_or_lower_is_refused_naming_the_first(demo_db) -> None:
    refused(
        demo_db,
        r"“Công ty Cổ phần May Hải Phòng Star” đã được đề nghị “Giấy khen của Chủ tịch UBND "
        r"phường” trong đợt “Khen thưởng năm 2025” \(hồ sơ số 4, Nháp\)\. Một thành tích chỉ đề "
        r"nghị một hình thức khen thưởng\. Không tạo hồ sơ trùng\.",
        lambda s: propose(s, "DNHPS", "GKCTP"),
    )


def test_a_higher_form_asks_to_replace_and_then_deletes_the_lower_draft(demo_db) -> None:
    refused(
        demo_db,
        "là hình thức cao hơn: hãy chọn thay hồ sơ số 4",
        lambda s: propose(s, "DNHPS", "BKCTTP"),
    )
    with demo_db.session() as s:
        created = propose(s, "DNHPS", "BKCTTP", replace=True)
        new_id = created.dossier_id
    with demo_db.session() as s:
        assert s.get(Dossier, 4) is None
        assert [r.dossier_id for r in created.replaced] == [4]
        audit = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "dossier",
                AuditEntry.record_id == 4,
                AuditEntry.action == "delete",
            )
        ).one()
        assert audit.reason == f"Thay bằng hồ sơ số {new_id} (hình thức cao hơn)"
        first = s.exec(select(DossierEvent).where(DossierEvent.dossier_id == new_id)).one()
        assert first.note == "Tạo hồ sơ, thay hồ sơ số 4"


def test_replacing_needs_a_higher_level_not_another_form_of_the_same_level(demo_db) -> None:
    # Dossier 3: Phòng Văn hóa - Xã hội, Bằng khen TP (level 2), Hội đồng đề nghị.
    refused(
        demo_db,
        r"\(hồ sơ số 3, Hội đồng đề nghị\)\. Một thành tích chỉ đề nghị một hình thức",
        lambda s: propose(s, "VHXH", "CTDTP", replace=True),
    )


def test_a_decided_award_blocks_any_other_form_in_the_campaign(demo_db) -> None:
    refused(
        demo_db,
        r"“Trường THCS Trần Thành Ngọ” đã được khen thưởng “Giấy khen của Chủ tịch UBND phường” "
        r"trong đợt này \(quyết định số 125/QĐ-UBND\); không khen thưởng nhiều hình thức cho một "
        r"thành tích\.",
        lambda s: propose(s, "THCSTTN", "BKCTTP", replace=True),
    )


def test_a_closed_dossier_no_longer_holds_the_achievement(demo_db) -> None:
    # Dossier 2: Tổ dân phố số 3, Hội đồng không đề nghị.
    with demo_db.session() as s:
        assert s.get(Dossier, 2).status is DossierStatus.COUNCIL_DECLINED
        created = propose(s, "TDP03", "GKCTP")
        assert created.replaced == ()


# -- rounds and recipients ------------------------------------------------------------------------
def test_a_review_only_form_is_refused_in_a_yearly_round(demo_db) -> None:
    refused(
        demo_db,
        r"“Huân chương Lao động hạng Ba” chỉ xét khi sơ kết \(2027\) và tổng kết \(2030\) của "
        r"phong trào; đợt “Khen thưởng năm 2025” là đợt hằng năm",
        lambda s: propose(s, "MTTQ", "HCLD3"),
    )
    with demo_db.session() as s:
        review = campaign(s, 2027, CampaignKind.PRELIMINARY_REVIEW)
        assert propose(s, "MTTQ", "HCLD3", c=review).dossier.status is DossierStatus.DRAFT


def test_a_form_is_refused_to_a_kind_of_unit_it_is_not_for(demo_db) -> None:
    def action(s) -> None:  # type: ignore[no-untyped-def]
        propose(s, "TDP01", "HCLD3", c=campaign(s, 2027, CampaignKind.PRELIMINARY_REVIEW))

    refused(demo_db, r"“Huân chương Lao động hạng Ba” không dành cho Tổ dân phố", action)


def test_the_new_kinds_may_receive_the_plans_highest_forms(demo_db) -> None:
    with demo_db.session() as s:
        committee = create_unit(
            s, UnitData(code="DUP", name="Đảng ủy phường Kiến An", kind=UnitKind.PARTY_COMMITTEE)
        )
        review = campaign(s, 2030, CampaignKind.FINAL_REVIEW)
        created = add_dossier(
            s, NewDossier(review.id, form(s, "CTDCP").id, nominee_unit_id=committee.id)
        )
        assert created.dossier.status is DossierStatus.DRAFT


# -- headings ---------------------------------------------------------------------------------------
def test_a_heading_line_cannot_be_ticked(demo_db) -> None:
    with demo_db.session() as s:
        dossier = propose(s, "MTTQ", "BKTTG", c=campaign(s, 2027, CampaignKind.PRELIMINARY_REVIEW))
        heading = next(c for c in criteria_of(s, form(s, "BKTTG").id) if c.heading)
        with pytest.raises(DossierError) as refusal:
            set_criterion(s, dossier.dossier_id, heading.id, True, "Báo cáo")
        assert str(refusal.value) == (
            "Dòng này chỉ giới thiệu các tiêu chuẩn bên dưới; hãy đánh dấu từng tiêu chuẩn."
        )
        assert set_criterion(s, dossier.dossier_id, heading.id, False).met is False


def test_a_new_standard_ending_with_a_colon_is_a_heading_unless_told(demo_db) -> None:
    with demo_db.session() as s:
        gk = form(s, "GKCTP").id
        assert save_criterion(s, gk, "Đạt các tiêu chuẩn sau:").heading
        assert not save_criterion(s, gk, "Đạt các tiêu chuẩn sau:", heading=False).heading


# -- the rules of a form in the catalogue -----------------------------------------------------------
def test_the_catalogue_keeps_and_checks_the_rules_of_a_form(demo_db) -> None:
    with demo_db.session() as s:
        gk = form(s, "GKCTP")
        data = AwardFormInput(
            name=gk.name,
            category=gk.category,
            level=gk.level,
            for_collective=True,
            for_business=True,
            for_individual=True,
            unit_kinds=[UnitKind.RESIDENTIAL_GROUP, UnitKind.BUSINESS],
            campaign_kinds=[CampaignKind.YEARLY],
            vote_percent=60,
            vote_comparison=Comparison.AT_LEAST,
            bonus_individual_permille=200,
            bonus_collective_permille=400,
        )
        saved = save_award_form(s, data, gk.id)
        assert saved.unit_kinds == "business,residential_group"
        assert (saved.campaign_kinds, saved.vote_percent) == ("yearly", 60)
        assert saved.bonus_collective_permille == 400
        # A form that shows only the old fields keeps the rules as they are.
        plain = AwardFormInput(name=gk.name, category=gk.category, level=1, for_individual=True)
        assert save_award_form(s, plain, gk.id).vote_percent == 60
    with demo_db.session() as s, pytest.raises(DossierError) as refusal:
        bad = AwardFormInput(
            name="Giấy khen thử",
            category=gk.category,
            level=1,
            for_collective=False,
            for_individual=True,
            unit_kinds=[UnitKind.RESIDENTIAL_GROUP],
            campaign_kinds=[],
            vote_percent=0,
            vote_comparison=Comparison.EQUAL,
        )
        save_award_form(s, bad)
    assert refusal.value.problems == [
        "“Tổ dân phố” được xét là tập thể; hãy chọn đối tượng tập thể hoặc bỏ loại này.",
        "Hãy chọn ít nhất một loại đợt xét (hằng năm, sơ kết, tổng kết) có hình thức này.",
        "Tỷ lệ phiếu đồng ý phải từ 1% đến 100% số thành viên Hội đồng.",
        "Tỷ lệ phiếu đồng ý chỉ so “trên” hoặc “từ … trở lên” số thành viên Hội đồng.",
    ]


# -- discipline ----------------------------------------------------------------------------------------
def test_clearing_a_discipline_note_needs_a_reason_kept_in_the_audit(demo_db) -> None:
    with demo_db.session() as s:
        record_discipline(s, unit(s, "DNHPS").id, None, "Đang bị thanh tra")
    with demo_db.session() as s, pytest.raises(DossierError, match="Hãy ghi lý do gỡ"):
        record_discipline(s, unit(s, "DNHPS").id, None, "")
    with demo_db.session() as s:
        assert unit(s, "DNHPS").discipline_note == "Đang bị thanh tra"
        nominee = record_discipline(s, unit(s, "DNHPS").id, None, " ", "Kết luận thanh tra số 7")
        assert not nominee.flagged
    with demo_db.session() as s:
        audit = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "unit", AuditEntry.field == "discipline_note"
            )
        ).all()
        assert audit[-1].reason == "Gỡ ghi chú kỷ luật: Kết luận thanh tra số 7"
        with pytest.raises(DossierError, match="không có ghi chú kỷ luật"):
            record_discipline(s, unit(s, "DNHPS").id, None, "", "lý do")


def test_a_dossier_past_the_council_replaced_is_closed_in_its_history(demo_db) -> None:
    with demo_db.session() as s:
        # A ward Giấy khen the council proposed, for a unit with no other dossier.
        created = propose(s, "THCSLL", "GKCTP")
        dossier = created.dossier
        dossier.status = DossierStatus.COUNCIL_PROPOSED  # as the ballot leaves it
        s.add(dossier)
    with demo_db.session() as s:
        higher = propose(s, "THCSLL", "BKCTTP", replace=True)
        lower = s.get(Dossier, created.dossier_id)
        assert lower.status is DossierStatus.NOT_AWARDED
        last = s.exec(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == lower.id)
            .order_by(DossierEvent.id.desc())
        ).first()
        assert last.note == f"Thay bằng hồ sơ số {higher.dossier_id} (hình thức cao hơn)"


def test_a_lower_dossier_before_the_council_vote_is_not_closed(demo_db) -> None:
    with demo_db.session() as s:
        created = propose(s, "THCSBS", "GKCTP")
        move_dossier(s, created.dossier_id, DossierStatus.SUBMITTED_TO_COUNCIL, reason="bổ sung")
    refused(
        demo_db,
        r"đang ở trạng thái “Đã trình Hội đồng phường”; chưa khép được",
        lambda s: propose(s, "THCSBS", "BKCTTP", replace=True),
    )
