"""The rating workflow: appraisal, public notice, objections, confirmation (issue 5).

One insert-only table of steps; a rating's stage is derived from its rows. Triggers refuse
updates and deletes, as for the audit trail: a step, once taken, stays on the record.

Revision ID: 0006
Revises: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workflow_steps",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("rating_id", sa.String(36), sa.ForeignKey("ratings.id"), nullable=False),
        sa.Column("subject_type", sa.String(16), nullable=False),
        sa.Column("subject_id", sa.String(36), nullable=False),
        sa.Column("village_code", sa.String(12), nullable=False),
        sa.Column("step", sa.String(16), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("adjustment", sa.String(8)),
        sa.Column("score", sa.String(8)),
        sa.Column("grade", sa.String(8)),
        sa.Column("credit_household", sa.Boolean()),
        sa.Column("credit_line", sa.String(16)),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("appraisers", sa.Text(), nullable=False),
        sa.Column("objection_id", sa.String(36)),
        sa.Column("decision", sa.String(16)),
    )
    op.create_index("ix_workflow_steps_rating_id", "workflow_steps", ["rating_id"])
    op.create_index("ix_workflow_steps_village_code", "workflow_steps", ["village_code"])
    op.execute("CREATE TRIGGER workflow_steps_no_update BEFORE UPDATE ON workflow_steps "
               "BEGIN SELECT RAISE(ABORT, 'workflow steps are insert-only'); END")
    op.execute("CREATE TRIGGER workflow_steps_no_delete BEFORE DELETE ON workflow_steps "
               "BEGIN SELECT RAISE(ABORT, 'workflow steps are insert-only'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER workflow_steps_no_delete")
    op.execute("DROP TRIGGER workflow_steps_no_update")
    op.drop_index("ix_workflow_steps_village_code", "workflow_steps")
    op.drop_index("ix_workflow_steps_rating_id", "workflow_steps")
    op.drop_table("workflow_steps")
