"""The one door for every change of the ward's data (cửa duy nhất để thay đổi dữ liệu).

The window and the command line change data only by handing an :data:`Operation` to
:meth:`Door.run`. The operation is a function of one session: it checks, writes (the storage hooks
write the audit rows in the same transaction) and returns :class:`Done` — its value, the
:class:`Change` it made and, if the clerk may take it back, an :class:`Undo`. The door opens and
commits the transaction, turns a busy, read-only or full disk into a :class:`~desktop.errors.Refusal`,
keeps the undo history and tells every listener (the main window, which tells the pages) what
changed. A restore or a switch of data folder is announced as :data:`EVERYTHING`: every page
reloads and every undo history is emptied.

The module has no Qt: listeners are plain callables, called on the thread that ran the change.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from desktop.errors import Refusal, machine_failures_refused

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop.storage import Database

log = logging.getLogger("thidua.changes")
T = TypeVar("T")


class Area(StrEnum):
    """What a change can touch; a page shows some of these and reloads when one of them changed."""

    UNITS = "units"  # đơn vị
    PERSONS = "persons"  # cá nhân
    INDICATORS = "indicators"  # chỉ tiêu và chỉ tiêu năm
    VALUES = "values"  # số liệu quý, chốt số liệu
    AWARDS = "awards"  # danh mục hình thức, danh hiệu; đợt xét khen thưởng
    DOSSIERS = "dossiers"  # hồ sơ khen thưởng, tệp đính kèm
    COUNCIL = "council"  # thành viên, phiên họp, kết quả bỏ phiếu của Hội đồng TĐKT
    DECISIONS = "decisions"  # quyết định khen thưởng, sổ vào sổ Giấy khen, sổ theo dõi khen thưởng
    DOCUMENTS = "documents"  # sổ văn bản đã cấp số, thể thức trình bày
    SETTINGS = "settings"  # thông tin phường, cài đặt
    BACKUPS = "backups"  # sao lưu đã ghi
    ACTIVITIES = "activities"  # hoạt động tuyên truyền, tập huấn, lớp Bình dân học vụ số …
    INITIATIVES = "initiatives"  # sáng kiến, giải pháp, mô hình điển hình
    COMMITMENTS = "commitments"  # đăng ký thi đua, kế hoạch của đơn vị


@dataclass(frozen=True)
class Change:
    """What one operation changed: the areas and, per area, the ids of the records it touched.

    An area with no ids means "some of it, reload it all". ``everything`` (a restore, another
    data folder) means that nothing shown can be trusted any more.
    """

    ids: Mapping[Area, frozenset[int]] = field(default_factory=dict)
    everything: bool = False

    @classmethod
    def of(cls, area: Area, *ids: int | None) -> Change:
        return cls({area: frozenset(i for i in ids if i is not None)})

    @classmethod
    def areas_of(cls, *areas: Area) -> Change:
        return cls({area: frozenset() for area in areas})

    @property
    def areas(self) -> frozenset[Area]:
        return frozenset(Area) if self.everything else frozenset(self.ids)

    @property
    def empty(self) -> bool:
        return not self.everything and not self.ids

    def touches(self, *areas: Area) -> bool:
        return self.everything or any(area in self.ids for area in areas)

    def ids_of(self, area: Area) -> frozenset[int]:
        return self.ids.get(area, frozenset())

    def __or__(self, other: Change) -> Change:
        if self.everything or other.everything:
            return EVERYTHING
        merged = dict(self.ids)
        for area, ids in other.ids.items():
            merged[area] = merged.get(area, frozenset()) | ids
        return Change(merged)


NOTHING = Change()
EVERYTHING = Change(everything=True)


@dataclass(frozen=True)
class Undo:
    """How to take a change back (hoàn tác) and do it again: two operations of their own.

    ``scope`` names the history it belongs to ("register", "values", "dossiers"): Ctrl+Z on a page
    takes back the last change of that page's kind, not a change made elsewhere.
    """

    scope: str
    label: str
    backward: Operation[Any]
    forward: Operation[Any]


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an operation hands back to the door.

    ``forget`` names undo histories the change makes meaningless (an import rewrites rows that
    earlier steps of the register would put back); the door empties them before it announces.
    """

    value: T
    change: Change = NOTHING
    undo: Undo | None = None
    forget: tuple[str, ...] = ()


Operation = Callable[["Session"], Done[T]]
Query = Callable[["Session"], T]  # a read: what the page shows, through Door.read
Listener = Callable[[Change], None]

UNDO_REASON = "Hoàn tác: {label}"
REDO_REASON = "Làm lại: {label}"


