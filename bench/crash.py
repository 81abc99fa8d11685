"""Benchmark: random SIGKILLs during the long operations, then the next start's recovery and check.

Run by hand (not collected by pytest)::

    python bench/crash.py [--kills N] [--units N] [--forms N] [--only OP,…] [--seed S] [--keep DIR]

For each operation — a values import of many returned forms, a synthetic ward's build (``demo
--units``), a backup, a restore — each kill runs the command on a fresh copy of the data folder
(through ``tests/faults/inject.py``, which notes the rows of every table after each commit), kills
it with SIGKILL at a random moment of its clean duration, then starts again (``check``: the lock,
the start-up recovery, the file's check). Printed per operation:

- kills: processes really killed (a run that ended before its moment is not counted);
- recoveries: next starts that rolled a restore forward or back or swept a crash's debris;
- integrity failures: next starts whose ``check`` did not find the file whole, or a file on the
  USB named like a backup that ``restore --test`` refuses (target 0);
- lost committed rows: rows that a commit of the killed process had made durable and that the
  next start no longer has (a restore: rows in neither the old nor the restored data) (target 0);
- debris left: ``.part`` files, ``.backup-*`` / ``.restore-*`` folders, anything in ``.tmp/``,
  ``thidua-verify-*`` or anything else in the command's own system temporary folder, after the
  next start (and, for a backup, after the next backup to the same USB folder) (target 0).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import load_workbook  # noqa: E402

from desktop.excel.values_forms import FIRST_ROW, NOTE_COL, NUMERATOR_COL, SHEET  # noqa: E402
from tests.faults import harness  # noqa: E402

TODAY = harness.TODAY
OPERATIONS = ("import", "demo", "backup", "restore")


@dataclass
class Tally:
    kills: int = 0
    recoveries: int = 0
    integrity_failures: int = 0
    lost_rows: int = 0
    debris: int = 0
    finished_first: int = 0  # runs that ended before their moment (not kills)
    notes: list[str] = field(default_factory=list)


def cli(data: Path, *args: str, temp: Path, commits: Path | None = None) -> subprocess.Popen[str]:
    extra = {"THIDUA_FAULT_UNDER": str(data)}
    if commits is not None:
        extra["THIDUA_FAULT_COMMITS"] = str(commits)
    return subprocess.Popen(
        harness.command(data, *args),
        cwd=ROOT,
        env=harness.environment(temp, extra),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=3600)
    return process.returncode, out + err


def counts(data: Path) -> dict[str, int]:
    state = harness.snapshot(data)
    return {table: len(rows) for table, rows in state.rows.items()}


def last_commit(commits: Path) -> dict[str, int]:
    if not commits.exists():
        return {}
    lines = [line for line in commits.read_text().splitlines() if line.strip()]
    return json.loads(lines[-1]) if lines else {}


@dataclass(frozen=True)
class Operation:
    """One long operation: its command on a copy, where it starts from, how its losses count."""

    name: str
    args: Callable[[Path, Path], tuple[str, ...]]  # (data folder, usb folder) -> arguments
    source: Path | None  # the data folder copied for each run (None: an empty folder)
    grows: bool  # only adds rows: what a commit made durable must all be there after the kill


def lost_rows(
    op: Operation, committed: dict[str, int], seen: dict[str, int], ends: list[dict[str, int]]
) -> int:
    if op.grows:
        return sum(max(0, n - seen.get(table, 0)) for table, n in committed.items())
    # Replaces or adds to the data as a whole: the rows are those of one of its ends.
    if any(all(seen.get(t, 0) >= n for t, n in end.items()) for end in ends):
        return 0
    return min(sum(max(0, n - seen.get(t, 0)) for t, n in end.items()) for end in ends)


def run_kills(
    op: Operation, kills: int, work: Path, rng: random.Random, ends: list[dict[str, int]]
) -> Tally:
    tally = Tally()
    # The clean duration, on a copy of its own: the kills fall anywhere inside it.
    clean_data, clean_usb = fresh(op, work / f"{op.name}-clean")
    started = time.perf_counter()
    code, said = finished(
        cli(clean_data, *op.args(clean_data, clean_usb), temp=work / f"{op.name}-clean-tmp")
    )
    duration = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"{op.name}: the clean run failed ({code}): {said[-400:]}")
    ends.append(counts(clean_data))
    attempt = 0
    while tally.kills < kills and attempt < kills * 3:
        attempt += 1
        here = work / f"{op.name}-{attempt}"
        data, usb = fresh(op, here)
        commits = here / "commits.jsonl"
        temps = [here / "tmp-run", here / "tmp-next", here / "tmp-after"]
        moment = rng.uniform(0.05, 0.95) * duration
        process = cli(data, *op.args(data, usb), temp=temps[0], commits=commits)
        time.sleep(moment)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        code, _ = finished(process)
        if code != -signal.SIGKILL:
            tally.finished_first += 1
            shutil.rmtree(here, ignore_errors=True)
            continue
        tally.kills += 1
        checking = cli(data, "check", temp=temps[1])
        check_out, check_err = checking.communicate(timeout=3600)
        nothing_made = op.source is None and not (data / "thidua.sqlite3").exists()
        if nothing_made:  # killed before the file was made: the start refuses a folder with no data
            pass
        elif checking.returncode != 0 or "toàn vẹn" not in check_out:
            tally.integrity_failures += 1
            tally.notes.append(
                f"{op.name} kill {tally.kills} at {moment:.1f} s: {(check_out + check_err).strip()[:300]}"
            )
        # The start says on stderr what it did; a stale lock taken over is not a recovery.
        if any(line and "tiếp quản" not in line for line in check_err.splitlines()):
            tally.recoveries += 1
        if op.name == "backup":
            for refused in bad_backups(data, usb, here / "tmp-trial"):
                tally.integrity_failures += 1
                tally.notes.append(f"backup kill {tally.kills} at {moment:.1f} s: {refused}")
            finished(cli(data, *op.args(data, usb), temp=temps[2]))  # the USB's next use sweeps it
        tally.lost_rows += lost_rows(op, last_commit(commits), counts(data), ends)
        left = harness.debris(data, [usb]) + [p for t in temps for p in harness.debris(data, (), t)]
        left = sorted(set(left))
        tally.debris += len(left)
        if left:
            tally.notes.append(f"{op.name} kill {tally.kills} at {moment:.1f} s left: {left[:4]}")
        shutil.rmtree(here, ignore_errors=True)
    return tally


def bad_backups(data: Path, usb: Path, temp: Path) -> list[str]:
    """What ``restore --test`` says of each file on the USB named like a backup that it refuses."""
    bad = []
    for backup in harness.backups_in(usb):
        code, said = finished(cli(data, "restore", "--test", str(backup), temp=temp))
        if code != 0:
            bad.append(f"{backup.name}: {said.strip()[:300]}")
    return bad


def fresh(op: Operation, here: Path) -> tuple[Path, Path]:
    shutil.rmtree(here, ignore_errors=True)
    here.mkdir(parents=True)
    data = here / "data"
    if op.source is not None:
        shutil.copytree(op.source, data, ignore=shutil.ignore_patterns("logs"))
    usb = here / "usb"
    usb.mkdir()
    return data, usb


def prepare(work: Path, units: int, forms: int) -> tuple[Path, Path, list[Path]]:
    """The synthetic ward, its backup, and ``forms`` of its collection forms filled in."""
    ward, usb, form_dir = work / "ward", work / "ward-usb", work / "forms"
    if not (ward / "thidua.sqlite3").exists():
        step(ward, "demo", "--units", str(units), temp=work / "tmp")
    usb.mkdir(exist_ok=True)
    if not harness.backups_in(usb):
        step(ward, "backup", "--to", str(usb), temp=work / "tmp")
    if not form_dir.exists():
        codes = [f"DV{n:05d}" for n in range(1, forms + 1)]
        unit_args = [a for code in codes for a in ("--unit", code)]
        step(
            ward,
            "values",
            "forms",
            "--year",
            "2026",
            "--quarter",
            "4",
            "--out",
            str(form_dir),
            *unit_args,
            temp=work / "tmp",
        )
        for form in sorted(form_dir.glob("*.xlsx")):
            fill(form)
    (backup,) = harness.backups_in(usb)
    # Restoring the backup over data that moved on: a few more values after it.
    return ward, backup, sorted(form_dir.glob("*.xlsx"))


def fill(form: Path) -> None:
    workbook = load_workbook(form)
    sheet = workbook[SHEET]
    row = FIRST_ROW
    while sheet.cell(row=row, column=2).value:
        denominator = sheet.cell(row=row, column=NUMERATOR_COL + 1).value
        if isinstance(denominator, int) and denominator > 0:
            sheet.cell(row=row, column=NUMERATOR_COL, value=max(0, denominator - 1))
            sheet.cell(row=row, column=NOTE_COL, value="Số liệu đã rà soát")
        row += 1
    workbook.save(form)


def step(data: Path, *args: str, temp: Path) -> None:
    code, said = finished(cli(data, *args, temp=temp))
    if code != 0:
        raise SystemExit(f"preparing the ward: {' '.join(args)} exited {code}: {said[-400:]}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=20, help="kills per operation (default 20)")
    parser.add_argument(
        "--units", type=int, default=2000, help="units of the synthetic ward (default 2000)"
    )
    parser.add_argument(
        "--forms", type=int, default=200, help="returned forms imported (default 200)"
    )
    parser.add_argument(
        "--only", default=",".join(OPERATIONS), help="operations, e.g. import,restore"
    )
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--keep", help="build (or reuse) the ward in this folder")
    args = parser.parse_args()
    os.environ["THIDUA_TODAY"] = TODAY
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-crash-"))
    started = time.perf_counter()
    ward, backup, forms = prepare(work, args.units, args.forms)
    print(
        f"ward: {args.units} units, {len(forms)} returned forms, prepared in {time.perf_counter() - started:.0f} s"
    )
    import_args = ("values", "import", "--year", "2026", "--quarter", "4", *map(str, forms))
    operations = {
        "import": Operation("import", lambda d, u: import_args, ward, grows=True),
        "demo": Operation(
            "demo", lambda d, u: ("demo", "--units", str(args.units)), None, grows=True
        ),
        "backup": Operation("backup", lambda d, u: ("backup", "--to", str(u)), ward, grows=False),
        "restore": Operation(
            "restore", lambda d, u: ("restore", "--confirm", str(backup)), ward, grows=False
        ),
    }
    rng = random.Random(args.seed)
    print(
        f"{'operation':<10}{'kills':>7}{'recoveries':>12}{'integrity failures':>20}{'lost committed rows':>21}{'debris left':>13}"
    )
    totals = Tally()
    notes: list[str] = []
    for name in args.only.split(","):
        op = operations[name]
        ends = [counts(ward)] if op.source is not None else []
        began = time.perf_counter()
        tally = run_kills(op, args.kills, work / "runs", rng, ends)
        print(
            f"{name:<10}{tally.kills:>7}{tally.recoveries:>12}{tally.integrity_failures:>20}"
            f"{tally.lost_rows:>21}{tally.debris:>13}   ({time.perf_counter() - began:.0f} s, "
            f"{tally.finished_first} runs ended before their moment)"
        )
        for key in ("kills", "recoveries", "integrity_failures", "lost_rows", "debris"):
            setattr(totals, key, getattr(totals, key) + getattr(tally, key))
        notes += tally.notes
    print(
        f"{'all':<10}{totals.kills:>7}{totals.recoveries:>12}{totals.integrity_failures:>20}"
        f"{totals.lost_rows:>21}{totals.debris:>13}   (target: 0 integrity failures, 0 lost rows, 0 debris)"
    )
    for note in notes[:20]:
        print(f"  {note}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if not (totals.integrity_failures or totals.lost_rows or totals.debris) else 1


if __name__ == "__main__":
    raise SystemExit(main())
