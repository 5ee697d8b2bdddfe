"""The genealogy graph: keeping it with each issue, completion and shipment, and tracing it.

A trace is one recursive query per direction (`FORWARD_SQL`, `BACKWARD_SQL`), the same text on SQLite and
PostgreSQL. The recursion walks *nodes* (UNION, not UNION ALL): each lot, batch or shipment is expanded once,
however many paths reach it, so a lot used in thousands of batches costs one pass over what it reaches.
The statement then returns, in one result, every edge leaving a reached node and one row of details per
reached node (joined to lots, batches or shipments by kind), rather than the details again on every edge.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Integer,
    String,
    and_,
    bindparam,
    literal_column,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.quantities import QUANTUM
from domain.trace import Edge, NodeInfo, NodeKey, NodeKind, gc_paused
from persistence import tables as t

_NODE_COLUMNS = """
       COALESCE(l.lot_number, b.batch_number, s.shipment_number) AS number,
       COALESCE(l.item_code, b.product_code) AS item_code,
       COALESCE(l.status, b.status) AS status,
       COALESCE(l.on_hand, b.produced_quantity, b.planned_quantity) AS node_quantity,
       COALESCE(l.unit, b.unit) AS unit,
       l.supplier_code, l.supplier_lot, s.customer_code, c.name AS customer_name,
       s.shipped_on, l.expires_on"""


def _trace_sql(near: str, far: str) -> str:
    """Nodes reached from (:kind, :id) following `near` -> `far`; then the edges out of them (rows with a
    src_kind) and their details (rows without; `number` NULL only if the node row is missing)."""
    return f"""
WITH RECURSIVE reach(kind, id) AS (
    SELECT CAST(:kind AS VARCHAR(1)), CAST(:id AS INTEGER)
    UNION
    SELECT g.{far}_kind, g.{far}_id FROM genealogy g JOIN reach r ON g.{near}_kind = r.kind AND g.{near}_id = r.id
)
SELECT g.src_kind, g.src_id, g.dst_kind, g.dst_id, g.quantity, NULL AS number, NULL AS item_code,
       NULL AS status, NULL AS node_quantity, NULL AS unit, NULL AS supplier_code, NULL AS supplier_lot,
       NULL AS customer_code, NULL AS customer_name, CAST(NULL AS DATE) AS shipped_on,
       CAST(NULL AS DATE) AS expires_on
  FROM reach r JOIN genealogy g ON g.{near}_kind = r.kind AND g.{near}_id = r.id
UNION ALL
SELECT NULL, NULL, 'L', l.id, NULL, l.lot_number, l.item_code, l.status, l.on_hand, l.unit, l.supplier_code,
       l.supplier_lot, NULL, NULL, NULL, l.expires_on
  FROM reach r JOIN lots l ON l.id = r.id WHERE r.kind = 'L'
UNION ALL
SELECT NULL, NULL, 'B', b.id, NULL, b.batch_number, b.product_code, b.status,
       COALESCE(b.produced_quantity, b.planned_quantity), b.unit, NULL, NULL, NULL, NULL, NULL, NULL
  FROM reach r JOIN batches b ON b.id = r.id WHERE r.kind = 'B'
UNION ALL
SELECT NULL, NULL, 'S', s.id, NULL, s.shipment_number, NULL, NULL, NULL, NULL, NULL, NULL, s.customer_code,
       c.name, s.shipped_on, NULL
  FROM reach r JOIN shipments s ON s.id = r.id LEFT JOIN customers c ON c.code = s.customer_code
 WHERE r.kind = 'S'
