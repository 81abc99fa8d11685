"""The Chairman's Quyết định: made from the ward Tờ trình's list, numbered by the clerk, awarding
every listed dossier at once; its list attached adds up to Điều 2's total."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
import pytest
from sqlmodel import select

from desktop.context import AppContext
from desktop.documents import ops
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.register import issue_document
from desktop.documents.service import render
from desktop.models import AwardDecision, Dossier, DossierStatus, IssuedDocument
from desktop.models.decisions import Authority
from desktop.models.ids import CampaignId
from desktop.storage import Database
from tests.decisions.proposing import Round, person_named, proposed, unit_named

S = DossierStatus
SUBMITTED = date(2026, 11, 20)
SIGNED = date(2026, 11, 25)


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join(page.extract_text().split()) for page in document.pages]


def _submit(demo_db: Database, ctx: AppContext, campaign: int) -> IssuedDocument:
    request = DocumentRequest("submission", campaign_id=CampaignId(campaign), to="ward")
    with demo_db.session() as s:
        return issue_document(s, ctx.folder.documents, request, SUBMITTED)[0]


def _decision(campaign: int) -> DocumentRequest:
    return DocumentRequest("decision", campaign_id=CampaignId(campaign))


def _amounts(text: str) -> list[int]:
    """The amounts of the list's rows: the figures of the form 1.234.000 not followed by "đồng"."""
    return [int(a.replace(".", "")) for a in re.findall(r"(\d{1,3}(?:\.\d{3})+)(?! đồng)", text)]


def test_no_decision_without_an_issued_ward_tờ_trình(demo_db: Database, round_2026: Round) -> None:
    refused = pytest.raises(DocumentError, match="Chưa có Tờ trình đề nghị Chủ tịch UBND phường")
    with demo_db.session() as s, refused:
        render(s, _decision(round_2026.campaign))


