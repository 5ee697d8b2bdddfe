"""The CAPA tables (DEV-2): each CAPA and its actions. Same MetaData as `persistence.tables`."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from domain.capa import ActionKind, CapaStatus
from persistence.tables import _enum, metadata
from persistence.types import UTCDateTime

capas = Table(
    "capas",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(40), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False),
    Column("deviation", String(40), ForeignKey("deviations.number"), nullable=True),
    Column("status", _enum(CapaStatus), nullable=False),
    Column("opened_by", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("opened_at", UTCDateTime(), nullable=False),
    Column("effectiveness_due", Date, nullable=False),
    Column("effectiveness", Text, nullable=True),
    Column("effective", Boolean(create_constraint=False), nullable=True),
    Column("checked_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("checked_at", UTCDateTime(), nullable=True),
    Column("closed_at", UTCDateTime(), nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_capas_status", "status"),
)

capa_actions = Table(
    "capa_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("capa_id", Integer, ForeignKey("capas.id"), nullable=False),
    Column("action_no", Integer, nullable=False),
    Column("kind", _enum(ActionKind), nullable=False),
    Column("description", Text, nullable=False),
    Column("owner", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("due_on", Date, nullable=False),
    Column("evidence", Text, nullable=True),
    Column("done_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("done_at", UTCDateTime(), nullable=True),
    # The change request the action needs (CHG-1): the action closes once that change is implemented.
    Column("change_request", String(40), ForeignKey("change_requests.number"), nullable=True),
    UniqueConstraint("capa_id", "action_no", name="uq_capa_actions_capa_no"),
    Index("ix_capa_actions_open", "owner", "due_on"),
)
