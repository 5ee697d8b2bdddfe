"""The trace statements (TRC-1..TRC-4), each the same text on SQLite and PostgreSQL.

Every statement starts from the same recursion, which walks *nodes* (UNION, not UNION ALL: each lot or
batch is expanded once, however many paths reach it) and only over lots and batches: from a lot to batches,
from a batch to lots (`far_kind` alternates). Shipments are leaves: they are joined afterwards, never
recursed into, so a lot shipped 10,000 times costs one index range per reached lot, not 10,000 more steps.

- `GRAPH_SQL`: every edge out of (forward) or into (backward) the reached nodes, and one row of details per
  node; the whole tree (CSV export, a recall's frozen layout) is built from it.
- `SCOPE_SQL`: the scope counted and summed in the database (no row per shipment comes back).
- `CHILDREN_SQL`: one node's children, a page at a time, each with a flag saying whether it leads further.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection

from domain.items import ItemType

# Quantities are exact on both engines (persistence.types.Quantity): NUMERIC on PostgreSQL, whole millionths on
# SQLite, so a plain SUM is exact on each; the reader decodes them with persistence.types.raw_quantity.
FETCH_CHUNK = 2000  # rows converted by the driver per call (see fetch_chunks)


def _reach(near: str, far: str) -> str:
    return f"""WITH RECURSIVE reach(kind, id) AS (
    SELECT CAST(:kind AS VARCHAR(1)), CAST(:id AS INTEGER)
    UNION
    SELECT g.{far}_kind, g.{far}_id
      FROM reach r
      JOIN genealogy g ON g.{near}_kind = r.kind AND g.{near}_id = r.id
                      AND g.{far}_kind = CASE r.kind WHEN 'L' THEN 'B' ELSE 'L' END
)"""


def _graph_sql(near: str, far: str) -> str:
    """Rows ('E', near kind, near id, far kind, far id, quantity) for the edges, and ('N', kind, id, NULL, NULL,
    quantity, number, item, status, unit, supplier or customer code, supplier lot or customer name, date)
    for the nodes: the reached lots and batches, and the shipments at the leaves."""
    return _reach(near, far) + f"""
SELECT 'E' AS part, g.{near}_kind AS kind, g.{near}_id AS id, g.{far}_kind AS far_kind, g.{far}_id AS far_id,
       g.quantity, CAST(NULL AS VARCHAR(40)) AS number, CAST(NULL AS VARCHAR(32)) AS item,
       CAST(NULL AS VARCHAR(20)) AS status, CAST(NULL AS VARCHAR(8)) AS unit, CAST(NULL AS VARCHAR(32)) AS party,
       CAST(NULL AS VARCHAR(200)) AS detail, CAST(NULL AS DATE) AS on_date
  FROM reach r JOIN genealogy g ON g.{near}_kind = r.kind AND g.{near}_id = r.id
UNION ALL
SELECT 'N', 'L', l.id, NULL, NULL, l.on_hand, l.lot_number, l.item_code, l.status, l.unit, l.supplier_code,
       l.supplier_lot, l.expires_on
  FROM reach r JOIN lots l ON l.id = r.id WHERE r.kind = 'L'
UNION ALL
SELECT 'N', 'B', b.id, NULL, NULL, COALESCE(b.produced_quantity, b.planned_quantity), b.batch_number,
       b.product_code, b.status, b.unit, NULL, NULL, NULL
  FROM reach r JOIN batches b ON b.id = r.id WHERE r.kind = 'B'
UNION ALL
SELECT 'N', 'S', s.id, NULL, NULL, NULL, s.shipment_number, NULL, NULL, NULL, s.customer_code, c.name,
       s.shipped_on
  FROM shipments s LEFT JOIN customers c ON c.code = s.customer_code
 WHERE s.id IN (SELECT r.id FROM reach r WHERE r.kind = 'S'
                UNION
                SELECT g.{far}_id FROM reach r
                  JOIN genealogy g ON g.{near}_kind = r.kind AND g.{near}_id = r.id AND g.{far}_kind = 'S')
