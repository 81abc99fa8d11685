"""The register of issued documents: numbers per type and year, identical reprints, drafts."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from sqlmodel import select

from desktop.context import AppContext
from desktop.documents.common import DocumentRequest
from desktop.documents.directions import save_direction
from desktop.documents.register import issue_document, list_issued, next_number, reprint
from desktop.documents.service import DocumentError, render
from desktop.models import Campaign, IssuedDocument
from desktop.models.ids import DocumentId
from desktop.storage import Database


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return document.pages[0].extract_text()


def _all_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return " ".join(page.extract_text() for page in document.pages)


def test_numbers_follow_each_other_per_type_and_restart_each_year(
    demo_db: Database, ctx: AppContext
) -> None:
    folder = ctx.folder.documents
    report = DocumentRequest("report", year=2025, quarter=1)
    ctx.door.run(save_direction(2025, 1, "Tiếp tục đôn đốc các đơn vị báo cáo đúng hạn."))
    with demo_db.session() as session:
        symbols = [
            issue_document(session, folder, report, date(2025, 4, 2))[0].symbol,
            issue_document(session, folder, report, date(2025, 7, 3))[0].symbol,
            issue_document(session, folder, DocumentRequest("plan"), date(2025, 7, 4))[0].symbol,
            issue_document(session, folder, report, date(2026, 1, 5))[0].symbol,
        ]
    assert symbols == ["01/BC-UBND", "02/BC-UBND", "01/KH-UBND", "01/BC-UBND"]
    with demo_db.session() as session:
        assert next_number(session, "BC", 2025) == 3
        assert [d.symbol for d in list_issued(session)][:1] == ["01/BC-UBND"]


def test_the_tenth_document_has_no_leading_zero_and_the_ninth_has_one(
    db: Database, ctx: AppContext
) -> None:
    with db.session() as session:
        for _ in range(9):
            record, pdf = issue_document(
                session, ctx.folder.documents, DocumentRequest("plan"), date(2025, 2, 5)
            )
        assert record.symbol == "09/KH-UBND"
        assert "Số: 09/KH-UBND" in _text(pdf)
        record, pdf = issue_document(
            session, ctx.folder.documents, DocumentRequest("plan"), date(2025, 2, 5)
        )
    assert record.symbol == "10/KH-UBND"
    assert "Kiến An, ngày 05 tháng 02 năm 2025" in _text(pdf)


def test_reprint_gives_the_same_bytes_even_after_the_data_changed(
    db: Database, ctx: AppContext
) -> None:
    with db.session() as session:
        record, pdf = issue_document(
            session, ctx.folder.documents, DocumentRequest("plan"), date(2025, 2, 5)
        )
        document_id = record.id
    with db.session() as session:
        from desktop.settings import load_settings, save_settings

        settings = load_settings(session)
        settings.signer_name = "Nguyễn Văn Bình"
        save_settings(session, settings)
    with db.session() as session:
        assert reprint(session, ctx.folder.documents, document_id) == pdf
        fresh = render(session, DocumentRequest("plan"))
    assert "Nguyễn Văn Bình" in _all_text(fresh)
    assert "Nguyễn Văn Bình" not in _all_text(pdf)


def test_a_changed_pdf_file_is_not_reprinted(db: Database, ctx: AppContext) -> None:
    with db.session() as session:
        record, _ = issue_document(
            session, ctx.folder.documents, DocumentRequest("plan"), date(2025, 2, 5)
        )
        path = ctx.folder.documents / f"{record.pdf_sha256}.pdf"
        document_id = record.id
    path.write_bytes(path.read_bytes() + b"%tampered")
    with db.session() as session, pytest.raises(DocumentError, match="đã bị thay đổi"):
        reprint(session, ctx.folder.documents, document_id)
    path.unlink()
    with db.session() as session, pytest.raises(DocumentError, match="Không tìm thấy tệp PDF"):
        reprint(session, ctx.folder.documents, document_id)


def test_a_draft_takes_no_number(db: Database) -> None:
    with db.session() as session:
        pdf = render(session, DocumentRequest("plan"))
        assert session.exec(select(IssuedDocument)).all() == []
        assert next_number(session, "KH", 2025) == 1
    assert "Số: /KH-UBND" in " ".join(_text(pdf).split())


def test_a_failed_transaction_leaves_no_number_behind(db: Database, ctx: AppContext) -> None:
    with pytest.raises(RuntimeError), db.session() as session:
        issue_document(session, ctx.folder.documents, DocumentRequest("plan"), date(2025, 2, 5))
        raise RuntimeError("mất điện")
    with db.session() as session:
        assert list_issued(session) == []
        assert next_number(session, "KH", 2025) == 1


def test_a_failed_issuing_leaves_no_orphan_pdf(db: Database, ctx: AppContext) -> None:
    folder = ctx.folder.documents
    before = sorted(folder.iterdir())
    with pytest.raises(RuntimeError), db.session() as session:
        issue_document(session, folder, DocumentRequest("plan"), date(2025, 2, 5))
        assert len(list(folder.iterdir())) == len(before) + 1  # written before the record
        raise RuntimeError("ổ đĩa đầy lúc ghi sổ")
    assert sorted(folder.iterdir()) == before


def test_a_committed_pdf_stays_when_the_session_rolls_back_later(
    db: Database, ctx: AppContext
) -> None:
    folder = ctx.folder.documents
    with db.session() as session:
        record, pdf = issue_document(session, folder, DocumentRequest("plan"), date(2025, 2, 5))
        session.commit()
        document_id = DocumentId(record.id or 0)
        session.exec(select(IssuedDocument)).all()  # a read after the commit, rolled back at close
        session.rollback()
    with db.session() as session:
        assert reprint(session, folder, document_id) == pdf


def test_attachments_and_blank_forms_are_not_numbered(demo_db: Database, ctx: AppContext) -> None:
    with demo_db.session() as session:
        campaign = session.exec(select(Campaign)).first()
        assert campaign is not None
        with pytest.raises(DocumentError, match="không có số riêng"):
            issue_document(
                session,
                ctx.folder.documents,
                DocumentRequest("nominees", campaign_id=campaign.id, to="city"),
                date(2025, 3, 1),
            )
        with pytest.raises(DocumentError, match="Mẫu trắng"):
            issue_document(
                session, ctx.folder.documents, DocumentRequest("plan", blank=True), date(2025, 3, 1)
            )
