"""Issuing asks first when the register would fall out of order, and says why; a correct order
asks nothing, and what issuing refuses stays refused."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from desktop.context import AppContext
from desktop.council import ops as council_ops
from desktop.documents.common import DocumentRequest
from desktop.documents.directions import save_direction
from desktop.documents.kinds import DocumentError
from desktop.documents.ordering import issuing_questions
from desktop.documents.register import issue_document
from desktop.models import Campaign, CampaignKind, IssuedDocument
from desktop.models.ids import CampaignId, DossierId, MeetingId, saved_id
from desktop.storage import Database
from tests.council.conftest import campaign_of, ready_dossier, seed_ward
from tests.decisions.proposing import Round, build_round, proposed

CITES = "một văn bản chỉ dẫn được văn bản đã ban hành trước hoặc cùng ngày với nó"
MEETING_DAY = date(2026, 11, 28)


@pytest.fixture
def round_2026(demo_db: Database) -> Round:
    """The demo ward's 2026 round: four Giấy khen and two Bằng khen proposed, one at the council."""
    with demo_db.session() as s:
        return build_round(s)


def _issue(
    ctx: AppContext, request: DocumentRequest, on: date, number: int | None = None
) -> IssuedDocument:
    with ctx.db.session() as s:
        return issue_document(s, ctx.folder.documents, request, on, number)[0]


def _written(ctx: AppContext, request: DocumentRequest) -> DocumentRequest:
    """A report whose Phương hướng, đề xuất the clerk has written, as issuing requires."""
    assert request.year is not None
    text = "Tiếp tục đôn đốc các đơn vị báo cáo đúng hạn."
    ctx.door.run(save_direction(request.year, request.quarter, text))
    return request


def _asks(
    ctx: AppContext, request: DocumentRequest, on: date, number: int | None = None
) -> list[str]:
    return ctx.door.read(issuing_questions(request, on, number))


def _campaign(ctx: AppContext, year: int) -> CampaignId:
    with ctx.db.session() as s:
        campaign = s.exec(
            select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
        ).one()
        return CampaignId(saved_id(campaign.id))


# -- 1. numbers and dates of one book ----------------------------------------------------------


def test_report_02_dated_before_report_01_is_asked_about(
    demo_db: Database, ctx: AppContext
) -> None:
    q2 = _written(ctx, DocumentRequest("report", year=2025, quarter=2))
    assert _issue(ctx, q2, date(2025, 7, 5)).symbol == "01/BC-UBND"
    assert _asks(ctx, q2, date(2025, 7, 3)) == [
        "Số 02/BC-UBND sẽ mang ngày 03/07/2025, trước ngày của số 01/BC-UBND (05/07/2025): "
        "số sau không được mang ngày trước số trước trong sổ văn bản."
    ]
    assert _asks(ctx, q2, date(2025, 7, 5)) == []  # the same day: in order
    assert _asks(ctx, q2, date(2025, 7, 8)) == []
    # Asking changed nothing: the clerk may still issue it, on the day the paper was signed.
    assert _issue(ctx, q2, date(2025, 7, 3)).symbol == "02/BC-UBND"


def test_the_book_of_another_year_is_not_compared(demo_db: Database, ctx: AppContext) -> None:
    q4 = _written(ctx, DocumentRequest("report", year=2025, quarter=4))
    assert _issue(ctx, q4, date(2026, 1, 10)).symbol == "01/BC-UBND"  # the 2026 book
    # Dated 2025, it is number 01 of the 2025 book: nothing before it there.
    assert _asks(ctx, q4, date(2025, 12, 20)) == []


def test_the_clerks_own_number_between_two_numbers_out_of_date_order_is_asked_about(
    db: Database, ctx: AppContext
) -> None:
    plan = DocumentRequest("plan")
    _issue(ctx, plan, date(2025, 2, 5))  # 01/KH-UBND
    _issue(ctx, plan, date(2025, 2, 10), number=3)  # the clerk keeps 02 for a paper signed late
    assert _asks(ctx, plan, date(2025, 2, 7), number=2) == []
    assert _asks(ctx, plan, date(2025, 2, 12), number=2) == [
        "Số 02/KH-UBND sẽ mang ngày 12/02/2025, sau ngày của số 03/KH-UBND (10/02/2025): "
        "số trước không được mang ngày sau số sau trong sổ văn bản."
    ]
    assert _asks(ctx, plan, date(2025, 2, 1), number=2) == [
        "Số 02/KH-UBND sẽ mang ngày 01/02/2025, trước ngày của số 01/KH-UBND (05/02/2025): "
        "số sau không được mang ngày trước số trước trong sổ văn bản."
    ]