def test_the_draft_lists_the_tờ_trình_dossiers_with_amounts_that_add_up(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    _submit(demo_db, ctx, r.campaign)
    with demo_db.session() as s:
        pages = _pages(render(s, _decision(r.campaign)))
        names = [unit_named(s, c) for c in ("TDP01", "TDP02")]
        names += [person_named(s, p) for p in (1, 7)]
        elsewhere = [unit_named(s, c) for c in ("THCSLL", "TDP03", "TDP04")] + [person_named(s, 5)]
    decision, annex = pages[0] + " " + " ".join(pages[1:-1]), pages[-1]
    assert len(pages) >= 2
    assert "QUYẾT ĐỊNH" in decision and "Về việc tặng Giấy khen" in decision
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG KIẾN AN" in decision
    assert "Số: /QĐ-UBND" in decision.replace("  ", " ")
    assert "Luật Tổ chức chính quyền địa phương" in decision
    assert "Nghị định số 152/2025/NĐ-CP" in decision
    assert (
        "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội tại Tờ trình số 01/TTr-VHXH ngày 20/11/2026"
        in decision
    )
    assert "cho 2 tập thể và 2 cá nhân" in decision
    # The round is named by its year, as the Giấy khen says it, not by its name in the app.
    assert "“Bình dân học vụ số” năm 2026 (có danh sách kèm theo)" in decision
    assert "Khen thưởng năm 2026" not in decision
    assert "Như Điều 3" in decision and "Lưu: VT, VHXH" in decision
    assert "CT, các PCT UBND phường" in decision
    assert "Tổng cộng: 2 tập thể và 2 cá nhân; tổng số tiền thưởng 2.140.000 đồng." in annex
    assert (
        decision.index("Theo đề nghị") < decision.index("QUYẾT ĐỊNH:") < decision.index("Điều 1.")
    )
    assert decision.index("Điều 2.") < decision.index("Điều 3.") < decision.index("Nơi nhận")
    assert "của Chủ tịch UBND phường Kiến An)" in annex
    assert "Kèm theo Quyết định số ……/QĐ-UBND ngày ……" in annex
    for name in names:
        assert name in annex
    for name in elsewhere:
        assert name not in annex
    total = re.search(r"Tổng số tiền thưởng: (\S+) đồng", decision)
    assert total is not None
    rows = _amounts(annex.split("Tổng cộng")[0])
    assert rows == [710_000, 710_000, 360_000, 360_000]
    assert sum(rows) == int(total.group(1).replace(".", "")) == 2_140_000


def test_issuing_the_decision_awards_every_listed_dossier_with_its_number(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    submission = _submit(demo_db, ctx, r.campaign)
    rendered = ctx.door.run(ops.issue(_decision(r.campaign), SIGNED, ctx.folder.documents, 125))
    assert rendered.symbol == "125/QĐ-UBND"
    assert "Kèm theo Quyết định số 125/QĐ-UBND ngày 25/11/2026" in _pages(rendered.pdf)[-1]
    with demo_db.session() as s:
        record = s.exec(
            select(IssuedDocument).where(
                IssuedDocument.kind == "decision", IssuedDocument.year == 2026
            )
        ).one()
        assert (record.type_code, record.year, record.number) == ("QĐ", 2026, 125)
        decision = s.exec(
            select(AwardDecision).where(AwardDecision.campaign_id == r.campaign)
        ).one()
        assert decision.authority is Authority.WARD
        assert (decision.number, decision.signed_on) == ("125/QĐ-UBND", SIGNED)
        assert decision.issuer == "Chủ tịch UBND phường Kiến An"
        assert decision.document_id == record.id
        assert decision.submission_document_id == submission.id
        assert decision.base_salary == 2_340_000
        for dossier_id in r.ward:
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None and dossier.status is S.AWARDED
            assert dossier.decision_number == "125/QĐ-UBND"
            assert dossier.decision_id == decision.id
            assert dossier.bonus_amount == (710_000 if dossier.nominee_unit_id else 360_000)
        for dossier_id in (*r.city, r.at_council):
            dossier = s.get(Dossier, dossier_id)
            assert dossier is not None and dossier.status is not S.AWARDED
    with demo_db.session() as s, pytest.raises(DocumentError, match="đã có quyết định"):
        render(s, _decision(r.campaign))


def test_a_taken_number_is_refused_and_nothing_changes(
    demo_db: Database, ctx: AppContext, round_2026: Round
) -> None:
    r = round_2026
    _submit(demo_db, ctx, r.campaign)
    ctx.door.run(ops.issue(_decision(r.campaign), SIGNED, ctx.folder.documents, 125))
    with demo_db.session() as s:
        late = proposed(s, r.at_council)
    _submit(demo_db, ctx, r.campaign)
    with pytest.raises(DocumentError, match="125/QĐ-UBND năm 2026 đã có trong sổ"):
        ctx.door.run(ops.issue(_decision(r.campaign), SIGNED, ctx.folder.documents, 125))
    with demo_db.session() as s:
        dossier = s.get(Dossier, late)
        assert dossier is not None and dossier.status is S.COUNCIL_PROPOSED
        assert dossier.decision_id is None
        mine = select(AwardDecision).where(AwardDecision.campaign_id == r.campaign)
        assert len(s.exec(mine).all()) == 1
        numbered = select(IssuedDocument).where(
            IssuedDocument.kind == "decision", IssuedDocument.year == 2026
        )
        assert len(s.exec(numbered).all()) == 1
    rendered = ctx.door.run(ops.issue(_decision(r.campaign), SIGNED, ctx.folder.documents, 126))
    assert rendered.symbol == "126/QĐ-UBND"
    text = " ".join(_pages(rendered.pdf))
    assert "Tờ trình số 02/TTr-VHXH" in text and "cho 1 tập thể đã có thành tích" in text
    # Only what the decision awards: never "0 cá nhân" (issue 14, wording).
    assert "Tổng cộng: 1 tập thể; tổng số tiền thưởng 710.000 đồng." in text
    assert "0 cá nhân" not in text
