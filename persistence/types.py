"""Column types that store domain values the same way on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import DateTime, Dialect, Numeric, String, Text
from sqlalchemy.types import TypeDecorator, TypeEngine

from domain.quantities import QUANTUM
from domain.users import Role

# Quantities (GEN-7: 12 digits before the point, 6 after) are kept exactly on both engines. PostgreSQL has
# NUMERIC(18, 6). SQLite's NUMERIC keeps a decimal as a 64-bit float (999999999999.999999 became 1e12), so
# there the same column holds whole millionths: an integer up to 10**18, within SQLite's 64 bits, which its SUM
# adds exactly (and refuses with "integer overflow" rather than rounding past 9.2e18 millionths).
MICRO_DIGITS = 6


def to_millionths(value: Decimal) -> int:
    scaled = Decimal(value).scaleb(MICRO_DIGITS)
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than {MICRO_DIGITS} decimal places: not a quantity")
    return int(scaled)


def from_millionths(raw: Any) -> Decimal:
    """A quantity as SQLite keeps it (whole millionths), also what its SUM gives."""
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"{raw!r} is not a quantity in millionths")
    return Decimal(raw).scaleb(-MICRO_DIGITS).quantize(QUANTUM)


def _exact(raw: Any) -> Decimal:
    return Decimal(raw).quantize(QUANTUM)


def raw_quantity(dialect: Dialect) -> Callable[[Any], Decimal]:
    """How a quantity column (or a SUM of one) read on the bare DB-API cursor becomes a Decimal."""
    return from_millionths if dialect.name == "sqlite" else _exact


class _Millionths(Numeric):  # type: ignore[type-arg]
    """NUMERIC(18, 6) in the schema (the same DDL on both engines), with none of the driver's float conversions:
    `Quantity` binds and reads the whole millionths itself."""

    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        return None

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        return None


class Quantity(TypeDecorator[Decimal]):
    """An exact quantity: NUMERIC(18, 6) on PostgreSQL, whole millionths on SQLite (see MICRO_DIGITS)."""

    impl = Numeric(18, 6)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        return _Millionths(18, 6) if dialect.name == "sqlite" else Numeric(18, 6)

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> Any:
        if value is None or dialect.name != "sqlite":
            return value
        return to_millionths(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return from_millionths(value) if dialect.name == "sqlite" else _exact(value)


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
