"""The secret ballot on a dossier: the share rule at its edges, the workflow's refusals let through,
the dossier moved with its history, and every inconsistent count refused with nothing changed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from desktop.awards.catalogue import components_of
from desktop.awards.errors import DossierError
from desktop.awards.nominees import record_discipline
from desktop.awards.workflow import Act, move_dossier
from desktop.council import ops
from desktop.council.errors import CouncilError
from desktop.council.meetings import create_meeting
from desktop.council.members import add_member, remove_member
from desktop.council.votes import record_vote
from desktop.council.wording import conclusion, reaches_share
from desktop.models import (
    AwardCriterion,
    Comparison,
    CouncilVote,
    Dossier,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    DossierStatus,
)
from desktop.models.ids import saved_id
from tests.council.conftest import MEETING_DAY, YEAR, Ward, campaign_of, form_of, unit_of

S = DossierStatus


@pytest.mark.parametrize(
    ("ballots_for", "members", "comparison", "reached"),
    [
        (5, 9, Comparison.ABOVE, True),
        (4, 9, Comparison.ABOVE, False),
        (4, 8, Comparison.ABOVE, False),
        (5, 8, Comparison.ABOVE, True),
        (4, 8, Comparison.AT_LEAST, True),
        (3, 8, Comparison.AT_LEAST, False),
    ],
)
def test_the_share_is_judged_in_whole_numbers(
    ballots_for: int, members: int, comparison: Comparison, reached: bool
) -> None:
    assert reaches_share(ballots_for, members, 50, comparison) is reached


def test_the_conclusion_is_worded_from_the_counts() -> None:
    assert conclusion(8, 9, 50, Comparison.ABOVE, True) == (
        "8/9 thành viên đồng ý (88,9%), trên 50% tổng số thành viên: Hội đồng đề nghị"
    )
    assert conclusion(4, 8, 50, Comparison.ABOVE, False) == (
        "4/8 thành viên đồng ý (50%), chưa đạt trên 50% tổng số thành viên: Hội đồng không đề nghị"
    )


def meeting_of(ward: Ward, attending: list[int] | None = None) -> int:
    with ward.db.session() as s:
        meeting = create_meeting(
            s, campaign_of(s).id, MEETING_DAY, "Hội trường UBND phường", attending or ward.members
        )
        return saved_id(meeting.id)


def status_of(ward: Ward, dossier_id: int) -> DossierStatus:
    with ward.db.session() as s:
        return s.get(Dossier, dossier_id).status


def test_five_of_nine_propose_and_the_dossier_moves_with_its_history(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        vote = record_vote(s, meeting_id, dossier_id, 9, 8, 5)
        assert (vote.members, vote.proposed) == (9, True)
        assert vote.conclusion == (
            "5/9 thành viên đồng ý (55,6%), trên 50% tổng số thành viên: Hội đồng đề nghị"
        )
    with ward.db.session() as s:
        assert s.get(Dossier, dossier_id).status is S.COUNCIL_PROPOSED
        last = s.exec(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier_id)
            .order_by(DossierEvent.id.desc())  # type: ignore[union-attr]
        ).first()
        assert (last.from_status, last.to_status) == (S.SUBMITTED_TO_COUNCIL, S.COUNCIL_PROPOSED)
        assert last.note.startswith("Phiên họp Hội đồng ngày 28/11/2026: 5/9 thành viên đồng ý")
        # The Biên bản họp Hội đồng of the dossier is now made.
        form = form_of(s, "GKCTP")
        minutes = [c for c in components_of(s, form.id) if c.made_by == "minutes"]
        checks = s.exec(
            select(DossierComponentCheck).where(
                DossierComponentCheck.dossier_id == dossier_id,
                DossierComponentCheck.component_id == minutes[0].id,
            )
        ).one()
        assert checks.present and checks.note == "Biên bản họp Hội đồng ngày 28/11/2026"


def test_four_of_eight_is_not_above_half(ward: Ward, dossier: Callable[..., int]) -> None:
    with ward.db.session() as s:
        remove_member(s, ward.members[8])  # eight members left
    dossier_id = dossier()
    meeting_id = meeting_of(ward, ward.members[:8])
    with ward.db.session() as s:
        vote = record_vote(
            s, meeting_id, dossier_id, 8, 8, 4, "Chưa tiêu biểu so với các đơn vị khác"
        )
        assert (vote.members, vote.proposed) == (8, False)
        assert vote.conclusion == "Chưa tiêu biểu so với các đơn vị khác"
    assert status_of(ward, dossier_id) is S.COUNCIL_DECLINED


def test_the_form_may_ask_at_least_half(ward: Ward, dossier: Callable[..., int]) -> None:
    with ward.db.session() as s:
        remove_member(s, ward.members[8])
        form = form_of(s, "GKCTP")
        form.vote_comparison = Comparison.AT_LEAST
        s.add(form)
    dossier_id = dossier()
    meeting_id = meeting_of(ward, ward.members[:8])
    with ward.db.session() as s:
        vote = record_vote(s, meeting_id, dossier_id, 8, 8, 4)
        assert vote.proposed and "từ 50% trở lên" in vote.conclusion
    assert status_of(ward, dossier_id) is S.COUNCIL_PROPOSED


def test_the_share_counts_all_members_not_those_present(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    """5 present of 9, all five agree: 5/9 is above half. With a tenth member it would not be."""
    first, second = dossier(), dossier(unit="TDP02")
    meeting_id = meeting_of(ward, ward.members[:5])
    with ward.db.session() as s:
        assert record_vote(s, meeting_id, first, 5, 5, 5).proposed
        add_member(s, YEAR, "Thành viên Thứ Mười", "", "member")
        vote = record_vote(s, meeting_id, second, 5, 5, 5)
        assert (vote.members, vote.proposed) == (10, False)


def test_a_nominee_under_discipline_is_refused_with_the_workflows_message(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        record_discipline(s, saved_id(unit_of(s, "TDP01").id), None, "Đang bị thanh tra")
    with ward.db.session() as s, pytest.raises(DossierError) as refused:
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)
    assert "“Tổ dân phố số 1” đang có ghi chú kỷ luật, thanh tra hoặc khiếu nại" in str(
        refused.value
    )
    assert "(Đang bị thanh tra)" in str(refused.value)
    _nothing_recorded(ward, dossier_id)


def test_a_missing_paper_is_refused_with_the_clerks_message(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        # Submitted with a reason while the achievement report was missing: the council may not
        # propose it until the paper is there.
        check = s.exec(
            select(DossierComponentCheck).where(DossierComponentCheck.dossier_id == dossier_id)
        ).one()
        check.present = False
        s.add(check)
    with ward.db.session() as s, pytest.raises(DossierError) as refused:
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)
    assert str(refused.value) == (
        f"Hồ sơ số {dossier_id} (Tổ dân phố số 1) chưa đầy đủ, không được Hội đồng đề nghị:\n"
        "- Thiếu thành phần hồ sơ: Báo cáo thành tích"
    )
    _nothing_recorded(ward, dossier_id)


def test_a_declining_ballot_is_recorded_even_when_the_dossier_is_incomplete(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    """The law's conditions hold on a proposal; a council that declines needs none of them."""
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        record_discipline(s, saved_id(unit_of(s, "TDP01").id), None, "Đang bị thanh tra")
    with ward.db.session() as s:
        assert not record_vote(s, meeting_id, dossier_id, 9, 9, 2).proposed
    assert status_of(ward, dossier_id) is S.COUNCIL_DECLINED


