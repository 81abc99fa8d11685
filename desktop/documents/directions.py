"""Phương hướng, đề xuất: section IV of a Báo cáo kết quả, in the clerk's own words.

The results say what was done; what the ward will do next is the ward's to write. The clerk saves
one text per period (:class:`~desktop.models.ReportDirection`, ``quarter`` 0 for the year's
report) before the report is issued, and an issued report must carry it: issuing a report whose
text is empty is refused (:func:`require_direction`, from the kind's ``on_issue``).

The year's report on the movement (kind ``yearly``) also prints the clerk's Khó khăn, vướng mắc,
kept in the same row (``difficulties``, :func:`save_difficulties`); it is issued only when both
are written (:func:`require_difficulties`). A quarter's report has no such section.

Saving goes through the door (:func:`save_direction`): the text is stored NFC, the storage hooks
write the audit rows, :attr:`Area.DOCUMENTS` is announced, and Ctrl+Z on the Văn bản page
(:data:`SCOPE`) puts the previous text back. An empty text removes the period's row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlmodel import col, select

from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.documents.kinds import DocumentError
from desktop.models import ReportDirection
from desktop.text import clean, wording

if TYPE_CHECKING:
    from sqlmodel import Session

T = TypeVar("T")
Query = Callable[["Session"], T]

SCOPE = "documents"  # the undo history of the Văn bản page
WHOLE_YEAR = 0  # ReportDirection.quarter of the year's report
MAX_LENGTH = 20_000  # about five printed pages: more is a pasted document, not a section
_BLANK_LINES = re.compile(r"\n{3,}")

EMPTY_ON_ISSUE = (
    "Hãy viết phần Phương hướng, đề xuất của báo cáo {period} trước khi cấp số "
    "(trang Văn bản: nút “Phương hướng, đề xuất…”; dòng lệnh: "
    "document direction {args} --text “…”)."
)
TOO_LONG = "Phần Phương hướng, đề xuất dài {length} ký tự; hãy viết gọn dưới {limit} ký tự."
BAD_QUARTER = "Quý phải từ 1 đến 4 (bỏ trống: báo cáo cả năm)."
NO_DIFFICULTIES = (
    "Hãy viết phần Khó khăn, vướng mắc của báo cáo {period} trước khi cấp số "
    "(trang Văn bản: nút “Phương hướng, đề xuất…”; dòng lệnh: "
    "document direction --year {year} --difficulties “…”)."
)
DIFFICULTIES_TOO_LONG = (
    "Phần Khó khăn, vướng mắc dài {length} ký tự; hãy viết gọn dưới {limit} ký tự."
)
YEAR_ONLY = "Phần Khó khăn, vướng mắc chỉ có ở báo cáo cả năm (bỏ --quarter)."


def period_words(year: int, quarter: int | None) -> str:
    """ "quý III năm 2026", "năm 2026": the period as the report's title says it."""
    return wording.quarter(quarter, year) if quarter else f"năm {year}"


def _stored_quarter(quarter: int | None) -> int:
    if quarter in (None, WHOLE_YEAR):
        return WHOLE_YEAR
    if not 1 <= quarter <= 4:
        raise DocumentError(BAD_QUARTER)
    return quarter


def cleaned(text: str) -> str:
    """The text as stored: NFC, no control characters, each line trimmed, at most one blank line
    between paragraphs; otherwise as the clerk typed it, so that it reopens the same."""
    lines = clean(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in lines)).strip()


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a saved text, as the report prints them: a clerk ends a paragraph with
    Enter, as in a word processor, and a blank line between paragraphs is the same break."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def _row(session: Session, year: int, quarter: int) -> ReportDirection | None:
    return session.exec(
        select(ReportDirection).where(
            ReportDirection.year == year,
            ReportDirection.quarter == quarter,
            # A sơ kết or tổng kết report's texts share the year (desktop.documents.review_texts).
            col(ReportDirection.review).is_(False),
        )
    ).first()


def saved_text(session: Session, year: int, quarter: int | None) -> str:
    """The saved text of the period ("" when the clerk has not written it)."""
    row = _row(session, year, _stored_quarter(quarter))
    return row.text if row is not None else ""


def require_direction(session: Session, year: int, quarter: int | None) -> str:
    """The saved text; refused when empty, so that no report is issued without its section IV."""
    text = saved_text(session, year, quarter)
    if not text.strip():
        args = f"--year {year}" + (f" --quarter {quarter}" if quarter else "")
        raise DocumentError(EMPTY_ON_ISSUE.format(period=period_words(year, quarter), args=args))
    return text


def saved_difficulties(session: Session, year: int) -> str:
    """The saved Khó khăn, vướng mắc of the year's report ("" when not written)."""
    row = _row(session, year, WHOLE_YEAR)
    return row.difficulties if row is not None else ""


def require_difficulties(session: Session, year: int) -> str:
    """The year's saved Khó khăn, vướng mắc; refused when empty (the yearly report's rule)."""
    text = saved_difficulties(session, year)
    if not text.strip():
        raise DocumentError(NO_DIFFICULTIES.format(period=period_words(year, None), year=year))
    return text


