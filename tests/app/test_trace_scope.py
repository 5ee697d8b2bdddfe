"""The scope of a trace and its tree a level at a time (TRC-2, TRC-3, TRC-4), on both engines.

The scope is counted and summed by the database (`app.trace.trace_scope`); here it is checked against the whole
tree walked in memory, the way the recall computed it before: the same lots, batches, finished lots and
shipments, and per customer the same Decimal quantity, from every record of the genealogy of
tests/app/genealogy.py, both directions.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from app import masterdata, shipments, trace
from domain.items import ItemType
from domain.trace import PAGE_SIZE, Direction, NodeKind, TraceResult
from domain.trace_scope import TraceScope
from tests.app.genealogy import Genealogy, build_genealogy
from tests.app.lots_support import Site, site_fixture  # noqa: F401

D = Decimal


@pytest.fixture
def tree(site: Site) -> Genealogy:
    return build_genealogy(site)


def reference(site: Site, result: TraceResult) -> dict[str, object]:
    """The scope from the whole tree in memory: every line into a shipment counts (a shipment reached from two
    lots of the scope carries both), as the recall summed it line by line before."""
    finished = {i.code for i in masterdata.list_items(site.ctx.read_uow(), site.admin)
                if i.item_type == ItemType.FINISHED_DEVICE.value}
    customers: dict[tuple[str, str | None], Decimal] = defaultdict(Decimal)
    shipped: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for line in result.lines:
        node = line.node
        if node.kind is NodeKind.SHIPMENT and line.depth and node.customer_code:
            customers[(node.customer_code, line.unit)] += line.quantity or 0
            shipped[(node.customer_code, line.unit)].add(node.number)
    lots = result.of_kind(NodeKind.LOT)
    return {"lots": len(lots), "finished": sum(1 for n in lots if n.item_code in finished),
            "batches": len(result.of_kind(NodeKind.BATCH)), "shipments": len(result.of_kind(NodeKind.SHIPMENT)),
            "customers": sorted((code, unit, qty, len(shipped[(code, unit)]))
                                for (code, unit), qty in customers.items()),
            "suppliers": sorted({n.supplier_code for n in lots if n.supplier_code})}


def counted(scope: TraceScope) -> dict[str, object]:
    return {"lots": scope.lots, "finished": scope.finished_lots, "batches": scope.batches,
            "shipments": scope.shipments,
            "customers": [(c.code, c.unit, c.quantity, c.shipments) for c in scope.customers],
            "suppliers": [s.code for s in scope.suppliers]}


@pytest.mark.req("TRC-2", "TRC-4")
def test_the_scope_counted_by_the_database_is_the_scope_of_the_whole_tree(site: Site, tree: Genealogy) -> None:
    t = tree
    # Fractions too: 0.1 and 0.2 add up to exactly 0.3 (SQLite keeps NUMERIC as floating point).
    line = shipments.ShipmentLineInput
    shipments.ship(site.ctx.uow(), site.warehouse, "HOSP2", None, [line(t.f1, "0.1"), line(t.f2, "0.2")])
    for number in (t.r1, t.g1, t.c1, t.ib, t.il, t.fb, t.f1, t.f2, t.s1, t.s2):
        for direction in Direction:
            whole = trace.trace(site.ctx.read_uow(), site.admin, number, direction.value)
            result = whole.forward or whole.backward
            assert result is not None
            scope = trace.trace_scope(site.ctx.read_uow(), site.admin, number, direction.value)
            assert counted(scope) == reference(site, result), (number, direction)
            assert scope.root == result.root
    from_resin = trace.trace_scope(site.ctx.read_uow(), site.admin, t.r1, "forward")
    assert [(c.code, c.quantity, c.unit) for c in from_resin.customers] == [
        ("HOSP1", D("15.000000"), "pcs"), ("HOSP2", D("20.300000"), "pcs")]
    assert (from_resin.lots, from_resin.finished_lots, from_resin.batches, from_resin.shipments) == (3, 2, 2, 3)
    assert from_resin.quantity_for("HOSP2") == D("20.3")
    backward = trace.trace_scope(site.ctx.read_uow(), site.admin, t.f2, "backward")
    assert [s.code for s in backward.suppliers] == ["ACME", "BETA"]
    with pytest.raises(Exception, match="a scope is forward or backward"):
        trace.trace_scope(site.ctx.read_uow(), site.admin, t.r1, "both")


@pytest.mark.req("TRC-2", "TRC-3")
def test_the_tree_a_level_at_a_time_in_pages(site: Site, tree: Genealogy) -> None:
    t = tree
    start = trace.start_trace(site.ctx.read_uow(), site.admin, t.ib, "both")
    assert [page.direction for page in start.levels] == [Direction.BACKWARD, Direction.FORWARD]
    backward, forward = start.levels
    assert [(c.node.number, c.quantity, c.unit, c.has_children) for c in backward.children] == [
        (t.r1, D(10), "kg", False), (t.g1, D(2), "kg", False)]
    assert [(c.node.number, c.quantity, c.unit, c.has_children) for c in forward.children] == [
        (t.il, D(20), "kg", True)]
    assert (forward.total, forward.offset, forward.next_offset) == (1, 0, None)
    lot = forward.children[0].node
    below = trace.trace_children(site.ctx.read_uow(), site.admin, lot, Direction.FORWARD)
    assert [(c.node.kind, c.node.number, c.quantity, c.unit) for c in below.children] == [
        (NodeKind.BATCH, t.fb, D(20), "kg")]
    finished = trace.trace_children(site.ctx.read_uow(), site.admin, below.children[0].node, Direction.FORWARD)
    assert [c.node.number for c in finished.children] == [t.f1, t.f2]
    f2 = finished.children[1].node
    first = trace.trace_children(site.ctx.read_uow(), site.admin, f2, Direction.FORWARD, 0, 1)
    rest = trace.trace_children(site.ctx.read_uow(), site.admin, f2, Direction.FORWARD, 1, 1)
    assert ([c.node.number for c in first.children], first.total, first.next_offset) == ([t.s1], 2, 1)
    assert ([c.node.number for c in rest.children], rest.next_offset) == ([t.s2], None)
    assert (rest.children[0].node.customer_code, rest.children[0].quantity, rest.children[0].unit) == (
        "HOSP2", D(20), "pcs")
    past = trace.trace_children(site.ctx.read_uow(), site.admin, f2, Direction.FORWARD, 5, PAGE_SIZE)
    assert (past.children, past.next_offset) == ((), None)
