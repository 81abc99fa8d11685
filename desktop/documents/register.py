"""The register of issued documents (sổ văn bản đi): numbering, issuing, identical reprints.

Issuing gives a document the next number of its book in the year ("07/BC-UBND"), renders it with
that number and date, keeps the PDF under ``documents/`` by its SHA-256, and records it; a reprint
returns those very bytes. A draft is rendered without a number and records nothing.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import event, func
from sqlmodel import Session, col, select

from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.renderer import Issue, symbol_suffix
from desktop.documents.service import Prepared, kind_module, lay_out, prepare
from desktop.models import IssuedDocument
from desktop.models.ids import DocumentId
from desktop.settings import load_settings
from desktop.text.saving import folder_missing, known_failure

log = logging.getLogger("thidua.documents")


def list_issued(session: Session) -> list[IssuedDocument]:
    query = select(IssuedDocument).order_by(
        col(IssuedDocument.year).desc(), col(IssuedDocument.id).desc()
    )
    return list(session.exec(query).all())


def next_number(session: Session, type_code: str, year: int) -> int:
    """The next number of ``type_code`` in ``year``: numbering starts at 1 each year."""
    current = session.exec(
        select(func.max(IssuedDocument.number)).where(
            IssuedDocument.type_code == type_code, IssuedDocument.year == year
        )
    ).one()
    return (current or 0) + 1


BOOK_CODE_LENGTH = 8  # IssuedDocument.type_code


def book_code(type_code: str, suffix: str, agency_abbreviation: str) -> str:
    """The book a document is numbered in, as kept in ``IssuedDocument.type_code``.

    Each issuer keeps its own book of each type (Nghị định 30: the number runs per issuer): the
    ward's own documents are kept under their code ("TTr", numbered 01/TTr-UBND …), a document
    another body issues under its whole suffix ("TTr-VHXH", the standing office's Tờ trình, its
    own 01, 02 …). A suffix too long for the column ("BB-HĐTĐKT") is kept under its code: the
    ward issues no biên bản of its own, and should it ever, both would share one sequence of
    numbers, never the same number twice.
    """
    if suffix in ("", f"{type_code}-{agency_abbreviation}") or len(suffix) > BOOK_CODE_LENGTH:
        return type_code
    return suffix


@dataclass(frozen=True)
class Book:
    """The book a request is numbered in, and the document as it would print."""

    code: str  # IssuedDocument.type_code: "BC", "TTr-VHXH"
    suffix: str  # what follows the number in the symbol: "BC-UBND", "TTr-VHXH"
    prepared: Prepared


def book_of(session: Session, request: DocumentRequest) -> Book:
    """The book ``request`` takes its number from; refused for what is never numbered, and for
    what its kind refuses to issue yet (``check_issuable(session, request)``: a report without its
    Phương hướng, a Tờ trình with nothing to list, a Biên bản nobody can sign) — before any
    question is put and before anything is laid out."""
    if request.blank:
        raise DocumentError("Mẫu trắng không được cấp số; hãy in bản nháp.")
    check_issuable = getattr(kind_module(request.kind), "check_issuable", None)
    if check_issuable is not None:
        check_issuable(session, request)
    prepared = prepare(session, request)
    if not prepared.type_code or prepared.type_code == "-":
        raise DocumentError(
            "Văn bản này là phụ lục kèm theo Tờ trình, không có số riêng; hãy cấp số cho Tờ trình."
        )
    settings = load_settings(session)
    suffix = symbol_suffix(prepared.lines, settings) or (
        f"{prepared.type_code}-{settings.agency_abbreviation}"
    )
    return Book(
        book_code(prepared.type_code, suffix, settings.agency_abbreviation), suffix, prepared
    )


def checked_number(session: Session, book: Book, year: int, number: int | None) -> int:
    """The number a document takes: the next of its book, or the clerk's own ``number``,
    refused when it is below 1 or the book already has it that year."""
    if number is None:
        return next_number(session, book.code, year)
    if number < 1 or _taken(session, book.code, year, number):
        raise DocumentError(
            f"Số {number:02d}/{book.suffix} năm {year} "
            + ("không hợp lệ." if number < 1 else "đã có trong sổ văn bản; hãy kiểm tra lại số.")
        )
    return number


def pdf_path(documents_folder: Path, sha256: str) -> Path:
    return Path(documents_folder) / f"{sha256}.pdf"


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the place and rename, so that a crash never leaves half a PDF under its name.

    The folder must be there: only the app's own ``documents/`` is created, by its caller."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        with temporary.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.replace(path)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise


WRITE_FAILED = "Không ghi được tệp “{path}”: {why}. Hãy chọn nơi lưu khác rồi thử lại."
WHY = {
    errno.EACCES: "thư mục chỉ cho phép đọc, hoặc tệp đang mở trong chương trình khác",
    errno.EPERM: "thư mục chỉ cho phép đọc, hoặc tệp đang mở trong chương trình khác",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.ENOTDIR: "nơi lưu không phải là một thư mục",
    errno.EEXIST: "nơi lưu không phải là một thư mục",
    errno.EISDIR: "đã có một thư mục trùng tên",
}


def check_out_folder(path: Path) -> None:
    """Refuse a chosen place whose folder is not there, before any work (or a number) is spent.

    Never created: a folder that is gone is a pulled USB stick or a mistyped path, and a PDF
    written into a folder made up for it would be "saved" where the clerk will never look. Worded
    as the Excel writers word it (:mod:`desktop.text.saving`)."""
    path = Path(path)
    if not path.parent.exists():
        raise DocumentError(folder_missing(path))


def write_pdf(path: Path, data: bytes) -> Path:
    """Write a PDF where the clerk chose; a place that cannot be written is refused in words.

    A folder that is not there is refused, never created; it and a full disk are worded as for
    every file the clerk saves (:mod:`desktop.text.saving`)."""
    path = Path(path)
    check_out_folder(path)
    try:
        _write_atomically(path, data)
    except OSError as error:
        known = known_failure(path, error)
        if known is not None:
            raise DocumentError(known) from error
        # Not the system's English words: what the failure may mean.
        why = WHY.get(
            error.errno or 0, "lỗi đọc ghi ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hay đã bị rút ra)"
        )
        raise DocumentError(WRITE_FAILED.format(path=path, why=why)) from error
    return path


def issue_document(
    session: Session,
    documents_folder: Path,
    request: DocumentRequest,
    issued_on: date,
    number: int | None = None,
) -> tuple[IssuedDocument, bytes]:
    """Number, render, store and record a document in the caller's transaction.

    ``number`` is the clerk's own number (a Quyết định numbered in the ward's book); refused when
    its type already has it that year. A kind's module may act on its own issuing in the same
    transaction with ``on_issue(session, record, request)`` (a Tờ trình records what it listed,
    a Quyết định the decision on every dossier); a refusal there leaves nothing issued.

    The PDF is written before the record, since a record without its file could never be
    reprinted; if the transaction then rolls back (a refusal, a full or read-only disk at the
    commit) the file it wrote is removed with it, so that the folder is as it was.
    """
    book = book_of(session, request)
    prepared, suffix = book.prepared, book.suffix
    year = issued_on.year
    number = checked_number(session, book, year, number)
    pdf = lay_out(session, prepared, Issue(year, number, issued_on))
    sha = hashlib.sha256(pdf).hexdigest()
    path = pdf_path(documents_folder, sha)
    written = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)  # the app's own documents/, made when first used
    _write_atomically(path, pdf)
    if written:
        _removed_on_rollback(session, path)
    record = IssuedDocument(
        kind=request.kind,
        type_code=book.code,
        year=year,
        number=number,
        symbol=f"{number:02d}/{suffix}",
        title=prepared.title,
        issued_on=issued_on,
        params=json.dumps(request.params(), ensure_ascii=False, sort_keys=True),
        pdf_sha256=sha,
    )
    session.add(record)
    session.flush()
    on_issue = getattr(kind_module(request.kind), "on_issue", None)
    if on_issue is not None:
        on_issue(session, record, request)
    return record, pdf


def _removed_on_rollback(session: Session, path: Path) -> None:
    """Remove ``path`` if the session's transaction rolls back instead of committing.

    Disarmed by the commit: a rollback of a later transaction of the same session (a read after
    the commit, then ``close``) must never take the file of a committed record.
    """
    armed = [True]

    def committed(_session: Session) -> None:
        armed[0] = False

    def rolled_back(_session: Session) -> None:
        if armed[0]:
            armed[0] = False
            try:
                path.unlink(missing_ok=True)
            except OSError:  # the disk that failed the commit may refuse this too: log, keep going
                log.warning("could not remove %s after its issuing was rolled back", path)

    event.listen(session, "after_commit", committed)
    event.listen(session, "after_rollback", rolled_back)


def _taken(session: Session, type_code: str, year: int, number: int) -> bool:
    return (
        session.exec(
            select(IssuedDocument.id).where(
                IssuedDocument.type_code == type_code,
                IssuedDocument.year == year,
                IssuedDocument.number == number,
            )
        ).first()
        is not None
    )


def find_issued(session: Session, document_id: DocumentId) -> IssuedDocument:
    record = session.get(IssuedDocument, document_id)
    if record is None:
        raise DocumentError(f"Không tìm thấy văn bản số {document_id} trong sổ văn bản.")
    return record


def reprint(session: Session, documents_folder: Path, document_id: DocumentId) -> bytes:
    """The stored PDF of an issued document, checked against its recorded hash."""
    record = find_issued(session, document_id)
    path = pdf_path(documents_folder, record.pdf_sha256)
    try:
        data = path.read_bytes()
    except OSError:
        raise DocumentError(
            f"Không tìm thấy tệp PDF của văn bản {record.symbol} trong thư mục documents/. "
            "Hãy khôi phục từ bản sao lưu."
        ) from None
    if hashlib.sha256(data).hexdigest() != record.pdf_sha256:
        raise DocumentError(
            f"Tệp PDF của văn bản {record.symbol} đã bị thay đổi; không in lại để tránh sai lệch. "
            "Hãy khôi phục từ bản sao lưu."
        )
    return data
