"""Core tables: divisions, households, cooperatives, users.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# Covering indexes: a search scans these narrow entries, never the wide rows with their JSON
# documents (100,000 households: ~15 ms instead of ~90 ms), and they already hold the sort order.
HOUSEHOLD_SEARCH = ("deleted", "head_pinyin", "id", "head_name", "head_initials", "head_id_number",
                    "head_phone", "village_code")
COOPERATIVE_SEARCH = ("deleted", "name_pinyin", "id", "name", "name_initials", "uscc", "phone",
                      "village_code", "legal_rep_id_number")


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "divisions",
        sa.Column("code", sa.String(12), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("parent_code", sa.String(12), sa.ForeignKey("divisions.code")),
        sa.Column("registered_households", sa.Integer(), nullable=False),
        sa.Column("former_codes", sa.String(128), nullable=False),
    )
    op.create_index("ix_divisions_parent_code", "divisions", ["parent_code"])
    op.create_table(
        "households",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("divisions.code"), nullable=False),
        sa.Column("group_name", sa.String(64), nullable=False),
        sa.Column("head_name", sa.Text(), nullable=False),
        sa.Column("head_initials", sa.String(64), nullable=False),
        sa.Column("head_pinyin", sa.Text(), nullable=False),
        sa.Column("head_id_number", sa.String(18), nullable=False),
        sa.Column("head_phone", sa.String(32), nullable=False),
        sa.Column("consent_signed", sa.Boolean(), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_versioned(),
    )
    op.create_index("ix_households_village_pinyin", "households", ["village_code", "head_pinyin"])
    op.create_index("ix_households_id_number", "households", ["head_id_number"])
    op.create_index("ix_households_initials", "households", ["head_initials"])
    op.create_index("ix_households_phone", "households", ["head_phone"])
    op.create_index("ix_households_search", "households", list(HOUSEHOLD_SEARCH))
    op.create_table(
        "cooperatives",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("village_code", sa.String(12), sa.ForeignKey("divisions.code"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_initials", sa.String(128), nullable=False),
        sa.Column("name_pinyin", sa.Text(), nullable=False),
        sa.Column("uscc", sa.String(18), nullable=False),
        sa.Column("legal_rep_name", sa.Text(), nullable=False),
        sa.Column("legal_rep_id_number", sa.String(18), nullable=False),
        sa.Column("phone", sa.String(32), nullable=False),
        sa.Column("consent_signed", sa.Boolean(), nullable=False),
        sa.Column("form_id", sa.String(64), nullable=False),
        sa.Column("form_version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        *_versioned(),
    )
    op.create_index("ix_cooperatives_village_pinyin", "cooperatives", ["village_code", "name_pinyin"])
    op.create_index("ix_cooperatives_uscc", "cooperatives", ["uscc"])
    op.create_index("ix_cooperatives_initials", "cooperatives", ["name_initials"])
    op.create_index("ix_cooperatives_search", "cooperatives", list(COOPERATIVE_SEARCH))
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("display_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime()),
        *_versioned(),
    )


def downgrade() -> None:
    for table in ("users", "cooperatives", "households", "divisions"):
        op.drop_table(table)
