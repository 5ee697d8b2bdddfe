"""The unit of work: one transaction, its repositories, and the audit entries it writes on commit."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Any, Self

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from domain.errors import (
    AccessDenied,
    AccountLocked,
    AuthenticationFailed,
    ConcurrentChange,
    DomainError,
    ReasonRequired,
)
from domain.users import SYSTEM_USER_ID, Actor
from persistence import audit_trail
from persistence.audit_trail import COLLECTOR, ChangeCollector, PendingEntry
from persistence.capa_repository import SqlCapas
from persistence.change_repository import SqlChanges
from persistence.document_register import SqlDocumentRegister
from persistence.genealogy import SqlGenealogy
from persistence.kpi_queries import SqlKpis
from persistence.lot_repositories import (
    SqlAlerts,
    SqlBatches,
    SqlLots,
    SqlMasterData,
    SqlMbrs,
    SqlNumbering,
    SqlShipments,
)
from persistence.print_journal import SqlPrintJobs
from persistence.process_repository import SqlProcess
from persistence.qc_repository import SqlQuality
from persistence.readings_repository import SqlReadings
from persistence.recall_repository import SqlRecalls
from persistence.repositories import SqlAuditReader, SqlUserRepository
from persistence.role_grant_repository import SqlRoleGrants
from persistence.signature_repositories import SqlSignatures, record_status_changes
from persistence.site_security_repository import SqlSiteSecurity
from persistence.tables import users


def session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(bind=engine, expire_on_commit=False)
    install_audit_hooks(factory)
    return factory


def install_audit_hooks(factory: sessionmaker[Session]) -> None:
    @event.listens_for(factory, "after_flush")
    def _collect(session: Session, _context: Any) -> None:
        # After the flush the PKs of new rows exist, while the attribute history is still there.
        collector = session.info.get(COLLECTOR)
        if collector is not None:
            collector.collect(session)


class DatabaseUnavailable(DomainError):
    code = "database_unavailable"


class SqlUnitOfWork:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        *,
        read_only: bool = False,
        writer_factory: sessionmaker[Session] | None = None,
    ) -> None:
        self._factory = session_factory
        self._writer_factory = writer_factory or session_factory
        self._read_only = read_only
        self._actor: Actor | None = None
        self._session: Session | None = None
        self._events: list[PendingEntry] = []
        self._committed = False

    def acting_as(self, actor: Actor) -> Self:
        self._actor = actor
        return self

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("the unit of work is used outside its 'with' block")
        return self._session

    def __enter__(self) -> Self:
        if self._actor is None:
            raise RuntimeError("a unit of work needs an acting user: call acting_as(actor) first")
        if self._session is not None:
            raise RuntimeError("a unit of work is not re-entrant")
        self._session = self._factory()
        self._session.info[COLLECTOR] = ChangeCollector()
        try:
            self._check_actor(self._session, self._actor)
        except BaseException:
            self._session.close()
            self._session = None
            raise
        self._events = []
        self._committed = False
        session = self._session
        self.users = SqlUserRepository(session)
        self.site_security = SqlSiteSecurity(session)
        self.role_grants = SqlRoleGrants(session)
        self.audit = SqlAuditReader(session)
        self.master_data = SqlMasterData(session)
        self.numbering = SqlNumbering(session)
        self.lots = SqlLots(session)
        self.mbrs = SqlMbrs(session)
        self.batches = SqlBatches(session)
        self.shipments = SqlShipments(session)
        self.recalls = SqlRecalls(session)
        self.alerts = SqlAlerts(session)
        self.genealogy = SqlGenealogy(session)
        self.signatures = SqlSignatures(session)
        self.print_jobs = SqlPrintJobs(session)
        self.documents = SqlDocumentRegister(session)
        self.process = SqlProcess(session)
        self.readings = SqlReadings(session)
        self.quality = SqlQuality(session)
        self.capas = SqlCapas(session)
        self.changes = SqlChanges(session)
        self.kpis = SqlKpis(session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session, self._session = self._session, None
        assert session is not None
        try:
            session.rollback()
        finally:
            session.close()
        if isinstance(exc, AccessDenied):
            self._audit_refusal(exc)
        if isinstance(exc, DBAPIError) and not isinstance(exc, IntegrityError):
            raise DatabaseUnavailable(f"database error: {_first_line(exc)}") from exc

    @staticmethod
    def _check_actor(session: Session, actor: Actor) -> None:
        """Rights come from the users table as it is now, not as it was at log-in (ACC-4): a user deactivated,
        locked or given other roles by an administrator must log in again before acting."""
        if not actor.authenticated or actor.user_id == SYSTEM_USER_ID:
            return
        row = session.execute(
            select(users.c.active, users.c.locked, users.c.roles).where(users.c.user_id == actor.user_id)
        ).first()
        if row is None:
            return  # not a person in the users table (the demo loader on an empty database)
        active, locked, roles = row
        if not active:
            raise AuthenticationFailed(f"user '{actor.user_id}' has been deactivated: the session has ended")
        if locked:
            raise AccountLocked(f"account '{actor.user_id}' is locked: an administrator must unlock it")
        if roles != actor.roles:
            raise AuthenticationFailed(
                f"the roles of '{actor.user_id}' were changed by an administrator: log in again to continue"
            )

    def now(self) -> datetime:
        return audit_trail.server_now(self.session.connection())

    def audit_event(
        self, action: str, record_type: str, record_id: str, *, reason: str | None = None,
        details: dict[str, tuple[object, object]] | None = None,
    ) -> None:
        self._events.append(PendingEntry(record_type, record_id, action, dict(details or {}), reason))

    def commit(self, reason: str | None = None) -> None:
        if self._read_only:
            raise RuntimeError("commit() on a read-only unit of work")
        session = self.session
        reason = reason.strip() if reason else None
        try:
            session.flush()
            collector: ChangeCollector = session.info[COLLECTOR]
            changes = collector.entries()
            if not reason and any(e.action != "CREATE" for e in changes):
                raise ReasonRequired("a reason is required to change or delete a record")
            notes = collector.notes()
            for entry in [*changes, *notes]:
                entry.reason = reason
            assert self._actor is not None
            record_status_changes(session.connection(), self._actor, changes, reason)
            audit_trail.append(session.connection(), self._actor, [*changes, *notes, *self._events])
            session.commit()
        except StaleDataError as error:
            raise ConcurrentChange(
                "the record was changed at another station since you opened it: reload and try again"
            ) from error
        except IntegrityError as error:
            raise ConcurrentChange(
                f"the database refused the change (another station may have written the same record): "
                f"{_first_line(error)}"
            ) from error
        collector.clear()
        self._events = []
        self._committed = True

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        """Write pending rows now (new records get their IDs); the audit entries still wait for commit."""
        self.session.flush()

    def _audit_refusal(self, error: AccessDenied) -> None:
        assert self._actor is not None
        try:
            with SqlUnitOfWork(self._writer_factory).acting_as(self._actor) as uow:
                uow.audit_event("ACCESS_DENIED", "permission", error.permission, reason=str(error))
                uow.commit()
        except (OperationalError, DomainError):
            pass  # the refusal itself still reaches the user; the database may be what failed


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None) or error
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
