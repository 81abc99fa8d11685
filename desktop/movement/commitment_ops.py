"""Units' commitments (đăng ký thi đua, kế hoạch của đơn vị): their rules and operations.

One row per unit and year (:class:`~desktop.models.movement.Commitment`): the day the unit's
registration reached the ward, the day its own plan did, a note; the plan's file, when the unit
sent one, is kept in the attachments' store (:mod:`desktop.awards.attachments`, the same
content-addressed copy and name rule as a dossier's files) with the row's ``commitment_id``.

Rules: a year of the plan; a unit of the register; days not after today, a plan not received before
the registration (a unit sends its plan with or after its registration) — both worded for the
clerk. Every change has its :class:`~desktop.changes.Undo` in the history :data:`SCOPE`; a plan
file taken off stays in the store until the next prune, so Ctrl+Z finds it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.awards.attachments import store_file, stored_problem
from desktop.changes import Area, Change, Done, Operation, Undo
from desktop.errors import Refusal
from desktop.indicators.scope import plan_years
from desktop.models import Attachment, Unit
from desktop.models._base import now
from desktop.models.ids import saved_id
from desktop.models.movement import Commitment
from desktop.models.periods import today
from desktop.text import clean, wording
from desktop.text.filenames import safe_file_name

SCOPE = "commitments"  # the undo history of the Đăng ký thi đua tab


class CommitmentError(Refusal):
    """A commitment the rules refuse."""


@dataclass(frozen=True)
class CommitmentData:
    """What is recorded of one unit's commitment in one year."""

    registered_on: date | None = None
    plan_received_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class PlanFile:
    """A unit's plan file as stored (to put back what Ctrl+Z took off)."""

    sha256: str
    original_name: str
    size: int
    added_at: datetime


def _unit(session: Session, unit_id: int) -> Unit:
    unit = session.get(Unit, unit_id)
    if unit is None:
        raise CommitmentError(f"Không tìm thấy đơn vị mã số {unit_id} trong sổ đơn vị.")
    return unit


def _check(session: Session, year: int, unit: Unit, data: CommitmentData) -> CommitmentData:
    problems = []
    years = plan_years(session)
    if year not in years:
        problems.append(f"Năm {year} nằm ngoài Kế hoạch ({years.start} - {years.stop - 1}).")
    day = today()
    for label, value in (("đăng ký", data.registered_on), ("nhận kế hoạch", data.plan_received_on)):
        if value is not None and value > day:
            problems.append(
                f"Ngày {label} {wording.short_date(value)} sau hôm nay ({wording.short_date(day)})."
            )
    if data.plan_received_on is not None and data.registered_on is None:
        problems.append(
            "Đã ghi ngày nhận kế hoạch mà chưa ghi ngày đăng ký thi đua: đơn vị gửi kế hoạch "
            "cùng hoặc sau bản đăng ký; hãy ghi cả ngày đăng ký."
        )
    elif (
        data.plan_received_on is not None
        and data.registered_on is not None
        and data.plan_received_on < data.registered_on
    ):
        problems.append(
            f"Ngày nhận kế hoạch {wording.short_date(data.plan_received_on)} trước ngày đăng ký "
            f"{wording.short_date(data.registered_on)}."
        )
    if problems:
        raise CommitmentError(f"Chưa ghi được đăng ký thi đua của “{unit.name}”:", problems)
    return CommitmentData(data.registered_on, data.plan_received_on, clean(data.note))


def _row(session: Session, year: int, unit_id: int) -> Commitment | None:
    return session.exec(
        select(Commitment).where(Commitment.year == year, Commitment.unit_id == unit_id)
    ).first()


def commitment_of(session: Session, year: int, unit_id: int) -> Commitment | None:
    """The unit's row of ``year`` (None: nothing recorded)."""
    return _row(session, year, unit_id)


def _data_of(row: Commitment | None) -> CommitmentData | None:
    if row is None:
        return None
    return CommitmentData(row.registered_on, row.plan_received_on, row.note)


def plan_files(session: Session, commitment_id: int) -> list[Attachment]:
    """The files of a commitment (the unit's plan), oldest first."""
    return list(
        session.exec(
            select(Attachment)
            .where(Attachment.commitment_id == commitment_id)
            .order_by(col(Attachment.id))
        )
    )


def _files_of(session: Session, row: Commitment | None) -> list[PlanFile]:
    if row is None or row.id is None:
        return []
    return [
        PlanFile(a.sha256, a.original_name, a.size, a.added_at) for a in plan_files(session, row.id)
    ]


def _put(
    year: int, unit_id: int, data: CommitmentData | None, files: list[PlanFile], store: Path | None
) -> Operation[None]:
    """The row (and its files) as they were: ``data`` None removes it."""

    def operation(session: Session) -> Done[None]:
        _write(session, year, unit_id, data, files, store)
        return Done(None, _changed(unit_id))

    return operation


def _write(
    session: Session,
    year: int,
    unit_id: int,
    data: CommitmentData | None,
    files: list[PlanFile],
    store: Path | None,
) -> Commitment | None:
    unit = _unit(session, unit_id)
    row = _row(session, year, unit_id)
    if data is None:
        if row is not None:
            for attachment in plan_files(session, saved_id(row.id)):
                session.delete(attachment)
            session.flush()
            session.delete(row)
            session.flush()
        return None
    data = _check(session, year, unit, data)
    if row is None:
        row = Commitment(year=year, unit_id=unit_id)
    row.registered_on, row.plan_received_on, row.note = (
        data.registered_on,
        data.plan_received_on,
        data.note,
    )
    row.updated_at = now()
    session.add(row)
    session.flush()
    _put_files(session, row, files, store)
    return row


