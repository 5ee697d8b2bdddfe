"""User administration, log-in, lock-out and passwords as use cases, on real SQLite and PostgreSQL (ACC-1..5)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import audit, lots, users
from app.bootstrap import AppContext
from app.passwords import Argon2Hasher
from app.ports import AuditFilter
from domain.errors import (
    AccessDenied,
    AccountLocked,
    AlreadyExists,
    AuthenticationFailed,
    NotFound,
    PasswordExpired,
    ReasonRequired,
    ValidationError,
)
from domain.users import SYSTEM_ACTOR, Actor, Role
from tests.app.support import (
    APPROVER_ID,
    CLERK_PASSWORD,
    add_and_activate,
    plain_connection,
    raw_user,
    trail,
    users_snapshot,
)
from tests.conftest import ADMIN_PASSWORD


def actions(ctx: AppContext, **flt: object) -> list[tuple[str, str, str | None]]:
    return [(e.action, e.record_id, e.reason) for e in trail(ctx, **flt)]


# --- ACC-1: unique IDs, deactivated, never deleted -------------------------------------------------------


@pytest.mark.req("ACC-1")
def test_deactivated_user_cannot_log_in_and_the_id_is_never_reused(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    view = users.deactivate_user(ctx.uow(), admin, "wes", "left the company")
    assert not view.active

    with pytest.raises(AuthenticationFailed, match="deactivated"):
        users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD)
    assert actions(ctx, action="LOGIN_FAILED")[-1] == ("LOGIN_FAILED", "wes", "user 'wes' is deactivated")

    before = users_snapshot(ctx_url(ctx))
    with pytest.raises(AlreadyExists, match=r"'wes' already exists \(deactivated\): user IDs are never reused"):
        users.add_user(ctx.uow(), admin, ctx.auth, "wes", "Another Wes", {Role.PRODUCTION}, "Fresh-pass-0001")
    assert users_snapshot(ctx_url(ctx)) == before
    listed = {u.user_id: u.active for u in users.list_users(ctx.read_uow(), admin)}
    assert listed == {"admin": True, "wes": False}
    with pytest.raises(ValidationError, match="already deactivated"):
        users.deactivate_user(ctx.uow(), admin, "wes", "again")


@pytest.mark.req("ACC-1")
def test_the_database_refuses_to_delete_users(ctx: AppContext, db_url: str, admin: Actor) -> None:
    with pytest.raises(DBAPIError, match=r"never delete|deactivate"), plain_connection(db_url) as c:
        c.execute(text("DELETE FROM users WHERE user_id = 'admin'"))
    with pytest.raises(DBAPIError, match=r"never delete|deactivate"), plain_connection(db_url) as c:
        c.execute(text("DELETE FROM users"))
    assert [u["user_id"] for u in users_snapshot(db_url)] == ["admin"]


@pytest.mark.req("ACC-1")
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
def test_postgresql_refuses_to_truncate_users(engine_name: str, db_url: str, ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(DBAPIError, match="deactivate, never delete"), plain_connection(db_url) as c:
        c.execute(text("TRUNCATE users CASCADE"))
    assert [u["user_id"] for u in users_snapshot(db_url)] == ["admin"]


@pytest.mark.req("ACC-1")
def test_unknown_users_cannot_be_administered(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(NotFound, match="no user 'ghost'"):
        users.unlock_user(ctx.uow(), admin, "ghost", "why not")
    with pytest.raises(ValidationError, match="invalid user ID"):
        users.add_user(ctx.uow(), admin, ctx.auth, "Not Valid", "X", {Role.WAREHOUSE}, "Fresh-pass-0001")
    with pytest.raises(ValidationError, match="reserved"):
        users.add_user(ctx.uow(), admin, ctx.auth, "system", "X", {Role.WAREHOUSE}, "Fresh-pass-0001")


# --- ACC-2: argon2id hashes, strength, history, expiry ----------------------------------------------------


@pytest.mark.req("ACC-2")
def test_only_an_argon2id_hash_is_stored(ctx: AppContext, db_url: str, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    for user_id, password in (("admin", ADMIN_PASSWORD), ("wes", CLERK_PASSWORD)):
        row = raw_user(db_url, user_id)
        assert row["password_hash"].startswith("$argon2id$v=19$")
        stored = " ".join(str(v) for v in row.values())
        assert password not in stored
    # Salted: the same password gives a different hash each time.
    assert ctx.auth.hasher.hash(CLERK_PASSWORD) != ctx.auth.hasher.hash(CLERK_PASSWORD)


@pytest.mark.req("ACC-2")
def test_the_production_hasher_is_slow_argon2id() -> None:
    digest = Argon2Hasher().hash("Some-password-1")
    assert digest.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert Argon2Hasher().verify(digest, "Some-password-1")
    assert not Argon2Hasher().verify(digest, "some-password-1")
    assert not Argon2Hasher().verify("not a hash", "Some-password-1")


@pytest.mark.req("ACC-2")
def test_weak_passwords_are_refused_everywhere(ctx: AppContext, admin: Actor) -> None:
    count = len(trail(ctx))
    for weak in ("Short-1", "lettersonly", "   Spaced-out-1 "):
        with pytest.raises(ValidationError):
            users.add_user(ctx.uow(), admin, ctx.auth, "wes", "Wes", {Role.WAREHOUSE}, weak)
        with pytest.raises(ValidationError):
            users.change_own_password(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD, weak)
        with pytest.raises(ValidationError):
            users.reset_password(ctx.uow(), admin, ctx.auth, "admin", weak, "forgotten")
    assert len(trail(ctx)) == count
    assert [u.user_id for u in users.list_users(ctx.read_uow(), admin)] == ["admin"]


@pytest.mark.req("ACC-2")
def test_none_of_the_last_five_passwords_may_be_reused(ctx: AppContext, admin: Actor) -> None:
    passwords = [f"History-pass-{i}" for i in range(1, 6)]
    current = ADMIN_PASSWORD
    for new in passwords:
        users.change_own_password(ctx.uow(), ctx.auth, "admin", current, new)
        current = new
    before = raw_user(ctx_url(ctx), "admin")
    for old in passwords:  # the current one and the four before it
        with pytest.raises(ValidationError, match="differ from the last 5 passwords"):
            users.change_own_password(ctx.uow(), ctx.auth, "admin", current, old)
    with pytest.raises(ValidationError, match="differ from the last 5"):
        users.reset_password(ctx.uow(), admin, ctx.auth, "admin", passwords[2], "forgotten")
    assert raw_user(ctx_url(ctx), "admin") == before
    # The sixth one back has dropped out of the history.
    users.change_own_password(ctx.uow(), ctx.auth, "admin", current, ADMIN_PASSWORD)
    assert users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD).user_id == "admin"


@pytest.mark.req("ACC-2")
def test_an_expired_password_must_be_changed(ctx: AppContext, admin: Actor) -> None:
    with ctx.uow().acting_as(SYSTEM_ACTOR) as tx:  # age the password through the repository
        user = tx.users.get("admin")
        assert user is not None
        user.password_changed_at = tx.now() - timedelta(days=91)
        tx.commit(reason="test: the password was set 91 days ago")

    with pytest.raises(PasswordExpired, match="expired after 90 days"):
        users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
    with pytest.raises(PasswordExpired):
        users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
    assert raw_user(ctx_url(ctx), "admin")["failed_logins"] == 0  # expiry is not a failed log-in

    users.change_own_password(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD, "Renewed-pass-2026")
    assert users.log_in(ctx.uow(), ctx.auth, "admin", "Renewed-pass-2026").user_id == "admin"


@pytest.mark.req("ACC-2")
def test_a_temporary_password_is_changed_at_first_log_in(ctx: AppContext, admin: Actor) -> None:
    users.add_user(ctx.uow(), admin, ctx.auth, "wes", "Wes", {Role.WAREHOUSE}, "Temp-pass-0001")
    with pytest.raises(PasswordExpired, match="must set a new password"):
        users.log_in(ctx.uow(), ctx.auth, "wes", "Temp-pass-0001")
    with pytest.raises(ValidationError, match="differ from the last"):
        users.change_own_password(ctx.uow(), ctx.auth, "wes", "Temp-pass-0001", "Temp-pass-0001")
    users.change_own_password(ctx.uow(), ctx.auth, "wes", "Temp-pass-0001", CLERK_PASSWORD)
    assert users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD).roles == frozenset({Role.WAREHOUSE})
    # An administrator's reset makes the password temporary again.
    users.reset_password(ctx.uow(), admin, ctx.auth, "wes", "Reset-pass-0002", "forgot the password")
    with pytest.raises(PasswordExpired, match="must set a new password"):
        users.log_in(ctx.uow(), ctx.auth, "wes", "Reset-pass-0002")


# --- ACC-3: lock-out after five failures, audited; unlock by an administrator ------------------------------


@pytest.mark.req("ACC-3")
def test_five_wrong_passwords_lock_the_account_and_each_is_audited(ctx: AppContext, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    messages = []
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as failed:
            users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
        assert type(failed.value) is AuthenticationFailed
        messages.append(str(failed.value))
    # One answer for every refusal: no count-down that tells a guesser the ID exists (issue 9, finding 8).
    assert messages == [users.LOGIN_REFUSED] * 4
    with pytest.raises(AuthenticationFailed) as locking:
        users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
    # Locked: the right password no longer helps, and that attempt is audited too.
    with pytest.raises(AuthenticationFailed) as locked:
        users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD)
    assert str(locking.value) == str(locked.value) == users.LOGIN_REFUSED
    row = raw_user(ctx_url(ctx), "wes")
    assert (row["locked"], row["failed_logins"]) == (True, 5)

    failures = [e for e in trail(ctx, record_type="user", record_id="wes") if e.action == "LOGIN_FAILED"]
    assert [e.reason for e in failures] == [
        *(f"wrong password at log-in ({i} of 5)" for i in range(1, 5)),
        "wrong password at log-in: account locked after 5 failures",
        "account 'wes' is locked after repeated failed log-ins: an administrator must unlock it",
    ]
    assert all((e.user_id, e.user_name) == ("wes", "Wes") for e in failures)
    lock = [e for e in trail(ctx, record_id="wes", action="UPDATE") if e.change_map().get("locked") == [False, True]]
    assert len(lock) == 1
    assert lock[0].change_map()["locked"] == [False, True]
    assert lock[0].reason == "wrong password at log-in: account locked after 5 failures"

    view = users.unlock_user(ctx.uow(), admin, "wes", "identity confirmed by phone")
    assert (view.locked, view.failed_logins) == (False, 0)
    unlock = trail(ctx)[-1]
    assert (unlock.user_id, unlock.action, unlock.reason) == ("admin", "UPDATE", "identity confirmed by phone")
    assert unlock.change_map() == {"failed_logins": [5, 0], "locked": [True, False]}
    assert users.log_in(ctx.uow(), ctx.auth, "wes", CLERK_PASSWORD).user_id == "wes"


@pytest.mark.req("ACC-3")
def test_a_success_in_between_restarts_the_count(ctx: AppContext, admin: Actor) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ctx.uow(), ctx.auth, "admin", "Wrong-pass-0000")
    users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD)
    assert raw_user(ctx_url(ctx), "admin")["failed_logins"] == 0
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ctx.uow(), ctx.auth, "admin", "Wrong-pass-0000")
    assert not raw_user(ctx_url(ctx), "admin")["locked"]


@pytest.mark.req("ACC-3")
def test_an_unknown_user_id_is_audited_without_revealing_it_is_unknown(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(AuthenticationFailed) as unknown:
        users.log_in(ctx.uow(), ctx.auth, "mallory", "Whatever-pass-1")
    with pytest.raises(AuthenticationFailed) as wrong:
        users.log_in(ctx.uow(), ctx.auth, "admin", "Whatever-pass-1")
    assert str(unknown.value) == str(wrong.value) == users.LOGIN_REFUSED
    # The attempt is audited; what was typed is not kept: it may be a password typed into the ID field.
    typed_ids = ("mallory", "x" * 300, "Robert'); DROP TABLE users;--", "   ", "张三", "My-Secret-pass-77")
    for typed in typed_ids[1:]:
        with pytest.raises(AuthenticationFailed, match="wrong user ID or password"):
            users.log_in(ctx.uow(), ctx.auth, typed, "Whatever-pass-1")
    unknown_entries = [e for e in trail(ctx, action="LOGIN_FAILED") if e.record_id == "?"]
    assert [(e.user_id, e.user_name, e.reason) for e in unknown_entries] == [
        ("?", "(unknown user ID)", users.UNKNOWN_USER_ID)] * len(typed_ids)
    with plain_connection(ctx_url(ctx)) as c:
        trail_text = repr(c.execute(text("SELECT * FROM audit_log")).all())
    for typed in typed_ids:
        if typed.strip():
            assert typed not in trail_text
    assert [u["user_id"] for u in users_snapshot(ctx_url(ctx))] == ["admin"]


@pytest.mark.req("ACC-3", "GEN-2")
def test_failures_from_several_stations_at_once_are_all_counted(ctx: AppContext, admin: Actor) -> None:
    """Each attempt reads and writes the count under a row lock: no failure is lost to a concurrent one."""
    import threading

    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    stations, attempts = 4, 3
    barrier = threading.Barrier(stations)
    outcomes: list[str] = []

    def station() -> None:
        barrier.wait()
        for _ in range(attempts):
            try:
                users.log_in(ctx.uow(), ctx.auth, "wes", "Wrong-pass-0000")
            except AuthenticationFailed as error:
                outcomes.append(type(error).__name__)

    threads = [threading.Thread(target=station) for _ in range(stations)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(outcomes) == stations * attempts
    assert outcomes.count("AuthenticationFailed") == stations * attempts  # one answer, locked or not
    reasons = [e.reason for e in trail(ctx, record_id="wes", action="LOGIN_FAILED")]
    assert reasons[:5] == [*(f"wrong password at log-in ({i} of 5)" for i in range(1, 5)),
                           "wrong password at log-in: account locked after 5 failures"]
    assert len(reasons) == stations * attempts
    row = raw_user(ctx_url(ctx), "wes")
    assert (row["locked"], row["failed_logins"]) == (True, 5)


@pytest.mark.req("ACC-3")
def test_a_locked_account_is_unlocked_only_by_an_administrator(ctx: AppContext, admin: Actor, clerk: Actor) -> None:
    other = add_and_activate(ctx, admin, "olga", {Role.PRODUCTION})
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            users.log_in(ctx.uow(), ctx.auth, "olga", "Wrong-pass-0000")
    with pytest.raises(AccessDenied):
        users.unlock_user(ctx.uow(), clerk, "olga", "let me help")
    assert raw_user(ctx_url(ctx), "olga")["locked"]
    with pytest.raises(AccountLocked):  # the locked person's open session cannot act either
        lots.list_lots(ctx.read_uow(), other)
    with pytest.raises(ValidationError, match="is not locked"):
        users.unlock_user(ctx.uow(), admin, "wes", "nothing to unlock")
    users.unlock_user(ctx.uow(), admin, "olga", "called the help desk")
    assert not raw_user(ctx_url(ctx), "olga")["locked"]


@pytest.mark.req("ACC-4")
def test_rights_come_from_the_users_table_not_from_the_log_in(ctx: AppContext, admin: Actor, clerk: Actor) -> None:
    """A user demoted or deactivated while logged in cannot go on acting with the old rights."""
    second = add_and_activate(ctx, admin, "root2", {Role.ADMINISTRATOR})
    users.change_roles(ctx.uow(), admin, "root2", {Role.WAREHOUSE}, "moved to the warehouse")
    with pytest.raises(AuthenticationFailed, match="log in again"):
        users.list_users(ctx.uow(), second)
    users.deactivate_user(ctx.uow(), admin, "wes", "left the company")
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        lots.list_lots(ctx.read_uow(), clerk)
    users.record_session_event(ctx.uow(), clerk, "LOGOUT")  # the end of the session is still recorded


@pytest.mark.req("AUD-1")
def test_the_first_administrator_is_audited_under_the_printed_name_as_stored(ctx: AppContext) -> None:
    users.create_first_administrator(ctx.uow(), ctx.auth, "ada", "  Ada   Lovelace ", ADMIN_PASSWORD)
    entry = trail(ctx, record_id="ada")[-1]
    assert (entry.action, entry.user_id, entry.user_name) == ("CREATE", "ada", "Ada Lovelace")
    assert entry.change_map()["printed_name"] == [None, "Ada Lovelace"]


# --- ACC-4: every administrative use case checks the permission and audits a refusal -------------------


def _admin_use_cases(ctx: AppContext, tmp_path: Path) -> dict[str, tuple[str, object]]:
    auth = ctx.auth
    return {
        "add_user": ("MANAGE_USERS", lambda a: users.add_user(ctx.uow(), a, auth, "newbie", "New", {Role.PRODUCTION},
                                                               "Fresh-pass-0001")),
        "list_users": ("MANAGE_USERS", lambda a: users.list_users(ctx.read_uow(), a)),
        "reset_password": ("MANAGE_USERS", lambda a: users.reset_password(ctx.uow(), a, auth, "admin",
                                                                           "Taken-over-0001", "take over")),
        "unlock_user": ("MANAGE_USERS", lambda a: users.unlock_user(ctx.uow(), a, "admin", "please")),
        "deactivate_user": ("MANAGE_USERS", lambda a: users.deactivate_user(ctx.uow(), a, "admin", "coup")),
        "change_roles": ("MANAGE_USERS", lambda a: users.change_roles(ctx.uow(), a, "wes", {Role.ADMINISTRATOR},
                                                                       "promote myself")),
        "rename_user": ("MANAGE_USERS", lambda a: users.rename_user(ctx.uow(), a, "admin", "Someone Else", "x")),
        "audit_page": ("VIEW_AUDIT", lambda a: audit.audit_page(ctx.read_uow(), a, AuditFilter())),
        "audit_record_types": ("VIEW_AUDIT", lambda a: audit.audit_record_types(ctx.read_uow(), a)),
        "export_audit_csv": ("EXPORT_AUDIT", lambda a: audit.export_audit_csv(ctx.uow(), a, AuditFilter(),
                                                                               tmp_path / "trail.csv")),
        "create_first_administrator": ("MANAGE_USERS", lambda a: users.create_first_administrator(
            ctx.uow(), auth, "wes", "Wes", "Another-pass-0001")),
    }


USE_CASES = [
    "add_user", "list_users", "reset_password", "unlock_user", "deactivate_user", "change_roles", "rename_user",
    "audit_page", "audit_record_types", "export_audit_csv", "create_first_administrator",
]


@pytest.mark.req("ACC-4")
def test_a_user_without_the_permission_is_refused_and_audited(
    ctx: AppContext, db_url: str, admin: Actor, clerk: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    out.mkdir()
    cases = _admin_use_cases(ctx, out)
    assert sorted(cases) == sorted(USE_CASES)
    for use_case in USE_CASES:
        permission, call = cases[use_case]
        before_users = users_snapshot(db_url)
        before_trail = trail(ctx)
        with pytest.raises(AccessDenied) as refused:
            call(clerk)  # type: ignore[operator]
        assert refused.value.permission == permission, use_case
        assert users_snapshot(db_url) == before_users, use_case
        assert not list(out.iterdir()), use_case
        after = trail(ctx)
        assert after[: len(before_trail)] == before_trail, use_case
        new = after[len(before_trail):]
        assert len(new) == 1, (use_case, [(e.action, e.reason) for e in new])
        entry = new[0]
        assert (entry.action, entry.record_type, entry.record_id) == ("ACCESS_DENIED", "permission", permission)
        if use_case != "create_first_administrator":  # there the claimed ID acts, as nobody is logged in
            assert (entry.user_id, entry.user_name) == ("wes", "Wes Warehouse"), use_case
        assert entry.reason == str(refused.value), use_case
    assert audit.verify_audit(ctx.read_uow(), clerk).intact  # anyone may check the chain's integrity


@pytest.mark.req("ACC-4")
def test_the_same_use_cases_work_for_an_administrator(
    ctx: AppContext, admin: Actor, clerk: Actor, tmp_path: Path
) -> None:
    cases = _admin_use_cases(ctx, tmp_path)
    for name in ["add_user", "list_users", "rename_user", "change_roles", "audit_page", "audit_record_types",
                 "export_audit_csv"]:
        cases[name][1](admin)  # type: ignore[operator]
    assert not trail(ctx, action="ACCESS_DENIED")


# --- last administrator, reasons ----------------------------------------------------------------------------


@pytest.mark.req("ACC-4")
def test_the_last_active_administrator_is_kept(ctx: AppContext, db_url: str, admin: Actor) -> None:
    before = users_snapshot(db_url)
    count = len(trail(ctx))
    with pytest.raises(ValidationError, match="last active administrator"):
        users.change_roles(ctx.uow(), admin, "admin", {Role.QA_RELEASE}, "hand over")
    with pytest.raises(ValidationError, match="cannot deactivate your own account"):
        users.deactivate_user(ctx.uow(), admin, "admin", "leaving")
    assert users_snapshot(db_url) == before
    assert len(trail(ctx)) == count

    second = add_and_activate(ctx, admin, "bea", {Role.ADMINISTRATOR, Role.QA_RELEASE})
    users.deactivate_user(ctx.uow(), admin, APPROVER_ID, "approved Bea's QA Release role (ACC-6) and left")
    users.change_roles(ctx.uow(), admin, "admin", {Role.QA_RELEASE}, "hand over to Bea")
    assert users.list_users(ctx.read_uow(), second)
    with pytest.raises(ValidationError, match="'bea' is the last active administrator"):
        users.change_roles(ctx.uow(), second, "bea", {Role.QA_RELEASE}, "oops")
    with pytest.raises(ValidationError, match="cannot deactivate your own account"):
        users.deactivate_user(ctx.uow(), second, "bea", "oops")


@pytest.mark.req("ACC-4")
def test_a_deactivated_administrator_does_not_count(ctx: AppContext, db_url: str, admin: Actor) -> None:
    add_and_activate(ctx, admin, "bea", {Role.ADMINISTRATOR})
    users.deactivate_user(ctx.uow(), admin, "bea", "left")
    with pytest.raises(ValidationError, match="last active administrator"):
        users.change_roles(ctx.uow(), admin, "admin", {Role.QA_RELEASE}, "hand over")


@pytest.mark.req("AUD-4")
def test_administrative_changes_require_a_reason(ctx: AppContext, db_url: str, admin: Actor) -> None:
    add_and_activate(ctx, admin, "wes", {Role.WAREHOUSE})
    before_users, count = users_snapshot(db_url), len(trail(ctx))
    for reason in (None, "", "   "):
        calls = [
            lambda r=reason: users.unlock_user(ctx.uow(), admin, "wes", r),
            lambda r=reason: users.deactivate_user(ctx.uow(), admin, "wes", r),
            lambda r=reason: users.change_roles(ctx.uow(), admin, "wes", {Role.PRODUCTION}, r),
            lambda r=reason: users.rename_user(ctx.uow(), admin, "wes", "Wesley", r),
            lambda r=reason: users.reset_password(ctx.uow(), admin, ctx.auth, "wes", "Reset-pass-0001", r),
        ]
        for call in calls:
            with pytest.raises(ReasonRequired, match="reason is required"):
                call()
    assert users_snapshot(db_url) == before_users
    assert len(trail(ctx)) == count


# --- ACC-5: unlocking an idle session needs the same user's password ------------------------------------------


@pytest.mark.req("ACC-5")
def test_an_idle_lock_is_lifted_only_by_the_same_users_password(ctx: AppContext, admin: Actor, clerk: Actor) -> None:
    users.record_session_event(ctx.uow(), clerk, "SESSION_LOCKED", reason="idle for 10 minutes")
    with pytest.raises(AuthenticationFailed, match="4 tries left"):
        users.reauthenticate(ctx.uow(), ctx.auth, clerk, ADMIN_PASSWORD, what="unlock")  # someone else's
    users.reauthenticate(ctx.uow(), ctx.auth, clerk, CLERK_PASSWORD, what="unlock")
    assert raw_user(ctx_url(ctx), "wes")["failed_logins"] == 0
    events = [(e.action, e.user_id, e.reason) for e in trail(ctx) if e.action != "UPDATE"]
    assert events[-3:] == [
        ("SESSION_LOCKED", "wes", "idle for 10 minutes"),
        ("LOGIN_FAILED", "wes", "wrong password at unlock (1 of 5)"),
        ("SESSION_UNLOCKED", "wes", None),
    ]


@pytest.mark.req("ACC-5")
def test_wrong_passwords_at_unlock_count_towards_the_lock(ctx: AppContext, admin: Actor, clerk: Actor) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            users.reauthenticate(ctx.uow(), ctx.auth, clerk, "Wrong-pass-0000", what="unlock")
    with pytest.raises(AccountLocked):
        users.reauthenticate(ctx.uow(), ctx.auth, clerk, "Wrong-pass-0000", what="unlock")
    with pytest.raises(AccountLocked):
        users.reauthenticate(ctx.uow(), ctx.auth, clerk, CLERK_PASSWORD, what="unlock")


def ctx_url(ctx: AppContext) -> str:
    """The context's own URL (with the password, for our own plain connections)."""
    return ctx._engine.url.render_as_string(hide_password=False)
