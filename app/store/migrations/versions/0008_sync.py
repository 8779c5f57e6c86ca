"""Sync state: pulled platform records, the review queue, cursors (issue 7).

``sync_state`` has one row: the enrolled platform, this device's id and bearer token (the
store is SQLCipher-encrypted, so the token is encrypted at rest), the pull cursor, how far
the audit trail has been queued and the last sync times. ``sync_reviews`` holds fields changed
on both sides, both values, until a person picks one. ``pulled_records`` holds what the
platform owns (blacklist entries, conduct events, revocations, signing keys, schemes,
divisions) and other devices' ratings and certificates: read-only on the client.

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("platform_url", sa.Text(), nullable=False),
        sa.Column("ca_bundle", sa.Text(), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("device_name", sa.String(64), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("token_expires_at", sa.DateTime()),
        sa.Column("divisions", sa.JSON(), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=False),
        sa.Column("audit_pushed_seq", sa.Integer(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("last_push_at", sa.DateTime()),
        sa.Column("last_pull_at", sa.DateTime()),
        sa.Column("last_sync_at", sa.DateTime()),
        sa.Column("last_attempt_at", sa.DateTime()),
        sa.Column("last_error", sa.Text(), nullable=False),
    )
    op.create_table(
        "sync_reviews",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("local_value", sa.JSON()),
        sa.Column("server_value", sa.JSON()),
        sa.Column("mutation_id", sa.Integer(), nullable=False),
        sa.Column("server_revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime()),
        sa.Column("choice", sa.String(8)),
        sa.Column("resolved_by", sa.String(64), nullable=False),
        # A replayed push reports the same conflict again: one review item per mutation and field.
        sa.UniqueConstraint("mutation_id", "field", name="uq_sync_reviews_mutation_field"),
    )
    op.create_index("ix_sync_reviews_open", "sync_reviews", ["resolved_at", "id"])
    op.create_table(
        "pulled_records",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("subject_key", sa.String(18), nullable=False),
        sa.Column("document", sa.JSON()),
        sa.Column("pulled_at", sa.DateTime(), nullable=False),
    )
    # The rating asks "which platform events concern this ID number / credit code?"
    op.create_index("ix_pulled_records_subject", "pulled_records", ["record_type", "subject_key"])


def downgrade() -> None:
    op.drop_index("ix_pulled_records_subject", "pulled_records")
    op.drop_table("pulled_records")
    op.drop_index("ix_sync_reviews_open", "sync_reviews")
    op.drop_table("sync_reviews")
    op.drop_table("sync_state")
