"""The wards whose every printed document the checker measures, and the documents themselves.

Two wards: the demo ward (its 2025 round: a council meeting, ballots, the THCS dossier decided) and
a large one — the demo ward with 300 synthetic units more, reporting every indicator each quarter of
2025 and 2026 as desktop/demo/ward.py build_synthetic_ward makes them, so that the reports' annex
runs over many pages. Each ward is printed in three states:

* draft — every kind as the window previews it before anything is issued;
* blank — every kind's blank form;
* issued — in a copy of the ward, issued in the order a ward issues them: the plan, the reports
  (their Phương hướng written first, as the clerk must), the Biên bản, the Tờ trình to the
  Chairman and to the city (a second dossier proposed so that the ward's has one to list), the
  Quyết định, then the Giấy khen of the decision; the attachments that take no number (Danh sách,
  kiểm phiếu, Sổ theo dõi, Báo cáo thành tích) as they print once their document is issued.

A document that cannot be made is kept as the refusal's text, so that the test of that one kind
fails with it and the others still run.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session, col, select

from desktop.changes import Door
from desktop.decisions.certificate_ops import preview_certificates, print_certificates
from desktop.demo.ward import build_demo_ward, synthetic_unit_rows
from desktop.documents import ops
from desktop.documents.common import DocumentRequest
from desktop.errors import Refusal
from desktop.models import (
    AwardDecision,
    AwardForm,
    Campaign,
    CampaignKind,
    CouncilMeeting,
    Dossier,
    DossierStatus,
    Indicator,
    Person,
    QuarterValue,
    ReportDirection,
    Unit,
    UnitKind,
    ValueKind,
)
from desktop.models._base import now, table_of
from desktop.models.ids import CampaignId, DecisionId, DossierId, MeetingId, saved_id
from desktop.storage import Database
from tests.decisions.chain import proposed_dossier

WARDS = ("demo", "synthetic300")
STATES = ("draft", "issued", "blank")
SYNTHETIC_UNITS = 300


@dataclass(frozen=True)
class Kind:
    """A document the app prints: its request in a ward, the checker's profile, its states."""

    name: str
    request: Callable[[WardIds], DocumentRequest] | None  # None: the Giấy khen of the decision
    profile: str = "administrative"
    states: tuple[str, ...] = STATES


@dataclass(frozen=True)
class WardIds:
    campaign: CampaignId
    meeting: MeetingId
    collective: DossierId  # a draft (the demo's business); once issued, the decided THCS
    individual: DossierId  # the demo's person (a draft); once issued, a person's proposed dossier


KINDS: tuple[Kind, ...] = (
    Kind("plan", lambda w: DocumentRequest("plan")),
    Kind("report-2026q3", lambda w: DocumentRequest("report", year=2026, quarter=3)),
    Kind("report-2025", lambda w: DocumentRequest("report", year=2025)),
    # The yearly report on the movement, to the city (its Khó khăn and Phương hướng written first).
    Kind("yearly-2025", lambda w: DocumentRequest("yearly", year=2025)),
    # The sơ kết report over 2025–2027 (its Khó khăn and Phương hướng written first); it has no
    # blank form: it is the ward's own record.
    Kind(
        "review-2027",
        lambda w: DocumentRequest("review", period="2025-2027"),
        states=("draft", "issued"),
    ),
    Kind("nominees-ward", lambda w: DocumentRequest("nominees", campaign_id=w.campaign, to="ward")),
    Kind("nominees-city", lambda w: DocumentRequest("nominees", campaign_id=w.campaign, to="city")),
    Kind(
        "submission-ward",
        lambda w: DocumentRequest("submission", campaign_id=w.campaign, to="ward"),
    ),
    Kind(
        "submission-city",
        lambda w: DocumentRequest("submission", campaign_id=w.campaign, to="city"),
    ),
    Kind(
        "achievement-collective",
        lambda w: DocumentRequest("achievement", dossier_id=w.collective),
    ),
    # A person's report of achievements (the award decree's form) is signed by the person, not
    # issued by an agency: no agency column, no trích yếu rule to hold it to.
    Kind(
        "achievement-individual",
        lambda w: DocumentRequest("achievement", dossier_id=w.individual),
        "attachment",
    ),
    Kind("minutes", lambda w: DocumentRequest("minutes", meeting_id=w.meeting)),
    # The vote count goes with the Biên bản; the blank one is the ballot form of the council.
    Kind("ballots", lambda w: DocumentRequest("ballots", meeting_id=w.meeting), "attachment"),
    Kind("decision", lambda w: DocumentRequest("decision", campaign_id=w.campaign)),
    # Sổ theo dõi khen thưởng: a register table kept by the office (not a văn bản of Phụ lục I).
    # It is the office's own book, never a draft: printed as it stands, or blank to keep by hand.
    Kind("awards", lambda w: DocumentRequest("awards"), "attachment", ("issued", "blank")),
    # The Giấy khen is printed from a recorded decision only: a preview, then the numbered print.
    Kind("certificates", None, "certificate", ("draft", "issued")),
)

