"""What the award screens read, each in one go: reads for :meth:`desktop.changes.Door.read`.

A screen asks for one of these records and shows it; it never holds a session. Every function
here is a read: ``view(session)`` or a function returning one for given ids.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.awards.catalogue import get_award_form, list_award_forms, list_campaigns
from desktop.awards.detail import DossierDetail, load_detail
from desktop.awards.dossiers import DossierRow, dossier_row, get_dossier
from desktop.awards.history import HistoryLine, nominee_history
from desktop.awards.nominees import find_nominee
from desktop.awards.results import ResultLine, dossier_results
from desktop.awards.workflow import blocking_items, clerk_steps
from desktop.models import AwardForm, Campaign, Dossier, DossierStatus, Unit
from desktop.models.ids import DossierId, PersonId, UnitId, saved_id
from desktop.register.units import list_persons, list_units


@dataclass(frozen=True)
class Choice:
    """One entry of a combo box: the id it stands for and what the clerk reads."""

    id: int
    label: str


# -- the list ---------------------------------------------------------------------------------------
def dossier_rows(
    dossier_ids: Collection[int], today: date
) -> Callable[[Session], list[DossierRow]]:
    """The list's rows of a few dossiers, by id (a dossier no longer stored has none).

    What the list re-reads when a change names its dossiers: only their nominees, awards and
    campaigns are read, where :func:`~desktop.awards.dossiers.list_dossiers` reads the whole
    register for its thousands of rows. Each row is the one ``list_dossiers`` gives (a test
    compares them).
    """

    def read(session: Session) -> list[DossierRow]:
        query = select(Dossier).where(col(Dossier.id).in_(list(dossier_ids)))
        rows = []
        for dossier in session.exec(query.order_by(col(Dossier.id))):
            nominee = find_nominee(session, dossier.nominee_unit_id, dossier.nominee_person_id)
            form = session.get(AwardForm, dossier.award_form_id)
            campaign = session.get(Campaign, dossier.campaign_id)
            assert form is not None and campaign is not None  # foreign keys
            proposer = (
                session.get(Unit, dossier.proposing_unit_id)
                if dossier.proposing_unit_id is not None
                else None
            )
            rows.append(dossier_row(dossier, nominee, form, campaign, proposer, today))
        return rows

    return read


# -- one dossier ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditorView:
    """Everything the dossier editor shows, read in one transaction."""

    detail: DossierDetail
    results: list[ResultLine]
    results_unit: str
    prior: list[HistoryLine]
    steps: list[DossierStatus]


def editor_view(dossier_id: DossierId) -> Callable[[Session], EditorView]:
    def read(session: Session) -> EditorView:
        detail = load_detail(session, dossier_id)
        results_unit_id = detail.nominee.results_unit_id
        unit = session.get(Unit, results_unit_id) if results_unit_id is not None else None
        return EditorView(
            detail=detail,
            results=dossier_results(session, detail.dossier),
            results_unit=unit.name if unit is not None else "",
            prior=nominee_history(
                session,
                detail.nominee.unit_id,
                detail.nominee.person_id,
                exclude_dossier_id=dossier_id,
            ),
            steps=clerk_steps(detail.dossier, detail.award),
        )

    return read


def unit_choices(session: Session, active_only: bool = False) -> list[Choice]:
    """Units by the register's order, for a proposer or nominee combo."""
    return [
        Choice(saved_id(u.id), u.name)
        for u in list_units(session, include_inactive=not active_only)
    ]


@dataclass(frozen=True)
class StepView:
    """What the dialog of one workflow step needs to know before it asks."""

    issuer: str
    blocking: list[str]
    incomplete_reason: str


def step_view(dossier_id: DossierId, to: DossierStatus) -> Callable[[Session], StepView]:
    def read(session: Session) -> StepView:
        dossier = get_dossier(session, dossier_id)
        return StepView(
            issuer=get_award_form(session, dossier.award_form_id).issuer,
            # Only the way to the council may be excused; from there on the rules hold.
            blocking=(
                blocking_items(session, dossier_id)
                if to is DossierStatus.SUBMITTED_TO_COUNCIL
                else []
            ),
            incomplete_reason=dossier.incomplete_reason,
        )

    return read


# -- a new dossier ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class NewDossierChoices:
    """What a new dossier can be: campaigns, active entries, active units and their persons."""

    campaigns: list[Choice]
    awards: list[Choice]
    units: list[Choice]
    persons: list[Choice]


def new_dossier_choices(session: Session) -> NewDossierChoices:
    units = [u for u in list_units(session) if u.active]
    names = {u.id: u.name for u in units}
    return NewDossierChoices(
        campaigns=[Choice(saved_id(c.id), c.name) for c in list_campaigns(session)],
        awards=[
            Choice(saved_id(f.id), f"{f.name} ({f.category.label.lower()}, {f.level_label})")
            for f in list_award_forms(session, include_inactive=False)
        ],
        units=[Choice(saved_id(u.id), u.name) for u in units],
        persons=[
            Choice(saved_id(p.id), f"{p.full_name} — {names[p.unit_id]}")
            for p in list_persons(session)
            if p.active and p.unit_id in names
        ],
    )


# -- a nominee's awards -------------------------------------------------------------------------------
@dataclass(frozen=True)
class NomineeChoice:
    label: str
    unit_id: UnitId | None
    person_id: PersonId | None


def nominee_choices(session: Session, unit_label: str, person_label: str) -> list[NomineeChoice]:
    """Every unit and person of the register (active or not: history stays), units first."""
    units = list_units(session)
    names = {u.id: u.name for u in units}
    found = [
        NomineeChoice(unit_label.format(name=u.name), UnitId(saved_id(u.id)), None) for u in units
    ]
    found += [
        NomineeChoice(
            person_label.format(name=p.full_name, unit=names.get(p.unit_id, "")),
            None,
            PersonId(saved_id(p.id)),
        )
        for p in list_persons(session)
    ]
    return found


@dataclass(frozen=True)
class NomineeAwards:
    name: str
    lines: list[HistoryLine]


def nominee_awards(
    unit_id: UnitId | None, person_id: PersonId | None
) -> Callable[[Session], NomineeAwards]:
    def read(session: Session) -> NomineeAwards:
        return NomineeAwards(
            find_nominee(session, unit_id, person_id).name,
            nominee_history(session, unit_id, person_id),
        )

    return read
