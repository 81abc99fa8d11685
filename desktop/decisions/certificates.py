"""Giấy khen of a decision and the certificate register (sổ vào sổ Giấy khen).

The certificates of a Quyết định khen thưởng are its dossiers that stand awarded by it: every
collective and every person it gives a Giấy khen, collectives first, each group by name (the order
of the list attached to the decision). Each certificate is entered in the register of the year the
decision was signed, under the next free number of that year; a certificate printed again keeps
its number, so the register never has a gap nor a number given twice.

Only the Chairman's own decisions are printed here: the certificates of the city and above are
printed and numbered by the authority that signs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.awards.nominees import unit_nominee_kind
from desktop.decisions.errors import DecisionError
from desktop.models import (
    AwardDecision,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierStatus,
    NomineeKind,
    Person,
    Unit,
)
from desktop.models.decisions import Authority, CertificateEntry
from desktop.models.ids import DecisionId, DossierId, saved_id
from desktop.text import sort_key, wording

SortKey = tuple[tuple[int, ...], tuple[int, ...], str]  # desktop.text.sort_key's


@dataclass(frozen=True)
class Certificate:
    """One Giấy khen: who receives it and its place in the register (``number`` None: not yet
    printed, so not yet numbered)."""

    dossier_id: DossierId
    kind: NomineeKind  # COLLECTIVE or BUSINESS for a unit, INDIVIDUAL for a person
    name: str
    detail: str  # a person: position and unit; a collective: its address (or kind)
    award: str
    year: int  # the register's year: the year the decision was signed
    number: int | None = None
    printed_on: date | None = None

    @property
    def register_text(self) -> str:
        """ "3/2025": the certificate's số vào sổ ("" before it is printed)."""
        return f"{self.number}/{self.year}" if self.number is not None else ""

    @property
    def collective(self) -> bool:
        return self.kind is not NomineeKind.INDIVIDUAL


@dataclass(frozen=True)
class DecisionCertificates:
    """A decision as its certificates print it, and its certificates in the register's order."""

    decision_id: DecisionId
    number: str
    signed_on: date
    issuer: str
    campaign: str
    campaign_year: int
    period: str  # "năm 2025", "giai đoạn 2025 - 2027": what the achievement line ends with
    certificates: tuple[Certificate, ...]

    @property
    def numbers_text(self) -> str:
        """ "1–12/2025" (or "4/2025" for one): the register numbers the certificates hold."""
        numbers = sorted(c.number for c in self.certificates if c.number is not None)
        if not numbers:
            return ""
        year = self.signed_on.year
        if numbers[0] == numbers[-1]:
            return f"{numbers[0]}/{year}"
        if numbers == list(range(numbers[0], numbers[-1] + 1)):
            return f"{numbers[0]}–{numbers[-1]}/{year}"
        return ", ".join(str(n) for n in numbers) + f"/{year}"


def printable_decision(session: Session, decision_id: int) -> AwardDecision:
    """The decision whose certificates the ward prints, or the clerk's reason why not."""
    decision = session.get(AwardDecision, decision_id)
    if decision is None:
        raise DecisionError(
            f"Không tìm thấy quyết định khen thưởng mã {decision_id}; hãy kiểm tra mã quyết định "
            "trong sổ theo dõi khen thưởng (awards register)."
        )
    if decision.revoked_on is not None:
        reason = f": {decision.revoke_reason}" if decision.revoke_reason else ""
        raise DecisionError(
            f"Quyết định số {decision.number} đã bị hủy ngày "
            f"{wording.short_date(decision.revoked_on)}{reason}; không in Giấy khen theo "
            "quyết định đã hủy."
        )
    if decision.authority is not Authority.WARD:
        raise DecisionError(
            f"Quyết định số {decision.number} ({decision.issuer or 'cấp trên'}) là quyết định của "
            "thành phố hoặc cấp trên: bằng khen, giấy khen do cơ quan ký quyết định in và vào sổ; "
            "phường chỉ in Giấy khen theo quyết định của Chủ tịch UBND phường."
        )
    return decision


def period_of(campaign: Campaign) -> str:
    """What the achievement line ends with: the round's year, or the stage it reviews."""
    if campaign.kind is CampaignKind.YEARLY:
        return f"năm {campaign.year}"
    return f"giai đoạn 2025 - {campaign.year}"


