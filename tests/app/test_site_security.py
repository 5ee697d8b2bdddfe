"""The site's security policy in the database (ACC-7), on real SQLite and PostgreSQL: every station reads it,
only an administrator changes it, with a reason, and the database refuses to loosen or rewrite it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import bootstrap, site_security, users
from app.bootstrap import AppContext
from app.settings import Settings, load_settings, settings_path
from domain.errors import AccessDenied, AuthenticationFailed, PasswordExpired, ReasonRequired, ValidationError
from domain.site_security import DEFAULTS, SecurityValues
from domain.users import Actor, Role
from tests.app.support import CLERK_PASSWORD, add_and_activate, plain_connection, raw_user, trail
from tests.conftest import FAST_HASHER


def _url(ctx: AppContext) -> str:
    return str(ctx._engine.url.render_as_string(hide_password=False))


@pytest.mark.req("ACC-7")
def test_the_defaults_apply_until_an_administrator_changes_the_policy_with_a_reason(
    ctx: AppContext, admin: Actor
) -> None:
    before = site_security.current_security(ctx.read_uow())
    assert (before.version, before.values, before.changed_by) == (0, DEFAULTS, None)
    assert ctx.security == before

    with pytest.raises(ReasonRequired):
        site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 3}, "  ")
    view = site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 3, "idle_lock_minutes": 5},
                                         "SOP-012 rev 4: tighter lock-out")
    assert view.version == 1
    assert view.values == SecurityValues(max_failed_logins=3, idle_lock_minutes=5)
    assert view.changed_by == "admin"

    entry = trail(ctx)[-1]
    assert (entry.user_id, entry.record_type, entry.record_id, entry.action) == ("admin", "site_security", "v1",
                                                                                 "CREATE")
    assert entry.reason == "SOP-012 rev 4: tighter lock-out"
    changes = entry.change_map()
    assert changes["max_failed_logins"] == [None, 3]
    assert changes["idle_lock_minutes"] == [None, 5]

    second = site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 4}, "one more try")
    assert (second.version, second.values.max_failed_logins, second.values.idle_lock_minutes) == (2, 4, 5)
    with plain_connection(_url(ctx)) as c:  # the old version stays: corrections are new rows
        rows = c.execute(text("SELECT version, max_failed_logins FROM site_security ORDER BY version")).all()
    assert [tuple(r) for r in rows] == [(1, 3), (2, 4)]


@pytest.mark.req("ACC-7")
@pytest.mark.req("ACC-4")
def test_only_an_administrator_changes_the_policy_and_bad_values_are_refused(
    ctx: AppContext, admin: Actor, clerk: Actor
) -> None:
    with pytest.raises(AccessDenied):
        site_security.change_security(ctx.uow(), clerk, {"max_failed_logins": 10}, "I keep mistyping")
    assert trail(ctx)[-1].action == "ACCESS_DENIED"
    for changes, message in (
        ({"max_failed_logins": 11}, "from 3 to 10"),
        ({"password_min_length": 7}, "from 8 to 64"),
        ({"idle_lock_minutes": 0}, "from 1 to 240"),
        ({"password_history": True}, "whole number"),
        ({"colour": 3}, "unknown security setting"),
        ({"max_failed_logins": 5}, "unchanged"),
    ):
        with pytest.raises(ValidationError, match=message):
            site_security.change_security(ctx.uow(), admin, changes, "trying")  # type: ignore[arg-type]
    assert site_security.current_security(ctx.read_uow()).version == 0


@pytest.mark.req("ACC-7")
@pytest.mark.req("ACC-3")
def test_the_lock_out_threshold_comes_from_the_database_not_from_the_station(
    ctx: AppContext, admin: Actor, clerk: Actor, db_url: str
) -> None:
    site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 3}, "SOP-012 rev 4")
    # A station that opened before the change, or with an old settings file, still counts to 3.
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
    row = raw_user(db_url, "wes")
    assert (row["locked"], row["failed_logins"]) == (True, 3)
    reasons = [e.reason for e in trail(ctx, action="LOGIN_FAILED", record_id="wes")]
    assert reasons[-1] == "wrong password at log-in: account locked after 3 failures"
    assert reasons[0] == "wrong password at log-in (1 of 3)"


@pytest.mark.req("ACC-7")
@pytest.mark.req("ACC-2")
def test_password_rules_come_from_the_database(ctx: AppContext, admin: Actor) -> None:
    site_security.change_security(ctx.uow(), admin, {"password_min_length": 14, "password_history": 2},
                                  "longer passwords")
    with pytest.raises(ValidationError, match="at least 14 characters"):
        users.add_user(ctx.uow(), admin, ctx.auth, "wes", "Wes", {Role.WAREHOUSE}, "Short-pass-01")
    add_and_activate(ctx, admin, "wesley", {Role.WAREHOUSE}, password="Long-password-0001")
    site_security.change_security(ctx.uow(), admin, {"password_expiry_days": 1}, "test expiry")
    with plain_connection(_url(ctx)) as c:  # the password was set two days ago
        c.execute(text("UPDATE users SET password_changed_at = password_changed_at - INTERVAL '2 days' "
                       "WHERE user_id = 'wesley'") if ctx.database.kind == "PostgreSQL" else
                  text("UPDATE users SET password_changed_at = datetime(password_changed_at, '-2 days') "
                       "WHERE user_id = 'wesley'"))
    with pytest.raises(PasswordExpired, match="after 1 days"):
        users.log_in(ctx.uow(), ctx.auth, "wesley", "Long-password-0001")


@pytest.mark.req("ACC-7")
def test_a_station_settings_file_cannot_loosen_the_policy(
    ctx: AppContext, admin: Actor, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 3, "idle_lock_minutes": 5}, "SOP-012")
    monkeypatch.setenv("BATCHTRACE_CONFIG_DIR", str(tmp_path))
    path = settings_path()
    path.write_text(json.dumps({"version": 1, "max_failed_logins": 10, "idle_lock_minutes": 240,
                                "password_min_length": 8}), encoding="utf-8")
    assert load_settings() == Settings()  # the old keys are ignored, the station still starts
    station = bootstrap.open_context(db_url, hasher=FAST_HASHER)
    try:
        assert station.security.values == SecurityValues(max_failed_logins=3, idle_lock_minutes=5)
        add_and_activate(station, admin, "wes", {Role.WAREHOUSE})
        for _ in range(3):
            with pytest.raises(AuthenticationFailed):
                users.log_in(station.uow(), station.auth, "wes", "Wrong-pass-0000")
        assert raw_user(db_url, "wes")["locked"]
        with pytest.raises(AuthenticationFailed):
            users.log_in(station.uow(), station.auth, "wes", CLERK_PASSWORD)
    finally:
        station.dispose()


@pytest.mark.req("ACC-7")
def test_the_database_refuses_raw_sql_that_rewrites_or_loosens_the_policy(ctx: AppContext, admin: Actor) -> None:
    site_security.change_security(ctx.uow(), admin, {"max_failed_logins": 3}, "SOP-012")
    url = _url(ctx)
    for statement, refusal in (
        ("UPDATE site_security SET max_failed_logins = 10", "append-only|protected"),
        ("DELETE FROM site_security", "append-only|protected"),
        ("INSERT INTO site_security (version, max_failed_logins, password_min_length, password_expiry_days, "
         "password_history, idle_lock_minutes, changed_by, changed_at) "
         "VALUES (2, 99, 1, 9999, 0, 9999, 'admin', CURRENT_TIMESTAMP)", "ck_site_security"),
    ):
        with pytest.raises(DBAPIError, match=refusal), plain_connection(url) as c:
            c.execute(text(statement))
    assert site_security.current_security(ctx.read_uow()).values.max_failed_logins == 3
