"""Storage: every model round-trips; foreign, damaged and newer files are refused untouched."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import SQLModel, select

from desktop.models import (
    Activity,
    ActivityKind,
    ActivityUnit,
    Attachment,
    AuditEntry,
    Authority,
    AwardDecision,
    AwardForm,
    Campaign,
    CertificateEntry,
    Commitment,
    CouncilAttendance,
    CouncilMeeting,
    CouncilMember,
    CouncilRole,
    CouncilVote,
    Dossier,
    DossierComponentCheck,
    DossierCriterionCheck,
    DossierEvent,
    DossierInitiative,
    DossierStatus,
    Gender,
    Indicator,
    Initiative,
    InitiativeKind,
    InitiativePerson,
    IssuedDocument,
    Person,
    PriorAward,
    QuarterLock,
    QuarterValue,
    RecognitionLevel,
    ReportDirection,
    Setting,
    SubmissionItem,
    Unit,
    UnitKind,
)
from desktop.storage import Database
from desktop.storage.errors import DamagedDatabase, NewerDatabase, NotThiDuaDatabase
from desktop.storage.hooks import set_audit_reason
from desktop.storage.migrate import head_revision
from desktop.storage.schema import HEAD_REVISION, KNOWN_REVISIONS


def _unit(code: str = "U1", **kw) -> Unit:
    return Unit(code=code, name=kw.pop("name", "Trường Tiểu học Lê Lợi"), kind=UnitKind.SCHOOL_PRIMARY, **kw)


def test_pragmas_on_every_connection(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_schema_constant_matches_alembic_head() -> None:
    assert head_revision() == HEAD_REVISION
    assert KNOWN_REVISIONS[-1] == HEAD_REVISION


def test_every_model_round_trips(db: Database) -> None:
    with db.session() as s:
        unit = _unit(staff_count=40, student_count=900)
        s.add(unit)
        s.flush()
        person = Person(unit_id=unit.id, full_name="Nguyễn Thị Hoa", gender=Gender.FEMALE, birth_year=1980)
        s.add(person)
        indicator = s.exec(select(Indicator)).first()
        form = s.exec(select(AwardForm)).first()
        campaign = s.exec(select(Campaign)).first()
        s.flush()
        s.add(QuarterValue(unit_id=unit.id, indicator_id=indicator.id, year=2025, quarter=2, numerator=30, denominator=40))
        s.add(QuarterLock(year=2025, quarter=1))
        dossier = Dossier(campaign_id=campaign.id, award_form_id=form.id, nominee_person_id=person.id,
                          decision_date=date(2025, 12, 1), status=DossierStatus.AWARDED)
        s.add(dossier)
        s.flush()
        s.add(DossierEvent(dossier_id=dossier.id, to_status=DossierStatus.DRAFT))
        s.add(DossierCriterionCheck(dossier_id=dossier.id, criterion_id=1, met=True, evidence="QĐ 12"))
        s.add(DossierComponentCheck(dossier_id=dossier.id, component_id=1, present=True))
        s.add(Attachment(dossier_id=dossier.id, sha256="a" * 64, original_name="tờ trình.pdf", size=10))
        s.add(PriorAward(person_id=person.id, year=2024, award_name="Giấy khen"))
        document = IssuedDocument(kind="report", type_code="BC", year=2025, number=7, symbol="07/BC-UBND",
                                  title="Báo cáo", issued_on=date(2025, 12, 31))
        s.add(document)
        s.add(Setting(key="k", value="v"))
        s.add(ReportDirection(year=2025, quarter=3, text="Tiếp tục đôn đốc các đơn vị."))
        member = CouncilMember(year=2025, full_name="Lê Văn Nam", role=CouncilRole.CHAIR)
        meeting = CouncilMeeting(campaign_id=campaign.id, held_on=date(2025, 12, 10), place="Hội trường")
        decision = AwardDecision(campaign_id=campaign.id, authority=Authority.WARD, number="125/QĐ-UBND",
                                 signed_on=date(2025, 12, 20))
        s.add_all([member, meeting, decision])
        s.flush()
        s.add(CouncilAttendance(meeting_id=meeting.id, member_id=member.id))
        s.add(CouncilVote(meeting_id=meeting.id, dossier_id=dossier.id, ballots_issued=9, ballots_valid=9,
                          ballots_for=8, members=9, proposed=True))
        s.add(SubmissionItem(document_id=document.id, dossier_id=dossier.id, authority=Authority.WARD))
        s.add(CertificateEntry(decision_id=decision.id, dossier_id=dossier.id, year=2025, number=1,
                               printed_on=date(2025, 12, 21)))
        dossier.decision_id = decision.id
        activity = Activity(held_on=date(2025, 9, 12), kind=ActivityKind.DIGITAL_CLASS,
                            title="Lớp Bình dân học vụ số", participants=40, residents=35)
        initiative = Initiative(year=2025, kind=InitiativeKind.MODEL, title="Tổ dân phố số",
                                unit_id=unit.id, recognition=RecognitionLevel.WARD)
        commitment = Commitment(year=2025, unit_id=unit.id, registered_on=date(2025, 3, 1))
        s.add_all([activity, initiative, commitment])
        s.flush()
        s.add(ActivityUnit(activity_id=activity.id, unit_id=unit.id))
        s.add(InitiativePerson(initiative_id=initiative.id, person_id=person.id))
        s.add(DossierInitiative(dossier_id=dossier.id, initiative_id=initiative.id))
        s.add(Attachment(activity_id=activity.id, sha256="b" * 64, original_name="ảnh.jpg", size=5))
    db.close()
    reopened = Database.open(db.path)
    with reopened.session() as s:
        assert s.exec(select(Unit)).one().student_count == 900
        assert s.exec(select(Person)).one().gender is Gender.FEMALE
        assert s.exec(select(QuarterValue)).one().numerator == 30
        assert s.exec(select(Dossier)).one().decision_date == date(2025, 12, 1)
        assert s.exec(select(Attachment).where(Attachment.dossier_id.is_not(None))).one().original_name == "tờ trình.pdf"
        assert s.exec(select(Activity)).one().kind is ActivityKind.DIGITAL_CLASS
        assert s.exec(select(Initiative)).one().recognition is RecognitionLevel.WARD
        assert s.exec(select(IssuedDocument)).one().symbol == "07/BC-UBND"
        assert s.exec(select(QuarterLock)).one().locked
        assert s.get(Setting, "k").value == "v"
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in {"contentarea", "milestone"}:
                assert s.exec(select(func.count()).select_from(table)).one() >= 1, table.name
    reopened.close()


def test_text_is_stored_nfc_and_trimmed(db: Database) -> None:
    with db.session() as s:
        s.add(_unit(name=unicodedata.normalize("NFD", "  Trường Mầm non Hoa Sen ")))
    with db.session() as s:
        assert s.exec(select(Unit)).one().name == "Trường Mầm non Hoa Sen"


def test_foreign_keys_are_enforced(db: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Person(unit_id=999, full_name="Không có đơn vị"))
    with db.session() as s:
        assert s.exec(select(Person)).all() == []


def test_sql_parameters_never_reach_the_message(db: Database) -> None:
    """A failed write names the SQL, not the person's name or phone number (nor does the log)."""
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as failure, db.session() as s:
        s.add(Person(unit_id=999, full_name="Nguyễn Thị Bình", phone="0912345678"))
    message = str(failure.value)
    assert "INSERT INTO person" in message and "parameters hidden" in message
    assert "Nguyễn Thị Bình" not in message and "0912345678" not in message


