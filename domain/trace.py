"""Genealogy and trace (TRC-1, TRC-2): the graph of lots, batches and shipments, and the trace tree.

The graph has three kinds of node: lots (L), batches (B) and shipments (S). Edges run in the direction
material flows: lot -> batch (material issued), batch -> lot (lot produced), lot -> shipment (shipped).
A forward trace follows edges from a lot; a backward trace follows them against the flow. Persistence
returns every reachable edge in one recursive query; this module turns them into the tree users read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from operator import itemgetter


class NodeKind(Enum):
    LOT = "L"
    BATCH = "B"
    SHIPMENT = "S"


class Direction(Enum):
    FORWARD = "forward"
    BACKWARD = "backward"


NodeKey = tuple[str, int]  # (NodeKind value, id)


@dataclass(frozen=True)
class NodeInfo:
    kind: NodeKind
    id: int
    number: str  # lot, batch or shipment number
    item_code: str | None = None  # lot item; batch product
    status: str | None = None
    quantity: Decimal | None = None  # lot on hand, batch produced/planned
    unit: str | None = None
    supplier_code: str | None = None
    supplier_lot: str | None = None
    customer_code: str | None = None
    customer_name: str | None = None
    on_date: str | None = None  # shipment date, lot expiry

    @property
    def key(self) -> NodeKey:
        return (self.kind.value, self.id)


@dataclass(frozen=True)
class Edge:
    src: NodeKey
    dst: NodeKey
    quantity: Decimal


@dataclass(frozen=True)
class TraceLine:
    depth: int
    path: tuple[str, ...]  # numbers from the root to this node
    node: NodeInfo
    quantity: Decimal | None  # along the edge from the parent
    repeated: bool = False  # reached again by another path: shown once in full, then as a reference
    unit: str | None = None  # of `quantity`: the unit of the lot at one end of the edge (every edge has one)


@dataclass(frozen=True)
class TraceResult:
    direction: Direction
    root: NodeInfo
    lines: tuple[TraceLine, ...]
    nodes: dict[NodeKey, NodeInfo] = field(repr=False)

    def of_kind(self, kind: NodeKind) -> list[NodeInfo]:
        return sorted((n for n in self.nodes.values() if n.kind is kind and n.key != self.root.key),
                      key=lambda n: n.number)

    @property
    def customers(self) -> list[tuple[str, str]]:
        return sorted({(n.customer_code or "", n.customer_name or "") for n in self.of_kind(NodeKind.SHIPMENT)})


def build_trace(root: NodeInfo, direction: Direction, edges: list[Edge], nodes: dict[NodeKey, NodeInfo]) -> TraceResult:
    """Depth-first tree from the root; a node reached by a second path is listed as `repeated` and not
    expanded again, so every node is expanded once (a corrupt graph with a cycle cannot loop).

    Children are listed by kind, then number. A trace can have tens of thousands of lines (a bulk raw lot
    reaches every shipment for months), so the loop does as little per line as it can, and the cyclic
    garbage collector is paused meanwhile (`gc_paused`)."""
    with gc_paused():
        all_nodes = {root.key: root, **nodes}
        forward = direction is Direction.FORWARD
        # parent -> [(kind, number, key, node, quantity)]; an edge to a node without details is never listed
        children: dict[NodeKey, list[tuple[str, str, NodeKey, NodeInfo, Decimal]]] = {}
        node_of = all_nodes.get
        for edge in edges:
            parent, child = (edge.src, edge.dst) if forward else (edge.dst, edge.src)
            child_node = node_of(child)
            if child_node is None:
                continue
            kids = children.get(parent)
            if kids is None:
                kids = children[parent] = []
            kids.append((child[0], child_node.number, child, child_node, edge.quantity))
        by_kind_and_number = itemgetter(0, 1)
        for kids in children.values():
            if len(kids) > 1:
                kids.sort(key=by_kind_and_number)
        lines: list[TraceLine] = []
        add_line = lines.append
        expanded: set[NodeKey] = {root.key}
        stack: list[tuple[NodeKey, int, tuple[str, ...], Decimal | None, str | None, NodeInfo]] = [
            (root.key, 0, (root.number,), None, None, root)
        ]
        pop, push = stack.pop, stack.append
        lot = NodeKind.LOT
        while stack:
            key, depth, path, qty, unit, node = pop()
            if depth and key in expanded:
                add_line(TraceLine(depth, path, node, qty, True, unit))
                continue
            add_line(TraceLine(depth, path, node, qty, False, unit))
            expanded.add(key)
            kids = children.get(key)
            if kids:
                depth += 1
                node_unit = node.unit
                for _kind, number, child, child_node, child_qty in reversed(kids):
                    # lot -> batch and lot -> shipment carry the lot's unit, batch -> lot the produced lot's
                    edge_unit = child_node.unit if child_node.kind is lot else node_unit
                    push((child, depth, (*path, number), child_qty, edge_unit, child_node))
        return TraceResult(direction, root, tuple(lines), all_nodes)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a large trace is turned into objects. Nothing in a trace forms a
    cycle (reference counting frees it all), but the collector, triggered by the sheer number of new
    objects, would walk every live object several times over: a third of the time of a large trace."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()

