"""The fault-injection harness: run a command with a fault in it, and compare data folders.

- :func:`run` runs ``python -m desktop --data-dir D …`` in a subprocess through
  :mod:`tests.faults.inject`, with one :class:`Fault` (a SIGKILL, an injected ``ENOSPC`` / ``EROFS``
  / ``EACCES``, or a pause) at the k-th call of a kind; :func:`tally` runs it without a fault and
  says which calls it made, so a test can put a fault at each of them.
- :func:`snapshot` reads what the clerk would lose: every row of every table (SQLite opened
  read-only), the files of ``attachments/`` and ``documents/`` by hash, ``window.ini``;
  :func:`differences` says how two snapshots differ.
- :func:`debris` lists what a crash may leave behind and nothing may: scratch folders, ``.part``
  files, the contents of ``.tmp/``, anything in the command's own system temporary folder.
- :func:`message_problems` says why the output of a refused command is not a clerk's message.

Every subprocess gets its own ``TMPDIR``, so that what it leaves in "the system temp" is seen.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"
TIMEOUT = 120
WORKERS = max(
    2, min(6, 2 * (os.cpu_count() or 1))
)  # the commands wait on fsync as much as they compute
EXIT_BUG = 70
# A word with Vietnamese diacritics: the clerk's message, not a Python one.
VIETNAMESE = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I
)
PYTHON_LEAKS = ("Traceback (most recent call last)", "sqlite3.", "sqlalchemy", "Errno", "OSError")
DEBRIS_PREFIXES = (".backup-", ".restore-", ".restore-test-", "thidua-verify-")
T = TypeVar("T")


@dataclass(frozen=True)
class Fault:
    """At the k-th call of ``kind`` (replace, rename, fsync, write, sql), do ``action``."""

    kind: str
    k: int
    action: str  # kill, kill-after, ENOSPC, EROFS, EACCES, pause

    @property
    def spec(self) -> str:
        return f"{self.kind}:{self.k}:{self.action}"

    def __str__(self) -> str:
        return self.spec


@dataclass(frozen=True)
class Result:
    args: tuple[str, ...]
    code: int
    out: str
    err: str
    fault: Fault | None = None

    @property
    def said(self) -> str:
        return self.out + self.err

    @property
    def killed(self) -> bool:
        return self.code == -9

    def __str__(self) -> str:
        return f"{' '.join(self.args)} [{self.fault}] → {self.code}: {self.said.strip()[:600]}"


def environment(temp: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}
    temp.mkdir(parents=True, exist_ok=True)
    env.update(THIDUA_TODAY=TODAY, TMPDIR=str(temp), PYTHONDONTWRITEBYTECODE="1")
    env["PYTHONPATH"] = str(REPO)
    env.update(extra or {})
    return env


def _fault_env(
    fault: Fault | None, under: Sequence[Path], tally_file: Path | None, paused: Path | None
) -> dict[str, str]:
    env = {}
    if fault is not None:
        env["THIDUA_FAULT"] = fault.spec
    if under:
        env["THIDUA_FAULT_UNDER"] = ":".join(str(p) for p in under)
    if tally_file is not None:
        env["THIDUA_FAULT_TALLY"] = str(tally_file)
    if paused is not None:
        env["THIDUA_FAULT_PAUSED"] = str(paused)
    return env


def command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tests.faults.inject", "--data-dir", str(data), *args]


def run(
    data: Path,
    *args: str,
    temp: Path,
    fault: Fault | None = None,
    under: Sequence[Path] = (),
    tally_file: Path | None = None,
    stdin: str = "",
) -> Result:
    """``python -m desktop --data-dir data …`` with the fault; its exit code (-9: killed) and output."""
    env = environment(temp, _fault_env(fault, under, tally_file, None))
    done = subprocess.run(
        command(data, *args),
        cwd=REPO,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Result(tuple(args), done.returncode, done.stdout, done.stderr, fault)


def start(
    data: Path, *args: str, temp: Path, fault: Fault, under: Sequence[Path], paused: Path
) -> subprocess.Popen[str]:
    """The command started and left running (a ``pause`` fault holds it at its k-th call)."""
    env = environment(temp, _fault_env(fault, under, None, paused))
    return subprocess.Popen(
        command(data, *args),
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def tally(
    data: Path, *args: str, temp: Path, under: Sequence[Path]
) -> tuple[Result, dict[str, list[str]]]:
    """Run the command without a fault: its result and the calls it made, per kind, with paths."""
    tally_file = temp.parent / f"{temp.name}-tally.json"
    result = run(data, *args, temp=temp, under=under, tally_file=tally_file)
    calls = json.loads(tally_file.read_text()) if tally_file.exists() else {}
    return result, calls


def start_next(data: Path, temp: Path) -> Result:
    """The next start after a fault: ``check`` (the lock, the start-up recovery, the file's check)."""
    return run(data, "check", temp=temp)


def in_parallel(work: Iterable[T], function: Any) -> list[Any]:
    """``function(item)`` for every item, a few subprocesses at a time (each in its own folders)."""
    with ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(function, work))


