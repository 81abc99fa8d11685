"""The báo cáo thành tích of a sơ kết dossier: the nominee's results of every year of 2025–2027,
the activities its unit organised and the initiatives chosen into the dossier, as read in the PDF;
a yearly dossier still shows its own year only."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from sqlmodel import Session, select

from desktop.context import AppContext
from desktop.documents.common import DocumentRequest
from desktop.documents.service import render
from desktop.indicators.results import unit_results
from desktop.models import Activity, ActivityUnit, Campaign, CampaignKind, Dossier, Indicator
from desktop.models.ids import DossierId, saved_id
from desktop.movement.initiatives import chosen_for
from desktop.storage import Database
from tests.documents.review_ward import REVIEW_DAY, build_review_ward, proposed_collective


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return " ".join(" ".join((p.extract_text() or "").split()) for p in document.pages)


def _render(session: Session, dossier: Dossier) -> str:
    request = DocumentRequest("achievement", dossier_id=DossierId(saved_id(dossier.id)))
    return _text(render(session, request))


@pytest.fixture
def ward(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("THIDUA_TODAY", REVIEW_DAY)
    build_review_ward(ctx.db)
    return ctx.db


def test_a_sơ_kết_report_shows_all_three_years(ward: Database) -> None:
    with ward.session() as session:
        dossier = proposed_collective(session)
        text = _render(session, dossier)
        labels = {i.id: i.label for i in session.exec(select(Indicator))}
        for year in (2025, 2026, 2027):
            assert f"Năm {year}" in text
            results = [
                r
                for r in unit_results(session, year, None, unit_id=dossier.nominee_unit_id)
                if r.percent is not None
            ]
            assert results  # the synthetic unit reported every year
            # The year's sentence, from the very verdicts of its table, names the year.
            assert re.search(rf"chỉ tiêu năm {year}", text)
            for r in results:
                assert labels[r.indicator_id] in text
    assert "qua các năm 2025 - 2027" in text
    assert "giai đoạn 2025 - 2027" in text


def test_its_activities_and_chosen_initiatives_are_printed_not_retyped(ward: Database) -> None:
    with ward.session() as session:
        dossier = proposed_collective(session)
        text = _render(session, dossier)
        chosen = chosen_for(session, saved_id(dossier.id))
        organised = session.exec(
            select(Activity)
            .join(ActivityUnit)
            .where(ActivityUnit.unit_id == dossier.nominee_unit_id)
        ).all()
    assert chosen and organised
    for initiative in chosen:
        assert f"“{initiative.title}”" in text
    for activity in organised:
        assert activity.held_on.strftime("%d/%m/%Y") in text
    assert "Các hoạt động do" in text


def test_a_yearly_dossier_shows_its_own_year_only(ward: Database) -> None:
    with ward.session() as session:
        campaign = session.exec(
            select(Campaign).where(Campaign.kind == CampaignKind.YEARLY, Campaign.year == 2026)
        ).one()
        dossier = session.exec(
            select(Dossier).where(
                Dossier.campaign_id == campaign.id,
                Dossier.nominee_unit_id.is_not(None),  # type: ignore[union-attr]
            )
        ).first()
        assert dossier is not None
        text = _render(session, dossier)
    assert "Kết quả thực hiện các chỉ tiêu năm 2026" in text
    assert "Năm 2025" not in text and "Năm 2027" not in text
