"""the site's security policy in the database (ACC-7): lock-out threshold, password rules, idle time

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05

One row per version, append-only. No row is written here: until an administrator first changes the policy,
every station runs on BatchTrace's defaults (5 failed log-ins, 10 characters, 90 days, 5 passwords remembered,
10 minutes idle), the values the stations' settings files held by default until now. A row written by the
migration would be a record without its audit entry.
"""
import sqlalchemy as sa
from alembic import op

from persistence.types import UTCDateTime

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

# Copied, not imported: a migration keeps the bounds of its day.
BOUNDS = {
    "max_failed_logins": (3, 10),
    "password_min_length": (8, 64),
    "password_expiry_days": (1, 365),
    "password_history": (1, 24),
    "idle_lock_minutes": (1, 240),
}

GUARDS = {
    "sqlite": [
        f"""CREATE TRIGGER site_security_no_{op_name} BEFORE {op_name.upper()} ON site_security
           BEGIN SELECT RAISE(ABORT, 'site_security is append-only: {op_name.upper()} refused'); END"""
        for op_name in ("update", "delete")
    ],
    "postgresql": [
        """CREATE TRIGGER site_security_no_update_delete BEFORE UPDATE OR DELETE ON site_security
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
        """CREATE TRIGGER site_security_no_truncate BEFORE TRUNCATE ON site_security
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    ],
}


def upgrade() -> None:
    op.create_table(
        'site_security',
        sa.Column('version', sa.Integer(), autoincrement=False, nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in BOUNDS),
        sa.Column('changed_by', sa.String(length=32), nullable=False),
        sa.Column('changed_at', UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint('version >= 1', name=op.f('ck_site_security_version')),
        *(sa.CheckConstraint(f'{name} BETWEEN {low} AND {high}', name=op.f(f'ck_site_security_{name}'))
          for name, (low, high) in BOUNDS.items()),
        sa.ForeignKeyConstraint(['changed_by'], ['users.user_id'], name=op.f('fk_site_security_changed_by_users')),
        sa.PrimaryKeyConstraint('version', name=op.f('pk_site_security')),
    )
    for statement in GUARDS.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table('site_security')
