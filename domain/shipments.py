"""Shipments of finished lots to customers (LOT-9): what went where, how much, when."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.errors import ValidationError
from domain.i18n import _
from domain.lots import Lot, LotStatus


class ShipmentLine:
    id: int | None
    shipment_id: int | None
    lot_id: int
    quantity: Decimal

    def __init__(self, lot_id: int, quantity: Decimal) -> None:
        self.id = None
        self.lot_id = lot_id
        self.quantity = quantity


class Shipment:
    id: int | None
    shipment_number: str
    customer_code: str
    shipped_on: date
    created_at: datetime
    lines: list[ShipmentLine]

    def __init__(self, shipment_number: str, customer_code: str, shipped_on: date, created_at: datetime) -> None:
        if shipped_on > created_at.astimezone().date():  # the station's today: east of UTC it is ahead
            raise ValidationError(_("ship date {shipped_on} is in the future", shipped_on=shipped_on))
        self.id = None
        self.shipment_number = shipment_number
        self.customer_code = customer_code
        self.shipped_on = shipped_on
        self.created_at = created_at
        self.lines = []

    def add(self, lot: Lot, quantity: Decimal, today: date) -> ShipmentLine:
        if lot.status is not LotStatus.RELEASED:
            raise ValidationError(_("lot {lot_number} is {status}: only Released lots are shipped",
                                    lot_number=lot.lot_number, status=_(lot.status.value)))
        if lot.is_expired(today):
            raise ValidationError(_("lot {lot_number} expired on {expires_on}",
                                    lot_number=lot.lot_number, expires_on=lot.expires_on))
        assert lot.id is not None
        if any(line.lot_id == lot.id for line in self.lines):
            raise ValidationError(_("lot {lot_number} is already on shipment {shipment_number}",
                                    lot_number=lot.lot_number, shipment_number=self.shipment_number))
        lot.take(quantity)
        line = ShipmentLine(lot.id, quantity)
        self.lines.append(line)
        return line
