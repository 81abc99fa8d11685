"""Tệp đính kèm of an activity (photos, lists of participants), as operations for the one door.

Files go into the same content-addressed store as the dossiers' (:mod:`desktop.awards.attachments`:
its checks, its safe names of :mod:`desktop.text.filenames`, its viewer copies); here only the
record differs: an :class:`~desktop.models.Attachment` with ``activity_id``. Ctrl+Z takes a file
off or puts it back; the stored copy stays until the store is pruned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.awards.attachment_ops import Steps
from desktop.awards.attachments import store_file, stored_problem
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.models import Attachment
from desktop.models.ids import AttachmentId, saved_id
from desktop.movement.activities import ActivityError, get_activity
from desktop.movement.activity_ops import SCOPE
from desktop.text.filenames import safe_file_name


@dataclass(frozen=True)
class _Copy:
    """What identifies a file on its activity: the same content once."""

    activity_id: int
    sha256: str
    original_name: str
    size: int
    added_at: datetime

    @classmethod
    def of(cls, attachment: Attachment) -> _Copy:
        return cls(
            saved_id(attachment.activity_id),
            attachment.sha256,
            attachment.original_name,
            attachment.size,
            attachment.added_at,
        )

    def find(self, session: Session) -> Attachment | None:
        return session.exec(
            select(Attachment).where(
                Attachment.activity_id == self.activity_id, Attachment.sha256 == self.sha256
            )
        ).first()


def _changed(activity_id: int) -> Change:
    return Change.of(Area.ACTIVITIES, activity_id)


def _label(verb: str, copies: Sequence[_Copy]) -> str:
    what = f"“{copies[0].original_name}”" if len(copies) == 1 else f"{len(copies)} tệp"
    return f"{verb} {what} (hoạt động số {copies[0].activity_id})"


def attach_file(session: Session, store: Path, activity_id: int, source: Path) -> Attachment:
    """Copy one file into the store and record it on the activity; the same content twice is
    refused with the name it already has."""
    get_activity(session, activity_id)
    sha, size = store_file(store, source)
    same = session.exec(
        select(Attachment).where(Attachment.activity_id == activity_id, Attachment.sha256 == sha)
    ).first()
    if same is not None:
        raise ActivityError(
            f"Tệp này đã được đính kèm vào hoạt động với tên “{same.original_name}”."
        )
    attachment = Attachment(
        activity_id=activity_id, sha256=sha, original_name=safe_file_name(source.name), size=size
    )
    session.add(attachment)
    session.flush()
    return attachment


def attach_files(
    store: Path, activity_id: int, paths: Sequence[Path], steps: Steps | None = None
) -> Operation[list[AttachmentId]]:
    """Đính kèm every file or none (one transaction); Ctrl+Z takes them all off again."""

    def operation(session: Session) -> Done[list[AttachmentId]]:
        added = []
        for done, path in enumerate(paths):
            if steps is not None:
                steps.check()
                steps.report(done, len(paths), path.name)
            added.append(attach_file(session, store, activity_id, path))
        if not added:
            return Done([])
        copies = [_Copy.of(a) for a in added]
        undo = Undo(SCOPE, _label("đính kèm", copies), _take_off(copies), _put_back(store, copies))
        return Done([AttachmentId(saved_id(a.id)) for a in added], _changed(activity_id), undo)

    return operation


def detach_file(store: Path, attachment_id: AttachmentId) -> Operation[None]:
    """Gỡ tệp off its activity; Ctrl+Z puts it back while its stored copy is still there."""

    def operation(session: Session) -> Done[None]:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None or attachment.activity_id is None:
            raise ActivityError(f"Không tìm thấy tệp đính kèm số {attachment_id} của hoạt động.")
        copy = _Copy.of(attachment)
        session.delete(attachment)
        session.flush()
        undo = Undo(SCOPE, _label("gỡ tệp", [copy]), _put_back(store, [copy]), _take_off([copy]))
        return Done(None, _changed(copy.activity_id), undo)

    return operation


def activity_files(activity_id: int) -> Callable[[Session], list[Attachment]]:
    """A read: the files of one activity, in the order they were added."""

    def query(session: Session) -> list[Attachment]:
        return list(
            session.exec(
                select(Attachment)
                .where(Attachment.activity_id == activity_id)
                .order_by(col(Attachment.id))
            )
        )

    return query


def _put_back(store: Path, copies: Sequence[_Copy]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        for copy in copies:
            get_activity(session, copy.activity_id)
            if copy.find(session) is not None:
                continue  # attached again by hand meanwhile
            record = Attachment(
                activity_id=copy.activity_id,
                sha256=copy.sha256,
                original_name=copy.original_name,
                size=copy.size,
                added_at=copy.added_at,
            )
            if stored_problem(store, record) is not None:
                raise ActivityError(
                    f"Không đưa lại được tệp “{copy.original_name}”: bản lưu trong thư mục dữ liệu "
                    "đã được dọn đi. Hãy đính kèm lại tệp từ máy."
                )
            session.add(record)
        session.flush()
        return Done(None, _changed(copies[0].activity_id))

    return operation


def _take_off(copies: Sequence[_Copy]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        for copy in copies:
            found = copy.find(session)
            if found is None:
                raise ActivityError(
                    f"Tệp “{copy.original_name}” không còn trong hoạt động số {copy.activity_id}."
                )
            session.delete(found)
        session.flush()
        return Done(None, _changed(copies[0].activity_id))

    return operation
