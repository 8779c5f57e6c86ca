"""Certificate numbers with the device's series: ``<county>-<year>-<series>-<sequence>``.

Every laptop used to count its own ``<county>-<year>-<sequence>``, so two laptops of one county
printed the same number, and a revocation published for one revoked the other. The platform
now gives each enrolled device a series; ``sync_state`` keeps it and the counters are kept per
county, year and series. Existing counters become series 0 (an installation not enrolled), so
such a laptop's sequence carries on. The number columns widen for the longer numbers; numbers
already issued keep their first format and still verify.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_state") as batch:
        batch.add_column(sa.Column("certificate_series", sa.Integer(), nullable=False, server_default="0"))
    # The primary key grows a column: a new table, the rows copied as series 0.
    op.create_table(
        "certificate_counters_new",
        sa.Column("county_code", sa.String(6), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("series", sa.Integer(), primary_key=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO certificate_counters_new (county_code, year, series, last_sequence) "
               "SELECT county_code, year, 0, last_sequence FROM certificate_counters")
    op.drop_table("certificate_counters")
    op.rename_table("certificate_counters_new", "certificate_counters")
    with op.batch_alter_table("certificates") as batch:
        batch.alter_column("number", type_=sa.String(32), existing_type=sa.String(20), existing_nullable=False)
        batch.alter_column("superseded_by", type_=sa.String(32), existing_type=sa.String(20))


def downgrade() -> None:
    with op.batch_alter_table("certificates") as batch:
        batch.alter_column("superseded_by", type_=sa.String(20), existing_type=sa.String(32))
        batch.alter_column("number", type_=sa.String(20), existing_type=sa.String(32), existing_nullable=False)
    op.create_table(
        "certificate_counters_old",
        sa.Column("county_code", sa.String(6), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
    )
    op.execute("INSERT INTO certificate_counters_old (county_code, year, last_sequence) "
               "SELECT county_code, year, MAX(last_sequence) FROM certificate_counters GROUP BY county_code, year")
    op.drop_table("certificate_counters")
    op.rename_table("certificate_counters_old", "certificate_counters")
    with op.batch_alter_table("sync_state") as batch:
        batch.drop_column("certificate_series")
