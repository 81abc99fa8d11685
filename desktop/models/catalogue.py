"""The plan's own structure: content areas of the emulation (II.1) and its milestones (II.3)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class ContentArea(SQLModel, table=True):
    """Nội dung thi đua: one bullet of section II.1 of the plan, text as in the plan."""

    id: int | None = Field(default=None, primary_key=True)
    ordinal: int
    text: str


class Milestone(SQLModel, table=True):
    """Mốc thời gian: the 2025 launch, the 2027 sơ kết and the 2030 tổng kết (II.3)."""

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    kind: str = Field(max_length=20)  # "launch" | "so_ket" | "tong_ket"
    text: str
