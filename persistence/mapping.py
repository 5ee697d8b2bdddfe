"""Imperative mapping of domain classes onto the tables, and which of them the audit trail records."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import registry

from domain.users import User
from persistence.tables import users

mapper_registry = registry()


@dataclass(frozen=True)
class AuditedType:
    record_type: str
    redacted: frozenset[str] = frozenset()  # changed, but the values never enter the trail


AUDITED: dict[type, AuditedType] = {
    User: AuditedType("user", frozenset({"password_hash", "password_history"})),
}

_mapped = False


def map_domain() -> None:
    """Map once per process; idempotent so tests and the app can both call it."""
    global _mapped
    if _mapped:
        return
    mapper_registry.map_imperatively(User, users)
    _mapped = True
