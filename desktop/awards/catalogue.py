"""The catalogue of what can be awarded and the rounds of review, and the rules of editing them.

Danh hiệu thi đua (emulation titles) and hình thức khen thưởng (forms of award) stay apart through
:class:`AwardCategory`; each entry carries its standards (tiêu chuẩn, III.3 of the plan) and the papers
a dossier for it needs (thành phần hồ sơ). Campaigns (đợt xét) are the yearly rounds, the 2027 sơ kết
and the 2030 tổng kết, each with a deadline for dossiers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.awards.errors import DossierError
from desktop.models import (
    AwardCategory,
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierComponent,
    DossierComponentCheck,
    DossierCriterionCheck,
    NomineeKind,
    UnitKind,
)
from desktop.models.indicators import Comparison
from desktop.text import clean, clean_line, search_key, sort_key, wording

LEVEL_LABELS = {
    1: "Phường",
    2: "Thành phố",
    3: "Thủ tướng Chính phủ",
    4: "Chính phủ",
    5: "Nhà nước",
}
FIRST_YEAR, LAST_YEAR = 2000, 2100


# -- award forms --------------------------------------------------------------------------------
@dataclass
class AwardFormInput:
    """What the clerk types for one entry of the catalogue."""

    name: str
    category: AwardCategory
    level: int
    issuer: str = ""
    level_label: str = ""
    for_collective: bool = True
    for_business: bool = False
    for_individual: bool = False
    code: str = ""
    active: bool = True
    note: str = ""
    # The rules of the award chain; None keeps what is stored (a new entry: the defaults), so a
    # form that shows only the fields above never resets them.
    unit_kinds: Sequence[UnitKind] | None = None  # () = any kind the three flags allow
    campaign_kinds: Sequence[CampaignKind] | None = None
    vote_percent: int | None = None
    vote_comparison: Comparison | None = None
    bonus_individual_permille: int | None = None
    bonus_collective_permille: int | None = None


VOTE_COMPARISONS = (Comparison.ABOVE, Comparison.AT_LEAST)
MAX_BONUS_PERMILLE = 20_000  # 20 lần mức lương cơ sở: above any coefficient of the decree


def list_award_forms(session: Session, include_inactive: bool = True) -> list[AwardForm]:
    """Titles first, then forms; within each, the highest level first, then the plan's order."""
    query = select(AwardForm)
    if not include_inactive:
        query = query.where(AwardForm.active)
    forms = session.exec(query).all()
    return sorted(
        forms,
        key=lambda f: (f.category is not AwardCategory.EMULATION_TITLE, -f.level, f.ordinal),
    )


def get_award_form(session: Session, form_id: int) -> AwardForm:
    form = session.get(AwardForm, form_id)
    if form is None:
        raise DossierError(f"Không tìm thấy hình thức khen thưởng số {form_id}.")
    return form


def _new_code(session: Session, name: str) -> str:
    initials = "".join(w[0] for w in search_key(name).upper().split(" ") if w and w[0].isalnum())
    base = (initials or "KT")[:24]
    taken = set(session.exec(select(AwardForm.code)).all())
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}{n}"
    return code


