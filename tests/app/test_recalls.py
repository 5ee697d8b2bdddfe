"""Recalls (app/recalls.py) over a multi-level genealogy, on both engines (TRC-4, AUD-1): opening freezes the
scope, holds stock and lists customers; progress is tracked per customer until the recall closes. Opening in
bulk: every hold and every frozen row is audited as if written one by one through the ORM, the status history
is kept, and two stations racing get a consistent result."""

from __future__ import annotations

import csv
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app import batches, lots, recalls, shipments, trace
from domain.batches import BatchStatus
from domain.errors import AccessDenied, NotFound, ValidationError
from domain.lots import LotStatus
from domain.recall import NotificationStatus, RecallScopeEntry
from domain.trace import NodeKind
from persistence import tables as t
from tests.app.genealogy import Genealogy, build_genealogy, release_batch
from tests.app.lots_support import (
    Site,
    chain,
    lot,
    plain_connection,
    release,
    site_fixture,  # noqa: F401  (the site fixture)
    trail,
)

D = Decimal


@pytest.fixture
def tree(site: Site) -> Genealogy:
    return build_genealogy(site)


def changes_of(entries: list, **skip: object) -> list[dict]:  # type: ignore[type-arg]
    return [{k: v for k, v in e.change_map().items() if k not in skip} for e in entries]


@pytest.mark.req("TRC-4", "AUD-1")
def test_the_bulk_entries_are_the_entries_the_orm_writes(site: Site, tree: Genealogy) -> None:
    t_ = tree
    release_batch(site, t_.fb)
    # By hand, through the ORM: a lot and a batch put on hold, and a scope row of an earlier recall.
    other = recalls.open_recall(site.ctx.uow(), site.qa, t_.c1, "tubing kinks").recall_number
    lots.change_lot_status(site.ctx.uow(), site.qa, t_.g1, LotStatus.ON_HOLD, "by hand")
    by_hand = trail(site, record_type="lot", record_id=t_.g1)[-1]
    view = recalls.open_recall(site.ctx.uow(), site.qa, t_.r1, "resin contamination")
    why = f"recall {view.recall_number}: resin contamination"
    held = trail(site, record_type="lot", record_id=t_.r1)[-1]
    assert (held.action, held.reason, held.change_map()) == ("UPDATE", why, {"status": ["Released", "On hold"]})
    assert by_hand.change_map() == {"status": ["Released", "On hold"]}, "the same fields as by hand"
    batch_held = trail(site, record_type="batch", record_id=t_.ib)[-1]
    assert batch_held.change_map() == {"held_from": [None, "Completed"], "status": ["Completed", "On hold"]}
    assert trail(site, record_type="batch", record_id=t_.fb)[-1].change_map() == {"status": ["Released", "Recalled"]}

    bulk_rows = [e for e in trail(site, record_type="recall_scope") if e.reason == why]
    assert len(bulk_rows) == len(view.scope) == 8
    bulk_f1 = next(e for e in bulk_rows if e.change_map()["number"][1] == t_.f1)
    f1 = next(s for s in view.scope if s.number == t_.f1)
    with site.ctx.uow().acting_as(site.qa) as tx:  # the same row as the ORM writes it, for comparison
        recall = tx.recalls.by_number(other)
        assert recall is not None and recall.id is not None
        tx.recalls.add(RecallScopeEntry(recall.id, f1.kind, f1.number, f1.item_code, f1.depth, f1.path, f1.quantity,
                                        f1.unit, f1.status_at_open, f1.customer_code, f1.action))
        tx.commit()
    orm_row = trail(site, record_type="recall_scope")[-1]
    assert sorted(bulk_f1.change_map()) == sorted(orm_row.change_map())
    assert changes_of([bulk_f1], id=1, recall_id=1)[0] == changes_of([orm_row], id=1, recall_id=1)[0]
    assert bulk_f1.change_map()["quantity"] == [None, "600.000000"]
    assert bulk_f1.record_id == str(bulk_f1.change_map()["id"][1])
    customers = trail(site, record_type="recall_customer")
    assert {e.record_id.split("/")[1] for e in customers if e.reason == why} == {"HOSP1", "HOSP2"}
    hosp1 = next(e for e in customers if e.reason == why and e.record_id.endswith("/HOSP1")).change_map()
    assert (hosp1["quantity"], hosp1["returned_quantity"], hosp1["status"]) == (
        [None, "15.000000"], [None, "0"], [None, "Pending"])
    assert chain(site).intact

    # The status history has every hold, as for a change by hand.
    with site.ctx.read_uow().acting_as(site.qa) as tx:
        history = tx.signatures.status_history("batch", t_.ib)
    assert [(h.from_status, h.to_status, h.reason) for h in history][-1] == ("Completed", "On hold", why)
    with plain_connection(site.db_url) as c:
        version = c.execute(select(t.lots.c.version).where(t.lots.c.lot_number == t_.r1)).scalar_one()
    assert version >= 2, "the optimistic-lock version moved on: a station holding the old lot must reload"


