"""The yearly report on the movement (kind ``yearly``): its figures are the stored ones, summed here
independently with SQL over the tables; its sections are all there; it goes to the city through
its Ban TĐKT; it is issued only with the clerk's Khó khăn and Phương hướng, and passes the checker
as a draft and once issued.

The demo ward as it stands on 1 December 2026, with a year of activities, initiatives and
commitments added for 2025 (and a few outside 2025, which the report must leave out).
"""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from sqlalchemy import text
from sqlmodel import Session, col, select

from desktop.changes import Door
from desktop.documents import directions, ops
from desktop.documents.common import DocumentRequest
from desktop.documents.kinds import DocumentError
from desktop.documents.service import prepare
from desktop.documents.yearly import gather
from desktop.models import Person, Unit
from desktop.models.movement import (
    Activity,
    ActivityKind,
    ActivityUnit,
    Commitment,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    RecognitionLevel,
)
from desktop.storage import Database
from desktop.text import wording
from tests.documents.checker import check_pdf, report

YEARLY = DocumentRequest("yearly", year=2025)
ISSUED_ON = date(2026, 1, 10)
DIFFICULTIES = "Một số tổ dân phố báo cáo số liệu chậm; người cao tuổi còn khó khăn khi dùng VNeID."
DIRECTION = "Năm 2026, mở thêm lớp “Bình dân học vụ số” tại các tổ dân phố."