def save_award_form(
    session: Session, data: AwardFormInput, form_id: int | None = None
) -> AwardForm:
    """Add (``form_id`` None) or change one entry; refuses an entry the clerk could not use."""
    name = clean_line(data.name)
    if not name:
        raise DossierError("Tên danh hiệu / hình thức khen thưởng không được để trống.")
    if data.level not in LEVEL_LABELS:
        raise DossierError("Cấp khen thưởng phải từ 1 (phường) đến 5 (Nhà nước).")
    if not (data.for_collective or data.for_business or data.for_individual):
        raise DossierError("Hãy chọn ít nhất một đối tượng: tập thể, doanh nghiệp hoặc cá nhân.")
    code = clean_line(data.code).upper() or None
    clash = session.exec(
        select(AwardForm).where(func.lower(AwardForm.name) == name.lower(), AwardForm.id != form_id)
    ).first()
    if clash is not None:
        raise DossierError(f"Danh mục đã có “{clash.name}”; hãy sửa mục đó thay vì thêm mới.")
    if code is not None:
        owner = session.exec(select(AwardForm).where(AwardForm.code == code)).first()
        if owner is not None and owner.id != form_id:
            raise DossierError(f"Mã “{code}” đã được dùng cho “{owner.name}”.")
    if form_id is None:
        ordinal = (session.exec(select(func.max(AwardForm.ordinal))).one() or 0) + 1
        form = AwardForm(
            code=code or _new_code(session, name),
            name=name,
            category=data.category,
            level=data.level,
            ordinal=ordinal,
        )
    else:
        form = get_award_form(session, form_id)
        form.code = code or form.code
    form.name = name
    form.category = data.category
    form.level = data.level
    form.level_label = clean_line(data.level_label) or LEVEL_LABELS[data.level]
    form.issuer = clean_line(data.issuer)
    form.for_collective = data.for_collective
    form.for_business = data.for_business
    form.for_individual = data.for_individual
    form.active = data.active
    form.note = clean(data.note)
    _apply_rules(form, data)
    session.add(form)
    session.flush()
    return form


def rule_problems(data: AwardFormInput) -> list[str]:
    """What is wrong with the rules of an entry (who may receive it, its rounds, the vote share,
    the bonus coefficients); [] when they can be kept."""
    from desktop.awards.nominees import BUSINESS_KINDS

    problems = []
    for kind in data.unit_kinds or ():
        business = kind in BUSINESS_KINDS
        if business and not data.for_business:
            problems.append(
                f"“{kind.label}” được xét là doanh nghiệp; hãy chọn đối tượng doanh nghiệp "
                "hoặc bỏ loại này."
            )
        elif not business and not data.for_collective:
            problems.append(
                f"“{kind.label}” được xét là tập thể; hãy chọn đối tượng tập thể hoặc bỏ loại này."
            )
    if data.campaign_kinds is not None and not data.campaign_kinds:
        problems.append(
            "Hãy chọn ít nhất một loại đợt xét (hằng năm, sơ kết, tổng kết) có hình thức này."
        )
    if data.vote_percent is not None and not 1 <= data.vote_percent <= 100:
        problems.append("Tỷ lệ phiếu đồng ý phải từ 1% đến 100% số thành viên Hội đồng.")
    if data.vote_comparison is not None and data.vote_comparison not in VOTE_COMPARISONS:
        problems.append(
            "Tỷ lệ phiếu đồng ý chỉ so “trên” hoặc “từ … trở lên” số thành viên Hội đồng."
        )
    for value, who in (
        (data.bonus_individual_permille, "cá nhân"),
        (data.bonus_collective_permille, "tập thể"),
    ):
        if value is not None and not 0 <= value <= MAX_BONUS_PERMILLE:
            problems.append(
                f"Hệ số tiền thưởng của {who} phải từ 0 đến "
                f"{MAX_BONUS_PERMILLE // 1000} lần mức lương cơ sở."
            )
    return problems


def _apply_rules(form: AwardForm, data: AwardFormInput) -> None:
    problems = rule_problems(data)
    if problems:
        raise DossierError("\n".join(problems), problems)
    if data.unit_kinds is not None:
        form.unit_kinds = ",".join(k.value for k in UnitKind if k in set(data.unit_kinds))
    if data.campaign_kinds is not None:
        form.campaign_kinds = ",".join(
            k.value for k in CampaignKind if k in set(data.campaign_kinds)
        )
    if data.vote_percent is not None:
        form.vote_percent = data.vote_percent
    if data.vote_comparison is not None:
        form.vote_comparison = data.vote_comparison
    if data.bonus_individual_permille is not None:
        form.bonus_individual_permille = data.bonus_individual_permille
    if data.bonus_collective_permille is not None:
        form.bonus_collective_permille = data.bonus_collective_permille


