"""The audit log in the clerk's words: each stored value shown as the pages show it.

The hooks store what changed as text (an enum by its value, a date ISO, a flag "True", a whole
record as JSON); here each is read back by its column's type in ``SQLModel.metadata`` — a date
"05/02/2025", a flag "Có" / "Không", a status "Đã trình Hội đồng phường", a quarter "quý 3/2025",
money "2.340.000 đồng" — and a unit, person, award or campaign by its name instead of its id. The
names are read once per batch of rows (:func:`record_names`), one query per table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Enum, Float, Integer, Time, select
from sqlmodel import Session, SQLModel

from desktop.documents.kinds import KINDS
from desktop.indicators.targets import POPULATION_LABELS
from desktop.models import AuditEntry, CampaignKind, UnitKind
from desktop.models.periods import quarter_text
from desktop.text import fields, wording

Names = Mapping[tuple[str, int], str]  # (table, id) → what the clerk calls that record

# The columns that name a record of a table, the first one filled wins.
TITLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "unit": ("name",),
    "person": ("full_name",),
    "indicator": ("short_name", "name"),
    "awardform": ("name",),
    "campaign": ("name",),
    "councilmember": ("full_name",),
    "contentarea": ("text",),
    "awardcriterion": ("text",),
    "dossiercomponent": ("name",),
    "issueddocument": ("title",),
    "activity": ("title",),
    "initiative": ("title",),
    "attachment": ("original_name",),
    "prioraward": ("award_name",),
    "awarddecision": ("number",),
    "milestone": ("text",),
    "setting": ("key",),
}
# Records named by the records they join: a quarter's value by its unit and indicator.
JOINED_TITLES: dict[str, tuple[str, ...]] = {
    "quartervalue": ("unit_id", "indicator_id", "year", "quarter"),
    "dossier": ("nominee_unit_id", "nominee_person_id", "award_form_id"),
    "indicatortarget": ("indicator_id", "year"),
    "commitment": ("unit_id", "year"),
    "dossierevent": ("dossier_id",),
    "councilvote": ("dossier_id",),
    "councilmeeting": ("held_on",),
    "councilattendance": ("member_id",),
    "certificateentry": ("dossier_id",),
    "dossiercomponentcheck": ("dossier_id", "component_id"),
    "dossiercriterioncheck": ("dossier_id",),
    "submissionitem": ("dossier_id",),
    "quarterlock": ("year", "quarter"),
    "activityunit": ("activity_id", "unit_id"),
    "initiativeperson": ("initiative_id", "person_id"),
    "dossierinitiative": ("dossier_id", "initiative_id"),
}
PERIODS = {("unit", "reports_from"), ("unit", "stopped_from")}
MONEY = {("dossier", "bonus_amount"), ("awarddecision", "base_salary")}
# Text columns holding a code, or a comma-separated list of codes, and the labels the pages give.
_DOCUMENT_KINDS = {key: spec.label for key, spec in KINDS.items()}
_UNIT_KINDS = {kind.value: kind.label for kind in UnitKind}
_ROUNDS = {kind.value: kind.label for kind in CampaignKind}
CODES: dict[tuple[str, str], Mapping[str, str]] = {
    ("indicator", "population"): POPULATION_LABELS,
    ("indicator", "unit_kinds"): _UNIT_KINDS,
    ("indicatortarget", "unit_kinds"): _UNIT_KINDS,
    ("awardform", "unit_kinds"): _UNIT_KINDS,
    ("awardform", "campaign_kinds"): _ROUNDS,
    ("milestone", "kind"): {"launch": "Phát động", **_ROUNDS},
    ("dossiercomponent", "made_by"): _DOCUMENT_KINDS,
    ("issueddocument", "kind"): _DOCUMENT_KINDS,
}
# An issued document's parameters (desktop.documents.common.DocumentRequest), stored as JSON.
PARAMS = ("issueddocument", "params")
PARAM_TABLES = {"campaign_id": "campaign", "dossier_id": "dossier", "meeting_id": "councilmeeting"}
RECIPIENTS = {"ward": "Chủ tịch UBND phường", "city": "UBND thành phố"}  # a Tờ trình's "to"
# Whole numbers that count people, ballots or units: "1.325", where a year stays "2026".
COUNTS = {
    "participants", "officials", "students", "residents", "workers", "numerator",
    "denominator", "ballots_issued", "ballots_valid", "ballots_for", "members",
}  # fmt: skip
SIZES = {("attachment", "size")}
# Fields never shown in a record's detail: they say nothing the clerk did.
UNSHOWN = {"id", "created_at", "updated_at"}
LONG = 300  # a value longer than this is cut in a record's detail


@dataclass(frozen=True)
class Detail:
    """One line of an entry's detail: a field, its value before and after."""

    field: str
    old: str
    new: str


