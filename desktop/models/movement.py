"""The movement's own record (hồ sơ phong trào): activities, initiatives and units' commitments.

What the plan asks beyond the indicators: propaganda, training and "Bình dân học vụ số" classes
(section VI.1), the units' own programmes and plans (VI.2), and the typical initiatives, solutions
and models of digital transformation its award standards speak of (III.3).
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class ActivityKind(StrEnum):
    """Loại hoạt động. The value is stored; :attr:`label` is what the clerk reads."""

    PROPAGANDA = "propaganda"  # tuyên truyền
    TRAINING = "training"  # tập huấn, bồi dưỡng
    DIGITAL_CLASS = "digital_class"  # lớp "Bình dân học vụ số"
    MEETING = "meeting"  # hội nghị, hội thảo, tọa đàm
    INSPECTION = "inspection"  # kiểm tra, giám sát
    OTHER = "other"

    @property
    def label(self) -> str:
        return _ACTIVITY_KIND_LABELS[self]


_ACTIVITY_KIND_LABELS = {
    ActivityKind.PROPAGANDA: "Tuyên truyền",
    ActivityKind.TRAINING: "Tập huấn, bồi dưỡng",
    ActivityKind.DIGITAL_CLASS: "Lớp “Bình dân học vụ số”",
    ActivityKind.MEETING: "Hội nghị, hội thảo",
    ActivityKind.INSPECTION: "Kiểm tra, giám sát",
    ActivityKind.OTHER: "Hoạt động khác",
}


class Activity(SQLModel, table=True):
    """Hoạt động: one propaganda event, training course, class, meeting or inspection.

    ``participants`` is the total the organiser reported; the four groups are filled where known
    (cán bộ, công chức, viên chức; học sinh; người dân; người lao động) and never exceed it.
    """

    id: int | None = Field(default=None, primary_key=True)
    held_on: date = Field(index=True)
    kind: ActivityKind = Field(default=ActivityKind.OTHER)
    title: str
    place: str = Field(default="")
    participants: int | None = Field(default=None, ge=0)
    officials: int | None = Field(default=None, ge=0)
    students: int | None = Field(default=None, ge=0)
    residents: int | None = Field(default=None, ge=0)
    workers: int | None = Field(default=None, ge=0)
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)


class ActivityUnit(SQLModel, table=True):
    """An organising unit of an activity (đơn vị tổ chức); none: the ward itself organised it."""

    __table_args__ = (UniqueConstraint("activity_id", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    activity_id: int = Field(foreign_key="activity.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)


class InitiativeKind(StrEnum):
    """Sáng kiến, giải pháp or mô hình điển hình."""

    INITIATIVE = "initiative"
    SOLUTION = "solution"
    MODEL = "model"

    @property
    def label(self) -> str:
        return {"initiative": "Sáng kiến", "solution": "Giải pháp", "model": "Mô hình điển hình"}[
            self.value
        ]


class RecognitionLevel(StrEnum):
    """Cấp công nhận of an initiative (phạm vi ảnh hưởng); NONE: not (yet) recognised."""

    NONE = "none"
    UNIT = "unit"  # cấp đơn vị, cơ sở
    WARD = "ward"  # cấp phường
    CITY = "city"  # cấp thành phố
    NATIONAL = "national"  # toàn quốc

    @property
    def label(self) -> str:
        return {
            "none": "Chưa được công nhận",
            "unit": "Cấp cơ sở",
            "ward": "Cấp phường",
            "city": "Cấp thành phố",
            "national": "Toàn quốc",
        }[self.value]


class Initiative(SQLModel, table=True):
    """Sáng kiến, giải pháp, mô hình chuyển đổi số: chosen into a dossier's báo cáo thành tích.

    ``content_area_id`` is the plan's content area (section II.1) it serves; ``decision`` the
    recognition decision as printed ("Quyết định số 12/QĐ-UBND ngày 05/11/2025").
    """

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    kind: InitiativeKind = Field(default=InitiativeKind.INITIATIVE)
    title: str
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    content_area_id: int | None = Field(default=None, foreign_key="contentarea.id")
    effect: str = Field(default="")  # hiệu quả, phạm vi áp dụng
    recognition: RecognitionLevel = Field(default=RecognitionLevel.NONE)
    decision: str = Field(default="")
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)


class InitiativePerson(SQLModel, table=True):
    """An author of an initiative (tác giả), from the register's persons."""

    __table_args__ = (UniqueConstraint("initiative_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)


class DossierInitiative(SQLModel, table=True):
    """An initiative chosen into a dossier's báo cáo thành tích, instead of retyped."""

    __table_args__ = (UniqueConstraint("dossier_id", "initiative_id"),)

    id: int | None = Field(default=None, primary_key=True)
    dossier_id: int = Field(foreign_key="dossier.id", index=True)
    initiative_id: int = Field(foreign_key="initiative.id", index=True)
    ordinal: int = Field(default=0)


class Commitment(SQLModel, table=True):
    """Đăng ký thi đua of one unit for one year, and its own programme or plan (kế hoạch).

    ``registered_on``: the day its registration reached the ward; ``plan_received_on``: the day its
    own plan did (the file, when sent, is an :class:`~desktop.models.dossiers.Attachment` with this
    ``commitment_id``). A unit without a row for a year has not registered.
    """

    __table_args__ = (UniqueConstraint("year", "unit_id"),)

    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    registered_on: date | None = None
    plan_received_on: date | None = None
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)
