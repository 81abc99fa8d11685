"""Phương hướng, đề xuất (issue 14): the clerk writes section IV of a Báo cáo kết quả, saves it
through the door, and the report is issued only with it — never with dots or an empty section.

The demo ward as it stands on 1 December 2026: 2026 Q3 still being collected (four units late).
"""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date

import pdfplumber
import pytest
from sqlmodel import select

from desktop.changes import Area, Change
from desktop.context import AppContext
from desktop.documents import directions, ops, report
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.service import prepare
from desktop.models import AuditEntry, IssuedDocument, ReportDirection
from desktop.storage import Database

Q3 = DocumentRequest("report", year=2026, quarter=3)
YEAR_2025 = DocumentRequest("report", year=2025)
ISSUED_ON = date(2026, 10, 5)
WRITTEN = (
    "Đề nghị Hội Nông dân phường và Trường Tiểu học Ngọc Sơn gửi số liệu quý III năm 2026.\n"
    "Trong quý IV, tập trung hướng dẫn người dân xác nhận phổ cập kỹ năng số trên VNeID."
)


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def _section_four(pdf: bytes) -> str:
    text = " ".join(_pages(pdf))
    return text[text.index("IV. PHƯƠNG HƯỚNG, ĐỀ XUẤT") : text.index("Trên đây là báo cáo")]


def test_the_clerk_saves_the_text_through_the_door_and_can_take_it_back(
    demo_db: Database, ctx: AppContext
) -> None:
    """Typed in NFD, with trailing spaces and three blank lines: stored NFC and trimmed, audited,
    announced as a change of documents; Ctrl+Z puts the previous text back, Ctrl+Y again."""
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    typed = unicodedata.normalize("NFD", "Tiếp tục đôn đốc các đơn vị.  \n\n\n\nĐề xuất tập huấn. ")
    stored = ctx.door.run(directions.save_direction(2026, 3, typed))
    assert stored == "Tiếp tục đôn đốc các đơn vị.\n\nĐề xuất tập huấn."
    assert unicodedata.is_normalized("NFC", stored)
    assert ctx.door.read(directions.direction_of(2026, 3)) == stored
    assert ctx.door.read(directions.direction_of(2026, None)) == ""  # the year's report is apart
    assert [c.touches(Area.DOCUMENTS) for c in heard] == [True]
    with demo_db.session() as session:
        audited = session.exec(
            select(AuditEntry).where(AuditEntry.table_name == ReportDirection.__tablename__)
        ).all()
    inserted = [json.loads(a.new_value or "{}") for a in audited if a.action == "insert"]
    assert [row["text"] for row in inserted] == [stored]
    ctx.door.run(directions.save_direction(2026, 3, WRITTEN))
    # Saving the same text again is no step of its own.
    ctx.door.run(directions.save_direction(2026, 3, WRITTEN))
    assert ctx.door.history.undo_label(directions.SCOPE) == (
        "sửa phần Phương hướng, đề xuất của báo cáo quý III năm 2026"
    )
    ctx.door.undo(directions.SCOPE)
    assert ctx.door.read(directions.direction_of(2026, 3)) == stored
    ctx.door.undo(directions.SCOPE)
    assert ctx.door.read(directions.direction_of(2026, 3)) == ""
    ctx.door.redo(directions.SCOPE)
    assert ctx.door.read(directions.direction_of(2026, 3)) == stored


def test_a_report_without_its_direction_is_not_issued(demo_db: Database, ctx: AppContext) -> None:
    """Issuing a report whose section IV is empty is refused with what to do; no number is taken,
    nothing recorded, nothing announced."""
    heard: list[Change] = []
    ctx.door.listen(heard.append)
    with pytest.raises(DocumentError) as refused:
        ctx.door.run(ops.issue(Q3, ISSUED_ON, ctx.folder.documents))
    message = refused.value.text()
    assert message.startswith(
        "Hãy viết phần Phương hướng, đề xuất của báo cáo quý III năm 2026 trước khi cấp số"
    )
    assert "document direction --year 2026 --quarter 3" in message
    assert heard == [] and ctx.door.read(ops.issued_documents) == []
    # Whitespace is no text: still refused.
    ctx.door.run(directions.save_direction(2025, None, "  \n\n  "))
    with pytest.raises(DocumentError, match="báo cáo năm 2025 trước khi cấp số"):
        ctx.door.run(ops.issue(YEAR_2025, date(2026, 1, 5), ctx.folder.documents))
    with demo_db.session() as session:
        assert session.exec(select(IssuedDocument)).all() == []