def _add_criteria(ward: Ward, *, heading: bool) -> None:
    with ward.db.session() as s:
        form = form_of(s, "GKCTP")
        s.add(
            AwardCriterion(
                award_form_id=form.id,
                ordinal=0,
                text="Đề tặng cho tập thể đạt các tiêu chuẩn sau:",
                heading=heading,
            )
        )


def test_an_unmet_standard_blocks_a_proposal(ward: Ward, dossier: Callable[..., int]) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        # Submitted with a reason while the standard was not met: the council may not propose it.
        check = s.exec(
            select(DossierCriterionCheck).where(DossierCriterionCheck.dossier_id == dossier_id)
        ).one()
        check.met = False
        s.add(check)
    with ward.db.session() as s, pytest.raises(DossierError, match="Chưa đạt tiêu chuẩn 1"):
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)
    _nothing_recorded(ward, dossier_id)


def test_a_heading_line_never_blocks(ward: Ward, dossier: Callable[..., int]) -> None:
    _add_criteria(ward, heading=True)
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        assert record_vote(s, meeting_id, dossier_id, 9, 9, 9).proposed


def test_a_non_heading_line_left_unticked_blocks(ward: Ward, dossier: Callable[..., int]) -> None:
    dossier_id = dossier()
    _add_criteria(ward, heading=False)  # a new standard the dossier has not met
    meeting_id = meeting_of(ward)
    with ward.db.session() as s, pytest.raises(DossierError, match="Chưa đạt tiêu chuẩn"):
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)