def test_a_number_already_taken_is_still_refused_before_anything_is_asked(
    db: Database, ctx: AppContext
) -> None:
    _issue(ctx, DocumentRequest("plan"), date(2025, 2, 5))
    with pytest.raises(DocumentError, match="Số 01/KH-UBND năm 2025 đã có trong sổ văn bản"):
        _asks(ctx, DocumentRequest("plan"), date(2025, 2, 1), number=1)
    with pytest.raises(DocumentError, match="Mẫu trắng không được cấp số"):
        _asks(ctx, DocumentRequest("plan", blank=True), date(2025, 2, 1))


# -- 2. a document dated before what it cites ----------------------------------------------------


def test_a_report_dated_before_the_plan_it_cites_is_asked_about(
    demo_db: Database, ctx: AppContext
) -> None:
    assert _issue(ctx, DocumentRequest("plan"), date(2025, 7, 7)).symbol == "01/KH-UBND"
    q2 = DocumentRequest("report", year=2025, quarter=2)
    # What would refuse the issuing comes first: no question is put on a report not yet written.
    with pytest.raises(DocumentError, match="Hãy viết phần Phương hướng, đề xuất"):
        _asks(ctx, q2, date(2025, 7, 5))
    ctx.door.run(save_direction(2025, 2, "Tiếp tục đôn đốc các đơn vị."))
    assert _asks(ctx, q2, date(2025, 7, 5)) == [
        "Báo cáo số 01/BC-UBND sẽ mang ngày 05/07/2025, trước Kế hoạch số 01/KH-UBND ngày "
        f"07/07/2025 mà nó dẫn: {CITES}."
    ]
    assert _asks(ctx, q2, date(2025, 7, 7)) == []


@pytest.fixture
def meeting(db: Database, ctx: AppContext) -> MeetingId:
    """The council of 2026 meets on 28/11/2026 and proposes two Giấy khen, refuses a third."""
    members = seed_ward(db)
    with db.session() as s:
        dossiers = [
            ready_dossier(s, unit="THCSTTN"),
            ready_dossier(s, unit="TDP01"),
            ready_dossier(s, unit=None, person="Phạm Thị Hoa"),
        ]
        campaign_id = CampaignId(saved_id(campaign_of(s).id))
    meeting_id = ctx.door.run(
        council_ops.create_meeting(campaign_id, MEETING_DAY, "Hội trường UBND phường", members, "")
    )
    for dossier_id, agree in zip(dossiers, (9, 3, 8), strict=True):
        ctx.door.run(council_ops.record_vote(meeting_id, DossierId(dossier_id), 9, 9, agree))
    return meeting_id


def test_a_tờ_trình_dated_before_the_council_met_or_before_its_minutes_is_asked_about(
    ctx: AppContext, meeting: MeetingId
) -> None:
    to_ward = DocumentRequest("submission", campaign_id=_campaign(ctx, 2026), to="ward")
    assert _asks(ctx, to_ward, date(2026, 11, 27)) == [
        "Tờ trình số 01/TTr-VHXH sẽ mang ngày 27/11/2026, trước phiên họp Hội đồng ngày "
        "28/11/2026 đã đề nghị các hồ sơ nó trình: Tờ trình chỉ trình được hồ sơ Hội đồng đã "
        "họp và đề nghị."
    ]
    minutes = _issue(ctx, DocumentRequest("minutes", meeting_id=meeting), date(2026, 11, 30))
    assert _asks(ctx, to_ward, date(2026, 11, 29)) == [
        f"Tờ trình số 01/TTr-VHXH sẽ mang ngày 29/11/2026, trước Biên bản số {minutes.symbol} "
        f"ngày 30/11/2026 mà nó dẫn: {CITES}."
    ]
    assert _asks(ctx, to_ward, date(2026, 11, 30)) == []


def test_minutes_dated_before_their_meeting_are_asked_about(
    ctx: AppContext, meeting: MeetingId
) -> None:
    minutes = DocumentRequest("minutes", meeting_id=meeting)
    (question,) = _asks(ctx, minutes, date(2026, 11, 27))
    assert question.startswith("Biên bản số 01/BB-HĐTĐKT sẽ mang ngày 27/11/2026, trước phiên")
    assert question.endswith(
        "họp Hội đồng ngày 28/11/2026 mà nó ghi lại: biên bản ghi lại một phiên họp đã diễn ra."
    )
    assert _asks(ctx, minutes, MEETING_DAY) == []


