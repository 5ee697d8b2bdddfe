"""Errors the rules raise: each has a stable code (for logs and tests) and a message a user can act on."""

from __future__ import annotations


class DomainError(Exception):
    """A rule refused an action. `str(error)` is the one-line message shown to the user."""

    code = "domain_error"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    code = "invalid"


class NotFound(DomainError):
    code = "not_found"


class AlreadyExists(DomainError):
    code = "already_exists"


class AccessDenied(DomainError):
    """The acting user lacks the permission. The unit of work audits every refusal."""

    code = "access_denied"

    def __init__(self, message: str, *, permission: str, user_id: str) -> None:
        super().__init__(message)
        self.permission = permission
        self.user_id = user_id


class AuthenticationFailed(DomainError):
    code = "authentication_failed"


class AccountLocked(AuthenticationFailed):
    code = "account_locked"


class PasswordExpired(AuthenticationFailed):
    code = "password_expired"


class ReasonRequired(DomainError):
    code = "reason_required"


class ConcurrentChange(DomainError):
    """Someone else changed the record since it was read; nothing was written."""

    code = "concurrent_change"


class SchemaMismatch(DomainError):
    code = "schema_mismatch"


class Cancelled(DomainError):
    """The user stopped a long job (an import, an export, a document); nothing of it was kept."""

    code = "cancelled"
