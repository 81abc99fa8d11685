"""The rules of the law and of the plan that a new dossier must meet, enforced rather than advised.

* **One achievement, one form** (Luật Thi đua, khen thưởng 2022, Điều 5: "không khen thưởng nhiều
  lần, nhiều hình thức cho một thành tích"): a nominee has at most one live dossier per campaign,
  whatever its category or form. A higher form may replace a lower one only while the lower one is
  not decided, and only when the clerk asks for it (``replace``): the lower dossier is then closed in
  the same transaction — a Nháp is deleted, a dossier the council has proposed or that was sent up
  is recorded as Không được khen thưởng.
* **Rounds**: the plan's sơ kết/tổng kết forms (III.3.2) are offered only in those campaigns.
* **Who may receive**: a form's ``unit_kinds`` names the collective kinds it is for.
* **Headings**: a line of the standards that only introduces others is never ticked.

Every check raises :class:`~desktop.awards.errors.DossierError` with the clerk's message before
anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlmodel import Session, col, select

from desktop.awards.errors import DossierError
from desktop.awards.nominees import Nominee
from desktop.models import (
    AwardCriterion,
    AwardForm,
    Campaign,
    CampaignKind,
    Dossier,
    DossierStatus,
    Unit,
    UnitKind,
)
from desktop.models.awards import EVERY_ROUND
from desktop.models.ids import DossierId, saved_id

S = DossierStatus
# A dossier closed without an award no longer holds the achievement: another form may be proposed.
CLOSED = (S.NOT_AWARDED, S.COUNCIL_DECLINED)
# From where the clerk's own step to Không được khen thưởng is allowed by the workflow.
CLOSABLE_BY_CLERK = (S.COUNCIL_PROPOSED, S.SENT_UP)
# How a form's rounds read in a refusal: the plan holds the sơ kết in 2027, the tổng kết in 2030.
ROUND_WORDS = {
    CampaignKind.YEARLY: "các đợt xét hằng năm",
    CampaignKind.PRELIMINARY_REVIEW: "sơ kết (2027)",
    CampaignKind.FINAL_REVIEW: "tổng kết (2030)",
}
HEADING_REFUSED = "Dòng này chỉ giới thiệu các tiêu chuẩn bên dưới; hãy đánh dấu từng tiêu chuẩn."


def campaign_kinds_of(form: AwardForm) -> list[CampaignKind]:
    """The rounds that offer this form, in the plan's order ("" reads as every round)."""
    stored = set((form.campaign_kinds or EVERY_ROUND).split(","))
    return [k for k in CampaignKind if k.value in stored]


def unit_kinds_of(form: AwardForm) -> list[UnitKind]:
    """The collective kinds this form is for, in the register's order; [] = any the flags allow."""
    stored = set(form.unit_kinds.split(",")) if form.unit_kinds else set()
    return [k for k in UnitKind if k.value in stored]


def check_round(form: AwardForm, campaign: Campaign) -> None:
    """Refuses a form the campaign's kind of round does not offer."""
    kinds = campaign_kinds_of(form)
    if campaign.kind in kinds:
        return
    words = " và ".join(ROUND_WORDS[k] for k in kinds)
    raise DossierError(
        f"“{form.name}” chỉ xét khi {words} của phong trào; đợt “{campaign.name}” là đợt "
        f"{campaign.kind.label.lower()}, không đề nghị hình thức này được."
    )


def check_recipient(form: AwardForm, unit: Unit | None) -> None:
    """Refuses a collective or business of a kind the form is not for (III.2 of the plan)."""
    kinds = unit_kinds_of(form)
    if unit is None or not kinds or unit.kind in kinds:
        return
    allowed = ", ".join(k.label for k in kinds)
    raise DossierError(
        f"“{form.name}” không dành cho {unit.kind.label} (“{unit.name}” là {unit.kind.label}); "
        f"hình thức này dành cho: {allowed}."
    )


def check_tickable(criterion: AwardCriterion) -> None:
    """A heading line is shown, never ticked."""
    if criterion.heading:
        raise DossierError(HEADING_REFUSED)


def live_dossiers(
    session: Session,
    campaign_id: int,
    unit_id: int | None,
    person_id: int | None,
    exclude_id: int | None = None,
) -> list[Dossier]:
    """The nominee's dossiers of this campaign that still hold its achievement (not closed)."""
    if unit_id is not None:
        whose = Dossier.nominee_unit_id == unit_id
    elif person_id is not None:
        whose = Dossier.nominee_person_id == person_id
    else:
        return []  # a person not yet in the register has no dossier
    query = (
        select(Dossier)
        .where(Dossier.campaign_id == campaign_id, whose, col(Dossier.status).not_in(CLOSED))
        .order_by(col(Dossier.id))
    )
    return [d for d in session.exec(query) if d.id != exclude_id]


