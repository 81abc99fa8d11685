"""The frozen app: build the one-folder bundle with PyInstaller and run its ``--self-test``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_one_folder_build_passes_its_self_test(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="the test extra installs PyInstaller")
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "build" / "thidua.spec")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    executable = dist / "ThiDua" / ("ThiDua.exe" if sys.platform == "win32" else "ThiDua")
    assert executable.exists()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "THIDUA_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [str(executable), "--self-test"], capture_output=True, text=True, env=env,
        timeout=300, check=False,
    )
    # A windowed Windows build has no console: it writes its line beside the program instead.
    said = result.stdout or (executable.with_name("thidua-selftest.txt").read_text("utf-8"))
    assert result.returncode == 0, said + result.stderr
    assert "THIDUA SELF-TEST OK" in said
    # The bundle carries the data the app reads at run time.
    internal = dist / "ThiDua" / "_internal"
    assert (internal / "resources" / "catalogue" / "plan.json").exists()
    assert (internal / "desktop" / "storage" / "migrations" / "versions").is_dir()
    # Qt's own words in Vietnamese, compiled by the spec (the .ts source stays out).
    assert (internal / "resources" / "translations" / "qtbase_vi.qm").is_file()
    assert not (internal / "resources" / "translations" / "qtbase_vi.ts").exists()
    assert not list(internal.rglob("*Qt6WebEngine*")), "WebEngine must not be bundled"
    shutil.rmtree(dist, ignore_errors=True)
