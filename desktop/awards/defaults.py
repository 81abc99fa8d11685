"""What a new dossier (Tạo hồ sơ) opens on: the campaign under way and the form the ward uses.

*The campaign under way* (đợt xét hiện hành) is the one of this year still taking dossiers (its
deadline not past), the nearest deadline first — the 2027 sơ kết before the 2027 yearly round; once
every round of the year is past its deadline, the year's last one (late dossiers still go there);
in a year without a round, the latest earlier one, else the first ahead.

*The usual form* is one the ward decides itself (cấp phường, Giấy khen của Chủ tịch UBND phường) and
the campaign's round offers, the one most proposed so far; the catalogue's order breaks a tie, and
without a ward form the same rule runs over every form the round offers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from desktop.awards.catalogue import list_award_forms, list_campaigns
from desktop.awards.rules import campaign_kinds_of
from desktop.models import AwardForm, Campaign, Dossier
from desktop.models.ids import saved_id

WARD_LEVEL = 1


@dataclass(frozen=True)
class NewDossierDefaults:
    campaign_id: int | None
    award_form_id: int | None


def current_campaign(campaigns: Sequence[Campaign], today: date) -> Campaign | None:
    """The campaign under way on ``today`` (see the module's docstring)."""
    this_year = [c for c in campaigns if c.year == today.year]
    open_now = [c for c in this_year if c.deadline is None or c.deadline >= today]
    if open_now:
        return min(open_now, key=lambda c: (c.deadline is None, c.deadline or today))
    if this_year:
        return max(this_year, key=lambda c: c.deadline or date.min)
    earlier = [c for c in campaigns if c.year < today.year]
    if earlier:
        return max(earlier, key=lambda c: (c.year, c.deadline or date.min))
    return min(campaigns, key=lambda c: (c.year, c.deadline or date.max), default=None)


def usual_form(
    forms: Sequence[AwardForm], uses: Counter[int], campaign: Campaign | None
) -> AwardForm | None:
    """The form a new dossier of ``campaign`` is offered first; ``forms`` in the catalogue's
    order, ``uses`` the number of dossiers per form id."""
    offered = [f for f in forms if campaign is None or campaign.kind in campaign_kinds_of(f)]
    ward = [f for f in offered if f.level == WARD_LEVEL]
    pool = ward or offered or list(forms)
    if not pool:
        return None
    order = {id(f): index for index, f in enumerate(pool)}
    return min(pool, key=lambda f: (-uses[saved_id(f.id)], order[id(f)]))


def new_dossier_defaults(
    today: date, campaign_id: int | None = None
) -> Callable[[Session], NewDossierDefaults]:
    """The campaign under way (or ``campaign_id``, chosen in the list's filter) and its usual
    form."""

    def read(session: Session) -> NewDossierDefaults:
        campaigns = list_campaigns(session)
        chosen = [c for c in campaigns if campaign_id is not None and c.id == campaign_id]
        campaign = chosen[0] if chosen else current_campaign(campaigns, today)
        counted = session.exec(
            select(Dossier.award_form_id, func.count()).group_by(col(Dossier.award_form_id))
        ).all()
        uses: Counter[int] = Counter({form_id: count for form_id, count in counted})
        form = usual_form(list_award_forms(session, include_inactive=False), uses, campaign)
        return NewDossierDefaults(
            saved_id(campaign.id) if campaign is not None else None,
            saved_id(form.id) if form is not None else None,
        )

    return read
