"""Issue 15, items 3 and 9: a restore killed at any step of its swap is finished or undone at the
next start — the data folder is the old data or the restored data, byte for byte, never the old
database without its attachments — and ``check`` says so; nothing it made is left behind."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.faults import harness
from tests.faults.harness import Case, Fault, FaultWard
from tests.faults.outcomes import Reference, restore_command

pytestmark = pytest.mark.slow
SWAP_KINDS = ("replace", "rename")


def test_a_restore_killed_at_any_step_of_its_swap_leaves_the_old_or_the_new_data(
    fault_ward: FaultWard, case: Callable[[str], Case], restored: Reference
) -> None:
    outcomes, calls = restored.outcomes, restored.calls
    assert outcomes.after.files != fault_ward.before.files, "the restore changes the files"
    steps = [(kind, k) for kind in SWAP_KINDS for k in range(1, len(calls[kind]) + 1)]
    assert steps, f"the restore moved nothing into place: {calls}"
    # Killed before each move, and after the last one (the swap done, its journal not yet closed).
    faults = [Fault(kind, k, "kill") for kind, k in steps]
    faults.append(Fault(*steps[-1], "kill-after"))
    command = restore_command(fault_ward)

    def one(fault: Fault) -> str | None:
        here = case(fault.spec.replace(":", "-"))
        killed = harness.run(
            here.data, *command(here), temp=here.temp("run"), fault=fault, under=[here.data]
        )
        if not killed.killed:
            return f"{fault}: not killed at that step ({killed})"
        after = harness.start_next(here.data, here.temp("next"))
        state = harness.snapshot(here.data)
        problems = []
        if not harness.healthy(after):
            problems.append(f"check after the kill: {after}")
        if outcomes.which(state) is None:
            problems.append(f"neither the old nor the restored data: {outcomes.explain(state)}")
        if left := here.debris():
            problems.append(f"left behind: {left}")
        return f"{fault}: " + "; ".join(problems) if problems else None

    failures = [line for line in harness.in_parallel(faults, one) if line]
    assert not failures, f"{len(failures)} of {len(faults)} kill points:\n" + "\n".join(failures)


def test_a_restore_killed_mid_swap_is_finished_or_undone_and_said_at_the_next_start(
    fault_ward: FaultWard, case: Callable[[str], Case], restored: Reference
) -> None:
    """The start that finishes or undoes a swap tells the clerk what it did."""
    swaps = len(restored.calls["replace"])
    assert swaps >= 2, f"the swap has fewer steps than its parts: {restored.calls['replace']}"
    here = case("killed-mid-swap")
    fault = Fault("replace", swaps // 2 + 1, "kill")
    killed = harness.run(
        here.data,
        *restore_command(fault_ward)(here),
        temp=here.temp("run"),
        fault=fault,
        under=[here.data],
    )
    assert killed.killed, str(killed)
    after = harness.start_next(here.data, here.temp("next"))
    assert harness.healthy(after), str(after)
    assert "khôi phục" in after.said.lower(), f"the next start says nothing of the restore: {after}"
