"""Lịch sử khen thưởng of a nominee: awards entered by hand and the dossiers the app has kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.awards.errors import DossierError
from desktop.awards.nominees import find_nominee
from desktop.models import AwardDecision, AwardForm, Campaign, Dossier, DossierStatus, PriorAward
from desktop.text import clean_line, wording


@dataclass(frozen=True)
class HistoryLine:
    """One award (or proposal) of the nominee; ``dossier_id`` None for one entered by hand."""

    year: int
    award: str
    decision: str
    status: str
    dossier_id: int | None = None
    prior_award_id: int | None = None

    @property
    def awarded(self) -> bool:
        return self.dossier_id is None or self.status == DossierStatus.AWARDED.label


def nominee_history(
    session: Session,
    unit_id: int | None = None,
    person_id: int | None = None,
    *,
    awarded_only: bool = False,
    exclude_dossier_id: int | None = None,
) -> list[HistoryLine]:
    """Every award of the nominee, newest first; with ``awarded_only`` the proposals are left out."""
    find_nominee(session, unit_id, person_id)
    lines: list[HistoryLine] = []
    priors = select(PriorAward).where(
        PriorAward.unit_id == unit_id if unit_id is not None else PriorAward.person_id == person_id
    )
    for prior in session.exec(priors):
        lines.append(
            HistoryLine(
                prior.year, prior.award_name, prior.decision, "Đã nhận", prior_award_id=prior.id
            )
        )
    # The awards decided through recorded decisions (Quyết định khen thưởng) are read from the
    # decision itself, as corrected; a revoked decision awards nothing.
    dossiers = (
        select(Dossier, AwardForm, Campaign, AwardDecision)
        .join(AwardForm)
        .join(Campaign)
        .join(AwardDecision, col(AwardDecision.id) == Dossier.decision_id, isouter=True)
    )
    dossiers = dossiers.where(
        Dossier.nominee_unit_id == unit_id
        if unit_id is not None
        else Dossier.nominee_person_id == person_id
    )
    for dossier, form, campaign, decision in session.exec(dossiers):
        if dossier.id == exclude_dossier_id:
            continue
        revoked = decision is not None and decision.revoked_on is not None
        awarded = dossier.status is DossierStatus.AWARDED and not revoked
        if awarded_only and not awarded:
            continue
        lines.append(
            HistoryLine(
                year=campaign.year,
                award=form.name,
                decision=_decision_text(dossier, decision),
                status=dossier.status.label if awarded or not revoked else "Quyết định đã hủy",
                dossier_id=dossier.id,
            )
        )
    return sorted(lines, key=lambda line: (-line.year, line.award))


def _decision_text(dossier: Dossier, decision: AwardDecision | None) -> str:
    number, signed_on, issuer = (
        (decision.number, decision.signed_on, decision.issuer or dossier.decision_issuer)
        if decision is not None
        else (dossier.decision_number, dossier.decision_date, dossier.decision_issuer)
    )
    if not number:
        return ""
    when = f" ngày {wording.short_date(signed_on)}" if signed_on else ""
    by = f" của {issuer}" if issuer else ""
    text = f"Quyết định số {number}{when}{by}"
    if decision is not None and decision.revoked_on is not None:
        text += f" (đã hủy ngày {wording.short_date(decision.revoked_on)})"
    return text


def add_prior_award(
    session: Session,
    year: int,
    award_name: str,
    decision: str = "",
    *,
    unit_id: int | None = None,
    person_id: int | None = None,
) -> PriorAward:
    """Khen thưởng đã nhận before the app (or in other movements), entered by hand."""
    find_nominee(session, unit_id, person_id)
    name = clean_line(award_name)
    if not name:
        raise DossierError("Hãy ghi tên danh hiệu / hình thức khen thưởng đã nhận.")
    if not 1945 <= year <= date.today().year:
        raise DossierError(f"Năm được khen thưởng phải từ 1945 đến {date.today().year}.")
    prior = PriorAward(
        unit_id=unit_id,
        person_id=person_id,
        year=year,
        award_name=name,
        decision=clean_line(decision),
    )
    session.add(prior)
    session.flush()
    return prior


def remove_prior_award(session: Session, prior_award_id: int) -> None:
    prior = session.get(PriorAward, prior_award_id)
    if prior is None:
        raise DossierError("Không tìm thấy khen thưởng đã nhận cần xóa.")
    session.delete(prior)
    session.flush()