@pytest.mark.req("TRC-4")
def test_a_station_changing_a_lot_in_scope_while_the_recall_opens(site: Site, tree: Genealogy) -> None:
    """Station B holds lot F1 by hand and commits while station A opens a recall from the resin: A waits for B,
    then sees F1 on hold already; nothing is held twice, nothing is lost."""
    t_ = tree
    changed = threading.Event()
    done: list[BaseException | None] = []

    def station_b() -> None:
        try:
            with site.ctx.uow().acting_as(site.qa) as tx:
                lot = tx.lots.by_number(t_.f1, for_update=True)
                assert lot is not None
                lot.change_status(LotStatus.ON_HOLD, site.qa, "customer complaint", site.today())
                tx.flush()
                changed.set()
                time.sleep(0.8)  # station A starts opening the recall meanwhile
                tx.commit(reason="customer complaint")
            done.append(None)
        except BaseException as error:  # reported below
            done.append(error)

    b = threading.Thread(target=station_b)
    b.start()
    assert changed.wait(10)
    view = recalls.open_recall(site.ctx.uow(), site.qa, t_.r1, "resin contamination")
    b.join(10)
    assert done == [None]
    f1 = next(s for s in view.scope if s.number == t_.f1)
    assert (f1.status_at_open, f1.action) == ("On hold", "none")
    assert [e.reason for e in trail(site, record_type="lot", record_id=t_.f1) if e.action == "UPDATE"][-1:] == [
        "customer complaint"]
    assert lots.get_lot(site.ctx.read_uow(), site.qa, t_.f2).status == "On hold"
    assert chain(site).intact


@pytest.mark.req("TRC-4")
def test_two_recalls_of_the_same_lot_at_once(site: Site, tree: Genealogy) -> None:
    t_ = tree
    results: list[object] = []

    def open_one(reason: str) -> None:
        try:
            results.append(recalls.open_recall(site.ctx.uow(), site.qa, t_.r1, reason))
        except BaseException as error:  # reported below
            results.append(error)

    stations = [threading.Thread(target=open_one, args=(f"report {i}",)) for i in (1, 2)]
    for s in stations:
        s.start()
    for s in stations:
        s.join(30)
    views = [r for r in results if isinstance(r, recalls.RecallView)]
    assert len(views) == 2, results
    first, second = sorted(views, key=lambda v: v.recall_number)
    assert {s.action for s in second.scope if s.kind != "S"} <= {"none", "none (no stock)"}, "held once, by the first"
    assert [c.quantity for c in first.customers] == [c.quantity for c in second.customers] == [D(15), D(20)]
    ib = batches.get_batch(site.ctx.read_uow(), site.admin, t_.ib).batch
    assert (ib.status, ib.held_from) == (BatchStatus.ON_HOLD.value, BatchStatus.COMPLETED.value)
    assert chain(site).intact


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
