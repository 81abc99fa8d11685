"""Activities (hoạt động) added, edited, deleted and imported, as operations for the one door.

Every change checks the rules of :mod:`desktop.movement.activities` once, writes in the door's one
transaction and announces ``Change(Area.ACTIVITIES)`` with the ids it touched; its
:class:`~desktop.changes.Undo` lives in the history :data:`SCOPE` of the Hoạt động tab. An import
is one transaction too: any refused row refuses the whole file (listing every bad row by its
number) and saves nothing; a row that repeats an activity already stored, or an earlier row of the
file, is skipped and said so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, select

from desktop.awards.attachments import stored_problem
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.indicators.scope import plan_years
from desktop.models import Activity, ActivityUnit, Attachment
from desktop.models._base import now
from desktop.models.ids import saved_id
from desktop.movement.activities import (
    ActivityData,
    ActivityError,
    checked,
    data_of,
    duplicate_key,
    get_activity,
    joined,
    problems_of,
    stored_keys,
    unit_ids,
)

SCOPE = "activities"  # the undo history of the Hoạt động tab
IMPORT_REFUSED = (
    "Không nhập được tệp: có {n} dòng sai, chưa lưu hoạt động nào. Hãy sửa rồi nhập lại."
)


@dataclass(frozen=True)
class ImportRow:
    """One row of a workbook (or of any list) to import, with its row number for the report."""

    row: int
    data: ActivityData


@dataclass(frozen=True)
class Imported:
    """What an import saved: the new activities' ids and the rows skipped as duplicates."""

    added: tuple[int, ...]
    duplicates: tuple[int, ...]  # row numbers


def _short(title: str, limit: int = 48) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _changed(*activity_ids: int) -> Change:
    return Change.of(Area.ACTIVITIES, *activity_ids)


def _write(session: Session, activity: Activity, data: ActivityData) -> None:
    activity.held_on, activity.kind, activity.title = data.held_on, data.kind, data.title
    activity.place, activity.note = data.place, data.note
    activity.participants = data.participants
    activity.officials, activity.students = data.officials, data.students
    activity.residents, activity.workers = data.residents, data.workers
    activity.updated_at = now()
    session.add(activity)
    session.flush()
    activity_id = saved_id(activity.id)
    links = session.exec(select(ActivityUnit).where(ActivityUnit.activity_id == activity_id))
    for link in links:
        session.delete(link)
    session.flush()
    for unit_id in data.unit_ids:
        session.add(ActivityUnit(activity_id=activity_id, unit_id=unit_id))
    session.flush()


@dataclass(frozen=True)
class _FileRecord:
    """An attachment of a deleted activity, to put back with it."""

    sha256: str
    original_name: str
    size: int
    added_at: datetime


def _remove(session: Session, activity_id: int) -> list[_FileRecord]:
    """Delete the activity, its organisers and its attachments' records (the stored files stay
    until the store is pruned, so that Ctrl+Z finds them)."""
    files = []
    for attachment in session.exec(select(Attachment).where(Attachment.activity_id == activity_id)):
        files.append(
            _FileRecord(
                attachment.sha256, attachment.original_name, attachment.size, attachment.added_at
            )
        )
        session.delete(attachment)
    for link in session.exec(select(ActivityUnit).where(ActivityUnit.activity_id == activity_id)):
        session.delete(link)
    session.flush()
    session.delete(get_activity(session, activity_id))
    session.flush()
    return files


def _create(session: Session, data: ActivityData, activity_id: int | None = None) -> int:
    activity = Activity(id=activity_id, held_on=data.held_on, title=data.title)
    _write(session, activity, data)
    return saved_id(activity.id)


# -- the changes -------------------------------------------------------------------------------


def add_activity(data: ActivityData) -> Operation[int]:
    """Thêm hoạt động; its undo removes it, its redo brings it back under the same id."""

    def operation(session: Session) -> Done[int]:
        clean = checked(session, data)
        activity_id = _create(session, clean)
        label = f"thêm hoạt động “{_short(clean.title)}”"
        undo = Undo(SCOPE, label, _removed([activity_id]), _created({activity_id: clean}))
        return Done(activity_id, _changed(activity_id), undo)

    return operation


