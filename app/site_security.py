"""The site's security policy (ACC-7): read by every station from the database, changed by an administrator
with a reason. Each change is a new version with its own audit entry; the log-in, password and lock-out use
cases read the policy in their own transaction, so a change applies at every station at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.ports import UnitOfWork
from domain.errors import ReasonRequired
from domain.i18n import _
from domain.site_security import SecurityValues, SiteSecurity
from domain.users import SYSTEM_ACTOR, Actor, Permission


@dataclass(frozen=True)
class SecurityView:
    version: int  # 0: BatchTrace's defaults, never changed at this site
    values: SecurityValues
    changed_by: str | None
    changed_at: datetime | None

    @classmethod
    def of(cls, policy: SiteSecurity) -> SecurityView:
        return cls(policy.version, policy.values, policy.changed_by, policy.changed_at)


def current_security(uow: UnitOfWork) -> SecurityView:
    """The policy in force (no permission needed: every station and the log-in window read it)."""
    with uow.acting_as(SYSTEM_ACTOR) as tx:
        return SecurityView.of(tx.site_security.current())


def change_security(uow: UnitOfWork, actor: Actor, changes: dict[str, int], reason: str | None) -> SecurityView:
    """A new version of the policy with `changes` applied, audited with the reason (ACC-7)."""
    if not reason or not reason.strip():
        raise ReasonRequired(_("a reason is required to change the security settings"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_USERS)
        new = tx.site_security.current().changed(changes, actor.user_id, tx.now())
        tx.site_security.add(new)
        tx.commit(reason=reason.strip())
        return SecurityView.of(new)
