"""``python -m tests.faults.inject --data-dir D …``: ``python -m desktop …`` with one fault in it.

The fault is read from the environment, so that the command line stays the clerk's own:

- ``THIDUA_FAULT=<kind>:<k>:<action>`` — at the k-th call of ``kind`` (``replace`` for
  ``os.replace``, ``rename`` for ``os.rename``, ``fsync`` for ``os.fsync``, ``write`` for a write to
  a file opened for writing (``open``/``io.open``/``Path.open``, ``os.write``, ``os.sendfile``),
  ``sql`` for a writing statement or a commit of SQLite) do ``action``: ``kill`` (SIGKILL before the
  call), ``kill-after`` (SIGKILL right after it), ``ENOSPC`` / ``EROFS`` / ``EACCES`` (raise what a
  full, read-only or forbidden disk raises there — an ``OSError``, or for ``sql`` the
  ``sqlite3.OperationalError`` SQLite gives for it) or ``pause`` (write the file named by
  ``THIDUA_FAULT_PAUSED`` and wait until it is removed, to hold the process in the middle).
- ``THIDUA_FAULT_UNDER=<path>[:<path>…]`` — only calls touching a path under one of these count
  (so the log file, the fonts or the system's own files never shift ``k``); the data folder's
  ``logs/`` is never counted.
- ``THIDUA_FAULT_TALLY=<file>`` — at exit, the calls counted, per kind, with the path each touched
  (JSON): how a test learns how many kill points an operation has.
- ``THIDUA_FAULT_COMMITS=<file>`` — after each commit to a counted database, one line of JSON: the
  rows of every table as committed. A process killed later has told what it had made durable
  (``bench/crash.py`` counts the committed rows a crash would lose).

Only this process is patched, from its first line: what the command does is the real code.
"""

from __future__ import annotations

import atexit
import builtins
import errno
import io
import json
import os
import runpy
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

KINDS = ("replace", "rename", "fsync", "write", "sql")
ERRNOS = {"ENOSPC": errno.ENOSPC, "EROFS": errno.EROFS, "EACCES": errno.EACCES}
# What SQLite says when the disk under its file refuses a write (sqlite3 words, as raised).
SQL_ERRORS = {
    "ENOSPC": ("database or disk is full", 13, "SQLITE_FULL"),
    "EROFS": ("attempt to write a readonly database", 8, "SQLITE_READONLY"),
    "EACCES": ("unable to open database file", 14, "SQLITE_CANTOPEN"),
}
SQL_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "COMMIT")
PAUSE_LIMIT = 120.0  # seconds a paused process waits before going on by itself

_spec = os.environ.get("THIDUA_FAULT", "")
_under = [str(Path(p).resolve()) for p in os.environ.get("THIDUA_FAULT_UNDER", "").split(":") if p]
_tally_file = os.environ.get("THIDUA_FAULT_TALLY", "")
_paused_file = os.environ.get("THIDUA_FAULT_PAUSED", "")
_commits_file = os.environ.get("THIDUA_FAULT_COMMITS", "")
_tally: dict[str, list[str]] = {kind: [] for kind in KINDS}
_kind, _k, _action = "", 0, ""
if _spec:
    _kind, number, _action = _spec.split(":")
    _k = int(number)
    if _kind not in KINDS or _action not in ("kill", "kill-after", "pause", *ERRNOS):
        raise SystemExit(f"unknown fault {_spec!r}")
_busy = False  # set while the injector itself runs, so its own writes are never counted


def _counted(path: str) -> bool:
    if not path:
        return False
    try:
        full = str(Path(path).resolve())
    except (OSError, ValueError):
        return False
    if f"{os.sep}logs{os.sep}" in full or full.endswith(f"{os.sep}logs"):
        return False
    return not _under or any(full == root or full.startswith(root + os.sep) for root in _under)


def _fd_path(fd: int) -> str:
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return ""


def _kill() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _pause() -> None:
    Path(_paused_file).write_text(str(os.getpid()))
    waited = 0.0
    while Path(_paused_file).exists() and waited < PAUSE_LIMIT:
        time.sleep(0.02)
        waited += 0.02


def _hit(kind: str, paths: tuple[str, ...]) -> str:
    """Count one call; the action to take before it ("" for none, "after" to kill after it)."""
    global _busy
    if _busy or not any(_counted(p) for p in paths):
        return ""
    _busy = True
    try:
        _tally[kind].append(next(p for p in paths if _counted(p)))
        if kind != _kind or len(_tally[kind]) != _k:
            return ""
        if _action == "kill":
            _kill()
        if _action == "kill-after":
            return "after"
        if _action == "pause":
            _pause()
            return ""
        return _action
    finally:
        _busy = False


def _fail_os(action: str, path: str) -> None:
    code = ERRNOS[action]
    raise OSError(code, os.strerror(code), path)


