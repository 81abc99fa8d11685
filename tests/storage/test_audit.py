"""Nhật ký thay đổi: every change can be found, filtered and exported to Excel."""

from __future__ import annotations

import re
from dataclasses import fields as dataclass_fields
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import event
from sqlmodel import Session, SQLModel, col, select

from desktop.backup.status import LAST_FOLDER_KEY, LAST_USB_BACKUP_KEY
from desktop.backup.trail import RESTORE_KEY
from desktop.documents.layout import SETTING_PREFIX, PageLayout
from desktop.excel.audit_export import export_audit
from desktop.models import (
    AuditEntry,
    AwardForm,
    Dossier,
    DossierStatus,
    IndicatorTarget,
    Person,
    Unit,
)
from desktop.models.ids import saved_id
from desktop.models.periods import today
from desktop.models.register import UnitKind
from desktop.movement import deadline_settings
from desktop.settings import WardSettings, load_settings, save_ward_settings
from desktop.storage import Database
from desktop.storage.audit import BATCH, AuditFilter, AuditRow, audit_tables, query_audit
from desktop.storage.audit_words import Detail
from desktop.storage.hooks import set_audit_reason
from desktop.text import fields, wording


def rename_a_unit(db: Database) -> int:
    with db.session() as session:
        unit = session.exec(select(Unit).order_by(Unit.id)).first()
        assert unit is not None
        set_audit_reason(session, "Sửa theo Quyết định 12/QĐ-UBND")
        unit.name = "Trường Mầm non Hoa Sữa"
        return unit.id  # type: ignore[return-value]


def test_a_change_is_logged_with_old_and_new_values(demo_db: Database) -> None:
    unit_id = rename_a_unit(demo_db)
    with demo_db.session() as session:
        rows, more = query_audit(
            session, AuditFilter(table="unit", action="update", record_id=unit_id)
        )
    assert not more
    [row] = [r for r in rows if r.field == "name"]
    assert row.new_value == "Trường Mầm non Hoa Sữa"
    assert row.old_value and row.old_value != row.new_value
    assert row.table == "Đơn vị" and row.action_label == "Sửa"
    assert row.reason == "Sửa theo Quyết định 12/QĐ-UBND"


def test_filters_combine_and_text_ignores_diacritics(demo_db: Database) -> None:
    rename_a_unit(demo_db)
    with demo_db.session() as session:
        session.add(Unit(code="NK01", name="Hợp tác xã Quỳnh Khôi", kind=UnitKind.COOPERATIVE))
    with demo_db.session() as session:
        # The rename, and the entries naming the unit by its name (its persons, its activities);
        # "hoa sua" alone would also find every "Sửa" of the Phòng Văn hóa's records.
        by_text, _ = query_audit(session, AuditFilter(text="mam non hoa sua"))
        assert by_text and by_text[0].new_value == "Trường Mầm non Hoa Sữa"
        assert all("Hoa Sữa" in r.searchable() for r in by_text)
        inserts, _ = query_audit(session, AuditFilter(text="quynh khoi", action="insert"))
        assert [r.table_name for r in inserts] == ["unit"]
        assert "Hợp tác xã Quỳnh Khôi" in inserts[0].new_text
        tomorrow = today() + timedelta(days=1)
        assert query_audit(session, AuditFilter(since=tomorrow))[0] == []
        of_today, _ = query_audit(session, AuditFilter(since=today(), until=today()))
        assert len(of_today) >= 2
        limited, more = query_audit(session, AuditFilter(), limit=5)
        assert len(limited) == 5 and more
        assert limited == sorted(limited, key=lambda r: (r.at, r.id), reverse=True)
        assert "unit" in audit_tables(session)


def test_export_to_excel(demo_db: Database, tmp_path: Path) -> None:
    rename_a_unit(demo_db)
    target = tmp_path / "nhat-ky.xlsx"
    with demo_db.session() as session:
        count = export_audit(session, AuditFilter(table="unit", action="update"), target)
    assert count >= 1
    sheet = load_workbook(target).active
    assert sheet is not None
    assert sheet.cell(1, 1).value == "Thời điểm"
    values = [sheet.cell(r, 7).value for r in range(2, count + 2)]
    assert "Trường Mầm non Hoa Sữa" in values
    # Worded as the page words it, the stored form kept in the last columns for an inspection.
    row = values.index("Trường Mầm non Hoa Sữa") + 2
    worded = [sheet.cell(row, c).value for c in range(2, 6)]
    assert worded == ["Đơn vị", "Trường Mầm non Hoa Sữa", "Sửa", "Tên đơn vị"]
    assert [sheet.cell(1, c).value for c in (9, 10)] == ["Mã bản ghi", "Trường (tên lưu trữ)"]
    assert [sheet.cell(row, c).value for c in (10, 12)] == ["name", "Trường Mầm non Hoa Sữa"]
    assert isinstance(sheet.cell(row, 9).value, int)
    assert sheet.max_row == count + 1
    moment = sheet.cell(2, 1)
    assert isinstance(moment.value, datetime)  # a date Excel sorts and filters, to the second
    assert moment.number_format == "DD/MM/YYYY HH:MM:SS"


