"""Use cases for users and sessions: first administrator, log-in, lock-out, password rules, administration."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from app import i18n
from app.ports import PasswordHasher, UnitOfWork
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
from domain.i18n import N_, _
from domain.role_grants import (
    FourEyesConflict,
    RoleGrant,
    describe_conflicts,
    four_eyes_conflicts,
    split_signing,
)
from domain.users import (
    USER_ID_PATTERN,
    Actor,
    PasswordPolicy,
    Permission,
    Role,
    User,
    UserId,
    validate_printed_name,
    validate_roles,
    validate_user_id,
)


@dataclass(frozen=True)
class AuthConfig:
    """How passwords are checked. The rules they are checked against are the site's, read from the database
    in each transaction (app.site_security, ACC-7), never from the station."""

    hasher: PasswordHasher


@dataclass(frozen=True)
class UserView:
    user_id: str
    printed_name: str
    roles: tuple[str, ...]
    active: bool
    locked: bool
    failed_logins: int
    must_change_password: bool
    password_changed_at: datetime
    created_at: datetime
    language: str | None = None  # None: the station's locale
    pending_roles: tuple[str, ...] = ()  # signing roles waiting for a second person's approval (ACC-6)

    @classmethod
    def of(cls, user: User, pending: Iterable[Role] = ()) -> UserView:
        return cls(
            user.user_id, user.printed_name, tuple(sorted(r.value for r in user.roles)), user.active,
            user.locked, user.failed_logins, user.must_change_password, user.password_changed_at,
            user.created_at, user.language, tuple(sorted(r.value for r in pending)),
        )


# Whoever types an ID that is not a user's: the trail keeps the attempt, never what was typed (a password
# typed into the ID field by mistake would otherwise stay in the append-only trail for good).
UNKNOWN_ACTOR = Actor(UserId("?"), "(unknown user ID)", authenticated=False)
UNKNOWN_USER_ID = "unknown user ID (what was typed is not kept)"

# The one answer to any refused log-in before the user is known (ACC-3): an unknown ID, a wrong password, a
# locked or deactivated account all read the same, so the answer tells nobody which IDs exist.
LOGIN_REFUSED = N_(
    "wrong user ID or password, or the account is locked or deactivated: if it keeps failing, "
    "ask an administrator"
)


def _policy(tx: UnitOfWork) -> PasswordPolicy:
    return tx.site_security.current().values.password_policy


def _get(uow: UnitOfWork, user_id: str) -> User:
    user = uow.users.lock_for_update(user_id)
    if user is None:
        raise NotFound(_("no user '{user_id}'", user_id=user_id))
    return user


def _require_reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ReasonRequired(_("a reason is required for this change"))
    return reason.strip()


def needs_first_administrator(uow: UnitOfWork, actor: Actor) -> bool:
    with uow.acting_as(actor):
        return not uow.users.any_exist()


def create_first_administrator(
    uow: UnitOfWork, auth: AuthConfig, user_id: str, printed_name: str, password: str
) -> UserView:
    """Only on a database without users: the first person becomes administrator and is the audited actor."""
    uid = validate_user_id(user_id.strip())
    name = validate_printed_name(printed_name)  # the trail names the actor exactly as the user is stored
    with uow.acting_as(Actor(uid, name, authenticated=False)):
        _policy(uow).check_strength(password)
        if uow.users.any_exist():
            raise AccessDenied(
                _("the first administrator already exists: log in as an administrator to add users"),
                permission=Permission.MANAGE_USERS.name, user_id=uid,
            )
        user = User(uid, name, frozenset({Role.ADMINISTRATOR}), auth.hasher.hash(password), uow.now(),
                    must_change_password=False)
        uow.users.add(user)
        uow.commit()
        return UserView.of(user)


def add_user(
    uow: UnitOfWork, actor: Actor, auth: AuthConfig, user_id: str, printed_name: str,
    roles: Iterable[Role], temporary_password: str, *, accept_conflicts: str | None = None,
) -> UserView:
    """A new user with a temporary password. Signing roles wait for a second person's approval (ACC-6); a
    four-eyes conflict in the roles needs the site's acceptance (`accept_conflicts`, a reason)."""
    uid = validate_user_id(user_id.strip())
    validate_printed_name(printed_name)
    requested = validate_roles(frozenset(roles))
    with uow.acting_as(actor):
        actor.require(Permission.MANAGE_USERS)
        existing = uow.users.get(uid)
        if existing is not None:
            state = "active" if existing.active else "deactivated"
            raise AlreadyExists(_("user ID '{uid}' already exists ({state}): user IDs are never reused",
                                  uid=uid, state=state))
        _policy(uow).check_strength(temporary_password)
        accepted = _accept_conflicts(uid, requested, accept_conflicts)
        now_roles, pending = split_signing(frozenset(), requested)
        user = User(uid, printed_name, now_roles, auth.hasher.hash(temporary_password), uow.now(),
                    must_change_password=True, awaiting_grant=bool(pending))
        uow.users.add(user)
        uow.flush()  # the user's row before the grant that refers to it
        _request_grant(uow, actor, uid, pending, accepted)
        uow.commit()
        return UserView.of(user, pending)


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserView]:
    with uow.acting_as(actor):
        actor.require(Permission.MANAGE_USERS)
        pending: dict[str, set[Role]] = {}
        for grant in uow.role_grants.pending():
            pending.setdefault(grant.user_id, set()).update(grant.roles)
        return [UserView.of(u, pending.get(u.user_id, ())) for u in uow.users.list()]