def edit_activity(activity_id: int, data: ActivityData) -> Operation[None]:
    """Sửa hoạt động; its undo puts the old fields and organisers back."""

    def operation(session: Session) -> Done[None]:
        activity = get_activity(session, activity_id)
        before = data_of(session, activity)
        after = checked(session, data)
        if after == before:
            return Done(None)
        _write(session, activity, after)
        label = f"sửa hoạt động “{_short(after.title)}”"
        undo = Undo(SCOPE, label, _put(activity_id, before), _put(activity_id, after))
        return Done(None, _changed(activity_id), undo)

    return operation


def delete_activity(store: Path, activity_id: int) -> Operation[ActivityData]:
    """Xóa hoạt động with its attachments' records; Ctrl+Z brings both back while their stored
    copies are still in ``store`` (the data folder's ``attachments/``)."""

    def operation(session: Session) -> Done[ActivityData]:
        data = data_of(session, get_activity(session, activity_id))
        files = _remove(session, activity_id)
        label = f"xóa hoạt động “{_short(data.title)}”"
        undo = Undo(
            SCOPE,
            label,
            _created({activity_id: data}, {activity_id: files}, store),
            _removed([activity_id]),
        )
        return Done(data, _changed(activity_id), undo)

    return operation


def import_activities(rows: Sequence[ImportRow], label: str = "") -> Operation[Imported]:
    """Nhập hoạt động: every row checked; one bad row refuses them all ("Dòng 7: …")."""

    def operation(session: Session) -> Done[Imported]:
        years = plan_years(session)
        units = unit_ids(session)  # read once for every row
        seen = stored_keys(session)
        problems: list[str] = []
        fresh: list[ActivityData] = []
        duplicates: list[int] = []
        for row in rows:
            data = row.data.cleaned()
            found = problems_of(data, years, units)
            if found:
                problems.append(f"Dòng {row.row}: {joined(found)}")
                continue
            key = duplicate_key(data)
            if key in seen:
                duplicates.append(row.row)
                continue
            seen.add(key)
            fresh.append(data)
        if problems:
            raise ActivityError(IMPORT_REFUSED.format(n=len(problems)), problems)
        ids = [_create(session, data) for data in fresh]
        result = Imported(tuple(ids), tuple(duplicates))
        if not ids:
            return Done(result)
        what = label or f"nhập {len(ids)} hoạt động"
        undo = Undo(SCOPE, what, _removed(ids), _created(dict(zip(ids, fresh, strict=True))))
        return Done(result, _changed(*ids), undo)

    return operation


# -- the steps that undo and redo them ---------------------------------------------------------


def _created(
    activities: dict[int, ActivityData],
    files: dict[int, list[_FileRecord]] | None = None,
    store: Path | None = None,
) -> Operation[None]:
    """Bring activities back under their ids (and the records of their attachments, refused if a
    stored copy has been pruned meanwhile)."""

    def operation(session: Session) -> Done[None]:
        for activity_id, data in activities.items():
            if session.get(Activity, activity_id) is not None:
                raise ActivityError(f"Hoạt động mã số {activity_id} đã có lại rồi.")
            _create(session, checked(session, data), activity_id)
            for record in (files or {}).get(activity_id, []):
                attachment = Attachment(
                    activity_id=activity_id,
                    sha256=record.sha256,
                    original_name=record.original_name,
                    size=record.size,
                    added_at=record.added_at,
                )
                if store is not None and stored_problem(store, attachment) is not None:
                    raise ActivityError(
                        f"Không đưa lại được hoạt động: tệp đính kèm “{record.original_name}” "
                        "đã được dọn khỏi thư mục dữ liệu."
                    )
                session.add(attachment)
        session.flush()
        return Done(None, _changed(*activities))

    return operation


def _removed(activity_ids: list[int]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        for activity_id in activity_ids:
            _remove(session, activity_id)
        return Done(None, _changed(*activity_ids))

    return operation


def _put(activity_id: int, data: ActivityData) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        _write(session, get_activity(session, activity_id), checked(session, data))
        return Done(None, _changed(activity_id))

    return operation
