"""Dossiers: creating one, the duplicate and nominee rules, filling it in, the list and its filters."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.detail import load_detail
from desktop.awards.dossiers import (
    DossierFilter,
    NewDossier,
    count_by_status,
    create_dossier,
    delete_dossier,
    list_dossiers,
    read_achievement,
    save_achievement,
    set_component,
    set_criterion,
)
from desktop.awards.errors import DossierError
from desktop.awards.history import add_prior_award, nominee_history
from desktop.awards.results import dossier_results
from desktop.indicators.scope import meets
from desktop.models import (
    AuditEntry,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierEvent,
    DossierStatus,
    Indicator,
    NomineeKind,
    Person,
    QuarterValue,
    Unit,
)


def form(s, code: str) -> AwardForm:
    return s.exec(select(AwardForm).where(AwardForm.code == code)).one()


def campaign(s, year: int = 2025, kind: CampaignKind = CampaignKind.YEARLY) -> Campaign:
    return s.exec(select(Campaign).where(Campaign.year == year, Campaign.kind == kind)).one()


def unit(s, code: str) -> Unit:
    return s.exec(select(Unit).where(Unit.code == code)).one()


def new_for_unit(
    s, code: str, award: str = "GKCTP", year: int = 2025, kind: CampaignKind = CampaignKind.YEARLY
) -> Dossier:
    return create_dossier(
        s,
        NewDossier(campaign(s, year, kind).id, form(s, award).id, nominee_unit_id=unit(s, code).id),
    )


def test_a_new_dossier_is_a_draft_with_its_first_history_line(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "THCSLL", "BKCTTP")
        events = s.exec(select(DossierEvent).where(DossierEvent.dossier_id == dossier.id)).all()
        assert dossier.status is DossierStatus.DRAFT
        assert dossier.proposing_unit_id == dossier.nominee_unit_id
        assert [(e.from_status, e.to_status) for e in events] == [(None, DossierStatus.DRAFT)]
        audit = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "dossier", AuditEntry.record_id == dossier.id
            )
        ).all()
        assert [a.action for a in audit] == ["insert"]


def test_same_nominee_same_award_same_campaign_is_refused_and_nothing_changes(demo_db) -> None:
    with demo_db.session() as s:
        before = len(s.exec(select(Dossier)).all())
    with (
        pytest.raises(
            DossierError,
            match="đã được đề nghị .*Giấy khen.*hồ sơ số 4, Nháp.*Không tạo hồ sơ trùng",
        ),
        demo_db.session() as s,
    ):
        new_for_unit(s, "DNHPS")  # the demo ward's draft of 2025
    with demo_db.session() as s:
        assert len(s.exec(select(Dossier)).all()) == before


def test_the_same_nominee_may_be_proposed_again_in_another_campaign(demo_db) -> None:
    with demo_db.session() as s:
        next_year = new_for_unit(s, "THCSTTN", "GKCTP", 2026)
        review = new_for_unit(s, "THCSTTN", "BKTTG", 2027, CampaignKind.PRELIMINARY_REVIEW)
        assert next_year.campaign_id != review.campaign_id


def test_a_deactivated_nominee_cannot_be_proposed(demo_db) -> None:
    with demo_db.session() as s:
        unit(s, "TDP03").active = False
    with pytest.raises(DossierError, match="ngừng hoạt động"), demo_db.session() as s:
        new_for_unit(s, "TDP03", "BKCTTP")


def test_an_award_only_for_collectives_refuses_a_person(demo_db) -> None:
    with demo_db.session() as s:
        person = s.exec(select(Person)).first()
        with pytest.raises(DossierError, match="chỉ dành cho tập thể"):
            create_dossier(
                s, NewDossier(campaign(s).id, form(s, "CTDCP").id, nominee_person_id=person.id)
            )


def test_a_nominee_must_be_exactly_one_unit_or_one_person(demo_db) -> None:
    with demo_db.session() as s, pytest.raises(DossierError, match="một đơn vị hoặc một cá nhân"):
        create_dossier(s, NewDossier(campaign(s).id, form(s, "GKCTP").id))


def test_standards_apply_by_nominee_kind(demo_db) -> None:
    with demo_db.session() as s:
        bk = form(s, "BKTTG")
        business = criteria_of(s, bk.id, NomineeKind.BUSINESS)
        collective = criteria_of(s, bk.id, NomineeKind.COLLECTIVE)
        assert (
            business
            and collective
            and not set(c.id for c in business) & set(c.id for c in collective)
        )
        dossier = new_for_unit(s, "DNHPS", "BKTTG", 2027, CampaignKind.PRELIMINARY_REVIEW)
        detail = load_detail(s, dossier.id)
        assert detail.nominee.kind is NomineeKind.BUSINESS
        assert [c.criterion.id for c in detail.criteria] == [c.id for c in business]


def test_completeness_lists_missing_papers_and_unmet_standards_until_filled(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "TDP01", "BKCTTP")
        detail = load_detail(s, dossier.id)
        assert len(detail.missing()) == 4 + 1  # four required papers, one standard
        for component in components_of(s, dossier.award_form_id):
            set_component(s, dossier.id, component.id, True)
        (criterion,) = criteria_of(s, dossier.award_form_id)
        set_criterion(s, dossier.id, criterion.id, True, "Báo cáo số 12/BC-TDP")
        detail = load_detail(s, dossier.id)
        assert detail.missing() == []
        assert detail.criteria[0].evidence == "Báo cáo số 12/BC-TDP"


def test_an_optional_paper_is_not_missing(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "TDP01", "GKCTP")
        missing = load_detail(s, dossier.id).missing()
        assert not any("Biên bản họp" in line for line in missing)
        assert any("Tờ trình" in line for line in missing)


def test_a_standard_of_another_award_cannot_be_ticked(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "TDP01", "GKCTP")
        foreign = criteria_of(s, form(s, "CTDCP").id)[0]
        with pytest.raises(DossierError, match="không thuộc"):
            set_criterion(s, dossier.id, foreign.id, True)


def test_achievement_sections_are_kept_and_unknown_sections_refused(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "TDP01", "GKCTP")
        save_achievement(
            s, dossier.id, {"thanh_tich": "  100% hộ dân dùng VNeID  ", "dac_diem": ""}
        )
        assert read_achievement(dossier) == {"thanh_tich": "100% hộ dân dùng VNeID"}
        with pytest.raises(DossierError, match="không có trong mẫu"):
            save_achievement(s, dossier.id, {"khac": "x"})


def test_a_submitted_dossier_is_no_longer_edited(demo_db) -> None:
    with demo_db.session() as s:
        sent = s.exec(select(Dossier).where(Dossier.status == DossierStatus.COUNCIL_PROPOSED)).one()
        with pytest.raises(DossierError, match="chỉ sửa được"):
            save_achievement(s, sent.id, {"thanh_tich": "sửa"})


def test_only_a_draft_is_deleted_and_a_reason_is_required(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "TDP01", "GKCTP")
        with pytest.raises(DossierError, match="lý do"):
            delete_dossier(s, dossier.id, "")
        delete_dossier(s, dossier.id, "Nhập nhầm")
        assert s.get(Dossier, dossier.id) is None
        awarded = s.exec(select(Dossier).where(Dossier.status == DossierStatus.AWARDED)).first()
        with pytest.raises(DossierError, match="không xóa được"):
            delete_dossier(s, awarded.id, "thử")


# -- results of the nominee -------------------------------------------------------------------------
def test_indicator_results_of_a_unit_are_pulled_in_with_percent_and_target(demo_db) -> None:
    with demo_db.session() as s:
        dossier = new_for_unit(s, "THCSLL", "BKCTTP")
        lines = dossier_results(s, dossier)
        school = unit(s, "THCSLL")
        values = s.exec(
            select(QuarterValue).where(
                QuarterValue.unit_id == school.id,
                QuarterValue.year == 2025,
                QuarterValue.quarter == 4,
            )
        ).all()
        codes = {i.id: i.code for i in s.exec(select(Indicator))}
        assert lines and {line.year for line in lines} == {2025}
        by_code = {line.indicator_code: line for line in lines}
        reported = {code for code, line in by_code.items() if line.reported}
        assert reported == {codes[v.indicator_id] for v in values}
        # An indicator the school's kind reports but did not: no figure, no verdict on it.
        for line in lines:
            if not line.reported:
                assert line.met is None and line.verdict in ("Chưa đủ số liệu", "Không có chỉ tiêu")
        for value in values:
            line = by_code[codes[value.indicator_id]]
            assert (line.numerator, line.denominator, line.quarter) == (
                value.numerator,
                value.denominator,
                4,
            )
            assert line.percent == pytest.approx(100 * value.numerator / value.denominator)
        judged = [line for line in lines if line.target is not None and line.reported]
        assert judged
        assert all(
            line.met is meets(line.numerator, line.denominator, line.target, line.comparison)
            for line in judged
        )
        assert all(line.verdict == ("Đạt" if line.met else "Chưa đạt") for line in judged)


def test_a_person_is_judged_with_the_results_of_their_unit(demo_db) -> None:
    with demo_db.session() as s:
        person_dossier = s.exec(select(Dossier).where(Dossier.nominee_person_id.is_not(None))).one()
        person = s.get(Person, person_dossier.nominee_person_id)
        # The unit's own dossier of the same campaign (one per nominee and campaign).
        own = s.exec(
            select(Dossier).where(
                Dossier.nominee_unit_id == person.unit_id,
                Dossier.campaign_id == person_dossier.campaign_id,
            )
        ).first() or new_for_unit(s, unit_code_of(s, person.unit_id), "CTDTP")
        assert dossier_results(s, own)
        assert dossier_results(s, person_dossier) == dossier_results(s, own)


def unit_code_of(s, unit_id: int) -> str:
    return s.get(Unit, unit_id).code


def test_a_review_campaign_reports_every_year_of_the_plan_so_far(demo_db) -> None:
    with demo_db.session() as s:
        review = campaign(s, 2027, CampaignKind.PRELIMINARY_REVIEW)
        dossier = create_dossier(
            s, NewDossier(review.id, form(s, "BKCTTP").id, nominee_unit_id=unit(s, "THCSTTN").id)
        )
        lines = dossier_results(s, dossier)
        assert {line.year for line in lines} == {2025, 2026, 2027}
        assert any(line.reported for line in lines if line.year == 2026)
        later = [line for line in lines if line.year == 2027]
        assert later and not any(line.reported for line in later)  # nothing reported yet
        assert {line.verdict for line in later} == {"Chưa đủ số liệu"}  # "duy trì" targets


# -- history of a nominee ---------------------------------------------------------------------------
def test_nominee_history_joins_awards_entered_by_hand_and_dossiers(demo_db) -> None:
    with demo_db.session() as s:
        school = unit(s, "THCSTTN")
        add_prior_award(
            s, 2023, "Giấy khen của Chủ tịch UBND quận Kiến An", "45/QĐ-UBND", unit_id=school.id
        )
        new_for_unit(s, "THCSTTN", "BKCTTP", 2026)
        lines = nominee_history(s, unit_id=school.id)
        assert [(line.year, line.status) for line in lines] == [
            (2026, "Nháp"),
            (2025, "Được khen thưởng"),
            (2023, "Đã nhận"),
        ]
        awarded = nominee_history(s, unit_id=school.id, awarded_only=True)
        assert [line.award for line in awarded] == [
            "Giấy khen của Chủ tịch UBND phường",
            "Giấy khen của Chủ tịch UBND quận Kiến An",
        ]
        assert "125/QĐ-UBND" in awarded[0].decision


def test_a_prior_award_needs_a_name_and_a_sensible_year(demo_db) -> None:
    with demo_db.session() as s:
        school = unit(s, "THCSTTN")
        with pytest.raises(DossierError, match="tên"):
            add_prior_award(s, 2020, "  ", unit_id=school.id)
        with pytest.raises(DossierError, match="Năm"):
            add_prior_award(s, 1800, "Giấy khen", unit_id=school.id)


# -- the list -------------------------------------------------------------------------------------
def test_list_filters_by_campaign_status_level_kind_and_search(demo_db) -> None:
    with demo_db.session() as s:
        new_for_unit(s, "TDP01", "GKCTP", 2026)
        c2025 = campaign(s).id
        rows = list_dossiers(s)
        assert len(rows) == 6
        assert len(list_dossiers(s, DossierFilter(campaign_id=c2025))) == 5
        assert len(list_dossiers(s, DossierFilter(status=DossierStatus.DRAFT))) == 3
        assert [r.award for r in list_dossiers(s, DossierFilter(level=2))] == [
            "Bằng khen của Chủ tịch UBND thành phố"
        ]
        individuals = list_dossiers(s, DossierFilter(nominee_kind=NomineeKind.INDIVIDUAL))
        assert len(individuals) == 1 and individuals[0].nominee_kind is NomineeKind.INDIVIDUAL
        businesses = list_dossiers(s, DossierFilter(nominee_kind=NomineeKind.BUSINESS))
        assert [r.dossier.nominee_unit_id for r in businesses] == [unit(s, "DNHPS").id]
        found = list_dossiers(s, DossierFilter(query="thcs tran thanh ngo"))
        assert [r.dossier.nominee_unit_id for r in found] == [unit(s, "THCSTTN").id]


def test_counts_per_status_cover_every_status(demo_db) -> None:
    with demo_db.session() as s:
        counts = count_by_status(list_dossiers(s))
    assert list(counts) == list(DossierStatus)
    assert counts[DossierStatus.DRAFT] == 2 and counts[DossierStatus.RETURNED] == 0
    assert sum(counts.values()) == 5


def test_a_dossier_still_with_the_clerk_after_the_deadline_is_overdue(demo_db) -> None:
    with demo_db.session() as s:
        rows = list_dossiers(s, today=date(2025, 12, 1))
        early = list_dossiers(s, today=date(2025, 11, 30))
    assert {r.status for r in rows if r.overdue} == {DossierStatus.DRAFT}
    assert not any(r.overdue for r in early)


def test_a_nominee_under_discipline_is_flagged_in_the_list(demo_db) -> None:
    with demo_db.session() as s:
        unit(s, "DNHPS").discipline_note = "Đang bị khiếu nại về hợp đồng lao động"
    with demo_db.session() as s:
        flagged = [r for r in list_dossiers(s) if r.flagged]
    assert [r.discipline_note for r in flagged] == ["Đang bị khiếu nại về hợp đồng lao động"]


def test_discipline_recorded_on_a_nominee_is_audited_and_can_be_cleared(demo_db) -> None:
    from desktop.awards.nominees import record_discipline

    with demo_db.session() as s:
        school = unit(s, "THCSTTN")
        nominee = record_discipline(s, school.id, None, "  Đang bị thanh tra  ")
        assert nominee.flagged and nominee.discipline_note == "Đang bị thanh tra"
    with demo_db.session() as s:
        audit = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "unit", AuditEntry.field == "discipline_note"
            )
        ).all()
        assert [a.reason for a in audit] == ["Ghi kỷ luật / khiếu nại"]
        cleared = record_discipline(s, unit(s, "THCSTTN").id, None, "", "Kết luận thanh tra số 5")
        assert not cleared.flagged
