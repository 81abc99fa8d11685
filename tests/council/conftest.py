"""A ward with a council of nine for 2026 and dossiers ready for its vote (Đã trình Hội đồng)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from sqlmodel import Session, select

from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.dossiers import (
    NewDossier,
    create_dossier,
    save_achievement,
    set_component,
    set_criterion,
)
from desktop.awards.nominees import nominee_of
from desktop.awards.workflow import move_dossier
from desktop.changes import Door
from desktop.context import AppContext
from desktop.council.members import add_member
from desktop.models import (
    AwardForm,
    Campaign,
    CampaignKind,
    CouncilRole,
    DossierStatus,
    Person,
    Unit,
    UnitKind,
)
from desktop.models.ids import AwardFormId, CampaignId, PersonId, UnitId, saved_id
from desktop.storage import Database

YEAR = 2026
MEETING_DAY = date(2026, 11, 28)
COUNCIL = [
    ("Nguyễn Văn Hùng", "Chủ tịch UBND phường", CouncilRole.CHAIR),
    ("Lê Thị Mai", "Phó Chủ tịch UBND phường", CouncilRole.VICE_CHAIR),
    ("Phạm Quốc Bảo", "Chủ tịch Ủy ban MTTQ phường", CouncilRole.MEMBER),
    ("Trần Văn Cường", "Trưởng Công an phường", CouncilRole.MEMBER),
    ("Đỗ Thị Hạnh", "Chủ tịch Hội Liên hiệp Phụ nữ", CouncilRole.MEMBER),
    ("Vũ Minh Khoa", "Bí thư Đoàn Thanh niên", CouncilRole.MEMBER),
    ("Hoàng Thị Lan", "Chủ tịch Hội Cựu chiến binh", CouncilRole.MEMBER),
    ("Bùi Văn Nam", "Trưởng phòng Kinh tế", CouncilRole.MEMBER),
    ("Ngô Thị Thu", "Phó Trưởng phòng Văn hóa - Xã hội", CouncilRole.SECRETARY),
]
UNITS = [
    ("TDP01", "Tổ dân phố số 1", UnitKind.RESIDENTIAL_GROUP),
    ("TDP02", "Tổ dân phố số 2", UnitKind.RESIDENTIAL_GROUP),
    ("THCSTTN", "Trường THCS Trần Thành Ngọ", UnitKind.SCHOOL_LOWER_SECONDARY),
    ("MN01", "Trường Mầm non Hoa Sen", UnitKind.SCHOOL_PRESCHOOL),
]


def campaign_of(s: Session, year: int = YEAR) -> Campaign:
    return s.exec(
        select(Campaign).where(Campaign.year == year, Campaign.kind == CampaignKind.YEARLY)
    ).one()


def form_of(s: Session, code: str) -> AwardForm:
    return s.exec(select(AwardForm).where(AwardForm.code == code)).one()


def unit_of(s: Session, code: str) -> Unit:
    return s.exec(select(Unit).where(Unit.code == code)).one()


def ready_dossier(
    s: Session,
    award: str = "GKCTP",
    unit: str | None = "TDP01",
    person: str | None = None,
    year: int = YEAR,
    submit: bool = True,
) -> int:
    """A complete dossier (every standard met, every paper the units bring present, the
    achievement written) and, with ``submit``, submitted to the council."""
    form = form_of(s, award)
    unit_id = saved_id(unit_of(s, unit).id) if unit else None
    person_id = (
        saved_id(s.exec(select(Person).where(Person.full_name == person)).one().id)
        if person
        else None
    )
    dossier = create_dossier(
        s,
        NewDossier(
            CampaignId(saved_id(campaign_of(s, year).id)),
            AwardFormId(saved_id(form.id)),
            nominee_unit_id=UnitId(unit_id) if unit_id else None,
            nominee_person_id=PersonId(person_id) if person_id else None,
        ),
    )
    dossier_id = saved_id(dossier.id)
    kind = nominee_of(s, dossier).kind
    for criterion in criteria_of(s, saved_id(form.id), kind):
        if not criterion.heading:
            set_criterion(s, dossier_id, saved_id(criterion.id), True, "Minh chứng")
    for component in components_of(s, saved_id(form.id)):
        if component.required and not component.made_by:
            set_component(s, dossier_id, saved_id(component.id), True)
    save_achievement(s, dossier_id, {"thanh_tich": "Hoàn thành xuất sắc nhiệm vụ năm."})
    if submit:
        move_dossier(s, dossier_id, DossierStatus.SUBMITTED_TO_COUNCIL)
    return dossier_id


@dataclass(frozen=True)
class Ward:
    db: Database
    members: list[int]  # the nine of 2026, in COUNCIL's order
    door: Door


def seed_ward(db: Database) -> list[int]:
    with db.session() as s:
        for code, name, kind in UNITS:
            s.add(Unit(code=code, name=name, kind=kind))
        s.flush()
        s.add(
            Person(
                full_name="Phạm Thị Hoa",
                unit_id=saved_id(unit_of(s, "THCSTTN").id),
                position="Giáo viên",
            )
        )
        ids = [
            saved_id(add_member(s, YEAR, name, position, role).id)
            for name, position, role in COUNCIL
        ]
    return ids


@pytest.fixture
def ward(db: Database, ctx: AppContext) -> Ward:
    return Ward(db, seed_ward(db), ctx.door)


@pytest.fixture
def dossier(ward: Ward) -> Callable[..., int]:
    """Makes a ready dossier in its own transaction and returns its id."""

    def make(**kwargs: object) -> int:
        with ward.db.session() as s:
            return ready_dossier(s, **kwargs)  # type: ignore[arg-type]  # the keywords of ready_dossier

    return make