@cache  # the schema does not change while the app runs
def column(table: str, field: str) -> Column[Any] | None:
    found = SQLModel.metadata.tables.get(table)
    return None if found is None else found.columns.get(field)


@cache
def referenced(table: str, field: str) -> str | None:
    """The table a field's id points to (``dossier.nominee_unit_id`` → "unit")."""
    found = column(table, field)
    if found is None:
        return None
    for key in found.foreign_keys:
        return str(key.column.table.name)
    return None


def _id_of(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def present(table: str, field: str, value: Any, names: Names) -> str:
    """A stored value as the pages show it; "" for none."""
    if value is None or value == "":
        return ""
    target = referenced(table, field)
    if target is not None:
        number = _id_of(value)
        return names.get((target, number), f"số {value}") if number is not None else str(value)
    if (table, field) in PERIODS:
        number = _id_of(value)
        return quarter_text(number) if number else "từ đầu"
    if (table, field) in MONEY and _id_of(value) is not None:
        return wording.money(int(value))
    if (table, field) in SIZES and _id_of(value) is not None:
        return wording.size(int(value))
    found = column(table, field)
    kind = found.type if found is not None else None
    if isinstance(kind, Boolean):
        return wording.yes_no(value in (True, 1, "True", "true", "1"))
    if isinstance(kind, Enum) and kind.enum_class is not None:
        try:
            member = kind.enum_class(value)
        except ValueError:
            return str(value)
        return str(getattr(member, "label", member.value))
    if isinstance(kind, DateTime):
        return _moment(str(value))
    if isinstance(kind, Date):
        return _day(str(value))
    if isinstance(kind, Time):
        return _clock(str(value))
    if (table, field) in CODES:
        return _codes(CODES[(table, field)], str(value))
    if (table, field) == PARAMS:
        return _params(str(value), names)
    figure = _number(value) if isinstance(kind, Integer | Float) else None
    if figure is not None:
        if field.endswith("_percent"):
            return wording.percent(figure)
        if field.endswith("_count") or field in COUNTS:
            return wording.count(int(figure))
        return _figure(figure)
    if table == "setting" and (field == "value" or field.startswith("value.")):
        return _loose(str(value))
    return _text(str(value))


def _params(text: str, names: Names) -> str:
    """What an issued document was made for: "Đợt xét khen thưởng: Khen thưởng năm 2025; Trình:
    UBND thành phố", never its stored keys."""
    try:
        data = json.loads(text)
    except ValueError:
        return _text(text)
    if not isinstance(data, dict):
        return _text(text)
    parts = []
    for key, value in data.items():
        label = fields.DOCUMENT_PARAMS.get(key) or wording.field_label("issueddocument", key)
        if key in PARAM_TABLES and _id_of(value) is not None:
            shown = names.get((PARAM_TABLES[key], int(value)), f"số {value}")
        elif key == "to":
            shown = RECIPIENTS.get(str(value), str(value))
        elif isinstance(value, bool):
            shown = wording.yes_no(value)
        else:
            shown = _text(str(value))
        parts.append(f"{label}: {shown}")
    return "; ".join(parts)


def _param_records(text: str) -> set[tuple[str, int]]:
    try:
        data = json.loads(text)
    except ValueError:
        return set()
    if not isinstance(data, dict):
        return set()
    return {
        (PARAM_TABLES[key], int(value))
        for key, value in data.items()
        if key in PARAM_TABLES and _id_of(value) is not None
    }


def _codes(labels: Mapping[str, str], text: str) -> str:
    """ "school_primary,school_lower_secondary" → "Trường tiểu học, Trường trung học cơ sở"."""
    return ", ".join(labels.get(code, code) for code in text.split(",") if code)


def _figure(number: float) -> str:
    """A stored figure with the decimal comma: 22.5 → "22,5", 2026 → "2026"."""
    if number == int(number):
        return str(int(number))
    return wording.decimal(number, 2).rstrip("0").rstrip(",")


def _loose(text: str) -> str:
    """A setting's value, stored as text whatever it holds: a moment, a day, a decimal or a
    record (the last restore) read back as the pages show them."""
    if _ISO_MOMENT.fullmatch(text):
        return _moment(text)
    if _ISO_DAY.fullmatch(text):
        return _day(text)
    if _DECIMAL.fullmatch(text):
        return _figure(float(text))
    return _text(text)


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
_DECIMAL = re.compile(r"-?\d+\.\d+")


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _moment(text: str) -> str:
    try:
        return wording.date_time(datetime.fromisoformat(text), seconds=True)
    except ValueError:
        return text


def _day(text: str) -> str:
    try:
        return wording.short_date(date.fromisoformat(text[:10]))
    except ValueError:
        return text


def _clock(text: str) -> str:
    try:
        return wording.clock(time.fromisoformat(text))
    except ValueError:
        return text


def _text(text: str) -> str:
    """Text as written; a JSON value the app stores (a report's sections, a document's
    parameters) as its texts, never as braces and keys."""
    if text[:1] not in "{[":
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return text
    return " · ".join(_leaves(data))


def _leaves(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _leaves(value)
    elif isinstance(data, list):
        for value in data:
            yield from _leaves(value)
    elif data not in (None, "", False):
        yield str(data)


def snapshot(value: str | None) -> dict[str, Any] | None:
    """A whole record as the hooks stored it on insert or delete; None for any other value."""
    if not value or not value.startswith("{"):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def name_of(table: str, values: Mapping[str, Any], names: Names) -> str:
    """What the clerk calls a record with these column values: "Tổ dân phố số 5", a setting by
    its name, a quarter's value "Tổ dân phố số 5 — Người dân có kỹ năng số"; "" if nothing."""
    if table == "setting" and values.get("key"):
        return wording.setting_name(str(values["key"]))
    for field in TITLE_COLUMNS.get(table, ()):
        if values.get(field):
            return _cut(str(values[field]), 80)
    joined = JOINED_TITLES.get(table, ())
    period = "quarter" in joined and values.get("quarter") and values.get("year")
    parts = [
        present(table, f, values.get(f), names)
        for f in joined
        if not (period and f in ("year", "quarter"))
    ]
    if period:  # "quý 3/2026", as the grid names a quarter
        parts.append(f"quý {values['quarter']}/{values['year']}")
    elif "year" in joined and values.get("year"):
        parts[joined.index("year")] = f"năm {values['year']}"
    return " — ".join(p for p in parts if p)


def details(table: str, record: Mapping[str, Any], names: Names, *, old: bool) -> list[Detail]:
    """A whole record, one field a line, in the order of its table; empty fields left out."""
    lines = []
    for field, value in record.items():
        shown = present(table, field, value, names)
        if table == "setting" and field == "value" and record.get("key") == "base_salary":
            shown = wording.money(int(value)) if _id_of(value) is not None else shown
        if field in UNSHOWN or not shown:
            continue
        if table == "setting" and field == "key":
            continue  # the record's name already says which setting
        shown = _cut(shown, LONG)
        label = wording.field_label(table, field)
        lines.append(Detail(label, shown, "") if old else Detail(label, "", shown))
    order = _order(table)
    return sorted(lines, key=lambda d: order.get(d.field, len(order)))


@cache
def _order(table: str) -> dict[str, int]:
    found = SQLModel.metadata.tables.get(table)
    if found is None:
        return {}
    return {wording.field_label(table, c.name): i for i, c in enumerate(found.columns)}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----------------------------------------------------------------------------- names
def wanted_names(
    table: str, record_id: int | None, field: str, values: Iterable[Any]
) -> set[tuple[str, int]]:
    """The records an entry names: its own (for an update, where no snapshot names it) and
    those its values point to."""
    wanted: set[tuple[str, int]] = set()
    if record_id is not None and (table in TITLE_COLUMNS or table in JOINED_TITLES):
        wanted.add((table, record_id))
    for value in values:
        # A whole record (insert, delete) has no field; an update's value may be JSON itself.
        record = snapshot(value) if not field and isinstance(value, str) else None
        pairs = record.items() if record is not None else [(field, value)]
        for name, item in pairs:
            target = referenced(table, name)
            number = _id_of(item)
            if target is not None and number is not None:
                wanted.add((target, number))
            if (table, name) == PARAMS and isinstance(item, str):
                wanted |= _param_records(item)
    return wanted


def record_names(session: Session, wanted: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The names of the records ``wanted``, one query a table (two for a joined name)."""
    by_table: dict[str, set[int]] = {}
    for table, number in wanted:
        by_table.setdefault(table, set()).add(number)
    names: dict[tuple[str, int], str] = {}
    joined: dict[tuple[str, int], dict[str, Any]] = {}
    for table, numbers in by_table.items():
        found = dict(_rows(session, table, numbers))
        gone = numbers - found.keys()
        if gone:  # a record deleted since: named as its deletion left it in the log
            found.update(_deleted(session, table, gone))
        for number, values in found.items():
            if table in JOINED_TITLES:
                joined[(table, number)] = values
            else:
                names[(table, number)] = name_of(table, values, names)
    if joined:
        more: set[tuple[str, int]] = set()
        for (table, _), values in joined.items():
            for field in JOINED_TITLES[table]:
                target, pointed = referenced(table, field), _id_of(values.get(field))
                if target is not None and pointed is not None and (target, pointed) not in names:
                    more.add((target, pointed))
        names.update(record_names(session, more))
        for (table, number), values in joined.items():
            names[(table, number)] = name_of(table, values, names)
    return names


def _rows(session: Session, table: str, numbers: set[int]) -> Iterable[tuple[int, dict[str, Any]]]:
    found = SQLModel.metadata.tables.get(table)
    if found is None or "id" not in found.columns:
        return []
    named_by = TITLE_COLUMNS.get(table) or JOINED_TITLES.get(table, ())
    columns = [found.columns[f] for f in named_by if f in found.columns]
    if not columns:
        return []
    ids = sorted(numbers)
    rows: list[tuple[int, dict[str, Any]]] = []
    for start in range(0, len(ids), 500):  # SQLite's limit of bound parameters
        chunk = ids[start : start + 500]
        statement = select(found.columns["id"], *columns).where(found.columns["id"].in_(chunk))
        for row in session.connection().execute(statement):
            rows.append((row[0], {c.name: v for c, v in zip(columns, row[1:], strict=True)}))
    return rows


def _deleted(session: Session, table: str, numbers: set[int]) -> dict[int, dict[str, Any]]:
    """The last snapshots the log kept of these deleted records, one query."""
    entries = AuditEntry.__table__.columns  # type: ignore[attr-defined]
    statement = (
        select(entries["record_id"], entries["old_value"])
        .where(
            entries["table_name"] == table,
            entries["action"] == "delete",
            entries["record_id"].in_(sorted(numbers)[:500]),
        )
        .order_by(entries["id"])
    )
    found: dict[int, dict[str, Any]] = {}
    for number, value in session.connection().execute(statement):
        record = snapshot(value)
        if record is not None:
            found[number] = record
    return found
