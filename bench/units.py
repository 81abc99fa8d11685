"""Benchmark of the "Đơn vị" page (run by hand: ``python bench/units.py [units]``; prints figures).

Fills a register of 20,000 units with varied Vietnamese names (bulk insert: generated data, no
audit), then measures on the offscreen platform:

1. page open: building the page (reading every unit, computing search texts and the Vietnamese
   sort) until it has painted once — target < 0.5 s;
2. each keystroke of a search typed character by character, then erased, including the repaint —
   target < 50 ms per keystroke;
3. re-sorting by a column;
4. exporting the register to Excel and reading it back as the import preview does;
5. importing that file into an empty register through the door (every row through the register's
   create, one transaction).
"""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from desktop.context import AppContext  # noqa: E402
from desktop.indicators.catalogue import load_catalogue  # noqa: E402
from desktop.models import Unit, UnitKind  # noqa: E402
from desktop.models._base import now  # noqa: E402
from desktop.paths import resource_path  # noqa: E402

PREFIX = {
    UnitKind.WARD_OFFICE: "Phòng",
    UnitKind.PUBLIC_SERVICE: "Trung tâm",
    UnitKind.SCHOOL_PRESCHOOL: "Trường Mầm non",
    UnitKind.SCHOOL_PRIMARY: "Trường Tiểu học",
    UnitKind.SCHOOL_LOWER_SECONDARY: "Trường THCS",
    UnitKind.SCHOOL_UPPER_SECONDARY: "Trường THPT",
    UnitKind.BUSINESS: "Công ty TNHH",
    UnitKind.COOPERATIVE: "Hợp tác xã",
    UnitKind.FRONT_ORGANISATION: "Hội",
    UnitKind.RESIDENTIAL_GROUP: "Tổ dân phố",
}
QUERIES = ["truong tieu hoc nguyen", "Công ty TNHH Lê", "tdp so 1234"]


def fill(ctx: AppContext, count: int) -> None:
    data = json.loads(resource_path("catalogue", "demo_ward.json").read_text(encoding="utf-8"))
    rng = random.Random(3)
    kinds = list(UnitKind)
    stamp = now()

    def person() -> str:
        middle = rng.choice(data["middle_names"])
        return f"{rng.choice(data['family_names'])} {middle} {rng.choice(data['first_names'])}"

    rows = []
    for n in range(1, count + 1):
        kind = kinds[n % len(kinds)]
        rows.append(
            {
                "code": f"DV{n:05d}",
                "name": f"{PREFIX[kind]} {person()} số {n}",
                "kind": kind.name,
                "head_name": person(),
                "head_position": "Thủ trưởng",
                "phone": f"0225 3{rng.randint(100000, 999999)}",
                "email": "",
                "address": "Phường Kiến An",
                "active": rng.random() > 0.05,
                "discipline_note": "",
                "note": "",
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
    with ctx.db.session() as session:
        load_catalogue(session)
        session.connection().execute(insert(Unit.__table__), rows)


def open_page(app: QApplication, ctx: AppContext):  # type: ignore[no-untyped-def]
    from desktop.ui.register.units_page import UnitsPage

    started, cpu = time.perf_counter(), time.process_time()
    page = UnitsPage(ctx)
    page.resize(1280, 800)
    page.show()
    app.processEvents()
    page.repaint()
    return page, (time.perf_counter() - started, time.process_time() - cpu)


def keystrokes(app: QApplication, page, query: str) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """(wall, CPU) seconds of each keystroke."""
    times = []
    texts = [query[:n] for n in range(1, len(query) + 1)]
    texts += [query[:n] for n in range(len(query) - 1, -1, -1)]  # then erased, key by key
    for text in texts:
        started, cpu = time.perf_counter(), time.process_time()
        page.search.setText(text)
        page.table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - started, time.process_time() - cpu))
    return times


def figures(pairs: list[tuple[float, float]], scale: float, unit: str, digits: int = 1) -> str:
    """Median and max of wall-clock time, with CPU time beside (the machine may be shared)."""
    wall = [w * scale for w, _ in pairs]
    cpu = [c * scale for _, c in pairs]
    return (
        f"median {statistics.median(wall):.{digits}f} {unit} "
        f"(CPU {statistics.median(cpu):.{digits}f}), "
        f"max {max(wall):.{digits}f} {unit} (CPU {max(cpu):.{digits}f})"
    )


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        ctx = AppContext.from_args(Path(folder))
        started = time.perf_counter()
        fill(ctx, count)
        print(f"register of {count:,} units filled in {time.perf_counter() - started:.2f} s")
        print("load average of the machine: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))

        opens = []
        for _ in range(5):
            page, seconds = open_page(app, ctx)
            opens.append(seconds)
            page.close()
            page.deleteLater()
            app.processEvents()
        print("page open (build + first paint), target < 0.5 s")
        first_wall, first_cpu = opens[0]
        print(f"  first {first_wall:.3f} s (CPU {first_cpu:.3f} s)")
        print(f"  of 5: {figures(opens, 1, 's', 3)}")

        page, _ = open_page(app, ctx)
        print("search, per keystroke (filter + repaint), target < 50 ms")
        for query in QUERIES:
            times = keystrokes(app, page, query)
            print(f"  “{query}”: {len(times)} keys, {figures(times, 1000, 'ms')}")
        # With a unit selected, each keystroke also keeps it selected (and its persons shown).
        target = page.model.row_where(lambda u: u.name.startswith("Trường Tiểu học Nguyễn"))
        page.select(page.model.rows[target].id)
        times = keystrokes(app, page, QUERIES[0])
        print(f"  “{QUERIES[0]}” with a unit selected: {figures(times, 1000, 'ms')}")
        for column, label in ((1, "name"), (3, "head (given name)"), (0, "code")):
            started = time.perf_counter()
            page.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            app.processEvents()
            print(f"sort by {label:<18} {(time.perf_counter() - started) * 1000:7.1f} ms")
        excel_figures(ctx, Path(folder))
        ctx.close()


def excel_figures(ctx: AppContext, folder: Path) -> None:
    """Export the whole register, read and plan it back, then import it into an empty register."""
    from desktop.excel.units_export import export_units
    from desktop.excel.units_import import UNIT_IMPORT, RowStatus
    from desktop.excel.units_read import read_roster

    path = folder / "so-don-vi.xlsx"
    started = time.perf_counter()
    count = ctx.door.read(lambda session: export_units(session, path))
    print(f"export of {count:,} units to Excel {time.perf_counter() - started:7.2f} s")
    started = time.perf_counter()
    roster = read_roster(path)
    read = time.perf_counter() - started
    plan = ctx.door.read(UNIT_IMPORT.preview(roster))
    print(
        f"import preview of the same file: read {read:.2f} s + plan "
        f"{time.perf_counter() - started - read:.2f} s ({plan.summary()})"
    )
    empty = AppContext.from_args(folder / "empty")
    with empty.db.session() as session:
        load_catalogue(session)
    started = time.perf_counter()
    written = empty.door.run(UNIT_IMPORT.operation(roster))
    print(
        f"import of the same file into an empty register (one transaction): "
        f"{time.perf_counter() - started:.2f} s, {written.count(RowStatus.NEW):,} units added"
    )
    empty.close()


if __name__ == "__main__":
    main()
