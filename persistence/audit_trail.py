"""Writing the audit trail: collect every mapped change at flush, then append hash-chained entries.

The unit of work calls `append()` inside the same transaction as the changes it records, so the data and
its audit entries are committed together or not at all. Appends are serialised (PostgreSQL advisory
transaction lock; SQLite's write lock, taken at BEGIN IMMEDIATE) so concurrent writers extend one chain.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from domain.audit import CANONICAL_VERSION, GENESIS_HASH, canonical_changes, entry_hash, format_time
from domain.users import Actor
from persistence import station_access
from persistence.bulk import insert_rows
from persistence.mapping import AUDITED
from persistence.tables import audit_log
from persistence.types import audit_value

AUDIT_LOCK_KEY = station_access.AUDIT_LOCK_KEY  # one advisory lock for the whole chain
REDACTED = "(changed, not shown)"
COLLECTOR = "batchtrace_audit_collector"  # the session's ChangeCollector, in `Session.info`


@dataclass
class PendingEntry:
    record_type: str
    record_id: str
    action: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    reason: str | None = None


class ChangeCollector:
    """Accumulates per-record changes over all flushes of one transaction, merged per record."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], PendingEntry] = {}
        self._notes: list[PendingEntry] = []

    def collect(self, session: Session) -> None:
        for obj in session.new:
            self._merge(obj, "CREATE")
        for obj in session.dirty:
            if session.is_modified(obj, include_collections=False):
                self._merge(obj, "UPDATE")
        for obj in session.deleted:
            self._merge(obj, "DELETE")

    def _merge(self, obj: object, action: str) -> None:
        audited = AUDITED.get(type(obj))
        if audited is None:
            return
        state = inspect(obj)
        mapper = state.mapper
        if audited.record_id is not None:
            record_id = audited.record_id(obj)
        else:
            record_id = "/".join(str(v) for v in mapper.primary_key_from_instance(obj))
        changes: dict[str, tuple[Any, Any]] = {}
        counter = mapper.version_id_col
        for attr in mapper.column_attrs:
            if counter is not None and attr.columns[0] is counter:
                continue  # the optimistic-lock counter is bookkeeping, not GMP content (a record version is)
            hist = state.attrs[attr.key].history
            if action == "CREATE":
                old, new = None, state.attrs[attr.key].value
            elif action == "DELETE":
                old, new = (hist.unchanged or hist.deleted or (None,))[0], None
            else:
                if not hist.has_changes():
                    continue
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
            if attr.key in audited.redacted:
                changes[attr.key] = (None, REDACTED) if action != "DELETE" else (REDACTED, None)
            else:
                changes[attr.key] = (audit_value(old), audit_value(new))
        self.record(audited.record_type, record_id, action, changes)

    def record(self, record_type: str, record_id: str, action: str, changes: dict[str, tuple[Any, Any]]) -> None:
        """A change written without the ORM (a bulk write of the unit of work's own transaction): it is
        audited like any other, as one entry per record, with the same record type, ID and fields."""
        key = (record_type, record_id)
        earlier = self._entries.get(key)
        if earlier is None:
            self._entries[key] = PendingEntry(record_type, record_id, action, changes)
            return
        for name, (old, new) in changes.items():
            first_old = earlier.changes[name][0] if name in earlier.changes else old
            earlier.changes[name] = (first_old, new)
        if action == "DELETE":
            earlier.action = "DELETE" if earlier.action != "CREATE" else "CREATE+DELETE"

    def note(self, record_type: str, record_id: str, action: str, changes: dict[str, tuple[Any, Any]]) -> None:
        """A write that is a consequence of the change being committed (a number taken, material flowing along
        a genealogy edge): one entry each, in order, with the commit's reason; it needs no reason of its own."""
        self._notes.append(PendingEntry(record_type, record_id, action, changes))

    def notes(self) -> list[PendingEntry]:
        return list(self._notes)

    def entries(self) -> list[PendingEntry]:
        result = []
        for entry in self._entries.values():
            if entry.action == "UPDATE":
                entry.changes = {k: v for k, v in entry.changes.items() if v[0] != v[1] or v[1] == REDACTED}
                if not entry.changes:
                    continue
            result.append(entry)
        return result

    def clear(self) -> None:
        self._entries.clear()
        self._notes.clear()


def collector(session: Session) -> ChangeCollector:
    """The change collector of the unit of work that owns this session (see persistence/uow.py)."""
    found: ChangeCollector = session.info[COLLECTOR]
    return found


_AS_IS = (str, int, type(None))  # audit_value returns these unchanged: skip the call for most values


def created(columns: Sequence[str], row: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The changes of a CREATE entry for a row written in bulk: every column as the ORM would record it."""
    return {name: (None, value if type(value) in _AS_IS else audit_value(value))
            for name in columns if name != "version" for value in (row[name],)}


def server_now(connection: Connection) -> datetime:
    """The database server's clock on a shared store (GEN-4); this machine's on embedded SQLite."""
    if connection.dialect.name == "postgresql":
        value: datetime = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
        return value.astimezone(UTC)
    return datetime.now(UTC)


def append(connection: Connection, actor: Actor, entries: Sequence[PendingEntry]) -> list[int]:
    """Append entries to the chain in this transaction; returns their sequence numbers."""
    if not entries:
        return []
    if station_access.keyed(connection):
        return _append_keyed(connection, actor, entries)
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_LOCK_KEY})
    at = server_now(connection)  # after the lock: times rise with the sequence
    last = connection.execute(
        select(audit_log.c.seq, audit_log.c.hash, audit_log.c.at).order_by(audit_log.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0], last[1]) if last else (0, GENESIS_HASH)
    if last is not None and last[2] > at:
        # A station clock set back (SQLite): the verifier refuses times going backwards, so the entry takes
        # the time of the one before it rather than breaking the chain.
        at = last[2]
    at_text = format_time(at)
    rows: list[dict[str, Any]] = []
    seqs: list[int] = []
    for entry in entries:
        seq += 1
        changes = canonical_changes(entry.changes)
        digest = entry_hash(
            seq, at_text, actor.user_id, actor.printed_name, entry.record_type, entry.record_id,
            entry.action, changes, entry.reason, prev,
        )
        rows.append(
            {
                "seq": seq, "at": at, "user_id": actor.user_id, "user_name": actor.printed_name,
                "record_type": entry.record_type, "record_id": entry.record_id, "action": entry.action,
                "changes": changes, "reason": entry.reason, "prev_hash": prev, "hash": digest,
                "format": CANONICAL_VERSION,
            }
        )
        seqs.append(seq)
        prev = digest
    insert_rows(connection, audit_log, rows)  # one driver executemany: a recall writes thousands
    return seqs


def _append_keyed(connection: Connection, actor: Actor, entries: Sequence[PendingEntry]) -> list[int]:
    """The database numbers, dates, links and keys the entries itself (v3): one call for the whole commit."""
    payload = json.dumps([{"record_type": e.record_type, "record_id": e.record_id, "action": e.action,
                           "changes": canonical_changes(e.changes), "reason": e.reason} for e in entries],
                         ensure_ascii=False)
    result = connection.execute(text("SELECT batchtrace_append_audit(:user_id, :user_name, CAST(:entries AS json))"),
                                {"user_id": actor.user_id, "user_name": actor.printed_name, "entries": payload})
    return [int(seq) for seq in result.scalars()]
