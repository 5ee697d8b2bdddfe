"""Barcodes to try the scanners with, made from this site's own data (the scanner simulator window, the demo).

Three samples, each as a scanner sends it (AIM symbology identifier first, GS between elements):

- a supplier's GS1 DataMatrix for an item we receive that has a GTIN (a raw material first): (01) the
  item's GTIN, (10) a supplier lot, GS, (11) production and (17) expiry dates, and (30) a count for items
  counted in pieces. Scanned in the receiving dialog it fills item, supplier lot and dates (DEVC-4);
- our most recent lot's label: its number, as the Code 128 on our material lot labels reads;
- our most recent finished-device lot's UDI: the GS1 DataMatrix of our UDI label.

A sample is None when the site has nothing to make it from (no item with a GTIN, no lot yet).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.lots import local_today
from app.ports import UnitOfWork
from domain.barcodes import GS, Gs1Element, check_element, element_string, udi_elements
from domain.items import ApprovalStatus, Item, ItemType
from domain.quantities import Unit
from domain.users import Actor

DATAMATRIX = "]d2"  # AIM: Data Matrix, ECC 200, FNC1 in first position (GS1)
CODE128 = "]C0"  # AIM: Code 128, no FNC1
_PREFERENCE = (ItemType.RAW_MATERIAL, ItemType.COMPONENT, ItemType.PACKAGING)


@dataclass(frozen=True)
class SampleScan:
    symbology: str  # the AIM identifier a scanner puts in front (wedge) or reports beside the data (HID)
    data: str  # what the barcode carries, GS separators included
    subject: str  # what it is of: an item code, a lot number

    @property
    def text(self) -> str:
        """As a keyboard-wedge scanner that transmits AIM identifiers types it."""
        return self.symbology + self.data


@dataclass(frozen=True)
class SampleScans:
    supplier_label: SampleScan | None
    last_lot: SampleScan | None
    finished_udi: SampleScan | None


def sample_scans(uow: UnitOfWork, actor: Actor) -> SampleScans:
    with uow.acting_as(actor) as tx:
        today = local_today(tx)
        items = {item.code: item for item in tx.master_data.items()}
        receivable = sorted(
            (item for item in items.values()
             if item.gtin and item.active and item.item_type in _PREFERENCE and _approved(tx, item)),
            key=lambda item: (_PREFERENCE.index(item.item_type), item.code),
        )
        supplier = _supplier_label(receivable[0], today) if receivable else None
        newest = tx.lots.list(limit=1)
        last = SampleScan(CODE128, newest[0].lot_number, newest[0].lot_number) if newest else None
        udi = None
        for lot in tx.lots.list(limit=200):
            item = items.get(lot.item_code)
            if item is not None and item.item_type is ItemType.FINISHED_DEVICE and item.gtin:
                elements = udi_elements(item.gtin, lot=lot.lot_number, expiry=lot.expires_on,
                                        production_date=lot.manufactured_on)
                udi = SampleScan(DATAMATRIX, element_string(elements), lot.lot_number)
                break
        return SampleScans(supplier, last, udi)


def _approved(tx: UnitOfWork, item: Item) -> bool:
    return any(a.status is ApprovalStatus.APPROVED for a in tx.master_data.approvals(item.code))


def _supplier_label(item: Item, today: date) -> SampleScan:
    assert item.gtin is not None
    made = today - timedelta(days=10)
    expires = made + timedelta(days=item.shelf_life_days or 730)
    elements = [Gs1Element("01", item.gtin), Gs1Element("10", f"S{today:%y%m%d}-{item.code[:6]}".upper()),
                Gs1Element("11", f"{made:%y%m%d}"), Gs1Element("17", f"{expires:%y%m%d}")]
    if item.unit is Unit.PCS:
        elements.append(Gs1Element("30", "500"))
    for element in elements:
        check_element(element)
    data = element_string(elements)
    assert GS in data  # the lot is variable-length and not last: the separator a scanner sends must be there
    return SampleScan(DATAMATRIX, data, item.code)
