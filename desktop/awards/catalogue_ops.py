"""Changes to the catalogue of awards and to the campaigns, as operations for the one door.

Danh mục khen thưởng (titles and forms of award, their standards and papers) and đợt xét are
edited in place and announced as ``Area.AWARDS``; the dossier list and every open dossier read them.
They are not undone by Ctrl+Z: each entry is edited again in its own form, and a standard, paper or
campaign already used by a dossier is refused removal, so nothing a dossier relies on is lost.
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from desktop.awards.catalogue import (
    AwardFormInput,
    remove_campaign,
    remove_component,
    remove_criterion,
    save_award_form,
    save_campaign,
    save_component,
    save_criterion,
    set_heading,
)
from desktop.awards.errors import DossierError
from desktop.changes import Area, Change, Done, Operation
from desktop.models import CampaignKind, NomineeKind
from desktop.models.ids import AwardFormId, CampaignId, saved_id


def awards_changed(*form_ids: AwardFormId) -> Change:
    """``Area.AWARDS`` with the ids of the catalogue entries touched (none: a campaign)."""
    return Change.of(Area.AWARDS, *form_ids)


def save_form(data: AwardFormInput, form_id: AwardFormId | None = None) -> Operation[AwardFormId]:
    """Add (``form_id`` None) or change one entry of the catalogue; returns its id."""

    def operation(session: Session) -> Done[AwardFormId]:
        saved = AwardFormId(saved_id(save_award_form(session, data, form_id).id))
        return Done(saved, awards_changed(saved))

    return operation


def save_form_criterion(
    form_id: AwardFormId,
    text: str,
    kind: NomineeKind = NomineeKind.ANY,
    criterion_id: int | None = None,
    heading: bool | None = None,
) -> Operation[int]:
    """Add or change one standard; ``heading`` as :func:`~desktop.awards.catalogue.save_criterion`."""

    def operation(session: Session) -> Done[int]:
        saved = saved_id(save_criterion(session, form_id, text, kind, criterion_id, heading).id)
        return Done(saved, awards_changed(form_id))

    return operation


def mark_heading(form_id: AwardFormId, criterion_id: int, heading: bool) -> Operation[None]:
    """Đánh dấu (or unmark) a standard as a line that only introduces the ones under it."""

    def operation(session: Session) -> Done[None]:
        criterion = set_heading(session, criterion_id, heading)
        if criterion.award_form_id != form_id:
            raise DossierError("Tiêu chuẩn này không thuộc mục đang sửa.")
        return Done(None, awards_changed(form_id))

    return operation


def remove_form_criterion(form_id: AwardFormId, criterion_id: int) -> Operation[None]:
    """Refused when a dossier has already judged the standard (its record must not change)."""

    def operation(session: Session) -> Done[None]:
        remove_criterion(session, criterion_id)
        return Done(None, awards_changed(form_id))

    return operation


def save_form_component(
    form_id: AwardFormId, name: str, required: bool = True, component_id: int | None = None
) -> Operation[int]:
    def operation(session: Session) -> Done[int]:
        saved = saved_id(save_component(session, form_id, name, required, component_id).id)
        return Done(saved, awards_changed(form_id))

    return operation


def remove_form_component(form_id: AwardFormId, component_id: int) -> Operation[None]:
    """Refused when a dossier has ticked the paper or holds a file for it."""

    def operation(session: Session) -> Done[None]:
        remove_component(session, component_id)
        return Done(None, awards_changed(form_id))

    return operation


def save_round(
    name: str,
    kind: CampaignKind,
    year: int,
    deadline: date | None,
    note: str = "",
    campaign_id: CampaignId | None = None,
) -> Operation[CampaignId]:
    """Add or change one campaign (đợt xét) with its deadline for dossiers."""

    def operation(session: Session) -> Done[CampaignId]:
        campaign = save_campaign(session, name, kind, year, deadline, note, campaign_id)
        saved = CampaignId(saved_id(campaign.id))
        return Done(saved, awards_changed())

    return operation


def remove_round(campaign_id: CampaignId) -> Operation[None]:
    """Refused when the campaign holds dossiers."""

    def operation(session: Session) -> Done[None]:
        remove_campaign(session, campaign_id)
        return Done(None, awards_changed())

    return operation
