"""What issuing a document asks first: the register's dates and numbers kept in order.

The register never refuses a date out of order — the clerk may have a reason (a paper signed late
and numbered now) — but it says what it sees before giving the number, and the window or the
command line asks "Vẫn ban hành?":

1. the new number dated before the previous number of its book in the year, or the clerk's own
   number (a Quyết định) dated after the next one;
2. a document dated before what it cites: the Kế hoạch a Báo cáo, a Tờ trình or a Quyết định
   answers to, the council's Biên bản and meeting a Tờ trình rests on, the Tờ trình a Quyết định
   decides, the meeting a Biên bản records (:data:`CITES`, one lookup per kind);
3. a second Tờ trình of the same round to the same authority;
4. a document dated before its period begins: a Tờ trình or Quyết định in a year before its
   round's, a Báo cáo before the first day of the quarter or year it reports (:data:`STARTS`).
   A quarterly report dated within its quarter (the 15th of the last month) is usual and asks
   nothing.

The refusals of issuing (a number already taken, nothing new to list) stay refusals: the same
:class:`~desktop.documents.kinds.DocumentError` is raised here, before anything is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop.decisions import submissions
from desktop.documents import decision, nominees, report
from desktop.documents.common import DocumentRequest
from desktop.documents.register import Book, book_of, checked_number
from desktop.models import CouncilMeeting, CouncilVote, IssuedDocument
from desktop.models.decisions import Authority
from desktop.models.ids import CampaignId, saved_id
from desktop.models.periods import first_day
from desktop.text import wording

# What a document of each numbered kind is called in a sentence ("Báo cáo số 02/BC-UBND").
NAMES = {
    "plan": "Kế hoạch",
    "report": "Báo cáo",
    "review": "Báo cáo",
    "submission": "Tờ trình",
    "minutes": "Biên bản",
    "decision": "Quyết định",
}
CITES_ISSUED = "một văn bản chỉ dẫn được văn bản đã ban hành trước hoặc cùng ngày với nó"


@dataclass(frozen=True)
class Cited:
    """Something a document rests on and the day it came to be: an issued paper, or a fact such
    as the council's meeting; ``why`` ends the sentence that asks."""

    name: str  # "Kế hoạch số 01/KH-UBND ngày 07/07/2025 mà nó dẫn", "phiên họp Hội đồng …"
    on: date
    why: str = CITES_ISSUED


@dataclass(frozen=True)
class Start:
    """The first day a document of a period may bear; ``before`` ends "sẽ mang ngày …, trước"."""

    on: date
    before: str  # "khi quý III năm 2025 mà nó báo cáo bắt đầu (01/07/2025)"
    why: str


def _cites(name: str, record: IssuedDocument) -> Cited:
    """An issued paper the document cites: "Kế hoạch số 01/KH-UBND ngày 07/07/2025 mà nó dẫn"."""
    when = wording.short_date(record.issued_on)
    return Cited(f"{name} số {record.symbol} ngày {when} mà nó dẫn", record.issued_on)


# -- what each kind cites --------------------------------------------------------------------------


def _plan(session: Session) -> list[Cited]:
    """The Kế hoạch the report, Tờ trình and Quyết định answer to: the one their
    ``plan_reference`` prints (:func:`desktop.documents.report.plan_reference`, the latest issued)."""
    plan = report.issued_plan(session)
    return [] if plan is None else [_cites("Kế hoạch", plan)]


def _campaign_id(session: Session, request: DocumentRequest) -> CampaignId:
    return CampaignId(saved_id(nominees.get_campaign(session, request).id))


def _proposing_meetings(session: Session, request: DocumentRequest) -> list[Cited]:
    """The council meetings whose votes proposed the dossiers the Tờ trình would list."""
    listed = submissions.pending_ids(session, _campaign_id(session, request), request.to)
    meeting = session.exec(
        select(CouncilMeeting)
        .join(CouncilVote, col(CouncilVote.meeting_id) == col(CouncilMeeting.id))
        .where(col(CouncilVote.dossier_id).in_(listed), col(CouncilVote.proposed))
        .order_by(col(CouncilMeeting.held_on).desc())
    ).first()
    held = None if meeting is None else meeting.held_on
    if held is None:
        return []
    return [
        Cited(
            f"phiên họp Hội đồng ngày {wording.short_date(held)} đã đề nghị các hồ sơ nó trình",
            held,
            "Tờ trình chỉ trình được hồ sơ Hội đồng đã họp và đề nghị",
        )
    ]


def _submission(session: Session, request: DocumentRequest) -> list[Cited]:
    minutes = submissions.council_minutes(session, _campaign_id(session, request))
    cited = [] if minutes is None else [_cites("Biên bản", minutes)]
    return [*_plan(session), *cited, *_proposing_meetings(session, request)]


def _decision(session: Session, request: DocumentRequest) -> list[Cited]:
    records, _ = decision.to_decide(session, _campaign_id(session, request))
    return [*_plan(session), *(_cites("Tờ trình", r) for r in records)]


def _minutes(session: Session, request: DocumentRequest) -> list[Cited]:
    meeting = session.get(CouncilMeeting, request.meeting_id) if request.meeting_id else None
    if meeting is None:
        return []
    held = meeting.held_on
    return [
        Cited(
            f"phiên họp Hội đồng ngày {wording.short_date(held)} mà nó ghi lại",
            held,
            "biên bản ghi lại một phiên họp đã diễn ra",
        )
    ]


