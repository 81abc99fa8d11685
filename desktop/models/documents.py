"""The register of issued documents (sổ văn bản đi)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class IssuedDocument(SQLModel, table=True):
    """A numbered document: "07/BC-UBND" is number 7 of type BC in its year.

    The rendered PDF is kept (by content hash) so that a reprint is identical.
    """

    __table_args__ = (UniqueConstraint("type_code", "year", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)  # plan | report | nominees | submission | achievement
    type_code: str = Field(max_length=8)  # KH, BC, TTr, …
    year: int = Field(index=True)
    number: int = Field(ge=1)
    symbol: str = Field(max_length=64)
    title: str
    issued_on: date
    params: str = Field(default="{}")
    pdf_sha256: str = Field(default="", max_length=64)
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)


class ReportDirection(SQLModel, table=True):
    """Phương hướng, đề xuất: the clerk's own words for section IV of a Báo cáo kết quả.

    One text per period (``quarter`` 0 is the year's report; ``review`` the sơ kết or tổng kết
    report whose last year is ``year``), saved before the report is issued; an issued report keeps
    the text it was printed with in its PDF. ``difficulties`` is its Khó khăn, vướng mắc.
    """

    __table_args__ = (UniqueConstraint("year", "quarter", "review"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    quarter: int = Field(default=0, ge=0, le=4)
    review: bool = Field(default=False)
    text: str = Field(default="")
    difficulties: str = Field(default="")
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)
