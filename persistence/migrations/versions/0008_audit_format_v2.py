"""audit entries carry their canonical format (v1 entries stay v1; new entries are written in v2)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN on both engines: no row is rewritten, so the append-only triggers are not involved.
    op.add_column("audit_log", sa.Column("format", sa.String(4), nullable=False, server_default="v1"))


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("format")