def decision_certificates(session: Session, decision_id: int) -> DecisionCertificates:
    """The certificates of a printable decision, with their register numbers so far."""
    decision = printable_decision(session, decision_id)
    campaign = session.get(Campaign, decision.campaign_id)
    assert campaign is not None  # a foreign key
    dossiers = session.exec(
        select(Dossier).where(
            Dossier.decision_id == decision.id, Dossier.status == DossierStatus.AWARDED
        )
    ).all()
    entries = {
        e.dossier_id: e
        for e in session.exec(
            select(CertificateEntry).where(CertificateEntry.decision_id == decision.id)
        )
    }
    forms = {f.id: f.name for f in session.exec(select(AwardForm))}
    person_ids = [d.nominee_person_id for d in dossiers if d.nominee_person_id is not None]
    persons = {p.id: p for p in session.exec(select(Person).where(col(Person.id).in_(person_ids)))}
    unit_ids = {d.nominee_unit_id for d in dossiers} | {p.unit_id for p in persons.values()}
    units = {u.id: u for u in session.exec(select(Unit).where(col(Unit.id).in_(unit_ids)))}
    year = decision.signed_on.year
    certificates = []
    for dossier in dossiers:
        entry = entries.get(saved_id(dossier.id))
        kind, name, detail = _nominee(dossier, units, persons)
        certificates.append(
            Certificate(
                dossier_id=DossierId(saved_id(dossier.id)),
                kind=kind,
                name=name,
                detail=detail,
                award=forms.get(dossier.award_form_id, ""),
                year=entry.year if entry else year,
                number=entry.number if entry else None,
                printed_on=entry.printed_on if entry else None,
            )
        )
    certificates.sort(key=_list_order)
    return DecisionCertificates(
        decision_id=DecisionId(saved_id(decision.id)),
        number=decision.number,
        signed_on=decision.signed_on,
        issuer=decision.issuer,
        campaign=campaign.name,
        campaign_year=campaign.year,
        period=period_of(campaign),
        certificates=tuple(certificates),
    )


def _list_order(certificate: Certificate) -> tuple[int, int, SortKey]:
    """Numbered ones as numbered; the rest as the decision's list: collectives, then persons."""
    if certificate.number is not None:
        return (0, certificate.number, sort_key(""))
    return (1, 0 if certificate.collective else 1, sort_key(certificate.name))


def _nominee(
    dossier: Dossier, units: dict[int | None, Unit], persons: dict[int | None, Person]
) -> tuple[NomineeKind, str, str]:
    if dossier.nominee_unit_id is not None:
        unit = units[dossier.nominee_unit_id]
        return unit_nominee_kind(unit), unit.name, unit.address or unit.kind.label
    person = persons[dossier.nominee_person_id]
    unit_name = units[person.unit_id].name if person.unit_id in units else ""
    return (
        NomineeKind.INDIVIDUAL,
        person.full_name,
        ", ".join(part for part in (person.position, unit_name) if part),
    )


def next_number(session: Session, year: int) -> int:
    """The next free number of the year's certificate register."""
    last = session.exec(
        select(func.max(CertificateEntry.number)).where(CertificateEntry.year == year)
    ).one()
    return (last or 0) + 1


def enter_certificates(
    session: Session, decision_id: int, printed_on: date
) -> DecisionCertificates:
    """Number, in the caller's transaction, the certificates of the decision not yet in the
    register (in the list's order, from the year's next free number); those already numbered keep
    their number. Returns the decision's certificates, all numbered."""
    current = decision_certificates(session, decision_id)
    if not current.certificates:
        raise DecisionError(
            f"Quyết định số {current.number} chưa khen thưởng tập thể, cá nhân nào "
            "(không có hồ sơ “Được khen thưởng” theo quyết định này); không có Giấy khen để in."
        )
    year = current.signed_on.year
    number = next_number(session, year)
    for certificate in current.certificates:
        if certificate.number is not None:
            continue
        session.add(
            CertificateEntry(
                decision_id=current.decision_id,
                dossier_id=certificate.dossier_id,
                year=year,
                number=number,
                printed_on=printed_on,
            )
        )
        number += 1
    session.flush()
    return decision_certificates(session, decision_id)


def certificate_numbers(session: Session, dossier_ids: Sequence[int]) -> dict[tuple[int, int], str]:
    """Số vào sổ ("3/2025") by (decision, dossier) of the certificates printed for the dossiers
    (a dossier awarded again by another decision after a revocation has one per decision)."""
    if not dossier_ids:
        return {}
    entries = session.exec(
        select(CertificateEntry).where(col(CertificateEntry.dossier_id).in_(list(dossier_ids)))
    )
    return {(e.decision_id, e.dossier_id): f"{e.number}/{e.year}" for e in entries}
