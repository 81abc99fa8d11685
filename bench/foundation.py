"""Benchmark of the foundation (run by hand: ``python bench/foundation.py``; prints figures).

1. Builds the 5,000-unit × 12-indicator × 24-quarter synthetic ward and prints the build time and
   the file size.
2. Times, as whole processes, a bare PySide6 window and ThiĐua's main window over that ward, from
   process start until the window is on screen with its first page filled (median of five runs).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.show()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def time_process(args: list[str], runs: int = 5) -> dict[str, float]:
    """Median seconds from process start to each line ("shown", "ready") the process prints."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    seen: dict[str, list[float]] = {}
    for _ in range(runs):
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        assert process.stdout is not None
        for line in process.stdout:
            seen.setdefault(line.strip(), []).append(time.perf_counter() - started)
        assert process.wait() == 0
    assert "shown" in seen, seen
    return {key: statistics.median(values) for key, values in seen.items()}


def main() -> None:
    from desktop.demo.ward import SyntheticSize, build_synthetic_ward
    from desktop.storage import Database

    with tempfile.TemporaryDirectory() as folder:
        os.environ["THIDUA_DATA_DIR"] = folder
        path = Path(folder) / "thidua.sqlite3"
        started = time.perf_counter()
        db = Database.open(path)
        count = build_synthetic_ward(db, SyntheticSize(5000, 2025, 2030, 12))
        build = time.perf_counter() - started
        db.close()
        print(f"synthetic ward: 5000 units, {count:,} quarterly values")
        print(f"  build time          {build:8.2f} s")
        print(f"  file size           {path.stat().st_size / 1e6:8.1f} MB")

        bare = time_process([sys.executable, "-c", BARE_WINDOW])
        app = time_process(
            [sys.executable, "-c", "import sys; from desktop.ui.app import main; "
             f"sys.exit(main(['--data-dir', {folder!r}, '--quit-after-show']))"]
        )
        print("process start → window on screen (median of 5)")
        print(f"  bare PySide6 window {bare['shown']:8.2f} s")
        print(
            f"  ThiĐua main window  {app['shown']:8.2f} s   (target < 0.8 s; "
            f"{app['shown'] / bare['shown']:.1f}× the bare window)"
        )
        print(
            f"  … first page filled {app['ready']:8.2f} s   (Việc cần làm over the 5,000 units; "
            f"{app['ready'] / bare['shown']:.1f}× the bare window)"
        )


if __name__ == "__main__":
    main()