def log_in(uow: UnitOfWork, auth: AuthConfig, user_id: str, password: str) -> Actor:
    """Check the password; count failures and lock at the limit (ACC-3). Every attempt is audited; every
    refusal gives the same answer (LOGIN_REFUSED), the trail says what it was."""
    try:
        return _log_in(uow, auth, user_id.strip(), password)
    except PasswordExpired:  # only after the right password: it reveals nothing to a guesser
        raise
    except AuthenticationFailed:
        raise AuthenticationFailed(_(LOGIN_REFUSED)) from None


def _log_in(uow: UnitOfWork, auth: AuthConfig, user_id: str, password: str) -> Actor:
    with uow.acting_as(UNKNOWN_ACTOR) as tx:
        user = tx.users.lock_for_update(user_id) if USER_ID_PATTERN.fullmatch(user_id) else None
        if user is None:
            tx.audit_event("LOGIN_FAILED", "user", "?", reason=UNKNOWN_USER_ID)
            tx.commit()
            raise AuthenticationFailed(_(LOGIN_REFUSED))
        tx.acting_as(user.actor)
        try:
            user.check_can_log_in()
        except AuthenticationFailed as refused:
            tx.audit_event("LOGIN_FAILED", "user", user.user_id, reason=str(refused))
            tx.commit()
            raise
        _check_password(tx, auth, user, password, "log-in")
        try:
            user.record_successful_login(_policy(tx), tx.now())
        except AuthenticationFailed as refused:
            tx.audit_event("LOGIN_FAILED", "user", user.user_id, reason=str(refused))
            tx.commit(reason="successful log-in resets the failure count")
            raise
        tx.audit_event("LOGIN", "user", user.user_id)
        tx.commit(reason="successful log-in resets the failure count")
        return user.actor


def _check_password(tx: UnitOfWork, auth: AuthConfig, user: User, password: str, what: str) -> None:
    if auth.hasher.verify(user.password_hash, password):
        return
    policy = _policy(tx)
    remaining = user.record_failed_login(policy)
    if remaining == 0:
        reason = f"wrong password at {what}: account locked after {user.failed_logins} failures"
        tx.audit_event("LOGIN_FAILED", "user", user.user_id, reason=reason)
        tx.commit(reason=reason)
        raise AccountLocked(
            _("wrong password: account '{user_id}' is now locked; an administrator must unlock it",
              user_id=user.user_id)
        )
    reason = f"wrong password at {what} ({user.failed_logins} of {policy.max_failed_logins})"
    tx.audit_event("LOGIN_FAILED", "user", user.user_id, reason=reason)
    tx.commit(reason=reason)
    if remaining == 1:
        raise AuthenticationFailed(_("wrong user ID or password: 1 try left before the account locks"))
    raise AuthenticationFailed(_("wrong user ID or password: {remaining} tries left before the account locks",
                                 remaining=remaining))


def reauthenticate(uow: UnitOfWork, auth: AuthConfig, actor: Actor, password: str, *, what: str) -> None:
    """Check the logged-in user's own password (idle unlock, later signatures): failures count (ACC-3)."""
    with uow.acting_as(actor) as tx:
        user = _get(tx, actor.user_id)
        user.check_can_log_in()
        _check_password(tx, auth, user, password, what)
        user.failed_logins = 0  # failures count when consecutive (ACC-3): a right password ends the run
        tx.audit_event("SESSION_UNLOCKED" if what == "unlock" else "REAUTHENTICATED", "user", user.user_id)
        tx.commit(reason=f"successful {what} resets the failure count")