"""


FORWARD_SQL = _trace_sql("src", "dst")
BACKWARD_SQL = _trace_sql("dst", "src")


def _dec(value: Any) -> Decimal:
    # SQLite hands NUMERIC back as float on the raw cursor: go through str to keep 0.1 as 0.1.
    return Decimal(str(value)).quantize(QUANTUM)


_KINDS = {kind.value: kind for kind in NodeKind}


def _node(kind: str, node_id: int, row: Any, dec: Callable[[Any], Decimal] = _dec) -> NodeInfo:
    (number, item_code, status, quantity, unit, supplier_code, supplier_lot, customer_code, customer_name,
     shipped_on, expires_on) = row
    on_date = shipped_on if kind == "S" else expires_on
    return NodeInfo(
        _KINDS.get(kind) or NodeKind(kind), int(node_id), number or f"?{kind}{node_id}", item_code, status,
        None if quantity is None else dec(quantity), unit, supplier_code, supplier_lot, customer_code,
        customer_name, None if on_date is None else str(on_date),
    )


class SqlGenealogy:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_flow(self, src: NodeKey, dst: NodeKey, quantity: Decimal) -> None:
        """Add `quantity` to the edge src -> dst (created at zero if new). A return subtracts; the edge
        stays at zero so the trace still shows the lot touched the batch."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert(t.genealogy).values(
            src_kind=src[0], src_id=src[1], dst_kind=dst[0], dst_id=dst[1], quantity=quantity
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[t.genealogy.c.src_kind, t.genealogy.c.src_id, t.genealogy.c.dst_kind,
                            t.genealogy.c.dst_id],
            set_={"quantity": t.genealogy.c.quantity + quantity},
        )
        self.session.execute(stmt)

    def set_flow(self, src: NodeKey, dst: NodeKey, quantity: Decimal) -> None:
        g = t.genealogy.c
        self.session.execute(
            update(t.genealogy)
            .where(g.src_kind == src[0], g.src_id == src[1], g.dst_kind == dst[0], g.dst_id == dst[1])
            .values(quantity=quantity)
        )

    def trace(self, root: NodeKey, *, forward: bool) -> tuple[list[Edge], dict[NodeKey, NodeInfo]]:
        return run_trace(self.session.connection(), root, forward=forward)

    def node(self, key: NodeKey) -> NodeInfo | None:
        sql = f"""SELECT {_NODE_COLUMNS}
          FROM (SELECT :kind AS kind, :id AS id) n
          LEFT JOIN lots l ON n.kind = 'L' AND l.id = n.id
          LEFT JOIN batches b ON n.kind = 'B' AND b.id = n.id
          LEFT JOIN shipments s ON n.kind = 'S' AND s.id = n.id
          LEFT JOIN customers c ON c.code = s.customer_code"""
        row = self.session.execute(text(sql), {"kind": key[0], "id": key[1]}).first()
        if row is None or row[0] is None:
            return None
        return _node(key[0], key[1], row)

    def find(self, number: str, limit: int = 20) -> list[NodeInfo]:
        """Global search: lot, supplier lot, batch or shipment numbers (exact first, then prefix)."""
        number = number.strip()
        if not number:
            return []
        escaped = number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params: dict[str, Any] = {"number": number, "pattern": escaped + "%", "limit": limit}
        ranges = _case_ranges(number) if self.session.get_bind().dialect.name == "sqlite" else []
        for i, (low, high) in enumerate(ranges):
            params[f"low{i}"], params[f"high{i}"] = low, high
        found: dict[NodeKey, NodeInfo] = {}
        for _rank, kind, node_id in self.session.execute(_search_statement(len(ranges)), params):
            key = (kind, int(node_id))
            if key not in found:
                info = self.node(key)
                if info is not None:
                    found[key] = info
            if len(found) >= limit:
                break
        return list(found.values())


@functools.lru_cache(maxsize=32)
def _search_statement(ranges: int) -> CompoundSelect[Any]:
    """The eight searches of `find` in one statement (one round trip), in order, each with its own limit:
    exact lot, supplier-lot, batch and shipment number, then the same as prefixes. Built once per shape."""
    number = bindparam("number", type_=String)
    pattern = bindparam("pattern", type_=String)
    limit = bindparam("limit", type_=Integer)
    bounds = [(bindparam(f"low{i}", type_=String), bindparam(f"high{i}", type_=String)) for i in range(ranges)]

    def starts_with(column: ColumnElement[Any]) -> ColumnElement[bool]:
        # `column LIKE 'number%'`. PostgreSQL serves it from the column's index (C collation). SQLite's LIKE
        # ignores ASCII case, so its (binary) index cannot: there the index ranges of the number's upper-
        # and lower-case spellings (`_case_ranges`) come with it, and LIKE still decides.
        like = column.like(pattern, escape="\\")
        if not bounds:
            return like
        return and_(or_(*(and_(column >= low, column < high) for low, high in bounds)), like)

    lots, batches, shipments = t.lots.c, t.batches.c, t.shipments.c
    searches = [
        ("L", select(lots.id).where(lots.lot_number == number)),
        ("L", select(lots.id).where(lots.supplier_lot == number)),
        ("B", select(batches.id).where(batches.batch_number == number)),
        ("S", select(shipments.id).where(shipments.shipment_number == number)),
        ("L", select(lots.id).where(starts_with(lots.lot_number)).limit(limit)),
        ("B", select(batches.id).where(starts_with(batches.batch_number)).limit(limit)),
        ("L", select(lots.id).where(starts_with(lots.supplier_lot)).limit(limit)),
        ("S", select(shipments.id).where(starts_with(shipments.shipment_number)).limit(limit)),
    ]
    parts = []
    for rank, (kind, search) in enumerate(searches):
        found = search.subquery()
        parts.append(select(literal_column(str(rank)).label("rank"), literal_column(f"'{kind}'").label("kind"),
                            found.c.id))
    return union_all(*parts).order_by(literal_column("rank"))


