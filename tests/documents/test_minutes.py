"""The Biên bản họp Hội đồng (BB) and its kết quả kiểm phiếu, read back from their PDFs: the
members, the counts, the conclusions, the number of the council, and the format checks."""

from __future__ import annotations

import io
import re
from datetime import date, time
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlmodel import select

from desktop.context import AppContext
from desktop.council import ops
from desktop.documents import ops as document_ops
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.layout import PageLayout
from desktop.documents.service import render
from desktop.models import CouncilMember, CouncilRole, DossierComponent, DossierComponentCheck
from desktop.models.ids import CampaignId, DossierId, MeetingId, saved_id
from desktop.storage import Database
from tests.council.conftest import campaign_of, ready_dossier, seed_ward

A4_W, A4_H = 595.2756, 841.8898
DAY = date(2026, 11, 28)


@pytest.fixture
def meeting(db: Database, ctx: AppContext) -> tuple[MeetingId, list[int]]:
    """Eight of nine present (Bùi Văn Nam absent); four ballots: three proposed, one not."""
    members = seed_ward(db)
    with db.session() as s:
        campaign_id = CampaignId(saved_id(campaign_of(s).id))
        dossiers = [
            ready_dossier(s, unit="THCSTTN"),
            ready_dossier(s, unit="TDP01"),
            ready_dossier(s, unit=None, person="Phạm Thị Hoa"),
            ready_dossier(s, award="BKCTTP", unit="TDP02"),
        ]
    attending = [m for i, m in enumerate(members) if i != 7]
    meeting_id = ctx.door.run(
        ops.create_meeting(campaign_id, DAY, "Hội trường UBND phường", attending, "Nhất trí.")
    )
    for dossier_id, agree in zip(dossiers, (8, 3, 7, 6), strict=True):
        ctx.door.run(ops.record_vote(meeting_id, DossierId(dossier_id), 8, 8, agree))
    return meeting_id, dossiers


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))


def _draft(db: Database, kind: str, meeting_id: int) -> bytes:
    with db.session() as s:
        return render(s, DocumentRequest(kind, meeting_id=MeetingId(meeting_id)))


def test_the_minutes_name_the_council_the_ballots_and_the_conclusion(db, meeting) -> None:
    text = _text(_draft(db, "minutes", meeting[0]))
    for expected in (
        "UBND PHƯỜNG KIẾN AN",
        "Số: /BB-HĐTĐKT",
        "BIÊN BẢN",
        "Họp Hội đồng Thi đua - Khen thưởng phường xét đề nghị khen thưởng năm 2026",
        "Vào ngày 28 tháng 11 năm 2026, tại Hội trường UBND phường",
        "Chủ trì: Nguyễn Văn Hùng, Chủ tịch UBND phường, Chủ tịch Hội đồng.",
        "Thư ký: Ngô Thị Thu",
        "Thành viên Hội đồng có mặt: 8/9 thành viên",
        "Vắng mặt: Bùi Văn Nam.",
        "Đỗ Thị Hạnh",
        "3 tập thể, 1 cá nhân",
        "Bằng khen của Chủ tịch UBND thành phố: 1 tập thể;",
        "Giấy khen của Chủ tịch UBND phường: 2 tập thể, 1 cá nhân;",
        "88,9%",
        "33,3%",
        "Đề nghị Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho 1 tập thể, 1 cá nhân;",
        "Đề nghị cấp trên xét tặng Bằng khen của Chủ tịch UBND thành phố cho 1 tập thể;",
        "Không đề nghị khen thưởng Tổ dân phố số 1 (Giấy khen của Chủ tịch UBND phường): 3/9",
        "Cuộc họp kết thúc cùng ngày; biên bản đã được thông qua trước Hội đồng",
        "THƯ KÝ",
        "CHỦ TỊCH HỘI ĐỒNG",
    ):
        assert expected in text, expected
    assert "…" not in text  # every blank filled from the meeting's record
    assert "trong Khen thưởng năm" not in text  # the round's year, not its name, in a sentence
    assert text.index("Trường THCS Trần") < text.index("Phạm Thị Hoa", text.index("STT Tên"))
    assert "Bùi Văn Nam" not in text[text.index("STT Họ và tên") :]  # absent, not in the list


