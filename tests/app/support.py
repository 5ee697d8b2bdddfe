"""Helpers for the use-case tests: read the trail back, reach the database outside the application."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, create_engine, text

from app import users
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.audit import AuditEntry
from domain.users import SYSTEM_ACTOR, Actor, Role
from persistence.engine import parse_url

CLERK_PASSWORD = "Clerk-pass-2026"


def trail(ctx: AppContext, **flt: Any) -> list[AuditEntry]:
    """The whole trail (or a filtered part), oldest first, read as the system."""
    with ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        return list(tx.audit.iter_all(AuditFilter(**flt)))


def last_entry(ctx: AppContext) -> AuditEntry:
    return trail(ctx)[-1]


@contextmanager
def plain_connection(db_url: str) -> Iterator[Connection]:
    """A connection of our own, not the application's engine: no BEGIN IMMEDIATE, no pragmas, no hooks.
    Committed on success like any SQL client would."""
    engine = create_engine(parse_url(db_url))
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def raw_user(db_url: str, user_id: str) -> dict[str, Any]:
    with plain_connection(db_url) as c:
        row = c.execute(text("SELECT * FROM users WHERE user_id = :u"), {"u": user_id}).mappings().one()
        return dict(row)


def users_snapshot(db_url: str) -> list[dict[str, Any]]:
    with plain_connection(db_url) as c:
        return [dict(r) for r in c.execute(text("SELECT * FROM users ORDER BY user_id")).mappings()]


def add_and_activate(
    ctx: AppContext, admin: Actor, user_id: str, roles: set[Role], password: str = CLERK_PASSWORD,
    printed_name: str | None = None,
) -> Actor:
    """An administrator adds the user with a temporary password; the user sets their own and is logged in."""
    temporary = f"Temp-{user_id}-0001"
    users.add_user(ctx.uow(), admin, ctx.auth, user_id, printed_name or user_id.title(), roles, temporary)
    return users.change_own_password(ctx.uow(), ctx.auth, user_id, temporary, password)

