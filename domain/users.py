"""Users, roles, permissions and the password and lock-out rules (ACC-1..ACC-5)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import NewType

from domain.errors import (
    AccessDenied,
    AccountLocked,
    AuthenticationFailed,
    PasswordExpired,
    ValidationError,
)
from domain.i18n import N_, _, names, one_of
from domain.inputs import clean_text, shown

UserId = NewType("UserId", str)

USER_ID_PATTERN = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")
SYSTEM_USER_ID = UserId("system")


class Role(Enum):
    ADMINISTRATOR = N_("Administrator")
    WAREHOUSE = N_("Warehouse")
    PRODUCTION = N_("Production")
    QC_ANALYST = N_("QC Analyst")
    QA_REVIEWER = N_("QA Reviewer")
    QA_RELEASE = N_("QA Release")

    @classmethod
    def parse(cls, text: str) -> Role:
        """Accept the printed name ("QC Analyst") or the constant name ("QC_ANALYST"), any case."""
        for role in cls:
            if names(text, role.value):
                return role
        raise ValidationError(_("unknown role '{shown}': choose from {names}", shown=shown(text),
                                names=one_of(r.value for r in cls)))


class Permission(Enum):
    MANAGE_USERS = N_("manage users")
    VIEW_AUDIT = N_("view the audit trail")
    EXPORT_AUDIT = N_("export the audit trail")
    LOAD_DEMO_DATA = N_("load demo data")
    MANAGE_MASTER_DATA = N_("edit items, suppliers and customers")
    APPROVE_SUPPLIERS = N_("change the approved supplier list")
    MANAGE_NUMBER_RULES = N_("change number rules")
    RECEIVE_LOT = N_("receive material lots")
    RELEASE_LOT = N_("release lots")
    REJECT_LOT = N_("reject lots")
    HOLD_LOT = N_("put lots on hold")
    EDIT_MBR = N_("edit master batch records")
    APPROVE_MBR = N_("make a master batch record effective")
    PLAN_BATCH = N_("plan batches")
    PRODUCE_BATCH = N_("start and complete batches")
    ISSUE_MATERIAL = N_("issue material to batches")
    COMPLETE_QC = N_("complete QC testing")
    RELEASE_BATCH = N_("release batches")
    REJECT_BATCH = N_("reject batches")
    HOLD_BATCH = N_("put batches on hold")
    SHIP = N_("record shipments")
    OPEN_RECALL = N_("open a recall")
    MANAGE_RECALL = N_("record recall progress")
    ACKNOWLEDGE_ALERT = N_("acknowledge alerts")
    MANAGE_SIGNING_RULES = N_("add signatures to the signing rules")
    EDIT_SPEC = N_("edit specifications")
    APPROVE_SPEC = N_("make a specification effective")
    ENTER_QC_RESULTS = N_("enter QC results")
    REVIEW_QC_RESULTS = N_("review QC results")
    OPEN_DEVIATION = N_("open deviations")
    INVESTIGATE_DEVIATION = N_("investigate deviations")
    CLOSE_DEVIATION = N_("close deviations")
    MANAGE_CAPA = N_("open CAPA, plan their actions and check their effectiveness")
    CLOSE_CAPA = N_("close CAPA")
    ISSUE_DOCUMENT = N_("generate batch records and reports")
    RECORD_PROCESS = N_("record process values and perform steps")
    VERIFY_STEP = N_("verify production steps")
    MANAGE_FACILITIES = N_("manage rooms, sensors and equipment")
    IMPORT_PROCESS_DATA = N_("import process data")
    OPEN_CHANGE = N_("raise and submit change requests")
    IMPLEMENT_CHANGE = N_("implement or reject change requests")


_QA_COMMON = frozenset(
    {
        Permission.VIEW_AUDIT, Permission.EXPORT_AUDIT, Permission.APPROVE_SUPPLIERS, Permission.REJECT_LOT,
        Permission.HOLD_LOT, Permission.HOLD_BATCH, Permission.REJECT_BATCH, Permission.OPEN_RECALL,
        Permission.MANAGE_RECALL, Permission.RELEASE_LOT, Permission.ACKNOWLEDGE_ALERT, Permission.ISSUE_DOCUMENT,
        Permission.EDIT_SPEC, Permission.APPROVE_SPEC, Permission.REVIEW_QC_RESULTS, Permission.OPEN_DEVIATION,
        Permission.INVESTIGATE_DEVIATION, Permission.CLOSE_DEVIATION, Permission.MANAGE_CAPA, Permission.CLOSE_CAPA,
        Permission.OPEN_CHANGE, Permission.IMPLEMENT_CHANGE,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(
        {
            Permission.MANAGE_USERS, Permission.VIEW_AUDIT, Permission.EXPORT_AUDIT, Permission.LOAD_DEMO_DATA,
            Permission.MANAGE_MASTER_DATA, Permission.MANAGE_NUMBER_RULES, Permission.MANAGE_SIGNING_RULES,
            Permission.MANAGE_FACILITIES,
        }
    ),
    Role.WAREHOUSE: frozenset({Permission.RECEIVE_LOT, Permission.ISSUE_MATERIAL, Permission.SHIP}),
    Role.PRODUCTION: frozenset(
        {Permission.EDIT_MBR, Permission.PLAN_BATCH, Permission.PRODUCE_BATCH, Permission.ISSUE_MATERIAL,
         Permission.ISSUE_DOCUMENT, Permission.RECORD_PROCESS, Permission.VERIFY_STEP, Permission.IMPORT_PROCESS_DATA,
         Permission.OPEN_DEVIATION, Permission.OPEN_CHANGE}
    ),
    Role.QC_ANALYST: frozenset({Permission.VIEW_AUDIT, Permission.COMPLETE_QC, Permission.ISSUE_DOCUMENT,
                                Permission.EDIT_SPEC, Permission.ENTER_QC_RESULTS, Permission.REVIEW_QC_RESULTS,
                                Permission.OPEN_DEVIATION, Permission.INVESTIGATE_DEVIATION, Permission.OPEN_CHANGE}),
    Role.QA_REVIEWER: _QA_COMMON | {Permission.MANAGE_MASTER_DATA, Permission.EDIT_MBR, Permission.VERIFY_STEP,
                                    Permission.MANAGE_FACILITIES, Permission.IMPORT_PROCESS_DATA},
    Role.QA_RELEASE: _QA_COMMON | {Permission.APPROVE_MBR, Permission.RELEASE_BATCH},
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: the authenticated user as the services see it."""

    user_id: UserId
    printed_name: str
    roles: frozenset[Role] = frozenset()
    # False for the not-yet-authenticated actor of a log-in attempt: the unit of work then does not check
    # the actor against the users table (it does for everyone else, see SqlUnitOfWork).
    authenticated: bool = True
    # The language the user chose for their sessions (GEN-6); None follows the station. Not part of who acts.
    language: str | None = field(default=None, compare=False)

    @property
    def permissions(self) -> frozenset[Permission]:
        granted: set[Permission] = set()
        for role in self.roles:
            granted |= ROLE_PERMISSIONS[role]
        return frozenset(granted)

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        if not self.can(permission):
            raise AccessDenied(
                _("{printed_name} ({user_id}) may not {permission}",
                  printed_name=self.printed_name, user_id=self.user_id, permission=_(permission.value)),
                permission=permission.name,
                user_id=self.user_id,
            )


