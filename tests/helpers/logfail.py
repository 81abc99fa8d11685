"""Fail a test when a background operation logs an exception (qutebrowser's ``logfail`` habit).

A worker thread that dies is reported to the clerk through the GUI thread, but a test that does not
look there would pass. Every record of level ERROR or above that carries a traceback and was logged
on a thread other than the main one fails the test, unless the test declares it expects some with
the ``expects_logged_errors`` fixture.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and record.thread != threading.main_thread().ident:
            self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_background_exceptions(request: pytest.FixtureRequest) -> Iterator[None]:
    collector = _Collector()
    logger = logging.getLogger("thidua")
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
    if collector.records and "expects_logged_errors" not in request.fixturenames:
        lines = [f"{r.name}: {r.getMessage()} ({r.exc_info[1]!r})" for r in collector.records if r.exc_info]
        pytest.fail("a background operation logged an exception:\n" + "\n".join(lines))


@pytest.fixture
def expects_logged_errors() -> None:
    """Declare that this test makes a background operation fail on purpose."""
