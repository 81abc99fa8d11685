"""The register (sổ đăng ký): units of the ward and persons who may be nominated."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime
from sqlmodel import Field, SQLModel

from desktop.models._base import now


class UnitKind(StrEnum):
    """Loại đơn vị. The value is stored; :attr:`label` is what the clerk reads."""

    WARD_OFFICE = "ward_office"
    PUBLIC_SERVICE = "public_service"
    SCHOOL_PRESCHOOL = "school_preschool"
    SCHOOL_PRIMARY = "school_primary"
    SCHOOL_LOWER_SECONDARY = "school_lower_secondary"
    SCHOOL_UPPER_SECONDARY = "school_upper_secondary"
    BUSINESS = "business"
    COOPERATIVE = "cooperative"
    FRONT_ORGANISATION = "front_organisation"
    RESIDENTIAL_GROUP = "residential_group"
    PARTY_COMMITTEE = "party_committee"  # Đảng ủy phường (III.2 of the plan)
    PEOPLES_COMMITTEE = "peoples_committee"  # Ủy ban nhân dân phường as a collective

    @property
    def label(self) -> str:
        return _UNIT_KIND_LABELS[self]

    @property
    def is_school(self) -> bool:
        return self.value.startswith("school_")

    @classmethod
    def from_label(cls, label: str) -> UnitKind | None:
        from desktop.text import search_key

        wanted = search_key(label)
        for kind in cls:
            if search_key(kind.label) == wanted or kind.value == label:
                return kind
        return None


_UNIT_KIND_LABELS = {
    UnitKind.WARD_OFFICE: "Cơ quan, đơn vị thuộc phường",
    UnitKind.PUBLIC_SERVICE: "Đơn vị sự nghiệp công lập",
    UnitKind.SCHOOL_PRESCHOOL: "Trường mầm non",
    UnitKind.SCHOOL_PRIMARY: "Trường tiểu học",
    UnitKind.SCHOOL_LOWER_SECONDARY: "Trường trung học cơ sở",
    UnitKind.SCHOOL_UPPER_SECONDARY: "Trường trung học phổ thông",
    UnitKind.BUSINESS: "Doanh nghiệp",
    UnitKind.COOPERATIVE: "Hợp tác xã",
    UnitKind.FRONT_ORGANISATION: "Mặt trận Tổ quốc, đoàn thể",
    UnitKind.RESIDENTIAL_GROUP: "Tổ dân phố",
    UnitKind.PARTY_COMMITTEE: "Đảng ủy",
    UnitKind.PEOPLES_COMMITTEE: "Ủy ban nhân dân phường",
}


class Gender(StrEnum):
    MALE = "Nam"
    FEMALE = "Nữ"


class Unit(SQLModel, table=True):
    """Đơn vị: an office, school, business, cooperative, mass organisation or residential group.

    The head-counts are the denominators the plan's targets are measured on (II.2).
    """

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(index=True, unique=True, max_length=32)
    name: str = Field(index=True, max_length=255)
    kind: UnitKind = Field(index=True)
    head_name: str = Field(default="", max_length=120)
    head_position: str = Field(default="", max_length=120)
    phone: str = Field(default="", max_length=40)
    email: str = Field(default="", max_length=120)
    address: str = Field(default="", max_length=255)
    staff_count: int | None = Field(default=None, ge=0)
    student_count: int | None = Field(default=None, ge=0)
    adult_count: int | None = Field(default=None, ge=0)
    worker_count: int | None = Field(default=None, ge=0)
    active: bool = Field(default=True, index=True)
    # Kỳ báo cáo (see desktop.models.periods): the first quarter the unit reports, and the first it
    # no longer does once deactivated, so that adding or closing a unit leaves past results alone.
    reports_from: int = Field(default=0)
    stopped_from: int | None = Field(default=None)
    # Bị kỷ luật / đang bị khiếu nại: awards wait while this is not empty (NĐ 152/2025, Điều 4).
    discipline_note: str = Field(default="")
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)

    def expected_in(self, period: int) -> bool:
        """Phải báo cáo kỳ này? ``period`` as :func:`desktop.models.periods.period_code`."""
        return self.reports_from <= period and (
            self.stopped_from is None or period < self.stopped_from
        )


class Person(SQLModel, table=True):
    """Cá nhân: someone of a unit who may be nominated for an individual award."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    full_name: str = Field(index=True, max_length=120)
    gender: Gender | None = Field(default=None)
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    position: str = Field(default="", max_length=160)
    phone: str = Field(default="", max_length=40)
    active: bool = Field(default=True, index=True)
    discipline_note: str = Field(default="")
    note: str = Field(default="")
    created_at: datetime = Field(sa_type=DateTime, default_factory=now)
    updated_at: datetime = Field(sa_type=DateTime, default_factory=now)
