"""The ward's council (Hội đồng Thi đua - Khen thưởng phường): its members, meetings and ballots."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class CouncilRole(StrEnum):
    """Vai trò trong Hội đồng, in the order the minutes list the members."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    SECRETARY = "secretary"

    @property
    def label(self) -> str:
        return {
            "chair": "Chủ tịch Hội đồng",
            "vice_chair": "Phó Chủ tịch Hội đồng",
            "member": "Ủy viên",
            "secretary": "Thư ký",
        }[self.value]


class CouncilMember(SQLModel, table=True):
    """Thành viên Hội đồng of one year: the council is set up again (kiện toàn) each year."""

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    full_name: str
    position: str = Field(default="")  # chức vụ, e.g. "Chủ tịch UBND phường"
    role: CouncilRole = Field(default=CouncilRole.MEMBER)
    ordinal: int = Field(default=0)
    active: bool = Field(default=True)


class CouncilMeeting(SQLModel, table=True):
    """Phiên họp Hội đồng: which campaign it considered, when and where, who attended."""

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    held_on: date
    # Giờ bắt đầu, giờ kết thúc: the Biên bản states them (Nghị định 30, Mẫu biên bản); optional,
    # since a meeting recorded before they were kept has none.
    starts_at: time | None = None
    ends_at: time | None = None
    place: str = Field(default="")
    note: str = Field(default="")  # ý kiến, diễn biến phiên họp for the minutes
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)


class CouncilAttendance(SQLModel, table=True):
    """A member present at a meeting (thành viên có mặt)."""

    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="councilmeeting.id", index=True)
    member_id: int = Field(foreign_key="councilmember.id")


class CouncilVote(SQLModel, table=True):
    """Kết quả bỏ phiếu kín on one dossier at one meeting, and the council's conclusion.

    ``proposed`` is what the ballot concluded against the award form's required share; it moves
    the dossier to Hội đồng đề nghị / Hội đồng không đề nghị.
    """

    __table_args__ = (UniqueConstraint("meeting_id", "dossier_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="councilmeeting.id", index=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    ballots_issued: int = Field(ge=0)  # phiếu phát ra
    ballots_valid: int = Field(ge=0)  # phiếu hợp lệ
    ballots_for: int = Field(ge=0)  # phiếu đồng ý
    members: int = Field(ge=1)  # tổng số thành viên Hội đồng the share is measured on
    proposed: bool
    conclusion: str = Field(default="")
