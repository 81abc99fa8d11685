"""Which dossiers each Tờ trình lists, what issuing one records, and the bonus of an award."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session, select

from desktop.context import AppContext
from desktop.decisions import bonus, submissions
from desktop.documents import ordering
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.register import issue_document
from desktop.models import (
    Dossier,
    DossierComponent,
    DossierComponentCheck,
    DossierStatus,
    IssuedDocument,
    SubmissionItem,
)
from desktop.models.decisions import Authority
from desktop.models.ids import CampaignId
from desktop.storage import Database
from desktop.text import wording
from tests.decisions.proposing import Round, complete_dossier, proposed

S = DossierStatus
ISSUED = date(2026, 11, 20)


def _issue(demo_db: Database, ctx: AppContext, campaign: int, to: str) -> IssuedDocument:
    request = DocumentRequest("submission", campaign_id=CampaignId(campaign), to=to)
    with demo_db.session() as s:
        record, _ = issue_document(s, ctx.folder.documents, request, ISSUED)
        return record


def test_each_tờ_trình_lists_only_the_proposed_dossiers_of_its_authority(
    demo_db: Database, round_2026: Round
) -> None:
    r = round_2026
    with demo_db.session() as s:
        assert sorted(submissions.pending_ids(s, r.campaign, "ward")) == sorted(r.ward)
        assert sorted(submissions.pending_ids(s, r.campaign, "city")) == sorted(r.city)
        names = [row.name for row in submissions.pending(s, r.campaign, "ward")]
    assert len(names) == 4
    with pytest.raises(submissions.DecisionError, match="Nơi trình phải là"):
        submissions.authority_of("province")


def test_issuing_the_ward_tờ_trình_records_its_list_and_marks_its_papers(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    record = _issue(demo_db, ctx, r.campaign, "ward")
    assert record.symbol == "01/TTr-VHXH" and record.type_code == "TTr-VHXH"
    with demo_db.session() as s:
        items = s.exec(select(SubmissionItem).where(SubmissionItem.document_id == record.id)).all()
        assert sorted(i.dossier_id for i in items) == sorted(r.ward)
        assert {i.authority for i in items} == {Authority.WARD}
        assert submissions.pending_ids(s, r.campaign, "ward") == []
        for dossier_id in r.ward:
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None and dossier.status is S.COUNCIL_PROPOSED  # awaits the QĐ
            made = s.exec(
                select(DossierComponent).where(
                    DossierComponent.award_form_id == dossier.award_form_id,
                    DossierComponent.made_by.in_(("submission", "nominees")),  # type: ignore[attr-defined]
                )
            ).all()
            assert made
            for component in made:
                check = s.exec(
                    select(DossierComponentCheck).where(
                        DossierComponentCheck.dossier_id == dossier_id,
                        DossierComponentCheck.component_id == component.id,
                    )
                ).one()
                assert check.present and "01/TTr-VHXH" in check.note
        earlier = submissions.earlier_submissions(CampaignId(r.campaign), "ward")(s)
        assert [(e.symbol, e.issued_on, e.dossiers) for e in earlier] == [
            ("01/TTr-VHXH", ISSUED, 4)
        ]
        assert submissions.earlier_submissions(CampaignId(r.campaign), "city")(s) == []


def test_the_city_tờ_trình_has_the_wards_own_book_and_sends_its_dossiers_up(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    assert _issue(demo_db, ctx, r.campaign, "ward").symbol == "01/TTr-VHXH"
    record = _issue(demo_db, ctx, r.campaign, "city")
    assert record.symbol.endswith("/TTr-UBND") and record.type_code == "TTr"
    with demo_db.session() as s:
        for dossier_id in r.city:
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None and dossier.status is S.SENT_UP
        for dossier_id in r.ward:
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None and dossier.status is S.COUNCIL_PROPOSED
        assert submissions.pending_ids(s, r.campaign, "city") == []


def test_a_second_tờ_trình_lists_only_what_is_new_and_none_is_refused(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    _issue(demo_db, ctx, r.campaign, "ward")
    with pytest.raises(DocumentError, match="Không có hồ sơ nào Hội đồng đã đề nghị mà chưa trình"):
        _issue(demo_db, ctx, r.campaign, "ward")
    with demo_db.session() as s:
        issued = s.exec(select(IssuedDocument).where(IssuedDocument.year == 2026)).all()
        assert [d.symbol for d in issued] == ["01/TTr-VHXH"]  # nothing issued by the refusal
        late = proposed(s, r.at_council)
    second = _issue(demo_db, ctx, r.campaign, "ward")
    assert second.symbol == "02/TTr-VHXH"
    with demo_db.session() as s:
        assert submissions.listed_ids(s, second.id or 0) == [late]
        earlier = submissions.earlier_of(s, r.campaign, "ward")
    assert [e.dossiers for e in earlier] == [4, 1]


def test_the_bonus_is_the_coefficient_times_the_base_salary_rounded_up_to_ten_thousands(
    demo_db: Database,
) -> None:
    assert bonus.bonus_amount(150, 2_340_000) == 360_000  # 351.000 → 360.000
    assert bonus.bonus_amount(300, 2_340_000) == 710_000  # 702.000 → 710.000
    assert bonus.bonus_amount(1000, 2_340_000) == 2_340_000
    assert bonus.bonus_amount(300, 1_490_000) == 450_000  # 447.000 → 450.000
    assert bonus.bonus_amount(0, 2_340_000) == 0
    assert [bonus.coefficient_text(p) for p in (150, 300, 1000, 3500)] == [
        "0,15",
        "0,3",
        "1",
        "3,5",
    ]
    assert wording.money(2_340_000) == "2.340.000 đồng"
    with demo_db.session() as s:
        unit = complete_dossier(s, unit_code="TDP05", to_council=False)
        person = complete_dossier(s, person_id=2, to_council=False)
        assert bonus.bonus_of(s, unit, 2_340_000) == 710_000
        assert bonus.bonus_of(s, person, 2_340_000) == 360_000


def test_a_second_tờ_trình_is_asked_about_only_when_it_would_list_something_new(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026

    def ask(session: Session) -> str:
        return ordering.second_submission(session, CampaignId(r.campaign), "ward")

    assert ctx.door.read(ask) == ""  # the first Tờ trình: nothing to ask
    _issue(demo_db, ctx, r.campaign, "ward")
    assert ctx.door.read(ask) == ""  # nothing new: issuing refuses by itself
    with demo_db.session() as s:
        proposed(s, r.at_council)
    question = ctx.door.read(ask)
    assert (
        "đã có Tờ trình trình Chủ tịch UBND phường: số 01/TTr-VHXH ngày 20/11/2026 (4 hồ sơ)"
        in question
    )
    assert "thêm 1 hồ sơ" in question  # the command line adds how to go on (--confirm, --again)
    assert ctx.door.read(lambda s: ordering.second_submission(s, None, "ward")) == ""
