"""A demo ward to learn the app on, and synthetic wards of any size for benchmarks.

The demo ward (phường mẫu) is Kiến An-like: about forty units of every kind, persons, four quarters
of 2025 values that climb towards the targets with a few laggards, and dossiers at several steps.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from desktop.changes import EVERYTHING, Done, Operation
from desktop.indicators.catalogue import load_catalogue
from desktop.models import (
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierEvent,
    DossierStatus,
    Gender,
    Indicator,
    Person,
    QuarterValue,
    Unit,
    UnitKind,
)
from desktop.models._base import now, table_of
from desktop.paths import resource_path
from desktop.storage import Database

# Which head-count is the denominator of an indicator's population.
POPULATION_COUNT = {
    "staff": "staff_count",
    "students": "student_count",
    "adults": "adult_count",
    "workers": "worker_count",
}


def _demo_data() -> dict[str, Any]:
    with resource_path("catalogue", "demo_ward.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def _person_name(rng: random.Random, data: dict[str, Any], gender: Gender) -> str:
    middle = "Thị" if gender is Gender.FEMALE else rng.choice(data["middle_names"])
    return f"{rng.choice(data['family_names'])} {middle} {rng.choice(data['first_names'])}"


def _demo_units(rng: random.Random, data: dict[str, Any]) -> list[Unit]:
    units = []
    for row in data["units"]:
        code, name, kind, head, position, staff, *rest = row + [None] * (9 - len(row))
        students, _, workers = rest[0], rest[1], rest[2]
        units.append(
            Unit(
                code=code,
                name=name,
                kind=UnitKind(kind),
                head_name=head,
                head_position=position,
                phone=f"0225 38{rng.randint(10000, 99999)}",
                email=f"{code.lower()}@kienan.haiphong.gov.vn" if kind != "business" else "",
                address=f"Số {rng.randint(1, 250)} đường Trần Thành Ngọ, phường Kiến An",
                staff_count=staff,
                student_count=students,
                worker_count=workers,
            )
        )
    for number in range(1, data["residential_groups"] + 1):
        units.append(
            Unit(
                code=f"TDP{number:02d}",
                name=f"Tổ dân phố số {number}",
                kind=UnitKind.RESIDENTIAL_GROUP,
                head_name=_person_name(rng, data, rng.choice(list(Gender))),
                head_position="Tổ trưởng",
                phone=f"09{rng.randint(10000000, 99999999)}",
                address="Phường Kiến An",
                adult_count=rng.randint(450, 1400),
            )
        )
    return units


def _denominator(unit: Unit | dict[str, Any], population: str) -> int | None:
    if population == "schools":
        return 1
    field = POPULATION_COUNT.get(population)
    if field is None:
        return None
    value = getattr(unit, field) if isinstance(unit, Unit) else unit.get(field)
    return value if value else None


def _share(rng: random.Random, start: float, quarter_index: int) -> float:
    return min(1.0, start + 0.07 * quarter_index + rng.uniform(-0.02, 0.03))


def build_demo_ward(db: Database, seed: int = 2025) -> None:
    """Fill an empty database with the catalogue and the demo ward."""
    with db.session() as session:
        fill_demo_ward(session, seed)


def fill_demo_ward(session: Session, seed: int = 2025) -> None:
    """The catalogue and the demo ward, in the caller's transaction."""
    rng = random.Random(seed)
    data = _demo_data()
    load_catalogue(session)
    units = _demo_units(rng, data)
    session.add_all(units)
    session.flush()
    _demo_persons(session, rng, data, units)
    _demo_values(session, rng, units)
    _demo_dossiers(session, units)


def new_ward(demo: bool) -> Operation[None]:
    """Fill an empty data file: the demo ward (phường mẫu), or the plan's catalogue alone
    (phường trống). Everything shown before is then out of date."""

    def operation(session: Session) -> Done[None]:
        if demo:
            fill_demo_ward(session)
        else:
            load_catalogue(session)
        return Done(None, EVERYTHING)

    return operation


