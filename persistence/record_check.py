"""Record-level verification (AUD-6) against the tables: each checked GMP table read raw and decoded column by
column (so a value no BatchTrace code writes, such as an enum's constant name or a malformed role list, is
named rather than crashing the check), then compared with the replayed audit trail (domain.record_check).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Boolean, Column, Date, DateTime, Dialect, Numeric, Table, or_, select, type_coerce
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Mapper, Session, class_mapper
from sqlalchemy.types import NullType, TypeDecorator

from domain.record_check import (
    STATUS_HISTORY,
    RecordProblem,
    TrailEntry,
    compare,
    expected_flows,
    flow_key,
    replay_trail,
    signature_key,
    status_change_key,
)
from persistence import tables as t
from persistence.mapping import AUDITED, map_domain
from persistence.types import audit_value, raw_quantity

Row = dict[str, Any]
KeyOf = Callable[[Row], str]

def _checked() -> dict[str, tuple[Table, KeyOf, frozenset[str]]]:
    """Every type the unit of work audits (persistence.mapping.AUDITED), as record type (as the trail names it)
    -> (its table, the record ID the trail uses computed from a row, the columns the trail does not carry: the
    optimistic-lock counter and what the mapping redacts). Derived, so a newly audited table is checked too."""
    map_domain()
    checked: dict[str, tuple[Table, KeyOf, frozenset[str]]] = {}
    for cls, audited in AUDITED.items():
        mapper: Mapper[Any] = class_mapper(cls)
        table = cast(Table, mapper.local_table)
        counter = mapper.version_id_col
        ignored = audited.redacted | ({counter.name} if counter is not None else set())
        key_of = _entity_key(audited.record_id) if audited.record_id is not None else \
            _primary_key([c.name for c in table.primary_key.columns])
        checked[audited.record_type] = (table, key_of, frozenset(ignored))
    return checked


def _entity_key(record_id: Callable[[Any], str]) -> KeyOf:
    return lambda row: str(record_id(SimpleNamespace(**row)))  # the entity's own rule, on the row's values


def _primary_key(columns: list[str]) -> KeyOf:
    return lambda row: "/".join(str(row[name]) for name in columns)  # as the trail names a record without one


CHECKED = _checked()

REPLAYED_ACTIONS = ("CREATE", "UPDATE", "DELETE", "CREATE+DELETE", "SIGN")  # not log-ins, exports, ...
NODE_KINDS = {"L": "lot", "B": "batch", "S": "shipment"}


class SqlRecordCheck:
    def __init__(self, session: Session) -> None:
        self.session = session

    def problems(self) -> list[RecordProblem]:
        replayed = replay_trail(self._entries(), CHECKED)
        found: list[RecordProblem] = []
        for record_type, (table, key_of, ignored) in CHECKED.items():
            found.extend(compare(table.name, replayed.records[record_type], self._rows(table, key_of, ignored),
                                 ignored))
        found.extend(compare(t.signatures.name, replayed.signatures,
                             self._rows(t.signatures, _numbered(signature_key), order_by="id")))
        found.extend(compare(t.status_changes.name, replayed.status_history,
                             self._rows(t.status_changes, _numbered(status_change_key), order_by="id")))
        found.extend(self._genealogy_problems())
        return found

    def _entries(self) -> Iterator[TrailEntry]:
        """One walk of the trail in sequence order (the primary key): the changes of the checked record types
        and the status-history types, and every signature."""
        a = t.audit_log.c
        stmt = (select(a.record_type, a.record_id, a.action, a.user_id, a.changes, a.reason)
                .where(a.action.in_(REPLAYED_ACTIONS),
                       or_(a.record_type.in_(sorted({*CHECKED, *STATUS_HISTORY})), a.action == "SIGN"))
                .order_by(a.seq))
        make = TrailEntry._make
        for row in self.session.execute(stmt.execution_options(yield_per=20_000)):
            yield make(row)

    def _rows(self, table: Table, key_of: KeyOf, ignored: frozenset[str] = frozenset(),
              order_by: str | None = None) -> dict[str, Row]:
        """Each row's values as the trail writes them, by the record's key."""
        columns = [c for c in table.columns if c.name not in ignored]
        stmt = select(*(type_coerce(c, NullType()).label(c.name) for c in columns))
        if order_by is not None:
            stmt = stmt.order_by(table.c[order_by])
        dialect = self.session.get_bind().dialect
        decoders = [(c.name, decoder(c, dialect)) for c in columns]
        rows: dict[str, Row] = {}
        for values in self.session.execute(stmt.execution_options(yield_per=20_000)):
            row: Row = {}
            for (name, decode), raw in zip(decoders, values, strict=True):
                if raw is None or decode is None:
                    row[name] = raw
                    continue
                try:
                    row[name] = decode(raw)
                except (ValueError, LookupError, TypeError, AttributeError, ArithmeticError):
                    row[name] = f"(not a valid value: {raw!r})"
            rows[key_of(row)] = row
        return rows

    def _genealogy_problems(self) -> list[RecordProblem]:
        """The graph compared with what the (checked) issues, completed lots and shipment lines imply."""
        names = {
            "L": self._numbers(t.lots.c.id, t.lots.c.lot_number),
            "B": self._numbers(t.batches.c.id, t.batches.c.batch_number),
            "S": self._numbers(t.shipments.c.id, t.shipments.c.shipment_number),
        }

        def name(kind: str, node_id: Any) -> str:
            return names.get(kind, {}).get(node_id, f"#{node_id}")

        def raw(*columns: Column[Any]) -> Any:  # the stored values: the kind as its text, not the enum
            return self.session.execute(select(*(type_coerce(c, NullType()) for c in columns)))

        decode = raw_quantity(self.session.get_bind().dialect)

        def qty(stored: Any) -> Any:  # as the app reads it; a value it never writes stays as found (named)
            try:
                return decode(stored)
            except (ValueError, TypeError, ArithmeticError):
                return stored

        mi, lot, line = t.material_issues.c, t.lots.c, t.shipment_lines.c
        issues = ((name("L", lot_id), name("B", batch_id), kind, qty(q))
                  for lot_id, batch_id, kind, q in raw(mi.lot_id, mi.batch_id, mi.kind, mi.quantity))
        completions = ((name("B", batch_id), name("L", lot_id), qty(q))
                       for batch_id, lot_id, q in raw(lot.batch_id, lot.id, lot.quantity) if batch_id is not None)
        shipped = ((name("L", lot_id), name("S", shipment_id), qty(q))
                   for lot_id, shipment_id, q in raw(line.lot_id, line.shipment_id, line.quantity))
        expected = expected_flows(issues, completions, shipped)

        def key_of(row: Row) -> str:
            src, dst = row["src_kind"], row["dst_kind"]
            return flow_key(NODE_KINDS.get(src) or str(src), name(src, row["src_id"]),
                            NODE_KINDS.get(dst) or str(dst), name(dst, row["dst_id"]))

        return compare(t.genealogy.name, expected, self._rows(t.genealogy, key_of))

    def _numbers(self, id_column: Column[Any], number_column: Column[Any]) -> dict[Any, str]:
        return {node_id: str(number) for node_id, number in self.session.execute(select(id_column, number_column))}


def _numbered(key: Callable[[str, str, int], str]) -> KeyOf:
    """Rows read oldest first, keyed by their record and their place among that record's rows."""
    counts: dict[tuple[str, str], int] = {}

    def key_of(row: Row) -> str:
        record = (row["record_type"], row["record_id"])
        counts[record] = counts.get(record, 0) + 1
        return key(*record, counts[record])

    return key_of


