"""index quarterly values by period

Ward results read every unit's value of one indicator in one quarter; this index serves that query
(and the quarter grid) without a scan of the whole table.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_quartervalue_period",
        "quartervalue",
        ["year", "quarter", "indicator_id", "unit_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_quartervalue_period", table_name="quartervalue")
