"""Nhật ký thay đổi: reading the audit log (who changed what, when) for the page and for Excel.

Rows are written by ``desktop.storage.hooks`` on every insert, update and delete; here they are only
read (the window through ``door.read``; the Excel export is :mod:`desktop.excel.audit_export`).
Filters on table, action, record and dates run in SQL; the free-text filter ignores case and
diacritics as every search box of the app does. Each entry is worded as the clerk reads the pages
(:mod:`desktop.storage.audit_words`): the field by its Vietnamese name, values as shown elsewhere,
units and persons by name — "Trạng thái: Nháp → Đã trình Hội đồng phường".
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date, datetime, time
from functools import cached_property

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from desktop.models import AuditEntry
from desktop.storage import audit_words as words
from desktop.storage.audit_words import Detail
from desktop.text import matches, wording

ACTION_LABELS = {"insert": "Thêm", "update": "Sửa", "delete": "Xóa"}
BATCH = 500  # entries worded at a time: the names they need are read in one query a table


def table_label(name: str) -> str:
    """The clerk's name of a table ("dossier" → "Hồ sơ khen thưởng")."""
    return wording.table_name(name)


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
    # The names of the records the entry points to, read with its batch (audit_words).
    names: Mapping[tuple[str, int], str] = dataclass_field(
        default_factory=dict, compare=False, repr=False
    )

    @property
    def table(self) -> str:
        return table_label(self.table_name)

    @property
    def table_noun(self) -> str:
        """The table's name inside a sentence: "Thêm *đơn vị* …"."""
        return self.table[:1].lower() + self.table[1:]

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def field_label(self) -> str:
        """The changed field by the clerk's name ("Số quyết định"); "" for a whole record."""
        return wording.field_label(self.table_name, self.field) if self.field else ""

    @cached_property  # the table asks again at every repaint
    def record(self) -> str:
        """The record by what the clerk calls it ("Tổ dân phố số 5"), else "số 12"."""
        whole = words.snapshot(self.new_value) or words.snapshot(self.old_value)
        if self.action != "update" and whole is not None:
            named = words.name_of(self.table_name, whole, self.names)
            if named:
                return named
        if self.record_id is None:
            return ""
        return self.names.get((self.table_name, self.record_id), f"số {self.record_id}")

    def _value(self, value: str | None) -> str:
        if self.action == "update":
            return words.present(self.table_name, self.field, value, self.names)
        return "\n".join(f"{d.field}: {d.old or d.new}" for d in self._whole(value))

    def _whole(self, value: str | None) -> list[Detail]:
        whole = words.snapshot(value)
        if whole is None:
            return []
        return words.details(self.table_name, whole, self.names, old=self.action == "delete")

    @cached_property
    def old_text(self) -> str:
        """The value before, as the pages show it (a deleted record: its fields, named)."""
        return self._value(self.old_value)

    @cached_property
    def new_text(self) -> str:
        """The value after, as the pages show it (an added record: its fields, named)."""
        return self._value(self.new_value)

    @cached_property
    def summary(self) -> str:
        """One line for the log's table: "Trạng thái: Nháp → Đã trình Hội đồng phường"; a record
        added or deleted by its fields, "Mã đơn vị: TDP5; Tên đơn vị: Tổ dân phố số 5; …" (the
        record's name has its own column)."""
        if self.action == "update":
            old = _one_line(self.old_text) or wording.EMPTY_VALUE
            new = _one_line(self.new_text) or wording.EMPTY_VALUE
            return f"{self.field_label}: {old} → {new}"
        fields = "; ".join(f"{d.field}: {_one_line(d.old or d.new)}" for d in self.details())
        return fields or f"{self.action_label} {self.table_noun}"

    def details(self) -> list[Detail]:
        """The entry as a two-column detail: each field with its value before and after."""
        if self.action == "update":
            return [Detail(self.field_label, self.old_text, self.new_text)]
        return self._whole(self.new_value if self.action == "insert" else self.old_value)

    def searchable(self) -> str:
        return " ".join(
            [
                self.table,
                self.table_name,
                self.action_label,
                self.field,
                self.field_label,
                self.record,
                self.old_text,
                self.new_text,
                self.reason,
            ]
        )


def _one_line(text: str) -> str:
    """A text of several lines (the signer's authority lines) on the log's one line."""
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


_AuditColumns = Select[int, datetime, str, int | None, str, str, str | None, str | None, str]


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
    """Matching entries, newest first, each with the names of the records it points to."""
    batch: list[AuditRow] = []
    for row in session.exec(_statement(flt).execution_options(yield_per=2000)):
        batch.append(AuditRow(*row))
        if len(batch) >= BATCH:
            yield from _named(session, batch, flt)
            batch = []
    yield from _named(session, batch, flt)


def _named(session: Session, batch: list[AuditRow], flt: AuditFilter) -> Iterator[AuditRow]:
    wanted: set[tuple[str, int]] = set()
    for entry in batch:
        values = (entry.old_value, entry.new_value)
        wanted |= words.wanted_names(entry.table_name, entry.record_id, entry.field, values)
    names = words.record_names(session, wanted) if wanted else {}
    for entry in batch:
        named = replace(entry, names=names)
        if flt.text.strip() and not matches(flt.text, named.searchable()):
            continue
        yield named


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
