"""Recalls (TRC-4): reading them, and opening one in bulk.

Opening a recall on a lot used for years writes thousands of rows: the holds on every lot and batch in scope,
one frozen scope row per node and one row per customer. They are written set-wise in the unit of work's own
transaction, and each change still becomes one audit entry of the same record type, ID and fields as the ORM
would write (`ChangeCollector.record`); the unit of work chains them on commit like every other change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.batches import Batch
from domain.errors import ConcurrentChange
from domain.lots import Lot
from domain.recall import (
    ContainmentChange,
    CustomerToNotify,
    LockedState,
    Recall,
    RecallCustomer,
    RecallScopeEntry,
    ScopeLine,
)
from domain.trace import NodeKey
from persistence import tables as t
from persistence.audit_trail import collector, created
from persistence.bulk import insert_rows, reserve_ids
from persistence.mapping import AUDITED
from persistence.trace_queries import REACH, driver_sql
from persistence.types import raw_quantity

_SCOPE_COLUMNS = [c.name for c in t.recall_scope.columns]
_CUSTOMER_COLUMNS = [c.name for c in t.recall_customers.columns]
_LOCK_SQL = {
    "L": "SELECT l.id, l.status, l.on_hand, NULL, l.version FROM reach r JOIN lots l ON l.id = r.id "
         "WHERE r.kind = 'L' ORDER BY l.id",
    "B": "SELECT b.id, b.status, NULL, b.held_from, b.version FROM reach r JOIN batches b ON b.id = r.id "
         "WHERE r.kind = 'B' ORDER BY b.id",
}
_CHUNK = 5000  # IDs per IN list (SQLite allows 32,766 parameters per statement)


class SqlRecalls:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def by_number(self, number: str) -> Recall | None:
        return self.session.scalars(select(Recall).where(t.recalls.c.recall_number == number.strip())).one_or_none()

    def list(self) -> Sequence[Recall]:
        return self.session.scalars(select(Recall).order_by(t.recalls.c.id.desc())).all()

    def scope(self, recall_id: int) -> Sequence[ScopeLine]:
        c = t.recall_scope.c
        rows = self.session.connection().execute(
            select(c.kind, c.number, c.item_code, c.depth, c.path, c.quantity, c.unit, c.status_at_open,
                   c.customer_code, c.action).where(c.recall_id == recall_id).order_by(c.id))
        return [ScopeLine._make(row) for row in rows]

    def customers(self, recall_id: int) -> Sequence[RecallCustomer]:
        c = t.recall_customers.c
        return self.session.scalars(
            select(RecallCustomer).where(c.recall_id == recall_id).order_by(c.customer_code)
        ).all()

    # --- opening ---------------------------------------------------------------------------------------------
    def lock_scope(self, root: NodeKey) -> dict[NodeKey, LockedState]:
        """Every lot and batch the forward trace from `root` reaches, locked (PostgreSQL: in ID order, so two
        recalls cannot deadlock; SQLite: the writer already holds the database's write lock) and read as
        they are now: another station's change to one of them waits until the recall is saved."""
        connection = self.session.connection()
        lock = " FOR UPDATE OF {0}" if connection.dialect.name == "postgresql" else ""
        found: dict[NodeKey, LockedState] = {}
        to_decimal = raw_quantity(connection.dialect)
        for kind, select_sql in _LOCK_SQL.items():
            sql = REACH[True] + "\n" + select_sql + lock.format("l" if kind == "L" else "b")
            for node_id, status, on_hand, held_from, version in connection.exec_driver_sql(
                    *driver_sql(connection, sql, {"kind": root[0], "id": root[1]})):
                stock = None if on_hand is None else to_decimal(on_hand)
                found[(kind, node_id)] = LockedState(status, stock, held_from, version)
        return found

    def contain(self, changes: Sequence[ContainmentChange]) -> None:
        """The holds and recalls, one UPDATE per table and new status, each row audited as the ORM would
        (status, and held_from where it changed). The rows were locked by `lock_scope` in this transaction,
        so none can have changed since; the count of rows updated is checked all the same."""
        connection = self.session.connection()
        audit = collector(self.session)
        groups: dict[tuple[str, str, bool], list[ContainmentChange]] = {}
        for change in changes:
            holds = change.held_from[0] != change.held_from[1]
            groups.setdefault((change.kind, change.status[1], holds), []).append(change)
        for (kind, status, holds), rows in groups.items():
            table = t.lots if kind == "L" else t.batches
            values: dict[str, Any] = {"status": status, "version": table.c.version + 1}
            if holds:
                values["held_from"] = table.c.status  # where a held batch resumes: its status before the hold
            for start in range(0, len(rows), _CHUNK):
                chunk = rows[start:start + _CHUNK]
                result = connection.execute(
                    update(table).where(table.c.id.in_([c.id for c in chunk])).values(values))
                if result.rowcount != len(chunk):
                    raise ConcurrentChange("a lot or batch in the recall's scope was removed at another station "
                                           "while the recall was opened: open it again")
            record_type = AUDITED_LOT if kind == "L" else AUDITED_BATCH
            for c in rows:
                fields: dict[str, tuple[Any, Any]] = {"status": c.status}
                if holds:
                    fields["held_from"] = c.held_from
                audit.record(record_type, c.number, "UPDATE", fields)

    def add_scope(self, recall_id: int, lines: Sequence[ScopeLine]) -> None:
        rows = [{"recall_id": recall_id, **line._asdict()} for line in lines]
        self._insert(t.recall_scope, rows, _SCOPE_COLUMNS, AUDITED_SCOPE, lambda row: str(row["id"]))

    def add_customers(self, customers: Sequence[CustomerToNotify]) -> None:
        rows = [c._asdict() for c in customers]
        self._insert(t.recall_customers, rows, _CUSTOMER_COLUMNS, AUDITED_CUSTOMER,
                     lambda row: f"{row['recall_id']}/{row['customer_code']}")

    def _insert(self, table: Any, rows: Sequence[dict[str, Any]], columns: Sequence[str], record_type: str,
                record_id: Any) -> None:
        connection = self.session.connection()
        audit = collector(self.session)
        for row, new_id in zip(rows, reserve_ids(connection, table, len(rows)), strict=True):
            row["id"] = new_id
            audit.record(record_type, record_id(row), "CREATE", created(columns, row))
        insert_rows(connection, table, rows)


AUDITED_LOT = AUDITED[Lot].record_type
AUDITED_BATCH = AUDITED[Batch].record_type
AUDITED_SCOPE = AUDITED[RecallScopeEntry].record_type
AUDITED_CUSTOMER = AUDITED[RecallCustomer].record_type
