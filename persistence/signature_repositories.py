"""Electronic signatures, the site's added signing rules, and the status history of lots and batches.

The status history is written here by the unit of work from the changes it audits, so every status change
(by hand, by signatures, or by the system: expiry, consumption, recall) is in it, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import Enum
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from domain.signatures import RuleExtra, Signature
from domain.users import Actor
from domain.workflow import StatusChange
from persistence import station_access
from persistence import tables as t
from persistence.audit_trail import PendingEntry, server_now
from persistence.bulk import insert_rows

# The record types (as the audit trail names them) whose status changes are kept as history.
STATUS_HISTORY = frozenset({"lot", "batch", "deviation", "change"})


def record_status_changes(connection: Connection, actor: Actor, entries: Iterable[PendingEntry],
                          reason: str | None) -> None:
    rows: list[dict[str, Any]] = []
    for entry in entries:
        if entry.record_type not in STATUS_HISTORY or "status" not in entry.changes:
            continue
        if entry.action not in ("CREATE", "UPDATE"):
            continue
        old, new = entry.changes["status"]
        rows.append({"record_type": entry.record_type, "record_id": entry.record_id, "from_status": old,
                     "to_status": new, "by_user": actor.user_id, "reason": reason})
    if rows:
        at = server_now(connection)
        insert_rows(connection, t.status_changes, [{**row, "at": at} for row in rows])  # a recall holds thousands


class SqlSignatures:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        """A signature or a site signing rule. On a keyed PostgreSQL database the station cannot insert signatures:
        the owner's function writes the row with the server's time (persistence/station_access.py), and the
        signature gets its ID and that time."""
        connection = self.session.connection()
        if not isinstance(obj, Signature) or not station_access.keyed(connection):
            self.session.add(obj)
            return
        values = {c.name: getattr(obj, c.name) for c in t.signatures.c if c.name not in ("id", "at")}
        obj.id, obj.at = station_access.add_signature(
            connection, {name: v.value if isinstance(v, Enum) else v for name, v in values.items()})

    def for_records(self, record_type: str, record_ids: Sequence[str]) -> dict[str, list[Signature]]:
        """Every signature on these records, oldest first."""
        found: dict[str, list[Signature]] = {rid: [] for rid in record_ids}
        if not record_ids:
            return found
        c = t.signatures.c
        stmt = (select(Signature).where(c.record_type == record_type, c.record_id.in_(list(record_ids)))
                .order_by(c.id))
        for signature in self.session.scalars(stmt):
            found.setdefault(signature.record_id, []).append(signature)
        return found

    def state_ids(self, record_type: str, record_ids: Sequence[str]) -> dict[str, int]:
        """The ID of each record's latest status change; 0 for a record with no recorded change."""
        found = dict.fromkeys(record_ids, 0)
        if not record_ids:
            return found
        c = t.status_changes.c
        stmt = (select(c.record_id, func.max(c.id))
                .where(c.record_type == record_type, c.record_id.in_(list(record_ids))).group_by(c.record_id))
        for record_id, latest in self.session.execute(stmt):
            found[record_id] = int(latest)
        return found

    def status_history(self, record_type: str, record_id: str) -> list[StatusChange]:
        c = t.status_changes.c
        stmt = (select(c.id, c.record_type, c.record_id, c.from_status, c.to_status, c.at, c.by_user, c.reason)
                .where(c.record_type == record_type, c.record_id == record_id).order_by(c.id))
        return [StatusChange(*row) for row in self.session.execute(stmt)]

    def status_histories(self, record_type: str, record_ids: Sequence[str]) -> dict[str, list[StatusChange]]:
        """`status_history` of many records in one query (a batch's consumed lots for the release evaluation)."""
        found: dict[str, list[StatusChange]] = {r: [] for r in record_ids}
        c = t.status_changes.c
        for start in range(0, len(record_ids), 500):  # bounded IN lists
            stmt = (select(c.id, c.record_type, c.record_id, c.from_status, c.to_status, c.at, c.by_user, c.reason)
                    .where(c.record_type == record_type, c.record_id.in_(record_ids[start:start + 500]))
                    .order_by(c.id))
            for row in self.session.execute(stmt):
                found[row.record_id].append(StatusChange(*row))
        return found

    def rule_extras(self, transition_key: str | None = None, *, withdrawn: bool = False) -> Sequence[RuleExtra]:
        """The site's added requirements in force (and the withdrawn ones too if asked), oldest first."""
        c = t.signature_rule_extras.c
        stmt = select(RuleExtra).order_by(c.id)
        if not withdrawn:
            stmt = stmt.where(c.active.is_(True))
        if transition_key is not None:
            stmt = stmt.where(c.transition_key == transition_key)
        return self.session.scalars(stmt).all()

    def records_with_open_signatures(self) -> list[tuple[str, str]]:
        """(record type, record ID) of the records with signatures applied in their current status: signed
        transitions under way (a completed one has moved the record on to a newer status)."""
        s, c = t.signatures.c, t.status_changes.c
        latest = (select(func.coalesce(func.max(c.id), 0))
                  .where(c.record_type == s.record_type, c.record_id == s.record_id).scalar_subquery())
        stmt = select(s.record_type, s.record_id).where(s.state_id == latest).distinct()
        return [(record_type, record_id) for record_type, record_id in self.session.execute(stmt)]
