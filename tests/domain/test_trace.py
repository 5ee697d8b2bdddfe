"""Turning genealogy edges into the trace tree users read (TRC-1, TRC-2): depth, path, quantities along
each edge, nodes reached twice shown once in full, and a corrupt graph with a cycle cannot loop."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.trace import Direction, Edge, NodeInfo, NodeKind, build_trace

D = Decimal


def lot(i: int, number: str, **kw: object) -> NodeInfo:
    return NodeInfo(NodeKind.LOT, i, number, **kw)  # type: ignore[arg-type]


def batch(i: int, number: str) -> NodeInfo:
    return NodeInfo(NodeKind.BATCH, i, number)


def shipment(i: int, number: str, customer: str, name: str) -> NodeInfo:
    return NodeInfo(NodeKind.SHIPMENT, i, number, customer_code=customer, customer_name=name)


# raw R1 + component C1 -> batch IB -> intermediate lot IL -> batch FB (+ raw R2) -> lots F1, F2
# F1 -> S1 (HOSP1); F2 -> S1 and S2 (HOSP2)
R1 = lot(1, "R-0001", supplier_code="ACME", supplier_lot="A-77")
C1 = lot(2, "C-0001", supplier_code="ACME", supplier_lot="T-1")
R2 = lot(3, "R-0002", supplier_code="BETA", supplier_lot="B-9")
IL = lot(4, "MIX-001")
F1, F2 = lot(5, "SYR-001"), lot(6, "SYR-002")
IB, FB = batch(1, "B-0001"), batch(2, "B-0002")
S1, S2 = shipment(1, "S-00001", "HOSP1", "City Hospital"), shipment(2, "S-00002", "HOSP2", "County Clinic")
NODES = {n.key: n for n in (R1, C1, R2, IL, F1, F2, IB, FB, S1, S2)}
EDGES = [
    Edge(R1.key, IB.key, D(10)), Edge(C1.key, IB.key, D(50)), Edge(IB.key, IL.key, D(20)),
    Edge(IL.key, FB.key, D(18)), Edge(R2.key, FB.key, D(2)),
    Edge(FB.key, F1.key, D(600)), Edge(FB.key, F2.key, D(400)),
    Edge(F1.key, S1.key, D(10)), Edge(F2.key, S1.key, D(5)), Edge(F2.key, S2.key, D(20)),
]


def reached(root: NodeInfo, direction: Direction) -> tuple[list[Edge], dict[tuple[str, int], NodeInfo]]:
    """What persistence hands over (persistence/genealogy.py): the edges reachable from the root in the
    trace's direction and the node each of them leads to."""
    forward = direction is Direction.FORWARD
    edges: list[Edge] = []
    todo, seen = [root.key], {root.key}
    while todo:
        key = todo.pop()
        for edge in EDGES:
            near, far = (edge.src, edge.dst) if forward else (edge.dst, edge.src)
            if near == key:
                edges.append(edge)
                if far not in seen:
                    seen.add(far)
                    todo.append(far)
    return edges, {key: NODES[key] for key in seen - {root.key}}


def rows(result: object) -> list[tuple[int, str, Decimal | None, bool]]:
    return [(ln.depth, " > ".join(ln.path), ln.quantity, ln.repeated) for ln in result.lines]  # type: ignore[attr-defined]


@pytest.mark.req("TRC-2")
def test_forward_trace_lists_every_node_downstream_depth_first_with_edge_quantities() -> None:
    result = build_trace(R1, Direction.FORWARD, *reached(R1, Direction.FORWARD))
    assert rows(result) == [
        (0, "R-0001", None, False),
        (1, "R-0001 > B-0001", D(10), False),
        (2, "R-0001 > B-0001 > MIX-001", D(20), False),
        (3, "R-0001 > B-0001 > MIX-001 > B-0002", D(18), False),
        (4, "R-0001 > B-0001 > MIX-001 > B-0002 > SYR-001", D(600), False),
        (5, "R-0001 > B-0001 > MIX-001 > B-0002 > SYR-001 > S-00001", D(10), False),
        (4, "R-0001 > B-0001 > MIX-001 > B-0002 > SYR-002", D(400), False),
        (5, "R-0001 > B-0001 > MIX-001 > B-0002 > SYR-002 > S-00001", D(5), True),  # S1 again: a reference
        (5, "R-0001 > B-0001 > MIX-001 > B-0002 > SYR-002 > S-00002", D(20), False),
    ]
    assert [n.number for n in result.of_kind(NodeKind.SHIPMENT)] == ["S-00001", "S-00002"]
    assert [n.number for n in result.of_kind(NodeKind.LOT)] == ["MIX-001", "SYR-001", "SYR-002"]  # not the root
    assert result.customers == [("HOSP1", "City Hospital"), ("HOSP2", "County Clinic")]


