"""Thành viên Hội đồng TĐKT phường, kept per year: the council is set up again (kiện toàn) each year.

A member who attended a meeting stays in the record of that meeting: removing such a member only
deactivates it (``active`` False); a member who never attended is deleted.
"""

from __future__ import annotations

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.council.errors import CouncilError
from desktop.models import CouncilAttendance, CouncilMember, CouncilRole
from desktop.models.ids import saved_id
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean_line, search_key, sort_key

FIRST_YEAR, LAST_YEAR = 2000, 2100
ROLE_ORDER = {role: i for i, role in enumerate(CouncilRole)}


def parse_role(text: str | CouncilRole) -> CouncilRole:
    """A role from its value ("chair") or its label ("Chủ tịch Hội đồng", any accents)."""
    if isinstance(text, CouncilRole):
        return text
    wanted = search_key(text)
    for role in CouncilRole:
        if wanted in (role.value, search_key(role.label)):
            return role
    known = ", ".join(f"{r.value} ({r.label})" for r in CouncilRole)
    raise CouncilError(f"Không có vai trò “{text}” trong Hội đồng; hãy chọn một trong: {known}.")


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CouncilError(f"Năm {year} không hợp lệ; hãy ghi năm từ {FIRST_YEAR} đến {LAST_YEAR}.")


def member_order(
    member: CouncilMember,
) -> tuple[int, int, tuple[tuple[int, ...], tuple[int, ...], str]]:
    """Chủ tịch, Phó Chủ tịch, Ủy viên, Thư ký; within a role by ordinal, then by name."""
    return ROLE_ORDER[member.role], member.ordinal, sort_key(member.full_name)


def list_members(
    session: Session, year: int, *, include_inactive: bool = False
) -> list[CouncilMember]:
    """The members of ``year`` in the order the minutes list them."""
    query = select(CouncilMember).where(CouncilMember.year == year)
    if not include_inactive:
        query = query.where(col(CouncilMember.active))
    return sorted(session.exec(query).all(), key=member_order)


def get_member(session: Session, member_id: int) -> CouncilMember:
    member = session.get(CouncilMember, member_id)
    if member is None:
        raise CouncilError(f"Không tìm thấy thành viên Hội đồng số {member_id}.")
    return member


def _check_one_chair(session: Session, year: int, role: CouncilRole, member_id: int | None) -> None:
    if role is not CouncilRole.CHAIR:
        return
    query = select(CouncilMember).where(
        CouncilMember.year == year,
        CouncilMember.role == CouncilRole.CHAIR,
        col(CouncilMember.active),
    )
    other = next((m for m in session.exec(query) if m.id != member_id), None)
    if other is not None:
        raise CouncilError(
            f"Hội đồng năm {year} đã có Chủ tịch Hội đồng ({other.full_name}); mỗi năm chỉ có một "
            "Chủ tịch Hội đồng. Hãy đổi vai trò của người kia trước."
        )


def _name(full_name: str) -> str:
    name = clean_line(full_name)
    if not name:
        raise CouncilError("Hãy ghi họ và tên của thành viên Hội đồng.")
    return name


def add_member(
    session: Session,
    year: int,
    full_name: str,
    position: str = "",
    role: CouncilRole | str = CouncilRole.MEMBER,
    ordinal: int | None = None,
) -> CouncilMember:
    """Thêm thành viên Hội đồng of ``year``; without ``ordinal`` it comes last of its role."""
    _check_year(year)
    name, role = _name(full_name), parse_role(role)
    _check_one_chair(session, year, role, None)
    if ordinal is None:
        last = session.exec(
            select(func.max(CouncilMember.ordinal)).where(CouncilMember.year == year)
        ).one()
        ordinal = (last or 0) + 1
    member = CouncilMember(
        year=year, full_name=name, position=clean_line(position), role=role, ordinal=ordinal
    )
    set_audit_reason(session, f"Thêm thành viên Hội đồng năm {year}: {name} ({role.label})")
    session.add(member)
    session.flush()
    return member


def change_member(
    session: Session,
    member_id: int,
    *,
    full_name: str | None = None,
    position: str | None = None,
    role: CouncilRole | str | None = None,
    ordinal: int | None = None,
) -> CouncilMember:
    """Sửa thành viên: only the fields given change."""
    member = get_member(session, member_id)
    if full_name is not None:
        member.full_name = _name(full_name)
    if position is not None:
        member.position = clean_line(position)
    if role is not None:
        member.role = parse_role(role)
        if member.active:
            _check_one_chair(session, member.year, member.role, member.id)
    if ordinal is not None:
        member.ordinal = ordinal
    set_audit_reason(session, f"Sửa thành viên Hội đồng năm {member.year}: {member.full_name}")
    session.add(member)
    session.flush()
    return member


def attended(session: Session, member_id: int) -> bool:
    return (
        session.exec(
            select(CouncilAttendance.id).where(CouncilAttendance.member_id == member_id)
        ).first()
        is not None
    )


def remove_member(session: Session, member_id: int) -> bool:
    """Bỏ thành viên: deleted if it never attended a meeting (True), else deactivated (False)."""
    member = get_member(session, member_id)
    if attended(session, member_id):
        member.active = False
        set_audit_reason(
            session,
            f"Thôi thành viên Hội đồng năm {member.year}: {member.full_name} "
            "(đã dự phiên họp nên giữ trong biên bản)",
        )
        session.add(member)
        session.flush()
        return False
    set_audit_reason(session, f"Xóa thành viên Hội đồng năm {member.year}: {member.full_name}")
    session.delete(member)
    session.flush()
    return True


def copy_members(session: Session, from_year: int, to_year: int) -> list[CouncilMember]:
    """Kiện toàn Hội đồng: the active members of ``from_year`` become those of ``to_year``,
    refused when ``to_year`` already has members (change them one by one instead)."""
    _check_year(to_year)
    if from_year == to_year:
        raise CouncilError("Năm chép sang phải khác năm chép từ.")
    source = list_members(session, from_year)
    if not source:
        raise CouncilError(f"Hội đồng năm {from_year} chưa có thành viên nào để chép.")
    present = list_members(session, to_year)
    if present:
        raise CouncilError(
            f"Hội đồng năm {to_year} đã có {len(present)} thành viên; không chép đè. "
            "Hãy sửa hoặc bỏ từng thành viên."
        )
    set_audit_reason(session, f"Kiện toàn Hội đồng năm {to_year} theo danh sách năm {from_year}")
    copies = [
        CouncilMember(
            year=to_year,
            full_name=m.full_name,
            position=m.position,
            role=m.role,
            ordinal=m.ordinal,
        )
        for m in source
    ]
    session.add_all(copies)
    session.flush()
    return copies


def active_count(session: Session, year: int) -> int:
    """Tổng số thành viên Hội đồng of the year: what the quorum and the ballot's share count on."""
    return len(list_members(session, year))


def member_ids(members: list[CouncilMember]) -> list[int]:
    return [saved_id(m.id) for m in members]