def _demo_persons(session: Session, rng: random.Random, data: dict[str, Any], units: list[Unit]) -> None:
    for unit in units:
        assert unit.id is not None  # the units were flushed
        if unit.kind is UnitKind.RESIDENTIAL_GROUP:
            continue
        for _ in range(rng.randint(2, 4)):
            gender = rng.choice(list(Gender))
            session.add(
                Person(
                    unit_id=unit.id,
                    full_name=_person_name(rng, data, gender),
                    gender=gender,
                    birth_year=rng.randint(1968, 1998),
                    position=rng.choice(data["positions"]),
                )
            )


def _demo_values(session: Session, rng: random.Random, units: list[Unit]) -> None:
    indicators = session.exec(select(Indicator)).all()
    for unit in units:
        assert unit.id is not None  # the units were flushed
        laggard = rng.random() < 0.2
        for indicator in indicators:
            assert indicator.id is not None  # read from the database
            if unit.kind.value not in indicator.unit_kind_list:
                continue
            denominator = _denominator(unit, indicator.population)
            if denominator is None:
                continue
            start = rng.uniform(0.25, 0.45) if laggard else rng.uniform(0.5, 0.7)
            for quarter in range(1, 5):
                share = _share(rng, start, quarter - 1)
                session.add(
                    QuarterValue(
                        unit_id=unit.id,
                        indicator_id=indicator.id,
                        year=2025,
                        quarter=quarter,
                        numerator=round(denominator * share),
                        denominator=denominator,
                    )
                )


