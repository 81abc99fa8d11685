"""Benchmark of the tổng kết report (run by hand: ``python bench/review.py``; not collected by pytest).

Target (issue #16): the tổng kết 2030 report over a 5,000-unit × 6-year ward renders within 2 s
in-app — gathering its figures (six years of results, unit kinds, activities, initiatives, the
award register, the round's proposals) and laying out the PDF, as "Xem trước" does. Also printed:
the ratio to the yearly indicator report (Báo cáo kết quả năm 2030) over the same ward.
The ward: desktop/demo/ward.py build_synthetic_ward (6 indicators, every quarter 2025–2030) and
desktop/demo/synthetic_movement.py (about 3,000 activities, 300 initiatives, 27,000 commitments,
the yearly rounds' awards and the tổng kết round's dossiers).
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

from desktop.demo.synthetic_movement import MovementSize, add_synthetic_movement
from desktop.demo.ward import SyntheticSize, build_synthetic_ward
from desktop.documents.common import DocumentRequest
from desktop.documents.service import lay_out, prepare
from desktop.storage import Database
from desktop.text.wording import decimal

UNITS, FIRST, LAST = 5000, 2025, 2030
TARGET = 2.0
RUNS = 5


def timed(runs: int, action: Callable[[], object]) -> tuple[float, float, object]:
    """(median, best, last result) of ``runs`` runs, in seconds."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), result


def ward(folder: Path) -> Database:
    db = Database.open(folder / "tong-ket.sqlite3")
    started = time.perf_counter()
    values = build_synthetic_ward(db, SyntheticSize(UNITS, FIRST, LAST, indicators=6))
    add_synthetic_movement(db, MovementSize(FIRST, LAST))
    print(
        f"Phường tổng hợp: {UNITS} đơn vị × {LAST - FIRST + 1} năm, {values} số liệu quý, "
        f"dựng trong {decimal(time.perf_counter() - started)} s"
    )
    return db


def bench(db: Database, request: DocumentRequest, name: str) -> tuple[float, float]:
    """Median of gather+render (and of gather alone), printed."""
    with db.session() as session:
        prepare(session, request)  # warm the caches a clerk's second preview would have
        gather, _, prepared = timed(RUNS, lambda: prepare(session, request))
        whole, best, pdf = timed(RUNS, lambda: lay_out(session, prepare(session, request)))
    pages = bytes(pdf).count(b"/Type /Page\n")  # type: ignore[arg-type]
    print(
        f"{name}: số liệu {gather * 1000:6.0f} ms, số liệu + dàn trang {whole * 1000:6.0f} ms "
        f"(trung vị {RUNS} lần, tốt nhất {best * 1000:.0f}), {pages} trang, "
        f"{decimal(len(pdf) / 1e6, 2)} MB"  # type: ignore[arg-type]
    )
    del prepared
    return whole, gather


def main() -> None:
    if hasattr(os, "getloadavg"):
        print(f"Tải máy (1 phút): {decimal(os.getloadavg()[0])} trên {os.cpu_count()} lõi")
    with tempfile.TemporaryDirectory() as tmp:
        db = ward(Path(tmp))
        review, _ = bench(db, DocumentRequest("review", period=f"{FIRST}-{LAST}"), "Tổng kết 2030")
        yearly, _ = bench(db, DocumentRequest("report", year=LAST), "Báo cáo kết quả năm 2030")
        verdict = "ĐẠT" if review < TARGET else "CHƯA ĐẠT"
        print(
            f"Tổng kết 2030: {decimal(review, 2)} s — mục tiêu < {TARGET:.0f} s: {verdict}; "
            f"bằng {decimal(review / yearly, 2)} lần báo cáo kết quả năm 2030 ({decimal(yearly, 2)} s)"
        )
        db.close()


if __name__ == "__main__":
    main()
