"""The genealogy graph: keeping it with each issue, completion and shipment, tracing it, and the number search.

The trace statements are in `persistence.trace_queries`, read by `persistence.trace_reader`.
"""

from __future__ import annotations

import functools
import itertools
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Integer,
    String,
    and_,
    bindparam,
    literal_column,
    or_,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.trace import PAGE_SIZE, ChildPage, Direction, EdgeRow, NodeInfo, NodeKey
from domain.trace_scope import TraceScope
from persistence import tables as t
from persistence.audit_trail import collector
from persistence.trace_reader import node_info, read_children, read_graph, read_scope
from persistence.types import audit_value, raw_quantity

_NODE_SQL = """
SELECT COALESCE(l.lot_number, b.batch_number, s.shipment_number),
       COALESCE(l.on_hand, b.produced_quantity, b.planned_quantity),
       COALESCE(l.lot_number, b.batch_number, s.shipment_number), COALESCE(l.item_code, b.product_code),
       COALESCE(l.status, b.status), COALESCE(l.unit, b.unit), COALESCE(l.supplier_code, s.customer_code),
       COALESCE(l.supplier_lot, c.name), COALESCE(l.expires_on, s.shipped_on)
  FROM (SELECT :kind AS kind, :id AS id) n
  LEFT JOIN lots l ON n.kind = 'L' AND l.id = n.id
  LEFT JOIN batches b ON n.kind = 'B' AND b.id = n.id
  LEFT JOIN shipments s ON n.kind = 'S' AND s.id = n.id
  LEFT JOIN customers c ON c.code = s.customer_code"""


class SqlGenealogy:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_flow(self, src: NodeKey, dst: NodeKey, quantity: Decimal) -> None:
        """Add `quantity` to the edge src -> dst (created at zero if new). A return subtracts; the edge
        stays at zero so the trace still shows the lot touched the batch."""
        g = t.genealogy.c
        old = self.session.execute(select(g.quantity).where(
            g.src_kind == src[0], g.src_id == src[1], g.dst_kind == dst[0], g.dst_id == dst[1])).scalar()
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        stmt = insert(t.genealogy).values(
            src_kind=src[0], src_id=src[1], dst_kind=dst[0], dst_id=dst[1], quantity=quantity
        )
        stmt = stmt.on_conflict_do_update(
            index_elements=[g.src_kind, g.src_id, g.dst_kind, g.dst_id],
            set_={"quantity": g.quantity + quantity},
        )
        new = self.session.execute(stmt.returning(g.quantity)).scalar_one()
        # Audited as the flow it is (issue 9, finding 2): the edge's quantity before and after, with the
        # reason of the issue, return, completion or shipment that made it.
        collector(self.session).note(
            "genealogy", f"{src[0]}{src[1]} -> {dst[0]}{dst[1]}", "CREATE" if old is None else "FLOW",
            {"quantity": (audit_value(old), audit_value(new))})

    def trace(self, root: NodeKey, *, forward: bool) -> tuple[list[EdgeRow], dict[NodeKey, NodeInfo]]:
        return read_graph(self.session.connection(), root, forward=forward)

    def children(self, parent: NodeInfo, direction: Direction, offset: int = 0, limit: int = PAGE_SIZE) -> ChildPage:
        return read_children(self.session.connection(), parent, direction, offset, limit)

    def scope(self, root: NodeInfo, direction: Direction) -> TraceScope:
        return read_scope(self.session.connection(), root, direction)

    def node(self, key: NodeKey) -> NodeInfo | None:
        row = self.session.execute(text(_NODE_SQL), {"kind": key[0], "id": key[1]}).first()
        if row is None or row[0] is None:
            return None
        return node_info(key[0], key[1], *row[1:], dec=raw_quantity(self.session.get_bind().dialect))

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