def record_session_event(uow: UnitOfWork, actor: Actor, action: str, reason: str | None = None) -> None:
    """LOGOUT, SESSION_LOCKED: session events with no record change."""
    # Recorded even when the account was just locked or deactivated: the session's end must be on record.
    with uow.acting_as(replace(actor, authenticated=False)) as tx:
        tx.audit_event(action, "user", actor.user_id, reason=reason)
        tx.commit()


def change_own_password(
    uow: UnitOfWork, auth: AuthConfig, user_id: str, old_password: str, new_password: str
) -> Actor:
    """The user sets a new password (first log-in, expiry, or by choice). Returns the actor, logged in."""
    user_id = user_id.strip()
    with uow.acting_as(UNKNOWN_ACTOR) as tx:
        user = tx.users.lock_for_update(user_id) if USER_ID_PATTERN.fullmatch(user_id) else None
        if user is None:
            tx.audit_event("LOGIN_FAILED", "user", "?", reason=UNKNOWN_USER_ID)
            tx.commit()
            raise AuthenticationFailed(_(LOGIN_REFUSED))
        tx.acting_as(user.actor)
        try:
            user.check_can_log_in()
        except AuthenticationFailed as refused:
            tx.audit_event("LOGIN_FAILED", "user", user.user_id, reason=str(refused))
            tx.commit()
            raise AuthenticationFailed(_(LOGIN_REFUSED)) from None
        try:
            _check_password(tx, auth, user, old_password, "password change")  # audits and counts the failure
        except AuthenticationFailed:
            raise AuthenticationFailed(_(LOGIN_REFUSED)) from None
        _set_password(tx, auth, user, new_password, temporary=False)
        user.failed_logins = 0
        tx.audit_event("LOGIN", "user", user.user_id, reason="after setting a new password")
        tx.commit(reason="password changed by the user")
        return user.actor


def _set_password(tx: UnitOfWork, auth: AuthConfig, user: User, new_password: str, *, temporary: bool) -> None:
    policy = _policy(tx)
    policy.check_strength(new_password)
    reused = any(auth.hasher.verify(h, new_password) for h in user.remembered_hashes(policy))
    user.set_password(auth.hasher.hash(new_password), tx.now(), policy, reused=reused, temporary=temporary)


def reset_password(
    uow: UnitOfWork, actor: Actor, auth: AuthConfig, user_id: str, temporary_password: str, reason: str | None
) -> UserView:
    why = _require_reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        user = _get(tx, user_id)
        if not user.active:
            raise ValidationError(_("user '{user_id}' is deactivated", user_id=user_id))
        _set_password(tx, auth, user, temporary_password, temporary=True)
        tx.commit(reason=why)
        return UserView.of(user)


def unlock_user(uow: UnitOfWork, actor: Actor, user_id: str, reason: str | None) -> UserView:
    why = _require_reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        user = _get(tx, user_id)
        user.unlock()
        tx.commit(reason=why)
        return UserView.of(user)


def deactivate_user(uow: UnitOfWork, actor: Actor, user_id: str, reason: str | None) -> UserView:
    why = _require_reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        if user_id == actor.user_id:
            raise ValidationError(_("you cannot deactivate your own account"))
        user = _get(tx, user_id)
        user.deactivate()
        _keep_an_administrator(tx, user)
        tx.commit(reason=why)
        return UserView.of(user)


def change_roles(
    uow: UnitOfWork, actor: Actor, user_id: str, roles: Iterable[Role], reason: str | None, *,
    accept_conflicts: str | None = None,
) -> UserView:
    """Removing roles is immediate; added signing roles wait for a second person's approval (ACC-6); a
    four-eyes conflict needs the site's acceptance (`accept_conflicts`, a reason)."""
    why = _require_reason(reason)
    requested = validate_roles(frozenset(roles))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        user = _get(tx, user_id)
        waiting = frozenset().union(*(g.roles for g in tx.role_grants.pending(user.user_id)))
        if requested == user.roles or requested == user.roles | waiting:
            raise ValidationError(_("the roles are unchanged"))
        accepted = _accept_conflicts(user.user_id, requested, accept_conflicts)
        now_roles, pending = split_signing(user.roles, requested)
        pending -= waiting  # already requested: not twice
        if now_roles != user.roles:
            user.change_roles(now_roles, awaiting_grant=bool(pending | waiting))
        _keep_an_administrator(tx, user)
        _request_grant(tx, actor, user.user_id, pending, accepted)
        tx.commit(reason=why)
        return UserView.of(user, waiting | pending)


