"""``ThiDua --self-test``: prove that a build works on this machine, step by step.

In a scratch data folder it runs each of :data:`STEPS` (database with the demo ward and its checks,
the main window with every page, …). It prints one line
(``THIDUA SELF-TEST OK …``) and exits 0, or names the failing step and exits 1.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path


def _database(folder: Path) -> str:
    from desktop.demo import build_demo_ward
    from desktop.storage import Database

    db = Database.open(folder / "thidua.sqlite3")
    try:
        build_demo_ward(db)
        problems = db.integrity_problems()
        if problems:
            raise RuntimeError("; ".join(problems))
        return f"schema {db.schema_revision()}"
    finally:
        db.close()


def _window(folder: Path) -> str:
    from desktop.context import AppContext
    from desktop.ui.app import make_application
    from desktop.ui.main_window import MainWindow
    from desktop.ui.pages import PAGES

    app = make_application()
    ctx = AppContext.from_args(folder)
    try:
        window = MainWindow(ctx)
        window.start()
        for row, spec in enumerate(PAGES):
            window.navigation.setCurrentRow(row)
            app.processEvents()
            if window.stack.currentWidget().objectName() != f"page_{spec.key}":
                raise RuntimeError(f"trang “{spec.title}” không mở được")
        window.close()
        return f"{len(PAGES)} trang"
    finally:
        ctx.close()


STEPS: list[tuple[str, Callable[[Path], str]]] = [
    ("cơ sở dữ liệu", _database),
    ("cửa sổ chính", _window),
]


def main() -> int:
    scratch = Path(tempfile.mkdtemp(prefix="thidua-selftest-"))
    results = []
    started = time.perf_counter()
    try:
        for name, step in STEPS:
            try:
                results.append(f"{name}: {step(scratch)}")
            except Exception:
                _say(f"THIDUA SELF-TEST FAILED at step “{name}”\n{traceback.format_exc()}")
                return 1
        elapsed = time.perf_counter() - started
        _say(f"THIDUA SELF-TEST OK in {elapsed:.1f} s — " + "; ".join(results))
        return 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _say(text: str) -> None:
    stream = sys.stdout if sys.stdout is not None else None
    if stream is not None:
        print(text, flush=True)
    else:  # a windowed build on Windows has no console: leave the line beside the program
        Path(sys.executable).with_name("thidua-selftest.txt").write_text(text, encoding="utf-8")
