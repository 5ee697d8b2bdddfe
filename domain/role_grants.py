"""Four eyes on the roles that sign (ACC-6, issue 9 finding 8).

Granting a role whose holders sign GMP decisions (QC Analyst, QA Reviewer, QA Release) is a request until a
second person approves it with their password: another administrator or QA, never the one who asked nor the
one who gets the role. One administrator can then no longer make two users and release a lot alone with them.

A person who would hold both halves of a four-eyes pair (QC testing and release, QA review and release, ...)
is a risk the site must accept explicitly, with a reason kept in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from domain.errors import AccessDenied, ValidationError
from domain.i18n import N_, _
from domain.users import Actor, Permission, Role, UserId

SIGNING_ROLES: frozenset[Role] = frozenset({Role.QC_ANALYST, Role.QA_REVIEWER, Role.QA_RELEASE})


@dataclass(frozen=True)
class FourEyesPair:
    first: Role
    second: Role
    duty: str  # what the two halves are, N_-marked

    def describe(self) -> str:
        return _("{duty} ({first} + {second})", duty=_(self.duty), first=_(self.first.value),
                 second=_(self.second.value))


FOUR_EYES_PAIRS: tuple[FourEyesPair, ...] = (
    FourEyesPair(Role.QC_ANALYST, Role.QA_RELEASE, N_("QC testing and the release it supports")),
    FourEyesPair(Role.QC_ANALYST, Role.QA_REVIEWER, N_("QC results and their QA review")),
    FourEyesPair(Role.QA_REVIEWER, Role.QA_RELEASE, N_("QA review and release")),
    FourEyesPair(Role.PRODUCTION, Role.QA_RELEASE, N_("making a batch and releasing it")),
    FourEyesPair(Role.PRODUCTION, Role.QA_REVIEWER, N_("performing production steps and reviewing them")),
)


def four_eyes_conflicts(roles: frozenset[Role]) -> tuple[FourEyesPair, ...]:
    """The pairs of which one person holding `roles` would hold both halves."""
    return tuple(p for p in FOUR_EYES_PAIRS if p.first in roles and p.second in roles)


def describe_conflicts(user_id: str, pairs: tuple[FourEyesPair, ...]) -> str:
    return _("'{user_id}' would hold both halves of a four-eyes pair: {pairs}. The site must accept this "
             "with a reason", user_id=user_id, pairs="; ".join(p.describe() for p in pairs))


class FourEyesConflict(ValidationError):
    """The role set joins both halves of a four-eyes pair and nobody has accepted it for the site."""

    code = "four_eyes_conflict"


class GrantStatus(Enum):
    PENDING = N_("Pending")
    APPROVED = N_("Approved")
    REJECTED = N_("Rejected")


APPROVER_ROLES: frozenset[Role] = frozenset({Role.ADMINISTRATOR, Role.QA_REVIEWER, Role.QA_RELEASE})


class RoleGrant:
    """A request to give `user_id` signing roles, pending until a second person approves or rejects it."""

    id: int | None
    user_id: str
    roles: frozenset[Role]
    status: GrantStatus
    requested_by: str
    requested_at: datetime
    decided_by: str | None
    decided_at: datetime | None
    conflicts_accepted: str | None  # the site's acceptance of a four-eyes conflict, with its reason

    def __init__(self, user_id: str, roles: frozenset[Role], requested_by: str, requested_at: datetime,
                 conflicts_accepted: str | None = None) -> None:
        roles = frozenset(roles)
        if not roles or not roles <= SIGNING_ROLES:
            raise ValidationError(_("a role grant is for signing roles only"))
        self.id = None
        self.user_id = user_id
        self.roles = roles
        self.status = GrantStatus.PENDING
        self.requested_by = requested_by
        self.requested_at = requested_at
        self.decided_by = None
        self.decided_at = None
        self.conflicts_accepted = conflicts_accepted

    def check_decider(self, actor: Actor, status: GrantStatus) -> None:
        """Refuse whoever may not decide this grant so (before anyone types a password)."""
        if self.status is not GrantStatus.PENDING:
            raise ValidationError(_("role grant {id} is already {status}", id=self.id, status=_(self.status.value)))
        if not actor.roles & APPROVER_ROLES:
            raise AccessDenied(_("{printed_name} ({user_id}) may not decide role grants: an administrator or QA "
                                 "does", printed_name=actor.printed_name, user_id=actor.user_id),
                               permission=Permission.MANAGE_USERS.name, user_id=actor.user_id)
        if actor.user_id == UserId(self.user_id):
            raise ValidationError(_("you cannot decide a grant of roles to yourself"))
        if status is GrantStatus.APPROVED and actor.user_id == UserId(self.requested_by):
            raise ValidationError(_("the administrator who asked for a role grant cannot approve it: a second "
                                    "administrator or QA must"))

    def _decide(self, actor: Actor, status: GrantStatus, now: datetime) -> None:
        self.check_decider(actor, status)
        self.status = status
        self.decided_by = actor.user_id
        self.decided_at = now

    def approve(self, actor: Actor, now: datetime) -> None:
        self._decide(actor, GrantStatus.APPROVED, now)

    def reject(self, actor: Actor, now: datetime) -> None:
        self._decide(actor, GrantStatus.REJECTED, now)

    def describe_roles(self) -> str:
        return ", ".join(sorted(_(r.value) for r in self.roles))


def split_signing(current: frozenset[Role], requested: frozenset[Role]) -> tuple[frozenset[Role], frozenset[Role]]:
    """(roles the user holds at once, signing roles that wait for a second person's approval). Removing a role
    is immediate; adding a signing role is not."""
    pending = (requested - current) & SIGNING_ROLES
    return requested - pending, pending
