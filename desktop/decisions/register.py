"""Sổ theo dõi khen thưởng: every decision and every award across the movement (2025–2030).

The awards are the dossiers that stand awarded (by a decision recorded here, or — for dossiers
kept before decisions were records — by the number typed on the dossier), and the earlier awards
the clerk entered by hand (:class:`~desktop.models.PriorAward`). A revoked decision stays in the
list of decisions, marked "Đã hủy: lý do"; its dossiers no longer stand awarded, so its awards are
not counted. A row's year is the year of the round (đợt xét) the award was given in, as in the
nominee's history (:func:`desktop.awards.history.nominee_history`); an earlier award has the year
the clerk wrote.

Filters: a year, a unit (the unit as a collective and the persons of that unit), a person.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.awards.nominees import unit_nominee_kind
from desktop.decisions.certificates import SortKey, certificate_numbers
from desktop.decisions.errors import DecisionError
from desktop.models import (
    AwardDecision,
    AwardForm,
    Campaign,
    Dossier,
    DossierStatus,
    NomineeKind,
    Person,
    PriorAward,
    Unit,
)
from desktop.models.ids import DecisionId, DossierId, PersonId, UnitId, saved_id
from desktop.text import sort_key, wording

EARLIER = "Khen thưởng đã nhận (ghi tay)"


@dataclass(frozen=True)
class RegisterFilter:
    """Which awards to show; None: all."""

    year: int | None = None
    unit_id: UnitId | None = None
    person_id: PersonId | None = None


@dataclass(frozen=True)
class AwardRow:
    """One award of the register."""

    year: int
    award: str
    nominee: str
    nominee_kind: NomineeKind
    unit: str  # the collective itself, or the person's unit
    decision_number: str
    decision_date: date | None
    issuer: str
    bonus: int  # tiền thưởng, đồng (0 when none or not known)
    certificate: str  # số vào sổ Giấy khen "3/2025"; "" when not printed here
    unit_id: UnitId | None = None  # the unit the award counts for (filter by unit)
    person_id: PersonId | None = None
    dossier_id: DossierId | None = None
    decision_id: DecisionId | None = None
    prior_award_id: int | None = None

    @property
    def earlier(self) -> bool:
        """An award entered by hand, not a dossier of the app."""
        return self.prior_award_id is not None

    @property
    def decision_text(self) -> str:
        """ "125/QĐ-UBND ngày 20/12/2025" ("" when not known)."""
        when = f" ngày {wording.short_date(self.decision_date)}" if self.decision_date else ""
        return f"{self.decision_number}{when}".strip()

    @property
    def bonus_text(self) -> str:
        return wording.money(self.bonus) if self.bonus else ""


@dataclass(frozen=True)
class DecisionLine:
    """One decision of the register, with what it awarded (nothing counted once revoked)."""

    id: DecisionId
    number: str
    signed_on: date
    issuer: str
    authority: str
    campaign: str
    year: int  # the round's year
    collectives: int
    individuals: int
    bonus: int
    revoked_on: date | None = None
    revoke_reason: str = ""

    @property
    def revoked(self) -> bool:
        return self.revoked_on is not None

    @property
    def status(self) -> str:
        if self.revoked_on is None:
            return "Có hiệu lực"
        return f"Đã hủy: {self.revoke_reason}" if self.revoke_reason else "Đã hủy"


@dataclass(frozen=True)
class AwardRegister:
    where: RegisterFilter
    decisions: tuple[DecisionLine, ...]
    rows: tuple[AwardRow, ...]

    @property
    def collectives(self) -> int:
        return sum(1 for r in self.rows if r.nominee_kind is not NomineeKind.INDIVIDUAL)

    @property
    def individuals(self) -> int:
        return sum(1 for r in self.rows if r.nominee_kind is NomineeKind.INDIVIDUAL)

    @property
    def bonus(self) -> int:
        return sum(r.bonus for r in self.rows)


def check_filter(session: Session, where: RegisterFilter) -> None:
    """Refuse a unit or person that is not in the register (a typed number)."""
    if where.unit_id is not None and session.get(Unit, where.unit_id) is None:
        raise DecisionError(f"Không có đơn vị số {where.unit_id} trong sổ đăng ký.")
    if where.person_id is not None and session.get(Person, where.person_id) is None:
        raise DecisionError(f"Không có cá nhân số {where.person_id} trong sổ đăng ký.")


def award_register(session: Session, where: RegisterFilter | None = None) -> AwardRegister:
    """The register as filtered: its decisions and its awards, in the order of the book."""
    where = where or RegisterFilter()
    check_filter(session, where)
    units = {u.id: u for u in session.exec(select(Unit))}
    persons = {p.id: p for p in session.exec(select(Person))}
    rows = [
        row
        for row in [
            *_dossier_rows(session, units, persons),
            *_earlier_rows(session, units, persons),
        ]
        if _kept(row, where)
    ]
    rows.sort(key=_book_order)
    return AwardRegister(where, tuple(_decisions(session, where, rows)), tuple(rows))


def register_read(where: RegisterFilter | None = None) -> Callable[[Session], AwardRegister]:
    """A read for the door: the register as filtered."""
    return lambda session: award_register(session, where)


def _kept(row: AwardRow, where: RegisterFilter) -> bool:
    if where.year is not None and row.year != where.year:
        return False
    if where.unit_id is not None and row.unit_id != where.unit_id:
        return False
    return where.person_id is None or row.person_id == where.person_id


def _book_order(row: AwardRow) -> tuple[int, date, SortKey, int, SortKey]:
    return (
        row.year,
        row.decision_date or date.min,
        sort_key(row.decision_number or row.award),
        1 if row.nominee_kind is NomineeKind.INDIVIDUAL else 0,
        sort_key(row.nominee),
    )


def _who(
    unit_id: int | None,
    person_id: int | None,
    units: dict[int | None, Unit],
    persons: dict[int | None, Person],
) -> tuple[str, NomineeKind, str, UnitId | None, PersonId | None]:
    if unit_id is not None:
        unit = units[unit_id]
        return unit.name, unit_nominee_kind(unit), unit.name, UnitId(unit_id), None
    person = persons[person_id]
    unit_name = units[person.unit_id].name if person.unit_id in units else ""
    return (
        person.full_name,
        NomineeKind.INDIVIDUAL,
        unit_name,
        UnitId(person.unit_id),
        PersonId(saved_id(person.id)),
    )


def _dossier_rows(
    session: Session, units: dict[int | None, Unit], persons: dict[int | None, Person]
) -> list[AwardRow]:
    found = session.exec(
        select(Dossier, AwardForm, Campaign)
        .join(AwardForm, col(AwardForm.id) == Dossier.award_form_id)
        .join(Campaign, col(Campaign.id) == Dossier.campaign_id)
        .where(Dossier.status == DossierStatus.AWARDED)
    ).all()
    decisions = {d.id: d for d in session.exec(select(AwardDecision))}
    numbers = certificate_numbers(session, [saved_id(d.id) for d, _f, _c in found])
    rows = []
    for dossier, form, campaign in found:
        decision = decisions.get(dossier.decision_id)
        if decision is not None and decision.revoked_on is not None:
            continue  # a revoked decision awards nothing (its dossiers are normally moved back)
        name, kind, unit, unit_id, person_id = _who(
            dossier.nominee_unit_id, dossier.nominee_person_id, units, persons
        )
        rows.append(
            AwardRow(
                year=campaign.year,
                award=form.name,
                nominee=name,
                nominee_kind=kind,
                unit=unit,
                decision_number=decision.number if decision else dossier.decision_number,
                decision_date=decision.signed_on if decision else dossier.decision_date,
                issuer=(decision.issuer if decision else dossier.decision_issuer) or form.issuer,
                bonus=dossier.bonus_amount,
                certificate=numbers.get((dossier.decision_id or 0, saved_id(dossier.id)), ""),
                unit_id=unit_id,
                person_id=person_id,
                dossier_id=DossierId(saved_id(dossier.id)),
                decision_id=DecisionId(decision.id) if decision and decision.id else None,
            )
        )
    return rows


def _earlier_rows(
    session: Session, units: dict[int | None, Unit], persons: dict[int | None, Person]
) -> list[AwardRow]:
    rows = []
    for prior in session.exec(select(PriorAward)):
        name, kind, unit, unit_id, person_id = _who(prior.unit_id, prior.person_id, units, persons)
        rows.append(
            AwardRow(
                year=prior.year,
                award=prior.award_name,
                nominee=name,
                nominee_kind=kind,
                unit=unit,
                decision_number=prior.decision,
                decision_date=None,
                issuer=EARLIER,
                bonus=0,
                certificate="",
                unit_id=unit_id,
                person_id=person_id,
                prior_award_id=prior.id,
            )
        )
    return rows


def _decisions(session: Session, where: RegisterFilter, rows: list[AwardRow]) -> list[DecisionLine]:
    """The recorded decisions of the rows; without a unit or person filter also those that
    awarded nothing now (revoked ones, marked so)."""
    by_nominee = where.unit_id is not None or where.person_id is not None
    counted: dict[int, list[AwardRow]] = {}
    for row in rows:
        if row.decision_id is not None:
            counted.setdefault(row.decision_id, []).append(row)
    campaigns = {c.id: c for c in session.exec(select(Campaign))}
    lines = []
    for decision in session.exec(select(AwardDecision)):
        campaign = campaigns[decision.campaign_id]
        if where.year is not None and campaign.year != where.year:
            continue
        awarded = counted.get(saved_id(decision.id), [])
        if by_nominee and not awarded:
            continue
        lines.append(
            DecisionLine(
                id=DecisionId(saved_id(decision.id)),
                number=decision.number,
                signed_on=decision.signed_on,
                issuer=decision.issuer or decision.authority.label,
                authority=decision.authority.label,
                campaign=campaign.name,
                year=campaign.year,
                collectives=sum(1 for r in awarded if r.nominee_kind is not NomineeKind.INDIVIDUAL),
                individuals=sum(1 for r in awarded if r.nominee_kind is NomineeKind.INDIVIDUAL),
                bonus=sum(r.bonus for r in awarded),
                revoked_on=decision.revoked_on,
                revoke_reason=decision.revoke_reason,
            )
        )
    lines.sort(key=lambda line: (line.signed_on, sort_key(line.number)))
    return lines
