"""Helpers for the use-case tests: read the trail back, reach the database outside the application."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, create_engine, text

from app import role_grants, users
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
    """An administrator adds the user with a temporary password; the user sets their own and is logged in.
    Signing roles are approved by a second administrator, as ACC-6 wants (see `approve_signing_roles`)."""
    temporary = f"Temp-{user_id}-0001"
    users.add_user(ctx.uow(), admin, ctx.auth, user_id, printed_name or user_id.title(), roles, temporary,
                   accept_conflicts="test site: one person on purpose")
    approve_signing_roles(ctx, admin, user_id)
    return users.change_own_password(ctx.uow(), ctx.auth, user_id, temporary, password)


APPROVER_ID = "zz-approver"  # listed after the users a test makes
APPROVER_PASSWORD = "Approver-pass-2026"


def approve_signing_roles(ctx: AppContext, admin: Actor, user_id: str) -> None:
    """Approve every pending grant of signing roles to `user_id` as a second administrator (`approver`, added
    by `admin` the first time it is needed): the four eyes ACC-6 asks for, in the tests' set-up."""
    with ctx.read_uow().acting_as(SYSTEM_ACTOR) as tx:
        grants = [grant.id for grant in tx.role_grants.pending(user_id)]
        exists = tx.users.get(APPROVER_ID) is not None
    if not grants:
        return
    if not exists:
        temporary = "Temp-approver-0001"
        users.add_user(ctx.uow(), admin, ctx.auth, APPROVER_ID, "Second Administrator", {Role.ADMINISTRATOR},
                       temporary)
        users.change_own_password(ctx.uow(), ctx.auth, APPROVER_ID, temporary, APPROVER_PASSWORD)
    approver = users.log_in(ctx.uow(), ctx.auth, APPROVER_ID, APPROVER_PASSWORD)
    for grant_id in grants:
        assert grant_id is not None
        role_grants.approve_grant(ctx.uow(), approver, ctx.auth, grant_id, APPROVER_PASSWORD)