def copy_folder(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, symlinks=True)
    return target


# -- state ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class State:
    """What the clerk would lose: rows per table, files by hash, window settings."""

    rows: dict[str, list[tuple[Any, ...]]]
    columns: dict[str, tuple[str, ...]]
    files: dict[str, str]  # "attachments/ab/abcd…" or "documents/….pdf" -> sha256
    window: bytes | None
    database_problem: str = ""

    def masked(self, volatile: set[tuple[str, str]]) -> State:
        """The same state with the columns that differ between two clean runs blanked out."""
        rows = {}
        for table, table_rows in self.rows.items():
            hidden = [i for i, c in enumerate(self.columns[table]) if (table, c) in volatile]
            rows[table] = sorted(
                (tuple("*" if i in hidden else v for i, v in enumerate(r)) for r in table_rows),
                key=repr,
            )
        return State(rows, self.columns, self.files, self.window, self.database_problem)


def _files(root: Path, folder: str) -> dict[str, str]:
    base = root / folder
    if not base.is_dir():
        return {}
    found = {}
    for path in sorted(base.rglob("*")):
        if path.is_file() or path.is_symlink():
            found[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _placed(row: tuple[Any, ...], place: str) -> tuple[Any, ...]:
    """The row with the case's own folder written as ``{case}`` (each copy lives elsewhere) and the
    moments of the clock inside a text (an audit row's JSON, a setting) as ``{moment}``."""
    return tuple(
        MOMENT_INSIDE.sub("{moment}", v.replace(place, "{case}")) if isinstance(v, str) else v
        for v in row
    )


def snapshot(data: Path) -> State:
    """The data folder as it stands (read only: the database is opened with ``mode=ro``).

    Paths inside the case's folder (a safety backup, a document's copy) are compared as
    ``{case}/…``, so that two copies of one ward doing the same thing read the same.
    """
    place = str(data.parent)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    columns: dict[str, tuple[str, ...]] = {}
    problem = ""
    database = data / "thidua.sqlite3"
    if not database.exists():
        problem = "no database"
    else:
        try:
            with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as conn:
                names = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table' "
                        "AND name NOT LIKE 'sqlite_%' ORDER BY name"
                    )
                ]
                for name in names:
                    cursor = conn.execute(f'SELECT * FROM "{name}"')
                    columns[name] = tuple(d[0] for d in cursor.description)
                    rows[name] = sorted((_placed(r, place) for r in cursor), key=repr)
        except sqlite3.DatabaseError as error:
            problem = f"database unreadable: {error}"
    window = data / "window.ini"
    return State(
        rows,
        columns,
        {**_files(data, "attachments"), **_files(data, "documents")},
        window.read_bytes() if window.exists() else None,
        problem,
    )


def differences(a: State, b: State, limit: int = 6) -> list[str]:
    """How ``b`` differs from ``a``, in a few lines (empty: the same state)."""
    lines = []
    if a.database_problem != b.database_problem:
        lines.append(f"database: {a.database_problem or 'ok'} vs {b.database_problem or 'ok'}")
    for table in sorted(set(a.rows) | set(b.rows)):
        left, right = a.rows.get(table), b.rows.get(table)
        if left is None or right is None:
            lines.append(f"table {table} only in {'second' if left is None else 'first'}")
        elif left != right:
            gone = [r for r in left if r not in right]
            new = [r for r in right if r not in left]
            lines.append(f"table {table}: {len(gone)} rows gone, {len(new)} rows new")
    for name in sorted(set(a.files) | set(b.files)):
        if a.files.get(name) != b.files.get(name):
            what = "missing" if name not in b.files else "new" if name not in a.files else "changed"
            lines.append(f"file {name}: {what}")
    if a.window != b.window:
        lines.append("window.ini differs")
    return lines[:limit] + ([f"… and {len(lines) - limit} more"] if len(lines) > limit else [])


MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
MOMENT_INSIDE = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?=\D|$)")


def volatile_columns(*states: State) -> set[tuple[str, str]]:
    """Columns holding moments of the clock (an audit row's time, a backup's date): they differ
    between two runs of one command, and nothing else does; the rows themselves are still compared."""
    found = set()
    for state in states:
        for table, rows in state.rows.items():
            for row in rows:
                for column, value in zip(state.columns[table], row, strict=True):
                    if isinstance(value, str) and MOMENT.match(value):
                        found.add((table, column))
    return found