@pytest.mark.parametrize(
    ("issued", "valid", "ballots_for", "message"),
    [
        (10, 9, 9, "Số phiếu phát ra (10) nhiều hơn số thành viên dự họp (9)"),
        (9, 10, 9, "Số phiếu hợp lệ (10) nhiều hơn số phiếu phát ra (9)."),
        (9, 8, 9, "Số phiếu đồng ý (9) nhiều hơn số phiếu hợp lệ (8)."),
        (9, 9, -1, "Số phiếu không được âm."),
        (0, 0, 0, "Hãy ghi số phiếu phát ra"),
    ],
)
def test_inconsistent_counts_are_refused_and_nothing_changes(
    ward: Ward, dossier: Callable[..., int], issued: int, valid: int, ballots_for: int, message: str
) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with pytest.raises(CouncilError) as refused:
        ward.door.run(ops.record_vote(meeting_id, dossier_id, issued, valid, ballots_for))
    assert message in str(refused.value)
    _nothing_recorded(ward, dossier_id)


def test_no_vote_on_a_dossier_of_another_campaign(ward: Ward, dossier: Callable[..., int]) -> None:
    dossier_id = dossier(year=2025)
    meeting_id = meeting_of(ward)
    with ward.db.session() as s, pytest.raises(CouncilError) as refused:
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)
    assert str(refused.value) == (
        f"Hồ sơ số {dossier_id} không thuộc khen thưởng năm 2026, đợt mà phiên họp số "
        f"{meeting_id} xét; hãy chọn phiên họp của đợt xét của hồ sơ."
    )
    assert status_of(ward, dossier_id) is S.SUBMITTED_TO_COUNCIL


def test_no_vote_on_a_dossier_not_yet_submitted(ward: Ward, dossier: Callable[..., int]) -> None:
    dossier_id = dossier(submit=False)
    meeting_id = meeting_of(ward)
    with ward.db.session() as s, pytest.raises(CouncilError) as refused:
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)
    assert str(refused.value) == (
        f"Hồ sơ số {dossier_id} đang “Nháp”; Hội đồng chỉ bỏ phiếu hồ sơ “Đã trình Hội đồng phường”."
    )
    _nothing_recorded(ward, dossier_id, S.DRAFT)


def test_one_vote_per_dossier_per_meeting(ward: Ward, dossier: Callable[..., int]) -> None:
    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    with ward.db.session() as s:
        record_vote(s, meeting_id, dossier_id, 9, 9, 2)
        move_dossier(s, dossier_id, S.DRAFT, note="Bổ sung thành tích", act=Act.REOPEN)
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
    with ward.db.session() as s, pytest.raises(CouncilError, match="đã có kết quả bỏ phiếu"):
        record_vote(s, meeting_id, dossier_id, 9, 9, 9)


def test_the_operation_announces_the_council_and_the_dossier(
    ward: Ward, dossier: Callable[..., int]
) -> None:
    from desktop.changes import Area

    dossier_id = dossier()
    meeting_id = meeting_of(ward)
    door = ward.door
    seen = []
    door.listen(seen.append)
    row = door.run(ops.record_vote(meeting_id, dossier_id, 9, 9, 7))
    assert row.nominee == "Tổ dân phố số 1" and row.outcome == "Hội đồng đề nghị"
    assert seen[0].ids_of(Area.DOSSIERS) == {dossier_id}
    assert seen[0].ids_of(Area.COUNCIL) == {meeting_id}


def _nothing_recorded(
    ward: Ward, dossier_id: int, status: DossierStatus = S.SUBMITTED_TO_COUNCIL
) -> None:
    with ward.db.session() as s:
        assert s.exec(select(CouncilVote)).all() == []
        assert s.get(Dossier, dossier_id).status is status
