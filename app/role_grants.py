"""Signing roles granted with four eyes (ACC-6): the pending requests, and their approval (signed with the
approver's password) or rejection by a second administrator or QA. See domain/role_grants.py for the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.ports import UnitOfWork
from app.users import AuthConfig, UserView, _check_password, _get, _require_reason
from domain.errors import AccessDenied, NotFound, ValidationError
from domain.i18n import _
from domain.role_grants import APPROVER_ROLES, GrantStatus, RoleGrant
from domain.users import Actor, Permission


@dataclass(frozen=True)
class GrantView:
    id: int
    user_id: str
    printed_name: str
    roles: tuple[str, ...]
    status: str
    requested_by: str
    requested_at: datetime
    conflicts_accepted: str | None

    @classmethod
    def of(cls, grant: RoleGrant, printed_name: str) -> GrantView:
        assert grant.id is not None
        return cls(grant.id, grant.user_id, printed_name, tuple(sorted(r.value for r in grant.roles)),
                   grant.status.value, grant.requested_by, grant.requested_at, grant.conflicts_accepted)


def _may_decide(actor: Actor) -> None:
    if not actor.roles & APPROVER_ROLES:
        raise AccessDenied(_("{printed_name} ({user_id}) may not decide role grants: an administrator or QA does",
                             printed_name=actor.printed_name, user_id=actor.user_id),
                           permission=Permission.MANAGE_USERS.name, user_id=actor.user_id)


def pending_grants(uow: UnitOfWork, actor: Actor) -> list[GrantView]:
    with uow.acting_as(actor) as tx:
        _may_decide(actor)
        names: dict[str, str] = {u.user_id: u.printed_name for u in tx.users.list()}
        return [GrantView.of(g, names.get(g.user_id, g.user_id)) for g in tx.role_grants.pending()]


def _pending(tx: UnitOfWork, grant_id: int) -> RoleGrant:
    grant = tx.role_grants.lock_for_update(grant_id)
    if grant is None:
        raise NotFound(_("no role grant {id}", id=grant_id))
    return grant


def approve_grant(uow: UnitOfWork, actor: Actor, auth: AuthConfig, grant_id: int, password: str) -> UserView:
    """The second person approves, signing with their password (a wrong one counts toward lock-out, ACC-3):
    the user holds the roles from now on."""
    with uow.acting_as(actor) as tx:
        _may_decide(actor)
        grant = _pending(tx, grant_id)
        grant.check_decider(actor, GrantStatus.APPROVED)  # not the requester, not the grantee, not decided
        approver = _get(tx, actor.user_id)
        _check_password(tx, auth, approver, password, "role grant approval")  # a failure is committed alone
        if approver.failed_logins:
            approver.failed_logins = 0  # failures count when consecutive (ACC-3)
        grant.approve(actor, tx.now())
        user = _get(tx, grant.user_id)
        if not user.active:
            raise ValidationError(_("user '{user_id}' is deactivated", user_id=user.user_id))
        user.roles = user.roles | grant.roles
        tx.audit_event("SIGN", "role_grant", str(grant.id),
                       reason=f"Approved: {', '.join(sorted(r.value for r in grant.roles))} for {user.user_id}")
        tx.commit(reason=f"role grant {grant.id} approved")
        remaining = frozenset().union(*(g.roles for g in tx.role_grants.pending(user.user_id)))
        return UserView.of(user, remaining)


def reject_grant(uow: UnitOfWork, actor: Actor, grant_id: int, reason: str | None) -> GrantView:
    """An administrator or QA rejects the request (the one who asked may withdraw it): the roles never apply."""
    why = _require_reason(reason)
    with uow.acting_as(actor) as tx:
        _may_decide(actor)
        grant = _pending(tx, grant_id)
        grant.reject(actor, tx.now())
        user = _get(tx, grant.user_id)
        tx.commit(reason=why)
        return GrantView.of(grant, user.printed_name)
