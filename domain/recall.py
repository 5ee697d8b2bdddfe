"""Recalls (TRC-4): the trigger, the traced scope frozen at opening, customers to notify and progress."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

from domain.errors import ValidationError


class RecallStatus(Enum):
    OPEN = "Open"
    CLOSED = "Closed"


class NotificationStatus(Enum):
    PENDING = "Pending"
    NOTIFIED = "Notified"
    CONFIRMED = "Confirmed"  # the customer confirmed receipt of the notice
    COMPLETED = "Completed"  # stock returned or destroyed, reconciled


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
            raise ValidationError("a recall needs its reason (what was found, by whom)")
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
            raise ValidationError(f"recall {self.recall_number} is already closed")
        open_ones = [c.customer_code for c in customers if c.status is not NotificationStatus.COMPLETED]
        if open_ones:
            raise ValidationError(
                f"recall {self.recall_number} cannot close: customers not completed: {', '.join(open_ones)}"
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
                f"customer {self.customer_code}: cannot go from {self.status.value} to {target.value}"
            )
        if returned is not None:
            if returned < 0 or returned > self.quantity:
                raise ValidationError(f"returned quantity must be between 0 and {self.quantity}")
            self.returned_quantity = returned
        self.status = target
        self.updated_at = now
