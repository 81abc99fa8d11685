"""The Báo cáo thành tích as the council reads it: the unit's indicators by name with the verdicts
of the results module, a sentence that says what the table says, the decree's parts in order, and
the captions of who signs and who confirms on whole lines."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pdfplumber
import pytest
from sqlmodel import Session, select

from desktop.awards.dossiers import save_achievement
from desktop.context import AppContext
from desktop.demo.ward import build_demo_ward
from desktop.documents import achievement
from desktop.documents.achievement import Row, as_of_note, results_summary
from desktop.documents.common import DocumentRequest
from desktop.documents.service import prepare, render
from desktop.indicators.results import UnitResult, unit_results
from desktop.models import (
    ActivityUnit,
    Dossier,
    DossierInitiative,
    DossierStatus,
    Indicator,
    Person,
    UnitKind,
)
from desktop.models.ids import DossierId, IndicatorId, UnitId, saved_id
from desktop.storage import Database
from desktop.text import wording


def _pages(pdf: bytes) -> list[list[str]]:
    """Each page's lines of text."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [(page.extract_text() or "").splitlines() for page in document.pages]


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(lines) for lines in _pages(pdf))


def _dossier(session: Session, collective: bool) -> Dossier:
    rows = session.exec(select(Dossier).order_by(Dossier.id)).all()  # type: ignore[arg-type]
    return next(d for d in rows if (d.nominee_unit_id is not None) == collective)


def _request(dossier: Dossier) -> DocumentRequest:
    return DocumentRequest("achievement", dossier_id=DossierId(saved_id(dossier.id)))


def _table(session: Session, dossier: Dossier) -> list[tuple[str, ...]]:
    lines = prepare(session, _request(dossier)).lines
    table = next(line.table for line in lines if line.table is not None)
    return table.rows


