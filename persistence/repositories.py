"""Repositories over one Session: the only place queries are written."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session

from domain.audit import AuditEntry, ChainReport, verify_chain
from domain.record_check import RecordProblem
from domain.users import User
from persistence import station_access
from persistence.record_check import SqlRecordCheck
from persistence.tables import audit_log, users


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, user_id: str) -> User | None:
        return self.session.get(User, user_id)

    def lock_for_update(self, user_id: str) -> User | None:
        # Row lock on PostgreSQL (two stations counting failed log-ins); SQLite already holds the write lock.
        return self.session.scalars(
            select(User).where(users.c.user_id == user_id).with_for_update()
        ).one_or_none()

    def add(self, user: User) -> None:
        self.session.add(user)

    def list(self, *, include_inactive: bool = True) -> Sequence[User]:
        stmt = select(User).order_by(users.c.user_id)
        if not include_inactive:
            stmt = stmt.where(users.c.active.is_(True))
        return self.session.scalars(stmt).all()

    def any_exist(self) -> bool:
        return bool(self.session.scalar(select(exists().where(users.c.user_id.is_not(None)))))


def _filtered(stmt: Select[Any], flt: Any) -> Select[Any]:
    c = audit_log.c
    if flt.user_id:
        stmt = stmt.where(c.user_id == flt.user_id)
    if flt.record_type:
        stmt = stmt.where(c.record_type == flt.record_type)
    if flt.record_id:
        stmt = stmt.where(c.record_id == flt.record_id)
    if flt.action:
        stmt = stmt.where(c.action == flt.action)
    if flt.since:
        stmt = stmt.where(c.at >= flt.since)
    if flt.until:
        stmt = stmt.where(c.at < flt.until)
    if flt.text:
        pattern = f"%{flt.text}%"
        stmt = stmt.where(c.reason.ilike(pattern) | c.changes.ilike(pattern) | c.record_id.ilike(pattern))
    return stmt


_COLUMNS = (
    audit_log.c.seq, audit_log.c.at, audit_log.c.user_id, audit_log.c.user_name, audit_log.c.record_type,
    audit_log.c.record_id, audit_log.c.action, audit_log.c.changes, audit_log.c.reason,
    audit_log.c.prev_hash, audit_log.c.hash, audit_log.c.format,
)


class SqlAuditReader:
    def __init__(self, session: Session) -> None:
        self.session = session

    def page(self, flt: Any, *, before_seq: int | None, limit: int) -> list[AuditEntry]:
        """Newest first, keyset-paged on the sequence: constant time however deep the page."""
        stmt = _filtered(select(*_COLUMNS), flt).order_by(audit_log.c.seq.desc()).limit(limit)
        if before_seq is not None:
            stmt = stmt.where(audit_log.c.seq < before_seq)
        return [AuditEntry(*row) for row in self.session.execute(stmt)]

    def iter_all(self, flt: Any) -> Iterator[AuditEntry]:
        stmt = _filtered(select(*_COLUMNS), flt).order_by(audit_log.c.seq)
        result = self.session.execute(stmt.execution_options(yield_per=5000))
        for row in result:
            yield AuditEntry(*row)

    def record_types(self) -> list[str]:
        return list(self.session.scalars(select(audit_log.c.record_type).distinct().order_by(audit_log.c.record_type)))

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(audit_log)) or 0)

    def head_seq(self) -> int:
        """The last sequence in the database, whether or not the chain up to it is intact."""
        return int(self.session.scalar(select(func.max(audit_log.c.seq))) or 0)

    def hashes(self, seqs: Collection[int]) -> dict[int, str]:
        """The stored hash of each of these entries that exists (the anchored ones: a handful)."""
        wanted = sorted(set(seqs))
        found: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            rows = self.session.execute(
                select(audit_log.c.seq, audit_log.c.hash).where(audit_log.c.seq.in_(wanted[start:start + 500]))
            )
            found.update((int(seq), digest) for seq, digest in rows)
        return found

    def record_problems(self) -> list[RecordProblem]:
        """Replay the trail and compare every checked GMP row with it (AUD-6; persistence.record_check)."""
        return SqlRecordCheck(self.session).problems()

    def verify(self) -> ChainReport:
        """Walk the whole chain on the driver's own cursor: no ORM objects for a million rows."""
        connection = self.session.connection()
        driver = connection.connection.driver_connection
        assert driver is not None
        if connection.dialect.name == "sqlite":
            cursor = driver.cursor()
            cursor.arraysize = 10_000
            cursor.execute(
                "SELECT seq, at, user_id, user_name, record_type, record_id, action, changes, reason, "
                "prev_hash, hash, format, NULL FROM audit_log ORDER BY seq"
            )
            return verify_chain(cursor)
        # The HMAC of each keyed entry comes from the owner's function: only the database holds the key.
        keyed = (" LEFT JOIN batchtrace_audit_keyed() k ON k.seq = a.seq" if station_access.keyed(connection)
                 else " LEFT JOIN (SELECT NULL::bigint AS seq, NULL::text AS keyed) k ON false")
        with driver.cursor(name="batchtrace_audit_verify") as cursor:
            cursor.itersize = 20_000
            cursor.execute(
                "SELECT a.seq, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), a.user_id, a.user_name, "
                "a.record_type, a.record_id, a.action, a.changes, a.reason, a.prev_hash, a.hash, a.format, k.keyed "
                f"FROM audit_log a{keyed} ORDER BY a.seq"
            )
            return verify_chain(cursor)