def test_the_issued_report_prints_the_clerks_paragraphs_and_no_dots(
    ctx: AppContext, demo_db: Database
) -> None:
    ctx.door.run(directions.save_direction(2026, 3, WRITTEN))
    issued = ctx.door.run(ops.issue(Q3, ISSUED_ON, ctx.folder.documents))
    section = _section_four(issued.pdf)
    for paragraph in WRITTEN.split("\n"):
        assert " ".join(paragraph.split()) in section
    assert report.SUGGESTED not in section  # the suggestion is a draft's, not the clerk's words
    text = " ".join(_pages(issued.pdf))
    assert "…" not in text and "....." not in text
    with demo_db.session() as session:
        lines = prepare(session, Q3).lines
    heading = next(i for i, line in enumerate(lines) if line.text.startswith("IV. PHƯƠNG"))
    after = [line for line in lines[heading + 1 :] if line.directive == "para"][:2]
    assert [line.text for line in after] == WRITTEN.split("\n")  # one paragraph each


def test_a_draft_shows_the_saved_text_else_the_usual_sentences_and_a_blank_form_its_dots(
    demo_db: Database, ctx: AppContext
) -> None:
    """Before the clerk writes it, the draft reads as a whole report: the suggestion (the units
    still to report, then what the ward usually writes); the blank form keeps dotted lines."""
    draft = ctx.door.read(ops.draft(Q3)).pdf
    section = _section_four(draft)
    assert "Đề nghị các đơn vị chưa báo cáo gửi số liệu quý III năm 2026" in section
    assert " ".join(report.SUGGESTED.split())[:60] in section
    with demo_db.session() as session:
        suggested = report.suggested_direction(session, 2026, 3)
        whole_2025 = report.suggested_direction(session, 2025, None)
    assert suggested.split("\n\n")[-1] == report.SUGGESTED
    assert whole_2025 == report.SUGGESTED  # every unit reported in 2025: nobody to ask
    ctx.door.run(directions.save_direction(2026, 3, WRITTEN))
    assert "Đề nghị các đơn vị chưa báo cáo" not in _section_four(ctx.door.read(ops.draft(Q3)).pdf)
    with demo_db.session() as session:
        blank = prepare(session, DocumentRequest("report", blank=True)).lines
    heading = next(i for i, line in enumerate(blank) if line.text.startswith("IV. PHƯƠNG"))
    assert blank[heading + 1].directive == "blank"


def test_what_is_stored_and_printed_of_a_typed_text() -> None:
    """Enter ends a paragraph, as in a word processor; a blank line is the same break; control
    characters go; a text too long for a section is refused."""
    text = directions.cleaned("  Một\r\nHai \x07\r\n\r\n\r\nBa  ")
    assert text == "Một\nHai\n\nBa"
    assert directions.paragraphs(text) == ["Một", "Hai", "Ba"]
    assert directions.paragraphs("") == []
    with pytest.raises(DocumentError, match="Quý phải từ 1 đến 4"):
        directions.saved_text(None, 2026, 5)  # type: ignore[arg-type]


def test_a_text_too_long_is_refused_and_nothing_saved(db: Database, ctx: AppContext) -> None:
    with pytest.raises(DocumentError, match="hãy viết gọn"):
        ctx.door.run(directions.save_direction(2026, 3, "x" * (directions.MAX_LENGTH + 1)))
    assert ctx.door.read(directions.direction_of(2026, 3)) == ""


def test_a_count_of_none_is_said_in_words_never_as_zero() -> None:
    """Issue 14: "chưa có chỉ tiêu nào đạt", never "có 0 chỉ tiêu đạt" (the one voice)."""
    from desktop.text import wording

    assert wording.how_many(0, "chỉ tiêu", "đạt") == "chưa có chỉ tiêu nào đạt"
    assert wording.how_many(1234, "đơn vị", "chưa đạt") == "1.234 đơn vị chưa đạt"
    rows = [
        {"met": False, "behind": True, "has_target": True, "judged": True},
        {"met": False, "behind": False, "has_target": True, "judged": False},
    ]
    said = report.summary(rows, 2026)
    assert (
        said
        == "chưa có chỉ tiêu nào đạt, 1 chỉ tiêu chưa đạt; 1 chỉ tiêu chưa đủ số liệu để đánh giá"
    )
    assert "0 chỉ tiêu" not in said


def test_the_yearly_reports_two_parts_are_saved_as_one_step(ctx: AppContext) -> None:
    """Khó khăn and Phương hướng of the yearly report on the movement, saved together: stored as
    written, one undo for both, a text too long refused with nothing stored."""
    door = ctx.door
    assert door.run(directions.save_yearly_texts(2026, " Thiếu máy tính. ", "Mở lớp mới.")) == (
        "Thiếu máy tính.",
        "Mở lớp mới.",
    )
    assert door.read(directions.difficulties_of(2026)) == "Thiếu máy tính."
    assert door.read(directions.direction_of(2026, None)) == "Mở lớp mới."
    with pytest.raises(DocumentError):
        door.run(directions.save_yearly_texts(2026, "x" * (directions.MAX_LENGTH + 1), "y"))
    assert door.read(directions.difficulties_of(2026)) == "Thiếu máy tính."
    door.undo(directions.SCOPE)
    assert door.read(directions.difficulties_of(2026)) == ""
    assert door.read(directions.direction_of(2026, None)) == ""
