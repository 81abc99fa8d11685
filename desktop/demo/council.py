"""The demo ward's award round of 2025 as it stands: the council set up for the year, its meeting
with the secret ballots, and the Chairman's decision on the one Giấy khen it proposed.

Written as records, dated in December 2025, in the order the clerk would have made them: each
dossier the council judged complete, submitted, voted on (two proposed, one not), and the ward's Giấy khen decided
with its tiền thưởng and its certificate numbered. Two drafts of the round and the city's Bằng khen
are left for the new user to carry on (the council's next meeting, the Tờ trình to the city).
Names and numbers come from ``resources/catalogue/demo_ward.json`` ("council").
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any

from sqlmodel import Session, select

from desktop.awards.catalogue import components_of, criteria_of
from desktop.awards.nominees import nominee_of
from desktop.council.wording import reaches_share
from desktop.decisions.bonus import bonus_amount
from desktop.models import (
    Authority,
    AwardDecision,
    AwardForm,
    Campaign,
    CampaignKind,
    CertificateEntry,
    CouncilAttendance,
    CouncilMeeting,
    CouncilMember,
    CouncilRole,
    CouncilVote,
    Dossier,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    DossierStatus,
    Person,
    Unit,
)
from desktop.models.ids import saved_id
from desktop.settings import load_settings, set_value

S = DossierStatus
# The demo dossiers share one sentence, so it claims nothing the table under it may contradict.
ACHIEVEMENT = (
    "Triển khai các chỉ tiêu chuyển đổi số và “Bình dân học vụ số” năm 2025 tại đơn vị; kết quả "
    "từng chỉ tiêu như bảng dưới đây."
)
CREATED, SUBMITTED = date(2025, 11, 20), date(2025, 12, 1)


def add_demo_round(session: Session, data: dict[str, Any], units: list[Unit]) -> None:
    """The 2025 round of the demo ward, in the caller's transaction."""
    for key, value in data["settings"].items():
        set_value(session, key, value)
    campaign = session.exec(
        select(Campaign).where(Campaign.year == 2025, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    campaign_id = saved_id(campaign.id)
    members = _members(session, data["members"], campaign.year)
    meeting = _meeting(session, data["meeting"], campaign_id, members)
    forms = {f.code: f for f in session.exec(select(AwardForm))}
    by_code = {u.code: u for u in units}
    person = session.exec(select(Person).where(Person.unit_id == by_code["VHXH"].id)).first()
    assert person is not None  # the demo's office has its staff
    votes = data["votes"]
    plan: list[tuple[str, Unit | None, Person | None]] = [
        ("GKCTP", by_code["THCSTTN"], None),
        ("GKCTP", by_code["TDP03"], None),
        ("BKCTTP", by_code["VHXH"], None),
        ("GKCTP", by_code["DNHPS"], None),
        ("GKCTP", None, person),
    ]
    decided: list[Dossier] = []
    for code, unit, nominee in plan:
        form = forms[code]
        ballot = votes.get(unit.code) if unit is not None else None
        # A draft of the round is left as the unit sent it, for the new user to fill in.
        dossier = _dossier(
            session, campaign_id, form, unit, nominee, by_code["VHXH"], ballot is not None
        )
        if ballot is None:
            continue
        _step(session, dossier, S.SUBMITTED_TO_COUNCIL, SUBMITTED, "Trình Hội đồng phường")
        proposed = _vote(session, meeting, dossier, form, ballot, len(members))
        if proposed and unit is not None and unit.code in data["decision"]["for"]:
            decided.append(dossier)
    _decision(session, data["decision"], campaign_id, decided, forms)


def _members(session: Session, rows: list[list[str]], year: int) -> list[CouncilMember]:
    members = [
        CouncilMember(
            year=year, full_name=name, position=position, role=CouncilRole(role), ordinal=i
        )
        for i, (name, position, role) in enumerate(rows, start=1)
    ]
    session.add_all(members)
    session.flush()
    return members


def _meeting(
    session: Session, data: dict[str, Any], campaign_id: int, members: list[CouncilMember]
) -> CouncilMeeting:
    meeting = CouncilMeeting(
        campaign_id=campaign_id,
        held_on=date.fromisoformat(data["held_on"]),
        starts_at=time.fromisoformat(data["starts_at"]) if "starts_at" in data else None,
        ends_at=time.fromisoformat(data["ends_at"]) if "ends_at" in data else None,
        place=data["place"],
        note=data["note"],
    )
    session.add(meeting)
    session.flush()
    for member in members:
        if member.full_name not in data["absent"]:
            session.add(
                CouncilAttendance(meeting_id=saved_id(meeting.id), member_id=saved_id(member.id))
            )
    return meeting


def _dossier(
    session: Session,
    campaign_id: int,
    form: AwardForm,
    unit: Unit | None,
    person: Person | None,
    office: Unit,
    complete: bool,
) -> Dossier:
    """A dossier, when ``complete`` with every standard met and every paper the unit brings."""
    dossier = Dossier(
        campaign_id=campaign_id,
        award_form_id=saved_id(form.id),
        nominee_unit_id=unit.id if unit else None,
        nominee_person_id=person.id if person else None,
        proposing_unit_id=(unit or office).id,
        achievement=json.dumps({"thanh_tich": ACHIEVEMENT}, ensure_ascii=False),
        created_at=datetime.combine(CREATED, time(8)),
        updated_at=datetime.combine(CREATED, time(8)),
    )
    session.add(dossier)
    session.flush()
    dossier_id = saved_id(dossier.id)
    session.add(
        DossierEvent(
            dossier_id=dossier_id,
            at=datetime.combine(CREATED, time(8)),
            to_status=S.DRAFT,
            note="Tạo hồ sơ",
        )
    )
    if not complete:
        return dossier
    nominee = nominee_of(session, dossier)
    for criterion in criteria_of(session, saved_id(form.id), nominee.kind):
        if not criterion.heading:
            session.add(
                DossierCriterionCheck(
                    dossier_id=dossier_id,
                    criterion_id=saved_id(criterion.id),
                    met=True,
                    evidence="Báo cáo kết quả năm 2025 của đơn vị",
                )
            )
    for component in components_of(session, saved_id(form.id)):
        if component.required and not component.made_by:
            session.add(
                DossierComponentCheck(
                    dossier_id=dossier_id, component_id=saved_id(component.id), present=True
                )
            )
    session.flush()
    return dossier


def _step(session: Session, dossier: Dossier, to: DossierStatus, day: date, note: str) -> None:
    at = datetime.combine(day, time(9))
    session.add(
        DossierEvent(
            dossier_id=saved_id(dossier.id),
            at=at,
            from_status=dossier.status,
            to_status=to,
            note=note,
        )
    )
    dossier.status = to
    dossier.updated_at = at
    session.add(dossier)


def _vote(
    session: Session,
    meeting: CouncilMeeting,
    dossier: Dossier,
    form: AwardForm,
    ballot: list[int],
    members: int,
) -> bool:
    issued, valid, votes_for = ballot
    proposed = reaches_share(votes_for, members, form.vote_percent, form.vote_comparison)
    conclusion = f"{votes_for}/{members} thành viên đồng ý: Hội đồng " + (
        "đề nghị khen thưởng" if proposed else "không đề nghị khen thưởng"
    )
    session.add(
        CouncilVote(
            meeting_id=saved_id(meeting.id),
            dossier_id=saved_id(dossier.id),
            ballots_issued=issued,
            ballots_valid=valid,
            ballots_for=votes_for,
            members=members,
            proposed=proposed,
            conclusion=conclusion,
        )
    )
    _made(session, dossier, "minutes", f"Biên bản họp Hội đồng ngày {meeting.held_on:%d/%m/%Y}")
    _step(
        session,
        dossier,
        S.COUNCIL_PROPOSED if proposed else S.COUNCIL_DECLINED,
        meeting.held_on,
        conclusion,
    )
    return proposed


def _made(session: Session, dossier: Dossier, made_by: str, note: str) -> None:
    for component in components_of(session, dossier.award_form_id):
        if component.made_by == made_by:
            session.add(
                DossierComponentCheck(
                    dossier_id=saved_id(dossier.id),
                    component_id=saved_id(component.id),
                    present=True,
                    note=note,
                )
            )


def _decision(
    session: Session,
    data: dict[str, Any],
    campaign_id: int,
    dossiers: list[Dossier],
    forms: dict[str, AwardForm],
) -> None:
    signed_on = date.fromisoformat(data["signed_on"])
    base_salary = load_settings(session).base_salary
    decision = AwardDecision(
        campaign_id=campaign_id,
        authority=Authority.WARD,
        number=data["number"],
        signed_on=signed_on,
        issuer=data["issuer"],
        base_salary=base_salary,
    )
    session.add(decision)
    session.flush()
    by_id = {f.id: f for f in forms.values()}
    for number, dossier in enumerate(dossiers, start=1):
        form = by_id[dossier.award_form_id]
        permille = (
            form.bonus_individual_permille
            if dossier.nominee_person_id is not None
            else form.bonus_collective_permille
        )
        for made_by in ("submission", "nominees"):
            _made(session, dossier, made_by, "Tờ trình của Phòng Văn hóa - Xã hội ngày 15/12/2025")
        dossier.decision_id = decision.id
        dossier.decision_number, dossier.decision_date = decision.number, signed_on
        dossier.decision_issuer = decision.issuer
        dossier.bonus_amount = bonus_amount(permille, base_salary)
        _step(session, dossier, S.AWARDED, signed_on, f"Quyết định số {decision.number}")
        session.add(
            CertificateEntry(
                decision_id=saved_id(decision.id),
                dossier_id=saved_id(dossier.id),
                year=signed_on.year,
                number=number,
                printed_on=signed_on,
            )
        )
    session.flush()
