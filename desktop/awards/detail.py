"""One dossier as the clerk reads it: nominee, checklists, papers, files, history, and what is missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from desktop.awards.catalogue import components_of, criteria_of, get_award_form, get_campaign
from desktop.awards.dossiers import get_dossier, read_achievement
from desktop.awards.nominees import Nominee, nominee_of
from desktop.models import (
    Attachment,
    AwardCriterion,
    AwardForm,
    Campaign,
    Dossier,
    DossierComponent,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    Unit,
)
from desktop.models.ids import saved_id


@dataclass(frozen=True)
class CriterionLine:
    criterion: AwardCriterion
    met: bool
    evidence: str


@dataclass(frozen=True)
class ComponentLine:
    component: DossierComponent
    present: bool
    note: str
    attachments: tuple[Attachment, ...] = ()

    @property
    def satisfied(self) -> bool:
        """A paper counts when marked present on paper or when a file is attached for it."""
        return self.present or bool(self.attachments)


@dataclass
class DossierDetail:
    dossier: Dossier
    campaign: Campaign
    award: AwardForm
    nominee: Nominee
    proposer: str
    achievement: dict[str, str]
    criteria: list[CriterionLine]
    components: list[ComponentLine]
    attachments: list[Attachment]
    events: list[DossierEvent] = field(default_factory=list)

    def missing(self, *, before_council: bool = False) -> list[str]:
        """What keeps the dossier from being complete, one Vietnamese line each.

        ``before_council``: the papers the app makes later in the chain (Tờ trình, Danh sách,
        Biên bản, ``made_by``) are not asked for yet. A heading line of the standards is never
        missing: it only introduces the others.
        """
        lines = [
            f"Thiếu thành phần hồ sơ: {c.component.name}"
            for c in self.components
            if c.component.required
            and not c.satisfied
            and not (before_council and c.component.made_by)
        ]
        standards = [c for c in self.criteria if not c.criterion.heading]
        lines += [
            f"Chưa đạt tiêu chuẩn {i}: {_short(c.criterion.text)}"
            for i, c in enumerate(standards, start=1)
            if not c.met
        ]
        return lines

    def warnings(self) -> list[str]:
        """What must be looked at before the dossier goes on, beyond completeness."""
        lines = []
        if self.nominee.flagged:
            lines.append(
                f"Đối tượng đang bị kỷ luật hoặc khiếu nại: {self.nominee.discipline_note} "
                "(việc khen thưởng phải chờ kết luận)."
            )
        if not self.nominee.active:
            lines.append(f"“{self.nominee.name}” đã ngừng hoạt động trong sổ đăng ký.")
        return lines


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def load_detail(session: Session, dossier_id: int) -> DossierDetail:
    dossier = get_dossier(session, dossier_id)
    nominee = nominee_of(session, dossier)
    award = get_award_form(session, dossier.award_form_id)
    criteria_checks = {
        c.criterion_id: c
        for c in session.exec(
            select(DossierCriterionCheck).where(DossierCriterionCheck.dossier_id == dossier_id)
        )
    }
    component_checks = {
        c.component_id: c
        for c in session.exec(
            select(DossierComponentCheck).where(DossierComponentCheck.dossier_id == dossier_id)
        )
    }
    attachments = list(
        session.exec(
            select(Attachment)
            .where(Attachment.dossier_id == dossier_id)
            .order_by(col(Attachment.id))
        )
    )
    criteria = []
    for criterion in criteria_of(session, saved_id(award.id), nominee.kind):
        check = criteria_checks.get(saved_id(criterion.id))
        criteria.append(
            CriterionLine(criterion, bool(check and check.met), check.evidence if check else "")
        )
    components = []
    for component in components_of(session, saved_id(award.id)):
        paper = component_checks.get(saved_id(component.id))
        files = tuple(a for a in attachments if a.component_id == component.id)
        components.append(
            ComponentLine(
                component, bool(paper and paper.present), paper.note if paper else "", files
            )
        )
    proposer = session.get(Unit, dossier.proposing_unit_id) if dossier.proposing_unit_id else None
    events = list(
        session.exec(
            select(DossierEvent)
            .where(DossierEvent.dossier_id == dossier_id)
            .order_by(col(DossierEvent.at), col(DossierEvent.id))
        )
    )
    return DossierDetail(
        dossier=dossier,
        campaign=get_campaign(session, dossier.campaign_id),
        award=award,
        nominee=nominee,
        proposer=proposer.name if proposer else "",
        achievement=read_achievement(dossier),
        criteria=criteria,
        components=components,
        attachments=attachments,
        events=events,
    )
