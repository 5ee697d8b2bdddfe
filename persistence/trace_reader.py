"""Reading a trace: the rows of `persistence.trace_queries` turned into the domain's trace types.

Each statement runs on the DB-API cursor and its rows are read as plain tuples; what is made from them is
kept as small as the caller needs: a page of children, a scope of a few hundred rows, or the graph's edges as
tuples for a tree that is then walked line by line.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from itertools import chain
from typing import Any

from sqlalchemy import Connection

from domain.trace import ChildPage, Direction, EdgeRow, NodeInfo, NodeKey, NodeKind, TraceChild, edge_unit
from domain.trace_scope import CustomerInScope, SupplierInScope, TraceScope
from persistence.trace_queries import CHILDREN_SQL, GRAPH_SQL, SCOPE_SQL, fetch_all, fetch_chunks
from persistence.types import raw_quantity

_KINDS = {kind.value: kind for kind in NodeKind}


def node_info(kind: str, node_id: int, quantity: Any, number: str | None, item: str | None, status: str | None,
              unit: str | None, party: str | None, detail: str | None, on_date: Any, *,
              dec: Callable[[Any], Decimal]) -> NodeInfo:
    """One node from the columns the trace statements share: `party` and `detail` are the supplier and
    supplier lot of a lot, the customer code and name of a shipment."""
    shipment = kind == "S"
    return NodeInfo(
        _KINDS.get(kind) or NodeKind(kind), int(node_id), number or f"?{kind}{node_id}", item, status,
        None if quantity is None else dec(quantity), unit, None if shipment else party,
        None if shipment else detail, party if shipment else None, detail if shipment else None,
        None if on_date is None else str(on_date),
    )


def read_graph(connection: Connection, root: NodeKey, *, forward: bool
               ) -> tuple[list[EdgeRow], dict[NodeKey, NodeInfo]]:
    """Every edge out of (forward) or into (backward) the nodes reached from the root, as (src, dst,
    quantity), and every node at their far ends."""
    quantities: dict[Any, Decimal] = {}  # the same quantity comes back many times (e.g. a lot's shipments)
    decode = raw_quantity(connection.dialect)

    def dec(value: Any) -> Decimal:
        amount = quantities.get(value)
        if amount is None:
            amount = quantities[value] = decode(value)
        return amount

    edges: list[EdgeRow] = []
    nodes: dict[NodeKey, NodeInfo] = {}
    add = edges.append
    for row in chain.from_iterable(fetch_chunks(connection, GRAPH_SQL[forward], {"kind": root[0], "id": root[1]})):
        if row[0] == "E":
            near, far = (row[1], row[2]), (row[3], row[4])
            add((near, far, dec(row[5])) if forward else (far, near, dec(row[5])))
        else:
            kind, node_id = row[1], row[2]
            nodes[(kind, node_id)] = node_info(kind, node_id, *row[5:], dec=dec)
    return edges, nodes


def read_children(connection: Connection, parent: NodeInfo, direction: Direction, offset: int,
                  limit: int) -> ChildPage:
    forward = direction is Direction.FORWARD
    rows = fetch_all(connection, CHILDREN_SQL[forward],
                     {"kind": parent.kind.value, "id": parent.id, "limit": limit, "offset": offset})
    children = []
    total = 0
    dec = raw_quantity(connection.dialect)
    for kind, node_id, quantity, *details, more, count in rows:
        node = node_info(kind, node_id, *details, dec=dec)
        children.append(TraceChild(node, dec(quantity), edge_unit(parent, node), bool(more)))
        total = count
    if not rows and offset:
        total = offset  # asked past the end: nothing more
    return ChildPage(parent, direction, tuple(children), offset, total)


def read_scope(connection: Connection, root: NodeInfo, direction: Direction) -> TraceScope:
    rows = fetch_all(connection, SCOPE_SQL[direction is Direction.FORWARD],
                     {"kind": root.kind.value, "id": root.id})
    counts: dict[str, int] = {}
    finished = shipments = 0
    customers: list[CustomerInScope] = []
    suppliers: list[SupplierInScope] = []
    dec = raw_quantity(connection.dialect)
    for part, code, name, unit, amount, extra in rows:
        if part == "count":
            counts[code] = int(amount)
            finished += int(extra or 0)
        elif part == "shipments":
            shipments = int(amount)
        elif part == "customer":
            customers.append(CustomerInScope(code, name or "", unit, dec(amount), int(extra)))
        else:
            suppliers.append(SupplierInScope(code, name or "", int(amount)))
    customers.sort(key=lambda c: (c.code, c.unit or ""))
    suppliers.sort(key=lambda s: s.code)
    return TraceScope(root, direction, counts.get("L", 0), finished, counts.get("B", 0), shipments,
                      tuple(customers), tuple(suppliers))