def test_a_quyết_định_dated_before_the_tờ_trình_it_decides_is_asked_about(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    campaign = CampaignId(round_2026.campaign)
    _issue(ctx, DocumentRequest("submission", campaign_id=campaign, to="ward"), date(2026, 11, 20))
    decision = DocumentRequest("decision", campaign_id=campaign)
    assert _asks(ctx, decision, date(2026, 11, 15), number=5) == [
        "Quyết định số 05/QĐ-UBND sẽ mang ngày 15/11/2026, trước Tờ trình số 01/TTr-VHXH ngày "
        f"20/11/2026 mà nó dẫn: {CITES}."
    ]
    assert _asks(ctx, decision, date(2026, 11, 25), number=5) == []


# -- 3. a second Tờ trình ------------------------------------------------------------------------


def test_a_second_tờ_trình_to_the_same_authority_is_asked_about(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    to_ward = DocumentRequest("submission", campaign_id=CampaignId(round_2026.campaign), to="ward")
    assert _asks(ctx, to_ward, date(2026, 11, 20)) == []  # the first one
    _issue(ctx, to_ward, date(2026, 11, 20))
    with demo_db.session() as s:
        proposed(s, round_2026.at_council)
    assert _asks(ctx, to_ward, date(2026, 11, 25)) == [
        "Đợt xét này đã có Tờ trình trình Chủ tịch UBND phường: số 01/TTr-VHXH ngày 20/11/2026 "
        "(4 hồ sơ). Tờ trình mới sẽ trình thêm 1 hồ sơ Hội đồng đã đề nghị mà chưa trình."
    ]
    to_city = DocumentRequest("submission", campaign_id=CampaignId(round_2026.campaign), to="city")
    assert _asks(ctx, to_city, date(2026, 11, 25)) == []  # the city has none yet


# -- 4. a document dated before its period -------------------------------------------------------


def test_a_tờ_trình_dated_in_the_year_before_its_round_is_asked_about(
    demo_db: Database, ctx: AppContext
) -> None:
    campaign = _campaign(ctx, 2025)
    with demo_db.session() as s:
        name = s.get(Campaign, campaign).name  # type: ignore[union-attr]
    to_city = DocumentRequest("submission", campaign_id=campaign, to="city")
    # The demo's council proposed the city's dossiers on 10/12/2025: that too is after the date.
    assert _asks(ctx, to_city, date(2024, 12, 10)) == [
        "Tờ trình số 01/TTr-UBND sẽ mang ngày 10/12/2024, trước phiên họp Hội đồng ngày "
        "10/12/2025 đã đề nghị các hồ sơ nó trình: Tờ trình chỉ trình được hồ sơ Hội đồng đã "
        "họp và đề nghị.",
        "Tờ trình số 01/TTr-UBND sẽ mang ngày 10/12/2024, trước năm 2025 của đợt xét "
        f"“{name}”: văn bản của một đợt xét không mang ngày của năm trước năm xét.",
    ]
    assert _asks(ctx, to_city, date(2026, 1, 10)) == []


def test_a_report_dated_before_its_quarter_begins_is_asked_about_not_one_within_it(
    demo_db: Database, ctx: AppContext
) -> None:
    ctx.door.run(save_direction(2025, 3, "Tiếp tục đôn đốc các đơn vị."))
    ctx.door.run(save_direction(2025, None, "Tiếp tục đôn đốc các đơn vị."))
    q3 = DocumentRequest("report", year=2025, quarter=3)
    assert _asks(ctx, q3, date(2025, 6, 20)) == [
        "Báo cáo số 01/BC-UBND sẽ mang ngày 20/06/2025, trước khi quý III năm 2025 mà nó báo "
        "cáo bắt đầu (01/07/2025): báo cáo chỉ nói được kết quả của kỳ đã bắt đầu."
    ]
    assert _asks(ctx, q3, date(2025, 9, 15)) == []  # the 15th of the quarter's last month: usual
    year = DocumentRequest("report", year=2025)
    assert _asks(ctx, year, date(2024, 12, 20)) == [
        "Báo cáo số 01/BC-UBND sẽ mang ngày 20/12/2024, trước khi năm 2025 mà nó báo cáo bắt "
        "đầu (01/01/2025): báo cáo chỉ nói được kết quả của kỳ đã bắt đầu."
    ]
    assert _asks(ctx, year, date(2025, 12, 15)) == []
