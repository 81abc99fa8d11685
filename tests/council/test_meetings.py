"""Phiên họp Hội đồng: its date, who may attend, the quorum, and the meeting read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

import pytest
from sqlmodel import select

from desktop.council.errors import CouncilError
from desktop.council.meetings import create_meeting, list_meetings, load_meeting, parse_hour, quorum
from desktop.council.members import add_member, list_members
from desktop.council.votes import record_vote
from desktop.models import CouncilAttendance, CouncilMeeting
from tests.council.conftest import MEETING_DAY, YEAR, Ward, campaign_of


def test_quorum_is_half_of_the_members() -> None:
    assert [quorum(n) for n in (1, 2, 8, 9)] == [1, 1, 4, 5]


def test_a_meeting_is_recorded_with_its_attendees(ward: Ward) -> None:
    with ward.db.session() as s:
        meeting = create_meeting(
            s,
            campaign_of(s).id,
            MEETING_DAY,
            " Hội trường UBND phường ",
            ward.members[:8],
            "Họp xét",
        )
        meeting_id = meeting.id
    with ward.db.session() as s:
        view = load_meeting(s, meeting_id)
        assert (
            view.campaign_name == "Khen thưởng năm 2026" and view.place == "Hội trường UBND phường"
        )
        assert len(view.attendees) == 8 and view.total_members == 9
        assert [m.full_name for m in view.absent] == ["Ngô Thị Thu"]
        assert view.chair is not None and view.chair.full_name == "Nguyễn Văn Hùng"
        assert view.secretary is None  # the secretary is the one absent
        rows = list_meetings(s, campaign_of(s).id)
        assert [(r.id, r.attendees, r.votes) for r in rows] == [(meeting_id, 8, 0)]


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 12, 2), "Ngày họp 02/12/2026 ở tương lai"),
        (date(2025, 12, 30), "phiên họp xét đợt này diễn ra trong năm 2026 hoặc 2027"),
    ],
)
def test_the_day_of_a_meeting(ward: Ward, day: date, message: str) -> None:
    with ward.db.session() as s, pytest.raises(CouncilError, match=message):
        create_meeting(s, campaign_of(s).id, day, "Hội trường", ward.members)


def test_the_next_year_is_a_day_of_the_campaign(ward: Ward) -> None:
    with ward.db.session() as s:
        for name, role in (("A Một", "chair"), ("B Hai", "member")):
            add_member(s, 2025, name, "", role)
        attending = [m.id for m in list_members(s, 2025)]
        meeting = create_meeting(
            s, campaign_of(s, 2025).id, date(2026, 1, 15), "Hội trường", attending
        )
        assert meeting.held_on.year == 2026


def test_fewer_than_half_present_is_refused(ward: Ward) -> None:
    with ward.db.session() as s, pytest.raises(CouncilError) as refused:
        create_meeting(s, campaign_of(s).id, MEETING_DAY, "Hội trường", ward.members[:4])
    assert str(refused.value) == (
        "Phiên họp phải có ít nhất 5 thành viên dự (một nửa tổng số 9 thành viên Hội đồng); mới có 4."
    )
    with ward.db.session() as s:
        assert s.exec(select(CouncilMeeting)).all() == []
        assert s.exec(select(CouncilAttendance)).all() == []


def test_attendees_must_be_the_years_active_members(ward: Ward) -> None:
    with ward.db.session() as s:
        other = add_member(s, YEAR + 1, "Người Năm Sau", "", "member").id
    with ward.db.session() as s, pytest.raises(CouncilError) as refused:
        create_meeting(s, campaign_of(s).id, MEETING_DAY, "Hội trường", [*ward.members, other])
    assert f"Không phải thành viên Hội đồng năm 2026 (đang hoạt động): số {other}" in str(
        refused.value
    )


def test_a_year_without_council_is_refused(ward: Ward) -> None:
    with ward.db.session() as s, pytest.raises(CouncilError, match="Hội đồng năm 2025 chưa có"):
        create_meeting(s, campaign_of(s, 2025).id, MEETING_DAY, "Hội trường", [])


def test_the_view_names_the_nominees_of_the_votes(ward: Ward, dossier: Callable[..., int]) -> None:
    school = dossier(unit="THCSTTN")
    teacher = dossier(unit=None, person="Phạm Thị Hoa")
    city = dossier(award="BKCTTP", unit="TDP02")
    with ward.db.session() as s:
        meeting_id = create_meeting(
            s, campaign_of(s).id, MEETING_DAY, "Hội trường", ward.members
        ).id
        for dossier_id in (teacher, school, city):
            record_vote(s, meeting_id, dossier_id, 9, 9, 8)
    with ward.db.session() as s:
        view = load_meeting(s, meeting_id)
        # The highest award first, then collectives before persons.
        assert [(v.nominee, v.award) for v in view.votes] == [
            ("Tổ dân phố số 2", "Bằng khen của Chủ tịch UBND thành phố"),
            ("Trường THCS Trần Thành Ngọ", "Giấy khen của Chủ tịch UBND phường"),
            ("Phạm Thị Hoa", "Giấy khen của Chủ tịch UBND phường"),
        ]
        assert view.votes[0].share == "88,9%" and view.votes[0].required == "trên 50%"
        assert len(view.proposed) == 3 and view.declined == []
        assert list_meetings(s)[0].votes == 3


def test_the_hours_of_a_meeting_are_kept_and_an_end_before_the_start_is_refused(
    ward: Ward,
) -> None:
    with ward.db.session() as s:
        hours = (parse_hour("8:00", "giờ bắt đầu"), parse_hour("10 giờ 30", "giờ kết thúc"))
        meeting = create_meeting(s, campaign_of(s).id, MEETING_DAY, "", ward.members[:8], "", hours)
        meeting_id = meeting.id
    with ward.db.session() as s:
        view = load_meeting(s, meeting_id)
        assert (view.starts_at, view.ends_at) == (time(8, 0), time(10, 30))
    assert parse_hour("  ", "giờ bắt đầu") is None  # not recorded
    assert parse_hour("14h15", "giờ bắt đầu") == time(14, 15)
    with pytest.raises(CouncilError, match="Không hiểu giờ kết thúc “25:00”"):
        parse_hour("25:00", "giờ kết thúc")
    with (
        ward.db.session() as s,
        pytest.raises(CouncilError, match=r"Giờ kết thúc \(8:00\) phải sau"),
    ):
        create_meeting(
            s, campaign_of(s).id, MEETING_DAY, "", ward.members[:8], "", (time(9), time(8))
        )
