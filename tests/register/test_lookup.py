"""A unit code is found the same way everywhere: trimmed, without case."""

from __future__ import annotations

import pytest

from desktop.register.lookup import unit_by_code, unit_ids_by_code
from desktop.register.rules import RegisterError


def test_codes_are_found_without_case_and_spaces(demo_db) -> None:
    with demo_db.session() as session:
        unit = unit_by_code(session, " tdp01 ")
        assert unit.code == "TDP01"
        assert unit_ids_by_code(session, ["TDP01", "tdp01"]) == [unit.id, unit.id]


def test_an_unknown_code_is_refused_by_name(demo_db) -> None:
    with demo_db.session() as session, pytest.raises(RegisterError, match="XYZ9"):
        unit_ids_by_code(session, ["TDP01", "xyz9"])
