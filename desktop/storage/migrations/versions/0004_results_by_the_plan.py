"""results by the plan: scope and comparison of each year's target, kinds of indicator, reporting
periods of units, carried-over targets after 2026

* ``indicatortarget.unit_kinds`` / ``comparison`` / ``carried_over``: which unit kinds a year's
  target covers and how it is compared, as the plan words it (section II.2: "Trên 80%" is strictly
  more; "100%" is all; the 2025 student target covers secondary schools only);
* ``indicator.value_kind``: TRUONGKNS is a yes/no per school;
* ``unit.reports_from`` / ``stopped_from``: the quarter a unit reports from and, once deactivated,
  the first quarter it no longer reports (period codes ``year * 10 + quarter``). Existing units
  report from their earliest value or, without values, from the quarter they were added; a
  deactivated unit stops after its last value;
* "duy trì" targets 2027–2030 carried over from 2026, marked as such;
* an index that serves a year's latest report per unit.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SECONDARY = "school_lower_secondary,school_upper_secondary"
# (indicator code, year) → (comparison, unit kinds or "" for the indicator's own), from the plan.
# Enums are stored by name, as SQLModel writes them (Comparison.ABOVE is "ABOVE").
PLAN_TARGETS = {
    ("CBCC", 2025): ("ABOVE", ""),
    ("HOCSINH", 2025): ("EQUAL", SECONDARY),
}
CARRIED_YEARS = range(2027, 2031)
CARRIED_PREFIX = "Duy trì chỉ tiêu năm 2026: "
LATEST_COLUMNS = ["year", "indicator_id", "unit_id", "quarter", "numerator", "denominator"]


def _period(column: str) -> str:
    """SQL of the period code of a stored datetime."""
    return (
        f"(CAST(strftime('%Y', {column}) AS INTEGER) * 10 "
        f"+ (CAST(strftime('%m', {column}) AS INTEGER) + 2) / 3)"
    )


def upgrade() -> None:
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(
            sa.Column("value_kind", sa.String(8), nullable=False, server_default="RATIO")
        )
    with op.batch_alter_table("indicatortarget") as batch:
        batch.add_column(
            sa.Column("comparison", sa.String(8), nullable=False, server_default="AT_LEAST")
        )
        batch.add_column(sa.Column("unit_kinds", sa.String(), nullable=False, server_default=""))
        batch.add_column(
            sa.Column("carried_over", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("reports_from", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("stopped_from", sa.Integer(), nullable=True))

    run = op.get_bind().exec_driver_sql
    run("UPDATE indicator SET value_kind = 'YES_NO' WHERE code = 'TRUONGKNS'")
    run(
        "UPDATE indicator SET numerator_label = ?, denominator_label = ? "
        "WHERE code = 'TRUONGKNS' AND numerator_label LIKE '%1 = có%'",
        ("Trường thường xuyên giảng dạy kỹ năng số (có / chưa)", "Số trường"),
    )
    # A target of 100% can only be met by all: "=" says so, as the plan's "100% …" does.
    run("UPDATE indicatortarget SET comparison = 'EQUAL' WHERE target_percent >= 100")
    for (code, year), (comparison, kinds) in PLAN_TARGETS.items():
        run(
            "UPDATE indicatortarget SET comparison = ?, unit_kinds = ? WHERE year = ? AND "
            "indicator_id = (SELECT id FROM indicator WHERE code = ?)",
            (comparison, kinds, year, code),
        )
    run(
        "UPDATE indicatortarget SET carried_over = 1 WHERE text LIKE ?",
        (f"{CARRIED_PREFIX}%",),
    )
    for year in CARRIED_YEARS:
        run(
            "INSERT INTO indicatortarget (indicator_id, year, target_percent, text, comparison, "
            "unit_kinds, carried_over) "
            "SELECT t.indicator_id, ?, t.target_percent, "
            "? || t.text, t.comparison, t.unit_kinds, 1 "
            "FROM indicatortarget t WHERE t.year = 2026 AND NOT EXISTS ("
            "SELECT 1 FROM indicatortarget o WHERE o.indicator_id = t.indicator_id AND o.year = ?)",
            (year, CARRIED_PREFIX, year),
        )
    run(
        "UPDATE unit SET reports_from = MIN("
        f"{_period('created_at')}, "
        "COALESCE((SELECT MIN(year * 10 + quarter) FROM quartervalue WHERE unit_id = unit.id), "
        "99999))"
    )
    # The quarter after the last value, or the quarter it was last changed when it has none.
    run(
        "UPDATE unit SET stopped_from = COALESCE("
        "(SELECT CASE WHEN MAX(quarter + year * 10) % 10 = 4 "
        "THEN MAX(year * 10 + quarter) + 7 ELSE MAX(year * 10 + quarter) + 1 END "
        f"FROM quartervalue WHERE unit_id = unit.id), {_period('updated_at')}) "
        "WHERE active = 0"
    )
    op.create_index("ix_quartervalue_year_latest", "quartervalue", LATEST_COLUMNS, unique=False)


def downgrade() -> None:
    # The carried-over targets stay as rows (no record is ever lost); their text still says
    # "Duy trì …", by which an upgrade marks them again.
    op.drop_index("ix_quartervalue_year_latest", table_name="quartervalue")
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("stopped_from")
        batch.drop_column("reports_from")
    with op.batch_alter_table("indicatortarget") as batch:
        batch.drop_column("carried_over")
        batch.drop_column("unit_kinds")
        batch.drop_column("comparison")
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("value_kind")