def _wrap_os(name: str, kind: str, paths_of: Callable[..., tuple[str, ...]]) -> None:
    real = getattr(os, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        paths = paths_of(*args)
        action = _hit(kind, paths)
        if action in ERRNOS:
            _fail_os(action, paths[0])
        result = real(*args, **kwargs)
        if action == "after":
            _kill()
        return result

    setattr(os, name, wrapper)


def _two_paths(source: Any, target: Any, *_: Any) -> tuple[str, ...]:
    return (os.fsdecode(source), os.fsdecode(target))


class _WrittenFile:
    """A file opened for writing, whose writes are counted; everything else is the file's own."""

    def __init__(self, inner: Any, path: str) -> None:
        self._inner = inner
        self._path = path

    def write(self, data: Any) -> Any:
        action = _hit("write", (self._path,))
        if action in ERRNOS:
            _fail_os(action, self._path)
        result = self._inner.write(data)
        if action == "after":
            self._inner.flush()
            _kill()
        return result

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def __iter__(self) -> Any:
        return iter(self._inner)

    def __enter__(self) -> _WrittenFile:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._inner.__exit__(*exc)


def _wrap_open(real: Callable[..., Any]) -> Callable[..., Any]:
    def opener(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real(file, mode, *args, **kwargs)
        if isinstance(file, int) or not any(c in mode for c in "wax+"):
            return handle
        path = os.fsdecode(file)
        return _WrittenFile(handle, path) if _counted(path) else handle

    return opener


class _Cursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        after = _sql_hit(self.connection, sql)
        result = super().execute(sql, parameters)
        return _then_kill(result) if after else result

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        after = _sql_hit(self.connection, sql)
        result = super().executemany(sql, parameters)
        return _then_kill(result) if after else result


class _Connection(sqlite3.Connection):
    thidua_path = ""

    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        after = _sql_hit(self, sql)
        result = super().execute(sql, parameters)
        return _then_kill(result) if after else result

    def executemany(self, sql: str, parameters: Any, /) -> Any:
        after = _sql_hit(self, sql)
        result = super().executemany(sql, parameters)
        return _then_kill(result) if after else result

    def commit(self) -> None:
        committing = self.in_transaction
        after = committing and _sql_hit(self, "COMMIT")
        super().commit()
        if committing and _commits_file and _counted(self.thidua_path):
            _note_commit(self)
        if after:
            _kill()


def _note_commit(connection: sqlite3.Connection) -> None:
    """The rows of every table, as just committed, appended to the commits file."""
    tables = [
        row[0]
        for row in sqlite3.Connection.execute(
            connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
        )
    ]
    counts = {
        name: sqlite3.Connection.execute(connection, f'SELECT count(*) FROM "{name}"').fetchone()[0]
        for name in tables
    }
    line = (json.dumps(counts) + "\n").encode()
    descriptor = _real_os_open(_commits_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        _real_os_write(descriptor, line)  # in the kernel before the next statement: kept by a kill
    finally:
        os.close(descriptor)


def _then_kill(result: Any) -> Any:
    _kill()
    return result


def _sql_hit(connection: sqlite3.Connection, sql: str) -> bool:
    """Count a writing statement; raise what SQLite raises for the fault; True: kill after it."""
    if not sql.lstrip().upper().startswith(SQL_WRITES):
        return False
    action = _hit("sql", (getattr(connection, "thidua_path", ""),))
    if action in SQL_ERRORS:
        text, code, name = SQL_ERRORS[action]
        error = sqlite3.OperationalError(text)
        error.sqlite_errorcode = code
        error.sqlite_errorname = name
        raise error
    return action == "after"


_real_connect = sqlite3.connect
_real_os_open = os.open
_real_os_write = os.write


def _connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs.setdefault("factory", _Connection)
    connection = _real_connect(database, *args, **kwargs)
    text = os.fsdecode(database) if not isinstance(database, str) else database
    if text.startswith("file:"):
        text = text[5:].split("?", 1)[0]
    if isinstance(connection, _Connection):
        connection.thidua_path = text
    return connection


def _write_tally() -> None:
    global _busy
    _busy = True
    if _tally_file:
        Path(_tally_file).write_text(json.dumps(_tally, ensure_ascii=False))


def install() -> None:
    _wrap_os("replace", "replace", _two_paths)
    _wrap_os("rename", "rename", _two_paths)
    _wrap_os("fsync", "fsync", lambda fd, *_: (_fd_path(fd),))
    _wrap_os("write", "write", lambda fd, *_: (_fd_path(fd),))
    if hasattr(os, "sendfile"):
        _wrap_os("sendfile", "write", lambda out, *_: (_fd_path(out),))
    builtins.open = _wrap_open(builtins.open)
    io.open = _wrap_open(io.open)
    # sqlite3.dbapi2.connect is the one SQLAlchemy calls.
    sqlite3.connect = sqlite3.dbapi2.connect = _connect  # type: ignore[assignment]
    atexit.register(_write_tally)


def main() -> None:
    install()
    sys.argv = ["desktop", *sys.argv[1:]]
    runpy.run_module("desktop", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
