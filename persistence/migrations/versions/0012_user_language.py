"""each user's language (GEN-6): the language of their sessions, saved with the user

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

NULL (every existing user) follows the station's locale, as every session did until now.
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("users", sa.Column("language", sa.String(16), nullable=True))


def downgrade() -> None:
    op.drop_column("users", "language")
