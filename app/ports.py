"""What the use cases need from the outside world, as Protocols; `persistence/` and `app/` adapters implement them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.audit import AuditEntry, ChainReport
from domain.users import Actor, User


class UserRepository(Protocol):
    def get(self, user_id: str) -> User | None: ...
    def add(self, user: User) -> None: ...
    def list(self, *, include_inactive: bool = True) -> Sequence[User]: ...
    def any_exist(self) -> bool: ...
    def lock_for_update(self, user_id: str) -> User | None: ...


@dataclass(frozen=True)
class AuditFilter:
    user_id: str | None = None
    record_type: str | None = None
    record_id: str | None = None
    action: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    text: str | None = None


class AuditReader(Protocol):
    def page(self, flt: AuditFilter, *, before_seq: int | None, limit: int) -> list[AuditEntry]: ...
    def iter_all(self, flt: AuditFilter) -> Iterator[AuditEntry]: ...
    def verify(self) -> ChainReport: ...
    def record_types(self) -> list[str]: ...


class UnitOfWork(Protocol):
    """One transaction. Leaving the `with` block without `commit()` rolls everything back.

    Every create, change and delete of a mapped record in the transaction is written to the audit trail by
    `commit()` itself, as the acting user, with the reason given there (AUD-1, AUD-4).
    """

    @property
    def users(self) -> UserRepository: ...
    @property
    def audit(self) -> AuditReader: ...

    def acting_as(self, actor: Actor) -> Self: ...
    def __enter__(self) -> Self: ...
    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...
    def commit(self, reason: str | None = None) -> None: ...
    def rollback(self) -> None: ...
    def now(self) -> datetime: ...
    def audit_event(
        self, action: str, record_type: str, record_id: str, *, reason: str | None = None,
        details: dict[str, tuple[object, object]] | None = None,
    ) -> None: ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...
    def verify(self, stored_hash: str, password: str) -> bool: ...
