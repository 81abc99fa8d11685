"""A short command imports only what it uses: the parser is built from the table of commands.

Each case runs the command line in a new process and reads which modules it had imported by the
end (``sys.modules``): the help must not load the database layer, ``info`` must not load the
PDF or Excel libraries, and no command loads another command's module.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.commands import BY_NAME, COMMAND_MODULES

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("reportlab", "openpyxl", "cryptography", "PySide6", "alembic", "pypdfium2", "PIL")

LIST_MODULES = """
import json, sys
from desktop.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(sorted(sys.modules), out)
"""


def modules_after(tmp_path: Path, *args: str) -> set[str]:
    listing = tmp_path / "modules.json"
    result = subprocess.run(
        [sys.executable, "-c", LIST_MODULES, str(listing), *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return set(json.loads(listing.read_text(encoding="utf-8")))


def loaded(modules: set[str], *packages: str) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in packages)


def other_commands(modules: set[str], own: str | None) -> list[str]:
    return sorted(m for m in modules if m in COMMAND_MODULES and m != own)


def test_help_loads_neither_the_database_nor_any_command(tmp_path: Path) -> None:
    modules = modules_after(tmp_path, "--help")
    assert loaded(modules, *HEAVY, "sqlalchemy", "sqlmodel", "pydantic") == []
    assert other_commands(modules, None) == []


@pytest.mark.parametrize("command", ["info", "check"])
def test_info_and_check_load_no_pdf_excel_or_backup_library(tmp_path: Path, command: str) -> None:
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "init"]) == 0  # created and migrated (Alembic) once
    modules = modules_after(tmp_path, "--data-dir", str(data), command)
    assert loaded(modules, *HEAVY) == []
    assert other_commands(modules, BY_NAME[command].module) == []


def test_a_command_help_loads_only_its_own_module(tmp_path: Path) -> None:
    modules = modules_after(tmp_path, "demo", "--help")
    assert "desktop.commands.basic" in modules
    assert other_commands(modules, "desktop.commands.basic") == []
    assert loaded(modules, *HEAVY, "sqlalchemy", "sqlmodel") == []
