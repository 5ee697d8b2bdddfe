"""Recovery of a locked-out last administrator by whoever holds the database (ACC-7), on real SQLite and
PostgreSQL: only then, only by the database owner, audited with who did it and why."""

from __future__ import annotations

import pytest

from app import bootstrap, users
from app.bootstrap import AppContext
from domain.errors import AccessDenied, AuthenticationFailed, PasswordExpired, ReasonRequired, ValidationError
from domain.users import Actor, Role
from tests.app.support import add_and_activate, raw_user, trail
from tests.cli.support import as_station
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER


def lock_out(ctx: AppContext, user_id: str) -> None:
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ctx.uow(), ctx.auth, user_id, "Wrong-pass-0000")


@pytest.mark.req("ACC-7", "ACC-3")
def test_the_database_owner_unlocks_the_locked_out_last_administrator(
    ctx: AppContext, admin: Actor, db_url: str
) -> None:
    lock_out(ctx, "admin")
    with pytest.raises(AuthenticationFailed):
        users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
    view = users.recover_administrator(ctx.uow(), ctx.auth, ctx.database_owner, "Olga Owner", "admin",
                                       "locked out; identity checked by the QA head")
    assert (view.locked, view.failed_logins) == (False, 0)
    assert raw_user(db_url, "admin")["locked"] in (False, 0)

    unlock, event = trail(ctx)[-2:]
    assert unlock.user_id == event.user_id == "@db-owner"
    assert event.user_name.startswith("Olga Owner (OS user ")
    assert ("PostgreSQL role" in event.user_name) == db_url.startswith("postgresql")
    assert (unlock.action, unlock.record_id) == ("UPDATE", "admin")
    assert unlock.change_map() == {"failed_logins": [5, 0], "locked": [True, False]}
    assert unlock.reason == ("recovery of the last administrator by the database owner: "
                             "locked out; identity checked by the QA head")
    assert (event.action, event.record_id) == ("ADMIN_RECOVERED", "admin")
    assert users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD).user_id == "admin"


@pytest.mark.req("ACC-7")
def test_with_a_temporary_password_the_administrator_sets_a_new_one(ctx: AppContext, admin: Actor) -> None:
    lock_out(ctx, "admin")
    users.recover_administrator(ctx.uow(), ctx.auth, ctx.database_owner, "Olga Owner", "admin",
                                "password forgotten", "Temp-recovery-01")
    with pytest.raises(PasswordExpired, match="must set a new password"):
        users.log_in(ctx.uow(), ctx.auth, "admin", "Temp-recovery-01")
    users.change_own_password(ctx.uow(), ctx.auth, "admin", "Temp-recovery-01", "New-admin-pass-2027")


@pytest.mark.req("ACC-7")
def test_the_recovery_is_only_for_a_locked_out_last_administrator(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    lock_out(ctx, "wes")
    owner = ctx.database_owner
    with pytest.raises(ValidationError, match="'wes' is not an active administrator"):
        users.recover_administrator(ctx.uow(), ctx.auth, owner, "Olga Owner", "wes", "help")
    with pytest.raises(ValidationError, match="account 'admin' is not locked"):
        users.recover_administrator(ctx.uow(), ctx.auth, owner, "Olga Owner", "admin", "help")
    add_and_activate(ctx, admin, "ada2", {Role.ADMINISTRATOR})
    lock_out(ctx, "admin")
    with pytest.raises(ValidationError, match="administrator ada2 can unlock 'admin'"):
        users.recover_administrator(ctx.uow(), ctx.auth, owner, "Olga Owner", "admin", "help")
    with pytest.raises(ReasonRequired):
        users.recover_administrator(ctx.uow(), ctx.auth, owner, "Olga Owner", "admin", " ")
    assert raw_user(ctx._engine.url.render_as_string(hide_password=False), "admin")["locked"] in (True, 1)
    assert not [e for e in trail(ctx) if e.action == "ADMIN_RECOVERED"]


# PostgreSQL only: on SQLite whoever can write the file holds the database (README).
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
@pytest.mark.req("ACC-7", "ACC-4")
def test_a_station_role_that_does_not_own_the_tables_is_refused_and_the_attempt_audited(
    ctx: AppContext, admin: Actor, db_url: str
) -> None:
    lock_out(ctx, "admin")
    station = bootstrap.open_context(as_station(db_url), hasher=FAST_HASHER)  # the role stations use (AUD-7)
    try:
        with pytest.raises(AccessDenied, match="PostgreSQL role batchtrace_station is not the database owner"):
            users.recover_administrator(station.uow(), station.auth, station.database_owner, "Mallory", "admin",
                                        "let me in")
    finally:
        station.dispose()
    refusal = trail(ctx)[-1]
    assert (refusal.action, refusal.user_id, refusal.record_id) == ("ACCESS_DENIED", "@db-owner", "DATABASE_OWNER")
    assert "Mallory" in refusal.user_name
    assert raw_user(db_url, "admin")["locked"]
