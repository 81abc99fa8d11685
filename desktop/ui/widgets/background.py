"""Long work off the GUI thread: run a domain function in the thread pool, answer on the GUI thread.

The function receives a :class:`Progress` it may report to and poll for cancellation; success and
failure come back as Qt signals, so the window stays responsive and a failure is shown in Vietnamese.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.errors import refusal_of
from desktop.ui.texts import common as t

log = logging.getLogger("thidua.ui")


class Cancelled(Exception):
    """Raised inside a worker when the clerk pressed Hủy; the operation must leave data unchanged."""


class Progress:
    """Handed to the worker function: ``report(done, total, text)`` and ``check()`` for Hủy."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[Progress], Any], signals: _Signals, progress: Progress):
        super().__init__()
        self.function = function
        self.signals = signals
        self.progress = progress

    def run(self) -> None:
        try:
            result = self.function(self.progress)
        except BaseException as error:  # reported on the GUI thread, never lost
            if isinstance(error, Cancelled):
                pass
            elif refusal_of(error) is not None:
                log.info("background operation refused: %s", error)
            else:
                log.exception("background operation failed")
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


class Operation(QObject):
    """One running background operation; keep a reference until ``done`` or ``error`` fires."""

    done = Signal(object)
    error = Signal(object)
    progress_changed = Signal(int, int, str)

    def __init__(self, function: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._signals.finished.connect(self.done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self.error, Qt.ConnectionType.QueuedConnection)
        self._signals.progress.connect(self.progress_changed, Qt.ConnectionType.QueuedConnection)
        self._job = _Job(function, self._signals, self.progress)
        self._job.setAutoDelete(False)

    def start(self) -> Operation:
        QThreadPool.globalInstance().start(self._job)
        return self


def run_with_progress(
    parent: QWidget,
    function: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    label: str = t.WORKING,
) -> Operation:
    """Start ``function`` with a modal progress dialog that has a Hủy button."""
    dialog = QProgressDialog(label, t.CANCEL, 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    operation = Operation(function, parent)
    dialog.canceled.connect(operation.progress.cancel)

    def show_progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def finish(result: Any) -> None:
        dialog.reset()
        dialog.deleteLater()
        on_done(result)

    def fail(error: BaseException) -> None:
        dialog.reset()
        dialog.deleteLater()
        on_error(error)

    operation.progress_changed.connect(show_progress)
    operation.done.connect(finish)
    operation.error.connect(fail)
    return operation.start()
