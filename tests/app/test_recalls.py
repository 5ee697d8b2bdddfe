"""Opening a recall in bulk (TRC-4, AUD-1): every hold and every frozen row is audited as if written one by one
through the ORM, the status history is kept, and two stations racing get a consistent result, on both engines."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import batches, lots, recalls
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.recall import RecallScopeEntry
from persistence import tables as t
from tests.app.lots_support import Site, chain, plain_connection, site_fixture, trail  # noqa: F401
from tests.app.test_trace_recall import Genealogy, build_genealogy, release_batch

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