SYSTEM_ACTOR = Actor(SYSTEM_USER_ID, "BatchTrace system")


@dataclass(frozen=True)
class PasswordPolicy:
    min_length: int = 10
    expiry_days: int = 90
    history: int = 5
    max_failed_logins: int = 5

    def check_strength(self, password: str) -> None:
        if len(password) < self.min_length:
            raise ValidationError(_("the password must have at least {min_length} characters",
                                    min_length=self.min_length))
        if password.strip() != password:
            raise ValidationError(_("the password must not start or end with a space"))
        if not (re.search(r"[A-Za-z]", password) and re.search(r"[^A-Za-z]", password)):
            raise ValidationError(_("the password must mix letters with digits or symbols"))


def validate_user_id(user_id: str) -> UserId:
    if not USER_ID_PATTERN.fullmatch(user_id):
        raise ValidationError(
            _("invalid user ID '{shown}': use 2-32 lower-case letters, digits, '.', '_' or '-', starting with a "
              "letter",
              shown=shown(user_id))
        )
    if user_id == SYSTEM_USER_ID:
        raise ValidationError(_("user ID '{user_id}' is reserved", user_id=user_id))
    return UserId(user_id)


def validate_printed_name(name: str) -> str:
    if not name.strip():
        raise ValidationError(_("the printed name is required (it appears on every record the user signs)"))
    return clean_text(name, N_("printed name"), max_length=120)


def validate_roles(roles: frozenset[Role]) -> frozenset[Role]:
    if not roles:
        raise ValidationError(_("a user needs at least one role"))
    return roles


