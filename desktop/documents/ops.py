"""What the window and the command line do with documents, through the one door.

Changes (:data:`~desktop.changes.Operation`, run by ``ctx.door.run``): issuing a document — it
takes the next number of its type in the register of issued documents (sổ văn bản đã cấp số) —,
saving the page layout (thể thức: lề trang, cỡ chữ) and saving a report's Phương hướng, đề xuất
(:func:`save_direction`). All announce :attr:`Area.DOCUMENTS`. Issuing has no undo: a number once
given is never taken back (Nghị định 30/2020); before it, :func:`issuing_questions` says what to
ask the clerk (a date out of the register's order, a second Tờ trình …).

Reads (functions of a session, run by ``ctx.door.read``): a draft to preview, the tables of a
document for Excel, the register, a reprint, the layout and the choices of the page. They hand
back plain records, so that the window holds no database object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from desktop.changes import Area, Change, Done, Operation
from desktop.documents import directions, register, review_texts
from desktop.documents.common import DocumentRequest
from desktop.documents.layout import PageLayout, load_layout, save_layout
from desktop.documents.service import Prepared, lay_out, prepare
from desktop.models.ids import CampaignId, DocumentId, DossierId, MeetingId, saved_id

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.models import IssuedDocument

T = TypeVar("T")
# Kinds whose issuing changes dossiers (what they listed, the decision recorded on each).
DOSSIER_KINDS = ("submission", "decision", "minutes")
Query = Callable[["Session"], T]


@dataclass(frozen=True)
class Rendered:
    """A PDF to show, print or save, and what it is: a draft of ``request``, or an issued
    document (its number ``symbol``, its date, its id in the register)."""

    pdf: bytes
    title: str
    request: DocumentRequest | None = None  # None for a reprint: the register keeps the bytes
    symbol: str = ""
    issued_on: date | None = None
    document_id: DocumentId | None = None


@dataclass(frozen=True)
class IssuedEntry:
    """One line of the register of issued documents (sổ văn bản đi)."""

    id: DocumentId
    symbol: str  # "07/BC-UBND"
    issued_on: date
    title: str  # trích yếu
    kind: str


# -- changes -------------------------------------------------------------------------------------


def issue(
    request: DocumentRequest,
    issued_on: date,
    documents_folder: Path,
    number: int | None = None,
) -> Operation[Rendered]:
    """Cấp số và ban hành: number (the next one, or the clerk's ``number``), lay out, keep and
    record the document in one transaction. A Tờ trình or Quyết định also changes the dossiers it
    lists: those are announced with it."""

    def run(session: Session) -> Done[Rendered]:
        record, pdf = register.issue_document(session, documents_folder, request, issued_on, number)
        document_id = DocumentId(saved_id(record.id))
        rendered = Rendered(
            pdf, record.title, request, record.symbol, record.issued_on, document_id
        )
        change = Change.of(Area.DOCUMENTS, document_id)
        if request.kind in DOSSIER_KINDS:
            change = change | Change.areas_of(Area.DOSSIERS)
        return Done(rendered, change)

    return run


def save_page_layout(layout: PageLayout) -> Operation[PageLayout]:
    """Lưu lề trang và cỡ chữ; a value outside the decree's ranges is refused, nothing saved."""

    def run(session: Session) -> Done[PageLayout]:
        save_layout(session, layout)
        return Done(layout, Change.areas_of(Area.DOCUMENTS))

    return run


save_direction = directions.save_direction  # Lưu phần Phương hướng, đề xuất (undoable)
save_difficulties = directions.save_difficulties  # Lưu phần Khó khăn, vướng mắc (undoable)
save_yearly_texts = directions.save_yearly_texts  # both parts of the yearly report, one step
difficulties_of = directions.difficulties_of
save_review_texts = review_texts.save_review_texts  # a review's Khó khăn and Phương hướng
review_texts_of = review_texts.texts_of


# -- reads ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DirectionText:
    """What the Phương hướng dialog starts from: the saved text, or (``saved`` False) the
    sentences a draft prints until the clerk writes them."""

    text: str
    saved: bool
    difficulties: str = ""  # the year's Khó khăn, vướng mắc, saved or suggested ("" for a quarter)


def report_direction(year: int, quarter: int | None) -> Query[DirectionText]:
    def read(session: Session) -> DirectionText:
        from desktop.documents.report import suggested_direction
        from desktop.documents.yearly import SUGGESTED_DIFFICULTIES

        saved = directions.saved_text(session, year, quarter)
        # The yearly report's Khó khăn: as the draft prints it until the clerk writes it.
        difficulties = "" if quarter else directions.saved_difficulties(session, year)
        difficulties = difficulties or ("" if quarter else SUGGESTED_DIFFICULTIES)
        if saved:
            return DirectionText(saved, True, difficulties)
        return DirectionText(suggested_direction(session, year, quarter), False, difficulties)

    return read


def issuing_questions(
    request: DocumentRequest, issued_on: date, number: int | None = None
) -> Query[list[str]]:
    """What issuing asks first, each a sentence saying why (:mod:`desktop.documents.ordering`);
    empty: nothing to ask. A refusal of issuing (a number taken) is raised here already."""
    from desktop.documents.ordering import issuing_questions as questions

    return questions(request, issued_on, number)


def draft(request: DocumentRequest) -> Query[Rendered]:
    """The document as it would print today, without a number (bản nháp), or its blank form."""

    def read(session: Session) -> Rendered:
        prepared = prepare(session, request)
        return Rendered(lay_out(session, prepared), prepared.title, request)

    return read


def filled(request: DocumentRequest) -> Query[Prepared]:
    """The filled template of a document, for its tables in Excel."""
    return lambda session: prepare(session, request)


def issued_documents(session: Session) -> list[IssuedEntry]:
    """The register, newest year first, newest number first."""
    return [_entry(d) for d in register.list_issued(session)]


def _entry(record: IssuedDocument) -> IssuedEntry:
    return IssuedEntry(
        DocumentId(saved_id(record.id)), record.symbol, record.issued_on, record.title, record.kind
    )


def reprinted(document_id: DocumentId, documents_folder: Path) -> Query[Rendered]:
    """The very bytes the ward issued (in lại), checked against the register's hash."""

    def read(session: Session) -> Rendered:
        pdf = register.reprint(session, documents_folder, document_id)
        record = register.find_issued(session, document_id)
        return Rendered(pdf, record.title, None, record.symbol, record.issued_on, document_id)

    return read


def page_layout(session: Session) -> PageLayout:
    return load_layout(session)


# The choices need the dossiers' module, which no command of documents does: imported when asked,
# so that ``python -m desktop document …`` does not load it.


def campaigns(session: Session) -> list[tuple[CampaignId, str]]:
    from desktop.documents.choices import campaign_choices

    return campaign_choices(session)


def meetings_of(campaign_id: CampaignId | None) -> Query[list[tuple[MeetingId, str]]]:
    from desktop.documents.choices import meeting_choices

    return lambda session: meeting_choices(session, campaign_id)


def dossiers_of(campaign_id: CampaignId | None) -> Query[list[tuple[DossierId, str]]]:
    from desktop.documents.choices import dossier_choices

    return lambda session: dossier_choices(session, campaign_id)