def _write(
    session: Session, year: int, quarter: int, text: str, difficulties: str | None = None
) -> None:
    """Store the period's texts; ``difficulties`` None keeps what the row has. A row with
    neither text is removed."""
    row = _row(session, year, quarter)
    kept = difficulties if difficulties is not None else (row.difficulties if row else "")
    if not text and not kept:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(ReportDirection(year=year, quarter=quarter, text=text, difficulties=kept))
    else:
        row.text = text
        row.difficulties = kept
        session.add(row)
    session.flush()


# -- reads and changes through the door -----------------------------------------------------------


def direction_of(year: int, quarter: int | None) -> Query[str]:
    """What the clerk saved for the period's report ("" when nothing yet)."""
    return lambda session: saved_text(session, year, quarter)


def _put(year: int, quarter: int, text: str) -> Operation[str]:
    """Undo or redo of a save: the same write, without an undo of its own."""

    def operation(session: Session) -> Done[str]:
        _write(session, year, quarter, text)
        return Done(text, Change.areas_of(Area.DOCUMENTS))

    return operation


def _put_difficulties(year: int, text: str) -> Operation[str]:
    """Undo or redo of a save of the Khó khăn: the same write, without an undo of its own."""

    def operation(session: Session) -> Done[str]:
        _write(session, year, WHOLE_YEAR, saved_text(session, year, None), text)
        return Done(text, Change.areas_of(Area.DOCUMENTS))

    return operation


def difficulties_of(year: int) -> Query[str]:
    """What the clerk saved as the year's Khó khăn, vướng mắc ("" when nothing yet)."""
    return lambda session: saved_difficulties(session, year)


def save_difficulties(year: int, quarter: int | None, text: str) -> Operation[str]:
    """Lưu phần Khó khăn, vướng mắc of the year's report; returns the text as stored (an empty
    text clears it). A quarter is refused: its report has no such section."""

    def operation(session: Session) -> Done[str]:
        if _stored_quarter(quarter) != WHOLE_YEAR:
            raise DocumentError(YEAR_ONLY)
        after = cleaned(text)
        if len(after) > MAX_LENGTH:
            raise DocumentError(DIFFICULTIES_TOO_LONG.format(length=len(after), limit=MAX_LENGTH))
        before = saved_difficulties(session, year)
        if after == before:
            return Done(after)
        _write(session, year, WHOLE_YEAR, saved_text(session, year, None), after)
        label = f"sửa phần Khó khăn, vướng mắc của báo cáo {period_words(year, None)}"
        undo = Undo(SCOPE, label, _put_difficulties(year, before), _put_difficulties(year, after))
        return Done(after, Change.areas_of(Area.DOCUMENTS), undo)

    return operation


def save_direction(year: int, quarter: int | None, text: str) -> Operation[str]:
    """Lưu phần Phương hướng, đề xuất of the period's report; returns the text as stored.

    An empty text removes what was saved (the report then cannot be issued until it is written
    again). Saving the same text again changes nothing and leaves nothing to undo.
    """

    def operation(session: Session) -> Done[str]:
        stored_quarter = _stored_quarter(quarter)
        after = cleaned(text)
        if len(after) > MAX_LENGTH:
            raise DocumentError(TOO_LONG.format(length=len(after), limit=MAX_LENGTH))
        before = saved_text(session, year, stored_quarter)
        if after == before:
            return Done(after)
        _write(session, year, stored_quarter, after)
        label = f"sửa phần Phương hướng, đề xuất của báo cáo {period_words(year, quarter)}"
        undo = Undo(
            SCOPE,
            label,
            _put(year, stored_quarter, before),
            _put(year, stored_quarter, after),
        )
        return Done(after, Change.areas_of(Area.DOCUMENTS), undo)

    return operation


def _put_both(year: int, difficulties: str, direction: str) -> Operation[tuple[str, str]]:
    """Undo or redo of :func:`save_yearly_texts`: the same write, without an undo of its own."""

    def operation(session: Session) -> Done[tuple[str, str]]:
        _write(session, year, WHOLE_YEAR, direction, difficulties)
        return Done((difficulties, direction), Change.areas_of(Area.DOCUMENTS))

    return operation


def save_yearly_texts(year: int, difficulties: str, direction: str) -> Operation[tuple[str, str]]:
    """Lưu both sections the clerk writes in the yearly report on the movement (III. Khó khăn,
    vướng mắc; IV. Phương hướng, đề xuất) as one step: one Ctrl+Z takes both back. Returns
    them as stored; an empty text clears its part."""

    def operation(session: Session) -> Done[tuple[str, str]]:
        hard, ahead = cleaned(difficulties), cleaned(direction)
        if len(hard) > MAX_LENGTH:
            raise DocumentError(DIFFICULTIES_TOO_LONG.format(length=len(hard), limit=MAX_LENGTH))
        if len(ahead) > MAX_LENGTH:
            raise DocumentError(TOO_LONG.format(length=len(ahead), limit=MAX_LENGTH))
        before = (saved_difficulties(session, year), saved_text(session, year, None))
        if (hard, ahead) == before:
            return Done(before)
        _write(session, year, WHOLE_YEAR, ahead, hard)
        label = f"sửa phần Khó khăn, Phương hướng của báo cáo {period_words(year, None)}"
        undo = Undo(SCOPE, label, _put_both(year, *before), _put_both(year, hard, ahead))
        return Done((hard, ahead), Change.areas_of(Area.DOCUMENTS), undo)

    return operation
