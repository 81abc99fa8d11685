"""Thành viên Hội đồng per year: adding, changing, removing, copying, and what is refused."""

from __future__ import annotations

import pytest
from sqlmodel import select

from desktop.council.errors import CouncilError
from desktop.council.meetings import create_meeting
from desktop.council.members import (
    add_member,
    change_member,
    copy_members,
    list_members,
    parse_role,
    remove_member,
)
from desktop.models import AuditEntry, CouncilMember, CouncilRole
from tests.council.conftest import MEETING_DAY, YEAR, Ward, campaign_of


def test_members_are_listed_chair_first_secretary_last(ward: Ward) -> None:
    with ward.db.session() as s:
        members = list_members(s, YEAR)
        assert [m.role for m in members][:2] == [CouncilRole.CHAIR, CouncilRole.VICE_CHAIR]
        assert members[-1].role is CouncilRole.SECRETARY and members[-1].full_name == "Ngô Thị Thu"
        assert len(members) == 9
        assert list_members(s, YEAR + 1) == []


def test_an_added_member_is_stored_clean_and_audited(ward: Ward) -> None:
    with ward.db.session() as s:
        member = add_member(s, YEAR, "  Lưu   Văn Tâm ", " Ủy viên ", "Ủy viên")
        assert (member.full_name, member.position, member.role) == (
            "Lưu Văn Tâm",
            "Ủy viên",
            CouncilRole.MEMBER,
        )
        reasons = s.exec(
            select(AuditEntry.reason).where(AuditEntry.table_name == "councilmember")
        ).all()
        assert any("Thêm thành viên Hội đồng năm 2026: Lưu Văn Tâm (Ủy viên)" in r for r in reasons)


@pytest.mark.parametrize(
    ("name", "role", "message"),
    [
        ("   ", "member", "Hãy ghi họ và tên của thành viên Hội đồng."),
        ("Trịnh Văn An", "chair", "Hội đồng năm 2026 đã có Chủ tịch Hội đồng (Nguyễn Văn Hùng)"),
        ("Trịnh Văn An", "trưởng ban", "Không có vai trò “trưởng ban” trong Hội đồng"),
    ],
)
def test_refused_members(ward: Ward, name: str, role: str, message: str) -> None:
    with ward.db.session() as s, pytest.raises(CouncilError) as refused:
        add_member(s, YEAR, name, "", role)
    assert message in str(refused.value)
    with ward.db.session() as s:
        assert len(list_members(s, YEAR)) == 9


def test_a_second_chair_is_refused_on_change_too(ward: Ward) -> None:
    with ward.db.session() as s, pytest.raises(CouncilError, match="đã có Chủ tịch Hội đồng"):
        change_member(s, ward.members[1], role=CouncilRole.CHAIR)
    with ward.db.session() as s:
        change_member(s, ward.members[0], role="vice_chair")
        change_member(s, ward.members[1], role="Chủ tịch Hội đồng", position="Chủ tịch UBND")
        assert s.get(CouncilMember, ward.members[1]).role is CouncilRole.CHAIR
        assert s.get(CouncilMember, ward.members[1]).position == "Chủ tịch UBND"


def test_roles_are_read_by_value_or_label_without_accents() -> None:
    assert parse_role("thu ky") is CouncilRole.SECRETARY
    assert parse_role("vice_chair") is CouncilRole.VICE_CHAIR


def test_a_member_who_attended_is_deactivated_not_deleted(ward: Ward) -> None:
    with ward.db.session() as s:
        create_meeting(s, campaign_of(s).id, MEETING_DAY, "Hội trường", ward.members[:5])
    with ward.db.session() as s:
        assert remove_member(s, ward.members[0]) is False  # attended
        assert remove_member(s, ward.members[8]) is True  # never attended
    with ward.db.session() as s:
        kept = s.get(CouncilMember, ward.members[0])
        assert kept is not None and not kept.active
        assert s.get(CouncilMember, ward.members[8]) is None
        assert len(list_members(s, YEAR)) == 7
        assert len(list_members(s, YEAR, include_inactive=True)) == 8
        # The chair gone, another may take the role.
        add_member(s, YEAR, "Trịnh Văn An", "Chủ tịch UBND phường", "chair")


def test_copying_a_year_sets_up_the_next_council(ward: Ward) -> None:
    with ward.db.session() as s:
        copies = copy_members(s, YEAR, YEAR + 1)
        assert [m.full_name for m in copies] == [m.full_name for m in list_members(s, YEAR)]
        assert {m.year for m in list_members(s, YEAR + 1)} == {YEAR + 1}
    with ward.db.session() as s, pytest.raises(CouncilError, match="đã có 9 thành viên"):
        copy_members(s, YEAR, YEAR + 1)
    with ward.db.session() as s, pytest.raises(CouncilError, match="chưa có thành viên nào"):
        copy_members(s, 2030, 2029)
