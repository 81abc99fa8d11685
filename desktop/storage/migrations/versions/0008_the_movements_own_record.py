"""the movement's own record: activities, initiatives, units' commitments, the reviews' texts

* ``activity`` / ``activityunit``: propaganda, training, "Bình dân học vụ số" classes, meetings and
  inspections, with their participants and organising units;
* ``initiative`` / ``initiativeperson`` / ``dossierinitiative``: sáng kiến, giải pháp, mô hình
  điển hình, their authors, and those chosen into a dossier's báo cáo thành tích;
* ``commitment``: a unit's đăng ký thi đua and its own plan, per year;
* ``attachment.activity_id`` / ``attachment.commitment_id``: photos, lists, a unit's plan;
* ``reportdirection.review`` / ``.difficulties``: the sơ kết and tổng kết reports have texts of
  their own beside the yearly report of the same year, and every report its Khó khăn, vướng mắc.
  The table is made again, since SQLite cannot change its unique constraint in place.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _text(length: int | None = None) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _index(table: str, column: str) -> None:
    op.create_index(f"ix_{table}_{column}", table, [column], unique=False)


def _stamps() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def _create_tables() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "PROPAGANDA",
                "TRAINING",
                "DIGITAL_CLASS",
                "MEETING",
                "INSPECTION",
                "OTHER",
                name="activitykind",
            ),
            nullable=False,
        ),
        sa.Column("title", _text(), nullable=False),
        sa.Column("place", _text(), nullable=False),
        *[
            sa.Column(name, sa.Integer(), nullable=True)
            for name in ("participants", "officials", "students", "residents", "workers")
        ],
        sa.Column("note", _text(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("activity", "held_on")
    op.create_table(
        "activityunit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["activity_id"], ["activity.id"]),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("activity_id", "unit_id"),
    )
    _index("activityunit", "activity_id")
    _index("activityunit", "unit_id")
    op.create_table(
        "initiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("INITIATIVE", "SOLUTION", "MODEL", name="initiativekind"),
            nullable=False,
        ),
        sa.Column("title", _text(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("content_area_id", sa.Integer(), nullable=True),
        sa.Column("effect", _text(), nullable=False),
        sa.Column(
            "recognition",
            sa.Enum("NONE", "UNIT", "WARD", "CITY", "NATIONAL", name="recognitionlevel"),
            nullable=False,
        ),
        sa.Column("decision", _text(), nullable=False),
        sa.Column("note", _text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.ForeignKeyConstraint(["content_area_id"], ["contentarea.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("initiative", "year")
    _index("initiative", "unit_id")
    op.create_table(
        "initiativeperson",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["initiative_id"], ["initiative.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("initiative_id", "person_id"),
    )
    _index("initiativeperson", "initiative_id")
    _index("initiativeperson", "person_id")
    op.create_table(
        "dossierinitiative",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.ForeignKeyConstraint(["initiative_id"], ["initiative.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("dossier_id", "initiative_id"),
    )
    _index("dossierinitiative", "dossier_id")
    _index("dossierinitiative", "initiative_id")
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("plan_received_on", sa.Date(), nullable=True),
        sa.Column("note", _text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "unit_id"),
    )
    _index("commitment", "year")
    _index("commitment", "unit_id")


def _attachment_columns() -> None:
    op.execute("ALTER TABLE attachment ADD COLUMN activity_id INTEGER REFERENCES activity (id)")
    op.execute("ALTER TABLE attachment ADD COLUMN commitment_id INTEGER REFERENCES commitment (id)")
    _index("attachment", "activity_id")
    _index("attachment", "commitment_id")


def _directions_again() -> None:
    op.create_table(
        "reportdirection_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("review", sa.Boolean(), nullable=False),
        sa.Column("text", _text(), nullable=False),
        sa.Column("difficulties", _text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("year", "quarter", "review"),
    )
    op.execute(
        "INSERT INTO reportdirection_new (id, year, quarter, review, text, difficulties, updated_at) "
        "SELECT id, year, quarter, 0, text, '', updated_at FROM reportdirection"
    )
    op.drop_index("ix_reportdirection_year", table_name="reportdirection")
    op.drop_table("reportdirection")
    op.rename_table("reportdirection_new", "reportdirection")
    _index("reportdirection", "year")


def upgrade() -> None:
    _create_tables()
    _attachment_columns()
    _directions_again()


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_index("ix_attachment_commitment_id")
        batch.drop_index("ix_attachment_activity_id")
        batch.drop_column("commitment_id")
        batch.drop_column("activity_id")
    for table in (
        "commitment",
        "dossierinitiative",
        "initiativeperson",
        "initiative",
        "activityunit",
        "activity",
    ):
        op.drop_table(table)