@pytest.mark.req("TRC-1")
def test_backward_trace_reaches_every_component_lot_with_its_supplier_at_any_depth() -> None:
    result = build_trace(F2, Direction.BACKWARD, *reached(F2, Direction.BACKWARD))
    assert rows(result) == [
        (0, "SYR-002", None, False),
        (1, "SYR-002 > B-0002", D(400), False),
        (2, "SYR-002 > B-0002 > MIX-001", D(18), False),
        (3, "SYR-002 > B-0002 > MIX-001 > B-0001", D(20), False),
        (4, "SYR-002 > B-0002 > MIX-001 > B-0001 > C-0001", D(50), False),
        (4, "SYR-002 > B-0002 > MIX-001 > B-0001 > R-0001", D(10), False),
        (2, "SYR-002 > B-0002 > R-0002", D(2), False),
    ]
    received = {(n.number, n.supplier_code, n.supplier_lot) for n in result.of_kind(NodeKind.LOT)
                if n.supplier_code}
    assert received == {("R-0001", "ACME", "A-77"), ("C-0001", "ACME", "T-1"), ("R-0002", "BETA", "B-9")}
    assert result.customers == []


@pytest.mark.req("TRC-1", "TRC-2")
def test_a_lot_without_genealogy_is_its_own_trace() -> None:
    alone = lot(99, "R-0099")
    for direction in Direction:
        result = build_trace(alone, direction, [], {})
        assert rows(result) == [(0, "R-0099", None, False)]


@pytest.mark.req("TRC-2")
def test_a_cycle_in_a_corrupt_graph_ends_with_a_reference_instead_of_looping() -> None:
    a, b = lot(1, "A"), batch(1, "B")
    edges = [Edge(a.key, b.key, D(1)), Edge(b.key, a.key, D(1))]
    result = build_trace(a, Direction.FORWARD, edges, {a.key: a, b.key: b})
    assert rows(result) == [(0, "A", None, False), (1, "A > B", D(1), False), (2, "A > B > A", D(1), True)]


@pytest.mark.req("TRC-2")
def test_edges_to_nodes_without_information_are_left_out() -> None:
    ghost = lot(42, "never loaded")
    result = build_trace(R1, Direction.FORWARD, [Edge(R1.key, ghost.key, D(1))], {})
    assert rows(result) == [(0, "R-0001", None, False)]


@st.composite
def dags(draw: st.DrawFn) -> tuple[int, list[tuple[int, int]]]:
    size = draw(st.integers(1, 12))
    pairs = draw(st.lists(st.tuples(st.integers(0, size - 1), st.integers(0, size - 1)), max_size=30))
    return size, sorted({(a, b) for a, b in pairs if a != b})


@pytest.mark.req("TRC-1", "TRC-2")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(dags(), st.sampled_from(list(Direction)))
def test_every_reachable_node_is_expanded_once_and_every_edge_from_it_is_shown_once(
    graph: tuple[int, list[tuple[int, int]]], direction: Direction
) -> None:
    size, pairs = graph
    nodes = {n.key: n for n in (lot(i, f"N{i:02}") for i in range(size))}
    edges = [Edge(("L", a), ("L", b), D(a * 100 + b)) for a, b in pairs]
    result = build_trace(nodes[("L", 0)], direction, edges, nodes)

    follow = {}
    for a, b in pairs:
        src, dst = (a, b) if direction is Direction.FORWARD else (b, a)
        follow.setdefault(src, []).append(dst)
    reachable, todo = {0}, [0]
    while todo:
        for nxt in follow.get(todo.pop(), []):
            if nxt not in reachable:
                reachable.add(nxt)
                todo.append(nxt)

    expanded = [ln.node.id for ln in result.lines if not ln.repeated]
    assert sorted(expanded) == sorted(reachable)  # each reachable node in full exactly once
    shown = sorted(
        (int(ln.path[-2][1:]), ln.node.id) for ln in result.lines if ln.depth > 0
    )
    expected = sorted((s, d) for s in reachable for d in follow.get(s, []))
    assert shown == expected  # every edge out of the reached part, once
    for ln in result.lines:
        assert len(ln.path) == ln.depth + 1
        assert ln.path[-1] == ln.node.number
