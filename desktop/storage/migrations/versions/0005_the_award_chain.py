"""the award chain: the council and its ballots, Tờ trình items, decisions, certificates

* ``councilmember`` / ``councilmeeting`` / ``councilattendance`` / ``councilvote``: the ward's
  Hội đồng Thi đua - Khen thưởng by year, its meetings and the secret ballot on each dossier;
* ``submissionitem``: which dossiers an issued Tờ trình listed, and to whom;
* ``awarddecision``: the Chairman's decisions and those received from the city and above; a
  dossier points to the decision that awarded it (``dossier.decision_id``), a scan is an
  attachment of the decision (``attachment.decision_id``);
* ``certificateentry``: the certificate register (số vào sổ Giấy khen);
* ``awardform``: who may receive it (collective kinds), which rounds offer it, the council's
  required share of votes, the bonus coefficients; ``awardcriterion.heading`` for lines that only
  introduce standards; ``dossiercomponent.made_by`` for the papers the app makes itself;
* ``dossier.round`` / ``dossierevent.round``: a reopened dossier starts a new round.

Existing decisions typed on dossiers become decision records, one per number, date and issuer.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The plan keeps these for the 2027 sơ kết and the 2030 tổng kết (section III.3.2).
REVIEW_ONLY = {"HCLD3": "so_ket,tong_ket", "BKTTG": "so_ket,tong_ket", "CTDCP": "so_ket,tong_ket"}
# Collective kinds for the forms given to "Bộ, ban, ngành, địa phương" / a leading collective.
LOCAL_BODIES = (
    "party_committee,peoples_committee,front_organisation,ward_office,public_service,"
    "school_preschool,school_primary,school_lower_secondary,school_upper_secondary"
)
UNIT_KINDS = {"HCLD3": LOCAL_BODIES, "CTDCP": LOCAL_BODIES}
# Tiền thưởng of the ward's Giấy khen, in thousandths of the mức lương cơ sở.
BONUS = {"GKCTP": (150, 300)}
MADE_BY = (
    ("Tờ trình%", "submission"),
    ("Danh sách%", "nominees"),
    ("Biên bản họp Hội đồng%", "minutes"),
)
# The plan's recipients (III.2) the register gains: they report the staff indicator like the ward's
# offices (cán bộ, công chức trained in digital skills, II.2).
NEW_REPORTING_KINDS = ("party_committee", "peoples_committee")
STAFF_INDICATOR = "CBCC"


def _text(length: int | None = None) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    _create_tables()
    _add_columns()
    _fill_catalogue()
    _decisions_from_dossiers()


def _create_tables() -> None:
    op.create_table(
        "councilmember",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("full_name", _text(), nullable=False),
        sa.Column("position", _text(), nullable=False),
        sa.Column(
            "role",
            sa.Enum("CHAIR", "VICE_CHAIR", "MEMBER", "SECRETARY", name="councilrole"),
            nullable=False,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("councilmember") as batch:
        batch.create_index(batch.f("ix_councilmember_year"), ["year"], unique=False)

    op.create_table(
        "councilmeeting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", _text(), nullable=False),
        sa.Column("note", _text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("councilmeeting") as batch:
        batch.create_index(batch.f("ix_councilmeeting_campaign_id"), ["campaign_id"], unique=False)

    op.create_table(
        "councilattendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["councilmeeting.id"]),
        sa.ForeignKeyConstraint(["member_id"], ["councilmember.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "member_id"),
    )
    with op.batch_alter_table("councilattendance") as batch:
        batch.create_index(batch.f("ix_councilattendance_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "councilvote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("ballots_issued", sa.Integer(), nullable=False),
        sa.Column("ballots_valid", sa.Integer(), nullable=False),
        sa.Column("ballots_for", sa.Integer(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("proposed", sa.Boolean(), nullable=False),
        sa.Column("conclusion", _text(), nullable=False),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.ForeignKeyConstraint(["meeting_id"], ["councilmeeting.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("meeting_id", "dossier_id"),
    )
    with op.batch_alter_table("councilvote") as batch:
        batch.create_index(batch.f("ix_councilvote_dossier_id"), ["dossier_id"], unique=False)
        batch.create_index(batch.f("ix_councilvote_meeting_id"), ["meeting_id"], unique=False)

    op.create_table(
        "submissionitem",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.Enum("WARD", "CITY", name="authority"), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["issueddocument.id"]),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "dossier_id"),
    )
    with op.batch_alter_table("submissionitem") as batch:
        batch.create_index(batch.f("ix_submissionitem_document_id"), ["document_id"], unique=False)
        batch.create_index(batch.f("ix_submissionitem_dossier_id"), ["dossier_id"], unique=False)

    op.create_table(
        "awarddecision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("authority", sa.Enum("WARD", "CITY", name="authority"), nullable=False),
        sa.Column("number", _text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("issuer", _text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("submission_document_id", sa.Integer(), nullable=True),
        sa.Column("base_salary", sa.Integer(), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.Column("revoke_reason", _text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"]),
        sa.ForeignKeyConstraint(["document_id"], ["issueddocument.id"]),
        sa.ForeignKeyConstraint(["submission_document_id"], ["issueddocument.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("awarddecision") as batch:
        batch.create_index(batch.f("ix_awarddecision_campaign_id"), ["campaign_id"], unique=False)

    op.create_table(
        "certificateentry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("dossier_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("printed_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["decision_id"], ["awarddecision.id"]),
        sa.ForeignKeyConstraint(["dossier_id"], ["dossier.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("decision_id", "dossier_id"),
        sa.UniqueConstraint("year", "number"),
    )
    with op.batch_alter_table("certificateentry") as batch:
        batch.create_index(
            batch.f("ix_certificateentry_decision_id"), ["decision_id"], unique=False
        )
        batch.create_index(batch.f("ix_certificateentry_dossier_id"), ["dossier_id"], unique=False)
        batch.create_index(batch.f("ix_certificateentry_year"), ["year"], unique=False)


def _add_columns() -> None:
    # Plain ALTER TABLE … ADD COLUMN: SQLite adds a column (even one that references another
    # table, when its default is NULL) without copying the table, so no table that others point
    # to is dropped and recreated while the foreign keys are enforced.
    op.add_column(
        "awardcriterion", sa.Column("heading", sa.Boolean(), nullable=False, server_default="0")
    )
    op.add_column("awardform", sa.Column("unit_kinds", _text(), nullable=False, server_default=""))
    op.add_column(
        "awardform",
        sa.Column(
            "campaign_kinds", _text(), nullable=False, server_default="yearly,so_ket,tong_ket"
        ),
    )
    op.add_column(
        "awardform", sa.Column("vote_percent", sa.Integer(), nullable=False, server_default="50")
    )
    op.add_column(
        "awardform",
        sa.Column("vote_comparison", sa.String(8), nullable=False, server_default="ABOVE"),
    )
    for column in ("bonus_individual_permille", "bonus_collective_permille"):
        op.add_column(
            "awardform", sa.Column(column, sa.Integer(), nullable=False, server_default="0")
        )
    op.add_column(
        "dossiercomponent", sa.Column("made_by", _text(32), nullable=False, server_default="")
    )
    op.execute("ALTER TABLE dossier ADD COLUMN decision_id INTEGER REFERENCES awarddecision (id)")
    op.add_column(
        "dossier", sa.Column("bonus_amount", sa.Integer(), nullable=False, server_default="0")
    )
    op.add_column("dossier", sa.Column("round", sa.Integer(), nullable=False, server_default="1"))
    op.create_index("ix_dossier_decision_id", "dossier", ["decision_id"], unique=False)
    op.add_column(
        "dossierevent", sa.Column("round", sa.Integer(), nullable=False, server_default="1")
    )
    op.execute(
        "ALTER TABLE attachment ADD COLUMN decision_id INTEGER REFERENCES awarddecision (id)"
    )
    op.create_index("ix_attachment_decision_id", "attachment", ["decision_id"], unique=False)


def _fill_catalogue() -> None:
    connection = op.get_bind()
    for code, kinds in REVIEW_ONLY.items():
        connection.execute(
            sa.text("UPDATE awardform SET campaign_kinds = :kinds WHERE code = :code"),
            {"kinds": kinds, "code": code},
        )
    for code, kinds in UNIT_KINDS.items():
        connection.execute(
            sa.text("UPDATE awardform SET unit_kinds = :kinds WHERE code = :code"),
            {"kinds": kinds, "code": code},
        )
    for code, (individual, collective) in BONUS.items():
        connection.execute(
            sa.text(
                "UPDATE awardform SET bonus_individual_permille = :i, "
                "bonus_collective_permille = :c WHERE code = :code"
            ),
            {"i": individual, "c": collective, "code": code},
        )
    # A standard that ends with a colon only introduces the ones under it.
    connection.execute(sa.text("UPDATE awardcriterion SET heading = 1 WHERE rtrim(text) LIKE '%:'"))
    for pattern, kind in MADE_BY:
        connection.execute(
            sa.text("UPDATE dossiercomponent SET made_by = :kind WHERE name LIKE :pattern"),
            {"kind": kind, "pattern": pattern},
        )
    # Only where the scope still lists the ward's offices: a clerk who narrowed it keeps their choice.
    for kind in NEW_REPORTING_KINDS:
        widen = {"kind": kind, "code": STAFF_INDICATOR}
        connection.execute(
            sa.text(
                "UPDATE indicator SET unit_kinds = unit_kinds || ',' || :kind WHERE code = :code "
                "AND ',' || unit_kinds || ',' LIKE '%,ward_office,%' "
                "AND ',' || unit_kinds || ',' NOT LIKE '%,' || :kind || ',%'"
            ),
            widen,
        )
        connection.execute(
            sa.text(
                "UPDATE indicatortarget SET unit_kinds = unit_kinds || ',' || :kind "
                "WHERE indicator_id IN (SELECT id FROM indicator WHERE code = :code) "
                "AND ',' || unit_kinds || ',' LIKE '%,ward_office,%' "
                "AND ',' || unit_kinds || ',' NOT LIKE '%,' || :kind || ',%'"
            ),
            widen,
        )


def _decisions_from_dossiers() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT d.id, d.campaign_id, d.decision_number, d.decision_date, d.decision_issuer, "
            "f.level FROM dossier d JOIN awardform f ON f.id = d.award_form_id "
            "WHERE d.decision_number != '' AND d.decision_date IS NOT NULL ORDER BY d.id"
        )
    ).fetchall()
    made: dict[tuple[object, ...], int] = {}
    for dossier_id, campaign_id, number, signed_on, issuer, level in rows:
        key = (campaign_id, number, signed_on, issuer)
        if key not in made:
            result = connection.execute(
                sa.text(
                    "INSERT INTO awarddecision (campaign_id, authority, number, signed_on, issuer, "
                    "base_salary, revoke_reason, created_at) VALUES (:c, :a, :n, :s, :i, 0, '', "
                    "CURRENT_TIMESTAMP)"
                ),
                {
                    "c": campaign_id,
                    "a": "WARD" if level == 1 else "CITY",
                    "n": number,
                    "s": signed_on,
                    "i": issuer,
                },
            )
            made[key] = int(result.lastrowid)
        connection.execute(
            sa.text("UPDATE dossier SET decision_id = :d WHERE id = :id"),
            {"d": made[key], "id": dossier_id},
        )


def downgrade() -> None:
    with op.batch_alter_table("attachment") as batch:
        batch.drop_index("ix_attachment_decision_id")
        batch.drop_column("decision_id")
    with op.batch_alter_table("dossierevent") as batch:
        batch.drop_column("round")
    with op.batch_alter_table("dossier") as batch:
        batch.drop_index("ix_dossier_decision_id")
        for column in ("decision_id", "bonus_amount", "round"):
            batch.drop_column(column)
    with op.batch_alter_table("dossiercomponent") as batch:
        batch.drop_column("made_by")
    with op.batch_alter_table("awardform") as batch:
        for column in (
            "unit_kinds",
            "campaign_kinds",
            "vote_percent",
            "vote_comparison",
            "bonus_individual_permille",
            "bonus_collective_permille",
        ):
            batch.drop_column(column)
    with op.batch_alter_table("awardcriterion") as batch:
        batch.drop_column("heading")
    for table in (
        "certificateentry",
        "awarddecision",
        "submissionitem",
        "councilvote",
        "councilattendance",
        "councilmeeting",
        "councilmember",
    ):
        op.drop_table(table)