def _put_files(
    session: Session, row: Commitment, files: list[PlanFile], store: Path | None
) -> None:
    """Make the row's files exactly ``files`` (those already there are kept as they are)."""
    present = {a.sha256: a for a in plan_files(session, saved_id(row.id))}
    wanted = {f.sha256 for f in files}
    for sha, attachment in present.items():
        if sha not in wanted:
            session.delete(attachment)
    for file in files:
        if file.sha256 in present:
            continue
        record = Attachment(
            commitment_id=row.id,
            sha256=file.sha256,
            original_name=file.original_name,
            size=file.size,
            added_at=file.added_at,
        )
        if store is not None and stored_problem(store, record) is not None:
            raise CommitmentError(
                f"Không đưa lại được tệp “{file.original_name}”: bản lưu trong thư mục dữ liệu đã "
                "được dọn đi. Hãy đính kèm lại tệp từ máy."
            )
        session.add(record)
    session.flush()


def _changed(unit_id: int) -> Change:
    return Change.of(Area.COMMITMENTS, unit_id)


def _label(verb: str, session: Session, year: int, unit_id: int) -> str:
    return f"{verb} đăng ký thi đua năm {year} của “{_unit(session, unit_id).name}”"


# -- the changes -------------------------------------------------------------------------------


def record_commitment(
    year: int,
    unit_id: int,
    registered_on: date | None,
    plan_received_on: date | None,
    note: str = "",
) -> Operation[int]:
    """Ghi đăng ký thi đua: the days the unit's registration and its own plan reached the ward
    (a day left None is not received yet); returns the row's id."""

    def operation(session: Session) -> Done[int]:
        row = _row(session, year, unit_id)
        before, files = _data_of(row), _files_of(session, row)
        after = CommitmentData(registered_on, plan_received_on, note)
        written = _write(session, year, unit_id, after, files, None)
        assert written is not None
        label = _label("ghi", session, year, unit_id)
        undo = Undo(
            SCOPE,
            label,
            _put(year, unit_id, before, files, None),
            _put(year, unit_id, _data_of(written), files, None),
        )
        return Done(saved_id(written.id), _changed(unit_id), undo)

    return operation


def clear_commitment(year: int, unit_id: int, store: Path | None = None) -> Operation[None]:
    """Xóa đăng ký thi đua of a unit for a year (recorded by mistake), with its plan files;
    Ctrl+Z brings both back while ``store`` (the data folder's attachments) still holds them."""

    def operation(session: Session) -> Done[None]:
        row = _row(session, year, unit_id)
        if row is None:
            raise CommitmentError(
                f"“{_unit(session, unit_id).name}” chưa có đăng ký thi đua năm {year} để xóa."
            )
        before, files = _data_of(row), _files_of(session, row)
        _write(session, year, unit_id, None, [], None)
        label = _label("xóa", session, year, unit_id)
        undo = Undo(
            SCOPE,
            label,
            _put(year, unit_id, before, files, store),
            _put(year, unit_id, None, [], None),
        )
        return Done(None, _changed(unit_id), undo)

    return operation


def attach_plan(store: Path, year: int, unit_id: int, source: Path) -> Operation[int]:
    """Đính kèm kế hoạch của đơn vị: the file is copied into the store (checked as any dossier
    file is) and kept with the unit's commitment of the year. A unit not yet recorded is recorded
    as having sent its plan today, and registered with it; returns the attachment's id."""

    def operation(session: Session) -> Done[int]:
        unit = _unit(session, unit_id)
        row = _row(session, year, unit_id)
        before, files = _data_of(row), _files_of(session, row)
        day = today()
        data = before or CommitmentData()
        data = CommitmentData(
            data.registered_on or data.plan_received_on or day,
            data.plan_received_on or day,
            data.note,
        )
        written = _write(session, year, unit_id, data, files, store)
        assert written is not None
        sha, size = store_file(store, source)
        if sha in {f.sha256 for f in files}:
            same = next(f for f in files if f.sha256 == sha)
            raise CommitmentError(
                f"Tệp này đã được đính kèm vào kế hoạch của “{unit.name}” với tên "
                f"“{same.original_name}”."
            )
        attachment = Attachment(
            commitment_id=written.id,
            sha256=sha,
            original_name=safe_file_name(source.name),
            size=size,
        )
        session.add(attachment)
        session.flush()
        after = [*files, PlanFile(sha, attachment.original_name, size, attachment.added_at)]
        label = f"đính kèm kế hoạch “{attachment.original_name}” của “{unit.name}”"
        undo = Undo(
            SCOPE,
            label,
            _put(year, unit_id, before, files, store),
            _put(year, unit_id, _data_of(written), after, store),
        )
        return Done(saved_id(attachment.id), _changed(unit_id), undo)

    return operation


def detach_plan(store: Path, attachment_id: int) -> Operation[None]:
    """Gỡ tệp kế hoạch; the stored copy waits for the next prune, so Ctrl+Z can bring it back."""

    def operation(session: Session) -> Done[None]:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None or attachment.commitment_id is None:
            raise CommitmentError(f"Không tìm thấy tệp kế hoạch số {attachment_id}.")
        row = session.get(Commitment, attachment.commitment_id)
        assert row is not None  # a foreign key
        files = _files_of(session, row)
        after = [f for f in files if f.sha256 != attachment.sha256]
        session.delete(attachment)
        session.flush()
        data = _data_of(row)
        label = f"gỡ tệp kế hoạch “{attachment.original_name}”"
        undo = Undo(
            SCOPE,
            label,
            _put(row.year, row.unit_id, data, files, store),
            _put(row.year, row.unit_id, data, after, store),
        )
        return Done(None, _changed(row.unit_id), undo)

    return operation