_CASE_SPELLINGS_LETTERS = 4  # at most 2**4 index ranges per prefix search on SQLite


def _case_ranges(number: str) -> list[tuple[str, str]]:
    """The index ranges [low, high) holding every string that starts with `number` in any upper/lower-case
    spelling of its ASCII letters, as SQLite's LIKE matches it. Past four letters the ranges stop (a wider
    net: LIKE decides). Empty if no range can be written (a number ending in U+10FFFF)."""
    spellings: list[tuple[str, ...]] = []
    letters = 0
    for char in number:
        if char.isascii() and char.isalpha():
            if letters == _CASE_SPELLINGS_LETTERS:
                break
            letters += 1
            spellings.append((char.upper(), char.lower()))
        else:
            spellings.append((char,))
    ranges = []
    for spelled in itertools.product(*spellings):
        low = "".join(spelled)
        after = _next_char(low[-1])
        if after is None:
            return []
        ranges.append((low, low[:-1] + after))
    return ranges


def _next_char(char: str) -> str | None:
    """The character after `char` in code point (and so UTF-8 byte) order; surrogates are skipped."""
    code = ord(char) + 1
    if 0xD800 <= code <= 0xDFFF:
        code = 0xE000
    return chr(code) if code <= 0x10FFFF else None


def run_trace(connection: Connection, root: NodeKey, *, forward: bool) -> tuple[list[Edge], dict[NodeKey, NodeInfo]]:
    sql = FORWARD_SQL if forward else BACKWARD_SQL
    with gc_paused():
        rows = connection.exec_driver_sql(*_driver_sql(connection, sql, root)).fetchall()
        edges: list[Edge] = []
        details: dict[NodeKey, Any] = {}
        quantities: dict[Any, Decimal] = {}  # the same quantity comes back many times (e.g. a lot's shipments)

        def dec(value: Any) -> Decimal:
            amount = quantities.get(value)
            if amount is None:
                amount = quantities[value] = _dec(value)
            return amount

        append = edges.append
        for row in rows:
            src_kind, src_id, dst_kind, dst_id, quantity = row[:5]
            if src_kind is None:
                details[(dst_kind, dst_id)] = row
            else:
                append(Edge((src_kind, src_id), (dst_kind, dst_id), dec(quantity)))
        # the node at the far end of each edge, in the order the edges first reach it
        nodes: dict[NodeKey, NodeInfo] = {}
        for edge in edges:
            far = edge.dst if forward else edge.src
            if far not in nodes:
                found = details.get(far)
                nodes[far] = _node(far[0], far[1], _MISSING if found is None else found[5:], dec)
    return edges, nodes


_MISSING = (None,) * 11  # a node whose lot, batch or shipment row is gone: shown as ?L12


def _driver_sql(connection: Connection, sql: str, root: NodeKey) -> tuple[str, Any]:
    """The trace text with the driver's own parameter style, so the benchmark can run the identical
    statement bare on the DB-API cursor."""
    if connection.dialect.name == "postgresql":
        return sql.replace(":kind", "%(kind)s").replace(":id", "%(id)s"), {"kind": root[0], "id": root[1]}
    return sql, {"kind": root[0], "id": root[1]}

