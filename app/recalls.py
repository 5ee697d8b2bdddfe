"""Use cases for recalls (TRC-4): open from a lot with the traced scope frozen, hold what is in stock,
list customers and quantities, track notification progress, export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from app.csv_files import csv_written_atomically
from app.lots import local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from domain.batches import BatchStatus
from domain.errors import NotFound, ValidationError
from domain.lots import LotStatus
from domain.quantities import fmt, parse_quantity
from domain.recall import NotificationStatus, Recall, RecallCustomer, RecallScopeEntry
from domain.trace import Direction, NodeKind, build_trace
from domain.users import Actor, Permission

_BATCH_RECALL = {BatchStatus.RELEASED: BatchStatus.RECALLED}
_BATCH_HOLD = (BatchStatus.PLANNED, BatchStatus.IN_PRODUCTION, BatchStatus.COMPLETED, BatchStatus.QC_TESTING,
               BatchStatus.QA_REVIEW)


@dataclass(frozen=True)
class ScopeView:
    kind: str
    number: str
    item_code: str | None
    depth: int
    path: str
    quantity: Decimal | None
    unit: str | None
    status_at_open: str | None
    customer_code: str | None
    action: str


@dataclass(frozen=True)
class RecallCustomerView:
    customer_code: str
    customer_name: str
    shipments: str
    quantity: Decimal
    returned_quantity: Decimal
    status: str
    updated_at: datetime


@dataclass(frozen=True)
class RecallView:
    recall_number: str
    trigger_lot_number: str
    reason: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    scope: tuple[ScopeView, ...]
    customers: tuple[RecallCustomerView, ...]

    @property
    def progress(self) -> tuple[int, int]:
        """(customers completed, customers to notify)."""
        done = sum(1 for c in self.customers if c.status == NotificationStatus.COMPLETED.value)
        return done, len(self.customers)


def open_recall(uow: UnitOfWork, actor: Actor, lot_number: str, reason: str) -> RecallView:
    """Trace forward from the lot, freeze that scope, hold every affected lot still in stock and every
    affected batch not yet released, mark released batches Recalled, and list customers to notify."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.OPEN_RECALL)
        trigger = tx.lots.by_number(lot_number, for_update=True)
        if trigger is None or trigger.id is None:
            raise NotFound(f"no lot {lot_number}")
        now = tx.now()
        recall = Recall(next_number(tx, "recall", local_today(tx)), trigger.id, trigger.lot_number, reason, now)
        tx.recalls.add(recall)
        tx.flush()
        assert recall.id is not None
        root = tx.genealogy.node((NodeKind.LOT.value, trigger.id))
        assert root is not None
        edges, nodes = tx.genealogy.trace(root.key, forward=True)
        result = build_trace(root, Direction.FORWARD, edges, nodes)
        why = f"recall {recall.recall_number}: {recall.reason}"
        today = local_today(tx)
        customers: dict[str, tuple[str, list[str], Decimal]] = {}
        for line in result.lines:
            node = line.node
            if node.kind is NodeKind.SHIPMENT and node.customer_code:
                # Every line into a shipment is one in-scope lot on it: a shipment reached again from a
                # second lot (a `repeated` line) still adds that lot's quantity.
                name, numbers, qty = customers.get(node.customer_code, (node.customer_name or "", [], Decimal(0)))
                customers[node.customer_code] = (name, [*numbers, node.number], qty + (line.quantity or 0))
            if line.repeated:
                continue
            action = _contain(tx, actor, node.kind, node.number, why, today)
            if node.kind is NodeKind.SHIPMENT and node.customer_code:
                action = "notify customer"
            tx.recalls.add(RecallScopeEntry(
                recall.id, node.kind.value, node.number, node.item_code, line.depth, " > ".join(line.path),
                line.quantity if line.depth else node.quantity, node.unit, node.status, node.customer_code, action,
            ))
        for code, (name, numbers, qty) in sorted(customers.items()):
            tx.recalls.add(RecallCustomer(recall.id, code, name, ", ".join(sorted(set(numbers))), qty, now))
        tx.commit(reason=why)
        return _view(tx, recall)


