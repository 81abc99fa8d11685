"""The fault ward, built once per session in its own process; each case works on its own copy;
each faulted command's clean run (where it ends, which calls it makes) is made once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.faults import harness
from tests.faults.harness import Case, FaultWard, State, build_fault_ward, new_case
from tests.faults.outcomes import (
    Reference,
    backup_command,
    import_command,
    in_data,
    in_data_and_on_usb,
    issue_command,
    on_usb,
    reference,
    restore_command,
)


@pytest.fixture(scope="session")
def fault_ward(tmp_path_factory: pytest.TempPathFactory) -> FaultWard:
    return build_fault_ward(tmp_path_factory.mktemp("fault-ward"))


@pytest.fixture(scope="session")
def case(fault_ward: FaultWard, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Case]:
    """``case(name)``: a fresh copy of the fault ward for one case of a test."""
    return lambda name: new_case(fault_ward, tmp_path_factory.mktemp(name, numbered=True))


@pytest.fixture(scope="session")
def restored(fault_ward: FaultWard, case: Callable[[str], Case]) -> Reference:
    """The ward's backup restored over the ward's later data."""
    return reference(fault_ward, case, "restore", restore_command(fault_ward), in_data)


@pytest.fixture(scope="session")
def backed_up(fault_ward: FaultWard, case: Callable[[str], Case]) -> Reference:
    return reference(fault_ward, case, "backup", backup_command, on_usb)


@pytest.fixture(scope="session")
def imported(fault_ward: FaultWard, case: Callable[[str], Case]) -> Reference:
    """The two returned forms imported."""
    return reference(fault_ward, case, "import", import_command(fault_ward.forms), in_data)


@pytest.fixture(scope="session")
def first_form_only(fault_ward: FaultWard, case: Callable[[str], Case]) -> State:
    """The data after importing the first form alone: what a fault in the second may leave."""
    here = case("import-first-form")
    result = harness.run(
        here.data, *import_command(fault_ward.forms[:1])(here), temp=here.temp("run")
    )
    assert result.code == 0, str(result)
    harness.start_next(here.data, here.temp("next"))
    return harness.snapshot(here.data)


@pytest.fixture(scope="session")
def issued(fault_ward: FaultWard, case: Callable[[str], Case]) -> Reference:
    return reference(fault_ward, case, "issue", issue_command, in_data_and_on_usb)