CITES: dict[str, Callable[[Session, DocumentRequest], list[Cited]]] = {
    "report": lambda session, _request: _plan(session),
    "review": lambda session, _request: _plan(session),
    "submission": _submission,
    "decision": _decision,
    "minutes": _minutes,
}


# -- when each kind's period begins ----------------------------------------------------------------


def _report_start(session: Session, request: DocumentRequest) -> Start:
    year = report.document_year(session, request)
    begins = first_day(year, request.quarter or 1)
    return Start(
        begins,
        f"khi {report.period_text(year, request.quarter)} mà nó báo cáo bắt đầu "
        f"({wording.short_date(begins)})",
        "báo cáo chỉ nói được kết quả của kỳ đã bắt đầu",
    )


def _round_start(session: Session, request: DocumentRequest) -> Start:
    campaign = nominees.get_campaign(session, request)
    return Start(
        date(campaign.year, 1, 1),
        f"năm {campaign.year} của đợt xét “{campaign.name}”",
        "văn bản của một đợt xét không mang ngày của năm trước năm xét",
    )


STARTS: dict[str, Callable[[Session, DocumentRequest], Start | None]] = {
    "report": _report_start,
    "submission": _round_start,
    "decision": _round_start,
}


# -- the questions ---------------------------------------------------------------------------------


def _in_book(session: Session, book: Book, year: int) -> list[IssuedDocument]:
    return list(
        session.exec(
            select(IssuedDocument)
            .where(IssuedDocument.type_code == book.code, IssuedDocument.year == year)
            .order_by(col(IssuedDocument.number))
        ).all()
    )


def number_order(session: Session, book: Book, issued_on: date, number: int) -> list[str]:
    """The number out of date order with its neighbours in the book of the year."""
    symbol = f"{number:02d}/{book.suffix}"
    day = wording.short_date(issued_on)
    records = _in_book(session, book, issued_on.year)
    before = [r for r in records if r.number < number]
    after = [r for r in records if r.number > number]
    out = []
    if before and before[-1].issued_on > issued_on:
        previous = before[-1]
        out.append(
            f"Số {symbol} sẽ mang ngày {day}, trước ngày của số {previous.symbol} "
            f"({wording.short_date(previous.issued_on)}): số sau không được mang ngày trước số "
            "trước trong sổ văn bản."
        )
    if after and after[0].issued_on < issued_on:
        following = after[0]
        out.append(
            f"Số {symbol} sẽ mang ngày {day}, sau ngày của số {following.symbol} "
            f"({wording.short_date(following.issued_on)}): số trước không được mang ngày sau số "
            "sau trong sổ văn bản."
        )
    return out


def second_submission(session: Session, campaign_id: CampaignId | None, to: str) -> str:
    """The campaign already has a Tờ trình to the same authority and this one would list more:
    the sentence saying so, or "" (the first Tờ trình, or nothing new, which issuing refuses)."""
    if campaign_id is None or to not in ("ward", "city"):
        return ""
    earlier = submissions.earlier_of(session, campaign_id, to)
    new = submissions.pending_ids(session, campaign_id, to)
    if not earlier or not new:
        return ""
    authority = submissions.authority_of(to)
    whom = "Chủ tịch UBND phường" if authority is Authority.WARD else "UBND thành phố"
    issued = ", ".join(
        f"số {e.symbol} ngày {wording.short_date(e.issued_on)} ({e.dossiers} hồ sơ)"
        for e in earlier
    )
    return (
        f"Đợt xét này đã có Tờ trình trình {whom}: {issued}. Tờ trình mới sẽ trình thêm "
        f"{len(new)} hồ sơ Hội đồng đã đề nghị mà chưa trình."
    )


def questions_of(
    session: Session, request: DocumentRequest, issued_on: date, number: int | None = None
) -> list[str]:
    """Every question issuing ``request`` on ``issued_on`` (with the clerk's ``number``) puts."""
    book = book_of(session, request)  # refuses a blank form or an attachment, as issuing does
    number = checked_number(session, book, issued_on.year, number)
    name = NAMES.get(request.kind, "Văn bản")
    this = f"{name} số {number:02d}/{book.suffix}"
    day = wording.short_date(issued_on)
    out = number_order(session, book, issued_on, number)
    for cited in CITES.get(request.kind, lambda _s, _r: [])(session, request):
        if cited.on > issued_on:
            out.append(f"{this} sẽ mang ngày {day}, trước {cited.name}: {cited.why}.")
    if request.kind == "submission":
        second = second_submission(session, request.campaign_id, request.to)
        out += [second] if second else []
    start = STARTS[request.kind](session, request) if request.kind in STARTS else None
    if start is not None and issued_on < start.on:
        out.append(f"{this} sẽ mang ngày {day}, trước {start.before}: {start.why}.")
    return out


def issuing_questions(
    request: DocumentRequest, issued_on: date, number: int | None = None
) -> Callable[[Session], list[str]]:
    """Read before issuing (``ctx.door.read``): what to ask the clerk, each a whole sentence
    saying why; an empty list asks nothing. The caller shows them and asks "Vẫn ban hành?"."""
    return lambda session: questions_of(session, request, issued_on, number)
