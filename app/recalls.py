"""Use cases for recalls (TRC-4): open from a lot with the traced scope frozen, hold what is in stock,
list customers and quantities, track notification progress, export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from app.csv_files import csv_written_atomically
from app.lots import local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from domain.errors import ConcurrentChange, NotFound, ValidationError
from domain.i18n import N_, _
from domain.inputs import parse_quantity_text
from domain.quantities import fmt
from domain.recall import CustomerToNotify, NotificationStatus, Recall, RecallCustomer, ScopeLine, plan_recall
from domain.trace import Direction, NodeKind, walk_tree
from domain.users import Actor, Permission

# One node of the frozen scope, as stored: kind, number, item_code, depth, path, quantity, unit, status_at_open,
# customer_code, action.
ScopeView = ScopeLine


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


@dataclass(frozen=True)
class RecallSummary:
    """A recall in the list: without its scope, which can be thousands of lines."""

    recall_number: str
    trigger_lot_number: str
    reason: str
    status: str
    opened_at: datetime
    closed_at: datetime | None
    progress: tuple[int, int]  # (customers completed, customers to notify)


def open_recall(uow: UnitOfWork, actor: Actor, lot_number: str, reason: str) -> RecallView:
    """Trace forward from the lot, freeze that scope, hold every affected lot still in stock and every
    affected batch not yet released, mark released batches Recalled, and list customers to notify.

    All of it in one transaction, written set-wise (a lot used for years reaches thousands of records); the
    records changed are locked first, and each change is audited as one entry, as any change by hand."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.OPEN_RECALL)
        trigger = tx.lots.by_number(lot_number, for_update=True)  # a second recall of the same lot waits here
        if trigger is None or trigger.id is None:
            raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
        now = tx.now()
        recall = Recall(next_number(tx, "recall", local_today(tx)), trigger.id, trigger.lot_number, reason, now)
        tx.recalls.add(recall)
        tx.flush()
        assert recall.id is not None
        root = tx.genealogy.node((NodeKind.LOT.value, trigger.id))
        assert root is not None
        locked = tx.recalls.lock_scope(root.key)
        edges, nodes = tx.genealogy.trace(root.key, forward=True)
        scope = tx.genealogy.scope(root, Direction.FORWARD)
        why = f"recall {recall.recall_number}: {recall.reason}"
        nodes.setdefault(root.key, root)
        plan = plan_recall(walk_tree(root, Direction.FORWARD, edges, nodes.get, repeated=False), locked, actor, why)
        if set(plan.shipments) != set(scope.customer_codes):
            raise ConcurrentChange(_("the genealogy of the lot changed at another station while the recall was "
                                     "opened: open it again"))
        tx.recalls.contain(plan.changes)
        tx.recalls.add_scope(recall.id, plan.scope)
        names = {c.code: c.name for c in scope.customers}
        customers = [
            CustomerToNotify(recall.id, code, names[code], ", ".join(sorted(numbers)), scope.quantity_for(code),
                             Decimal(0), NotificationStatus.PENDING, now)
            for code, numbers in sorted(plan.shipments.items())
        ]
        tx.recalls.add_customers(customers)
        tx.commit(reason=why)
        # What was just written, as written (16,000 scope rows are not read back to be shown).
        return _view(recall, plan.scope, customers)


def record_progress(
    uow: UnitOfWork, actor: Actor, recall_number: str, customer_code: str, status: NotificationStatus,
    reason: str | None, returned: str | Decimal | None = None,
) -> RecallView:
    returned_qty = (None if returned in (None, "")
                    else parse_quantity_text(returned or "0", what=N_("returned quantity")))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_RECALL)
        recall = _recall(tx, recall_number)
        assert recall.id is not None
        customer = next((c for c in tx.recalls.customers(recall.id) if c.customer_code == customer_code.upper()), None)
        if customer is None:
            raise NotFound(_("customer {customer_code} is not in recall {recall_number}",
                             customer_code=customer_code, recall_number=recall.recall_number))
        customer.advance(status, returned_qty, tx.now())
        tx.commit(reason=reason or f"recall {recall.recall_number}: {status.value}")
        return _stored(tx, recall)


def close_recall(uow: UnitOfWork, actor: Actor, recall_number: str, reason: str | None) -> RecallView:
    if not reason or not reason.strip():
        raise ValidationError(_("a closing statement is required to close a recall"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_RECALL)
        recall = _recall(tx, recall_number)
        assert recall.id is not None
        recall.close(list(tx.recalls.customers(recall.id)), tx.now())
        tx.commit(reason=reason)
        return _stored(tx, recall)


def get_recall(uow: UnitOfWork, actor: Actor, recall_number: str) -> RecallView:
    with uow.acting_as(actor) as tx:
        return _stored(tx, _recall(tx, recall_number))


def list_recalls(uow: UnitOfWork, actor: Actor) -> list[RecallSummary]:
    with uow.acting_as(actor) as tx:
        return [_summary(tx, r) for r in tx.recalls.list()]


def find_recall(uow: UnitOfWork, actor: Actor, recall_number: str) -> RecallSummary:
    """One recall without its scope (a look-up by number)."""
    with uow.acting_as(actor) as tx:
        return _summary(tx, _recall(tx, recall_number))


def _recall(tx: UnitOfWork, number: str) -> Recall:
    recall = tx.recalls.by_number(number)
    if recall is None:
        raise NotFound(_("no recall {number}", number=number))
    return recall


def _summary(tx: UnitOfWork, recall: Recall) -> RecallSummary:
    assert recall.id is not None
    customers = tx.recalls.customers(recall.id)
    done = sum(1 for c in customers if c.status is NotificationStatus.COMPLETED)
    return RecallSummary(recall.recall_number, recall.trigger_lot_number, recall.reason, recall.status.value,
                         recall.opened_at, recall.closed_at, (done, len(customers)))


def _stored(tx: UnitOfWork, recall: Recall) -> RecallView:
    assert recall.id is not None
    return _view(recall, tx.recalls.scope(recall.id), tx.recalls.customers(recall.id))


def _view(recall: Recall, scope: Sequence[ScopeLine],
          customers: Sequence[RecallCustomer | CustomerToNotify]) -> RecallView:
    return RecallView(recall.recall_number, recall.trigger_lot_number, recall.reason, recall.status.value,
                      recall.opened_at, recall.closed_at, tuple(scope), tuple(
                          RecallCustomerView(c.customer_code, c.customer_name, c.shipments, c.quantity,
                                             c.returned_quantity, c.status.value, c.updated_at)
                          for c in sorted(customers, key=lambda c: c.customer_code)))


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
