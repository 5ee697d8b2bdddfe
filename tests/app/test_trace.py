"""Tracing (app/trace.py) over a multi-level genealogy, on both engines (TRC-1, TRC-2, LOT-9): forward and backward
from every kind of root, the global search, the CSV export read back."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from app import trace
from domain.errors import NotFound, ValidationError
from domain.trace import NodeKind
from tests.app.genealogy import Genealogy, build_genealogy
from tests.app.lots_support import (
    Site,
    released_lot,
    site_fixture,  # noqa: F401  (the site fixture)
)

D = Decimal


@pytest.fixture
def tree(site: Site) -> Genealogy:
    return build_genealogy(site)


def lines_of(result: object) -> list[tuple[int, str, str, Decimal | None, bool]]:
    return [(ln.depth, " > ".join(ln.path), ln.node.kind.value, ln.quantity, ln.repeated)
            for ln in result.lines]  # type: ignore[attr-defined]


# --- TRC-2: forward ---------------------------------------------------------------------------------------


@pytest.mark.req("TRC-2", "LOT-9")
def test_forward_trace_from_a_raw_lot_reaches_every_batch_lot_shipment_and_customer(
    site: Site, tree: Genealogy
) -> None:
    t = tree
    result = trace.trace(site.ctx.read_uow(), site.warehouse, t.r1, "forward")
    assert result.backward is None and result.forward is not None
    down = (t.r1, t.ib, t.il, t.fb)
    path = [" > ".join(down[: i + 1]) for i in range(4)]
    assert lines_of(result.forward) == [
        (0, path[0], "L", None, False),
        (1, path[1], "B", D(10), False),
        (2, path[2], "L", D(20), False),
        (3, path[3], "B", D(20), False),
        (4, f"{path[3]} > {t.f1}", "L", D(600), False),
        (5, f"{path[3]} > {t.f1} > {t.s1}", "S", D(10), False),
        (4, f"{path[3]} > {t.f2}", "L", D(400), False),
        (5, f"{path[3]} > {t.f2} > {t.s1}", "S", D(5), True),
        (5, f"{path[3]} > {t.f2} > {t.s2}", "S", D(20), False),
    ]
    fwd = result.forward
    assert [n.number for n in fwd.of_kind(NodeKind.BATCH)] == sorted([t.ib, t.fb])
    assert [n.number for n in fwd.of_kind(NodeKind.LOT)] == sorted([t.il, t.f1, t.f2])
    assert [n.number for n in fwd.of_kind(NodeKind.SHIPMENT)] == [t.s1, t.s2]
    assert fwd.customers == [("HOSP1", "City Hospital"), ("HOSP2", "County Clinic")]
    nodes = {n.number: n for n in fwd.nodes.values()}
    assert (nodes[t.f1].status, nodes[t.f1].quantity, nodes[t.f1].unit) == ("Released", D(590), "pcs")
    assert (nodes[t.f2].quantity, nodes[t.il].status, nodes[t.il].quantity) == (D(375), "Consumed", D(0))
    assert (nodes[t.fb].status, nodes[t.fb].quantity) == ("Completed", D(1000))
    assert (nodes[t.s2].customer_code, nodes[t.s2].customer_name) == ("HOSP2", "County Clinic")
    assert nodes[t.s1].on_date == str(site.today())
    # The root itself: the raw lot with its supplier and remaining stock.
    assert (result.root.number, result.root.supplier_lot, result.root.quantity) == (t.r1, "ACM-778", D(90))


@pytest.mark.req("TRC-2")
def test_forward_trace_from_other_roots(site: Site, tree: Genealogy) -> None:
    t = tree
    from_tube = trace.trace(site.ctx.read_uow(), site.admin, t.c1, "forward").forward
    assert from_tube is not None
    assert [ln.node.number for ln in from_tube.lines] == [t.c1, t.fb, t.f1, t.s1, t.f2, t.s1, t.s2]
    from_batch = trace.trace(site.ctx.read_uow(), site.admin, t.ib, "forward").forward
    assert from_batch is not None
    assert from_batch.root.kind is NodeKind.BATCH
    assert {n.number for n in from_batch.of_kind(NodeKind.SHIPMENT)} == {t.s1, t.s2}
    from_gel = trace.trace(site.ctx.read_uow(), site.admin, t.g1, "forward").forward
    assert from_gel is not None
    assert from_gel.customers == [("HOSP1", "City Hospital"), ("HOSP2", "County Clinic")]


# --- TRC-1: backward --------------------------------------------------------------------------------------


@pytest.mark.req("TRC-1")
def test_backward_trace_from_a_finished_lot_reaches_every_component_lot_and_supplier(
    site: Site, tree: Genealogy
) -> None:
    t = tree
    result = trace.trace(site.ctx.read_uow(), site.qa, t.f2, "backward")
    assert result.forward is None and result.backward is not None
    back = result.backward
    base = f"{t.f2} > {t.fb}"
    assert lines_of(back) == [
        (0, t.f2, "L", None, False),
        (1, base, "B", D(400), False),
        (2, f"{base} > {t.c1}", "L", D(50), False),
        (2, f"{base} > {t.il}", "L", D(20), False),
        (3, f"{base} > {t.il} > {t.ib}", "B", D(20), False),
        (4, f"{base} > {t.il} > {t.ib} > {t.r1}", "L", D(10), False),  # R1 and G1 share the raw rule: R1 first
        (4, f"{base} > {t.il} > {t.ib} > {t.g1}", "L", D(2), False),
    ]
    received = {(n.number, n.item_code, n.supplier_code, n.supplier_lot) for n in back.of_kind(NodeKind.LOT)
                if n.supplier_code}
    assert received == {(t.r1, "RES", "ACME", "ACM-778"), (t.g1, "GEL", "BETA", "BG-9"),
                        (t.c1, "TUBE", "ACME", "T-1")}
    assert back.customers == []
    # From a shipment, backward reaches the same raw materials through both finished lots.
    from_shipment = trace.trace(site.ctx.read_uow(), site.qa, t.s1, "backward").backward
    assert from_shipment is not None
    assert {n.number for n in from_shipment.of_kind(NodeKind.LOT)} == {t.f1, t.f2, t.il, t.c1, t.r1, t.g1}
    assert sum(1 for ln in from_shipment.lines if ln.node.number == t.fb) == 2  # once in full, once repeated


@pytest.mark.req("TRC-1", "TRC-2")
def test_global_search_finds_lot_batch_shipment_and_supplier_lot_numbers(site: Site, tree: Genealogy) -> None:
    t = tree
    uow = site.ctx.read_uow

    def found(query: str) -> list[tuple[str, str]]:
        return [(n.kind.value, n.number) for n in trace.search(uow(), site.warehouse, query)]

    assert found(t.r1) == [("L", t.r1)]
    assert found(t.fb) == [("B", t.fb)]
    assert found(t.s2) == [("S", t.s2)]
    assert found("ACM-778") == [("L", t.r1)]
    assert found("BG-") == [("L", t.g1)]  # supplier lot prefix
    assert set(found(t.f1[:-1])) == {("L", t.f1), ("L", t.f2)}  # lot number prefix
    assert found(f"S{site.today():%Y}-") == [("S", t.s1), ("S", t.s2)]  # shipment number prefix
    assert found("   ") == []
    assert found("ZZZ") == []
    assert found("%") == [] and found("_") == []  # LIKE wildcards are searched literally

    # A trace can start from the supplier's lot number.
    by_supplier_lot = trace.trace(uow(), site.warehouse, "ACM-778", "forward")
    assert by_supplier_lot.root.number == t.r1
    released_lot(site, "RES", "5", supplier_lot="ACM-778")  # the same supplier lot received twice
    with pytest.raises(ValidationError, match="'ACM-778' matches several records"):
        trace.trace(uow(), site.warehouse, "ACM-778")
    with pytest.raises(NotFound, match="no lot, batch, shipment or supplier lot 'NOPE'"):
        trace.trace(uow(), site.warehouse, "NOPE")
    with pytest.raises(ValidationError, match="direction must be forward, backward or both"):
        trace.trace(uow(), site.warehouse, t.r1, "sideways")


@pytest.mark.req("TRC-1", "TRC-2")
def test_trace_exports_to_csv_and_reads_back(site: Site, tree: Genealogy, tmp_path: Path) -> None:
    t = tree
    both = trace.trace(site.ctx.read_uow(), site.admin, t.il)
    exported = trace.export_trace_csv(site.ctx.read_uow(), site.admin, t.il, "both", tmp_path / "trace.csv")
    out = exported.path
    assert exported.lines == len(both.backward.lines) + len(both.forward.lines)  # type: ignore[union-attr]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == trace.CSV_COLUMNS
    assert both.backward is not None and both.forward is not None
    assert len(rows) == len(both.backward.lines) + len(both.forward.lines)
    backward = [r for r in rows if r["direction"] == "backward"]
    forward = [r for r in rows if r["direction"] == "forward"]
    assert [(r["depth"], r["kind"], r["number"]) for r in backward] == [
        ("0", "Lot", t.il), ("1", "Batch", t.ib), ("2", "Lot", t.r1), ("2", "Lot", t.g1)]
    r1 = backward[2]
    assert (r1["supplier"], r1["supplier_lot"], r1["quantity"], r1["unit"], r1["item"]) == (
        "ACME", "ACM-778", "10", "kg", "RES")
    assert r1["path"] == f"{t.il} > {t.ib} > {t.r1}"
    s2 = next(r for r in forward if r["number"] == t.s2)
    assert (s2["kind"], s2["customer"], s2["customer_name"], s2["quantity"], s2["date"]) == (
        "Shipment", "HOSP2", "County Clinic", "20", str(site.today()))
    assert [r["repeated"] for r in forward if r["number"] == t.s1] == ["", "yes"]
    assert not list(tmp_path.glob(".*partial"))
    with pytest.raises(ValidationError, match="does not exist"):
        trace.export_trace_csv(site.ctx.read_uow(), site.admin, t.il, "both", tmp_path / "missing" / "trace.csv")
