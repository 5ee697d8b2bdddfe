"""the print journal: one row per label job, its state, who printed what on which printer (DEVC-6)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 02:47:50.569006
"""
import sqlalchemy as sa
from alembic import op

from persistence.types import UTCDateTime

STATES = ('queued', 'printing', 'printed', 'waiting for printer', 'failed', 'cancelled')

# A journal entry changes state but is never removed (DEVC-6: no job is lost, printed or not).
GUARDS = {
    "sqlite": [
        """CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs
           BEGIN SELECT RAISE(ABORT, 'print_jobs is the print journal: DELETE refused'); END""",
    ],
    "postgresql": [
        """CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('the print journal keeps every job')""",
        """CREATE TRIGGER print_jobs_no_truncate BEFORE TRUNCATE ON print_jobs
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('the print journal keeps every job')""",
    ],
}


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('print_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('user_name', sa.String(length=120), nullable=False),
    sa.Column('record_type', sa.String(length=40), nullable=False),
    sa.Column('record_id', sa.String(length=120), nullable=False),
    sa.Column('template_name', sa.String(length=60), nullable=False),
    sa.Column('template_version', sa.Integer(), nullable=False),
    sa.Column('copies', sa.Integer(), nullable=False),
    sa.Column('printer', sa.String(length=80), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('transport', sa.String(length=300), nullable=False),
    sa.Column('state', sa.Enum(*STATES, name='printstate', native_enum=False, length=20), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('reprint_of', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['reprint_of'], ['print_jobs.id'], name=op.f('fk_print_jobs_reprint_of_print_jobs')),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_print_jobs_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_jobs'))
    )
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_index('ix_print_jobs_record', ['record_type', 'record_id'], unique=False)
        batch_op.create_index('ix_print_jobs_state', ['state'], unique=False)

    for statement in GUARDS["postgresql" if op.get_bind().dialect.name == "postgresql" else "sqlite"]:
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_index('ix_print_jobs_state')
        batch_op.drop_index('ix_print_jobs_record')

    op.drop_table('print_jobs')
