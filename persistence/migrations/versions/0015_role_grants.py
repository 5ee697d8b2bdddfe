"""role grants: signing roles pending a second administrator's or QA's approval (ACC-6)

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05

Roles users hold today stay as they are (granted before the rule); only new grants wait for approval.
"""
import sqlalchemy as sa
from alembic import op

from persistence.types import RoleSet, UTCDateTime

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

GUARDS = {  # a decided grant is history: never deleted; the trail holds its changes
    "sqlite": [
        """CREATE TRIGGER role_grants_no_delete BEFORE DELETE ON role_grants
           BEGIN SELECT RAISE(ABORT, 'role_grants is append-only: DELETE refused'); END""",
        """CREATE TRIGGER role_grants_decided_once BEFORE UPDATE ON role_grants WHEN OLD.status <> 'Pending'
           BEGIN SELECT RAISE(ABORT, 'role_grants: a decided grant is never changed'); END""",
    ],
    "postgresql": [
        """CREATE TRIGGER role_grants_no_delete BEFORE DELETE ON role_grants
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
        """CREATE TRIGGER role_grants_no_truncate BEFORE TRUNCATE ON role_grants
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
        """CREATE TRIGGER role_grants_decided_once BEFORE UPDATE ON role_grants
           FOR EACH ROW WHEN (OLD.status <> 'Pending') EXECUTE FUNCTION batchtrace_refuse('decided once')""",
    ],
}


def upgrade() -> None:
    op.create_table(
        'role_grants',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.String(length=32), nullable=False),
        sa.Column('roles', RoleSet(), nullable=False),
        sa.Column('status', sa.Enum('Pending', 'Approved', 'Rejected', name='grantstatus', native_enum=False,
                                    length=10), nullable=False),
        sa.Column('requested_by', sa.String(length=32), nullable=False),
        sa.Column('requested_at', UTCDateTime(timezone=True), nullable=False),
        sa.Column('decided_by', sa.String(length=32), nullable=True),
        sa.Column('decided_at', UTCDateTime(timezone=True), nullable=True),
        sa.Column('conflicts_accepted', sa.Text(), nullable=True),
        sa.CheckConstraint('decided_by IS NULL OR (decided_by <> user_id)', name=op.f('ck_role_grants_not_own')),
        sa.ForeignKeyConstraint(['decided_by'], ['users.user_id'], name=op.f('fk_role_grants_decided_by_users')),
        sa.ForeignKeyConstraint(['requested_by'], ['users.user_id'],
                                name=op.f('fk_role_grants_requested_by_users')),
        sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_role_grants_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_role_grants')),
    )
    with op.batch_alter_table('role_grants', schema=None) as batch_op:
        batch_op.create_index('ix_role_grants_user_id', ['user_id'], unique=False)
    for statement in GUARDS.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table('role_grants')
