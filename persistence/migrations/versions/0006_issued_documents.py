"""the register of issued documents: batch records and reports with the SHA-256 of each file (DOC-1, DOC-2)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""
import sqlalchemy as sa
from alembic import op

from persistence.types import UTCDateTime

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# An issued document is a fact, like an audit entry: never changed, never removed.
GUARDS = {
    "sqlite": [
        f"""CREATE TRIGGER issued_documents_no_{op_name} BEFORE {op_name.upper()} ON issued_documents
           BEGIN SELECT RAISE(ABORT, 'issued_documents is append-only: {op_name.upper()} refused'); END"""
        for op_name in ("update", "delete")
    ],
    "postgresql": [
        """CREATE TRIGGER issued_documents_no_update_delete BEFORE UPDATE OR DELETE ON issued_documents
           FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
        """CREATE TRIGGER issued_documents_no_truncate BEFORE TRUNCATE ON issued_documents
           FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    ],
}


def upgrade() -> None:
    op.create_table('issued_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=80), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('file_format', sa.String(length=8), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=False),
    sa.Column('controlled', sa.Boolean(), nullable=False),
    sa.Column('generated_at', UTCDateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('user_name', sa.String(length=120), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('audit_seq', sa.BigInteger(), nullable=False),
    sa.Column('audit_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.user_id'], name=op.f('fk_issued_documents_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('number', name=op.f('uq_issued_documents_number')),
    sa.UniqueConstraint('kind', 'subject', 'revision', name='uq_issued_documents_kind_subject_revision'),
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index('ix_issued_documents_file_sha256', ['file_sha256'], unique=False)
        batch_op.create_index('ix_issued_documents_subject', ['subject'], unique=False)
    for statement in GUARDS.get(op.get_bind().dialect.name, []):
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS issued_documents_no_update")
        op.execute("DROP TRIGGER IF EXISTS issued_documents_no_delete")
    op.drop_table('issued_documents')