def entry(
    table: str, action: str, field: str = "", old: str | None = None, new: str | None = None
) -> AuditRow:
    return AuditRow(1, datetime(2026, 12, 2, 9, 0), table, 7, action, field, old, new, "")


def test_snapshots_read_as_fields() -> None:
    # The wording changed on purpose: fields by their Vietnamese names, one a line, empty ones left out.
    added = entry("unit", "insert", new='{"code": "DV1", "name": "Tổ 5", "note": ""}')
    assert added.new_text == "Mã đơn vị: DV1\nTên đơn vị: Tổ 5"
    assert added.record == "Tổ 5" and added.summary == "Mã đơn vị: DV1; Tên đơn vị: Tổ 5"
    assert entry("unit", "update", "name", "=SUM(A1)", "Tổ 5").old_text == "=SUM(A1)"
    assert entry("unit", "update", "name", None, "Tổ 5").old_text == ""


def test_values_read_as_the_pages_show_them() -> None:
    assert entry("dossier", "update", "decision_date", None, "2025-12-20").summary == (
        "Ngày quyết định: (trống) → 20/12/2025"
    )
    assert entry("dossier", "update", "bonus_amount", "0", "710000").new_text == "710.000 đồng"
    assert entry("unit", "update", "active", "True", "False").summary == (
        "Đang sử dụng: Có → Không"
    )
    assert entry("indicatortarget", "update", "target_percent", "80.0", "85.5").summary == (
        "Tỷ lệ phải đạt: 80% → 85,5%"
    )
    assert entry("unit", "update", "adult_count", "1325", "1400").new_text == "1.400"
    assert entry("unit", "update", "reports_from", "0", "8106").old_text == "từ đầu"
    kinds = entry("indicator", "update", "unit_kinds", "business", "business,cooperative")
    assert kinds.summary == "Loại đơn vị báo cáo: Doanh nghiệp → Doanh nghiệp, Hợp tác xã"
    assert entry("setting", "update", "value", "20", "22.5").new_text == "22,5"
    authority = entry("setting", "update", "value", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "")
    assert authority.summary == "Giá trị: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH → (trống)"
    asked = '{"blank": true, "campaign_id": 3, "to": "city", "year": 2026}'
    issued = replace(
        entry("issueddocument", "update", "params", None, asked),
        names={("campaign", 3): "Khen thưởng năm 2026"},
    )
    assert issued.new_text == (
        "Mẫu để trống: Có; Đợt xét khen thưởng: Khen thưởng năm 2026; Trình: UBND thành phố; "
        "Năm: 2026"
    )
    signer = entry("setting", "insert", new='{"key": "signer_name", "value": "Lê Văn An"}')
    assert signer.record == "Họ tên người ký" and signer.summary == "Giá trị: Lê Văn An"
    assert signer.details() == [Detail("Giá trị", "", "Lê Văn An")]


def first_dossier_in(session: Session, status: DossierStatus) -> Dossier:
    dossier = session.exec(select(Dossier).where(Dossier.status == status)).first()
    assert dossier is not None
    return dossier


def test_a_dossier_status_change_reads_as_its_labels(demo_db: Database) -> None:
    with demo_db.session() as session:
        dossier = first_dossier_in(session, DossierStatus.DRAFT)
        dossier.status = DossierStatus.SUBMITTED_TO_COUNCIL
        number = dossier.id
        form = session.get(AwardForm, dossier.award_form_id)
        assert form is not None
        form_name = form.name
    with demo_db.session() as session:
        rows, _ = query_audit(session, AuditFilter(table="dossier", record_id=number))
    [row] = [r for r in rows if r.action == "update"]
    assert row.field_label == "Trạng thái"
    assert row.summary == "Trạng thái: Nháp → Đã trình Hội đồng phường"
    assert row.summary == (
        f"Trạng thái: {DossierStatus.DRAFT.label} → {DossierStatus.SUBMITTED_TO_COUNCIL.label}"
    )
    assert form_name in row.record and "số" not in row.record.split()[:1]
    assert row.details() == [Detail("Trạng thái", "Nháp", "Đã trình Hội đồng phường")]
    with demo_db.session() as session:
        by_words, _ = query_audit(session, AuditFilter(text="da trinh hoi dong phuong"))
    assert row in by_words


def test_a_unit_rename_names_the_unit(demo_db: Database) -> None:
    with demo_db.session() as session:
        unit = session.exec(select(Unit).order_by(Unit.id)).first()
        assert unit is not None
        old_name = unit.name
    unit_id = rename_a_unit(demo_db)
    with demo_db.session() as session:
        person = session.exec(select(Person).where(Person.unit_id == unit_id)).first()
        other = session.exec(select(Unit).where(Unit.id != unit_id)).first()
        assert person is not None and other is not None
        person.unit_id, other_name = saved_id(other.id), other.name
    with demo_db.session() as session:
        [rename], _ = query_audit(
            session, AuditFilter(table="unit", action="update", record_id=unit_id)
        )
        [moved], _ = query_audit(
            session, AuditFilter(table="person", action="update", record_id=person.id)
        )
    assert rename.record == "Trường Mầm non Hoa Sữa"
    assert rename.summary == f"Tên đơn vị: {old_name} → Trường Mầm non Hoa Sữa"
    assert moved.record == person.full_name
    assert moved.summary == f"Đơn vị: Trường Mầm non Hoa Sữa → {other_name}"


