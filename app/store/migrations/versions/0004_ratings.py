"""Stored ratings: insert-only, each with the snapshot it was computed from.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ratings",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("scheme_id", sa.String(64), nullable=False),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("rated_by", sa.String(64), nullable=False),
        sa.Column("score", sa.String(8), nullable=False),
        sa.Column("grade", sa.String(8)),
        sa.Column("credit_household", sa.Boolean(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("inputs_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    )
    # A subject's history, newest first, without touching the (large) JSON columns.
    op.create_index("ix_ratings_subject_rated_on", "ratings", ["subject_id", "rated_on"])


def downgrade() -> None:
    op.drop_index("ix_ratings_subject_rated_on", "ratings")
    op.drop_table("ratings")