def _contain(tx: UnitOfWork, actor: Actor, kind: NodeKind, number: str, why: str, today: date) -> str:
    if kind is NodeKind.LOT:
        lot = tx.lots.by_number(number, for_update=True)
        if lot is not None and lot.on_hand > 0 and lot.status in (LotStatus.QUARANTINE, LotStatus.RELEASED):
            lot.change_status(LotStatus.ON_HOLD, actor, why, today)
            return "stock put on hold"
        return "none (no stock)" if lot is not None and lot.on_hand == 0 else "none"
    if kind is NodeKind.BATCH:
        batch = tx.batches.by_number(number, for_update=True)
        if batch is None:
            return "none"
        if batch.status in _BATCH_RECALL:
            batch.change_status(_BATCH_RECALL[batch.status], actor, why, tx.now())
            return "batch recalled"
        if batch.status in _BATCH_HOLD:
            batch.change_status(BatchStatus.ON_HOLD, actor, why, tx.now())
            return "batch put on hold"
    return "none"


def record_progress(
    uow: UnitOfWork, actor: Actor, recall_number: str, customer_code: str, status: NotificationStatus,
    reason: str | None, returned: str | Decimal | None = None,
) -> RecallView:
    returned_qty = None if returned in (None, "") else parse_quantity(returned or "0", what="returned quantity")
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_RECALL)
        recall = _recall(tx, recall_number)
        assert recall.id is not None
        customer = next((c for c in tx.recalls.customers(recall.id) if c.customer_code == customer_code.upper()), None)
        if customer is None:
            raise NotFound(f"customer {customer_code} is not in recall {recall.recall_number}")
        customer.advance(status, returned_qty, tx.now())
        tx.commit(reason=reason or f"recall {recall.recall_number}: {status.value}")
        return _view(tx, recall)


def close_recall(uow: UnitOfWork, actor: Actor, recall_number: str, reason: str | None) -> RecallView:
    if not reason or not reason.strip():
        raise ValidationError("a closing statement is required to close a recall")
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_RECALL)
        recall = _recall(tx, recall_number)
        assert recall.id is not None
        recall.close(list(tx.recalls.customers(recall.id)), tx.now())
        tx.commit(reason=reason)
        return _view(tx, recall)


def get_recall(uow: UnitOfWork, actor: Actor, recall_number: str) -> RecallView:
    with uow.acting_as(actor) as tx:
        return _view(tx, _recall(tx, recall_number))


def list_recalls(uow: UnitOfWork, actor: Actor) -> list[RecallView]:
    with uow.acting_as(actor) as tx:
        return [_view(tx, r) for r in tx.recalls.list()]


def _recall(tx: UnitOfWork, number: str) -> Recall:
    recall = tx.recalls.by_number(number)
    if recall is None:
        raise NotFound(f"no recall {number}")
    return recall


def _view(tx: UnitOfWork, recall: Recall) -> RecallView:
    assert recall.id is not None
    scope = tuple(
        ScopeView(s.kind, s.number, s.item_code, s.depth, s.path, s.quantity, s.unit, s.status_at_open,
                  s.customer_code, s.action)
        for s in tx.recalls.scope(recall.id)
    )
    customers = tuple(
        RecallCustomerView(c.customer_code, c.customer_name, c.shipments, c.quantity, c.returned_quantity,
                           c.status.value, c.updated_at)
        for c in tx.recalls.customers(recall.id)
    )
    return RecallView(recall.recall_number, recall.trigger_lot_number, recall.reason, recall.status.value,
                      recall.opened_at, recall.closed_at, scope, customers)


def export_recall_csv(view: RecallView, out: Path) -> Path:
    """Scope and customers as CSV (the recall document comes with the documents module)."""
    with csv_written_atomically(out) as w:
        w.writerow(("recall", view.recall_number, "trigger lot", view.trigger_lot_number, "status", view.status,
                    "opened (UTC)", view.opened_at.isoformat()))
        w.writerow(("reason", view.reason))
        w.writerow(())
        w.writerow(("customer", "name", "shipments", "quantity", "returned", "status"))
        for c in view.customers:
            w.writerow((c.customer_code, c.customer_name, c.shipments, fmt(c.quantity),
                        fmt(c.returned_quantity), c.status))
        w.writerow(())
        w.writerow(("kind", "number", "item", "depth", "path", "quantity", "unit", "status at opening", "action"))
        for s in view.scope:
            w.writerow((s.kind, s.number, s.item_code or "", s.depth, s.path,
                        "" if s.quantity is None else fmt(s.quantity), s.unit or "", s.status_at_open or "",
                        s.action))
    return Path(out)