# The order a ward issues its numbered documents in, and their dates.
ISSUE_ORDER: tuple[tuple[str, date, int | None], ...] = (
    ("plan", date(2025, 7, 7), None),
    ("report-2025", date(2026, 1, 5), None),
    ("yearly-2025", date(2026, 1, 10), None),
    ("report-2026q3", date(2026, 10, 5), None),
    ("review-2027", date(2026, 11, 30), None),
    ("minutes", date(2025, 12, 10), None),
    ("submission-ward", date(2025, 12, 12), None),
    ("submission-city", date(2025, 12, 15), None),
    ("decision", date(2025, 12, 20), 126),
)
CERTIFICATES_PRINTED = date(2025, 12, 22)
DIRECTIONS = {
    (2025, 0): "Tiếp tục đẩy mạnh tuyên truyền, hướng dẫn người dân học tập kỹ năng số trên nền "
    "tảng “Bình dân học vụ số”; đôn đốc các đơn vị chưa đạt chỉ tiêu.",
    (2026, 3): "Đề nghị các đơn vị chưa báo cáo gửi số liệu quý III năm 2026 để phường tổng hợp, "
    "đánh giá đầy đủ kết quả thực hiện các chỉ tiêu.",
}

DIFFICULTIES = {
    2025: "Một số đơn vị báo cáo số liệu chậm; người cao tuổi còn gặp khó khăn khi xác nhận phổ "
    "cập kỹ năng số trên VNeID."
}

REVIEW_TEXTS = {
    "difficulties": "Một số đơn vị chưa gửi kế hoạch thực hiện Phong trào thi đua.",
    "text": "Tiếp tục mở các lớp “Bình dân học vụ số” cho người dân ở các tổ dân phố.",
}

Printed = dict[tuple[str, str], bytes | str]  # (kind, state) → the PDF, or why it was not made


@dataclass
class PrintedWard:
    name: str
    codes: frozenset[str]  # what must never be printed: indicator, unit-kind and award-form codes
    documents: Printed


# ----------------------------------------------------------------------------- the wards


def build(name: str, folder: Path) -> Database:
    """The ward's database, in ``folder``."""
    db = Database.open(folder / f"{name}.sqlite3")
    build_demo_ward(db)
    if name == "synthetic300":
        add_synthetic_units(db, SYNTHETIC_UNITS)
    return db


def add_synthetic_units(db: Database, count: int, seed: int = 7) -> None:
    """``count`` more units reporting every indicator each quarter of 2025 and 2026, made as
    build_synthetic_ward makes its units (bulk rows, no audit trail: generated data)."""
    rng = random.Random(seed)
    kinds = list(UnitKind)
    stamp = now()
    with db.session() as session:
        indicators = list(session.exec(select(Indicator).order_by(col(Indicator.ordinal))))
        before = set(session.exec(select(Unit.id)))
        session.connection().execute(insert(table_of(Unit)), synthetic_unit_rows(count, rng, kinds))
        new = [u for u in session.exec(select(Unit.id).order_by(col(Unit.id))) if u not in before]
        values = []
        for unit_id in new:
            for indicator in indicators:
                denominator = rng.randint(10, 1500)
                start = rng.uniform(0.3, 0.7)
                for year in (2025, 2026):
                    for quarter in range(1, 5):
                        share = min(1.0, start + 0.03 * ((year - 2025) * 4 + quarter - 1))
                        yes_no = indicator.value_kind is ValueKind.YES_NO
                        values.append(
                            {
                                "unit_id": unit_id,
                                "indicator_id": indicator.id,
                                "year": year,
                                "quarter": quarter,
                                "numerator": int(share >= 0.5)
                                if yes_no
                                else int(denominator * share),
                                "denominator": 1 if yes_no else denominator,
                                "note": "",
                                "updated_at": stamp,
                            }
                        )
        session.connection().execute(insert(table_of(QuarterValue)), values)


def ward_ids(session: Session) -> WardIds:
    campaign = session.exec(
        select(Campaign).where(Campaign.year == 2025, Campaign.kind == CampaignKind.YEARLY)
    ).one()
    dossiers = list(session.exec(select(Dossier).where(Dossier.campaign_id == campaign.id)))
    # A report of achievements is a draft while its dossier is with the clerk (the demo's
    # business and person); the decided school's is final (see _issue_all).
    collective = next(
        d for d in dossiers if d.nominee_unit_id is not None and d.status is DossierStatus.DRAFT
    )
    individual = next(d for d in dossiers if d.nominee_person_id is not None)
    meeting = session.exec(
        select(CouncilMeeting).where(CouncilMeeting.campaign_id == campaign.id)
    ).first()
    assert meeting is not None  # the demo's round has its meeting
    return WardIds(
        CampaignId(saved_id(campaign.id)),
        MeetingId(saved_id(meeting.id)),
        DossierId(saved_id(collective.id)),
        DossierId(saved_id(individual.id)),
    )


