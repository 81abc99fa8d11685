"""Nhật ký thay đổi: every change can be found, filtered and exported to Excel."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlmodel import select

from desktop.excel.audit_export import export_audit
from desktop.models import Unit
from desktop.models.periods import today
from desktop.models.register import UnitKind
from desktop.storage import Database
from desktop.storage.audit import AuditFilter, audit_tables, query_audit, readable
from desktop.storage.hooks import set_audit_reason


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
        by_text, _ = query_audit(session, AuditFilter(text="hoa sua"))
        assert by_text and all("Hoa Sữa" in (r.new_value or "") for r in by_text)
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
    assert sheet.max_row == count + 1
    moment = sheet.cell(2, 1)
    assert isinstance(moment.value, datetime)  # a date Excel sorts and filters, to the second
    assert moment.number_format == "DD/MM/YYYY HH:MM:SS"


def test_snapshots_read_as_fields() -> None:
    assert readable('{"code": "DV1", "name": "Tổ 5", "note": ""}') == "code: DV1; name: Tổ 5"
    assert readable("=SUM(A1)") == "=SUM(A1)"
    assert readable(None) == ""
