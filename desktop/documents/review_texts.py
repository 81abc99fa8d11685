"""Khó khăn, vướng mắc and Phương hướng, nhiệm vụ of a sơ kết or tổng kết report, in the clerk's words.

The figures of a review come from the results; what held the ward back and what it will do in the
next stage are the ward's to write. Both texts are kept in one
:class:`~desktop.models.ReportDirection` row: ``review`` True, ``year`` the last year reviewed
(2027 for the sơ kết 2025–2027, 2030 for the tổng kết), ``quarter`` 0, ``text`` the Phương hướng,
``difficulties`` the Khó khăn. A review report is issued only when both are written
(:func:`require_texts`, from the kind's ``check_issuable``).

Saving goes through the door (:func:`save_review_texts`): stored NFC and cleaned as the yearly
report's section is (:func:`desktop.documents.directions.cleaned`), audited by the storage hooks,
announced as :attr:`Area.DOCUMENTS`, undone on the Văn bản page's history
(:data:`~desktop.documents.directions.SCOPE`). Two empty texts remove the row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlmodel import col, select

from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.documents.directions import MAX_LENGTH, SCOPE, WHOLE_YEAR, cleaned
from desktop.documents.kinds import DocumentError
from desktop.models import ReportDirection

if TYPE_CHECKING:
    from sqlmodel import Session

EMPTY_ON_ISSUE = (
    "Hãy viết phần {missing} của báo cáo {period} trước khi cấp số (trang Văn bản: nút "
    "“Phương hướng, đề xuất…”; dòng lệnh: document direction --period {key} --difficulties “…” "
    "--text “…”)."
)
TOO_LONG = "Phần {part} dài {length} ký tự; hãy viết gọn dưới {limit} ký tự."
DIFFICULTIES = "Khó khăn, vướng mắc"
DIRECTION = "Phương hướng, nhiệm vụ"


@dataclass(frozen=True)
class ReviewTexts:
    """The clerk's two texts of a review report ("" where not written yet)."""

    difficulties: str = ""
    direction: str = ""

    @property
    def missing(self) -> list[str]:
        """The parts not written yet, by their headings."""
        return [
            name
            for name, text in ((DIFFICULTIES, self.difficulties), (DIRECTION, self.direction))
            if not text.strip()
        ]


def _row(session: Session, last_year: int) -> ReportDirection | None:
    return session.exec(
        select(ReportDirection).where(
            ReportDirection.year == last_year,
            ReportDirection.quarter == WHOLE_YEAR,
            col(ReportDirection.review).is_(True),
        )
    ).first()


def saved_texts(session: Session, last_year: int) -> ReviewTexts:
    """What the clerk saved for the review whose last year is ``last_year``."""
    row = _row(session, last_year)
    if row is None:
        return ReviewTexts()
    return ReviewTexts(row.difficulties, row.text)


def require_texts(session: Session, last_year: int, period: str, key: str) -> ReviewTexts:
    """The saved texts; refused while either is empty, so that no review is issued without its
    Khó khăn and its Phương hướng (``period`` as the sentence says it, ``key`` as typed)."""
    texts = saved_texts(session, last_year)
    if texts.missing:
        raise DocumentError(
            EMPTY_ON_ISSUE.format(missing=" và ".join(texts.missing), period=period, key=key)
        )
    return texts


def _write(session: Session, last_year: int, texts: ReviewTexts) -> None:
    row = _row(session, last_year)
    if not texts.difficulties and not texts.direction:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            ReportDirection(
                year=last_year,
                quarter=WHOLE_YEAR,
                review=True,
                text=texts.direction,
                difficulties=texts.difficulties,
            )
        )
    else:
        row.text, row.difficulties = texts.direction, texts.difficulties
        session.add(row)
    session.flush()


def _checked(part: str, text: str) -> str:
    after = cleaned(text)
    if len(after) > MAX_LENGTH:
        raise DocumentError(TOO_LONG.format(part=part, length=len(after), limit=MAX_LENGTH))
    return after


def _put(last_year: int, texts: ReviewTexts) -> Operation[ReviewTexts]:
    """Undo or redo of a save: the same write, without an undo of its own."""

    def operation(session: Session) -> Done[ReviewTexts]:
        _write(session, last_year, texts)
        return Done(texts, Change.areas_of(Area.DOCUMENTS))

    return operation


def texts_of(last_year: int) -> Callable[[Session], ReviewTexts]:
    """A read for the door: the saved texts of the review ending in ``last_year``."""
    return lambda session: saved_texts(session, last_year)


def save_review_texts(
    last_year: int, period: str, difficulties: str | None = None, direction: str | None = None
) -> Operation[ReviewTexts]:
    """Lưu phần Khó khăn and/or Phương hướng of the review ending in ``last_year`` (``period``
    names it in the undo's label: "giai đoạn 2025 - 2027"); a part given as None keeps what was
    saved. Saving the same texts again changes nothing and leaves nothing to undo."""

    def operation(session: Session) -> Done[ReviewTexts]:
        before = saved_texts(session, last_year)
        after = ReviewTexts(
            before.difficulties if difficulties is None else _checked(DIFFICULTIES, difficulties),
            before.direction if direction is None else _checked(DIRECTION, direction),
        )
        if after == before:
            return Done(after)
        _write(session, last_year, after)
        label = f"sửa phần Khó khăn, Phương hướng của báo cáo {period}"
        undo = Undo(SCOPE, label, _put(last_year, before), _put(last_year, after))
        return Done(after, Change.areas_of(Area.DOCUMENTS), undo)

    return operation