class User:
    """A person who logs in. Never deleted: deactivated, so the ID is never reused (ACC-1)."""

    user_id: UserId
    printed_name: str
    roles: frozenset[Role]
    active: bool
    locked: bool
    failed_logins: int
    password_hash: str
    password_history: tuple[str, ...]
    password_changed_at: datetime
    must_change_password: bool
    created_at: datetime
    language: str | None  # the language of the user's sessions (GEN-6); None: the station's locale

    def __init__(
        self,
        user_id: UserId,
        printed_name: str,
        roles: frozenset[Role],
        password_hash: str,
        now: datetime,
        *,
        must_change_password: bool = True,
        awaiting_grant: bool = False,
    ) -> None:
        self.user_id = validate_user_id(user_id)
        self.printed_name = validate_printed_name(printed_name)
        # A new user whose only roles are signing roles holds none until a second person approves (ACC-6).
        self.roles = frozenset(roles) if awaiting_grant else validate_roles(frozenset(roles))
        self.active = True
        self.locked = False
        self.failed_logins = 0
        self.password_hash = password_hash
        self.password_history = ()
        self.password_changed_at = now
        self.must_change_password = must_change_password
        self.created_at = now
        self.language = None

    @property
    def actor(self) -> Actor:
        return Actor(self.user_id, self.printed_name, self.roles, language=self.language)

    def choose_language(self, language: str | None) -> None:
        """The language of this user's sessions from the next one on; None follows the station's locale. The
        caller checks that BatchTrace has the language (app.i18n.check_language)."""
        self.language = language

    def password_expired(self, policy: PasswordPolicy, now: datetime) -> bool:
        return now - self.password_changed_at > timedelta(days=policy.expiry_days)

    def check_can_log_in(self) -> None:
        if not self.active:
            raise AuthenticationFailed(_("user '{user_id}' is deactivated", user_id=self.user_id))
        if self.locked:
            raise AccountLocked(
                _("account '{user_id}' is locked after repeated failed log-ins: an administrator must unlock it",
                  user_id=self.user_id)
            )

    def record_failed_login(self, policy: PasswordPolicy) -> int:
        """Count a wrong password; lock at the limit (ACC-3). Returns the tries that remain."""
        self.failed_logins += 1
        if self.failed_logins >= policy.max_failed_logins:
            self.locked = True
            return 0
        return policy.max_failed_logins - self.failed_logins

    def record_successful_login(self, policy: PasswordPolicy, now: datetime) -> None:
        self.check_can_log_in()
        if self.failed_logins:
            self.failed_logins = 0
        if self.must_change_password:
            raise PasswordExpired(_("user '{user_id}' must set a new password before working", user_id=self.user_id))
        if self.password_expired(policy, now):
            raise PasswordExpired(
                _("the password of '{user_id}' expired after {expiry_days} days: set a new one",
                  user_id=self.user_id, expiry_days=policy.expiry_days)
            )

    def set_password(
        self, new_hash: str, now: datetime, policy: PasswordPolicy, *, reused: bool, temporary: bool
    ) -> None:
        """Replace the password. `reused` says whether it matches a remembered one (checked by the caller,
        which alone can verify hashes)."""
        if reused:
            raise ValidationError(_("the new password must differ from the last {history} passwords",
                                    history=policy.history))
        history = (self.password_hash, *self.password_history)[: max(policy.history - 1, 0)]
        self.password_history = history
        self.password_hash = new_hash
        self.password_changed_at = now
        self.must_change_password = temporary

    def remembered_hashes(self, policy: PasswordPolicy) -> tuple[str, ...]:
        return (self.password_hash, *self.password_history)[: policy.history]

    def unlock(self) -> None:
        if not self.locked and not self.failed_logins:
            raise ValidationError(_("account '{user_id}' is not locked", user_id=self.user_id))
        self.locked = False
        self.failed_logins = 0

    def deactivate(self) -> None:
        if not self.active:
            raise ValidationError(_("user '{user_id}' is already deactivated", user_id=self.user_id))
        self.active = False

    def change_roles(self, roles: frozenset[Role], *, awaiting_grant: bool = False) -> None:
        """`awaiting_grant`: the user's new roles are all signing roles waiting for approval (ACC-6): until then
        the user holds none."""
        roles = frozenset(roles) if awaiting_grant else validate_roles(frozenset(roles))
        if roles == self.roles:
            raise ValidationError(_("the roles are unchanged"))
        self.roles = roles

    def rename(self, printed_name: str) -> None:
        name = validate_printed_name(printed_name)
        if name == self.printed_name:
            raise ValidationError(_("the printed name is unchanged"))
        self.printed_name = name