def test_a_deleted_record_keeps_its_name(demo_db: Database) -> None:
    with demo_db.session() as session:
        person = session.exec(select(Person).order_by(col(Person.id).desc())).first()
        assert person is not None
        person.position = "Tổ phó"
        name, number = person.full_name, person.id
    with demo_db.session() as session:
        gone = session.get(Person, number)
        session.delete(gone)
    with demo_db.session() as session:
        rows, _ = query_audit(session, AuditFilter(table="person", record_id=number))
    deleted, changed = rows[0], rows[1]
    assert deleted.record == name and f"Họ và tên: {name}" in deleted.summary
    assert f"Họ và tên: {name}" in deleted.old_text.splitlines()
    assert changed.record == name and changed.summary.endswith("→ Tổ phó")


JSON_LOOK = re.compile(r'[{}]|":')
CODE_LOOK = re.compile(r"\b[a-z]+_[a-z_]+\b")  # a stored code such as school_primary


def test_every_entry_of_the_demo_ward_reads_in_the_clerks_words(demo_db: Database) -> None:
    rename_a_unit(demo_db)
    with demo_db.session() as session:
        dossier = first_dossier_in(session, DossierStatus.DRAFT)
        dossier.status = DossierStatus.SUBMITTED_TO_COUNCIL
        dossier.decision_number = "12/QĐ-UBND"
        target = session.exec(select(IndicatorTarget)).first()
        assert target is not None
        target.unit_kinds = "business,cooperative"
        person = session.exec(select(Person)).first()
        session.delete(person)
    with demo_db.session() as session:
        save_ward_settings(replace(load_settings(session), signer_name="Lê Văn An"))(session)
    with demo_db.session() as session:
        rows, more = query_audit(session, AuditFilter())
    assert not more and len(rows) > 900
    assert {r.action for r in rows} == {"insert", "update", "delete"}
    for row in rows:
        labels = [row.table, row.field_label, row.action_label] + [d.field for d in row.details()]
        assert not [label for label in labels if "_" in label], row
        shown = [row.record, row.summary, row.old_text, row.new_text]
        shown += [v for d in row.details() for v in (d.old, d.new)]
        assert not [v for v in shown if JSON_LOOK.search(v) or CODE_LOOK.search(v)], row
        if row.record_id is not None and row.table_name != "setting":
            assert row.record and not row.record.startswith("số "), row


def test_an_edited_setting_is_named_by_what_it_sets(demo_db: Database) -> None:
    """A setting has no number: its value is logged under its key, so the change reads
    "Họ tên người ký: … → …", not "Giá trị: … → …"."""
    for name in ("Lê Văn An", "Trần Văn Bình"):  # the first may add the row, the second edits
        with demo_db.session() as session:
            save_ward_settings(replace(load_settings(session), signer_name=name))(session)
    with demo_db.session() as session:
        rows, _ = query_audit(session, AuditFilter(table="setting", action="update"))
    [row] = [r for r in rows if r.new_value == "Trần Văn Bình"]
    assert row.field == "value.signer_name"
    assert row.summary == "Họ tên người ký: Lê Văn An → Trần Văn Bình"


def test_names_are_read_a_batch_at_a_time(demo_db: Database) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with demo_db.session() as session:
        engine = session.get_bind()
        event.listen(engine, "before_cursor_execute", count)
        try:
            rows, _ = query_audit(session, AuditFilter())
            assert all(r.record for r in rows if r.record_id is not None)
        finally:
            event.remove(engine, "before_cursor_execute", count)
    batches = -(-len(rows) // BATCH)
    assert len(rows) > 900 and len(statements) <= 1 + batches * 2 * len(fields.TABLES)


def test_every_field_and_setting_has_a_vietnamese_name() -> None:
    unnamed = [
        f"{table.name}.{column.name}"
        for table in SQLModel.metadata.sorted_tables
        if table.name != AuditEntry.__tablename__
        for column in table.columns
        if not wording.field_name(table.name, column.name)
    ]
    assert unnamed == []
    assert [t.name for t in SQLModel.metadata.sorted_tables if t.name not in fields.TABLES] == [
        AuditEntry.__tablename__
    ]
    keys = [f.name for f in dataclass_fields(WardSettings)]
    keys += [SETTING_PREFIX + f.name for f in dataclass_fields(PageLayout)]
    keys += list(deadline_settings._KEYS.values())
    keys += [RESTORE_KEY, LAST_USB_BACKUP_KEY, LAST_FOLDER_KEY]
    assert [k for k in keys if k not in fields.SETTINGS] == []