def nominee_kinds_of(form: AwardForm) -> list[NomineeKind]:
    """Who this entry is for, as the plan's III.2 names them."""
    kinds = []
    if form.for_collective:
        kinds.append(NomineeKind.COLLECTIVE)
    if form.for_business:
        kinds.append(NomineeKind.BUSINESS)
    if form.for_individual:
        kinds.append(NomineeKind.INDIVIDUAL)
    return kinds


# -- standards and papers -------------------------------------------------------------------------
def criteria_of(
    session: Session, form_id: int, kind: NomineeKind | None = None
) -> list[AwardCriterion]:
    """The standards of one entry; with ``kind``, only those that apply to that kind of nominee."""
    rows = session.exec(
        select(AwardCriterion)
        .where(AwardCriterion.award_form_id == form_id)
        .order_by(col(AwardCriterion.ordinal), col(AwardCriterion.id))
    ).all()
    if kind is None:
        return list(rows)
    return [c for c in rows if c.nominee_kind in (NomineeKind.ANY, kind)]


def components_of(session: Session, form_id: int) -> list[DossierComponent]:
    return list(
        session.exec(
            select(DossierComponent)
            .where(DossierComponent.award_form_id == form_id)
            .order_by(col(DossierComponent.ordinal), col(DossierComponent.id))
        ).all()
    )


def save_criterion(
    session: Session,
    form_id: int,
    text: str,
    kind: NomineeKind = NomineeKind.ANY,
    criterion_id: int | None = None,
    heading: bool | None = None,
) -> AwardCriterion:
    """Add or change one standard; ``heading`` marks a line that only introduces the standards
    under it (None: keep it; a new line ending in ":" is a heading unless told otherwise)."""
    get_award_form(session, form_id)
    text = clean(text)
    if not text:
        raise DossierError("Nội dung tiêu chuẩn không được để trống.")
    if criterion_id is None:
        ordinal = len(criteria_of(session, form_id)) + 1
        criterion = AwardCriterion(
            award_form_id=form_id,
            text=text,
            nominee_kind=kind,
            ordinal=ordinal,
            heading=text.rstrip().endswith(":") if heading is None else heading,
        )
    else:
        found = session.get(AwardCriterion, criterion_id)
        if found is None or found.award_form_id != form_id:
            raise DossierError("Không tìm thấy tiêu chuẩn cần sửa.")
        criterion = found
        criterion.text, criterion.nominee_kind = text, kind
        if heading is not None:
            criterion.heading = heading
    session.add(criterion)
    session.flush()
    return criterion


def set_heading(session: Session, criterion_id: int, heading: bool) -> AwardCriterion:
    """Mark (or unmark) a standard as a heading line: shown, never ticked, never missing. Ticks
    already given to it on dossiers stay on their record; a heading never counts as met or missing."""
    criterion = session.get(AwardCriterion, criterion_id)
    if criterion is None:
        raise DossierError("Không tìm thấy tiêu chuẩn cần sửa.")
    criterion.heading = heading
    session.add(criterion)
    session.flush()
    return criterion


def remove_criterion(session: Session, criterion_id: int) -> None:
    """A standard already ticked on a dossier stays: that dossier's record must not change."""
    criterion = session.get(AwardCriterion, criterion_id)
    if criterion is None:
        raise DossierError("Không tìm thấy tiêu chuẩn cần xóa.")
    used = session.exec(
        select(func.count()).where(DossierCriterionCheck.criterion_id == criterion_id)
    ).one()
    if used:
        raise DossierError(
            f"Tiêu chuẩn này đã được đánh giá trong {used} hồ sơ nên không xóa được; "
            "hãy sửa nội dung nếu cần."
        )
    session.delete(criterion)
    session.flush()


