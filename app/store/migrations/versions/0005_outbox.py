"""The sync outbox: every local write of a record queues its mutation in the same transaction.

Revision ID: 0005
Revises: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # AUTOINCREMENT: a mutation id is never reused, even after sent entries are pruned; the
    # platform acknowledges replays by this per-device increasing number.
    op.create_table(
        "outbox",
        sa.Column("mutation_id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("record_type", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("op", sa.String(8), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("result", sa.JSON()),
        sa.Column("sent_at", sa.DateTime()),
        sqlite_autoincrement=True,
    )
    # "Does this record still have unsent changes?" (a pull must not overwrite it) and "what
    # is left to push?", without scanning the queue.
    op.create_index("ix_outbox_record_state", "outbox", ["record_id", "state"])
    op.create_index("ix_outbox_state", "outbox", ["state", "mutation_id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_state", "outbox")
    op.drop_index("ix_outbox_record_state", "outbox")
    op.drop_table("outbox")
