"""Recalls (TRC-4): the trigger, the traced scope frozen at opening, customers to notify and progress."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import NamedTuple

from domain.batches import BATCH_WORKFLOW, BatchStatus, held_from_after
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.lots import LOT_WORKFLOW, LotStatus
from domain.trace import NodeKey, NodeKind, TraceLine
from domain.users import Actor


class RecallStatus(Enum):
    OPEN = N_("Open")
    CLOSED = N_("Closed")


class NotificationStatus(Enum):
    PENDING = N_("Pending")
    NOTIFIED = N_("Notified")
    CONFIRMED = N_("Confirmed")  # the customer confirmed receipt of the notice
    COMPLETED = N_("Completed")  # stock returned or destroyed, reconciled


class Recall:
    id: int | None
    recall_number: str
    trigger_lot_id: int
    trigger_lot_number: str
    reason: str
    status: RecallStatus
    opened_at: datetime
    closed_at: datetime | None

    def __init__(
        self, recall_number: str, trigger_lot_id: int, trigger_lot_number: str, reason: str, opened_at: datetime
    ) -> None:
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError(_("a recall needs its reason (what was found, by whom)"))
        self.id = None
        self.recall_number = recall_number
        self.trigger_lot_id = trigger_lot_id
        self.trigger_lot_number = trigger_lot_number
        self.reason = reason
        self.status = RecallStatus.OPEN
        self.opened_at = opened_at
        self.closed_at = None

    def close(self, customers: list[RecallCustomer], now: datetime) -> None:
        if self.status is RecallStatus.CLOSED:
            raise ValidationError(_("recall {recall_number} is already closed", recall_number=self.recall_number))
        open_ones = [c.customer_code for c in customers if c.status is not NotificationStatus.COMPLETED]
        if open_ones:
            raise ValidationError(
                _("recall {recall_number} cannot close: customers not completed: {choices}",
                  recall_number=self.recall_number, choices=', '.join(open_ones))
            )
        self.status = RecallStatus.CLOSED
        self.closed_at = now


class RecallScopeEntry:
    """One node of the traced scope as it was when the recall opened; never changed afterwards."""

    id: int | None
    recall_id: int
    kind: str  # "L", "B", "S"
    number: str
    item_code: str | None
    depth: int
    path: str
    quantity: Decimal | None
    unit: str | None
    status_at_open: str | None
    customer_code: str | None
    action: str  # what the recall did to it at opening

    def __init__(
        self, recall_id: int, kind: str, number: str, item_code: str | None, depth: int, path: str,
        quantity: Decimal | None, unit: str | None, status_at_open: str | None, customer_code: str | None,
        action: str,
    ) -> None:
        self.id = None
        self.recall_id = recall_id
        self.kind = kind
        self.number = number
        self.item_code = item_code
        self.depth = depth
        self.path = path
        self.quantity = quantity
        self.unit = unit
        self.status_at_open = status_at_open
        self.customer_code = customer_code
        self.action = action


_NEXT = {
    NotificationStatus.PENDING: NotificationStatus.NOTIFIED,
    NotificationStatus.NOTIFIED: NotificationStatus.CONFIRMED,
    NotificationStatus.CONFIRMED: NotificationStatus.COMPLETED,
}


class RecallCustomer:
    id: int | None
    recall_id: int
    customer_code: str
    customer_name: str
    shipments: str  # shipment numbers, comma-separated
    quantity: Decimal  # shipped in scope
    returned_quantity: Decimal
    status: NotificationStatus
    updated_at: datetime

    def __init__(
        self, recall_id: int, customer_code: str, customer_name: str, shipments: str, quantity: Decimal,
        now: datetime,
    ) -> None:
        self.id = None
        self.recall_id = recall_id
        self.customer_code = customer_code
        self.customer_name = customer_name
        self.shipments = shipments
        self.quantity = quantity
        self.returned_quantity = Decimal(0)
        self.status = NotificationStatus.PENDING
        self.updated_at = now

    def advance(self, target: NotificationStatus, returned: Decimal | None, now: datetime) -> None:
        if _NEXT.get(self.status) is not target:
            raise ValidationError(
                _("customer {customer_code}: cannot go from {status} to {target}",
                  customer_code=self.customer_code, status=_(self.status.value), target=_(target.value))
            )
        if returned is not None:
            if returned < 0 or returned > self.quantity:
                raise ValidationError(_("returned quantity must be between 0 and {quantity}", quantity=self.quantity))
            self.returned_quantity = returned
        self.status = target
        self.updated_at = now


# --- opening a recall: what it does to each record in scope (TRC-4) -------------------------------------------


class LockedState(NamedTuple):
    """A lot or batch in scope as the recall read it under its lock, just before changing it."""

    status: str
    on_hand: Decimal | None  # lots
    held_from: str | None  # batches
    version: int


class ContainmentChange(NamedTuple):
    """One lot or batch the recall puts on hold or marks recalled; `version` as it was read."""

    kind: str  # "L" or "B"
    id: int
    number: str
    version: int
    status: tuple[str, str]  # (old, new)
    held_from: tuple[str | None, str | None]  # (old, new); the same when unchanged


class ScopeLine(NamedTuple):
    """One node of the scope as it is frozen (the fields of `RecallScopeEntry`)."""

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


class CustomerToNotify(NamedTuple):
    """A `RecallCustomer` as a recall opens it (the same fields), written in bulk with the scope."""

    recall_id: int
    customer_code: str
    customer_name: str
    shipments: str
    quantity: Decimal
    returned_quantity: Decimal
    status: NotificationStatus
    updated_at: datetime


@dataclass(frozen=True)
class RecallPlan:
    scope: list[ScopeLine]
    changes: list[ContainmentChange]
    shipments: dict[str, set[str]]  # customer code -> shipment numbers in scope


_BATCH_HOLD = (BatchStatus.PLANNED, BatchStatus.IN_PRODUCTION, BatchStatus.COMPLETED, BatchStatus.QC_TESTING,
               BatchStatus.QA_REVIEW)


def containment(kind: NodeKind, state: LockedState, actor: Actor, reason: str) -> tuple[str, str | None]:
    """(what the recall does to the record, its new status or None): stock still on hand is put on hold,
    batches not yet released are put on hold, released batches are marked recalled; checked against the
    workflows as if done by hand by the acting user (who needs the right to hold and recall)."""
    if kind is NodeKind.LOT:
        status = LotStatus(state.status)
        on_hand = state.on_hand or Decimal(0)
        if on_hand > 0 and status in (LotStatus.QUARANTINE, LotStatus.RELEASED):
            LOT_WORKFLOW.check(status, LotStatus.ON_HOLD, actor, reason)
            return N_("stock put on hold"), LotStatus.ON_HOLD.value
        return (N_("none (no stock)") if on_hand == 0 else N_("none")), None
    if kind is NodeKind.BATCH:
        batch_status = BatchStatus(state.status)
        if batch_status is BatchStatus.RELEASED:
            BATCH_WORKFLOW.check(batch_status, BatchStatus.RECALLED, actor, reason)
            return N_("batch recalled"), BatchStatus.RECALLED.value
        if batch_status in _BATCH_HOLD:
            BATCH_WORKFLOW.check(batch_status, BatchStatus.ON_HOLD, actor, reason)
            return N_("batch put on hold"), BatchStatus.ON_HOLD.value
    return N_("none"), None


def plan_recall(lines: Iterable[TraceLine], locked: Mapping[NodeKey, LockedState], actor: Actor,
                reason: str) -> RecallPlan:
    """The frozen scope (each node once, in the order and with the path the trace tree first shows it),
    the status changes, and the shipments per customer, from the forward trace tree of the trigger lot."""
    plan = RecallPlan([], [], {})
    decided: dict[tuple[NodeKind, str, bool], tuple[str, str | None]] = {}  # the rule, once per kind and state
    for line in lines:
        node = line.node
        kind = node.kind
        if kind is NodeKind.SHIPMENT and node.customer_code:
            plan.shipments.setdefault(node.customer_code, set()).add(node.number)
        if line.repeated:  # the same node again, by another path: in the scope once
            continue
        state = locked.get((kind.value, node.id))
        action, target = N_("none"), None
        if state is not None:
            rule = (kind, state.status, bool(state.on_hand))
            if rule not in decided:
                decided[rule] = containment(kind, state, actor, reason)
            action, target = decided[rule]
            if target is not None:
                plan.changes.append(_change(node.kind, node.id, node.number, state, target))
        elif kind is NodeKind.SHIPMENT and node.customer_code:
            action = N_("notify customer")
        # the root holds its own stock; every other node what flowed into it, in the unit of that edge
        quantity, unit = (node.quantity, node.unit) if line.depth == 0 else (line.quantity, line.unit)
        plan.scope.append(ScopeLine(
            kind.value, node.number, node.item_code, line.depth, " > ".join(line.path), quantity, unit,
            state.status if state is not None else node.status, node.customer_code, action,
        ))
    return plan


def _change(kind: NodeKind, node_id: int, number: str, state: LockedState, target: str) -> ContainmentChange:
    held = state.held_from
    new_held = held
    if kind is NodeKind.BATCH:
        after = held_from_after(BatchStatus(state.status), None if held is None else BatchStatus(held),
                                BatchStatus(target))
        new_held = None if after is None else after.value
    return ContainmentChange(kind.value, node_id, number, state.version, (state.status, target), (held, new_held))
