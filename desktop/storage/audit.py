"""Nhật ký thay đổi: reading the audit log (who changed what, when) for the page and for Excel.

Rows are written by ``desktop.storage.hooks`` on every insert, update and delete; here they are only
read (the window through ``door.read``; the Excel export is :mod:`desktop.excel.audit_export`).
Filters on table, action, record and dates run in SQL; the free-text filter ignores case and
diacritics as every search box of the app does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.models import AuditEntry
from desktop.text import matches

# Vietnamese names of the tables, as the clerk knows the things they hold.
TABLE_LABELS = {
    "unit": "Đơn vị",
    "person": "Cá nhân",
    "indicator": "Chỉ tiêu",
    "indicatortarget": "Mục tiêu chỉ tiêu",
    "quartervalue": "Số liệu quý",
    "quarterlock": "Khóa số liệu quý",
    "awardform": "Hình thức khen thưởng",
    "awardcriterion": "Tiêu chuẩn khen thưởng",
    "dossiercomponent": "Thành phần hồ sơ",
    "campaign": "Đợt xét khen thưởng",
    "dossier": "Hồ sơ khen thưởng",
    "dossierevent": "Diễn biến hồ sơ",
    "dossiercriterioncheck": "Kiểm tra tiêu chuẩn",
    "dossiercomponentcheck": "Kiểm tra thành phần hồ sơ",
    "attachment": "Tệp đính kèm",
    "prioraward": "Khen thưởng đã nhận",
    "issueddocument": "Văn bản đã ban hành",
    "setting": "Cài đặt",
    "contentarea": "Nội dung thi đua",
    "milestone": "Mốc thời gian",
}
ACTION_LABELS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa"}


def table_label(name: str) -> str:
    return TABLE_LABELS.get(name, name)


@dataclass(frozen=True)
class AuditFilter:
    """What the clerk narrowed the log to; empty fields do not filter."""

    text: str = ""
    table: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None  # inclusive
    record_id: int | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    table_name: str
    record_id: int | None
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str

    @property
    def table(self) -> str:
        return table_label(self.table_name)

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def old_text(self) -> str:
        return readable(self.old_value)

    @property
    def new_text(self) -> str:
        return readable(self.new_value)

    def searchable(self) -> str:
        return " ".join(
            [
                self.table,
                self.table_name,
                self.action_label,
                self.field,
                self.old_text,
                self.new_text,
                self.reason,
            ]
        )


def readable(value: str | None) -> str:
    """A whole-record snapshot (insert/delete) as "field: value; …", anything else as it is."""
    if value is None:
        return ""
    if value.startswith("{"):
        try:
            data = json.loads(value)
        except ValueError:
            return value
        if isinstance(data, dict):
            return "; ".join(f"{k}: {v}" for k, v in data.items() if v not in (None, ""))
    return value


_AuditColumns = Select[
    int, datetime, str, int | None, str, str, str | None, str | None, str
]


def _statement(flt: AuditFilter) -> _AuditColumns:
    # sqlmodel's select() is typed for at most four columns; Select() is what it builds for more.
    statement: _AuditColumns = Select(
        col(AuditEntry.id),
        col(AuditEntry.at),
        col(AuditEntry.table_name),
        col(AuditEntry.record_id),
        col(AuditEntry.action),
        col(AuditEntry.field),
        col(AuditEntry.old_value),
        col(AuditEntry.new_value),
        col(AuditEntry.reason),
    )
    if flt.table:
        statement = statement.where(AuditEntry.table_name == flt.table)
    if flt.action:
        statement = statement.where(AuditEntry.action == flt.action)
    if flt.record_id is not None:
        statement = statement.where(AuditEntry.record_id == flt.record_id)
    if flt.since:
        statement = statement.where(AuditEntry.at >= datetime.combine(flt.since, time.min))
    if flt.until:
        statement = statement.where(AuditEntry.at <= datetime.combine(flt.until, time.max))
    return statement.order_by(col(AuditEntry.at).desc(), col(AuditEntry.id).desc())


def iter_audit(session: Session, flt: AuditFilter) -> Iterator[AuditRow]:
    """Matching entries, newest first."""
    for row in session.exec(_statement(flt).execution_options(yield_per=2000)):
        entry = AuditRow(*row)
        if flt.text.strip() and not matches(flt.text, entry.searchable()):
            continue
        yield entry


def query_audit(
    session: Session, flt: AuditFilter, limit: int | None = None
) -> tuple[list[AuditRow], bool]:
    """Up to ``limit`` matching entries, newest first, and whether more matched."""
    rows: list[AuditRow] = []
    for entry in iter_audit(session, flt):
        if limit is not None and len(rows) >= limit:
            return rows, True
        rows.append(entry)
    return rows, False


def audit_tables(session: Session) -> list[str]:
    """Table names present in the log, for the filter's list."""
    names = session.exec(select(AuditEntry.table_name).distinct()).all()
    return sorted(names, key=table_label)


def count_entries(session: Session) -> int:
    return session.exec(select(func.count()).select_from(AuditEntry)).one()
