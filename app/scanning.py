"""What a scan means at this site (DEVC-3, DEVC-4), and the actions a scan starts.

`interpret_scan` answers with one of four meanings, never an exception, so the status bar and the dialogs
stay linear:

- `OpenRecord`: our own lot, batch or shipment number (the Code 128 on our lot labels), or the GS1 data of
  one of our finished-device lots ((01) GTIN of the item and (10) lot number, as on our UDI labels);
- `ReceiptPrefill`: a supplier's GS1 label: the GTIN of an item we receive, their lot, expiry (day 00 is
  the month's last day), production date and count;
- `UnknownCode`: readable, but nothing of ours;
- `UnreadableScan`: a malformed GS1/HIBC barcode, with the parser's message naming what is wrong.

Supplier GTINs: an item's `gtin` is its own GTIN for what we make (the UDI device identifier) and the
supplier's GTIN for what we buy. An item bought from two suppliers with different GTINs needs one item per
GTIN for scanning to fill the receipt; a table of supplier GTINs per item can come when a site needs it.

The parser (devices.gs1.parse_barcode) is passed in as a `ScanParser`: `ctx.devices.scan_parser`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app import lots
from app.lots import LotView, Receipt, local_today
from app.ports import ScanParser, UnitOfWork
from domain.barcodes import GS, BarcodeData, BarcodeScheme, Scan, ScanError
from domain.errors import ValidationError
from domain.i18n import _
from domain.items import ApprovalStatus, Item
from domain.lots import LotStatus
from domain.users import Actor, Permission

# AIM symbology identifiers whose data is GS1 (or a bare GTIN): a failed parse there is a malformed GS1 scan.
_GS1_AIMS = ("]C1", "]d2", "]Q3", "]e0", "]J1", "]E0", "]E3", "]E4", "]I1")
_GS_STAND_INS = (GS, "<GS>", "{GS}", "[GS]", "<FNC1>", "^]", "\\x1d", "~1")


@dataclass(frozen=True)
class OpenRecord:
    kind: str  # "lot", "batch" or "shipment"
    number: str

    @property
    def message(self) -> str:
        return f"{self.kind.capitalize()} {self.number}"


@dataclass(frozen=True)
class ReceiptPrefill:
    item_code: str
    item_name: str
    gtin: str
    supplier_lot: str | None
    expires_on: date | None
    expiry_day_unspecified: bool  # the label gave only the month (day 00): expires_on is its last day
    manufactured_on: date | None
    quantity: int | None  # (30) or (37), when the label carries a count
    unit: str  # the item's unit
    approved_suppliers: tuple[str, ...]  # preselect when there is exactly one
    received_lots: tuple[str, ...]  # our lots already received with this supplier lot

    @property
    def message(self) -> str:
        lot = f", supplier lot {self.supplier_lot}" if self.supplier_lot else ""
        return f"Supplier label of {self.item_code} {self.item_name}{lot}"

    def receipt(self, supplier_code: str, quantity: str | Decimal | None = None, unit: str | None = None) -> Receipt:
        """The receipt this label fills in; the supplier (and the quantity, unless the label has it) come
        from the person receiving."""
        amount = quantity if quantity is not None else self.quantity
        if amount is None:
            raise ValidationError(_("the label carries no quantity: enter the quantity received"))
        if not self.supplier_lot:
            raise ValidationError(_("the label carries no lot number: enter the supplier's lot number"))
        return Receipt(self.item_code, supplier_code, self.supplier_lot, str(amount), unit or self.unit,
                       self.manufactured_on, self.expires_on)


@dataclass(frozen=True)
class UnknownCode:
    text: str
    message: str


@dataclass(frozen=True)
class UnreadableScan:
    message: str
    code: str


ScanMeaning = OpenRecord | ReceiptPrefill | UnknownCode | UnreadableScan


def interpret_scan(uow: UnitOfWork, actor: Actor, scan: Scan | str, parser: ScanParser) -> ScanMeaning:
    """What the scan names; see the module docstring for the four answers."""
    text, symbology = (scan.data, scan.symbology) if isinstance(scan, Scan) else (scan, None)
    plain = _without_aim(text.strip(" \r\n\t\0"))
    if not plain:
        return UnreadableScan("The scan is empty.", "scan_empty")
    with uow.acting_as(actor) as tx:
        own = _own_number(tx, plain)
        if own is not None:
            return own
        try:
            data = parser(text, symbology)
        except ScanError as error:
            if _looks_like_gs1(text, symbology):
                return UnreadableScan(str(error), error.code)
            return _unknown(plain)
        return _meaning(tx, data, plain)


def code_for_field(scan: Scan | str, parser: ScanParser, field: str) -> str:
    """What a scan puts into a form field that takes a code (DEVC-4): `field` "gtin" takes the GTIN of a GS1
    label (or the digits of a bare GTIN), "lot" the lot (10) of a GS1 label or the text of any other code.
    Refused with the reason when the scan holds no such code. No database: nothing is looked up."""
    text, symbology = (scan.data, scan.symbology) if isinstance(scan, Scan) else (scan, None)
    plain = _without_aim(text.strip(" \r\n\t\0"))
    if not plain:
        raise ValidationError(_("The scan is empty."))
    try:
        data = parser(text, symbology)
    except ScanError as error:
        if field == "gtin" and plain.isdigit() and len(plain) in (8, 12, 13, 14):
            return plain
        if field == "gtin" or _looks_like_gs1(text, symbology):
            raise ValidationError(str(error)) from error
        return plain
    code = data.gtin if field == "gtin" else (data.lot or (None if data.gtin else plain))
    if not code:
        raise ValidationError(_("The scanned label has no {value}.",
                                value='GTIN (01)' if field == 'gtin' else 'lot (10)'))
    return code


def scanned_lot(uow: UnitOfWork, actor: Actor, scan: Scan | str, parser: ScanParser) -> LotView:
    """The lot a scan names (our lot label or our UDI label); refused with the reason otherwise."""
    meaning = interpret_scan(uow, actor, scan, parser)
    if isinstance(meaning, OpenRecord) and meaning.kind == "lot":
        return lots.get_lot(uow, actor, meaning.number)
    raise ValidationError(_not_expected(meaning, "a lot label"))


def add_scanned_lot_to_shipment(uow: UnitOfWork, actor: Actor, scan: Scan | str, parser: ScanParser,
                                draft: Sequence[str] = ()) -> LotView:
    """Check that the scanned lot can go on the shipment being drafted (lot numbers in `draft`); the
    shipment itself is recorded by `app.shipments.ship`."""
    lot = scanned_lot(uow, actor, scan, parser)
    if lot.lot_number in draft:
        raise ValidationError(_("lot {lot_number} is already on this shipment", lot_number=lot.lot_number))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.SHIP)
        if lot.status != LotStatus.RELEASED.value:
            raise ValidationError(_("lot {lot_number} is {status}: only Released lots are shipped",
                                    lot_number=lot.lot_number, status=lot.status))
        if lot.expires_on is not None and lot.expires_on < local_today(tx):
            raise ValidationError(_("lot {lot_number} expired on {expires_on}",
                                    lot_number=lot.lot_number, expires_on=lot.expires_on))
    return lot


# --- internals ----------------------------------------------------------------------------------------


def _own_number(tx: UnitOfWork, text: str) -> OpenRecord | None:
    if len(text) > 40 or not text.isprintable():
        return None
    if tx.lots.by_number(text) is not None:
        return OpenRecord("lot", text)
    if tx.batches.by_number(text) is not None:
        return OpenRecord("batch", text)
    if tx.shipments.by_number(text) is not None:
        return OpenRecord("shipment", text)
    return None


def _meaning(tx: UnitOfWork, data: BarcodeData, plain: str) -> ScanMeaning:
    if data.lot:
        lot = tx.lots.by_number(data.lot)
        item = tx.master_data.item(lot.item_code) if lot is not None else None
        if lot is not None and item is not None and (data.gtin is None or item.gtin == data.gtin):
            return OpenRecord("lot", lot.lot_number)
    if data.scheme is BarcodeScheme.HIBC or data.gtin is None:
        what = f"HIBC label {data.device_identifier or ''}".rstrip() if data.scheme is BarcodeScheme.HIBC else "label"
        lot_text = f" (lot {data.lot})" if data.lot else ""
        return UnknownCode(plain, f"The {what}{lot_text} is not a BatchTrace lot, batch or known supplier GTIN.")
    item = tx.master_data.item_by_gtin(data.gtin)
    if item is None:
        return UnknownCode(plain, f"GTIN {data.gtin} is not a BatchTrace lot, batch or known supplier GTIN.")
    if item.item_type.produced:
        return UnknownCode(plain, f"Lot {data.lot or '(none)'} of {item.code} {item.name} (GTIN {data.gtin}) is not "
                                  "a BatchTrace lot.")
    return _prefill(tx, item, data)


def _prefill(tx: UnitOfWork, item: Item, data: BarcodeData) -> ReceiptPrefill:
    assert data.gtin is not None
    approved = tuple(a.supplier_code for a in tx.master_data.approvals(item.code)
                     if a.status is ApprovalStatus.APPROVED)
    received: tuple[str, ...] = ()
    if data.lot:
        received = tuple(lot.lot_number for lot in tx.lots.list(item_code=item.code, text=data.lot, limit=50)
                         if lot.supplier_lot == data.lot)
    return ReceiptPrefill(item.code, item.name, data.gtin, data.lot, data.expiry, data.expiry_day_unspecified,
                          data.production_date, data.quantity, item.unit.value, approved, received)


def _without_aim(text: str) -> str:
    """Our Code 128 lot labels read as ']C0' + the number when the scanner sends symbology identifiers."""
    return text[3:] if len(text) > 3 and text[0] == "]" and text[1].isalpha() else text


def _looks_like_gs1(text: str, symbology: str | None) -> bool:
    """A scan meant as GS1 or HIBC data, whose parse failure is worth its precise message."""
    head = text.strip()
    aim = head[:3] if head.startswith("]") else "]" + (symbology or "").lstrip("]")
    body = _without_aim(head)
    return (
        aim.startswith(_GS1_AIMS) or any(s in body for s in _GS_STAND_INS) or body.startswith(("(", "+", "http"))
        or (body[:2] == "01" and body[2:16].isdigit() and len(body) >= 16)
    )


def _unknown(text: str) -> UnknownCode:
    shown = text if len(text) <= 40 and text.isprintable() else repr(text[:40])
    return UnknownCode(text, f"'{shown}' is not a BatchTrace lot, batch or known supplier GTIN.")


def _not_expected(meaning: ScanMeaning, wanted: str) -> str:
    if isinstance(meaning, OpenRecord | ReceiptPrefill):
        return f"{meaning.message} is not {wanted}."
    return meaning.message
