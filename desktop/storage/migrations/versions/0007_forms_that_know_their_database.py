"""forms that know their database: a random identity and a secret key for each database

* ``databaseidentity``: one row made when the database is — at ``init``, ``demo`` or the first
  open, and here for every database made before —: ``database_id``, a random uuid4 in hex that
  each collection workbook carries so that a form of another ward's database is recognised, and
  ``secret_key``, 32 random bytes in hex that key the MAC of a form's hidden record.

The table has no SQLModel model: the audit hooks see only the ORM's writes, so the secret never
reaches an audit row, an export of the audit log or a message. It is read by
:mod:`desktop.storage.identity` alone.

Revision ID: 0007
Revises: 0006
"""

import secrets
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "databaseidentity",
        # One row only: the CHECK keeps a second identity from ever being added beside the first.
        sa.Column("id", sa.Integer(), sa.CheckConstraint("id = 1"), nullable=False),
        sa.Column("database_id", sa.String(length=32), nullable=False),
        sa.Column("secret_key", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    identity = sa.table(
        "databaseidentity",
        sa.column("id", sa.Integer),
        sa.column("database_id", sa.String),
        sa.column("secret_key", sa.String),
    )
    op.execute(
        identity.insert().values(
            id=1, database_id=uuid.uuid4().hex, secret_key=secrets.token_hex(32)
        )
    )


def downgrade() -> None:
    op.drop_table("databaseidentity")
