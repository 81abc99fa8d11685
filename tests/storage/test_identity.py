"""Issue 15: every database has its own random identity and secret key, made with it or by
migration 0007 for a database made before, and the secret never leaves the identity table."""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import select

from desktop.models import AuditEntry
from desktop.storage import Database, migrate
from desktop.storage.database import make_engine
from desktop.storage.identity import database_identity


def _identity(db: Database) -> tuple[str, str]:
    with db.session() as s:
        identity = database_identity(s)
    return identity.database_id, identity.secret.hex()


def test_two_new_databases_never_share_an_identity(tmp_path: Path) -> None:
    first, second = Database.open(tmp_path / "a.sqlite3"), Database.open(tmp_path / "b.sqlite3")
    try:
        (id_a, secret_a), (id_b, secret_b) = _identity(first), _identity(second)
    finally:
        first.close()
        second.close()
    assert re.fullmatch(r"[0-9a-f]{32}", id_a) and re.fullmatch(r"[0-9a-f]{64}", secret_a)
    assert id_a != id_b and secret_a != secret_b


def test_a_database_made_before_0007_gets_an_identity_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "thidua.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0006")
    engine.dispose()
    db = Database.open(path)
    try:
        database_id, secret = _identity(db)
        assert len(database_id) == 32 and len(secret) == 64
        assert _identity(db) == (database_id, secret)  # made once, read the same every time
    finally:
        db.close()
    reopened = Database.open(path)
    try:
        assert _identity(reopened) == (database_id, secret)
    finally:
        reopened.close()


def test_the_secret_never_reaches_the_audit_log_or_a_repr(db: Database) -> None:
    with db.session() as s:
        identity = database_identity(s)
        rows = s.exec(select(AuditEntry)).all()
    secret = identity.secret.hex()
    assert secret not in repr(identity) and identity.database_id in repr(identity)
    assert all(
        secret not in f"{r.old_value} {r.new_value} {r.reason}"
        and r.table_name != "databaseidentity"
        for r in rows
    )