def _pages(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [" ".join((page.extract_text() or "").split()) for page in document.pages]


def _record_a_year(session: Session) -> None:
    """Activities, initiatives and commitments as a clerk records them (and some of 2024, 2026)."""
    # The demo ward has a movement record of its own: the year here is the only one, so that
    # every figure the test states is the test's own.
    for table in ("activityunit", "dossierinitiative", "initiativeperson", "initiative",
                  "commitment"):
        session.execute(text(f"DELETE FROM {table}"))
    session.execute(text("DELETE FROM attachment WHERE activity_id IS NOT NULL"))
    session.execute(text("DELETE FROM activity"))
    units = list(session.exec(select(Unit).order_by(col(Unit.id))))
    person = session.exec(select(Person).order_by(col(Person.id))).first()
    assert person is not None and len(units) > 6
    held = [
        (date(2025, 3, 26), ActivityKind.PROPAGANDA, 320, 40, 0, 280, 0, [units[0]]),
        (date(2025, 5, 12), ActivityKind.TRAINING, 85, 85, 0, 0, 0, [units[1], units[2]]),
        (date(2025, 8, 3), ActivityKind.DIGITAL_CLASS, 46, None, None, 46, None, []),
        (date(2025, 10, 20), ActivityKind.DIGITAL_CLASS, None, None, None, None, None, []),
        (date(2025, 11, 5), ActivityKind.INSPECTION, 12, 12, 0, 0, 0, [units[3]]),
        (date(2025, 12, 1), ActivityKind.TRAINING, 210, 10, 150, 0, 50, [units[4]]),
        (date(2024, 12, 30), ActivityKind.MEETING, 999, 999, 0, 0, 0, []),
        (date(2026, 1, 2), ActivityKind.MEETING, 777, 0, 0, 777, 0, []),
    ]
    for day, kind, people, officials, students, residents, workers, organisers in held:
        activity = Activity(
            held_on=day,
            kind=kind,
            title=f"Hoạt động {kind.label.lower()} ngày {wording.short_date(day)}",
            participants=people,
            officials=officials,
            students=students,
            residents=residents,
            workers=workers,
        )
        session.add(activity)
        session.flush()
        for unit in organisers:
            session.add(ActivityUnit(activity_id=activity.id, unit_id=unit.id))
    made = [
        (2025, InitiativeKind.INITIATIVE, "Số hóa hồ sơ một cửa", RecognitionLevel.WARD, units[0]),
        (2025, InitiativeKind.MODEL, "Tổ công nghệ số cộng đồng", RecognitionLevel.CITY, units[5]),
        (2025, InitiativeKind.SOLUTION, "Sổ tay kỹ năng số", RecognitionLevel.NONE, units[6]),
        (2026, InitiativeKind.MODEL, "Chợ 4.0", RecognitionLevel.UNIT, units[1]),
    ]
    for year, kind, title, level, unit in made:
        initiative = Initiative(
            year=year,
            kind=kind,
            title=title,
            unit_id=unit.id,
            recognition=level,
            decision="15/QĐ-UBND" if level is RecognitionLevel.WARD else "",
        )
        session.add(initiative)
        session.flush()
        if title == "Số hóa hồ sơ một cửa":
            session.add(InitiativePerson(initiative_id=initiative.id, person_id=person.id))
    for index, unit in enumerate(units[:5]):
        session.add(
            Commitment(
                year=2025,
                unit_id=unit.id,
                registered_on=date(2025, 7, 20),
                plan_received_on=date(2025, 8, 1) if index < 3 else None,
            )
        )
    session.add(Commitment(year=2025, unit_id=units[5].id, note="Đã hẹn gửi"))  # not registered
    session.add(Commitment(year=2026, unit_id=units[6].id, registered_on=date(2026, 1, 5)))


@pytest.fixture
def ward(demo_db: Database) -> Database:
    with demo_db.session() as session:
        _record_a_year(session)
    return demo_db


def _one(session: Session, sql: str) -> int:
    return int(session.connection().execute(text(sql)).scalar_one())


def test_the_totals_are_those_of_the_stored_activities_initiatives_and_commitments(
    ward: Database,
) -> None:
    with ward.session() as session:
        data = gather(session, YEARLY)["report"]
        in_2025 = "held_on BETWEEN '2025-01-01' AND '2025-12-31'"
        activities = _one(session, f"SELECT COUNT(*) FROM activity WHERE {in_2025}")
        people = _one(
            session, f"SELECT COALESCE(SUM(participants), 0) FROM activity WHERE {in_2025}"
        )
        unknown = _one(
            session, f"SELECT COUNT(*) FROM activity WHERE {in_2025} AND participants IS NULL"
        )
        residents = _one(session, f"SELECT SUM(residents) FROM activity WHERE {in_2025}")
        classes = _one(
            session,
            f"SELECT COUNT(*) FROM activity WHERE {in_2025} AND kind = 'DIGITAL_CLASS'",
        )
        initiatives = _one(session, "SELECT COUNT(*) FROM initiative WHERE year = 2025")
        city_level = _one(
            session, "SELECT COUNT(*) FROM initiative WHERE year = 2025 AND recognition = 'CITY'"
        )
        registered = _one(
            session,
            "SELECT COUNT(*) FROM commitment WHERE year = 2025 AND registered_on IS NOT NULL",
        )
        plans = _one(
            session,
            "SELECT COUNT(*) FROM commitment WHERE year = 2025 AND plan_received_on IS NOT NULL",
        )
        expected = _one(
            session,
            "SELECT COUNT(*) FROM unit WHERE reports_from <= 20254 "
            "AND (stopped_from IS NULL OR stopped_from > 20254)",
        )
    assert (activities, people, unknown) == (6, 673, 1)  # 2024 and 2026 left out
    found = data["activities"]
    assert found["count"] == activities
    assert found["participants"] == wording.count(people)
    assert found["unknown"] == wording.count(unknown)
    total = found["rows"][-1]
    assert total["key"] == "Tổng cộng" and total["residents"] == wording.count(residents)
    by_kind = {row["key"]: row for row in found["rows"]}
    assert by_kind[ActivityKind.DIGITAL_CLASS.label]["activities"] == wording.count(classes)
    assert data["initiatives"]["count"] == initiatives == 3
    assert f"cấp thành phố: {city_level}" in data["initiatives"]["levels"]
    commitments = data["commitments"]
    assert commitments["registered"] == wording.count(registered)
    assert commitments["expected"] == wording.count(expected)
    assert commitments["plan_sentence"] == f"{plans} đơn vị đã gửi kế hoạch thực hiện về phường"
    assert commitments["missing"] == wording.count(expected - registered)


def test_the_indicators_and_the_commendations_are_the_stored_values_and_decisions(
    ward: Database,
) -> None:
    """Each unit's latest report in the year, summed by SQL here; the awards of the 2025 round."""
    latest = """
        SELECT SUM(v.numerator), SUM(v.denominator) FROM quartervalue v
        JOIN indicator i ON i.id = v.indicator_id
        WHERE i.code = :code AND v.year = 2025 AND v.denominator > 0 AND v.quarter = (
            SELECT MAX(w.quarter) FROM quartervalue w WHERE w.unit_id = v.unit_id
            AND w.indicator_id = v.indicator_id AND w.year = 2025 AND w.denominator > 0)
    """
    with ward.session() as session:
        data = gather(session, YEARLY)["report"]
        codes = [row["code"] for row in data["indicators"] if row["has_figure"]]
        sums = {
            code: tuple(session.connection().execute(text(latest), {"code": code}).one())
            for code in codes
        }
        awarded = _one(
            session,
            "SELECT COUNT(*) FROM dossier d JOIN campaign c ON c.id = d.campaign_id "
            "WHERE c.year = 2025 AND d.status = 'AWARDED'",
        )
    assert codes
    for row in data["indicators"]:
        if row["has_figure"]:
            assert (row["numerator"], row["denominator"]) == sums[row["code"]], row["code"]
    assert awarded >= 1
    assert data["commendations"]["count"] == awarded
    assert data["commendations"]["rows"][-1]["total"] == wording.count(awarded)
    # The chart: one panel per indicator shown, four quarters each, the year's target.
    panels = data["chart"].panels
    assert len(panels) == len(codes)
    assert [label for label, _ in panels[0].series[0].points] == [
        "Quý I",
        "Quý II",
        "Quý III",
        "Quý IV",
    ]
    assert panels[0].targets[0].label.startswith("Mục tiêu ")


def test_every_section_is_printed_and_the_report_goes_to_the_city_through_its_board(
    ward: Database,
) -> None:
    with ward.session() as session:
        prepared = prepare(session, YEARLY)
    to = [line.text for line in prepared.lines if line.directive == "to"]
    assert to == ["Ủy ban nhân dân thành phố Hải Phòng (qua Ban Thi đua - Khen thưởng thành phố)"]
    assert prepared.type_code == "BC"
    assert any(line.directive == "chart" for line in prepared.lines)
    pdf = Door(lambda: ward).read(ops.draft(YEARLY)).pdf
    words = " ".join(_pages(pdf))
    for heading in (
        "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI",
        "II. KẾT QUẢ THỰC HIỆN",
        "1. Kết quả thực hiện các chỉ tiêu",
        "2. Hoạt động tuyên truyền, tập huấn",
        "3. Sáng kiến, giải pháp, mô hình chuyển đổi số",
        "4. Công tác khen thưởng",
        "III. KHÓ KHĂN, VƯỚNG MẮC",
        "IV. PHƯƠNG HƯỚNG, ĐỀ XUẤT",
        "BIỂU ĐỒ",
        "Số hóa hồ sơ một cửa",
        "Mục tiêu",
        "Quý IV",
    ):
        assert heading in words, heading
    assert "0 đơn vị" not in words  # a count of none is said in words


def test_issuing_is_refused_without_the_clerks_two_texts_and_passes_the_checker(
    ward: Database, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    door = Door(lambda: ward)
    draft = door.read(ops.draft(YEARLY)).pdf
    problems = check_pdf(draft, "draft")
    assert not problems, report(problems)
    folder = tmp_path / "documents"
    folder.mkdir()
    with pytest.raises(DocumentError, match="Khó khăn, vướng mắc"):
        door.run(ops.issue(YEARLY, ISSUED_ON, folder))
    door.run(directions.save_difficulties(2025, None, DIFFICULTIES))
    with pytest.raises(DocumentError, match="Phương hướng, đề xuất"):
        door.run(ops.issue(YEARLY, ISSUED_ON, folder))
    assert not list(folder.iterdir())  # no number taken, nothing written
    door.run(directions.save_direction(2025, None, DIRECTION))
    issued = door.run(ops.issue(YEARLY, ISSUED_ON, folder))
    assert issued.symbol == "01/BC-UBND"
    problems = check_pdf(issued.pdf, "issued")
    assert not problems, report(problems)
    words = " ".join(_pages(issued.pdf))
    assert DIFFICULTIES in words and DIRECTION in words
    assert "Kèm theo Báo cáo số 01/BC-UBND ngày 10/01/2026" in words


def test_the_difficulties_are_the_years_own_and_undone_with_ctrl_z(ward: Database) -> None:
    door = Door(lambda: ward)
    door.run(directions.save_direction(2025, None, DIRECTION))
    door.run(directions.save_difficulties(2025, None, DIFFICULTIES))
    assert door.read(ops.report_direction(2025, None)).difficulties == DIFFICULTIES
    with pytest.raises(DocumentError, match="chỉ có ở báo cáo cả năm"):
        door.run(directions.save_difficulties(2025, 2, "Khó khăn của quý"))
    door.undo(directions.SCOPE)
    assert door.read(directions.difficulties_of(2025)) == ""
    assert door.read(directions.direction_of(2025, None)) == DIRECTION  # the other text stays
