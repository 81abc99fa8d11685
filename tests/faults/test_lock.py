"""Issue 15, items 5 and 9: two writing commands on one data folder at once. The first holds the
folder; the second is refused at once with a Vietnamese message naming the holder (program,
machine, process), changes nothing, and the data ends as the first command leaves it. A holder
killed in the middle leaves a stale lock that the next command takes over, and says so."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults import harness
from tests.faults.harness import Case, Fault, FaultWard
from tests.faults.outcomes import Reference, import_command, issue_command

pytestmark = pytest.mark.slow
HOLD_LIMIT = 60.0


def _wait_for(paused: Path, process: subprocess.Popen[str]) -> None:
    waited = 0.0
    while not paused.exists():
        assert process.poll() is None, "the first command ended before its first write"
        assert waited < HOLD_LIMIT, "the first command never reached its first write"
        time.sleep(0.05)
        waited += 0.05


def test_a_second_writer_is_refused_naming_the_holder_and_the_first_one_finishes(
    fault_ward: FaultWard, case: Callable[[str], Case], imported: Reference
) -> None:
    here = case("two-writers")
    paused = here.root / "paused"
    first = harness.start(
        here.data,
        *import_command(fault_ward.forms)(here),
        temp=here.temp("first"),
        fault=Fault("sql", 1, "pause"),  # inside its first write transaction
        under=[here.data],
        paused=paused,
    )
    try:
        _wait_for(paused, first)
        second = harness.run(here.data, *issue_command(here), temp=here.temp("second"))
        reader = harness.run(here.data, "check", temp=here.temp("reader"))
    finally:
        paused.unlink(missing_ok=True)
        out, err = first.communicate(timeout=harness.TIMEOUT)
    assert first.returncode == 0, out + err
    assert not harness.message_problems(second), f"{harness.message_problems(second)}: {second}"
    assert str(first.pid) in second.said and socket.gethostname() in second.said, str(second)
    assert "values import" in second.said, f"the holder's command is not named: {second}"
    assert harness.healthy(reader), f"a reading command is kept out by a writer: {reader}"
    state = harness.snapshot(here.data)
    assert imported.outcomes.which(state) == "after", imported.outcomes.explain(state)
    assert not list(here.usb.glob("*.pdf")), "the refused issuing wrote its PDF"
    assert not here.debris()


def test_a_writer_killed_while_holding_the_folder_is_taken_over_by_the_next_command(
    fault_ward: FaultWard, case: Callable[[str], Case], issued: Reference
) -> None:
    here = case("stale-lock")
    killed = harness.run(
        here.data,
        *import_command(fault_ward.forms)(here),
        temp=here.temp("killed"),
        fault=Fault("sql", 1, "kill"),
        under=[here.data],
    )
    assert killed.killed, str(killed)
    after = harness.run(here.data, *issue_command(here), temp=here.temp("next"))
    assert after.code == 0, str(after)
    assert "tiếp quản" in after.err, f"the takeover of the stale lock is not said: {after}"
    state = harness.snapshot(here.data)
    assert issued.outcomes.which(state) == "after", issued.outcomes.explain(state)
    assert not here.debris()
