"""release signatures keep the evaluation they bind (QC-4): the rules, verdicts, evidence and outcome

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both engines: no row is rewritten, so the append-only triggers are not involved.
    op.add_column("signatures", sa.Column("evaluation", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signatures") as batch:
        batch.drop_column("evaluation")