def test_second_writer_waits_then_is_refused_as_busy(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from desktop.errors import DataBusy, refusal_of

    monkeypatch.setenv("THIDUA_BUSY_TIMEOUT_MS", "100")
    second = Database.open(db.path)
    other = sqlite3.connect(db.path, isolation_level=None)
    try:
        with second.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 100
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(OperationalError) as failure, second.session() as s:
            s.add(_unit())
        assert isinstance(refusal_of(failure.value), DataBusy)
    finally:
        other.rollback()
        other.close()
        second.close()


def test_a_file_that_cannot_be_opened_is_not_called_damaged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.errors import DataReadOnly
    from desktop.storage import database

    path = db.path
    db.close()

    def cannot_open(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(database.sqlite3, "connect", cannot_open)
    with pytest.raises(DataReadOnly, match="chỉ cho phép đọc"):
        database.inspect_file(path)


def test_failed_transaction_leaves_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(_unit())
        s.flush()
        raise RuntimeError("mất điện")
    with db.session() as s:
        assert s.exec(select(Unit)).all() == []
        assert s.exec(select(AuditEntry).where(AuditEntry.table_name == "unit")).all() == []


def test_audit_log_keeps_insert_update_delete(db: Database) -> None:
    with db.session() as s:
        unit = _unit(head_name="Cũ")
        s.add(unit)
    with db.session() as s:
        set_audit_reason(s, "Sửa theo công văn")
        s.get(Unit, unit.id).head_name = "Mới"
    with db.session() as s:
        s.delete(s.get(Unit, unit.id))
    with db.session() as s:
        entries = s.exec(select(AuditEntry).where(AuditEntry.table_name == "unit").order_by(AuditEntry.id)).all()
    assert [e.action for e in entries] == ["insert", "update", "delete"]
    assert entries[0].record_id == unit.id and "Trường Tiểu học Lê Lợi" in entries[0].new_value
    update = entries[1]
    assert (update.field, update.old_value, update.new_value, update.reason) == ("head_name", "Cũ", "Mới", "Sửa theo công văn")
    assert '"head_name": "Mới"' in entries[2].old_value


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_refuses_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "thidua.sqlite3"
    path.write_bytes("Đây là một văn bản, không phải dữ liệu".encode())
    before = _bytes(path)
    with pytest.raises(NotThiDuaDatabase, match="không phải là cơ sở dữ liệu ThiĐua"):
        Database.open(path)
    assert _bytes(path) == before


def test_refuses_another_programs_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE orders (id INTEGER)")
    before = _bytes(path)
    with pytest.raises(NotThiDuaDatabase, match="chương trình khác"):
        Database.open(path)
    assert _bytes(path) == before


def test_refuses_a_damaged_file(db: Database) -> None:
    path = db.path
    db.close()
    data = bytearray(_bytes(path))
    data[100:4096] = b"\xff" * (4096 - 100)  # the header's tail and the schema page
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    before = _bytes(path)
    with pytest.raises(DamagedDatabase, match="bị hỏng"):
        Database.open(path)
    assert _bytes(path) == before


def test_refuses_a_newer_schema(db: Database) -> None:
    path = db.path
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    db.close()
    before = _bytes(path)
    with pytest.raises(NewerDatabase, match="phiên bản ThiĐua mới hơn"):
        Database.open(path)
    assert _bytes(path) == before


def test_migration_from_previous_revision_keeps_data_and_copies_aside(tmp_path: Path) -> None:
    from desktop.storage import migrate
    from desktop.storage.database import make_engine

    path = tmp_path / "thidua.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.exec_driver_sql(
            "INSERT INTO unit (code, name, kind, head_name, head_position, phone, email, address, "
            "active, discipline_note, note, created_at, updated_at) VALUES ('A', 'Tổ dân phố số 1', "
            "'RESIDENTIAL_GROUP', '', '', '', '', '', 1, '', '', '2025-01-01', '2025-01-01')"
        )
    engine.dispose()
    db = Database.open(path)
    assert db.schema_revision() == HEAD_REVISION
    with db.session() as s:
        assert s.exec(select(Unit)).one().name == "Tổ dân phố số 1"
    with db.engine.connect() as conn:
        indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list('quartervalue')")}
    assert "ix_quartervalue_period_values" in indexes
    assert "ix_quartervalue_period" not in indexes  # superseded by 0003
    copies = list(tmp_path.glob("thidua.sqlite3.before-0001-*"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    db.close()


def test_migration_from_empty_creates_every_table(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "new.sqlite3")
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(SQLModel.metadata.tables) <= tables
    assert db.integrity_problems() == []
    db.close()


def test_integrity_check_reports_broken_references(db: Database) -> None:
    with sqlite3.connect(db.path) as conn:  # a file edited by another tool, foreign keys off
        conn.execute(
            "INSERT INTO person (unit_id, full_name, position, phone, active, discipline_note, note, "
            "created_at, updated_at) VALUES (4242, 'Mồ côi', '', '', 1, '', '', '2025-01-01', '2025-01-01')"
        )
    problems = db.integrity_problems()
    assert any("person" in p and "unit" in p for p in problems)


def test_period_sums_are_answered_from_the_index(db: Database) -> None:
    with db.engine.connect() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT indicator_id, sum(numerator), sum(denominator) "
                "FROM quartervalue WHERE year = 2025 AND quarter = 4 GROUP BY indicator_id"
            )
        )
    assert "COVERING INDEX ix_quartervalue_period_values" in plan


def test_reads_are_memory_mapped(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA mmap_size").scalar() >= 64 * 1024 * 1024


def test_a_caller_that_checked_may_skip_the_page_scan(db: Database) -> None:
    from desktop.storage.database import inspect_file

    path = db.path
    db.close()
    assert inspect_file(path, quick_check=False) == HEAD_REVISION
    Database.open(path, quick_check=False).close()


def test_migration_0004_reads_the_plan_into_existing_data(tmp_path: Path) -> None:
    """Revision 0004 on a ward's file: each unit reports from its earliest value (or the quarter
    it was added), a closed unit stops after its last value, the 2025 student target covers the
    secondary schools, "Trên 80%" is strict and 100 % means all, TRUONGKNS is a yes/no, and
    2027–2030 carry the 2026 targets over."""
    from desktop.models import Comparison, IndicatorTarget, ValueKind
    from desktop.storage import migrate
    from desktop.storage.database import make_engine

    path = tmp_path / "thidua.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0003")
        run = conn.exec_driver_sql
        for code in ("CBCC", "HOCSINH", "TRUONGKNS"):
            run(
                "INSERT INTO indicator (code, name, population, numerator_label, denominator_label, "
                "unit_kinds, ordinal, active) VALUES (?, ?, 'staff', 'a', 'b', "
                "'school_primary,school_lower_secondary,school_upper_secondary', 1, 1)",
                (code, code),
            )
        run(
            "INSERT INTO indicatortarget (indicator_id, year, target_percent, text) VALUES "
            "(1, 2025, 80, 'Trên 80% …'), (1, 2026, 100, '100% …'), (2, 2025, 100, '100% học sinh …')"
        )
        for code, active, created in (("A", 1, "2026-11-20"), ("B", 0, "2025-01-05"), ("C", 1, "2026-05-02")):
            run(
                "INSERT INTO unit (code, name, kind, head_name, head_position, phone, email, address, "
                "active, discipline_note, note, created_at, updated_at) VALUES (?, ?, "
                "'SCHOOL_PRIMARY', '', '', '', '', '', ?, '', '', ?, '2026-11-20')",
                (code, f"Trường {code}", active, created),
            )
        run(
            "INSERT INTO quartervalue (unit_id, indicator_id, year, quarter, numerator, denominator, "
            "note, updated_at) VALUES (1, 1, 2025, 2, 5, 10, '', '2025-07-01'), "
            "(2, 1, 2025, 4, 5, 10, '', '2026-01-01')"
        )
    engine.dispose()
    db = Database.open(path)
    with db.session() as s:
        units = {u.code: u for u in s.exec(select(Unit))}
        targets = {(t.indicator_id, t.year): t for t in s.exec(select(IndicatorTarget))}
        kinds = {i.code: i.value_kind for i in s.exec(select(Indicator))}
    assert (units["A"].reports_from, units["A"].stopped_from) == (20252, None)
    assert (units["B"].reports_from, units["B"].stopped_from) == (20251, 20261)
    assert units["C"].reports_from == 20262  # no values: the quarter it was added
    assert targets[(1, 2025)].comparison is Comparison.ABOVE
    assert targets[(1, 2026)].comparison is Comparison.EQUAL
    assert targets[(2, 2025)].unit_kind_list == ["school_lower_secondary", "school_upper_secondary"]
    carried = [targets[(1, year)] for year in range(2027, 2031)]
    assert all(t.carried_over and t.target_percent == 100 for t in carried)
    assert (2, 2027) not in targets  # HOCSINH had no 2026 target to carry
    assert kinds["TRUONGKNS"] is ValueKind.YES_NO and kinds["CBCC"] is ValueKind.RATIO
    db.close()


def test_a_ward_of_0004_is_upgraded_with_its_decisions_as_records(tmp_path: Path) -> None:
    """Migration 0005 on a file with dossiers, checks and a typed decision, the foreign keys on:
    no table others point to is rebuilt, and each typed decision becomes one decision record."""
    from alembic import command
    from sqlalchemy import create_engine

    from desktop.demo.ward import build_demo_ward
    from desktop.models import AwardDecision
    from desktop.storage import migrate

    path = tmp_path / "thidua.sqlite3"
    db = Database.open(path)
    build_demo_ward(db)
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0004")
    engine.dispose()
    with sqlite3.connect(path) as conn:  # the decision as 0004 kept it: typed on the dossier
        awarded = conn.execute("SELECT id FROM dossier WHERE decision_number != ''").fetchall()
        assert awarded == [(1,)]
        assert conn.execute("SELECT count(*) FROM dossiercriterioncheck").fetchone()[0] > 0
    db = Database.open(path)
    with db.session() as s:
        [decision] = s.exec(select(AwardDecision)).all()
        assert (decision.number, decision.signed_on) == ("125/QĐ-UBND", date(2025, 12, 20))
        assert s.get(Dossier, 1).decision_id == decision.id
    assert db.integrity_problems() == []
    db.close()
