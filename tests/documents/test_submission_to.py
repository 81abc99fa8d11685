"""The Tờ trình and its Danh sách, to the Chairman and to the city: addressee, issuer, counts,
names, the council's biên bản among the bases, and the list dated as its Tờ trình."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from desktop.context import AppContext
from desktop.documents.common import DocumentRequest
from desktop.documents.register import issue_document
from desktop.documents.service import render
from desktop.models import CouncilMeeting, IssuedDocument
from desktop.models.ids import CampaignId
from desktop.storage import Database
from tests.decisions.proposing import Round, build_round, person_named, unit_named

ISSUED = date(2026, 11, 20)


@pytest.fixture
def round_2026(demo_db: Database) -> Round:
    with demo_db.session() as s:
        return build_round(s)


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return " ".join(" ".join(page.extract_text().split()) for page in document.pages)


def _request(kind: str, r: Round, to: str) -> DocumentRequest:
    return DocumentRequest(kind, campaign_id=CampaignId(r.campaign), to=to)


def test_the_ward_tờ_trình_goes_from_the_standing_office_to_the_chairman(
    demo_db: Database, round_2026: Round
) -> None:
    with demo_db.session() as s:
        text = _text(render(s, _request("submission", round_2026, "ward")))
    # The body above the office, on one line or on two ("ỦY BAN NHÂN DÂN" / "PHƯỜNG KIẾN AN").
    assert "ỦY BAN NHÂN DÂN" in text and "PHƯỜNG KIẾN AN" in text
    assert "PHÒNG VĂN HÓA - XÃ HỘI" in text
    assert "Số: /TTr-VHXH" in text
    assert "Kính gửi: Chủ tịch Ủy ban nhân dân phường Kiến An." in text
    assert "tặng Giấy khen cho 2 tập thể và 2 cá nhân" in text
    assert "Giấy khen của Chủ tịch UBND phường: 2 tập thể, 2 cá nhân" in text
    assert "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng phường." in text
    assert "TRƯỞNG PHÒNG" in text
    assert "thành phố Hải Phòng" not in text and "Bằng khen" not in text


def test_the_city_tờ_trình_goes_from_the_ward_to_the_city_with_the_higher_forms(
    demo_db: Database, round_2026: Round
) -> None:
    with demo_db.session() as s:
        text = _text(render(s, _request("submission", round_2026, "city")))
    assert "Số: /TTr-UBND" in text and "PHÒNG VĂN HÓA" not in text
    assert (
        "Kính gửi: Ủy ban nhân dân thành phố Hải Phòng (qua Ban Thi đua - Khen thưởng thành phố)"
        in text
    )
    assert "khen thưởng cho 1 tập thể và 1 cá nhân" in text
    assert "Bằng khen của Chủ tịch UBND thành phố: 1 tập thể, 1 cá nhân" in text
    assert "Giấy khen" not in text


def test_each_list_names_only_its_dossiers_with_dots_until_its_tờ_trình_is_issued(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    with demo_db.session() as s:
        ward_names = [unit_named(s, c) for c in ("TDP01", "TDP02")]
        ward_names += [person_named(s, p) for p in (1, 7)]
        city_names = [unit_named(s, "THCSLL"), person_named(s, 5)]
        not_proposed = [unit_named(s, "TDP03"), unit_named(s, "TDP04")]
        ward = _text(render(s, _request("nominees", r, "ward")))
        city = _text(render(s, _request("nominees", r, "city")))
    assert "(Kèm theo Tờ trình số …………………… ngày …………………… của Phòng Văn hóa - Xã hội)" in ward
    assert "(Kèm theo Tờ trình số …………………… ngày …………………… của UBND phường Kiến An)" in city
    assert "Số:" not in ward and "Số:" not in city
    for name in ward_names:
        assert name in ward and name not in city
    for name in city_names:
        assert name in city and name not in ward
    for name in not_proposed:
        assert name not in ward and name not in city
    with demo_db.session() as s:
        issue_document(s, ctx.folder.documents, _request("submission", r, "ward"), ISSUED)
    with demo_db.session() as s:
        ward = _text(render(s, _request("nominees", r, "ward")))
    assert "(Kèm theo Tờ trình số 01/TTr-VHXH ngày 20/11/2026 của Phòng Văn hóa - Xã hội)" in ward
    for name in ward_names:
        assert name in ward


def test_the_councils_biên_bản_is_cited_by_its_number_once_issued(
    demo_db: Database, round_2026: Round
) -> None:
    with demo_db.session() as s:
        meeting = CouncilMeeting(campaign_id=round_2026.campaign, held_on=date(2026, 11, 10))
        s.add(meeting)
        s.flush()
        s.add(
            IssuedDocument(
                kind="minutes",
                type_code="BB",
                year=2026,
                number=3,
                symbol="03/BB-HĐTĐKT",
                title="Biên bản họp Hội đồng",
                issued_on=date(2026, 11, 10),
                params=f'{{"meeting_id": {meeting.id}}}',
            )
        )
        s.flush()
        text = _text(render(s, _request("submission", round_2026, "city")))
    assert "Hội đồng Thi đua - Khen thưởng phường số 03/BB-HĐTĐKT ngày 10/11/2026" in text


MOVEMENT = (
    "Phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và “Bình dân học vụ số”"
)


def test_the_trích_yếu_names_the_award_and_the_movement_as_a_sentence_reads(
    demo_db: Database, round_2026: Round
) -> None:
    with demo_db.session() as s:
        ward = _text(render(s, _request("submission", round_2026, "ward")))
        city = _text(render(s, _request("submission", round_2026, "city")))
        ward_list = _text(render(s, _request("nominees", round_2026, "ward")))
    asked = (
        "đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường cho các tập thể, cá nhân có "
        f"thành tích trong {MOVEMENT} năm 2026"
    )
    assert f"Về việc {asked}" in ward
    assert (
        "Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, "
        f"cá nhân có thành tích trong {MOVEMENT} năm 2026" in city
    )
    # The list attached says the same thing, as its heading.
    assert "DANH SÁCH Đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân phường" in ward_list
    assert f"trong {MOVEMENT} năm 2026" in ward_list
    for text in (ward, city, ward_list):
        assert "trong Khen thưởng năm" not in text
    # The body says which movement, too, and counts without a "0".
    assert f"đã có thành tích xuất sắc trong thực hiện {MOVEMENT} năm 2026, cụ thể:" in ward


def test_kính_gửi_is_regular_type_with_its_recipient_on_its_line(
    demo_db: Database, round_2026: Round
) -> None:
    with demo_db.session() as s:
        pdf = render(s, _request("submission", round_2026, "ward"))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = document.pages[0].extract_words(extra_attrs=["fontname"])
    label = next(w for w in words if w["text"] == "Kính")
    assert "Bold" not in label["fontname"]
    line = [w["text"] for w in words if abs(w["top"] - label["top"]) < 2]
    assert " ".join(line) == "Kính gửi: Chủ tịch Ủy ban nhân dân phường Kiến An."


def test_the_list_has_no_date_line_of_its_own_its_tờ_trình_dates_it(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    with demo_db.session() as s:
        issue_document(s, ctx.folder.documents, _request("submission", round_2026, "city"), ISSUED)
    with demo_db.session() as s:
        text = _text(render(s, _request("nominees", round_2026, "city")))
    assert "Kiến An, ngày" not in text and "tháng      năm" not in text
    assert "(Kèm theo Tờ trình số 01/TTr-UBND ngày 20/11/2026 của UBND phường Kiến An)" in text
