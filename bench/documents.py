"""Benchmark of the documents (run by hand: ``python bench/documents.py``; not collected by pytest).

Targets (issue #6): the yearly report of a 5,000-unit ward with its annex in under 1.5 s
(LibreOffice converts the same table from xlsx in about 1.9 s), the 60-unit ward's report in under
150 ms. Prints the time of gathering the figures (desktop.indicators.results), of laying out the PDF, and both.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.changes import Door
from desktop.demo.ward import SyntheticSize, build_synthetic_ward
from desktop.documents import ops
from desktop.documents.common import DocumentRequest
from desktop.documents.layout import PageLayout
from desktop.documents.renderer import Issue, render_pdf
from desktop.documents.service import prepare
from desktop.indicators.catalogue import load_catalogue
from desktop.settings import WardSettings
from desktop.storage import Database


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), result


def ward(units: int, folder: Path) -> Database:
    db = Database.open(folder / f"ward-{units}.sqlite3")
    with db.session() as session:
        load_catalogue(session)
    build_synthetic_ward(db, SyntheticSize(units, 2025, 2025, indicators=6))
    return db


def bench_report(units: int, folder: Path, runs: int, target: float) -> None:
    db = ward(units, folder)
    request = DocumentRequest("report", year=2025)
    with db.session() as session:
        gather_best, gather_median, prepared = best_of(runs, lambda: prepare(session, request))
    assert prepared is not None
    layout_best, layout_median, pdf = best_of(
        runs,
        lambda: render_pdf(
            prepared.lines, WardSettings(), PageLayout(), Issue(2025), title=prepared.title
        ),  # type: ignore[attr-defined]
    )
    total = gather_median + layout_median
    best_total = gather_best + layout_best
    pages = bytes(pdf).count(b"/Type /Page\n")  # type: ignore[arg-type]
    verdict = "ĐẠT" if total < target else "CHƯA ĐẠT"
    print(
        f"Báo cáo năm, {units:>5} đơn vị: số liệu {gather_median * 1000:7.0f} ms (tốt nhất {gather_best * 1000:.0f}), "
        f"dàn trang {layout_median * 1000:7.0f} ms (tốt nhất {layout_best * 1000:.0f}), "
        f"tổng {total * 1000:7.0f} ms (tốt nhất {best_total * 1000:.0f}), {pages} trang, {len(pdf) / 1e6:.2f} MB "  # type: ignore[arg-type]
        f"— mục tiêu < {target * 1000:.0f} ms: {verdict}"
    )
    db.close()


def bench_preview(units: int, folder: Path, runs: int) -> None:
    """What "Xem trước" costs on the page: one read through the door, the template filled once.
    Reads the ward that :func:`bench_report` built."""
    db = Database.open(folder / f"ward-{units}.sqlite3")
    door = Door(lambda: db)
    read = ops.draft(DocumentRequest("report", year=2025, quarter=2))
    best, median, shown = best_of(runs, lambda: door.read(read))
    pages = shown.pdf.count(b"/Type /Page\n") if isinstance(shown, ops.Rendered) else 0
    print(
        f"Xem trước báo cáo quý qua cửa, {units} đơn vị: {median * 1000:.0f} ms "
        f"(tốt nhất {best * 1000:.0f}), {pages} trang"
    )
    db.close()


def bench_plan(folder: Path, runs: int) -> None:
    db = Database.open(folder / "plan.sqlite3")
    with db.session() as session:
        load_catalogue(session)
        from desktop.documents.service import render

        best, median, _ = best_of(runs, lambda: render(session, DocumentRequest("plan")))
    print(f"Kế hoạch phát động: {median * 1000:.0f} ms (tốt nhất {best * 1000:.0f})")
    db.close()


def main() -> None:
    if hasattr(os, "getloadavg"):
        # Other work on a shared machine slows every figure; say how busy it was.
        print(f"Tải máy (1 phút): {os.getloadavg()[0]:.1f} trên {os.cpu_count()} lõi")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_plan(folder, 5)
        bench_report(60, folder, 7, 0.150)
        bench_preview(60, folder, 7)
        bench_report(5000, folder, 3, 1.5)


if __name__ == "__main__":
    main()