@dataclass
class Outcomes:
    """The states a faulted command may leave: before it, or after it (up to volatile columns)."""

    before: State
    after: State
    volatile: set[tuple[str, str]] = field(default_factory=set)

    def which(self, state: State) -> str | None:
        """ "before", "after" or None (neither); files compared byte for byte by their hash."""
        seen = state.masked(self.volatile)
        if not differences(self.before.masked(self.volatile), seen):
            return "before"
        if not differences(self.after.masked(self.volatile), seen):
            return "after"
        return None

    def explain(self, state: State) -> str:
        seen = state.masked(self.volatile)
        return (
            f"vs before: {differences(self.before.masked(self.volatile), seen)}; "
            f"vs after: {differences(self.after.masked(self.volatile), seen)}"
        )


# -- what must never be left ----------------------------------------------------------------------


def debris(data: Path, targets: Sequence[Path] = (), temp: Path | None = None) -> list[str]:
    """Everything a crash or a fault left that nobody will remove (must be empty)."""
    found: list[str] = []
    if data.is_dir():
        for item in sorted(data.iterdir()):
            if item.name.startswith(DEBRIS_PREFIXES) or item.name.endswith(".part"):
                found.append(str(item))
        scratch = data / ".tmp"
        if scratch.is_dir():
            found += [str(p) for p in sorted(scratch.iterdir())]
        for folder in ("attachments", "documents"):
            if (data / folder).is_dir():
                for item in sorted((data / folder).rglob("*")):
                    if item.name.startswith((".incoming-", ".")) or item.name.endswith(".part"):
                        found.append(str(item))
    for target in targets:
        if target.is_dir():
            found += [str(p) for p in sorted(target.iterdir()) if p.name.endswith(".part")]
            found += [str(p) for p in sorted(target.iterdir()) if p.name.startswith(".")]
    if temp is not None and temp.is_dir():
        found += [str(p) for p in sorted(temp.iterdir())]
    return sorted(set(found))


def message_problems(result: Result) -> list[str]:
    """Why the output of a command that failed is not a clerk's message (empty: it is one)."""
    problems = []
    if result.code == 0:
        problems.append("exited 0")
    if result.code == EXIT_BUG:
        problems.append("exited 70: treated as a bug")
    if result.code < 0:
        problems.append(f"died of signal {-result.code}")
    said = result.said
    for leak in PYTHON_LEAKS:
        if leak in said:
            problems.append(f"says {leak!r}")
    if not VIETNAMESE.search(said):
        problems.append("no Vietnamese message")
    return problems


def healthy(result: Result) -> bool:
    """``check`` found the file whole (exit 0, "toàn vẹn")."""
    return result.code == 0 and "toàn vẹn" in result.out


def backups_in(folder: Path) -> list[Path]:
    """The files the clerk would take for backups: ``ThiDua-….tdbak``, not hidden.

    A killed backup's hidden ``.part`` is not one of them: the next backup to that folder removes
    it, and :func:`debris` counts it while it is there.
    """
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.name.startswith("ThiDua-") and p.name.endswith(".tdbak")
    )


# -- the ward and its copies ------------------------------------------------------------------------


@dataclass(frozen=True)
class FaultWard:
    """The ward of :mod:`tests.faults.ward`: its data folder, its backup, the returned forms."""

    root: Path
    data: Path
    backup: Path
    forms: tuple[Path, ...]
    before: State


@dataclass(frozen=True)
class Case:
    """One fault's own copy: the data folder, a USB folder, a temporary folder per process."""

    root: Path
    data: Path
    usb: Path

    def temp(self, name: str) -> Path:
        return self.root / f"tmp-{name}"

    def debris(self) -> list[str]:
        found = debris(self.data, [self.usb])
        for temp in sorted(self.root.glob("tmp-*")):
            found += debris(self.data, (), temp)
        return sorted(set(found))


def build_fault_ward(root: Path) -> FaultWard:
    done = subprocess.run(
        [sys.executable, "-m", "tests.faults.ward", str(root)],
        cwd=REPO,
        env=environment(root / "tmp"),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the fault ward was not built: {done.stdout}{done.stderr}")
    (backup,) = backups_in(root / "usb")
    data = root / "data"
    forms = tuple(sorted((root / "forms").glob("*.xlsx")))
    return FaultWard(root, data, backup, forms, snapshot(data))


def new_case(ward: FaultWard, root: Path) -> Case:
    root.mkdir(parents=True, exist_ok=True)
    data = copy_folder(ward.data, root / "data")
    usb = root / "usb"
    usb.mkdir()
    return Case(root, data, usb)