class UndoHistory:
    """The steps the clerk may take back, per scope, newest last; emptied by :data:`EVERYTHING`."""

    def __init__(self, limit: int = 200) -> None:
        self._done: dict[str, list[Undo]] = {}
        self._undone: dict[str, list[Undo]] = {}
        self._limit = limit

    def push(self, step: Undo) -> None:
        done = self._done.setdefault(step.scope, [])
        done.append(step)
        del done[: -self._limit]
        self._undone.pop(step.scope, None)

    def can_undo(self, scope: str) -> bool:
        return bool(self._done.get(scope))

    def can_redo(self, scope: str) -> bool:
        return bool(self._undone.get(scope))

    def undo_label(self, scope: str) -> str | None:
        done = self._done.get(scope)
        return done[-1].label if done else None

    def redo_label(self, scope: str) -> str | None:
        undone = self._undone.get(scope)
        return undone[-1].label if undone else None

    def clear(self, scope: str | None = None) -> None:
        if scope is None:
            self._done.clear()
            self._undone.clear()
        else:
            self._done.pop(scope, None)
            self._undone.pop(scope, None)

    def _take(self, scope: str, redo: bool) -> Undo | None:
        stack = (self._undone if redo else self._done).get(scope)
        return stack.pop() if stack else None

    def _put(self, step: Undo, redo: bool) -> None:
        (self._done if redo else self._undone).setdefault(step.scope, []).append(step)


class Door:
    """The one way in for changes to one open database; see the module's docstring."""

    def __init__(self, database: Callable[[], Database]) -> None:
        self._database = database
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()
        self.history = UndoHistory()

    # -- listening -------------------------------------------------------------------------------
    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener(change)`` after every change; returns the function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, change: Change) -> None:
        """Tell the listeners of a change made outside :meth:`run` (a restore, a new data folder)."""
        if change.everything:
            self.history.clear()
        if change.empty:
            return
        for listener in list(self._listeners):
            listener(change)

    # -- changing --------------------------------------------------------------------------------
    def run(self, operation: Operation[T], *, reason: str | None = None) -> T:
        """Run ``operation`` in one transaction, record its undo, announce its change."""
        done = self._commit(operation, reason)
        with self._lock:
            for scope in done.forget:
                self.history.clear(scope)
            if done.undo is not None:
                self.history.push(done.undo)
        self.announce(done.change)
        return done.value

    def read(self, query: Query[T]) -> T:
        """Run a read in a session of its own; a busy or failing file is refused like a change.

        The read begins deferred: it sees the last committed state and never waits for a writer
        (a change begins IMMEDIATE, see :mod:`desktop.storage.database`).
        """
        database = self._database()
        with (
            machine_failures_refused(str(database.path.parent)),
            database.session(write=False) as session,
        ):
            return query(session)

    def undo(self, scope: str) -> str | None:
        """Take back the newest step of ``scope``; returns its label (None: nothing to undo).

        A step the data no longer allows (a unit added, then given persons) is refused with the
        rule's message and leaves the history.
        """
        return self._replay(scope, redo=False)

    def redo(self, scope: str) -> str | None:
        return self._replay(scope, redo=True)

    def _replay(self, scope: str, redo: bool) -> str | None:
        with self._lock:
            step = self.history._take(scope, redo)
        if step is None:
            return None
        operation = step.forward if redo else step.backward
        template = REDO_REASON if redo else UNDO_REASON
        try:
            done = self._commit(operation, template.format(label=step.label))
        except Refusal:
            self.announce(Change.areas_of(*_areas_of_scope(scope)))
            raise
        with self._lock:
            self.history._put(step, redo)
        self.announce(done.change)
        return step.label

    def _commit(self, operation: Operation[T], reason: str | None) -> Done[T]:
        from desktop.storage.hooks import set_audit_reason

        database = self._database()
        # write=True even on a reading command's database: a change takes the write lock first.
        with (
            machine_failures_refused(str(database.path.parent)),
            database.session(write=True) as session,
        ):
            if reason:
                set_audit_reason(session, reason)
            done = operation(session)
        if not isinstance(done, Done):  # a programming error, not the clerk's
            raise TypeError(f"{operation!r} returned {type(done).__name__}, not Done")
        return done


SCOPE_AREAS: dict[str, tuple[Area, ...]] = {
    "register": (Area.UNITS, Area.PERSONS),
    "values": (Area.VALUES,),
    "dossiers": (Area.DOSSIERS,),
    "awards": (Area.AWARDS,),
    "documents": (Area.DOCUMENTS,),
}


def _areas_of_scope(scope: str) -> Iterable[Area]:
    return SCOPE_AREAS.get(scope, tuple(Area))
