"""The genealogy graph: keeping it with each issue, completion and shipment, and tracing it.

A trace is one recursive query per direction (`FORWARD_SQL`, `BACKWARD_SQL`), the same text on SQLite and
PostgreSQL: UNION (not UNION ALL) makes each edge visited once, so a lot used in thousands of batches
costs one pass over the edges it reaches. The final SELECT joins the node each edge leads to, so the whole
trace comes back from one statement.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.quantities import QUANTUM
from domain.trace import Edge, NodeInfo, NodeKey, NodeKind
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
    """Recursive walk from (kind, id) following `near` -> `far` columns; node info is joined on `far`."""
    return f"""
WITH RECURSIVE reach(src_kind, src_id, dst_kind, dst_id, quantity) AS (
    SELECT g.src_kind, g.src_id, g.dst_kind, g.dst_id, g.quantity
      FROM genealogy g WHERE g.{near}_kind = :kind AND g.{near}_id = :id
    UNION
    SELECT g.src_kind, g.src_id, g.dst_kind, g.dst_id, g.quantity
      FROM genealogy g JOIN reach r ON g.{near}_kind = r.{far}_kind AND g.{near}_id = r.{far}_id
)
SELECT r.src_kind, r.src_id, r.dst_kind, r.dst_id, r.quantity,{_NODE_COLUMNS}
  FROM reach r
  LEFT JOIN lots l ON r.{far}_kind = 'L' AND l.id = r.{far}_id
  LEFT JOIN batches b ON r.{far}_kind = 'B' AND b.id = r.{far}_id
  LEFT JOIN shipments s ON r.{far}_kind = 'S' AND s.id = r.{far}_id
  LEFT JOIN customers c ON c.code = s.customer_code
"""


FORWARD_SQL = _trace_sql("src", "dst")
BACKWARD_SQL = _trace_sql("dst", "src")


def _dec(value: Any) -> Decimal:
    # SQLite hands NUMERIC back as float on the raw cursor: go through str to keep 0.1 as 0.1.
    return Decimal(str(value)).quantize(QUANTUM)


def _node(kind: str, node_id: int, row: Any) -> NodeInfo:
    (number, item_code, status, quantity, unit, supplier_code, supplier_lot, customer_code, customer_name,
     shipped_on, expires_on) = row
    on_date = shipped_on if kind == "S" else expires_on
    return NodeInfo(
        NodeKind(kind), int(node_id), number or f"?{kind}{node_id}", item_code, status,
        None if quantity is None else _dec(quantity), unit, supplier_code, supplier_lot, customer_code,
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
        prefix = number.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        lots, batches, shipments = t.lots.c, t.batches.c, t.shipments.c
        found: dict[NodeKey, NodeInfo] = {}
        queries = [
            ("L", select(lots.id).where(lots.lot_number == number)),
            ("L", select(lots.id).where(lots.supplier_lot == number)),
            ("B", select(batches.id).where(batches.batch_number == number)),
            ("S", select(shipments.id).where(shipments.shipment_number == number)),
            ("L", select(lots.id).where(lots.lot_number.like(prefix, escape="\\")).limit(limit)),
            ("B", select(batches.id).where(batches.batch_number.like(prefix, escape="\\")).limit(limit)),
            ("L", select(lots.id).where(lots.supplier_lot.like(prefix, escape="\\")).limit(limit)),
            ("S", select(shipments.id).where(shipments.shipment_number.like(prefix, escape="\\")).limit(limit)),
        ]
        for kind, stmt in queries:
            for node_id in self.session.scalars(stmt):
                key = (kind, int(node_id))
                if key not in found:
                    info = self.node(key)
                    if info is not None:
                        found[key] = info
                if len(found) >= limit:
                    return list(found.values())
        return list(found.values())


def run_trace(connection: Connection, root: NodeKey, *, forward: bool) -> tuple[list[Edge], dict[NodeKey, NodeInfo]]:
    sql = FORWARD_SQL if forward else BACKWARD_SQL
    edges: list[Edge] = []
    nodes: dict[NodeKey, NodeInfo] = {}
    result = connection.exec_driver_sql(*_driver_sql(connection, sql, root))
    for row in result:
        src, dst = (row[0], int(row[1])), (row[2], int(row[3]))
        edges.append(Edge(src, dst, _dec(row[4])))
        far = dst if forward else src
        if far not in nodes:
            nodes[far] = _node(far[0], far[1], row[5:])
    return edges, nodes


def _driver_sql(connection: Connection, sql: str, root: NodeKey) -> tuple[str, Any]:
    """The trace text with the driver's own parameter style, so the benchmark can run the identical
    statement bare on the DB-API cursor."""
    if connection.dialect.name == "postgresql":
        return sql.replace(":kind", "%(kind)s").replace(":id", "%(id)s"), {"kind": root[0], "id": root[1]}
    return sql, {"kind": root[0], "id": root[1]}

