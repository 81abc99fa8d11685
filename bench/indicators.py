"""Benchmark of quarterly indicators (run by hand: ``python bench/indicators.py``; prints figures).

On the 5,000-unit × 12-indicator × 24-quarter synthetic ward (1.44 M values) it times:

1. opening a quarter's grid in the entry tab, painted — target < 0.3 s;
2. one saved cell (check, save with audit, commit) through the door — target < 20 ms — and what it
   asks of SQLite (statements and transactions);
3. the ward results of a year (each unit's latest report, with coverage) — target < 80 ms;
4. the ``sqlite3`` command-line shell running the same aggregate query on the same file, as a whole
   process — the yardstick the results are compared with.

Pass ``--keep DIR`` to build the ward once into DIR and reuse it on later runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3 as sqlite3_module
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

YEAR, QUARTER = 2027, 2


def timed(function: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    """(median, worst) seconds of ``runs`` calls after one warm-up call."""
    function()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), max(times)


def ward_query(year: int) -> str:
    """The year's aggregate as plain SQL: each unit's latest report of the year, summed per
    indicator, unit kind and quarter over the units expected at the year's end — what
    ``ward_results`` sends, written by hand."""
    period = year * 10 + 4
    return (
        "SELECT l.indicator_id, u.kind, l.q, SUM(l.n), SUM(l.d), COUNT(*) FROM ("
        "SELECT indicator_id, unit_id, MAX(quarter) AS q, numerator AS n, denominator AS d "
        f"FROM quartervalue WHERE year = {year} AND quarter BETWEEN 1 AND 4 "
        "AND numerator IS NOT NULL AND denominator > 0 GROUP BY indicator_id, unit_id) AS l "
        f"JOIN unit AS u ON u.id = l.unit_id WHERE u.reports_from <= {period} "
        f"AND (u.stopped_from IS NULL OR u.stopped_from > {period}) "
        "GROUP BY l.indicator_id, u.kind, l.q;"
    )


def build(folder: Path) -> Path:
    from desktop.demo.ward import SyntheticSize, build_synthetic_ward
    from desktop.storage import Database

    path = folder / "thidua.sqlite3"
    if path.exists():
        print(f"ward reused: {path}")
        return path
    started = time.perf_counter()
    db = Database.open(path)
    count = build_synthetic_ward(db, SyntheticSize(5000, 2025, 2030, 12))
    db.close()
    print(
        f"synthetic ward: 5000 units, {count:,} quarterly values, built in {time.perf_counter() - started:.1f} s"
    )
    return path


def bench(path: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from desktop.context import AppContext
    from desktop.indicators import ops
    from desktop.indicators.results import ward_results
    from desktop.indicators.rules import Pair
    from desktop.indicators.values import ValueChange
    from desktop.storage import Database
    from desktop.ui.indicators.values_entry import QuarterEntry

    app = QApplication.instance() or QApplication([])
    ctx = AppContext.from_args(path.parent)
    entry = QuarterEntry(ctx)
    entry.resize(1300, 800)
    entry.show()
    entry.year.setValue(YEAR)
    app.processEvents()
    model = entry.model
    quarters = iter(range(10_000))

    def open_grid() -> None:
        # Switch quarter in the tab, as the clerk does, until the grid is painted.
        entry.quarter.setCurrentIndex(next(quarters) % 4)
        app.processEvents()

    median, worst = timed(open_grid)
    print(
        f"open a quarter's grid in the entry tab ({model.rowCount()} units × "
        f"{model.columnCount() // 2} indicators, painted): median {median * 1000:.0f} ms, "
        f"worst {worst * 1000:.0f} ms (target < 300 ms)"
    )

    assert model.grid is not None
    unit = model.grid.units[17]
    indicator = next(i for i in model.grid.indicators if model.grid.reports(unit, i))
    numbers = iter(range(1, 1000))

    def save_one() -> None:
        change = ValueChange(unit.id, indicator.id, Pair(next(numbers), 2000))
        # What the grid runs for a typed cell; a big jump would ask for a note, so none is asked.
        ctx.door.run(ops.save_cells(YEAR, QUARTER, [change], "bench", ask_note=False))

    median, worst = timed(save_one, runs=21)
    print(
        f"one saved cell (checks, audit, commit): median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms (target < 20 ms)"
    )
    statements: list[str] = []

    def count(_conn, _cursor, sql, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
        statements.append(sql.strip())

    event.listen(ctx.db.engine, "before_cursor_execute", count)
    save_one()
    event.remove(ctx.db.engine, "before_cursor_execute", count)
    print(
        f"  … SQL of one saved cell: {len(statements)} statements in "
        f"{statements.count('BEGIN')} transaction(s)"
    )

    def results_of_year() -> None:
        with ctx.db.session() as session:
            ward_results(session, YEAR)

    median, worst = timed(results_of_year)
    with ctx.db.session() as session:
        rows = ward_results(session, YEAR)
    print(
        f"ward results of year {YEAR} (each unit's latest report, coverage, the units missing "
        f"named): median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms (target < 80 ms)"
    )
    print(
        "  … coverage: "
        + ", ".join(f"{r.code} {r.reported_units}/{r.expected_units}" for r in rows[:4])
        + " …"
    )
    anchor = median

    # The same ward with 2 % of the units late in the fourth quarter and 0,2 % silent all year:
    # the units not reported are then named, and the late ones' earlier reports read.
    late = path.with_name("late.sqlite3")
    shutil.copyfile(path, late)
    with closing(sqlite3_module.connect(late)) as connection, connection:
        connection.execute(
            f"DELETE FROM quartervalue WHERE year = {YEAR} AND quarter = 4 AND unit_id % 50 = 0"
        )
        connection.execute(f"DELETE FROM quartervalue WHERE year = {YEAR} AND unit_id % 500 = 7")
    late_db = Database.open(late)
    with late_db.session() as session:
        year_late = timed(lambda: ward_results(session, YEAR))
        quarter_late = timed(lambda: ward_results(session, YEAR, 4))
        missing = sum(len(r.missing_units) for r in ward_results(session, YEAR, 4))
    late_db.close()
    print(
        f"  … with 2 % of the units late: the year median {year_late[0] * 1000:.0f} ms (worst "
        f"{year_late[1] * 1000:.0f}); quarter 4, {missing} units not reported named: median "
        f"{quarter_late[0] * 1000:.0f} ms (worst {quarter_late[1] * 1000:.0f})"
    )

    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        print("sqlite3 command-line shell not found (apt-get install sqlite3) — yardstick skipped")
    else:
        query = ward_query(YEAR)
        median, worst = timed(
            lambda: subprocess.run([sqlite3, str(path), query], check=True, capture_output=True)
        )
        print(
            f"sqlite3 shell, same aggregate on the same file, whole process: median {median * 1000:.0f} ms, "
            f"worst {worst * 1000:.0f} ms; ward results / shell = {anchor / median:.2f}"
        )
    ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder to build the ward into once and reuse")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        bench(build(args.keep))
        return
    with tempfile.TemporaryDirectory() as folder:
        bench(build(Path(folder)))


if __name__ == "__main__":
    main()