def _demo_dossiers(session: Session, units: list[Unit]) -> None:
    forms = {f.code: f for f in session.exec(select(AwardForm))}
    campaign = session.exec(
        select(Campaign).where(Campaign.year == 2025, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    by_code = {u.code: u for u in units}
    person = session.exec(select(Person).where(Person.unit_id == by_code["VHXH"].id)).first()
    plan = [
        ("GKCTP", by_code["THCSTTN"], None, DossierStatus.AWARDED),
        ("GKCTP", by_code["TDP03"], None, DossierStatus.SUBMITTED_TO_COUNCIL),
        ("BKCTTP", by_code["VHXH"], None, DossierStatus.SENT_UP),
        ("GKCTP", by_code["DNHPS"], None, DossierStatus.DRAFT),
        ("GKCTP", None, person, DossierStatus.DRAFT),
    ]
    path = {
        DossierStatus.DRAFT: [],
        DossierStatus.SUBMITTED_TO_COUNCIL: [DossierStatus.SUBMITTED_TO_COUNCIL],
        DossierStatus.SENT_UP: [DossierStatus.SUBMITTED_TO_COUNCIL, DossierStatus.SENT_UP],
        DossierStatus.AWARDED: [DossierStatus.SUBMITTED_TO_COUNCIL, DossierStatus.AWARDED],
    }
    assert campaign.id is not None
    for code, unit, nominee, status in plan:
        form_id = forms[code].id
        assert form_id is not None
        dossier = Dossier(
            campaign_id=campaign.id,
            award_form_id=form_id,
            nominee_unit_id=unit.id if unit else None,
            nominee_person_id=nominee.id if nominee else None,
            proposing_unit_id=(unit or by_code["VHXH"]).id,
            status=status,
            achievement=json.dumps(
                {"thanh_tich": "Hoàn thành vượt mức các chỉ tiêu chuyển đổi số năm 2025."},
                ensure_ascii=False,
            ),
        )
        if status is DossierStatus.AWARDED:
            dossier.decision_number = "125/QĐ-UBND"
            dossier.decision_date = date(2025, 12, 20)
            dossier.decision_issuer = "Chủ tịch UBND phường Kiến An"
        session.add(dossier)
        session.flush()
        assert dossier.id is not None  # given by the flush
        session.add(DossierEvent(dossier_id=dossier.id, to_status=DossierStatus.DRAFT, note="Tạo hồ sơ"))
        previous = DossierStatus.DRAFT
        for step in path[status]:
            session.add(DossierEvent(dossier_id=dossier.id, from_status=previous, to_status=step))
            previous = step


@dataclass
class SyntheticSize:
    units: int
    first_year: int
    last_year: int
    indicators: int = 12


_SYNTHETIC_KINDS = [k for k in UnitKind]


def _chunks(rows: Iterable[dict[str, Any]], size: int = 50_000) -> Iterable[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def build_synthetic_ward(db: Database, size: SyntheticSize, seed: int = 7) -> int:
    """A ward of ``size.units`` units for benchmarks; every unit reports every indicator each quarter.

    Written with bulk inserts (no audit trail: it is generated data). Returns the number of values.
    """
    rng = random.Random(seed)
    stamp = now()
    with db.session() as session:
        load_catalogue(session)
        _add_synthetic_indicators(session, size.indicators)
        indicator_ids = [
            i.id for i in session.exec(select(Indicator).order_by(col(Indicator.ordinal)))
        ]
        indicator_ids = indicator_ids[: size.indicators]
        unit_rows = [
            {
                "code": f"DV{n:05d}",
                "name": f"Đơn vị thử nghiệm số {n}",
                "kind": _SYNTHETIC_KINDS[n % len(_SYNTHETIC_KINDS)].name,
                "head_name": "",
                "head_position": "",
                "phone": "",
                "email": "",
                "address": "",
                "active": True,
                "discipline_note": "",
                "note": "",
                "staff_count": rng.randint(5, 80),
                "created_at": stamp,
                "updated_at": stamp,
            }
            for n in range(1, size.units + 1)
        ]
        session.connection().execute(insert(table_of(Unit)), unit_rows)
        unit_ids = [row for row in session.exec(select(Unit.id).order_by(col(Unit.id)))]

        def values() -> Iterable[dict[str, Any]]:
            for unit_id in unit_ids:
                for indicator_id in indicator_ids:
                    denominator = rng.randint(10, 1500)
                    start = rng.uniform(0.3, 0.7)
                    for year in range(size.first_year, size.last_year + 1):
                        for quarter in range(1, 5):
                            step = (year - size.first_year) * 4 + quarter - 1
                            share = min(1.0, start + 0.03 * step)
                            yield {
                                "unit_id": unit_id,
                                "indicator_id": indicator_id,
                                "year": year,
                                "quarter": quarter,
                                "numerator": int(denominator * share),
                                "denominator": denominator,
                                "note": "",
                                "updated_at": stamp,
                            }

        count = 0
        for chunk in _chunks(values()):
            session.connection().execute(insert(table_of(QuarterValue)), chunk)
            count += len(chunk)
    return count


def _add_synthetic_indicators(session: Session, wanted: int) -> None:
    existing = len(session.exec(select(Indicator.id)).all())
    all_kinds = ",".join(k.value for k in UnitKind)
    for n in range(existing + 1, wanted + 1):
        session.add(
            Indicator(
                code=f"TN{n:02d}",
                name=f"Chỉ tiêu thử nghiệm số {n}",
                population="staff",
                numerator_label="Số đạt",
                denominator_label="Tổng số",
                unit_kinds=all_kinds,
                ordinal=n,
            )
        )
    session.flush()


def parse_years(text: str) -> tuple[int, int]:
    """"2025-2030" → (2025, 2030); "2025" → (2025, 2025). Raises ValueError in Vietnamese."""
    parts = text.split("-")
    try:
        first, last = (int(parts[0]), int(parts[-1]))
    except ValueError:
        raise ValueError(f"Khoảng năm “{text}” không hợp lệ; hãy ghi như 2025-2030.") from None
    if len(parts) > 2 or not 2000 <= first <= last <= 2100:
        raise ValueError(f"Khoảng năm “{text}” không hợp lệ; hãy ghi như 2025-2030.")
    return first, last
