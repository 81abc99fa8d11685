"""The movement's record over a review's years, as the sơ kết and tổng kết reports print it.

Each part is read from the module that keeps it and only counted and worded here:

* activities and participants, by year and by kind (:mod:`desktop.movement.activity_totals`);
* the units' đăng ký thi đua, year by year (:func:`commitment_counts`, the counts of
  :func:`desktop.movement.commitments.standing`);
* initiatives by year and kind, by recognition level (:mod:`desktop.movement.initiatives`), and by
  name those recognised by the city or higher;
* the awards of the movement by year and form, from the award register
  (:func:`desktop.decisions.register.award_register`: dossiers awarded by a decision not revoked,
  and the earlier awards the clerk entered);
* the commendations the review proposes: the dossiers of its round (sơ kết or tổng kết) that the
  council proposed, or that went further (sent up, awarded), as the Tờ trình lists them
  (:func:`desktop.decisions.submissions.describe`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from desktop.decisions.register import award_register
from desktop.decisions.submissions import describe
from desktop.indicators.latest import expected_period
from desktop.indicators.scope import expected_in
from desktop.models import (
    AwardForm,
    Campaign,
    CampaignKind,
    Commitment,
    Dossier,
    DossierStatus,
    InitiativeKind,
    NomineeKind,
    RecognitionLevel,
    Unit,
)
from desktop.movement import activity_totals, initiatives
from desktop.text import sort_key, wording

# From the council's proposal on: what the review proposes (Hội đồng đề nghị, then onwards).
PROPOSED = (DossierStatus.COUNCIL_PROPOSED, DossierStatus.SENT_UP, DossierStatus.AWARDED)
NAMED_INITIATIVES = 10  # initiatives named in the text; the count says how many more
HIGH_RECOGNITION = (RecognitionLevel.CITY, RecognitionLevel.NATIONAL)


def _activities(session: Session, first: int, last: int) -> dict[str, Any]:
    total = activity_totals.activity_grand_total(session, first, last)

    def row(t: activity_totals.ActivityTotals) -> dict[str, Any]:
        return {
            "key": t.key,
            "activities": wording.count(t.activities),
            "participants": wording.count(t.participants),
            "officials": wording.count(t.officials),
            "students": wording.count(t.students),
            "residents": wording.count(t.residents),
            "workers": wording.count(t.workers),
            "raw": t,
        }

    by_year = activity_totals.activity_totals(session, first, last, "year")
    by_kind = activity_totals.activity_totals(session, first, last, "kind")
    return {
        "any": total.activities > 0,
        "count": wording.count(total.activities),
        "participants": wording.count(total.participants),
        "unknown": wording.how_many(total.unknown, "hoạt động", "chưa có số người tham gia")
        if total.unknown
        else "",
        "by_year": [row(t) for t in by_year] + [row(total)],
        "by_kind": [row(t) for t in by_kind] + [row(total)],
    }


def commitment_counts(session: Session, year: int) -> tuple[int, int, int, int]:
    """(expected, registered, plan received, missing) of ``year``: the lengths of what
    :func:`desktop.movement.commitments.standing` lists, counted in SQL — its lists hold every
    unit, which on 5,000 units and six years takes seconds the report only needs four numbers of
    (a test keeps the two equal)."""
    expected_units = select(Unit.id).where(expected_in(expected_period(year, None)))
    registered = (Commitment.year == year, col(Commitment.registered_on).is_not(None))
    expected = session.exec(select(func.count()).select_from(expected_units.subquery())).one()
    signed = session.exec(select(func.count(col(Commitment.id))).where(*registered)).one()
    planned = session.exec(
        select(func.count(col(Commitment.id))).where(
            *registered, col(Commitment.plan_received_on).is_not(None)
        )
    ).one()
    signed_expected = session.exec(
        select(func.count(col(Commitment.id))).where(
            *registered, col(Commitment.unit_id).in_(expected_units)
        )
    ).one()
    return int(expected), int(signed), int(planned), int(expected) - int(signed_expected)


def _commitments(session: Session, first: int, last: int) -> list[dict[str, Any]]:
    rows = []
    for year in range(first, last + 1):
        expected, registered, planned, missing = commitment_counts(session, year)
        rows.append(
            {
                "year": year,
                "expected": wording.count(expected),
                "registered": wording.count(registered),
                "plan_received": wording.count(planned),
                "missing": wording.count(missing),
            }
        )
    return rows


def _initiatives(session: Session, first: int, last: int) -> dict[str, Any]:
    views = initiatives.initiatives_in(session, first, last)
    by_year: Counter[tuple[int, InitiativeKind]] = Counter((v.year, v.kind) for v in views)
    years = []
    for year in range(first, last + 1):
        counts = [by_year[(year, kind)] for kind in InitiativeKind]
        years.append(
            {
                "year": str(year),
                "counts": [wording.count(n) for n in counts],
                "total": wording.count(sum(counts)),
                "raw": counts,
            }
        )
    totals = [sum(by_year[(y, kind)] for y in range(first, last + 1)) for kind in InitiativeKind]
    years.append(
        {
            "year": "Tổng cộng",
            "counts": [wording.count(n) for n in totals],
            "total": wording.count(sum(totals)),
            "raw": totals,
        }
    )
    levels = initiatives.initiative_counts(session, first, last)
    recognised = [
        f"{wording.count(levels[level])} {level.label.lower()}"
        for level in reversed(RecognitionLevel)
        if level is not RecognitionLevel.NONE and levels[level]
    ]
    high = [v for v in views if v.recognition in HIGH_RECOGNITION]
    high.sort(
        key=lambda v: (-list(RecognitionLevel).index(v.recognition), v.year, sort_key(v.title))
    )
    named = [
        {
            "title": v.title,
            "kind": v.kind.label,
            "unit": v.unit_name or "UBND phường",
            "year": v.year,
            "recognition": v.recognition.label.lower(),
            "decision": f", {v.decision}" if v.decision else "",
        }
        for v in high[:NAMED_INITIATIVES]
    ]
    more = len(high) - len(named)
    return {
        "any": bool(views),
        "count": wording.count(len(views)),
        "kinds": [kind.label for kind in InitiativeKind],
        "by_year": years,
        "recognised": ", ".join(recognised),
        "unrecognised": wording.count(levels[RecognitionLevel.NONE]),
        "named": named,
        "more": wording.how_many(more, "sáng kiến, mô hình", "khác") if more > 0 else "",
    }


def _awards(session: Session, first: int, last: int) -> dict[str, Any]:
    rows = [r for r in award_register(session).rows if first <= r.year <= last]
    counted: dict[tuple[int, str], list[int]] = {}
    for r in rows:
        pair = counted.setdefault((r.year, r.award), [0, 0])
        pair[1 if r.nominee_kind is NomineeKind.INDIVIDUAL else 0] += 1
    levels = {f.name: (f.level, f.ordinal) for f in session.exec(select(AwardForm))}
    order = sorted(counted, key=lambda k: (k[0], -levels.get(k[1], (0, 0))[0], sort_key(k[1])))
    collectives = sum(1 for r in rows if r.nominee_kind is not NomineeKind.INDIVIDUAL)
    individuals = len(rows) - collectives
    return {
        "any": bool(rows),
        "rows": [
            {
                "year": year,
                "award": award,
                "collectives": wording.count(counted[(year, award)][0]),
                "individuals": wording.count(counted[(year, award)][1]),
                "raw": counted[(year, award)],
            }
            for year, award in order
        ],
        "who": wording.nominees(collectives, individuals, " và "),
        "decisions": wording.count(len({r.decision_text for r in rows if r.decision_text})),
    }


def _proposals(session: Session, last: int, final: bool) -> dict[str, Any]:
    kind = CampaignKind.FINAL_REVIEW if final else CampaignKind.PRELIMINARY_REVIEW
    campaign = session.exec(
        select(Campaign).where(Campaign.kind == kind, Campaign.year == last)
    ).first()
    ids = (
        []
        if campaign is None
        else list(
            session.exec(
                select(Dossier.id).where(
                    Dossier.campaign_id == campaign.id, col(Dossier.status).in_(PROPOSED)
                )
            )
        )
    )
    listed = describe(session, [i for i in ids if i is not None])
    statuses = {
        d.id: DossierStatus(d.status).label
        for d in session.exec(select(Dossier).where(col(Dossier.id).in_(ids)))
    }
    collectives = sum(1 for r in listed if r.collective)
    return {
        "campaign": campaign.name if campaign is not None else "",
        "any": bool(listed),
        "who": wording.nominees(collectives, len(listed) - collectives, " và "),
        "rows": [
            {
                "name": r.name,
                "detail": r.detail,
                "form": r.form,
                "status": statuses[r.dossier_id],
                "collective": r.collective,
            }
            for r in listed
        ],
    }


def gather(session: Session, first: int, last: int, final: bool) -> dict[str, Any]:
    """The record of the years ``first``–``last``; ``final``: the tổng kết's round of proposals."""
    return {
        "activities": _activities(session, first, last),
        "commitments": _commitments(session, first, last),
        "initiatives": _initiatives(session, first, last),
        "awards": _awards(session, first, last),
        "proposals": _proposals(session, last, final),
    }
