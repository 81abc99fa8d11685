"""Bring a database file up to the app's schema with Alembic, copying the file aside first."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.storage.errors import MigrationFailed
from desktop.storage.schema import APPLICATION_ID

if TYPE_CHECKING:  # alembic itself is imported only when a migration runs
    from alembic.config import Config
    from sqlalchemy.engine import Connection

log = logging.getLogger("thidua.storage")
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def copy_aside(path: Path, revision: str | None) -> Path:
    """Keep the file as it was before a migration: ``thidua.sqlite3.before-0002-20250105-101500``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{revision or 'none'}-{stamp}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)  # consistent even if a WAL file holds recent commits
        finally:
            dest.close()
    finally:
        source.close()
    return target


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    try:
        command.upgrade(alembic_config(connection), target)
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    except Exception as error:  # any failure leaves the transaction rolled back by the caller
        log.exception("migration failed")
        raise MigrationFailed(
            f"Không nâng cấp được cấu trúc dữ liệu ({error}). Dữ liệu chưa bị thay đổi; "
            "hãy liên hệ người hỗ trợ kỹ thuật và gửi kèm tệp nhật ký."
        ) from error
