"""Award dossiers (hồ sơ khen thưởng): creating one, filling it in, and the list with its filters.

The workflow (moving a dossier between statuses) is in :mod:`desktop.awards.workflow`; the full view of one
dossier in :mod:`desktop.awards.detail`; files in :mod:`desktop.awards.attachments`.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_award_form, get_campaign, nominee_kinds_of
from desktop.awards.errors import DossierError
from desktop.awards.nominees import Nominee, find_nominee, nominee_from_person, nominee_from_unit
from desktop.awards.rules import Closing, Replaced, check_new_dossier, check_tickable
from desktop.awards.rules import reason as replacement_reason
from desktop.models import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    Campaign,
    Dossier,
    DossierComponent,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    DossierStatus,
    NomineeKind,
    Person,
    Unit,
)
from desktop.models.ids import AwardFormId, CampaignId, DossierId, PersonId, UnitId, saved_id
from desktop.paths import resource_path
from desktop.storage.hooks import set_audit_reason
from desktop.text import clean, matches

# A dossier may be filled in while it is with the clerk; once submitted, its record stays as judged.
EDITABLE_STATUSES = (DossierStatus.DRAFT, DossierStatus.RETURNED)
# Past the deadline, a dossier still with the clerk is late; one already submitted is not.
OPEN_STATUSES = EDITABLE_STATUSES


@dataclass(frozen=True)
class AchievementSection:
    key: str
    title: str
    hint: str


@lru_cache(maxsize=1)
def achievement_sections() -> tuple[AchievementSection, ...]:
    """The sections of a báo cáo thành tích, from ``resources/catalogue/achievement_sections.json``."""
    with resource_path("catalogue", "achievement_sections.json").open(encoding="utf-8") as handle:
        data = json.load(handle)
    return tuple(AchievementSection(**s) for s in data["sections"])


def read_achievement(dossier: Dossier) -> dict[str, str]:
    """The achievement text by section key; a damaged JSON text reads as empty rather than failing."""
    try:
        value = json.loads(dossier.achievement or "{}")
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


# -- creating and filling in ------------------------------------------------------------------------
@dataclass
class NewDossier:
    """What the clerk chooses for a new dossier: the round, the award, exactly one nominee."""

    campaign_id: CampaignId
    award_form_id: AwardFormId
    nominee_unit_id: UnitId | None = None
    nominee_person_id: PersonId | None = None
    proposing_unit_id: UnitId | None = None
    note: str = ""
    # A higher form replacing the nominee's lower dossier of the campaign, closed with it.
    replace: bool = False


@dataclass(frozen=True)
class Created:
    """A new dossier and the lower dossiers it replaced (closed in the same transaction)."""

    dossier: Dossier
    replaced: tuple[Replaced, ...] = ()

    @property
    def dossier_id(self) -> DossierId:
        return DossierId(saved_id(self.dossier.id))


def create_dossier(session: Session, new: NewDossier) -> Dossier:
    """A new dossier in Nháp, with the first line of its history (see :func:`add_dossier`)."""
    return add_dossier(session, new).dossier


def add_dossier(session: Session, new: NewDossier) -> Created:
    """A new dossier in Nháp, with the first line of its history.

    Refused: an inactive entry of the catalogue, a nominee that was deactivated or is of a kind the
    entry is not for, a form the campaign's round does not offer, and a second live dossier of the
    nominee in the campaign (:mod:`desktop.awards.rules`) — unless ``new.replace`` asks that a
    higher form replace a lower one not yet decided, which is then closed here.
    """
    campaign = get_campaign(session, new.campaign_id)
    form = get_award_form(session, new.award_form_id)
    if not form.active:
        raise DossierError(
            f"“{form.name}” đã ngừng sử dụng trong danh mục; không tạo hồ sơ mới được."
        )
    nominee = find_nominee(session, new.nominee_unit_id, new.nominee_person_id)
    if not nominee.active:
        raise DossierError(
            f"“{nominee.name}” đã ngừng hoạt động trong sổ đăng ký nên không thể đề nghị khen thưởng."
        )
    if nominee.kind not in nominee_kinds_of(form):
        allowed = ", ".join(k.label.lower() for k in nominee_kinds_of(form))
        raise DossierError(
            f"“{form.name}” chỉ dành cho {allowed}; “{nominee.name}” là {nominee.kind.label.lower()}."
        )
    replaced = check_new_dossier(session, campaign, form, nominee, replace=new.replace)
    if new.proposing_unit_id is not None and session.get(Unit, new.proposing_unit_id) is None:
        raise DossierError("Không tìm thấy đơn vị đề nghị trong sổ đăng ký.")
    proposer = new.proposing_unit_id
    if proposer is None and nominee.unit_id is not None:
        proposer = nominee.unit_id
    elif proposer is None and nominee.results_unit_id is not None:
        proposer = nominee.results_unit_id
    dossier = Dossier(
        campaign_id=saved_id(campaign.id),
        award_form_id=saved_id(form.id),
        nominee_unit_id=new.nominee_unit_id,
        nominee_person_id=new.nominee_person_id,
        proposing_unit_id=proposer,
        note=clean(new.note),
    )
    session.add(dossier)
    session.flush()
    dossier_id = saved_id(dossier.id)
    first_note = "Tạo hồ sơ"
    if replaced:
        first_note += ", thay " + ", ".join(f"hồ sơ số {r.dossier_id}" for r in replaced)
    session.add(DossierEvent(dossier_id=dossier_id, to_status=DossierStatus.DRAFT, note=first_note))
    session.flush()
    for lower in replaced:
        _close_replaced(session, lower, dossier_id)
    return Created(dossier, tuple(replaced))


def _close_replaced(session: Session, lower: Replaced, new_id: int) -> None:
    """Close the lower dossier a higher form replaces: a Nháp is deleted; past Nháp, the clerk's
    step to Không được khen thưởng is written in its history (the workflow allows it from Hội đồng
    đề nghị and Đã gửi cấp trên, the only statuses :func:`check_one_form` lets through)."""
    from desktop.awards.workflow import move_dossier

    why = replacement_reason(new_id)
    if lower.closing is Closing.DELETE:
        delete_dossier(session, lower.dossier_id, why)
    else:
        move_dossier(session, lower.dossier_id, DossierStatus.NOT_AWARDED, note=why)


def get_dossier(session: Session, dossier_id: int) -> Dossier:
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise DossierError(f"Không tìm thấy hồ sơ số {dossier_id}.")
    return dossier


def editable_dossier(session: Session, dossier_id: int) -> Dossier:
    dossier = get_dossier(session, dossier_id)
    if dossier.status not in EDITABLE_STATUSES:
        raise DossierError(
            f"Hồ sơ số {dossier_id} đang ở trạng thái “{dossier.status.label}”; chỉ sửa được nội dung "
            "khi hồ sơ ở trạng thái Nháp hoặc Trả lại bổ sung."
        )
    return dossier


def save_achievement(session: Session, dossier_id: int, sections: dict[str, str]) -> None:
    """Keep the achievement text; unknown section keys are refused rather than silently lost."""
    dossier = editable_dossier(session, dossier_id)
    known = {s.key for s in achievement_sections()}
    unknown = set(sections) - known
    if unknown:
        raise DossierError(
            f"Mục báo cáo thành tích không có trong mẫu: {', '.join(sorted(unknown))}."
        )
    text = {key: clean(value) for key, value in sections.items() if clean(value)}
    dossier.achievement = json.dumps(text, ensure_ascii=False, sort_keys=True)
    session.add(dossier)
    session.flush()


def save_details(
    session: Session, dossier_id: int, proposing_unit_id: int | None, note: str
) -> None:
    dossier = editable_dossier(session, dossier_id)
    if proposing_unit_id is not None and session.get(Unit, proposing_unit_id) is None:
        raise DossierError("Không tìm thấy đơn vị đề nghị trong sổ đăng ký.")
    dossier.proposing_unit_id = proposing_unit_id
    dossier.note = clean(note)
    session.add(dossier)
    session.flush()


def set_criterion(
    session: Session, dossier_id: int, criterion_id: int, met: bool, evidence: str = ""
) -> DossierCriterionCheck:
    """Tick (or untick) one standard with the note of its evidence (minh chứng)."""
    dossier = editable_dossier(session, dossier_id)
    criterion = session.get(AwardCriterion, criterion_id)
    if criterion is None or criterion.award_form_id != dossier.award_form_id:
        raise DossierError("Tiêu chuẩn này không thuộc hình thức khen thưởng của hồ sơ.")
    if met or clean(evidence):
        check_tickable(criterion)
    check = session.exec(
        select(DossierCriterionCheck).where(
            DossierCriterionCheck.dossier_id == dossier_id,
            DossierCriterionCheck.criterion_id == criterion_id,
        )
    ).first() or DossierCriterionCheck(dossier_id=dossier_id, criterion_id=criterion_id)
    check.met, check.evidence = met, clean(evidence)
    session.add(check)
    session.flush()
    return check


def set_component(
    session: Session, dossier_id: int, component_id: int, present: bool, note: str = ""
) -> DossierComponentCheck:
    """Mark a paper of the dossier as present (on paper) or not."""
    dossier = editable_dossier(session, dossier_id)
    component = session.get(DossierComponent, component_id)
    if component is None or component.award_form_id != dossier.award_form_id:
        raise DossierError("Thành phần này không thuộc hồ sơ của hình thức khen thưởng đã chọn.")
    check = session.exec(
        select(DossierComponentCheck).where(
            DossierComponentCheck.dossier_id == dossier_id,
            DossierComponentCheck.component_id == component_id,
        )
    ).first() or DossierComponentCheck(dossier_id=dossier_id, component_id=component_id)
    check.present, check.note = present, clean(note)
    session.add(check)
    session.flush()
    return check


def delete_dossier(session: Session, dossier_id: int, reason: str) -> None:
    """Only a Nháp can be deleted (a mistake); anything submitted stays on record. Files stay stored."""
    from desktop.models import Attachment

    dossier = get_dossier(session, dossier_id)
    if dossier.status is not DossierStatus.DRAFT:
        raise DossierError(
            f"Hồ sơ số {dossier_id} đã qua bước Nháp ({dossier.status.label}); không xóa được."
        )
    if not clean(reason):
        raise DossierError("Hãy ghi lý do xóa hồ sơ.")
    set_audit_reason(session, reason)
    for table in (DossierCriterionCheck, DossierComponentCheck, DossierEvent, Attachment):
        for row in session.exec(select(table).where(table.dossier_id == dossier_id)):
            session.delete(row)
    session.flush()
    session.delete(dossier)
    session.flush()


# -- the list -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DossierRow:
    dossier: Dossier
    nominee: str
    award: str
    campaign: str
    nominee_kind: NomineeKind = NomineeKind.COLLECTIVE
    category: AwardCategory = AwardCategory.AWARD_FORM
    level: int = 1
    level_label: str = ""
    proposer: str = ""
    deadline: date | None = None
    overdue: bool = False
    discipline_note: str = ""

    @property
    def status(self) -> DossierStatus:
        return self.dossier.status

    @property
    def flagged(self) -> bool:
        return bool(self.discipline_note)

    @property
    def search_text(self) -> str:
        return " ".join(
            (str(self.dossier.id), self.nominee, self.award, self.campaign, self.proposer)
        )


@dataclass(frozen=True)
class DossierFilter:
    """Lọc danh sách hồ sơ; None means any."""

    campaign_id: int | None = None
    status: DossierStatus | None = None
    level: int | None = None
    nominee_kind: NomineeKind | None = None
    query: str = ""

    def accepts(self, row: DossierRow) -> bool:
        d = row.dossier
        return (
            (self.campaign_id is None or d.campaign_id == self.campaign_id)
            and (self.status is None or d.status is self.status)
            and (self.level is None or row.level == self.level)
            and (self.nominee_kind is None or row.nominee_kind is self.nominee_kind)
            and (not self.query.strip() or matches(self.query, row.search_text))
        )


def is_overdue(dossier: Dossier, campaign: Campaign, today: date) -> bool:
    return (
        dossier.status in OPEN_STATUSES
        and campaign.deadline is not None
        and today > campaign.deadline
    )


def list_dossiers(
    session: Session, where: DossierFilter | None = None, today: date | None = None
) -> list[DossierRow]:
    """Every dossier (or those ``where`` accepts), newest campaign first, with its list columns."""
    today = today or date.today()
    units = {u.id: u for u in session.exec(select(Unit))}
    persons = {p.id: p for p in session.exec(select(Person))}
    forms: dict[int | None, AwardForm] = {f.id: f for f in session.exec(select(AwardForm))}
    campaigns: dict[int | None, Campaign] = {c.id: c for c in session.exec(select(Campaign))}
    query = select(Dossier).order_by(col(Dossier.id))
    # The cheap filters run in SQL; level, kind and text need the joined names below.
    if where is not None and where.campaign_id is not None:
        query = query.where(Dossier.campaign_id == where.campaign_id)
    if where is not None and where.status is not None:
        query = query.where(Dossier.status == where.status)
    rows = []
    for dossier in session.exec(query):
        if dossier.nominee_unit_id is not None:
            nominee = nominee_from_unit(units[dossier.nominee_unit_id])
        else:
            nominee = nominee_from_person(persons[dossier.nominee_person_id])
        form, campaign = forms[dossier.award_form_id], campaigns[dossier.campaign_id]
        proposer = units.get(dossier.proposing_unit_id)
        row = dossier_row(dossier, nominee, form, campaign, proposer, today)
        if where is None or where.accepts(row):
            rows.append(row)
    return rows


def dossier_row(
    dossier: Dossier,
    nominee: Nominee,
    form: AwardForm,
    campaign: Campaign,
    proposer: Unit | None,
    today: date,
) -> DossierRow:
    """One line of the dossier list, from the records it names."""
    return DossierRow(
        dossier=dossier,
        nominee=nominee.name,
        award=form.name,
        campaign=campaign.name,
        nominee_kind=nominee.kind,
        category=form.category,
        level=form.level,
        level_label=form.level_label,
        proposer=proposer.name if proposer else "",
        deadline=campaign.deadline,
        overdue=is_overdue(dossier, campaign, today),
        discipline_note=nominee.discipline_note,
    )


def count_by_status(rows: list[DossierRow]) -> dict[DossierStatus, int]:
    """Số hồ sơ theo trạng thái, every status present (zero included) in workflow order."""
    counted = Counter(r.status for r in rows)
    return {status: counted.get(status, 0) for status in DossierStatus}
