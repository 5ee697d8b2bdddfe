"""Genealogy and trace (TRC-1, TRC-2): the graph of lots, batches and shipments, and the trace tree.

The graph has three kinds of node: lots (L), batches (B) and shipments (S). Edges run in the direction
material flows: lot -> batch (material issued), batch -> lot (lot produced), lot -> shipment (shipped).
A forward trace follows edges from a lot; a backward trace follows them against the flow. Persistence
returns every reachable edge in one recursive query; this module turns them into the tree users read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


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
    expanded again, so every node is expanded once (a corrupt graph with a cycle cannot loop)."""
    children: dict[NodeKey, list[tuple[NodeKey, Decimal]]] = defaultdict(list)
    for edge in edges:
        a, b = (edge.src, edge.dst) if direction is Direction.FORWARD else (edge.dst, edge.src)
        children[a].append((b, edge.quantity))
    all_nodes = {root.key: root, **nodes}
    for kids in children.values():
        kids.sort(key=lambda kid: (kid[0][0], all_nodes[kid[0]].number if kid[0] in all_nodes else ""))
    lines: list[TraceLine] = []
    expanded: set[NodeKey] = {root.key}
    stack: list[tuple[NodeKey, int, tuple[str, ...], Decimal | None]] = [(root.key, 0, (root.number,), None)]
    while stack:
        key, depth, path, qty = stack.pop()
        node = all_nodes.get(key)
        if node is None:
            continue
        repeated = depth > 0 and key in expanded
        lines.append(TraceLine(depth, path, node, qty, repeated))
        if repeated:
            continue
        expanded.add(key)
        for child, child_qty in reversed(children.get(key, [])):
            child_node = all_nodes.get(child)
            if child_node is None:
                continue
            stack.append((child, depth + 1, (*path, child_node.number), child_qty))
    return TraceResult(direction, root, tuple(lines), all_nodes)