def save_component(
    session: Session,
    form_id: int,
    name: str,
    required: bool = True,
    component_id: int | None = None,
) -> DossierComponent:
    get_award_form(session, form_id)
    name = clean_line(name)
    if not name:
        raise DossierError("Tên thành phần hồ sơ không được để trống.")
    others = [c for c in components_of(session, form_id) if c.id != component_id]
    if any(search_key(c.name) == search_key(name) for c in others):
        raise DossierError(f"Thành phần “{name}” đã có trong danh sách giấy tờ của mục này.")
    if component_id is None:
        component = DossierComponent(
            award_form_id=form_id, name=name, required=required, ordinal=len(others) + 1
        )
    else:
        found = session.get(DossierComponent, component_id)
        if found is None or found.award_form_id != form_id:
            raise DossierError("Không tìm thấy thành phần hồ sơ cần sửa.")
        component = found
        component.name, component.required = name, required
    session.add(component)
    session.flush()
    return component


def remove_component(session: Session, component_id: int) -> None:
    from desktop.models import Attachment

    component = session.get(DossierComponent, component_id)
    if component is None:
        raise DossierError("Không tìm thấy thành phần hồ sơ cần xóa.")
    checked = session.exec(
        select(func.count()).where(DossierComponentCheck.component_id == component_id)
    ).one()
    attached = session.exec(
        select(func.count()).where(Attachment.component_id == component_id)
    ).one()
    if checked or attached:
        raise DossierError(
            "Thành phần này đã được dùng trong hồ sơ (đánh dấu hoặc có tệp đính kèm) nên không xóa "
            "được; hãy bỏ chọn “bắt buộc” nếu không còn cần."
        )
    session.delete(component)
    session.flush()


# -- campaigns ---------------------------------------------------------------------------------------
def list_campaigns(session: Session) -> list[Campaign]:
    """By year; within a year the yearly round before a review."""
    order = {
        CampaignKind.YEARLY: 0,
        CampaignKind.PRELIMINARY_REVIEW: 1,
        CampaignKind.FINAL_REVIEW: 2,
    }
    return sorted(
        session.exec(select(Campaign)).all(),
        key=lambda c: (c.year, order[c.kind], sort_key(c.name)),
    )


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise DossierError(f"Không tìm thấy đợt xét số {campaign_id}.")
    return campaign


def campaign_years(campaign: Campaign, plan_start: int = 2025) -> list[int]:
    """Years whose results a dossier of this round reports: one year, or the years under review."""
    if campaign.kind is CampaignKind.YEARLY:
        return [campaign.year]
    return list(range(min(plan_start, campaign.year), campaign.year + 1))


def save_campaign(
    session: Session,
    name: str,
    kind: CampaignKind,
    year: int,
    deadline: date | None,
    note: str = "",
    campaign_id: int | None = None,
) -> Campaign:
    name = clean_line(name)
    if not name:
        raise DossierError("Tên đợt xét không được để trống.")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DossierError(f"Năm của đợt xét phải từ {FIRST_YEAR} đến {LAST_YEAR}.")
    if deadline is not None and deadline < date(year, 1, 1):
        raise DossierError(
            f"Hạn nộp hồ sơ {wording.short_date(deadline)} ở trước năm {year} của đợt xét; "
            "hãy chọn hạn nộp trong năm xét hoặc sau đó."
        )
    clash = session.exec(
        select(Campaign).where(
            func.lower(Campaign.name) == name.lower(), Campaign.id != campaign_id
        )
    ).first()
    if clash is not None:
        raise DossierError(f"Đã có đợt xét “{clash.name}”.")
    campaign = (
        Campaign(name=name, kind=kind, year=year)
        if campaign_id is None
        else get_campaign(session, campaign_id)
    )
    campaign.name, campaign.kind, campaign.year = name, kind, year
    campaign.deadline, campaign.note = deadline, clean(note)
    session.add(campaign)
    session.flush()
    return campaign


def remove_campaign(session: Session, campaign_id: int) -> None:
    campaign = get_campaign(session, campaign_id)
    used = session.exec(select(func.count()).where(Dossier.campaign_id == campaign_id)).one()
    if used:
        raise DossierError(f"Đợt xét “{campaign.name}” đã có {used} hồ sơ nên không xóa được.")
    session.delete(campaign)
    session.flush()
