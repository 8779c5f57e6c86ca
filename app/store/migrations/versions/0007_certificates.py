"""The certificate register and this installation's signing key (issue 6).

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The private key is PKCS#8 PEM encrypted under a passphrase derived from the database key,
    # inside the SQLCipher store: never in the clear on disk.
    op.create_table(
        "signing_keys",
        sa.Column("key_id", sa.String(16), primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("private_pem", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
    )
    # One counter per county and year: a number once allocated is never handed out again.
    op.create_table(
        "certificate_counters",
        sa.Column("county_code", sa.String(6), primary_key=True),
        sa.Column("year", sa.Integer(), primary_key=True),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
    )
    op.create_table(
        "certificates",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("number", sa.String(20), nullable=False, unique=True),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("rating_id", sa.String(36), nullable=False),
        sa.Column("village_code", sa.String(12), nullable=False),
        sa.Column("grade", sa.String(8), nullable=False),
        sa.Column("credit_line", sa.String(16), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("reprint_count", sa.Integer(), nullable=False),
        sa.Column("revoked_at", sa.DateTime()),
        sa.Column("revoked_by", sa.String(64)),
        sa.Column("revoke_reason", sa.Text()),
        sa.Column("superseded_by", sa.String(20)),
        sa.Column("superseded_at", sa.DateTime()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_certificates_subject", "certificates", ["subject_id", "issued_at"])
    op.create_index("ix_certificates_village", "certificates", ["village_code", "number"])
    op.create_index("ix_certificates_rating", "certificates", ["rating_id"])


def downgrade() -> None:
    op.drop_index("ix_certificates_rating", "certificates")
    op.drop_index("ix_certificates_village", "certificates")
    op.drop_index("ix_certificates_subject", "certificates")
    op.drop_table("certificates")
    op.drop_table("certificate_counters")
    op.drop_table("signing_keys")