def test_the_council_heads_the_page_at_the_sizes_of_the_decree(db, meeting) -> None:
    """Phụ lục I: the superior in regular capitals, the issuer in bold, both 12–13 pt; the
    council's name takes two lines rather than shrinking below 12 pt beside the quốc hiệu."""
    with pdfplumber.open(io.BytesIO(_draft(db, "minutes", meeting[0]))) as pdf:
        page = pdf.pages[0]
        left = [
            w for w in page.extract_words(extra_attrs=["fontname", "size"]) if w["x1"] < A4_W / 2
        ]
    lines: dict[str, list[dict]] = {}
    for word in left:
        lines.setdefault(f"{round(word['top'])}", []).append(word)
    heads = {" ".join(w["text"] for w in words): words for words in lines.values()}
    superior, council, name = (
        heads[t] for t in ("UBND PHƯỜNG KIẾN AN", "HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG")
    )
    assert all("Bold" not in w["fontname"] for w in superior)
    assert all("Bold" in w["fontname"] for w in (*council, *name))
    assert all(12 <= w["size"] <= 13 for w in (*superior, *council, *name))


def test_the_blank_form_leaves_the_hours_to_write_by_hand(db) -> None:
    with db.session() as s:
        text = _text(render(s, DocumentRequest("minutes", blank=True)))
    assert "Hồi …… giờ …… phút, ngày …… tháng …… năm ……" in text
    assert "Biên bản kết thúc lúc …… giờ …… phút cùng ngày, đã thông qua trước Hội đồng" in text


def test_the_two_signers_sit_side_by_side_secretary_left_chair_right(db, meeting) -> None:
    with pdfplumber.open(io.BytesIO(_draft(db, "minutes", meeting[0]))) as pdf:
        last = pdf.pages[-1]
        words = {w["text"]: w for w in last.extract_words()}
        secretary = [w for w in last.extract_words() if w["text"] == "Thu"][-1]
        chair = [w for w in last.extract_words() if w["text"] == "Hùng"][-1]
    assert "KÝ" in words and secretary["x0"] < A4_W / 2 < chair["x0"]
    assert secretary["top"] == pytest.approx(chair["top"], abs=4)


def test_issuing_numbers_it_for_the_council_and_marks_the_dossiers_minutes(
    db, ctx, meeting, tmp_path: Path
) -> None:
    meeting_id, dossiers = meeting
    issued = ctx.door.run(
        document_ops.issue(DocumentRequest("minutes", meeting_id=meeting_id), DAY, tmp_path)
    )
    assert issued.symbol == "01/BB-HĐTĐKT"
    assert "Số: 01/BB-HĐTĐKT" in _text(issued.pdf)
    with db.session() as s:
        for dossier_id in dossiers:
            check = s.exec(
                select(DossierComponentCheck)
                .join(DossierComponent)
                .where(
                    DossierComponentCheck.dossier_id == dossier_id,
                    DossierComponent.made_by == "minutes",
                )
            ).one()
            assert check.present
            assert check.note == "Biên bản số 01/BB-HĐTĐKT ngày 28 tháng 11 năm 2026"
    # The count goes with it, and names it.
    text = _text(_draft(db, "ballots", meeting_id))
    assert "(Kèm theo Biên bản số 01/BB-HĐTĐKT ngày 28/11/2026" in text


def test_the_count_of_the_ballots_per_dossier(db, meeting, ctx, tmp_path: Path) -> None:
    """From the recorded ballots: the result attached to the Biên bản, signed as the Biên bản is,
    with no blank left for the tellers' names or the hour the app does not hold."""
    text = _text(_draft(db, "ballots", meeting[0]))
    for expected in (
        "KẾT QUẢ KIỂM PHIẾU",
        "Kèm theo Biên bản số …………………… ngày ……………………",
        "Tổng số thành viên Hội đồng: 9; số thành viên có mặt: 8.",
        "Tổ dân phố số 2 (Bằng khen của Chủ tịch UBND thành phố): 6/9 thành viên đồng ý (66,7%), "
        "yêu cầu trên 50% tổng số thành viên: Hội đồng đề nghị.",
        "Tổ dân phố số 1 (Giấy khen của Chủ tịch UBND phường): 3/9 thành viên đồng ý (33,3%), "
        "yêu cầu trên 50% tổng số thành viên: Hội đồng không đề nghị.",
        "THƯ KÝ",
        "CHỦ TỊCH HỘI ĐỒNG",
        "Ngô Thị Thu",
        "Nguyễn Văn Hùng",
    ):
        assert expected in text, expected
    assert "Ông (bà)" not in text and "giờ" not in text
    assert "Số:" not in text  # an attachment has no number of its own
    with pytest.raises(DocumentError, match="không có số riêng"):
        ctx.door.run(
            document_ops.issue(DocumentRequest("ballots", meeting_id=meeting[0]), DAY, tmp_path)
        )


