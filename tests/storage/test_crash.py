"""Crash safety: a writer killed with SIGKILL at random moments never loses a commit that returned.

A child process opens the database through ``Database.open`` and commits rows in a loop, printing
each key once its commit has returned; the test kills it with SIGKILL at a random moment, then checks
that the file passes the integrity check and holds every printed row.

Starting Python and importing SQLAlchemy for every child would take most of a second; instead one
helper process (run from this file) imports everything once and forks a fresh writer per round. The
writer is still a separate process that opens the database itself and dies by SIGKILL.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.storage import Database

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")

ROOT = Path(__file__).resolve().parents[2]


def _writer(path: Path, round_no: int) -> None:  # runs in the forked child
    from desktop.models import Setting
    from desktop.storage import Database

    db = Database.open(path)
    n = 0
    while True:
        key = f"crash-{round_no}-{n}"
        with db.session() as session:
            session.add(Setting(key=key, value="x" * (n % 200)))
        os.write(1, f"{key}\n".encode())
        n += 1


def _helper(path: Path) -> None:
    """Read round numbers on stdin; fork a writer for each and report its pid."""
    import desktop.models  # import once, before any fork
    import desktop.storage  # noqa: F401

    os.write(1, b"ready\n")
    for line in sys.stdin:
        round_no = int(line)
        pid = os.fork()
        if pid == 0:
            try:
                _writer(path, round_no)
            finally:
                os._exit(1)
        os.write(1, f"pid {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, b"reaped\n")


class Helper:
    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, __file__, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin = self.process.stdin
        self.fd = self.process.stdout.fileno()
        self.buffer = b""
        assert self.read_line(30) == "ready"

    def read_line(self, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def round(self, round_no: int, rng: random.Random) -> list[str]:
        """Start a writer, kill it at a random moment, return the keys it reported committed."""
        self.stdin.write(f"{round_no}\n".encode())
        self.stdin.flush()
        line = self.read_line(30)
        assert line is not None and line.startswith("pid ")
        pid = int(line.split()[1])
        committed: list[str] = []
        # Sometimes during opening, sometimes after a few commits, always mid-stream.
        wanted = rng.choice([0, 0, 1, 3, 10, 30])
        while len(committed) < wanted:
            line = self.read_line(30)
            assert line is not None and line.startswith("crash-"), line
            committed.append(line)
        time.sleep(rng.uniform(0, 0.01))
        os.kill(pid, signal.SIGKILL)
        while (line := self.read_line(30)) != "reaped":
            assert line is not None, "helper stopped answering"
            committed.append(line)  # printed before the kill landed: the commit had returned
        return committed

    def close(self) -> None:
        self.stdin.close()
        self.process.wait(timeout=30)
        assert self.process.stdout is not None
        self.process.stdout.close()


def check(path: Path, expected: set[str]) -> None:
    import sqlite3
    from contextlib import closing

    db = Database.open(path)
    try:
        assert db.integrity_problems() == []
    finally:
        db.close()
    with closing(sqlite3.connect(path)) as conn:
        stored = {r[0] for r in conn.execute("SELECT key FROM setting WHERE key LIKE 'crash-%'")}
    missing = expected - stored
    assert not missing, f"commits lost after SIGKILL: {sorted(missing)[:5]}"


def run_rounds(tmp_path: Path, rounds: int, seed: int) -> int:
    path = tmp_path / "thidua.sqlite3"
    Database.open(path).close()  # created and migrated before the first writer starts
    rng = random.Random(seed)
    helper = Helper(path)
    committed: set[str] = set()
    try:
        for round_no in range(rounds):
            committed.update(helper.round(round_no, rng))
            check(path, committed)
    finally:
        helper.close()
    return len(committed)


def test_a_few_kills(tmp_path: Path) -> None:
    assert run_rounds(tmp_path, rounds=8, seed=1) > 0


@pytest.mark.slow
def test_hundred_and_twenty_kills(tmp_path: Path) -> None:
    assert run_rounds(tmp_path, rounds=120, seed=2026) > 100


if __name__ == "__main__":
    _helper(Path(sys.argv[1]))
