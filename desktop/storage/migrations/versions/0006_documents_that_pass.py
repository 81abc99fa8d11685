"""documents that pass as state documents: indicator short names, the report's own direction

* ``indicator.short_name``: the name a printed table heads its column with (a code is never
  printed); the plan's six indicators get theirs;
* ``councilmeeting.starts_at`` / ``ends_at``: the hours the Biên bản states (none for meetings
  recorded before);
* ``reportdirection``: section IV (Phương hướng, đề xuất) of a Báo cáo kết quả as the clerk
  writes it, one text per year and quarter (0: the year's report).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SHORT_NAMES = {
    "CBCC": "CB, CC, VC, NLĐ có kỹ năng số",
    "HOCSINH": "Học sinh có kỹ năng số",
    "DANSO": "Người dân có kỹ năng số",
    "VNEID": "Phổ cập kỹ năng số trên VNeID",
    "NLDDN": "Người lao động DN, HTX có kỹ năng số",
    "TRUONGKNS": "Trường dạy kỹ năng số",
}


def upgrade() -> None:
    op.add_column(
        "indicator",
        sa.Column(
            "short_name",
            sqlmodel.sql.sqltypes.AutoString(length=60),
            nullable=False,
            server_default="",
        ),
    )
    indicator = sa.table(
        "indicator", sa.column("code", sa.String), sa.column("short_name", sa.String)
    )
    for code, short in SHORT_NAMES.items():
        op.execute(indicator.update().where(indicator.c.code == code).values(short_name=short))
    op.add_column("councilmeeting", sa.Column("starts_at", sa.Time(), nullable=True))
    op.add_column("councilmeeting", sa.Column("ends_at", sa.Time(), nullable=True))
    op.create_table(
        "reportdirection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "quarter"),
    )
    with op.batch_alter_table("reportdirection") as batch:
        batch.create_index(batch.f("ix_reportdirection_year"), ["year"], unique=False)


def downgrade() -> None:
    op.drop_table("reportdirection")
    with op.batch_alter_table("councilmeeting") as batch:
        batch.drop_column("ends_at")
        batch.drop_column("starts_at")
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("short_name")
