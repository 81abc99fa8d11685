"""The sơ kết report says what the records say: each year's figures and verdicts are the results
module's, the totals are sums over the stored rows, the proposals are the round's dossiers the
council proposed (a draft is not), and it is issued only with the clerk's two texts."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from sqlmodel import Session, select

from desktop.context import AppContext
from desktop.documents import review, review_texts
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.service import render
from desktop.indicators.results import ward_results
from desktop.models import Activity, CampaignKind, DossierStatus, Initiative
from desktop.storage import Database
from desktop.text import wording
from tests.documents.review_ward import REVIEW_DAY, build_review_ward, review_dossiers

SO_KET = DocumentRequest("review", period="2025-2027")


@pytest.fixture
def ward(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("THIDUA_TODAY", REVIEW_DAY)
    build_review_ward(ctx.db)
    return ctx.db


def _data(session: Session) -> dict:  # type: ignore[type-arg]
    return review.gather(session, SO_KET)["review"]


def test_each_year_is_the_results_modules_figure_and_verdict(ward: Database) -> None:
    with ward.session() as session:
        data = _data(session)
        for year in (2025, 2026, 2027):
            for result in ward_results(session, year):
                block = next(b for b in data["indicators"] if b["name"] == result.name)
                row = next(r for r in block["rows"] if r["year"] == year)
                assert row["percent"] == wording.percent(result.percent)
                assert row["verdict_short"] == wording.verdict_of(result.met, result.target)
                assert row["coverage"] == f"{result.reported_units}/{result.expected_units}"
        counted = {y["year"]: y for y in data["years"]}
        met_2027 = sum(1 for r in ward_results(session, 2027) if r.met is True)
        assert counted[2027]["met"] == wording.count(met_2027)


def test_the_totals_are_sums_over_the_stored_rows(ward: Database) -> None:
    with ward.session() as session:
        data = _data(session)
        activities = session.exec(select(Activity)).all()
        initiatives = session.exec(select(Initiative)).all()
    record = data["record"]
    total = record["activities"]["by_year"][-1]["raw"]
    assert total.activities == len(activities)
    assert total.participants == sum(a.participants or 0 for a in activities)
    assert record["activities"]["count"] == wording.count(len(activities))
    assert record["initiatives"]["count"] == wording.count(len(initiatives))
    by_year = {r["year"]: sum(r["raw"]) for r in record["initiatives"]["by_year"]}
    assert by_year["2026"] == sum(1 for i in initiatives if i.year == 2026)


def test_the_proposals_are_the_rounds_dossiers_from_the_council_on(ward: Database) -> None:
    with ward.session() as session:
        data = _data(session)
        dossiers = review_dossiers(session, CampaignKind.PRELIMINARY_REVIEW)
    listed = data["record"]["proposals"]["rows"]
    proposed = [d for d in dossiers if d.status in review.review_record.PROPOSED]
    assert len(listed) == len(proposed) > 0
    assert any(d.status is DossierStatus.DRAFT for d in dossiers)
    assert {r["status"] for r in listed} >= {"Hội đồng đề nghị", "Đã gửi cấp trên"}


def test_the_pdf_shows_every_year_and_issuing_waits_for_the_texts(ward: Database) -> None:
    with ward.session() as session:
        pdf = render(session, SO_KET)
        with pytest.raises(DocumentError, match="Khó khăn, vướng mắc và Phương hướng"):
            review.check_issuable(session, SO_KET)
    with ward.session() as session:
        review_texts._write(
            session, 2027, review_texts.ReviewTexts("Khó khăn đã viết.", "Phương hướng đã viết.")
        )
        review.check_issuable(session, SO_KET)  # nothing refused now
        written = render(session, SO_KET)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)
    assert "Sơ kết 03 năm thực hiện Phong trào thi đua" in text
    for year in ("2025", "2026", "2027"):
        assert f"Năm {year}" in text
    with pdfplumber.open(io.BytesIO(written)) as document:
        assert "Phương hướng đã viết." in " ".join(p.extract_text() or "" for p in document.pages)


def test_a_period_that_is_no_review_is_refused_and_the_tổng_kết_is_named(ward: Database) -> None:
    with ward.session() as session:
        with pytest.raises(DocumentError, match="2025-2027 \\(sơ kết\\) hoặc 2025-2030"):
            review.period_of(session, DocumentRequest("review", period="2026-2027"))
        final = review.period_of(session, DocumentRequest("review", period="2025 – 2030"))
        assert final.final and final.words == "tổng kết giai đoạn 2025 - 2030"
        assert review.title(session, DocumentRequest("review", period="2025-2030")) == (
            "Báo cáo tổng kết Phong trào thi đua giai đoạn 2025 - 2030"
        )


def test_the_commitment_counts_are_the_lengths_of_the_standing(ward: Database) -> None:
    from desktop.documents.review_record import commitment_counts
    from desktop.movement.commitments import standing

    with ward.session() as session:
        for year in (2025, 2026, 2027):
            found = standing(session, year)
            assert commitment_counts(session, year) == (
                found.expected,
                len(found.registered),
                len(found.plan_received),
                len(found.missing),
            )