def codes_of(session: Session) -> frozenset[str]:
    indicators = {i.code for i in session.exec(select(Indicator))}
    forms = {f.code for f in session.exec(select(AwardForm))}
    return frozenset(indicators | forms | {k.value for k in UnitKind})


def _try(make: Callable[[], bytes]) -> bytes | str:
    try:
        return make()
    except Refusal as refusal:
        return f"refused: {refusal.text()}"


def print_ward(name: str, folder: Path) -> PrintedWard:
    """Every kind × state of the ward."""
    folder.mkdir(parents=True, exist_ok=True)
    db = build(name, folder)
    door = Door(lambda: db)
    ids = door.read(ward_ids)
    codes = door.read(codes_of)
    printed: Printed = {}
    decision_1 = door.read(_first_decision)
    for kind in KINDS:
        if kind.request is None:
            printed[(kind.name, "draft")] = _try(
                lambda: door.read(preview_certificates(decision_1)).pdf
            )
            continue
        request = kind.request(ids)
        printed[(kind.name, "draft")] = _try(partial(_draft, door, request))
        printed[(kind.name, "blank")] = _try(partial(_draft, door, replace(request, blank=True)))
    db.close()
    issued_path = folder / f"{name}-issued.sqlite3"
    shutil.copyfile(folder / f"{name}.sqlite3", issued_path)
    printed.update(_issue_all(Database.open(issued_path), ids, folder / f"{name}-documents"))
    return PrintedWard(name, codes, printed)


def _draft(door: Door, request: DocumentRequest) -> bytes:
    return door.read(ops.draft(request)).pdf


def _issue(
    door: Door, request: DocumentRequest, day: date, documents: Path, number: int | None
) -> bytes:
    return door.run(ops.issue(request, day, documents, number)).pdf


def _first_decision(session: Session) -> DecisionId:
    decision = session.exec(select(AwardDecision).order_by(col(AwardDecision.id))).first()
    assert decision is not None  # the demo's THCS dossier is decided
    return DecisionId(saved_id(decision.id))


def _last_decision(session: Session) -> DecisionId:
    decision = session.exec(select(AwardDecision).order_by(col(AwardDecision.id).desc())).first()
    assert decision is not None
    return DecisionId(saved_id(decision.id))


def _prepare_issuing(session: Session) -> DossierId:
    """The directions written, and two more dossiers the council proposed: a unit's, for the
    ward's Tờ trình to list (the demo's are decided already), and a person's, whose report of
    achievements then prints as it goes with the Tờ trình (the demo's person is still a draft).
    Returns the person's dossier."""
    for (year, quarter), text in DIRECTIONS.items():
        difficulties = DIFFICULTIES.get(year, "") if quarter == 0 else ""
        session.add(
            ReportDirection(year=year, quarter=quarter, text=text, difficulties=difficulties)
        )
    session.add(ReportDirection(year=2027, quarter=0, review=True, **REVIEW_TEXTS))
    proposed_dossier(session, unit_code="TDP01")
    nominated = {d.nominee_person_id for d in session.exec(select(Dossier))}
    person = session.exec(
        select(Person)
        .where(col(Person.id).not_in([p for p in nominated if p is not None]))
        .order_by(col(Person.id))
    ).first()
    assert person is not None  # the demo ward has persons enough
    return DossierId(proposed_dossier(session, person_id=saved_id(person.id)))


def _issue_all(db: Database, ids: WardIds, documents: Path) -> Printed:
    door = Door(lambda: db)
    documents.mkdir(parents=True, exist_ok=True)
    with db.session() as session:
        decided = session.exec(
            select(Dossier).where(Dossier.status == DossierStatus.AWARDED)
        ).first()
        assert decided is not None  # the demo's THCS dossier
        ids = replace(
            ids,
            collective=DossierId(saved_id(decided.id)),
            individual=_prepare_issuing(session),
        )
    kinds = {k.name: k for k in KINDS}
    printed: Printed = {}
    for name, day, number in ISSUE_ORDER:
        make = kinds[name].request
        assert make is not None  # every numbered kind has its request
        request = make(ids)
        if name == "decision":
            # A Quyết định is drafted once the Tờ trình it decides is issued, never before.
            printed[(name, "draft")] = _try(partial(_draft, door, request))
        printed[(name, "issued")] = _try(partial(_issue, door, request, day, documents, number))
    for kind in KINDS:
        if kind.request is not None and (kind.name, "issued") not in printed:
            request = kind.request(ids)
            printed[(kind.name, "issued")] = _try(partial(_draft, door, request))
    decision = door.read(_last_decision)
    printed[("certificates", "issued")] = _try(
        lambda: door.run(print_certificates(decision, CERTIFICATES_PRINTED)).pdf
    )
    db.close()
    return printed