class Closing(StrEnum):
    """What replacing does to the lower dossier."""

    DELETE = "delete"  # a Nháp: deleted, the reason in the audit log
    NOT_AWARDED = "not_awarded"  # past Nháp: a step to Không được khen thưởng in its history


class ReplaceAsked(DossierError):
    """A higher form for a nominee who has a lower, undecided dossier: the clerk is asked whether
    the new dossier replaces it (the window asks; the command line has ``--replace``)."""


@dataclass(frozen=True)
class Replaced:
    """A lower dossier the new one replaces, and how it is closed."""

    dossier_id: DossierId
    award: str
    status: DossierStatus
    closing: Closing

    def describe(self, new_id: int) -> str:
        """What the clerk reads once it is done."""
        if self.closing is Closing.DELETE:
            return (
                f"Hồ sơ số {self.dossier_id} (“{self.award}”, Nháp) đã được xóa: {reason(new_id)}."
            )
        return (
            f"Hồ sơ số {self.dossier_id} (“{self.award}”): {self.status.label} → "
            f"{S.NOT_AWARDED.label} ({reason(new_id)})."
        )


def reason(new_id: int) -> str:
    """The reason a replaced dossier is closed with, in its history and in the audit log."""
    return f"Thay bằng hồ sơ số {new_id} (hình thức cao hơn)"


def check_one_form(
    session: Session,
    campaign: Campaign,
    form: AwardForm,
    nominee: Nominee,
    *,
    replace: bool = False,
) -> list[Replaced]:
    """Refuses a second live dossier of the nominee in the campaign, unless the new form is higher,
    the existing one is not decided and the clerk asked to replace it; returns what is replaced."""
    campaign_id = saved_id(campaign.id)
    existing = live_dossiers(session, campaign_id, nominee.unit_id, nominee.person_id)
    replaced: list[Replaced] = []
    for dossier in existing:
        other = session.get(AwardForm, dossier.award_form_id)
        assert other is not None  # a dossier's form is a foreign key
        if dossier.status is S.AWARDED:
            raise DossierError(
                f"“{nominee.name}” đã được khen thưởng “{other.name}” trong đợt này (quyết định số "
                f"{dossier.decision_number or 'chưa ghi'}); không khen thưởng nhiều hình thức cho "
                "một thành tích."
            )
        named = (
            f"“{nominee.name}” đã được đề nghị “{other.name}” trong đợt “{campaign.name}” "
            f"(hồ sơ số {dossier.id}, {dossier.status.label})."
        )
        if form.level <= other.level:
            same = " Không tạo hồ sơ trùng." if other.id == form.id else ""
            raise DossierError(
                f"{named} Một thành tích chỉ đề nghị một hình thức khen thưởng.{same}"
            )
        if not replace:
            raise ReplaceAsked(
                f"{named} “{form.name}” là hình thức cao hơn: hãy chọn thay hồ sơ số {dossier.id} "
                "bằng hồ sơ mới (hồ sơ cũ được khép lại), vì một thành tích chỉ đề nghị một hình "
                "thức khen thưởng."
            )
        if dossier.status is S.DRAFT:
            closing = Closing.DELETE
        elif dossier.status in CLOSABLE_BY_CLERK:
            closing = Closing.NOT_AWARDED
        else:
            # Đã trình Hội đồng / Trả lại bổ sung: the workflow has no step that closes it here;
            # the council's ballot (không đề nghị) closes it.
            raise DossierError(
                f"Hồ sơ số {dossier.id} (“{other.name}”) đang ở trạng thái “{dossier.status.label}”; "
                "chưa khép được để thay bằng hình thức cao hơn. Hãy chờ kết luận của Hội đồng "
                "(không đề nghị) rồi tạo hồ sơ mới."
            )
        replaced.append(
            Replaced(DossierId(saved_id(dossier.id)), other.name, dossier.status, closing)
        )
    return replaced


def check_new_dossier(
    session: Session,
    campaign: Campaign,
    form: AwardForm,
    nominee: Nominee,
    *,
    replace: bool = False,
) -> list[Replaced]:
    """Every rule a new dossier must meet beyond the catalogue's own (round, recipient, one form)."""
    check_round(form, campaign)
    unit = session.get(Unit, nominee.unit_id) if nominee.unit_id is not None else None
    check_recipient(form, unit)
    return check_one_form(session, campaign, form, nominee, replace=replace)