"""


def _scope_sql(near: str, far: str) -> str:
    """Rows (part, code, name, unit, amount, finished): 'count' per kind of reached node (the root left out),
    'shipments' once, 'customer' per customer and unit, 'supplier' per supplier of the lots reached.
    Each reached lot is looked up once (`lots_in`), then its shipments by the genealogy's primary key."""
    return _reach(near, far) + f""",
lots_in(id, unit, item_code, supplier_code, is_root) AS MATERIALIZED (
    SELECT l.id, l.unit, l.item_code, l.supplier_code,
           CASE WHEN r.kind = CAST(:kind AS VARCHAR(1)) AND r.id = CAST(:id AS INTEGER) THEN 1 ELSE 0 END
      FROM reach r JOIN lots l ON l.id = r.id WHERE r.kind = 'L'
),
shipped(shipment_id, unit, amount) AS MATERIALIZED (
    SELECT g.{far}_id, x.unit, SUM(g.quantity)
      FROM lots_in x JOIN genealogy g ON g.{near}_kind = 'L' AND g.{near}_id = x.id AND g.{far}_kind = 'S'
     GROUP BY g.{far}_id, x.unit
)
SELECT 'count' AS part, 'L' AS code, CAST(NULL AS VARCHAR(200)) AS name, CAST(NULL AS VARCHAR(8)) AS unit,
       COUNT(*) AS amount, SUM(CASE WHEN i.item_type = '{ItemType.FINISHED_DEVICE.value}' THEN 1 ELSE 0 END)
       AS finished
  FROM lots_in x LEFT JOIN items i ON i.code = x.item_code WHERE x.is_root = 0
UNION ALL
SELECT 'count', 'B', NULL, NULL, COUNT(*), 0 FROM reach r
 WHERE r.kind = 'B' AND NOT (r.kind = CAST(:kind AS VARCHAR(1)) AND r.id = CAST(:id AS INTEGER))
UNION ALL
SELECT 'shipments', NULL, NULL, NULL, COUNT(DISTINCT shipment_id), NULL FROM shipped
UNION ALL
SELECT 'customer', s.customer_code, c.name, x.unit, SUM(x.amount), COUNT(*)
  FROM shipped x JOIN shipments s ON s.id = x.shipment_id LEFT JOIN customers c ON c.code = s.customer_code
 GROUP BY s.customer_code, c.name, x.unit
UNION ALL
SELECT 'supplier', x.supplier_code, p.name, NULL, COUNT(*), NULL
  FROM lots_in x LEFT JOIN suppliers p ON p.code = x.supplier_code
 WHERE x.supplier_code IS NOT NULL AND x.is_root = 0
 GROUP BY x.supplier_code, p.name
"""


def _children_sql(near: str, far: str) -> str:
    """One node's children in tree order (kind, number), a page at a time, with the number of them all."""
    return f"""
SELECT g.{far}_kind, g.{far}_id, g.quantity, COALESCE(l.on_hand, b.produced_quantity, b.planned_quantity),
       COALESCE(l.lot_number, b.batch_number, s.shipment_number) AS number, COALESCE(l.item_code, b.product_code),
       COALESCE(l.status, b.status), COALESCE(l.unit, b.unit), COALESCE(l.supplier_code, s.customer_code),
       COALESCE(l.supplier_lot, c.name), COALESCE(l.expires_on, s.shipped_on),
       CASE WHEN EXISTS (SELECT 1 FROM genealogy h WHERE h.{near}_kind = g.{far}_kind AND h.{near}_id = g.{far}_id)
            THEN 1 ELSE 0 END,
       COUNT(*) OVER ()
  FROM genealogy g
  LEFT JOIN lots l ON g.{far}_kind = 'L' AND l.id = g.{far}_id
  LEFT JOIN batches b ON g.{far}_kind = 'B' AND b.id = g.{far}_id
  LEFT JOIN shipments s ON g.{far}_kind = 'S' AND s.id = g.{far}_id
  LEFT JOIN customers c ON c.code = s.customer_code
 WHERE g.{near}_kind = :kind AND g.{near}_id = :id
 ORDER BY g.{far}_kind, number, g.{far}_id
 LIMIT :limit OFFSET :offset
"""


GRAPH_SQL = {True: _graph_sql("src", "dst"), False: _graph_sql("dst", "src")}  # by `forward`
SCOPE_SQL = {True: _scope_sql("src", "dst"), False: _scope_sql("dst", "src")}
CHILDREN_SQL = {True: _children_sql("src", "dst"), False: _children_sql("dst", "src")}
REACH = {True: _reach("src", "dst"), False: _reach("dst", "src")}  # the WITH clause alone


def driver_sql(connection: Connection, sql: str, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The statement in the driver's own parameter style, run on the DB-API cursor: fetching there skips
    SQLAlchemy's per-row result objects, and the benchmark runs the identical text bare."""
    if connection.dialect.name == "postgresql":
        for name in params:
            sql = sql.replace(f":{name}", f"%({name})s")
    return sql, params


def fetch_chunks(connection: Connection, sql: str, params: dict[str, Any]) -> Iterator[Sequence[Any]]:
    """The rows as the driver's own tuples, in the connection's transaction (no result object per row), a
    chunk at a time: a driver converting 75,000 rows in one call holds the interpreter's lock throughout,
    and the GUI thread would stand still meanwhile; between chunks it gets its turn."""
    cursor = connection.connection.cursor()
    try:
        cursor.execute(*driver_sql(connection, sql, params))
        while chunk := cursor.fetchmany(FETCH_CHUNK):
            yield chunk
    finally:
        cursor.close()


def fetch_all(connection: Connection, sql: str, params: dict[str, Any]) -> list[Any]:
    return [row for chunk in fetch_chunks(connection, sql, params) for row in chunk]
