"""Use cases for shipments (LOT-9): finished lots to customers, recorded for recall."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from app import signed_records
from app.lots import local_today
from app.numbering import next_number
from app.ports import UnitOfWork
from app.status_backing import require_backed
from domain.errors import NotFound, ValidationError
from domain.i18n import N_, _
from domain.inputs import parse_quantity_text
from domain.items import validate_code
from domain.shipments import Shipment
from domain.trace import NodeKind
from domain.users import Actor, Permission


@dataclass(frozen=True)
class ShipmentLineView:
    lot_number: str
    item_code: str
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class ShipmentView:
    shipment_number: str
    customer_code: str
    customer_name: str
    shipped_on: date
    created_at: datetime
    lines: tuple[ShipmentLineView, ...]


@dataclass(frozen=True)
class ShipmentLineInput:
    lot_number: str
    quantity: str | Decimal


def ship(
    uow: UnitOfWork, actor: Actor, customer_code: str, shipped_on: date | None, lines: Sequence[ShipmentLineInput]
) -> ShipmentView:
    if not lines:
        raise ValidationError(_("a shipment needs at least one lot"))
    code = validate_code(customer_code, N_("customer"))
    parsed = [(line.lot_number.strip(), parse_quantity_text(line.quantity)) for line in lines]
    with uow.acting_as(actor) as tx:
        actor.require(Permission.SHIP)
        customer = tx.master_data.customer(code)
        if customer is None or not customer.active:
            raise NotFound(_("no active customer {code}", code=code))
        today = local_today(tx)
        shipment = Shipment(next_number(tx, "shipment", today), customer.code, shipped_on or today, tx.now())
        # Lock the lots in one order (by number) so two stations shipping the same lots listed in another
        # order wait for each other instead of deadlocking.
        locked = {}
        for lot_number in sorted({number for number, _ in parsed}):
            lot = tx.lots.by_number(lot_number, for_update=True)
            if lot is None:
                raise NotFound(_("no lot {lot_number}", lot_number=lot_number))
            require_backed(tx, signed_records.of_lot(lot))  # SIG-3: only a lot its signatures released ships
            locked[lot_number] = lot
        lots = []
        for lot_number, qty in parsed:
            lot = locked[lot_number]
            shipment.add(lot, qty, today)
            lots.append(lot)
        tx.shipments.add(shipment)
        tx.flush()
        assert shipment.id is not None
        for line in shipment.lines:
            tx.genealogy.add_flow((NodeKind.LOT.value, line.lot_id), (NodeKind.SHIPMENT.value, shipment.id),
                                  line.quantity)
        tx.commit(reason=f"shipped on {shipment.shipment_number} to {customer.code}")
        return ShipmentView(
            shipment.shipment_number, customer.code, customer.name, shipment.shipped_on, shipment.created_at,
            tuple(ShipmentLineView(lot.lot_number, lot.item_code, line.quantity, lot.unit.value)
                  for lot, line in zip(lots, shipment.lines, strict=True)),
        )


def list_shipments(uow: UnitOfWork, actor: Actor) -> list[ShipmentView]:
    with uow.acting_as(actor) as tx:
        shipments = tx.shipments.list()
        lots = tx.lots.by_ids(sorted({line.lot_id for s in shipments for line in s.lines}))
        names = {c.code: c.name for c in tx.master_data.customers()}
        return [
            ShipmentView(
                s.shipment_number, s.customer_code, names.get(s.customer_code, ""), s.shipped_on, s.created_at,
                tuple(ShipmentLineView(lots[ln.lot_id].lot_number, lots[ln.lot_id].item_code, ln.quantity,
                                       lots[ln.lot_id].unit.value) for ln in s.lines),
            )
            for s in shipments
        ]