def _accept_conflicts(user_id: str, roles: frozenset[Role], acceptance: str | None) -> str | None:
    """The site's acceptance of a four-eyes conflict, or the refusal that asks for it."""
    pairs = four_eyes_conflicts(roles)
    if not pairs:
        return None
    if not acceptance or not acceptance.strip():
        raise FourEyesConflict(describe_conflicts(user_id, pairs))
    pairs_text = "; ".join(f"{p.first.value} + {p.second.value}" for p in pairs)
    return f"{acceptance.strip()} [accepted: {pairs_text}]"


def _request_grant(tx: UnitOfWork, actor: Actor, user_id: str, roles: frozenset[Role], accepted: str | None) -> None:
    if roles:
        tx.role_grants.add(RoleGrant(user_id, roles, actor.user_id, tx.now(), accepted))
    if accepted:
        tx.audit_event("FOUR_EYES_ACCEPTED", "user", user_id, reason=accepted)


def choose_own_language(uow: UnitOfWork, actor: Actor, language: str | None) -> Actor:
    """GEN-6: the language the acting user's sessions speak from now on (None: the station's locale). Saved with
    the user, so it follows them to every station; audited like any change of the user record. Returns the
    actor as it now is."""
    chosen = None if language is None else i18n.check_language(language)
    with uow.acting_as(actor) as tx:
        user = _get(tx, actor.user_id)
        if user.language != chosen:
            user.choose_language(chosen)
            tx.commit(reason="language of the user's sessions chosen by the user")
        return user.actor


def rename_user(uow: UnitOfWork, actor: Actor, user_id: str, printed_name: str, reason: str | None) -> UserView:
    why = _require_reason(reason)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        user = _get(tx, user_id)
        user.rename(printed_name)
        tx.commit(reason=why)
        return UserView.of(user)


def _keep_an_administrator(tx: UnitOfWork, changed: User) -> None:
    admins = [u for u in tx.users.list(include_inactive=False) if Role.ADMINISTRATOR in u.roles and u.active]
    if not admins:
        raise ValidationError(_("'{user_id}' is the last active administrator: keep at least one",
                                user_id=changed.user_id))


# The actor of a recovery by the database owner: not a user (the ID cannot be one, so it never collides).
DATABASE_OWNER_ID = UserId("@db-owner")


def recover_administrator(
    uow: UnitOfWork, auth: AuthConfig, owner_check: Callable[[], str], printed_name: str, user_id: str,
    reason: str | None, temporary_password: str | None = None,
) -> UserView:
    """Unlock a locked-out last administrator (ACC-7), done by whoever holds the database itself: `owner_check`
    names them or refuses (the refusal is audited). Only when no other administrator could do it; optionally
    with a temporary password the administrator replaces at the next log-in. Audited as the person, with the
    database role or OS user that proved it, and the reason."""
    why = _require_reason(reason)
    name = validate_printed_name(printed_name)
    with uow.acting_as(Actor(DATABASE_OWNER_ID, f"{name} (database owner)"[:120], authenticated=False)) as tx:
        who = owner_check()
        tx.acting_as(Actor(DATABASE_OWNER_ID, f"{name} ({who})"[:120], authenticated=False))
        user = _get(tx, user_id)
        if Role.ADMINISTRATOR not in user.roles or not user.active:
            raise ValidationError(_("'{user_id}' is not an active administrator: the database owner's recovery is "
                                    "only for a locked-out last administrator", user_id=user_id))
        able = sorted(u.user_id for u in tx.users.list(include_inactive=False)
                      if Role.ADMINISTRATOR in u.roles and not u.locked and u.user_id != user.user_id)
        if able:
            raise ValidationError(_("administrator {names} can unlock '{user_id}': the database owner's recovery is "
                                    "only for a locked-out last administrator", names=", ".join(able),
                                    user_id=user_id))
        if not user.locked:
            raise ValidationError(_("account '{user_id}' is not locked", user_id=user_id))
        user.unlock()
        if temporary_password is not None:
            _set_password(tx, auth, user, temporary_password, temporary=True)
        tx.audit_event("ADMIN_RECOVERED", "user", user.user_id, reason=f"{why} [{who}]")
        tx.commit(reason=f"recovery of the last administrator by the database owner: {why}")
        return UserView.of(user)
