"""The change-control tables (CHG-1): change requests and the versions each names. Same MetaData as
`persistence.tables`; the database guards of migration 0018 refuse an effective version without one."""

from __future__ import annotations

from sqlalchemy import Column, Date, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint

from domain.change_control import ChangeStatus, Classification, ItemAction
from persistence.tables import _enum, metadata
from persistence.types import UTCDateTime

change_requests = Table(
    "change_requests",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("number", String(40), nullable=False, unique=True),
    Column("title", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Column("classification", _enum(Classification, 10), nullable=False),
    Column("requester", String(32), ForeignKey("users.user_id"), nullable=False),
    Column("requested_at", UTCDateTime(), nullable=False),
    Column("effective_on", Date, nullable=False),
    Column("status", _enum(ChangeStatus, 14), nullable=False),
    Column("impact", Text, nullable=True),
    Column("submitted_at", UTCDateTime(), nullable=True),
    Column("approved_at", UTCDateTime(), nullable=True),
    Column("implemented_at", UTCDateTime(), nullable=True),
    Column("implemented_by", String(32), ForeignKey("users.user_id"), nullable=True),
    Column("version", Integer, nullable=False),
    Index("ix_change_requests_status", "status"),
)

change_request_items = Table(
    "change_request_items",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("change_id", Integer, ForeignKey("change_requests.id"), nullable=False),
    Column("item_no", Integer, nullable=False),
    Column("record_type", String(8), nullable=False),
    Column("record_key", String(32), nullable=False),
    Column("version", Integer, nullable=False),
    Column("action", _enum(ItemAction, 16), nullable=False),
    UniqueConstraint("change_id", "item_no", name="uq_change_request_items_change_no"),
    Index("ix_change_request_items_record", "record_type", "record_key", "version"),
)
