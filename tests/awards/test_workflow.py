"""The workflow of a dossier: every step allowed and refused, completeness, decisions, history."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from desktop.awards.catalogue import components_of, criteria_of, save_campaign
from desktop.awards.dossiers import NewDossier, create_dossier, set_component, set_criterion
from desktop.awards.errors import DossierError
from desktop.awards.workflow import (
    TAKEN_BY,
    TRANSITIONS,
    Act,
    Decision,
    allowed_next,
    blocking_items,
    move_dossier,
)
from desktop.models import (
    AuditEntry,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierEvent,
    DossierStatus,
    Unit,
)
from desktop.models._base import now

S = DossierStatus
DECISION = Decision("125/QĐ-UBND", date(2025, 12, 20), "")


def make(
    s, award: str = "BKCTTP", unit_code: str = "TDP01", complete: bool = True, year: int = 2025
) -> int:
    campaign = s.exec(
        select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    form = s.exec(select(AwardForm).where(AwardForm.code == award)).one()
    unit = s.exec(select(Unit).where(Unit.code == unit_code)).one()
    dossier = create_dossier(s, NewDossier(campaign.id, form.id, nominee_unit_id=unit.id))
    if complete:
        for component in components_of(s, form.id):
            set_component(s, dossier.id, component.id, True)
        for criterion in criteria_of(s, form.id):
            set_criterion(s, dossier.id, criterion.id, True, "Minh chứng")
    return dossier.id


def act_of(step: DossierStatus, source: DossierStatus | None = None) -> Act:
    """The act that takes a step: the ballot, the Tờ trình, the decision, a reopening, or the
    clerk; leaving Được khen thưởng is a revocation."""
    if source is S.AWARDED:
        return Act.REVOCATION
    return TAKEN_BY.get(step, Act.CLERK)


def walk(s, dossier_id: int, *steps: DossierStatus) -> None:
    for step in steps:
        source = s.get(Dossier, dossier_id).status
        act = act_of(step, source)
        note = "Ghi chú" if step in NOTED or act in (Act.REOPEN, Act.REVOCATION) else ""
        decision = DECISION if step is S.AWARDED else None
        move_dossier(s, dossier_id, step, note=note, decision=decision, act=act)


NOTED = (S.RETURNED, S.NOT_AWARDED, S.COUNCIL_DECLINED)


def history(s, dossier_id: int) -> list[tuple[DossierStatus | None, DossierStatus]]:
    events = s.exec(
        select(DossierEvent).where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.id)
    )
    return [(e.from_status, e.to_status) for e in events]


# Paths the plan allows for a city-level award, each ending in a different place.
P, D = S.COUNCIL_PROPOSED, S.COUNCIL_DECLINED
CITY_PATHS = [
    (S.SUBMITTED_TO_COUNCIL,),
    (S.SUBMITTED_TO_COUNCIL, S.RETURNED),
    (S.SUBMITTED_TO_COUNCIL, S.RETURNED, S.SUBMITTED_TO_COUNCIL),
    (S.SUBMITTED_TO_COUNCIL, P),
    (S.SUBMITTED_TO_COUNCIL, D),
    (S.SUBMITTED_TO_COUNCIL, D, S.DRAFT),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP),
    (S.SUBMITTED_TO_COUNCIL, P, S.NOT_AWARDED),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.RETURNED),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED, S.SENT_UP),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.NOT_AWARDED),
    (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.NOT_AWARDED, S.DRAFT),
]

@pytest.mark.parametrize("path", CITY_PATHS, ids=lambda p: "→".join(s.value for s in p))
def test_allowed_paths_of_a_city_award_are_kept_in_the_history(demo_db, path) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, *path)
        dossier = s.get(Dossier, dossier_id)
        assert dossier.status is path[-1]
        steps = [S.DRAFT, *path]
        assert history(s, dossier_id) == [(None, S.DRAFT), *zip(steps[:-1], steps[1:], strict=True)]
        audited = s.exec(
            select(AuditEntry).where(
                AuditEntry.table_name == "dossier",
                AuditEntry.record_id == dossier_id,
                AuditEntry.field == "status",
            )
        ).all()
        assert [a.new_value for a in audited] == [p.value for p in path]
        assert all("→" in a.reason for a in audited)


def test_a_ward_award_is_decided_after_the_council_without_going_up(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s, "GKCTP")
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL, P)
        dossier = s.get(Dossier, dossier_id)
        assert allowed_next(dossier, _form(s, "GKCTP")) == [S.NOT_AWARDED, S.RETURNED]
        assert allowed_next(dossier, _form(s, "GKCTP"), Act.DECISION) == [S.AWARDED]
        with pytest.raises(DossierError, match="do Chủ tịch UBND phường quyết định"):
            move_dossier(s, dossier_id, S.SENT_UP, act=Act.SUBMISSION)
        walk(s, dossier_id, S.AWARDED)
        dossier = s.get(Dossier, dossier_id)
        assert (dossier.decision_number, dossier.decision_date) == (
            "125/QĐ-UBND",
            date(2025, 12, 20),
        )
        # No issuer typed: the catalogue's issuer of the award is recorded.
        assert dossier.decision_issuer == "Chủ tịch Ủy ban nhân dân phường"


def test_the_council_and_the_decision_take_their_steps_not_the_clerk(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s, "GKCTP")
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
        with pytest.raises(DossierError, match="bỏ phiếu kín của Hội đồng"):
            move_dossier(s, dossier_id, P)
        with pytest.raises(DossierError, match="bỏ phiếu kín của Hội đồng"):
            move_dossier(s, dossier_id, D, note="Không đạt")
        walk(s, dossier_id, P)
        with pytest.raises(DossierError, match="ban hành \\(hoặc ghi nhận\\) quyết định"):
            move_dossier(s, dossier_id, S.AWARDED, decision=DECISION)
        city_id = make(s, "BKCTTP", "TDP02")
        walk(s, city_id, S.SUBMITTED_TO_COUNCIL, P)
        with pytest.raises(DossierError, match="Tờ trình gửi UBND thành phố"):
            move_dossier(s, city_id, S.SENT_UP)


def test_a_revoked_decision_sends_the_dossier_back_to_await_a_new_one(demo_db) -> None:
    with demo_db.session() as s:
        ward_id = make(s, "GKCTP")
        walk(s, ward_id, S.SUBMITTED_TO_COUNCIL, P, S.AWARDED)
        with pytest.raises(DossierError, match="lý do hủy"):
            move_dossier(s, ward_id, P, act=Act.REVOCATION)
        move_dossier(s, ward_id, P, act=Act.REVOCATION, note="Sai tên đơn vị")
        dossier = s.get(Dossier, ward_id)
        assert dossier.status is P
        assert (dossier.decision_number, dossier.decision_id, dossier.bonus_amount) == ("", None, 0)
        with pytest.raises(DossierError, match="chưa được khen thưởng"):
            move_dossier(s, ward_id, P, act=Act.REVOCATION, note="Lần nữa")


def test_a_reopened_dossier_starts_a_new_round_with_its_history_kept(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s, "GKCTP")
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL, D)
        with pytest.raises(DossierError, match="lý do mở lại"):
            move_dossier(s, dossier_id, S.DRAFT, act=Act.REOPEN)
        move_dossier(s, dossier_id, S.DRAFT, act=Act.REOPEN, note="Bổ sung thành tích")
        dossier = s.get(Dossier, dossier_id)
        assert (dossier.status, dossier.round) == (S.DRAFT, 2)
        rounds = [e.round for e in s.exec(select(DossierEvent).where(DossierEvent.dossier_id == dossier_id))]
        assert rounds == [1, 1, 1, 2]
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
        with pytest.raises(DossierError, match="Chỉ mở lại được"):
            move_dossier(s, dossier_id, S.DRAFT, act=Act.REOPEN, note="x")


def _form(s, code: str) -> AwardForm:
    return s.exec(select(AwardForm).where(AwardForm.code == code)).one()


def test_a_city_award_is_not_decided_at_the_ward(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL, P)
        with pytest.raises(DossierError, match="gửi hồ sơ lên cấp trên"):
            move_dossier(s, dossier_id, S.AWARDED, decision=DECISION, act=Act.DECISION)


REFUSED = [
    ((), S.SENT_UP),
    ((), S.AWARDED),
    ((), S.NOT_AWARDED),
    ((), S.RETURNED),
    ((), S.DRAFT),
    ((), P),
    ((S.SUBMITTED_TO_COUNCIL,), S.DRAFT),
    ((S.SUBMITTED_TO_COUNCIL,), S.SUBMITTED_TO_COUNCIL),
    ((S.SUBMITTED_TO_COUNCIL,), S.SENT_UP),
    ((S.SUBMITTED_TO_COUNCIL,), S.AWARDED),
    ((S.SUBMITTED_TO_COUNCIL,), S.NOT_AWARDED),
    ((S.SUBMITTED_TO_COUNCIL, S.RETURNED), S.SENT_UP),
    ((S.SUBMITTED_TO_COUNCIL, S.RETURNED), S.AWARDED),
    ((S.SUBMITTED_TO_COUNCIL, D), S.SUBMITTED_TO_COUNCIL),
    ((S.SUBMITTED_TO_COUNCIL, P), S.SUBMITTED_TO_COUNCIL),
    ((S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP), S.SUBMITTED_TO_COUNCIL),
    ((S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED), S.NOT_AWARDED),
    ((S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.NOT_AWARDED), S.AWARDED),
    ((S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED), S.RETURNED),
    ((S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED), S.DRAFT),
]


@pytest.mark.parametrize(("path", "to"), REFUSED, ids=lambda v: str(v))
def test_steps_the_workflow_does_not_allow_are_refused_and_change_nothing(
    demo_db, path, to
) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, *path)
        before = history(s, dossier_id)
    with pytest.raises(DossierError), demo_db.session() as s:
        move_dossier(s, dossier_id, to, note="x", decision=DECISION, act=act_of(to))
    with demo_db.session() as s:
        assert s.get(Dossier, dossier_id).status is ([S.DRAFT, *path][-1])
        assert history(s, dossier_id) == before


def test_the_transition_table_covers_every_status() -> None:
    assert set(TRANSITIONS) == set(DossierStatus)
    # Được khen thưởng is left only by a revocation; a closed dossier only by a reopening.
    assert TRANSITIONS[S.AWARDED] == (P, S.SENT_UP)
    assert TRANSITIONS[S.NOT_AWARDED] == TRANSITIONS[D] == (S.DRAFT,)


def test_an_incomplete_dossier_does_not_leave_draft_without_a_reason(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s, complete=False)
        items = blocking_items(s, dossier_id)
        assert any("Báo cáo thành tích" in line for line in items)
        # The papers the app makes later (Tờ trình, Danh sách, Biên bản) are not asked for yet.
        assert not any("Tờ trình" in line for line in items)
    with (
        pytest.raises(DossierError, match="(?s)chưa đầy đủ.*Báo cáo thành tích.*ghi lý do"),
        demo_db.session() as s,
    ):
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
    with demo_db.session() as s:
        assert s.get(Dossier, dossier_id).status is S.DRAFT
        move_dossier(
            s, dossier_id, S.SUBMITTED_TO_COUNCIL, reason="Biên bản họp sẽ nộp sau phiên họp"
        )
        dossier = s.get(Dossier, dossier_id)
        assert dossier.incomplete_reason == "Biên bản họp sẽ nộp sau phiên họp"
        last = s.exec(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier_id)
            .order_by(DossierEvent.id.desc())
        ).first()
        assert "Biên bản họp sẽ nộp sau" in last.note


def test_a_missing_standard_alone_also_needs_a_reason(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        criterion = criteria_of(s, s.get(Dossier, dossier_id).award_form_id)[0]
        set_criterion(s, dossier_id, criterion.id, False)
        with pytest.raises(DossierError, match="Chưa đạt tiêu chuẩn 1"):
            move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)


def test_a_nominee_under_discipline_reaches_the_council_but_cannot_pass_it(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        s.exec(select(Unit).where(Unit.code == "TDP01")).one().discipline_note = "Đang bị khiếu nại"
    with pytest.raises(DossierError, match="kỷ luật hoặc khiếu nại"), demo_db.session() as s:
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
    with demo_db.session() as s:
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL, reason="Hội đồng xem xét")
    with pytest.raises(DossierError, match="không qua Hội đồng được"), demo_db.session() as s:
        move_dossier(s, dossier_id, P, act=Act.VOTE, reason="Chủ tịch đồng ý")
    with demo_db.session() as s:
        assert s.get(Dossier, dossier_id).status is S.SUBMITTED_TO_COUNCIL


def test_missing_papers_and_standards_cannot_pass_the_council_whatever_the_reason(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s, complete=False)
        move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL, reason="Sẽ bổ sung")
    refused = "(?s)không được Hội đồng đề nghị.*Báo cáo thành tích"
    with pytest.raises(DossierError, match=refused), demo_db.session() as s:
        move_dossier(s, dossier_id, P, act=Act.VOTE, reason="Chủ tịch đồng ý")


def test_a_deactivated_nominee_can_only_be_closed_as_not_awarded(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL, P)
        s.exec(select(Unit).where(Unit.code == "TDP01")).one().active = False
    with pytest.raises(DossierError, match="ngừng hoạt động"), demo_db.session() as s:
        move_dossier(s, dossier_id, S.SENT_UP, reason="thử", act=Act.SUBMISSION)
    with demo_db.session() as s:
        move_dossier(s, dossier_id, S.NOT_AWARDED, note="Tổ dân phố đã sáp nhập")
        assert s.get(Dossier, dossier_id).status is S.NOT_AWARDED


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        (None, "số quyết định"),
        (Decision("", date(2025, 12, 1)), "số quyết định"),
        (Decision("12/QĐ-UBND", None), "ngày ký"),
        (Decision("12/QĐ-UBND", now().date() + timedelta(days=3)), "ở sau ngày ghi nhận"),
    ],
)
def test_a_decision_needs_a_number_and_a_date(demo_db, decision, message) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP)
    with pytest.raises(DossierError, match=message), demo_db.session() as s:
        move_dossier(s, dossier_id, S.AWARDED, decision=decision, act=Act.DECISION)
    with demo_db.session() as s:
        dossier = s.get(Dossier, dossier_id)
        assert dossier.status is S.SENT_UP and dossier.decision_number == ""


def test_a_return_and_a_refusal_need_a_note(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        walk(s, dossier_id, S.SUBMITTED_TO_COUNCIL)
        with pytest.raises(DossierError, match="cần bổ sung"):
            move_dossier(s, dossier_id, S.RETURNED)
        with pytest.raises(DossierError, match="kết luận của Hội đồng"):
            move_dossier(s, dossier_id, D, act=Act.VOTE)
        walk(s, dossier_id, P)
        with pytest.raises(DossierError, match="lý do không được"):
            move_dossier(s, dossier_id, S.NOT_AWARDED)


def test_a_step_may_carry_its_own_date_but_not_a_future_or_out_of_order_one(demo_db) -> None:
    with demo_db.session() as s:
        dossier_id = make(s)
        with pytest.raises(DossierError, match="tương lai"):
            move_dossier(
                s, dossier_id, S.SUBMITTED_TO_COUNCIL, at=now() + timedelta(days=2)
            )
        with pytest.raises(DossierError, match="thứ tự thời gian"):
            move_dossier(s, dossier_id, S.SUBMITTED_TO_COUNCIL, at=datetime(2020, 1, 1))
        event = move_dossier(
            s, dossier_id, S.SUBMITTED_TO_COUNCIL, at=now().replace(hour=0)
        )
        assert event.at.hour == 0


# The plan's path written out once more, independently of TRANSITIONS: (from, to) pairs allowed,
# each taken by its own act (the ballot, the Tờ trình, the decision, the clerk, a reopening).
CITY_ALLOWED = {
    (S.DRAFT, S.SUBMITTED_TO_COUNCIL),
    (S.SUBMITTED_TO_COUNCIL, S.RETURNED),
    (S.SUBMITTED_TO_COUNCIL, P),
    (S.SUBMITTED_TO_COUNCIL, D),
    (S.RETURNED, S.SUBMITTED_TO_COUNCIL),
    (S.RETURNED, S.DRAFT),
    (P, S.SENT_UP),
    (P, S.NOT_AWARDED),
    (P, S.RETURNED),
    (D, S.DRAFT),
    (S.SENT_UP, S.RETURNED),
    (S.SENT_UP, S.AWARDED),
    (S.SENT_UP, S.NOT_AWARDED),
    (S.NOT_AWARDED, S.DRAFT),
}
WARD_ALLOWED = (CITY_ALLOWED - {(P, S.SENT_UP)} - {p for p in CITY_ALLOWED if p[0] is S.SENT_UP}) | {
    (P, S.AWARDED)
}
# A revocation (the only way out of Được khen thưởng) goes back to await a new decision.
CITY_REVOKED, WARD_REVOKED = (S.AWARDED, S.SENT_UP), (S.AWARDED, P)
REACH = {
    S.DRAFT: (),
    S.SUBMITTED_TO_COUNCIL: (S.SUBMITTED_TO_COUNCIL,),
    S.RETURNED: (S.SUBMITTED_TO_COUNCIL, S.RETURNED),
    P: (S.SUBMITTED_TO_COUNCIL, P),
    D: (S.SUBMITTED_TO_COUNCIL, D),
    S.SENT_UP: (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP),
    S.AWARDED: (S.SUBMITTED_TO_COUNCIL, P, S.SENT_UP, S.AWARDED),
    S.NOT_AWARDED: (S.SUBMITTED_TO_COUNCIL, P, S.NOT_AWARDED),
}
WARD_REACH = {**REACH, S.SENT_UP: None, S.AWARDED: (S.SUBMITTED_TO_COUNCIL, P, S.AWARDED)}


@pytest.mark.parametrize(
    ("award", "allowed", "reach"),
    [
        ("BKCTTP", CITY_ALLOWED | {CITY_REVOKED}, REACH),
        ("GKCTP", WARD_ALLOWED | {WARD_REVOKED}, WARD_REACH),
    ],
    ids=["city-level", "ward-level"],
)
def test_every_pair_of_statuses_is_allowed_or_refused_as_the_plan_says(
    demo_db, award, allowed, reach
) -> None:
    """64 pairs per level: each allowed step, taken by its own act, succeeds; every other one is
    refused and changes nothing."""
    # A fresh nominee per pair (one form per nominee and campaign): 11 groups × 6 yearly rounds.
    units = [f"TDP{n:02d}" for n in range(1, 13) if n != 3]
    campaigns_used = 0
    for source, path in reach.items():
        if path is None:  # a ward-level dossier never reaches Đã gửi cấp trên
            continue
        for target in DossierStatus:
            with demo_db.session() as s:
                year = 2025 + campaigns_used // len(units)
                dossier_id = make(s, award, units[campaigns_used % len(units)], year=year)
                campaigns_used += 1
                walk(s, dossier_id, *path)
                before = history(s, dossier_id)
            try:
                with demo_db.session() as s:
                    move_dossier(
                        s,
                        dossier_id,
                        target,
                        note="Ghi chú",
                        reason="x",
                        decision=DECISION,
                        act=act_of(target, source),
                    )
                moved = True
            except DossierError:
                moved = False
            with demo_db.session() as s:
                status = s.get(Dossier, dossier_id).status
                assert moved is ((source, target) in allowed), (source, target)
                assert status is (target if moved else source)
                assert len(history(s, dossier_id)) == len(before) + (1 if moved else 0)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    attempts=st.lists(
        st.tuples(st.sampled_from(list(DossierStatus)), st.sampled_from(list(Act))),
        min_size=1,
        max_size=8,
    ),
    ward_level=st.booleans(),
)
def test_any_sequence_of_attempts_leaves_a_history_of_allowed_steps_only(
    demo_db, attempts, ward_level
) -> None:
    """Whatever the clerk tries, in whatever order, the history holds only steps the plan allows."""
    award, allowed = (
        ("GKCTP", WARD_ALLOWED | {WARD_REVOKED})
        if ward_level
        else ("BKCTTP", CITY_ALLOWED | {CITY_REVOKED})
    )
    with demo_db.session() as s:
        # A fresh nominee each example: a new campaign keeps the duplicate rule out of the way.
        year = 2031 + len(s.exec(select(Campaign)).all())
        save_campaign(s, f"Đợt thử {year}", CampaignKind.YEARLY, year, None)
        dossier_id = make(s, award, "TDP01", year=year)
    for target, act in attempts:
        try:
            with demo_db.session() as s:
                move_dossier(
                    s, dossier_id, target, note="Ghi chú", reason="x", decision=DECISION, act=act
                )
        except DossierError:
            pass
    with demo_db.session() as s:
        steps = history(s, dossier_id)
        assert steps[0] == (None, S.DRAFT)
        assert all(pair in allowed for pair in steps[1:])
        assert all(a[1] == b[0] for a, b in zip(steps, steps[1:], strict=False))
        assert s.get(Dossier, dossier_id).status is steps[-1][1]
