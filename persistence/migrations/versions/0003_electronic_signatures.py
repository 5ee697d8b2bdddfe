"""electronic signatures, the status history of lots and batches, site signing rules

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 02:31:21.396725

The status history starts filled: every lot and batch status already in the audit trail is copied into it,
so signatures and the performers of production steps (ACC-6) see the whole history of existing records.
"""
import json

import sqlalchemy as sa
from alembic import op

from persistence.types import RoleSet, UTCDateTime

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

MEANINGS = ('Performed', 'Reviewed', 'Approved', 'Released', 'Rejected')

GUARDS = {
    "sqlite": [
        f"""CREATE TRIGGER {table}_no_{op_name} BEFORE {op_name.upper()} ON {table}
           BEGIN SELECT RAISE(ABORT, '{table} is append-only: {op_name.upper()} refused'); END"""
        for table in ("signatures", "status_changes") for op_name in ("update", "delete")
    ],
    "postgresql": [
        statement
        for table in ("signatures", "status_changes")
        for statement in (
            f"""CREATE TRIGGER {table}_no_update_delete BEFORE UPDATE OR DELETE ON {table}
               FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
            f"""CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
               FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
        )
    ],
}


def upgrade() -> None:
    op.create_table('signature_rule_extras',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('transition_key', sa.String(length=120), nullable=False),
    sa.Column('label', sa.String(length=80), nullable=False),
    sa.Column('meaning', sa.Enum(*MEANINGS, name='meaning', native_enum=False, length=12), nullable=False),
    sa.Column('roles', RoleSet(length=200), nullable=False),
    sa.Column('not_performers', sa.Boolean(), nullable=False),
    sa.Column('needs_comment', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('added_at', UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature_rule_extras'))
    )
    with op.batch_alter_table('signature_rule_extras', schema=None) as batch_op:
        batch_op.create_index('ix_signature_rule_extras_transition_key', ['transition_key'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=120), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('at', UTCDateTime(timezone=True), nullable=False),
    sa.Column('by_user', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_status_changes'))
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index('ix_status_changes_record', ['record_type', 'record_id', 'id'], unique=False)

    op.create_table('signatures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=120), nullable=False),
    sa.Column('purpose', sa.String(length=120), nullable=False),
    sa.Column('requirement', sa.String(length=40), nullable=False),
    sa.Column('meaning', sa.Enum(*MEANINGS, name='meaning', native_enum=False, length=12), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('printed_name', sa.String(length=120), nullable=False),
    sa.Column('at', UTCDateTime(timezone=True), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('content_version', sa.String(length=8), nullable=False),
    sa.Column('comment', sa.Text(), nullable=True),
    sa.Column('state_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_signatures_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signatures'))
    )
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.create_index('ix_signatures_record', ['record_type', 'record_id'], unique=False)

    _copy_status_history()
    for statement in GUARDS["postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"]:
        op.execute(statement)


def _copy_status_history() -> None:
    """Each lot and batch status the audit trail recorded (created in, changed from and to), oldest first."""
    audit = sa.table('audit_log', sa.column('seq', sa.Integer()), sa.column('at', UTCDateTime()),
                     sa.column('user_id', sa.String()), sa.column('record_type', sa.String()),
                     sa.column('record_id', sa.String()), sa.column('action', sa.String()),
                     sa.column('changes', sa.Text()), sa.column('reason', sa.Text()))
    history = sa.table('status_changes', sa.column('record_type', sa.String()), sa.column('record_id', sa.String()),
                       sa.column('from_status', sa.String()), sa.column('to_status', sa.String()),
                       sa.column('at', UTCDateTime()), sa.column('by_user', sa.String()),
                       sa.column('reason', sa.Text()))
    bind = op.get_bind()
    found = bind.execute(
        sa.select(audit.c.at, audit.c.user_id, audit.c.record_type, audit.c.record_id, audit.c.changes,
                  audit.c.reason)
        .where(audit.c.record_type.in_(['lot', 'batch']), audit.c.action.in_(['CREATE', 'UPDATE']))
        .order_by(audit.c.seq)
    )
    rows = []
    for at, user_id, record_type, record_id, changes, reason in found:
        status = json.loads(changes or '{}').get('status')
        if status and status[1]:
            rows.append({'record_type': record_type, 'record_id': record_id, 'from_status': status[0],
                         'to_status': status[1], 'at': at, 'by_user': user_id, 'reason': reason})
    if rows:
        bind.execute(sa.insert(history), rows)


def downgrade() -> None:
    with op.batch_alter_table('signatures', schema=None) as batch_op:
        batch_op.drop_index('ix_signatures_record')

    op.drop_table('signatures')
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index('ix_status_changes_record')

    op.drop_table('status_changes')
    with op.batch_alter_table('signature_rule_extras', schema=None) as batch_op:
        batch_op.drop_index('ix_signature_rule_extras_transition_key')

    op.drop_table('signature_rule_extras')
