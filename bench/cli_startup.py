"""Start-up of the command line, side by side with LibreOffice (run by hand; prints figures).

``python bench/cli_startup.py [--runs N]`` builds a 60-unit ward in a scratch folder, writes the
year's report table to .xlsx with the app's own ``--xlsx`` output, then times as whole processes,
in turn (A B A B …, so that a machine whose speed drifts moves both alike):

A. ``python -m desktop --data-dir D document report --year 2025 --out R.pdf``
B. ``soffice --headless --convert-to pdf`` of that same table (the .xlsx), with its own profile.

It prints the median, min and max wall seconds of each and the ratio A/B (median of the pairwise
ratios; the target is at most 0.5), then ``--help`` and ``info`` for reference. Without
LibreOffice it says so and times ThiĐua alone.

The app runs as it is installed: with bytecode caches (written by a first, uncounted run into a
scratch folder, so the checkout is left as it was), as the frozen build and a pip install have.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 0.5
YEAR = "2025"


def app_environment(scratch: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return env


def run(args: Sequence[str], env: dict[str, str]) -> float:
    """Wall seconds of one whole process, from its start until it is reaped."""
    started = time.perf_counter()
    result = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return elapsed


def app(data: Path, *words: str) -> list[str]:
    return [sys.executable, "-m", "desktop", "--data-dir", str(data), *words]


def find_libreoffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def libreoffice(soffice: str, profile: Path, xlsx: Path, out: Path) -> list[str]:
    return [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(xlsx),
    ]


def figures(label: str, seconds: list[float]) -> str:
    return (
        f"  {label:<44} median {statistics.median(seconds):6.3f} s   "
        f"min {min(seconds):6.3f}   max {max(seconds):6.3f}   (n={len(seconds)})"
    )


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--runs", type=int, default=7, help="timed runs of each command")
    runs = options.parse_args().runs
    soffice = find_libreoffice()
    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as folder:
        scratch = Path(folder)
        data, out = scratch / "data", scratch / "out"
        out.mkdir()
        env = app_environment(scratch)
        run(app(data, "demo", "--units", "60", "--years", f"{YEAR}-{YEAR}"), env)
        xlsx = scratch / "bao-cao-60-don-vi.xlsx"
        run(app(data, "document", "report", "--year", YEAR, "--xlsx", str(xlsx)), env)
        report = app(data, "document", "report", "--year", YEAR, "--out", str(out / "r.pdf"))
        convert = (
            libreoffice(soffice, scratch / "lo-profile", xlsx, out / "lo") if soffice else None
        )
        print("ThiĐua: 60-unit ward, report of the year to PDF, whole processes")
        run(report, env)  # writes the bytecode caches; not counted
        if convert is not None:
            run(convert, env)  # creates LibreOffice's profile; not counted
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(runs):
            ours.append(run(report, env))
            if convert is not None:
                theirs.append(run(convert, env))
        print(figures("A  python -m desktop … document report", ours))
        if convert is None:
            print("  B  LibreOffice is not installed (no soffice or libreoffice on PATH): no ratio.")
            print("     Install it (Debian: apt-get install libreoffice-calc-nogui) to compare.")
        else:
            print(figures("B  soffice --headless --convert-to pdf (xlsx)", theirs))
            ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
            ratio = statistics.median(ratios)
            verdict = "within" if ratio <= TARGET_RATIO else "ABOVE"
            print(
                f"  ratio A/B (median of pairs)  {ratio:.2f}   "
                f"(min {min(ratios):.2f}, max {max(ratios):.2f}; {verdict} the target "
                f"{TARGET_RATIO:.1f})"
            )
        print("for reference")
        for label, words in (("python -m desktop --help", ["--help"]), ("… info", ["info"])):
            run(app(data, *words), env)
            print(figures(label, [run(app(data, *words), env) for _ in range(runs)]))


if __name__ == "__main__":
    main()