def test_the_blank_count_is_the_tellers_own_biên_bản(db) -> None:
    with db.session() as s:
        text = _text(render(s, DocumentRequest("ballots", blank=True)))
    for expected in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Ban kiểm phiếu gồm:",
        "Trưởng ban;",
        "lúc …… giờ …… phút",
        "TRƯỞNG BAN KIỂM PHIẾU",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("kind", ["minutes", "ballots"])
def test_format_a4_margins_embedded_fonts_page_numbers(db, meeting, kind: str) -> None:
    pdf_bytes = _draft(db, kind, meeting[0])
    layout = PageLayout()
    left, right = layout.margin_left * mm, A4_W - layout.margin_right * mm
    top, bottom = layout.margin_top * mm, A4_H - layout.margin_bottom * mm
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        assert len(pdf.pages) == 2
        for number, page in enumerate(pdf.pages, start=1):
            assert (page.width, page.height) == pytest.approx((A4_W, A4_H), abs=0.5)
            body = [c for c in page.chars if c["top"] >= top - mm]
            assert min(c["x0"] for c in body) >= left - mm
            assert max(c["x1"] for c in body) <= right + mm
            assert max(c["bottom"] for c in body) <= bottom + mm
            above = "".join(c["text"] for c in page.chars if c["top"] < top - mm).strip()
            assert above == ("" if number == 1 else str(number))
        national = [c for c in pdf.pages[0].chars if c["text"] == "C"][0]
        assert "Bold" in national["fontname"]
    reader = PdfReader(io.BytesIO(pdf_bytes))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]


def test_a_meeting_that_does_not_exist_is_refused(db) -> None:
    with db.session() as s, pytest.raises(DocumentError, match="Không tìm thấy phiên họp"):
        render(s, DocumentRequest("minutes", meeting_id=MeetingId(42)))


def test_a_biên_bản_nobody_can_sign_is_not_issued(db, ctx, tmp_path: Path) -> None:
    """The Thư ký did not attend: the issued copy would leave a signer as dots, so no number."""
    members = seed_ward(db)
    with db.session() as s:
        campaign_id = CampaignId(saved_id(campaign_of(s).id))
        dossier = ready_dossier(s, unit="THCSTTN")
        secretary = s.exec(
            select(CouncilMember.id).where(CouncilMember.role == CouncilRole.SECRETARY)
        ).one()
    attending = [m for m in members if m != secretary]
    meeting_id = ctx.door.run(ops.create_meeting(campaign_id, DAY, "Hội trường", attending))
    ctx.door.run(ops.record_vote(meeting_id, DossierId(dossier), 8, 8, 8))
    request = DocumentRequest("minutes", meeting_id=meeting_id)
    with pytest.raises(DocumentError, match="không có Thư ký Hội đồng trong danh sách"):
        ctx.door.run(document_ops.issue(request, DAY, tmp_path))
    assert ctx.door.read(document_ops.issued_documents) == []
    assert "DỰ THẢO" in _text(_draft(db, "minutes", meeting_id))  # the draft still prints


def test_the_hours_recorded_open_and_close_the_biên_bản(db, ctx) -> None:
    members = seed_ward(db)
    with db.session() as s:
        campaign_id = CampaignId(saved_id(campaign_of(s).id))
        dossier = ready_dossier(s, unit="THCSTTN")
    hours = (time(8, 0), time(10, 30))
    meeting_id = ctx.door.run(
        ops.create_meeting(campaign_id, DAY, "Hội trường UBND phường", members, "", hours)
    )
    ctx.door.run(ops.record_vote(meeting_id, DossierId(dossier), 9, 9, 9))
    text = _text(_draft(db, "minutes", meeting_id))
    assert (
        "Vào hồi 8 giờ 00 phút, ngày 28 tháng 11 năm 2026, tại Hội trường UBND phường, "
        "Hội đồng Thi đua - Khen thưởng" in text.replace("\u00a0", " ")
    )
    assert "Cuộc họp kết thúc vào hồi 10 giờ 30 phút cùng ngày" in text
