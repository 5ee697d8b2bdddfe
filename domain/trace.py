"""Genealogy and trace (TRC-1, TRC-2): the graph of lots, batches and shipments, and the trace tree.

The graph has three kinds of node: lots (L), batches (B) and shipments (S). Edges run in the direction
material flows: lot -> batch (material issued), batch -> lot (lot produced), lot -> shipment (shipped).
A forward trace follows edges from a lot; a backward trace follows them against the flow.

A trace is read three ways: level by level (`ChildPage`, what the Trace page opens), as a scope counted and
summed by the database (`domain.trace_scope`), and as the whole tree, depth first (`walk_tree`), which is
produced one line at a time so that an export never holds the tree's lines in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from operator import itemgetter
from typing import NamedTuple


class NodeKind(Enum):
    LOT = "L"
    BATCH = "B"
    SHIPMENT = "S"


class Direction(Enum):
    FORWARD = "forward"
    BACKWARD = "backward"


NodeKey = tuple[str, int]  # (NodeKind value, id)
PAGE_SIZE = 200  # children shown at a time when a node of the tree is opened


@dataclass(frozen=True, slots=True)  # slots: a large trace holds thousands, each tracked by the collector
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


class Edge(NamedTuple):
    """Material that flowed src -> dst."""

    src: NodeKey
    dst: NodeKey
    quantity: Decimal


# An edge as persistence hands it over: a plain tuple (src, dst, quantity). A large trace has tens of
# thousands; plain tuples of plain values are let go by the cyclic garbage collector (`Edge` ones are not).
EdgeRow = tuple[NodeKey, NodeKey, Decimal]


class TraceLine(NamedTuple):
    depth: int
    path: tuple[str, ...]  # numbers from the root to this node
    node: NodeInfo
    quantity: Decimal | None  # along the edge from the parent
    repeated: bool = False  # reached again by another path: shown once in full, then as a reference
    unit: str | None = None  # of `quantity`: the unit of the lot at one end of the edge (every edge has one)


def edge_unit(parent: NodeInfo, child: NodeInfo) -> str | None:
    """The unit of what flowed between two nodes: that of the lot at one end (lot -> batch and lot -> shipment
    carry the lot's unit, batch -> lot the produced lot's), in either direction of the trace."""
    return child.unit if child.kind is NodeKind.LOT else parent.unit


@dataclass(frozen=True)
class TraceChild:
    """One line of the tree as the Trace page opens it: a node under its parent."""

    node: NodeInfo
    quantity: Decimal  # along the edge from the parent
    unit: str | None
    has_children: bool  # the node leads further (it can be opened)


@dataclass(frozen=True)
class ChildPage:
    """Some of a node's children, in tree order (kind, then number): `offset` of `total`."""

    parent: NodeInfo
    direction: Direction
    children: tuple[TraceChild, ...]
    offset: int
    total: int

    @property
    def next_offset(self) -> int | None:
        end = self.offset + len(self.children)
        return end if end < self.total else None


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


def build_trace(
    root: NodeInfo, direction: Direction, edges: Iterable[EdgeRow], nodes: dict[NodeKey, NodeInfo]
) -> TraceResult:
    """The whole tree in memory (small traces, JSON output, tests); `walk_tree` gives it line by line."""
    all_nodes = {root.key: root, **nodes}
    lines = tuple(walk_tree(root, direction, edges, all_nodes.get))
    return TraceResult(direction, root, lines, all_nodes)


def walk_tree(root: NodeInfo, direction: Direction, edges: Iterable[EdgeRow],
              node_of: Callable[[NodeKey], NodeInfo | None], *, repeated: bool = True) -> Iterator[TraceLine]:
    """The tree depth first from the root, one line at a time; a node reached by a second path is listed as
    `repeated` and not expanded again, so every node is expanded once (a corrupt graph with a cycle cannot
    loop). Children are listed by kind, then number; an edge to a node without details is never listed.
    With `repeated=False` the references are left out: each reachable node once, where it is first shown.

    Only the children lists are held (one small tuple per edge); each line is made when it is asked for, so
    a caller that writes the lines out as they come holds none of them."""
    forward = direction is Direction.FORWARD
    # parent -> [(kind, number, child, quantity)]: plain values only, so the collector lets these tuples go
    children: dict[NodeKey, list[tuple[str, str, NodeKey, Decimal]]] = {}
    for src, dst, quantity in edges:
        above_key, child = (src, dst) if forward else (dst, src)
        child_node = node_of(child)
        if child_node is None:
            continue
        kids = children.get(above_key)
        if kids is None:
            kids = children[above_key] = []
        kids.append((child[0], child_node.number, child, quantity))
    by_kind_and_number = itemgetter(0, 1)
    for kids in children.values():
        if len(kids) > 1:
            kids.sort(key=by_kind_and_number)
    expanded: set[NodeKey] = {root.key}
    # (key, node, depth, path of the parent, quantity along the edge, parent); the path is made with the line
    stack: list[tuple[NodeKey, NodeInfo, int, tuple[str, ...], Decimal | None, NodeInfo | None]] = [
        (root.key, root, 0, (), None, None)]
    pop, push, lot = stack.pop, stack.append, NodeKind.LOT
    while stack:
        key, node, depth, above, qty, parent = pop()
        if depth and key in expanded:
            if repeated:
                assert parent is not None
                unit = node.unit if node.kind is lot else parent.unit  # edge_unit, inline: once per edge
                yield TraceLine(depth, (*above, node.number), node, qty, True, unit)
            continue
        path = (*above, node.number)
        unit = None if parent is None else node.unit if node.kind is lot else parent.unit
        yield TraceLine(depth, path, node, qty, False, unit)
        expanded.add(key)
        kids = children.get(key)
        if kids:
            depth += 1
            for _kind, _number, child, child_qty in reversed(kids):
                below = node_of(child)
                assert below is not None  # edges to nodes without details were left out above
                push((child, below, depth, path, child_qty, node))
