"""The movement's own record for a synthetic ward (benchmarks, the review reports' pages).

What :func:`desktop.demo.ward.build_synthetic_ward` leaves out — activities, initiatives, units'
commitments, the yearly rounds' awards and the review round's dossiers — generated for its years
from a seed, so that a sơ kết or tổng kết report over a ward of thousands of units has every part
to print and to time:

* each year about one activity per ten units (at least twelve), of every kind, organised by a
  unit or by the ward itself, with participants by group (the groups never exceed the total);
* each year about one initiative per hundred units (at least four), some recognised by the ward,
  the city or the country, with the decision that did;
* each year nine in ten units registered to emulate, seven in ten sent their own plan;
* each yearly round before the last year: a Chairman's decision awarding Giấy khen to a few
  units and persons, and a city decision awarding Bằng khen (the award register's rows);
* the review's round (the sơ kết of 2027, or the tổng kết of 2030 when the years reach it): a
  few dossiers the council proposed, one sent up, one awarded, and one still a draft (which the
  report does not list), each with the nominee's initiatives chosen into it.

Written with bulk inserts, no audit rows: it is generated data, like the values it goes with.
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from desktop.models import (
    Activity,
    ActivityKind,
    ActivityUnit,
    AwardDecision,
    AwardForm,
    Campaign,
    CampaignKind,
    Commitment,
    ContentArea,
    Dossier,
    DossierInitiative,
    DossierStatus,
    Gender,
    Initiative,
    InitiativeKind,
    Person,
    RecognitionLevel,
    Unit,
)
from desktop.models._base import now, table_of
from desktop.models.decisions import Authority
from desktop.storage import Database

ACTIVITY_TITLES = {
    ActivityKind.PROPAGANDA: "Tuyên truyền Phong trào “Bình dân học vụ số” tại khu dân cư",
    ActivityKind.TRAINING: "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến",
    ActivityKind.DIGITAL_CLASS: "Lớp “Bình dân học vụ số” cho người dân",
    ActivityKind.MEETING: "Hội nghị triển khai chuyển đổi số",
    ActivityKind.INSPECTION: "Kiểm tra việc thực hiện Phong trào thi đua",
    ActivityKind.OTHER: "Ngày hội chuyển đổi số",
}
INITIATIVE_TITLES = (
    "Số hóa hồ sơ lưu trữ của đơn vị",
    "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt VNeID",
    "Thanh toán không dùng tiền mặt tại chợ dân sinh",
    "Sổ tay điện tử tra cứu thủ tục hành chính",
    "Lớp học kỹ năng số cho người cao tuổi",
    "Phần mềm quản lý học sinh và liên lạc với cha mẹ học sinh",
)
RECOGNITION_WEIGHTS: tuple[tuple[RecognitionLevel, float], ...] = (
    (RecognitionLevel.NONE, 4),
    (RecognitionLevel.UNIT, 3),
    (RecognitionLevel.WARD, 3),
    (RecognitionLevel.CITY, 1),
    (RecognitionLevel.NATIONAL, 0.2),
)
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")


@dataclass(frozen=True)
class MovementSize:
    """How much of the record to make for the years ``first_year``–``last_year``."""

    first_year: int
    last_year: int
    review_dossiers: int = 6


def _ids(session: Session, model: type[Any]) -> list[int]:
    return [int(i) for i in session.exec(select(model.id).order_by(col(model.id)))]


def _activities(session: Session, rng: random.Random, units: list[int], years: range) -> None:
    stamp = now()
    per_year = max(12, len(units) // 10)
    kinds = list(ActivityKind)
    rows, organisers = [], []
    next_id = (max(_ids(session, Activity), default=0)) + 1
    for year in years:
        for n in range(per_year):
            kind = kinds[n % len(kinds)]
            total = rng.randint(15, 300)
            officials = rng.randint(0, total // 3)
            students = rng.randint(0, (total - officials) // 2)
            residents = total - officials - students
            rows.append(
                {
                    "id": next_id,
                    "held_on": date(year, 1, 1) + timedelta(days=rng.randint(0, 364)),
                    "kind": kind.name,
                    "title": ACTIVITY_TITLES[kind],
                    "place": "Hội trường UBND phường",
                    "participants": None if n % 40 == 39 else total,
                    "officials": officials,
                    "students": students,
                    "residents": residents,
                    "workers": 0,
                    "note": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            if n % 5:  # one in five: the ward itself organised it
                organisers.append({"activity_id": next_id, "unit_id": rng.choice(units)})
            next_id += 1
    session.connection().execute(insert(table_of(Activity)), rows)
    if organisers:
        session.connection().execute(insert(table_of(ActivityUnit)), organisers)


def _recognition(rng: random.Random) -> RecognitionLevel:
    levels = [level for level, _ in RECOGNITION_WEIGHTS]
    return rng.choices(levels, [weight for _, weight in RECOGNITION_WEIGHTS])[0]


def _initiatives(session: Session, rng: random.Random, units: list[int], years: range) -> None:
    stamp = now()
    areas = _ids(session, ContentArea)
    rows = []
    for year in years:
        for n in range(max(4, len(units) // 100)):
            level = _recognition(rng)
            decided = level not in (RecognitionLevel.NONE, RecognitionLevel.UNIT)
            rows.append(
                {
                    "year": year,
                    "kind": list(InitiativeKind)[n % len(InitiativeKind)].name,
                    "title": f"{INITIATIVE_TITLES[n % len(INITIATIVE_TITLES)]} ({year}-{n + 1})",
                    "unit_id": rng.choice(units),
                    "content_area_id": rng.choice(areas) if areas else None,
                    "effect": "Rút ngắn thời gian giải quyết công việc, được nhân rộng.",
                    "recognition": level.name,
                    "decision": f"Quyết định số {n + 10}/QĐ-UBND ngày 15/11/{year}"
                    if decided
                    else "",
                    "note": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
    session.connection().execute(insert(table_of(Initiative)), rows)


def _commitments(session: Session, rng: random.Random, units: list[int], years: range) -> None:
    stamp = now()
    rows = []
    for year in years:
        for unit_id in units:
            if rng.random() >= 0.9:
                continue
            registered = date(year, 2, 1) + timedelta(days=rng.randint(0, 40))
            rows.append(
                {
                    "year": year,
                    "unit_id": unit_id,
                    "registered_on": registered,
                    "plan_received_on": registered + timedelta(days=10)
                    if rng.random() < 0.78
                    else None,
                    "note": "",
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
    session.connection().execute(insert(table_of(Commitment)), rows)


def _persons(session: Session, units: Sequence[int]) -> list[int]:
    people = [
        Person(
            unit_id=unit_id,
            full_name=NAMES[n % len(NAMES)],
            gender=Gender.FEMALE if n % 2 else Gender.MALE,
            birth_year=1975 + n,
            position="Chuyên viên",
        )
        for n, unit_id in enumerate(units)
    ]
    session.add_all(people)
    session.flush()
    return [int(p.id or 0) for p in people]


def _forms(session: Session) -> dict[str, AwardForm]:
    return {f.code: f for f in session.exec(select(AwardForm))}


def _dossier(
    campaign: Campaign,
    form: AwardForm,
    status: DossierStatus,
    unit_id: int | None = None,
    person_id: int | None = None,
) -> Dossier:
    return Dossier(
        campaign_id=int(campaign.id or 0),
        award_form_id=int(form.id or 0),
        status=status,
        nominee_unit_id=unit_id,
        nominee_person_id=person_id,
        achievement=json.dumps(
            {"dac_diem": "Đơn vị thực hiện tốt Phong trào thi đua trong giai đoạn."},
            ensure_ascii=False,
        ),
    )


def _yearly_awards(session: Session, rng: random.Random, units: list[int], years: range) -> None:
    """Each yearly round before the last year: the Chairman's Giấy khen, the city's Bằng khen."""
    forms = _forms(session)
    for year in years:
        if year == years.stop - 1:
            continue
        campaign = session.exec(
            select(Campaign).where(Campaign.kind == CampaignKind.YEARLY, Campaign.year == year)
        ).first()
        if campaign is None:
            continue
        for code, authority, number, count in (
            ("GKCTP", Authority.WARD, 120, 5),
            ("BKCTTP", Authority.CITY, 2310, 2),
        ):
            decision = AwardDecision(
                campaign_id=int(campaign.id or 0),
                authority=authority,
                number=f"{number}/QĐ-UBND",
                signed_on=date(year, 12, 20),
                issuer="Chủ tịch UBND phường" if authority is Authority.WARD else "UBND thành phố",
            )
            session.add(decision)
            session.flush()
            chosen = rng.sample(units, count)
            persons = _persons(session, chosen[:1])
            nominees = [(u, None) for u in chosen[1:]] + [(None, persons[0])]
            for unit_id, person_id in nominees:
                dossier = _dossier(campaign, forms[code], DossierStatus.AWARDED, unit_id, person_id)
                dossier.decision_id = decision.id
                dossier.decision_number = decision.number
                dossier.decision_date = decision.signed_on
                dossier.decision_issuer = decision.issuer
                session.add(dossier)


def review_campaign(session: Session, last_year: int) -> Campaign | None:
    """The review round the years end in: the sơ kết or the tổng kết of ``last_year``."""
    return session.exec(
        select(Campaign).where(
            col(Campaign.kind).in_((CampaignKind.PRELIMINARY_REVIEW, CampaignKind.FINAL_REVIEW)),
            Campaign.year == last_year,
        )
    ).first()


def _own_activities(session: Session, rng: random.Random, units: list[int], years: range) -> None:
    """A training course of each unit's own in each year (a nominee's record to print)."""
    for unit_id in units:
        for year in years:
            activity = Activity(
                held_on=date(year, 3, 1) + timedelta(days=rng.randint(0, 200)),
                kind=ActivityKind.TRAINING,
                title="Tập huấn kỹ năng số cho cán bộ, người lao động của đơn vị",
                place="Trụ sở đơn vị",
                participants=rng.randint(20, 80),
            )
            session.add(activity)
            session.flush()
            session.add(ActivityUnit(activity_id=int(activity.id or 0), unit_id=unit_id))


def _review_dossiers(
    session: Session, rng: random.Random, units: list[int], size: MovementSize
) -> None:
    campaign = review_campaign(session, size.last_year)
    if campaign is None:
        return
    forms = _forms(session)
    statuses = [DossierStatus.COUNCIL_PROPOSED] * max(size.review_dossiers - 3, 1) + [
        DossierStatus.SENT_UP,
        DossierStatus.AWARDED,
        DossierStatus.DRAFT,
    ]
    # Nominees are units that did something: those with initiatives first (the council proposes
    # whom the record shows), each with an activity of its own in every year reviewed.
    owners = sorted({u for u in session.exec(select(Initiative.unit_id)) if u is not None})
    rng.shuffle(owners)
    others = [u for u in units if u not in set(owners)]
    chosen = owners[: len(statuses)]
    chosen += rng.sample(others, len(statuses) - len(chosen))
    _own_activities(session, rng, chosen, range(size.first_year, size.last_year + 1))
    for n, unit_id in enumerate(chosen):  # a nominee's report names its seat and its head
        unit = session.get(Unit, unit_id)
        if unit is not None:
            unit.address = f"Số {n + 12} đường Trần Thành Ngọ, phường Kiến An"
            unit.head_name, unit.head_position = NAMES[(n + 2) % len(NAMES)], "Thủ trưởng"
            session.add(unit)
    person = _persons(session, chosen[-2:-1])[0]
    for n, (unit_id, status) in enumerate(zip(chosen, statuses, strict=True)):
        individual = n == len(statuses) - 2
        form = forms["BKCTTP" if individual or n % 2 else "CTDTP"]
        dossier = (
            _dossier(campaign, form, status, person_id=person)
            if individual
            else _dossier(campaign, form, status, unit_id=unit_id)
        )
        session.add(dossier)
        session.flush()
        own = session.exec(
            select(Initiative.id)
            .where(Initiative.unit_id == unit_id)
            .order_by(col(Initiative.year), col(Initiative.id))
        ).all()
        for ordinal, initiative_id in enumerate(own[:3], start=1):
            session.add(
                DossierInitiative(
                    dossier_id=int(dossier.id or 0),
                    initiative_id=int(initiative_id or 0),
                    ordinal=ordinal,
                )
            )


def add_synthetic_movement(db: Database, size: MovementSize, seed: int = 11) -> None:
    """Add the movement's record of ``size``'s years to the synthetic ward in ``db``."""
    rng = random.Random(seed)
    years = range(size.first_year, size.last_year + 1)
    with db.session() as session:
        units = _ids(session, Unit)
        _activities(session, rng, units, years)
        _initiatives(session, rng, units, years)
        _commitments(session, rng, units, years)
        _yearly_awards(session, rng, units, years)
        _review_dossiers(session, rng, units, size)