@pytest.fixture
def mid_december(ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    """The demo ward on 15 December 2025: the year's last quarter not reported yet, so the
    year's figures are the third quarter's and the school's are all short of the target."""
    monkeypatch.setenv("THIDUA_TODAY", "2025-12-15")
    build_demo_ward(ctx.db)
    yield ctx.db


def test_each_row_is_the_results_modules_verdict_by_the_indicators_name(
    demo_db: Database,
) -> None:
    with demo_db.session() as session:
        for dossier in session.exec(select(Dossier)).all():
            data = achievement.gather(session, _request(dossier))["achievement"]
            unit_id = dossier.nominee_unit_id
            if unit_id is None:
                person = session.get(Person, dossier.nominee_person_id)
                assert person is not None
                unit_id = person.unit_id
            expected = [
                r
                for r in unit_results(session, data["year"], None, unit_id=unit_id)
                if r.percent is not None or r.target is not None
            ]
            rows = _table(session, dossier)
            assert len(rows) == len(expected)
            for row, result in zip(rows, expected, strict=True):
                indicator = session.get(Indicator, result.indicator_id)
                assert indicator is not None
                assert row[1] == indicator.label != indicator.code
                assert row[2] == wording.percent(result.percent)
                assert row[4] == result.verdict  # OneUnit.verdict: the one verdict of a unit


def test_a_full_figure_reads_met_not_missing_data(demo_db: Database) -> None:
    """100 % against a target of 100 % is "Đạt": the unit reported, its figure is judged."""
    with demo_db.session() as session:
        school = _dossier(session, collective=True)
        rows = _table(session, school)
    full = [row for row in rows if row[2] == "100%"]
    assert full and all(row[4] == "Đạt" for row in full)
    assert not any(row[4] == wording.Verdict.NO_DATA.value for row in full)


def test_the_sentence_under_the_table_says_what_its_rows_say(mid_december: Database) -> None:
    with mid_december.session() as session:
        school = _dossier(session, collective=True)
        rows = _table(session, school)
        text = _text(render(session, _request(school)))
    assert rows and all(row[4] == "Chưa đạt" for row in rows if row[3] != "—")
    short = ", ".join(row[1] for row in rows if row[4] == "Chưa đạt")
    assert f"chưa có chỉ tiêu nào đạt trong {len(rows)} chỉ tiêu năm 2025" in text
    assert f"chưa đạt: {short}." in " ".join(text.split())
    assert "đạt cả" not in text
    # The year's figures are those of the third quarter: the reader is told so.
    assert "Số liệu đến hết quý III năm 2025, đánh giá so với chỉ tiêu cả năm 2025." in text


def _unit_row(label: str, numerator: int | None, target: float | None, quarter: int = 4) -> Row:
    denominator = None if numerator is None else 100
    result = UnitResult(
        UnitId(1), "TDP01", "Tổ dân phố số 1", UnitKind.RESIDENTIAL_GROUP, IndicatorId(1),
        "DANSO", 2025, quarter, numerator, denominator,
        None if numerator is None else float(numerator), target,
    )  # fmt: skip
    return Row(label, result)


def test_the_summary_counts_only_what_has_a_target_and_names_what_is_short() -> None:
    met, short = _unit_row("Người dân có KNS", 90, 80.0), _unit_row("VNeID", 60, 80.0)
    missing, untargeted = _unit_row("Học sinh", None, 80.0), _unit_row("Trường", 100, None)
    name = "Tổ dân phố số 1"
    assert results_summary(name, 2025, [met]) == (
        "Tổ dân phố số 1 đạt chỉ tiêu năm 2025 (Người dân có KNS)."
    )
    assert results_summary(name, 2025, [met, met, untargeted]) == (
        "Tổ dân phố số 1 đạt cả 2 chỉ tiêu năm 2025."
    )
    assert results_summary(name, 2025, [met, short, missing, untargeted]) == (
        "Tổ dân phố số 1: 1 chỉ tiêu đạt trong 3 chỉ tiêu năm 2025; chưa đạt: VNeID; "
        "chưa đủ số liệu: Học sinh."
    )
    assert results_summary(name, 2025, [short]) == (
        "Tổ dân phố số 1: chưa có chỉ tiêu nào đạt trong 1 chỉ tiêu năm 2025; chưa đạt: VNeID."
    )
    assert results_summary(name, 2025, [untargeted]) == ""
    assert as_of_note(2025, [met]) == ""
    assert as_of_note(2025, [_unit_row("x", 50, 80.0, quarter=2), met]) == (
        "Số liệu đến hết quý II năm 2025, đánh giá so với chỉ tiêu cả năm 2025."
    )


def test_no_code_of_an_indicator_or_a_unit_kind_is_printed(demo_db: Database) -> None:
    with demo_db.session() as session:
        codes = {i.code for i in session.exec(select(Indicator))} | {k.value for k in UnitKind}
        for dossier in session.exec(select(Dossier)).all():
            words = set(re.findall(r"[\w]+", _text(render(session, _request(dossier)))))
            assert not words & codes, dossier.id


def test_the_collective_and_the_individual_follow_the_decrees_parts_in_order(
    demo_db: Database,
) -> None:
    with demo_db.session() as session:
        pages = {
            collective: _pages(render(session, _request(_dossier(session, collective))))
            for collective in (True, False)
        }
    for collective, lines in pages.items():
        text = [line.strip() for page in lines for line in page]
        order = [
            "BÁO CÁO THÀNH TÍCH",
            "I. Thông tin chung",
            "II. Thành tích đạt được",
            "1. Kết quả thực hiện mục tiêu, chỉ tiêu thi đua",
        ]
        at = [next(i for i, line in enumerate(text) if line.startswith(t)) for t in order]
        assert at == sorted(at), (collective, at)
        # Each caption of the signatures on lines of its own, never broken inside a phrase.
        captions = (
            ("XÁC NHẬN CỦA CẤP TRÌNH", "KHEN THƯỞNG")
            if collective
            else ("THỦ TRƯỞNG ĐƠN VỊ", "XÁC NHẬN, ĐỀ NGHỊ")
        )
        first = next(i for i, line in enumerate(text) if line.startswith(captions[0]))
        assert text[first + 1].startswith(captions[1])
        if not collective:
            assert "NGƯỜI BÁO CÁO THÀNH TÍCH" in text[first]
            # No agency column: the first line of the page is the quốc hiệu (after the draft mark).
            top = [line for line in lines[0][:3] if line.strip() != "DỰ THẢO"]
            assert top[0].strip() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def test_a_submitted_report_has_no_lines_to_fill_while_an_open_one_keeps_them(
    demo_db: Database,
) -> None:
    with demo_db.session() as session:
        person = _dossier(session, collective=False)
        assert person.status in (DossierStatus.DRAFT, DossierStatus.RETURNED)
        save_achievement(session, saved_id(person.id), {"thanh_tich": "Hướng dẫn 40 người dân."})
        open_text = _text(render(session, _request(person)))
        school = _dossier(session, collective=True)
        assert school.status not in (DossierStatus.DRAFT, DossierStatus.RETURNED)
        with_measures = _text(render(session, _request(school)))
        # Without the activities its unit organised and the initiatives chosen into it, the
        # school's report has nothing for "2. … giải pháp": the part is left out.
        for link in session.exec(
            select(ActivityUnit).where(ActivityUnit.unit_id == school.nominee_unit_id)
        ).all():
            session.delete(link)
        for chosen in session.exec(
            select(DossierInitiative).where(DossierInitiative.dossier_id == school.id)
        ).all():
            session.delete(chosen)
        session.flush()
        submitted = _text(render(session, _request(school)))
    assert "……" in open_text or "...." in open_text
    assert "Hướng dẫn 40 người dân." in open_text
    assert "……" not in submitted and "...." not in submitted
    assert "2. Các biện pháp, giải pháp" in with_measures
    assert "3. Tiêu chuẩn khen thưởng đã đạt" in with_measures
    # The school's report wrote no measures: "2." goes to the standards ticked.
    assert "2. Các biện pháp" not in submitted
    assert "2. Tiêu chuẩn khen thưởng đã đạt" in submitted
    assert "III. Các hình thức đã được khen thưởng" not in submitted


def test_the_report_states_the_themed_campaign_and_the_years_period(demo_db: Database) -> None:
    with demo_db.session() as session:
        text = _text(render(session, _request(_dossier(session, collective=True))))
    assert "(Khen thưởng theo chuyên đề: Phong trào thi đua" in text
    assert "“Bình dân học vụ số” năm 2025)" in text
    assert not re.search(r"tháng 0[3-9]", text)
