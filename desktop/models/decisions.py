"""Quyết định khen thưởng and the certificates printed from them (sổ vào sổ Giấy khen)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class Authority(StrEnum):
    """Who decides: the ward's Chairman (Giấy khen) or the city and above (received decisions)."""

    WARD = "ward"
    CITY = "city"

    @property
    def label(self) -> str:
        return "Chủ tịch UBND phường" if self is Authority.WARD else "Thành phố và cấp trên"


class SubmissionItem(SQLModel, table=True):
    """A dossier listed in an issued Tờ trình (to the ward Chairman or to the city)."""

    __table_args__ = (UniqueConstraint("document_id", "dossier_id"),)

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="issueddocument.id", index=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    authority: Authority


class AwardDecision(SQLModel, table=True):
    """One quyết định khen thưởng: the Chairman's (issued here, ``document_id`` set) or one
    received from the city or above (recorded; its scan is an :class:`Attachment` with
    ``decision_id``).

    A correction changes number, date or issuer in place (audited); a revocation keeps the record
    with ``revoked_on`` and its reason, and the dossiers it awarded go back to await a decision.
    """

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    authority: Authority
    number: str  # "125/QĐ-UBND"
    signed_on: date
    issuer: str = Field(default="")
    document_id: int | None = Field(default=None, foreign_key="issueddocument.id")
    submission_document_id: int | None = Field(default=None, foreign_key="issueddocument.id")
    base_salary: int = Field(default=0, ge=0)  # mức lương cơ sở the bonuses were counted on
    revoked_on: date | None = Field(default=None)
    revoke_reason: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)


class CertificateEntry(SQLModel, table=True):
    """Sổ vào sổ Giấy khen: certificate number ``number`` of ``year``, one per awarded dossier."""

    __table_args__ = (
        UniqueConstraint("year", "number"),
        UniqueConstraint("decision_id", "dossier_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="awarddecision.id", index=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    year: int = Field(index=True)
    number: int = Field(ge=1)
    printed_on: date
