"""Tệp đính kèm added to and taken off a dossier, as operations for the one door.

A file is copied into the content-addressed store (:mod:`desktop.awards.attachments`) and recorded
on the dossier in the same transaction as its row. Ctrl+Z takes the record off or puts it back; the
stored copy stays in the store until :func:`prune` runs (when the dossier is closed or a draft is
deleted), so taking back a removal finds the file where it was. Putting back a record whose copy has
been pruned meanwhile is refused with what to do instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from sqlmodel import Session, col, select

from desktop.awards.attachments import (
    attach_file,
    get_attachment,
    prune_store,
    remove_attachment,
    stored_problem,
)
from desktop.awards.dossier_ops import SCOPE, dossier_changed
from desktop.awards.dossiers import get_dossier
from desktop.awards.errors import DossierError
from desktop.changes import Done, Operation, Undo
from desktop.models import Attachment, DossierComponent
from desktop.models.ids import AttachmentId, DossierId, saved_id


class Steps(Protocol):
    """How a long copy reports its progress and learns that the clerk pressed Hủy."""

    def report(self, done: int, total: int, text: str = "") -> None: ...

    def check(self) -> None: ...


@dataclass(frozen=True)
class AttachmentCopy:
    """What identifies an attachment on its dossier: the same content once per paper."""

    dossier_id: DossierId
    component_id: int | None
    sha256: str
    original_name: str
    size: int
    added_at: datetime

    @classmethod
    def of(cls, attachment: Attachment) -> AttachmentCopy:
        return cls(
            DossierId(saved_id(attachment.dossier_id)),
            attachment.component_id,
            attachment.sha256,
            attachment.original_name,
            attachment.size,
            attachment.added_at,
        )

    def find(self, session: Session) -> Attachment | None:
        component = (
            Attachment.component_id == self.component_id
            if self.component_id is not None
            else col(Attachment.component_id).is_(None)
        )
        return session.exec(
            select(Attachment).where(
                Attachment.dossier_id == self.dossier_id,
                Attachment.sha256 == self.sha256,
                component,
            )
        ).first()


def _label(verb: str, copies: Sequence[AttachmentCopy]) -> str:
    what = f"“{copies[0].original_name}”" if len(copies) == 1 else f"{len(copies)} tệp"
    return f"{verb} {what} (hồ sơ số {copies[0].dossier_id})"


def _put_back(store: Path, copies: Sequence[AttachmentCopy]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        for copy in copies:
            get_dossier(session, copy.dossier_id)
            if (
                copy.component_id is not None
                and session.get(DossierComponent, copy.component_id) is None
            ):
                raise DossierError(
                    f"Không đưa lại được tệp “{copy.original_name}”: thành phần hồ sơ của tệp đã bị xóa."
                )
            if copy.find(session) is not None:
                continue  # already on the dossier (attached again by hand): nothing to put back
            record = Attachment(
                dossier_id=copy.dossier_id,
                component_id=copy.component_id,
                sha256=copy.sha256,
                original_name=copy.original_name,
                size=copy.size,
                added_at=copy.added_at,
            )
            if stored_problem(store, record) is not None:
                raise DossierError(
                    f"Không đưa lại được tệp “{copy.original_name}”: bản lưu trong thư mục dữ liệu "
                    "đã được dọn đi. Hãy đính kèm lại tệp từ máy."
                )
            session.add(record)
        session.flush()
        return Done(None, dossier_changed(copies[0].dossier_id))

    return operation


def _take_off(copies: Sequence[AttachmentCopy]) -> Operation[None]:
    def operation(session: Session) -> Done[None]:
        for copy in copies:
            found = copy.find(session)
            if found is None:
                raise DossierError(
                    f"Tệp “{copy.original_name}” không còn trong hồ sơ số {copy.dossier_id}."
                )
            session.delete(found)
        session.flush()
        return Done(None, dossier_changed(copies[0].dossier_id))

    return operation


def attach_files(
    store: Path,
    dossier_id: DossierId,
    paths: Sequence[Path],
    component_id: int | None = None,
    steps: Steps | None = None,
) -> Operation[list[AttachmentId]]:
    """Attach every file or none (one transaction); Ctrl+Z takes them all off again."""

    def operation(session: Session) -> Done[list[AttachmentId]]:
        added = []
        for done, path in enumerate(paths):
            if steps is not None:
                steps.check()
                steps.report(done, len(paths), path.name)
            added.append(attach_file(session, store, dossier_id, path, component_id))
        if not added:
            return Done([])
        copies = [AttachmentCopy.of(a) for a in added]
        undo = Undo(SCOPE, _label("đính kèm", copies), _take_off(copies), _put_back(store, copies))
        ids = [AttachmentId(saved_id(a.id)) for a in added]
        return Done(ids, dossier_changed(dossier_id), undo)

    return operation


def detach(store: Path, attachment_id: AttachmentId) -> Operation[None]:
    """Gỡ tệp off its dossier; the stored copy waits for :func:`prune`, so Ctrl+Z can bring it back."""

    def operation(session: Session) -> Done[None]:
        copy = AttachmentCopy.of(get_attachment(session, attachment_id))
        remove_attachment(session, attachment_id)
        undo = Undo(SCOPE, _label("gỡ tệp", [copy]), _put_back(store, [copy]), _take_off([copy]))
        return Done(None, dossier_changed(copy.dossier_id), undo)

    return operation


def prune(store: Path) -> Callable[[Session], int]:
    """A read for the door, run after the commit: delete stored files no record refers to."""
    return lambda session: prune_store(session, store)
