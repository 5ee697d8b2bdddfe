"""Users, roles and the password and lock-out rules, without a database (ACC-1..ACC-4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.errors import AccessDenied, AccountLocked, AuthenticationFailed, PasswordExpired, ValidationError
from domain.users import (
    ROLE_PERMISSIONS,
    SYSTEM_ACTOR,
    Actor,
    PasswordPolicy,
    Permission,
    Role,
    User,
    UserId,
    validate_printed_name,
    validate_user_id,
)

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
POLICY = PasswordPolicy()


def make_user(**kwargs: object) -> User:
    defaults: dict[str, object] = {"must_change_password": False}
    defaults.update(kwargs)
    return User(UserId("qa.lee"), "Lee QA", frozenset({Role.QA_REVIEWER}), "$argon2id$stub", NOW,
                **defaults)  # type: ignore[arg-type]


# --- password policy (ACC-2) --------------------------------------------------------------------------


@pytest.mark.req("ACC-2")
@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Short-1", "at least 10 characters"),
        ("abcdefghijkl", "mix letters with digits or symbols"),
        ("1234567890!!", "mix letters with digits or symbols"),
        (" Leading-space-1", "must not start or end with a space"),
        ("Trailing-space-1 ", "must not start or end with a space"),
    ],
)
def test_password_policy_refuses_weak_passwords(password: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        POLICY.check_strength(password)


@pytest.mark.req("ACC-2")
@pytest.mark.parametrize(
    "password", ["Correct-horse-1", "abcdefghi1", "correct horse battery staple 9", "密码密码密码密码-1x"]
)
def test_password_policy_accepts_long_mixed_passwords(password: str) -> None:
    POLICY.check_strength(password)


@pytest.mark.req("ACC-2")
@given(st.text(min_size=0, max_size=30))
def test_password_policy_is_exactly_length_mix_and_no_edge_spaces(password: str) -> None:
    ok = (
        len(password) >= POLICY.min_length
        and password.strip() == password
        and any(c.isascii() and c.isalpha() for c in password)
        and any(not (c.isascii() and c.isalpha()) for c in password)
    )
    if ok:
        POLICY.check_strength(password)
    else:
        with pytest.raises(ValidationError):
            POLICY.check_strength(password)


@pytest.mark.req("ACC-2")
def test_password_expires_after_the_policy_days() -> None:
    user = make_user()
    assert not user.password_expired(POLICY, NOW + timedelta(days=90))
    assert user.password_expired(POLICY, NOW + timedelta(days=90, seconds=1))
    with pytest.raises(PasswordExpired, match="expired after 90 days"):
        user.record_successful_login(POLICY, NOW + timedelta(days=91))


@pytest.mark.req("ACC-2")
def test_a_temporary_password_must_be_changed_before_working() -> None:
    user = make_user(must_change_password=True)
    with pytest.raises(PasswordExpired, match="must set a new password"):
        user.record_successful_login(POLICY, NOW)


@pytest.mark.req("ACC-2")
def test_password_history_remembers_the_last_five() -> None:
    user = make_user()
    for i in range(1, 8):
        user.set_password(f"hash-{i}", NOW + timedelta(days=i), POLICY, reused=False, temporary=False)
    assert user.password_hash == "hash-7"
    assert user.remembered_hashes(POLICY) == ("hash-7", "hash-6", "hash-5", "hash-4", "hash-3")
    assert user.password_changed_at == NOW + timedelta(days=7)
    with pytest.raises(ValidationError, match="differ from the last 5 passwords"):
        user.set_password("hash-8", NOW, POLICY, reused=True, temporary=False)
    assert user.password_hash == "hash-7"


@pytest.mark.req("ACC-2")
@pytest.mark.parametrize("history", [1, 2, 5, 24])
def test_password_history_length_follows_the_policy(history: int) -> None:
    policy = PasswordPolicy(history=history)
    user = make_user()
    for i in range(30):
        user.set_password(f"hash-{i}", NOW, policy, reused=False, temporary=False)
    assert user.remembered_hashes(policy) == tuple(f"hash-{i}" for i in range(29, 29 - history, -1))


# --- lock-out counting (ACC-3) ---------------------------------------------------------------------------


@pytest.mark.req("ACC-3")
def test_five_consecutive_failures_lock_the_account() -> None:
    user = make_user()
    assert [user.record_failed_login(POLICY) for _ in range(4)] == [4, 3, 2, 1]
    assert not user.locked
    assert user.record_failed_login(POLICY) == 0
    assert user.locked
    with pytest.raises(AccountLocked, match="an administrator must unlock it"):
        user.check_can_log_in()
    with pytest.raises(AccountLocked):
        user.record_successful_login(POLICY, NOW)  # even the right password does not unlock


@pytest.mark.req("ACC-3")
def test_a_successful_log_in_resets_the_count() -> None:
    user = make_user()
    for _ in range(4):
        user.record_failed_login(POLICY)
    user.record_successful_login(POLICY, NOW)
    assert user.failed_logins == 0
    assert [user.record_failed_login(POLICY) for _ in range(4)] == [4, 3, 2, 1]
    assert not user.locked


@pytest.mark.req("ACC-3")
@given(st.integers(3, 10), st.lists(st.booleans(), max_size=40))
def test_lock_happens_exactly_at_n_consecutive_failures(limit: int, attempts: list[bool]) -> None:
    """True is a wrong password, False a right one; the account locks at the first run of `limit` failures."""
    policy = PasswordPolicy(max_failed_logins=limit)
    user = make_user()
    run = 0
    for wrong in attempts:
        if user.locked:
            break
        if wrong:
            run += 1
            user.record_failed_login(policy)
        else:
            run = 0
            user.record_successful_login(policy, NOW)
        assert user.locked == (run >= limit)
        assert user.failed_logins == run


@pytest.mark.req("ACC-3")
def test_unlock_clears_the_lock_and_the_count() -> None:
    user = make_user()
    for _ in range(5):
        user.record_failed_login(POLICY)
    user.unlock()
    assert (user.locked, user.failed_logins) == (False, 0)
    user.record_successful_login(POLICY, NOW)
    with pytest.raises(ValidationError, match="is not locked"):
        user.unlock()


@pytest.mark.req("ACC-1")
def test_a_deactivated_user_cannot_log_in_and_is_deactivated_once() -> None:
    user = make_user()
    user.deactivate()
    with pytest.raises(AuthenticationFailed, match="deactivated"):
        user.check_can_log_in()
    with pytest.raises(ValidationError, match="already deactivated"):
        user.deactivate()


# --- user IDs, names and roles ---------------------------------------------------------------------------


@pytest.mark.req("ACC-1")
@pytest.mark.parametrize("user_id", ["ab", "qa.lee", "op_7", "x-" + "y" * 30])
def test_valid_user_ids(user_id: str) -> None:
    assert validate_user_id(user_id) == user_id


@pytest.mark.req("ACC-1")
@pytest.mark.parametrize("user_id", ["a", "Ada", "1abc", "ab cd", "", "a" * 33, "system", "ädmin"])
def test_invalid_or_reserved_user_ids(user_id: str) -> None:
    with pytest.raises(ValidationError):
        validate_user_id(user_id)


@pytest.mark.req("AUD-1")
def test_printed_name_is_normalised_and_required() -> None:
    assert validate_printed_name("  Ada   Q.  Admin ") == "Ada Q. Admin"
    with pytest.raises(ValidationError, match="required"):
        validate_printed_name("   ")
    with pytest.raises(ValidationError, match="longer than 120"):
        validate_printed_name("x" * 121)


@pytest.mark.req("ACC-4")
@pytest.mark.parametrize("role", list(Role))
def test_role_parse_accepts_printed_and_constant_names_in_any_case(role: Role) -> None:
    for text in (role.value, role.name, role.value.upper(), role.name.lower(), f"  {role.value.lower()} "):
        assert Role.parse(text) is role


@pytest.mark.req("ACC-4")
@given(st.text(max_size=20))
def test_role_parse_refuses_anything_else_with_the_choices(text: str) -> None:
    known = {r.value.casefold() for r in Role}
    if text.strip().replace("_", " ").casefold() in known:
        assert Role.parse(text).value.casefold() in known
    else:
        with pytest.raises(ValidationError, match="choose from Administrator, Warehouse"):
            Role.parse(text)


@pytest.mark.req("ACC-4")
def test_actor_require_allows_granted_permissions_only() -> None:
    admin = Actor(UserId("ada"), "Ada Admin", frozenset({Role.ADMINISTRATOR}))
    clerk = Actor(UserId("wes"), "Wes Warehouse", frozenset({Role.WAREHOUSE}))
    admin.require(Permission.MANAGE_USERS)
    with pytest.raises(AccessDenied) as refused:
        clerk.require(Permission.MANAGE_USERS)
    assert refused.value.code == "access_denied"
    assert (refused.value.permission, refused.value.user_id) == ("MANAGE_USERS", "wes")
    assert str(refused.value) == "Wes Warehouse (wes) may not manage users"


@pytest.mark.req("ACC-4")
@given(st.frozensets(st.sampled_from(list(Role))), st.sampled_from(list(Permission)))
def test_actor_permissions_are_the_union_of_its_roles(roles: frozenset[Role], permission: Permission) -> None:
    actor = Actor(UserId("someone"), "Some One", roles)
    granted = any(permission in ROLE_PERMISSIONS[r] for r in roles)
    assert actor.can(permission) == granted
    if granted:
        actor.require(permission)
    else:
        with pytest.raises(AccessDenied):
            actor.require(permission)


@pytest.mark.req("ACC-4")
def test_the_system_actor_has_no_permissions() -> None:
    assert SYSTEM_ACTOR.permissions == frozenset()


@pytest.mark.req("AUD-4")
def test_role_changes_and_renames_refuse_no_ops() -> None:
    user = make_user()
    with pytest.raises(ValidationError, match="unchanged"):
        user.change_roles(frozenset({Role.QA_REVIEWER}))
    with pytest.raises(ValidationError, match="at least one role"):
        user.change_roles(frozenset())
    with pytest.raises(ValidationError, match="unchanged"):
        user.rename(" Lee  QA ")
    user.rename("Lee Q. Assurance")
    assert user.printed_name == "Lee Q. Assurance"
