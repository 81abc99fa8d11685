"""Alembic environment: always given a live connection by :mod:`desktop.storage.migrate`."""

from alembic import context
from sqlmodel import SQLModel

import desktop.models  # noqa: F401  (registers the tables on the metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used by `alembic revision --autogenerate` by hand
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///autogen.sqlite3"
    connection = create_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite alters tables by copy
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