def decoder(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """How a raw value of this column becomes the value the audit trail writes (None: as it is). It raises for a
    value BatchTrace never writes (an unknown status, a role list with an unknown role, text in a quantity on
    SQLite)."""
    kind = column.type
    if isinstance(kind, SAEnum):
        allowed = frozenset(kind.enums)

        def enum_value(raw: Any) -> Any:
            if raw not in allowed:
                raise ValueError(raw)
            return raw

        return enum_value
    if isinstance(kind, TypeDecorator):  # persistence.types: the stored text decoded as the ORM does
        timestamp = isinstance(kind.impl_instance, DateTime)

        def decorated(raw: Any) -> Any:
            if timestamp and isinstance(raw, str):
                raw = datetime.fromisoformat(raw)  # SQLite keeps UTC as naive text
            return audit_value(kind.process_result_value(raw, dialect))

        return decorated
    if isinstance(kind, Boolean):
        def flag(raw: Any) -> bool:
            if raw not in (0, 1):  # True and False are 1 and 0
                raise ValueError(raw)
            return bool(raw)

        return flag
    if isinstance(kind, Date):
        return lambda raw: raw if isinstance(raw, date) else date.fromisoformat(raw)
    if isinstance(kind, Numeric):
        def number(raw: Any) -> Decimal:
            if isinstance(raw, bool):
                raise ValueError(raw)
            return Decimal(str(raw))

        return number
    return None
