"""Index the audit trail by its target, so a record's history opens at once (issue 4).

The detail view and ``audit list --target`` ask for every line about one household; without
the index (target_id, seq: the newest lines first) that is a scan of the whole trail,
which grows by every save and every view.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_audit_log_target", "audit_log", ["target_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_target", table_name="audit_log")
