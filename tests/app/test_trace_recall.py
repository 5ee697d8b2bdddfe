"""Trace and recall over a multi-level genealogy, on both engines (TRC-1, TRC-2, TRC-4, LOT-9).

    R1 (RES, ACME "ACM-778") ─┐
    G1 (GEL, BETA "BG-9") ────┴─> IB (MIX batch) ─> IL (MIX lot) ─┐
    C1 (TUBE 60 m, ACME "T-1") ───────────────────────────────────┴─> FB (SYR batch) ─> F1, F2 (SYR lots)
    F1 10 + F2 5 ─> S1 (HOSP1);   F2 20 ─> S2 (HOSP2)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import batches, recalls, shipments, trace
from domain.batches import BatchStatus
from domain.errors import AccessDenied, NotFound, ValidationError
from domain.recall import NotificationStatus
from domain.trace import NodeKind
from tests.app.lots_support import (  # noqa: F401
    Site,
    chain,
    effective_mbr,
    lot,
    plain_connection,
    release,
    released_lot,
    running_batch,
    site_fixture,
    trail,
)
from tests.app.signing import release_batch as signed_release_batch

D = Decimal


@dataclass(frozen=True)
class Genealogy:
    r1: str
    g1: str
    c1: str
    ib: str
    il: str
    fb: str
    f1: str
    f2: str
    s1: str
    s2: str


def build_genealogy(site: Site) -> Genealogy:
    u, wh, prod = site.ctx.uow, site.warehouse, site.production
    r1 = released_lot(site, "RES", "100", supplier_lot="ACM-778").lot_number
    g1 = released_lot(site, "GEL", "10", supplier="BETA", supplier_lot="BG-9").lot_number
    c1 = released_lot(site, "TUBE", "6000", unit="cm", supplier_lot="T-1").lot_number
    effective_mbr(site, "MIX", [("RES", "0.5", "5"), ("GEL", "0.1", "10")])
    effective_mbr(site, "SYR", [("MIX", "0.02", "5"), ("TUBE", "0.05", "10")])

    ib = running_batch(site, "MIX", "20").batch_number
    batches.issue_material(u(), wh, ib, r1, "10")
    batches.issue_material(u(), wh, ib, g1, "2")
    il = batches.complete_batch(u(), prod, ib, "20").output_lots[0].lot_number
    release(site, il)

    fb = running_batch(site, "SYR", "1000").batch_number
    batches.issue_material(u(), wh, fb, il, "20")
    batches.issue_material(u(), wh, fb, c1, "50")
    f1, f2 = (v.lot_number for v in batches.complete_batch(u(), prod, fb, "1000", ["600", "400"]).output_lots)
    release(site, f1)
    release(site, f2)
    line = shipments.ShipmentLineInput
    s1 = shipments.ship(u(), wh, "HOSP1", None, [line(f1, "10"), line(f2, "5")]).shipment_number
    s2 = shipments.ship(u(), wh, "HOSP2", None, [line(f2, "20")]).shipment_number
    return Genealogy(r1, g1, c1, ib, il, fb, f1, f2, s1, s2)


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


# --- TRC-4: recall --------------------------------------------------------------------------------------------


def release_batch(site: Site, batch_number: str) -> None:
    u = site.ctx.uow
    batches.change_batch_status(u(), site.production, batch_number, BatchStatus.QC_TESTING, None)
    batches.change_batch_status(u(), site.qc, batch_number, BatchStatus.QA_REVIEW, None)
    signed_release_batch(site.ctx, site.qa, site.release, batch_number)


@pytest.mark.req("TRC-4", "AUD-1")
def test_opening_a_recall_freezes_the_scope_contains_stock_and_lists_customers(
    site: Site, tree: Genealogy
) -> None:
    t = tree
    release_batch(site, t.fb)
    with pytest.raises(AccessDenied, match="may not open a recall"):
        recalls.open_recall(site.ctx.uow(), site.warehouse, t.r1, "contamination")
    with pytest.raises(ValidationError, match="a recall needs its reason"):
        recalls.open_recall(site.ctx.uow(), site.qa, t.r1, "  ")
    with pytest.raises(NotFound, match="no lot NOPE"):
        recalls.open_recall(site.ctx.uow(), site.qa, "NOPE", "x")

    view = recalls.open_recall(site.ctx.uow(), site.qa, t.r1, "resin contamination reported by ACME")
    assert view.recall_number == f"RC{site.today():%Y}-001"
    assert (view.trigger_lot_number, view.status, view.reason) == (t.r1, "Open", "resin contamination reported by ACME")
    scope = {(s.kind, s.number): s for s in view.scope}
    assert [(s.kind, s.number, s.depth) for s in view.scope] == [
        ("L", t.r1, 0), ("B", t.ib, 1), ("L", t.il, 2), ("B", t.fb, 3), ("L", t.f1, 4), ("S", t.s1, 5),
        ("L", t.f2, 4), ("S", t.s2, 5)]
    assert {k: (s.status_at_open, s.action) for k, s in scope.items()} == {
        ("L", t.r1): ("Released", "stock put on hold"),
        ("B", t.ib): ("Completed", "batch put on hold"),
        ("L", t.il): ("Consumed", "none (no stock)"),
        ("B", t.fb): ("Released", "batch recalled"),
        ("L", t.f1): ("Released", "stock put on hold"),
        ("S", t.s1): (None, "notify customer"),
        ("L", t.f2): ("Released", "stock put on hold"),
        ("S", t.s2): (None, "notify customer"),
    }
    assert (scope[("L", t.r1)].quantity, scope[("L", t.r1)].unit) == (D(90), "kg")  # stock at opening
    assert scope[("S", t.s2)].path == f"{t.r1} > {t.ib} > {t.il} > {t.fb} > {t.f2} > {t.s2}"
    assert scope[("S", t.s2)].customer_code == "HOSP2"
    # HOSP1 got 10 of F1 and 5 of F2 on one shipment: both count (found while testing: only 10 was listed).
    assert [(c.customer_code, c.customer_name, c.shipments, c.quantity, c.status) for c in view.customers] == [
        ("HOSP1", "City Hospital", t.s1, D(15), "Pending"), ("HOSP2", "County Clinic", t.s2, D(20), "Pending")]
    assert view.progress == (0, 2)

    status = {n: lot(site, n).status for n in (t.r1, t.il, t.f1, t.f2, t.g1, t.c1)}
    assert status == {t.r1: "On hold", t.il: "Consumed", t.f1: "On hold", t.f2: "On hold", t.g1: "Released",
                      t.c1: "Released"}
    fb = batches.get_batch(site.ctx.read_uow(), site.admin, t.fb).batch
    ib = batches.get_batch(site.ctx.read_uow(), site.admin, t.ib).batch
    assert (fb.status, ib.status, ib.held_from) == ("Recalled", "On hold", "Completed")

    why = f"recall {view.recall_number}: resin contamination reported by ACME"
    assert [(e.action, e.user_id) for e in trail(site, record_type="recall", record_id=view.recall_number)] == [
        ("CREATE", "quinn")]
    held = trail(site, record_type="lot", record_id=t.f1)[-1]
    assert (held.reason, held.change_map()) == (why, {"status": ["Released", "On hold"]})
    recalled = trail(site, record_type="batch", record_id=t.fb)[-1]
    assert (recalled.reason, recalled.change_map()["status"]) == (why, ["Released", "Recalled"])
    assert len(trail(site, record_type="recall_scope")) == len(view.scope)
    assert len(trail(site, record_type="recall_customer")) == 2
    assert trail(site, action="ACCESS_DENIED")[-1].record_id == "OPEN_RECALL"
    assert chain(site).intact


@pytest.mark.req("TRC-4")
def test_the_frozen_scope_survives_later_shipments_and_raw_sql(site: Site, tree: Genealogy) -> None:
    t = tree
    opened = recalls.open_recall(site.ctx.uow(), site.qa, t.r1, "resin contamination")
    # Later, QA lets F2 go again and it ships: the live trace grows, the recall's scope does not.
    release(site, t.f2)  # cleared by investigation: QC review and QA approval again (SIG-5)
    s3 = shipments.ship(site.ctx.uow(), site.warehouse, "HOSP1", None,
                        [shipments.ShipmentLineInput(t.f2, "7")]).shipment_number
    live = trace.trace(site.ctx.read_uow(), site.qa, t.r1, "forward").forward
    assert live is not None
    assert s3 in {n.number for n in live.of_kind(NodeKind.SHIPMENT)}
    again = recalls.get_recall(site.ctx.read_uow(), site.qa, opened.recall_number)
    assert again.scope == opened.scope
    assert again.customers == opened.customers
    assert s3 not in {s.number for s in again.scope}

    for statement in ("UPDATE recall_scope SET action = 'none' WHERE recall_id = (SELECT MIN(id) FROM recalls)",
                      "DELETE FROM recall_scope"):
        with pytest.raises(DBAPIError, match="frozen at opening"), plain_connection(site.db_url) as c:
            c.execute(text(statement))
    assert recalls.get_recall(site.ctx.read_uow(), site.qa, opened.recall_number).scope == opened.scope
    assert [r.recall_number for r in recalls.list_recalls(site.ctx.read_uow(), site.qa)] == [opened.recall_number]


@pytest.mark.req("TRC-4", "AUD-1")
def test_recall_progress_is_tracked_per_customer_and_the_recall_closes_when_all_are_complete(
    site: Site, tree: Genealogy, tmp_path: Path
) -> None:
    t = tree
    n = recalls.open_recall(site.ctx.uow(), site.qa, t.r1, "resin contamination").recall_number
    u = site.ctx.uow

    def step(customer: str, status: NotificationStatus, returned: str | None = None) -> recalls.RecallView:
        return recalls.record_progress(u(), site.qa, n, customer, status, None, returned)

    with pytest.raises(ValidationError, match="customer HOSP1: cannot go from Pending to Confirmed"):
        step("HOSP1", NotificationStatus.CONFIRMED)
    with pytest.raises(NotFound, match=f"customer NOBODY is not in recall {n}"):
        step("NOBODY", NotificationStatus.NOTIFIED)
    with pytest.raises(AccessDenied, match="may not record recall progress"):
        recalls.record_progress(u(), site.warehouse, n, "HOSP1", NotificationStatus.NOTIFIED, None)
    step("hosp1", NotificationStatus.NOTIFIED)
    step("HOSP1", NotificationStatus.CONFIRMED)
    with pytest.raises(ValidationError, match="returned quantity must be between 0 and 15"):
        step("HOSP1", NotificationStatus.COMPLETED, "16")
    view = step("HOSP1", NotificationStatus.COMPLETED, "12")
    assert [(c.customer_code, c.status, c.returned_quantity) for c in view.customers] == [
        ("HOSP1", "Completed", D(12)), ("HOSP2", "Pending", D(0))]
    assert view.progress == (1, 2)

    with pytest.raises(ValidationError, match="a closing statement is required"):
        recalls.close_recall(u(), site.qa, n, " ")
    with pytest.raises(ValidationError, match=f"recall {n} cannot close: customers not completed: HOSP2"):
        recalls.close_recall(u(), site.qa, n, "done")
    for status in (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED, NotificationStatus.COMPLETED):
        step("HOSP2", status)
    closed = recalls.close_recall(u(), site.qa, n, "all stock reconciled; FSCA closed")
    assert (closed.status, closed.progress) == ("Closed", (2, 2))
    assert closed.closed_at is not None
    with pytest.raises(ValidationError, match="already closed"):
        recalls.close_recall(u(), site.qa, n, "again")

    hosp1 = [e.change_map()["status"] for e in trail(site, record_type="recall_customer")
             if e.record_id.endswith("/HOSP1") and "status" in e.change_map()]
    assert hosp1 == [[None, "Pending"], ["Pending", "Notified"], ["Notified", "Confirmed"], ["Confirmed", "Completed"]]
    closing = trail(site, record_type="recall", record_id=n)[-1]
    assert (closing.reason, closing.change_map()["status"]) == ("all stock reconciled; FSCA closed",
                                                                ["Open", "Closed"])

    out = recalls.export_recall_csv(closed, tmp_path / "recall.csv")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["recall", n, "trigger lot", t.r1, "status", "Closed"]
    assert rows[1] == ["reason", "resin contamination"]
    customers_at = rows.index(["customer", "name", "shipments", "quantity", "returned", "status"])
    assert rows[customers_at + 1: customers_at + 3] == [
        ["HOSP1", "City Hospital", t.s1, "15", "12", "Completed"],
        ["HOSP2", "County Clinic", t.s2, "20", "0", "Completed"]]
    scope_at = rows.index(["kind", "number", "item", "depth", "path", "quantity", "unit", "status at opening",
                           "action"])
    scope_rows = rows[scope_at + 1:]
    assert [(r[0], r[1], r[3]) for r in scope_rows] == [(s.kind, s.number, str(s.depth)) for s in closed.scope]
    assert scope_rows[0] == ["L", t.r1, "RES", "0", t.r1, "90", "kg", "Released", "stock put on hold"]
    assert chain(site).intact
