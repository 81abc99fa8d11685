"""Issue 15, items 7 and 9: a full disk, a read-only disk or a refused permission at a write of a
backup, a restore, a values import or the issuing of a document ends in a Vietnamese message and a
non-zero exit, never a traceback; after the next start the data folder is as it was (or, where the
command survived the fault and said what it did, as it says), byte for byte, and nothing
half-written is left anywhere.

Faults go at the first, a middle and the last call of each kind (write, SQL write, fsync, replace,
rename) the clean run of the command makes; the three errors rotate so that each meets each kind.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.faults import harness
from tests.faults.harness import Case, Fault, FaultWard, Outcomes, Result, State
from tests.faults.outcomes import (
    Command,
    Reference,
    Under,
    backup_command,
    faults_at,
    import_command,
    in_data,
    in_data_and_on_usb,
    issue_command,
    on_usb,
    restore_command,
)

pytestmark = pytest.mark.slow
ERRORS = ("ENOSPC", "EROFS", "EACCES")
Judge = Callable[[Case, Result, State], list[str]]


def _inject(
    faults: list[Fault],
    case: Callable[[str], Case],
    command: Command,
    under: Under,
    judge: Judge,
    next_start: bool = True,
) -> None:
    """Run the command once per fault on its own copy; every problem of every fault, in one list."""
    assert faults, "no write to put a fault at"

    def one(fault: Fault) -> str | None:
        here = case(fault.spec.replace(":", "-"))
        result = harness.run(
            here.data, *command(here), temp=here.temp("run"), fault=fault, under=under(here)
        )
        problems = []
        if result.code != 0:
            problems += [f"message: {p}" for p in harness.message_problems(result)]
        if next_start:
            after = harness.start_next(here.data, here.temp("next"))
            if not harness.healthy(after):
                problems.append(f"next start: {after}")
        problems += judge(here, result, harness.snapshot(here.data))
        if left := here.debris():
            problems.append(f"left behind: {left}")
        if not problems:
            return None
        return f"{fault} → {result.code} ({result.said.strip()[:240]!r}): {'; '.join(problems)}"

    failures = [line for line in harness.in_parallel(faults, one) if line]
    assert not failures, f"{len(failures)} of {len(faults)} faults:\n" + "\n".join(failures)


def _as_before_unless_done(outcomes: Outcomes) -> Judge:
    """Refused: the data as it was. Exit 0: the command survived the fault and did all of it."""

    def judge(here: Case, result: Result, state: State) -> list[str]:
        wanted = "after" if result.code == 0 else "before"
        if outcomes.which(state) != wanted:
            return [f"the data is not as {wanted}: {outcomes.explain(state)}"]
        return []

    return judge


def test_a_full_or_read_only_usb_during_backup_leaves_a_good_backup_or_none(
    case: Callable[[str], Case], backed_up: Reference
) -> None:
    faults = faults_at(backed_up.calls, ERRORS, ("write", "fsync", "replace", "rename"))

    def judge(here: Case, result: Result, state: State) -> list[str]:
        problems = []
        found = harness.backups_in(here.usb)
        if result.code == 0 and not found:
            problems.append("said done, but the USB holds no backup")
        for backup in found:  # whatever is named like a backup must be one
            trial = harness.run(
                here.data, "restore", "--test", str(backup), temp=here.temp("trial")
            )
            if trial.code != 0:
                problems.append(f"{backup.name} is named like a backup but is not one: {trial}")
        if backed_up.outcomes.which(state) is None:
            problems.append(f"the data changed: {backed_up.outcomes.explain(state)}")
        return problems

    _inject(faults, case, backup_command, on_usb, judge, next_start=False)


def test_a_disk_fault_during_restore_leaves_the_data_as_it_was(
    fault_ward: FaultWard, case: Callable[[str], Case], restored: Reference
) -> None:
    faults = faults_at(restored.calls, ERRORS, ("write", "sql", "fsync", "replace", "rename"))
    judge = _as_before_unless_done(restored.outcomes)
    _inject(faults, case, restore_command(fault_ward), in_data, judge)


def _first_file_only(state: State, first_form_only: State, outcomes: Outcomes) -> bool:
    """The numbers of the first form saved, those of the second not; every other row one of the
    import's own (its audit rows) or as it was."""
    seen, first = state.masked(outcomes.volatile), first_form_only.masked(outcomes.volatile)
    before, after = (
        outcomes.before.masked(outcomes.volatile),
        outcomes.after.masked(outcomes.volatile),
    )
    if seen.rows.get("quartervalue") != first.rows.get("quartervalue"):
        return False
    if seen.files != before.files or seen.window != before.window:
        return False
    return all(
        set(rows) <= set(before.rows.get(table, [])) | set(after.rows.get(table, []))
        and set(before.rows.get(table, [])) <= set(rows)
        for table, rows in seen.rows.items()
    )


def _line_of(unit: str, said: str) -> str:
    return next((line for line in said.splitlines() if unit in line), "")


def test_a_disk_fault_during_values_import_keeps_every_saved_file_and_says_which_was_saved(
    fault_ward: FaultWard, case: Callable[[str], Case], imported: Reference, first_form_only: State
) -> None:
    faults = faults_at(imported.calls, ERRORS, ("sql", "write", "fsync", "replace", "rename"))
    outcomes = imported.outcomes

    def judge(here: Case, result: Result, state: State) -> list[str]:
        seen = outcomes.which(state)
        if result.code == 0:
            return [] if seen == "after" else [f"said done: {outcomes.explain(state)}"]
        if seen == "before":
            return []
        if _first_file_only(state, first_form_only, outcomes):  # said so?
            first, second = _line_of("TDP01", result.said), _line_of("TDP02", result.said)
            if "đã lưu" in first and "đã lưu" not in second:
                return []
            return [f"the first file was saved and the report does not say so: {result.said!r}"]
        return [f"neither before, nor after, nor whole files: {outcomes.explain(state)}"]

    _inject(faults, case, import_command(fault_ward.forms), in_data, judge)


def test_a_disk_fault_while_issuing_a_document_leaves_no_number_and_no_pdf(
    case: Callable[[str], Case], issued: Reference
) -> None:
    """Refused: no number taken, no PDF in documents/. A copy that cannot be written to --out after
    the issuing committed may leave the document issued, if the clerk is told how to reprint it."""
    faults = faults_at(issued.calls, ERRORS, ("sql", "write", "fsync", "replace", "rename"))
    outcomes = issued.outcomes

    def judge(here: Case, result: Result, state: State) -> list[str]:
        seen = outcomes.which(state)
        if result.code == 0 or ("Đã cấp số" in result.out and "document reprint" in result.said):
            return [] if seen == "after" else [f"said issued: {outcomes.explain(state)}"]
        return [] if seen == "before" else [f"refused, yet: {outcomes.explain(state)}"]

    _inject(faults, case, issue_command, in_data_and_on_usb, judge)
