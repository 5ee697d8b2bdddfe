"""Column types that store domain values the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, String, Text
from sqlalchemy.types import TypeDecorator

from domain.users import Role


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python; UTC in the database (naive text on SQLite, timestamptz on PostgreSQL)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are refused: BatchTrace stores UTC only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class RoleSet(TypeDecorator[frozenset[Role]]):
    """A user's roles as sorted, comma-separated constant names: readable in SQL, stable for the audit diff."""

    impl = String(200)
    cache_ok = True

    def process_bind_param(self, value: frozenset[Role] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return ",".join(sorted(role.name for role in value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> frozenset[Role] | None:
        if value is None:
            return None
        return frozenset(Role[name] for name in value.split(",") if name)


class StringTuple(TypeDecorator[tuple[str, ...]]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: tuple[str, ...] | None, dialect: Dialect) -> str | None:
        return None if value is None else json.dumps(list(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> tuple[str, ...] | None:
        return None if value is None else tuple(json.loads(value))


def audit_value(value: Any) -> Any:
    """A column value as it appears in the audit trail's JSON (old and new values)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, frozenset | set):
        return sorted(getattr(v, "value", v) for v in value)
    if isinstance(value, tuple):
        return [audit_value(v) for v in value]
    if hasattr(value, "value") and hasattr(value, "name") and not isinstance(value, str | int | float):
        return value.value
    return value
