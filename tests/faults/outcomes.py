"""What a command does when nothing goes wrong: the states a faulted run may be compared with."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.faults import harness
from tests.faults.harness import Case, Fault, FaultWard, Outcomes, Result

Command = Callable[[Case], tuple[str, ...]]
Under = Callable[[Case], Sequence[Path]]


@dataclass(frozen=True)
class Reference:
    """Two clean runs of a command on copies of the ward: where it ends, and the calls it makes."""

    outcomes: Outcomes
    calls: dict[str, list[str]]
    result: Result


def reference(
    ward: FaultWard, make_case: Callable[[str], Case], name: str, command: Command, under: Under
) -> Reference:
    """Run the command cleanly once (counting its calls), then the next start; it must succeed."""
    case = make_case(f"{name}-clean")
    result, calls = harness.tally(
        case.data, *command(case), temp=case.temp("clean"), under=under(case)
    )
    assert result.code == 0, f"the clean run failed: {result}"
    harness.start_next(case.data, case.temp("next"))
    after = harness.snapshot(case.data)
    volatile = harness.volatile_columns(ward.before, after)
    return Reference(Outcomes(ward.before, after, volatile), calls, result)


def spread(count: int) -> list[int]:
    """The first, a middle and the last of ``count`` calls (every one when there are few)."""
    if count <= 3:
        return list(range(1, count + 1))
    return sorted({1, (count + 1) // 2, count})


def rotated(kinds: dict[str, list[int]], actions: Sequence[str]) -> list[tuple[str, int, str]]:
    """Each kill point of each kind with one of the actions, every action met at every kind."""
    points = []
    for offset, (kind, numbers) in enumerate(sorted(kinds.items())):
        for index, k in enumerate(numbers):
            points.append((kind, k, actions[(index + offset) % len(actions)]))
    return points


def faults_at(
    calls: dict[str, list[str]], actions: Sequence[str], kinds: Sequence[str]
) -> list[Fault]:
    """A fault at the first, a middle and the last call of each kind the command makes (write, SQL
    write, fsync, replace, rename); the actions rotate so that each is met at each kind."""
    points = {}
    for kind in kinds:
        count = len(calls.get(kind, []))
        if count:
            points[kind] = spread(count)
    return [Fault(kind, k, action) for kind, k, action in rotated(points, actions)]


# -- the commands faulted, on a case's own copy -------------------------------------------------------


def restore_command(ward: FaultWard) -> Command:
    return lambda case: ("restore", str(ward.backup))


def backup_command(case: Case) -> tuple[str, ...]:
    return ("backup", "--to", str(case.usb))


def import_command(forms: Sequence[Path]) -> Command:
    return lambda case: ("values", "import", "--year", "2026", "--quarter", "4", *map(str, forms))


def issue_command(case: Case) -> tuple[str, ...]:
    """Issuing the third Kế hoạch, its copy written onto the USB folder."""
    out = case.usb / "ke-hoach.pdf"
    return ("document", "plan", "--issue", "--confirm", "--date", "09/07/2025", "--out", str(out))


def in_data(case: Case) -> Sequence[Path]:
    return [case.data]


def on_usb(case: Case) -> Sequence[Path]:
    return [case.usb]


def in_data_and_on_usb(case: Case) -> Sequence[Path]:
    return [case.data, case.usb]
