"""The schema: one MetaData with a naming convention, so migrations name constraints the same everywhere."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from persistence.types import RoleSet, StringTuple, UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# SQLite makes an INTEGER PRIMARY KEY the rowid: the fastest key for walking the chain in order.
SeqType = BigInteger().with_variant(Integer(), "sqlite")

users = Table(
    "users",
    metadata,
    Column("user_id", String(32), primary_key=True),
    Column("printed_name", String(120), nullable=False),
    Column("roles", RoleSet(), nullable=False),
    Column("active", Boolean(create_constraint=False), nullable=False),
    Column("locked", Boolean(create_constraint=False), nullable=False),
    Column("failed_logins", Integer, nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("password_history", StringTuple(), nullable=False),
    Column("password_changed_at", UTCDateTime(), nullable=False),
    Column("must_change_password", Boolean(create_constraint=False), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", SeqType, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("user_name", String(120), nullable=False),
    Column("record_type", String(40), nullable=False),
    Column("record_id", String(120), nullable=False),
    Column("action", String(30), nullable=False),
    Column("changes", Text, nullable=False),
    Column("reason", Text, nullable=True),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Index("ix_audit_log_record", "record_type", "record_id"),
    Index("ix_audit_log_user_id", "user_id"),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_action", "action"),
)
