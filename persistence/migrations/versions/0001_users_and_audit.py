"""users and the append-only, hash-chained audit trail

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""
import sqlalchemy as sa
from alembic import op

from persistence.types import RoleSet, StringTuple, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SQLITE_GUARDS = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END""",
    """CREATE TRIGGER users_no_delete BEFORE DELETE ON users
       BEGIN SELECT RAISE(ABORT, 'users are deactivated, never deleted'); END""",
]

PG_GUARDS = [
    """CREATE FUNCTION batchtrace_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION '% is protected: % refused (%)', TG_TABLE_NAME, TG_OP, TG_ARGV[0]
           USING ERRCODE = 'insufficient_privilege';
       END $$""",
    """CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('append-only')""",
    """CREATE TRIGGER users_no_delete BEFORE DELETE ON users
       FOR EACH ROW EXECUTE FUNCTION batchtrace_refuse('deactivate, never delete')""",
    """CREATE TRIGGER users_no_truncate BEFORE TRUNCATE ON users
       FOR EACH STATEMENT EXECUTE FUNCTION batchtrace_refuse('deactivate, never delete')""",
]


def upgrade() -> None:
    seq_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("printed_name", sa.String(120), nullable=False),
        sa.Column("roles", RoleSet(), nullable=False),
        sa.Column("active", sa.Boolean(create_constraint=False), nullable=False),
        sa.Column("locked", sa.Boolean(create_constraint=False), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("password_history", StringTuple(), nullable=False),
        sa.Column("password_changed_at", UTCDateTime(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(create_constraint=False), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_users")),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", seq_type, autoincrement=False, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("user_name", sa.String(120), nullable=False),
        sa.Column("record_type", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(120), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_record", "audit_log", ["record_type", "record_id"])
    op.create_index("ix_audit_log_user_id", "audit_log", ["user_id"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_action", "audit_log", ["action"])
    guards = PG_GUARDS if op.get_bind().dialect.name == "postgresql" else SQLITE_GUARDS
    for statement in guards:
        op.execute(statement)


def downgrade() -> None:
    # Dropping the audit trail is a development-only path: a validated site never downgrades past 0001.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE audit_log")
        op.execute("DROP TABLE users")
        op.execute("DROP FUNCTION batchtrace_refuse()")
    else:
        op.drop_table("audit_log")
        op.drop_table("users")
