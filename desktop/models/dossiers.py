"""Award dossiers (hồ sơ khen thưởng), their history, checklists and attachments."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class DossierStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED_TO_COUNCIL = "council"
    RETURNED = "returned"
    COUNCIL_PROPOSED = "proposed"  # from the council's secret ballot only
    COUNCIL_DECLINED = "declined"  # idem
    SENT_UP = "sent_up"
    AWARDED = "awarded"
    NOT_AWARDED = "not_awarded"

    @property
    def label(self) -> str:
        return {
            "draft": "Nháp",
            "council": "Đã trình Hội đồng phường",
            "returned": "Trả lại bổ sung",
            "proposed": "Hội đồng đề nghị",
            "declined": "Hội đồng không đề nghị",
            "sent_up": "Đã gửi cấp trên",
            "awarded": "Được khen thưởng",
            "not_awarded": "Không được khen thưởng",
        }[self.value]


class Dossier(SQLModel, table=True):
    """Hồ sơ khen thưởng: one nominee proposed for one award in one campaign.

    Exactly one of ``nominee_unit_id`` (a collective or business) and ``nominee_person_id`` is set.
    ``achievement`` is JSON: the sections of the achievement report (báo cáo thành tích).
    """

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: int = Field(foreign_key="campaign.id", index=True)
    award_form_id: int = Field(foreign_key="awardform.id", index=True)
    nominee_unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    nominee_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    proposing_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    status: DossierStatus = Field(default=DossierStatus.DRAFT, index=True)
    achievement: str = Field(default="{}")
    incomplete_reason: str = Field(default="")
    decision_number: str = Field(default="")
    decision_date: date | None = Field(default=None)
    decision_issuer: str = Field(default="")
    # The recorded decision (quyết định khen thưởng) that awarded this dossier; the three fields
    # above repeat its number, date and issuer for the lists and are corrected with it.
    decision_id: int | None = Field(default=None, foreign_key="awarddecision.id", index=True)
    bonus_amount: int = Field(default=0, ge=0)  # tiền thưởng, đồng, fixed when the decision issues
    round: int = Field(default=1, ge=1)  # lần xét: a reopened dossier starts a new round
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)


class DossierEvent(SQLModel, table=True):
    """One step of a dossier's workflow (lịch sử xử lý)."""

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    at: datetime = Field(sa_type=DateTime, default_factory=now)
    from_status: DossierStatus | None = Field(default=None)
    to_status: DossierStatus
    note: str = Field(default="")
    round: int = Field(default=1, ge=1)


class DossierCriterionCheck(SQLModel, table=True):
    """A standard ticked on a dossier, with the evidence the clerk noted."""

    __table_args__ = (UniqueConstraint("dossier_id", "criterion_id"),)

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    criterion_id: int = Field(foreign_key="awardcriterion.id")
    met: bool = Field(default=False)
    evidence: str = Field(default="")


class DossierComponentCheck(SQLModel, table=True):
    """A required paper marked present on a dossier (on paper or as an attachment)."""

    __table_args__ = (UniqueConstraint("dossier_id", "component_id"),)

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    component_id: int = Field(foreign_key="dossiercomponent.id")
    present: bool = Field(default=False)
    note: str = Field(default="")


class Attachment(SQLModel, table=True):
    """Tệp đính kèm: stored once under its SHA-256 in ``attachments/``, shown by its original name."""

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: int | None = Field(default=None, foreign_key="dossier.id", index=True)
    # The scan of a received decision (quyết định của cấp trên) belongs to the decision.
    decision_id: int | None = Field(default=None, foreign_key="awarddecision.id", index=True)
    # Photos and lists of an activity; a unit's own plan sent with its registration (đăng ký).
    activity_id: int | None = Field(default=None, foreign_key="activity.id", index=True)
    commitment_id: int | None = Field(default=None, foreign_key="commitment.id", index=True)
    component_id: int | None = Field(default=None, foreign_key="dossiercomponent.id")
    sha256: str = Field(index=True, max_length=64)
    original_name: str
    size: int = Field(ge=0)
    added_at: datetime = Field(sa_type=DateTime, default_factory=now)


class PriorAward(SQLModel, table=True):
    """Khen thưởng đã nhận before the app kept dossiers (or from other movements)."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    year: int
    award_name: str
    decision: str = Field(default="")
