"""The layers hold: the domain has no Qt widgets, the GUI opens no session and writes no SQL.

Read from the source as text (every ``import`` and every use of a session or of SQL), so that a
module breaking the rule fails here even if no test happens to import it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "desktop"
UI = PACKAGE / "ui"
TOP_LEVEL_LIMIT = 10
CAPABILITIES = ("register", "indicators", "awards", "documents", "backup")

# What only the storage layer and the domain's operations may touch.
SQL_MODULES = ("sqlalchemy", "sqlmodel", "sqlite3")
SESSION_CALLS = ("session", "begin", "execute", "exec", "exec_driver_sql", "connect")


def _modules(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(ROOT)}:{line}"


def test_the_domain_imports_no_qt_widgets() -> None:
    offenders = [
        f"{_where(path, line)} imports {name}"
        for path in _modules(PACKAGE)
        if UI not in path.parents
        for line, name in _imports(path)
        if name.startswith(("PySide6.QtWidgets", "PySide6.QtGui", "PySide6.QtCharts"))
    ]
    assert offenders == []


def test_the_gui_imports_no_sql() -> None:
    offenders = [
        f"{_where(path, line)} imports {name}"
        for path in _modules(UI)
        for line, name in _imports(path)
        if name.split(".")[0] in SQL_MODULES or name.startswith("desktop.storage.database")
    ]
    assert offenders == []


def test_the_gui_opens_no_session() -> None:
    offenders = []
    for path in _modules(UI):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in SESSION_CALLS
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ("db", "engine", "_db")
            ):
                offenders.append(f"{_where(path, node.lineno)} calls .{node.func.value.attr}.{node.func.attr}()")
            if isinstance(node, ast.Attribute) and node.attr == "engine":
                offenders.append(f"{_where(path, node.lineno)} reaches the engine")
    assert offenders == []


def test_every_capability_has_its_folder_in_the_domain_and_in_the_gui() -> None:
    missing = [
        str(folder.relative_to(ROOT))
        for name in CAPABILITIES
        for folder in (PACKAGE / name, UI / name)
        if not (folder / "__init__.py").is_file()
    ]
    assert missing == []


def test_few_modules_lie_at_the_top_of_the_package() -> None:
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= TOP_LEVEL_LIMIT, top


def test_openpyxl_is_imported_only_by_the_excel_folder() -> None:
    offenders = [
        f"{_where(path, line)} imports {name}"
        for path in _modules(PACKAGE)
        if PACKAGE / "excel" not in path.parents
        for line, name in _imports(path)
        if name.split(".")[0] == "openpyxl"
    ]
    assert offenders == []
