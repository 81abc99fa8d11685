"""Tệp đính kèm: any file the clerk adds to a dossier, kept once under its SHA-256 in the data folder.

The store is content-addressed (``attachments/ab/abcdef…``), so the same scan attached to ten
dossiers takes the room of one; the clerk sees and opens it under its original name. Files are
checked before anything is written: missing, unreadable, empty, over 100 MB, or named as Windows
refuses (the data folder must move to a Windows machine unharmed); names are stored, and after a
restore re-cleaned, by the one rule of :mod:`desktop.text.filenames`. A copy for the viewer goes to
the data folder's own temporary area, only there, and only if its bytes still hash as stored.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.awards.dossiers import get_dossier
from desktop.awards.errors import DossierError
from desktop.backup.stored import LINK_WORDS, LINKED
from desktop.backup.stored import file_sha256 as stored_sha256  # ``check``'s own reading
from desktop.models import Attachment, DossierComponent
from desktop.paths import DataFolder
from desktop.text import wording
from desktop.text.filenames import fitting_name, name_problem, safe_file_name

__all__ = [
    "MAX_BYTES",
    "StoreProblem",
    "attach_file",
    "check_source",
    "check_store",
    "clean_stored_names",
    "get_attachment",
    "name_problem",
    "prune_store",
    "remove_attachment",
    "store_file",
    "stored_path",
    "stored_problem",
    "viewer_folder",
    "viewing_copy",
]

MAX_BYTES = 100 * 1024 * 1024
CHUNK = 1024 * 1024
_OUTSIDE = (
    "Không mở được tệp: chỗ để bản xem nằm ngoài vùng tạm của thư mục dữ liệu. "
    "Hãy khởi động lại chương trình rồi mở lại; hồ sơ chưa bị thay đổi."
)


def check_source(source: Path) -> int:
    """The size of a file fit to attach; a :class:`DossierError` says what is wrong otherwise."""
    problem = name_problem(source.name)
    if problem:
        raise DossierError(problem)
    if not source.exists():
        raise DossierError(f"Không tìm thấy tệp “{source}”; tệp có thể đã bị xóa hoặc di chuyển.")
    if not source.is_file():
        raise DossierError(f"“{source.name}” là thư mục, không phải tệp.")
    size = source.stat().st_size
    if size == 0:
        raise DossierError(f"Tệp “{source.name}” rỗng (0 byte); hãy kiểm tra lại tệp.")
    if size > MAX_BYTES:
        raise DossierError(
            f"Tệp “{source.name}” nặng {wording.size(size)}, quá giới hạn 100 MB; "
            "hãy nén hoặc quét lại với độ phân giải thấp hơn."
        )
    try:
        with source.open("rb") as handle:
            handle.read(1)
    except OSError as error:
        raise DossierError(
            f"Không đọc được tệp “{source.name}” ({error.strerror or error}); hãy đóng chương trình "
            "đang mở tệp hoặc kiểm tra quyền truy cập."
        ) from error
    return size


def stored_path(store: Path, sha256: str) -> Path:
    return store / sha256[:2] / sha256


def store_file(store: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store (once per content); return (sha256, size).

    The copy is written to a temporary name and renamed, so a crash never leaves half a file under
    a hash name.
    """
    check_source(source)
    store.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=store)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise DossierError(f"Tệp “{source.name}” vượt quá giới hạn 100 MB.")
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = stored_path(store, sha)
        if target.exists() and target.stat().st_size == size:
            temp.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(temp, target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise DossierError(
            f"Không chép được tệp “{source.name}” vào thư mục dữ liệu ({error})."
        ) from error
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return sha, size


def attach_file(
    session: Session,
    store: Path,
    dossier_id: int,
    source: Path,
    component_id: int | None = None,
) -> Attachment:
    """Attach a file to a dossier (optionally as one of its papers)."""
    dossier = get_dossier(session, dossier_id)
    if component_id is not None:
        component = session.get(DossierComponent, component_id)
        if component is None or component.award_form_id != dossier.award_form_id:
            raise DossierError(
                "Thành phần này không thuộc hồ sơ của hình thức khen thưởng đã chọn."
            )
    sha, size = store_file(store, source)
    same = session.exec(
        select(Attachment).where(
            Attachment.dossier_id == dossier_id,
            Attachment.sha256 == sha,
            Attachment.component_id == component_id
            if component_id is not None
            else col(Attachment.component_id).is_(None),
        )
    ).first()
    if same is not None:
        raise DossierError(f"Tệp này đã được đính kèm vào hồ sơ với tên “{same.original_name}”.")
    attachment = Attachment(
        dossier_id=dossier_id,
        component_id=component_id,
        sha256=sha,
        original_name=safe_file_name(source.name),
        size=size,
    )
    session.add(attachment)
    session.flush()
    return attachment


def clean_stored_names(session: Session) -> int:
    """Rename every attachment whose stored name is not safe (a restored backup's names are not
    trusted: a path, a bidi override, ``COM¹``…); returns how many were renamed. The caller commits."""
    renamed = 0
    for attachment in session.exec(select(Attachment).order_by(col(Attachment.id))):
        safe = safe_file_name(attachment.original_name)
        if safe != attachment.original_name:
            attachment.original_name = safe
            session.add(attachment)
            renamed += 1
    session.flush()
    return renamed


def get_attachment(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise DossierError(f"Không tìm thấy tệp đính kèm số {attachment_id}.")
    return attachment


def remove_attachment(session: Session, attachment_id: int) -> None:
    """Take the file off the dossier; the stored copy goes with :func:`prune_store` after commit."""
    session.delete(get_attachment(session, attachment_id))
    session.flush()


def stored_problem(store: Path, attachment: Attachment, *, by_hash: bool = False) -> str | None:
    """Why the stored copy cannot be used (removed or changed outside the app), or None.

    The size is compared always (cheap enough for every row of a table); ``by_hash``, the files
    check of :func:`check_store`, also reads the file and compares its SHA-256 as ``check`` does
    (:mod:`desktop.backup.stored`), which notices other bytes of the same size and a link."""
    path = stored_path(store, attachment.sha256)
    if not path.is_file():
        return _missing(attachment)
    if path.stat().st_size != attachment.size:
        return _changed(attachment, opening=not by_hash)
    if by_hash:
        found = stored_sha256(path)
        if found is None:
            return _missing(attachment)
        if found == LINKED:
            return f"Tệp “{attachment.original_name}” trong thư mục dữ liệu {LINK_WORDS}"
        if found != attachment.sha256:
            return _changed(attachment, opening=False)
    return None


def _missing(attachment: Attachment) -> str:
    return f"Tệp “{attachment.original_name}” không còn trong thư mục dữ liệu (đã bị xóa hoặc di chuyển)."


def _changed(attachment: Attachment, *, opening: bool = True) -> str:
    """``opening``: said as the file is refused to the viewer; otherwise as a check names it."""
    return (
        f"Tệp “{attachment.original_name}” trong thư mục dữ liệu đã bị thay đổi (nội dung không còn "
        f"khớp với bản đã đính kèm){', nên không mở' if opening else ''}. Hãy đính kèm lại tệp "
        "gốc; hồ sơ chưa bị thay đổi."
    )


@dataclass(frozen=True)
class StoreProblem:
    attachment: Attachment
    problem: str


def check_store(session: Session, store: Path, dossier_id: int | None = None) -> list[StoreProblem]:
    """Attachments whose stored copy is missing or changed (of one dossier, or of all).

    Every file is hashed, as ``check`` hashes it: the size alone let other bytes of the same size
    pass as "còn đủ" (``dossiers files`` and the page's “Kiểm tra tệp” both ask this)."""
    query = select(Attachment).order_by(col(Attachment.id))
    if dossier_id is not None:
        query = query.where(Attachment.dossier_id == dossier_id)
    problems = []
    for attachment in session.exec(query):
        problem = stored_problem(store, attachment, by_hash=True)
        if problem:
            problems.append(StoreProblem(attachment, problem))
    return problems


def viewer_folder(data: DataFolder) -> Path:
    """Where viewing copies go: the data folder's own temporary area, emptied at every start."""
    return data.viewer


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def viewing_copy(store: Path, attachment: Attachment, folder: Path) -> Path:
    """A copy under the (cleaned) original name for the system viewer, so the store is never edited.

    ``folder`` is :func:`viewer_folder` of the data folder. The copy is written at
    ``folder/<id>/<name>`` and nowhere else, whatever the stored name says (a restored backup may
    carry ``../../x`` or a planted link); the bytes copied must hash to the attachment's SHA-256,
    otherwise the file was replaced behind the app's back and it is refused, not opened.
    """
    problem = stored_problem(store, attachment)
    if problem:
        raise DossierError(problem)
    target_dir = folder / str(attachment.id)
    target_dir.mkdir(parents=True, exist_ok=True)
    if target_dir.is_symlink() or not _inside(target_dir, folder):
        raise DossierError(_OUTSIDE)
    # Cut to fit Windows's 260 characters, so that the viewer can open it.
    target = target_dir / fitting_name(target_dir, attachment.original_name)
    if target.parent != target_dir:  # a safe name has no folder part; this holds it so
        raise DossierError(_OUTSIDE)
    if not target.is_symlink() and target.is_file() and stored_sha256(target) == attachment.sha256:
        return target  # still the right bytes, perhaps open in the viewer: Windows could not replace it
    fd, temp_name = tempfile.mkstemp(prefix=".copy-", dir=target_dir)
    temp = Path(temp_name)
    try:
        digest = hashlib.sha256()
        with os.fdopen(fd, "wb") as out, stored_path(store, attachment.sha256).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != attachment.sha256:
            raise DossierError(_changed(attachment))
        # A rename replaces a link planted under the name instead of writing through it.
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target


def prune_store(session: Session, store: Path) -> int:
    """Delete stored files no attachment refers to any more; returns how many were deleted."""
    used = set(session.exec(select(Attachment.sha256)).all())
    removed = 0
    if not store.is_dir():
        return 0
    for path in store.glob("??/*"):
        if path.is_file() and len(path.name) == 64 and path.name not in used:
            path.unlink()
            removed += 1
    return removed
