"""Every document the app prints passes the checker: each kind × state × ward of tests/documents/wards.py.

A failure names the kind, the state and the ward (the test's id, e.g. ``report-2025-issued-demo``)
and lists what the checker measured, page by page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

import pytest

from tests.documents.checker import Profile, State, check_pdf, report
from tests.documents.wards import KINDS, WARDS, PrintedWard, print_ward

CASES = [
    pytest.param(kind.name, state, ward, id=f"{kind.name}-{state}-{ward}")
    for ward in WARDS
    for kind in KINDS
    for state in kind.states
]
PROFILES = {kind.name: kind.profile for kind in KINDS}


@pytest.fixture(scope="session")
def printed_wards(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PrintedWard]:
    """Each ward built and printed once a session (the clerk's day as every test has it)."""
    return {}


def _printed(cache: dict[str, PrintedWard], ward: str, folder: Path) -> PrintedWard:
    if ward not in cache:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("THIDUA_TODAY", "2026-12-01")
            patch.setenv("THIDUA_DATA_DIR", str(folder / "data"))
            cache[ward] = print_ward(ward, folder)
    return cache[ward]


@pytest.mark.parametrize(("kind", "state", "ward"), CASES)
def test_the_document_passes_the_checker(
    kind: str,
    state: str,
    ward: str,
    printed_wards: dict[str, PrintedWard],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    folder = (
        tmp_path_factory.getbasetemp() / f"wards-{ward}"
        if ward in printed_wards
        else tmp_path_factory.mktemp(f"wards-{ward}", numbered=False)
    )
    printed = _printed(printed_wards, ward, folder)
    pdf = printed.documents.get((kind, state))
    assert isinstance(pdf, bytes), f"{kind} ({state}, {ward}) was not printed: {pdf}"
    if os.environ.get("THIDUA_KEEP_PDF"):  # to look at them: THIDUA_KEEP_PDF=/tmp/folder
        keep = Path(os.environ["THIDUA_KEEP_PDF"])
        keep.mkdir(parents=True, exist_ok=True)
        (keep / f"{kind}-{state}-{ward}.pdf").write_bytes(pdf)
    problems = check_pdf(
        pdf, cast(State, state), codes=set(printed.codes), profile=cast(Profile, PROFILES[kind])
    )
    assert not problems, f"{kind} ({state}, {ward}): {report(problems)}"
