"""Domain objects the rule tests start from: a resin, a syringe, an approval, an effective master batch record,
a released lot, at a fixed time, built through the domain's own constructors (no database)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from domain.items import Item, ItemType, SupplierApproval
from domain.lots import Lot, LotOrigin, LotStatus
from domain.mbr import MasterBatchRecord
from domain.quantities import Unit
from domain.users import Actor, Role, UserId

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
PRODUCTION = Actor(UserId("pat"), "Pat Production", frozenset({Role.PRODUCTION}))
D = Decimal


def resin(**kw: object) -> Item:
    return Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG, **kw)  # type: ignore[arg-type]


def syringe() -> Item:
    return Item("SYR", "Syringe", ItemType.FINISHED_DEVICE, Unit.PCS, gtin="09506000134352", shelf_life_days=1095)


def approved(item: str = "RES", supplier: str = "ACME") -> SupplierApproval:
    return SupplierApproval(item, supplier, NOW)


def effective_record(*lines: tuple[Item, str, str]) -> MasterBatchRecord:
    record = MasterBatchRecord(syringe(), 1, "", NOW)
    for item, qty, tol in lines or ((resin(), "0.01", "5"),):
        record.add_line(item, D(qty), D(tol))
    record.make_effective(NOW, None)
    return record


def released(item: Item, qty: str = "100", lot_number: str = "R-1", expires_on: date | None = None) -> Lot:
    lot = Lot(lot_number, item, LotOrigin.RECEIVED, D(qty), NOW, expires_on=expires_on)
    lot.status = LotStatus.RELEASED
    lot.id = 1
    return lot
