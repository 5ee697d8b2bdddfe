"""Receiving a lot (LOT-2, LOT-4): item, approved supplier, supplier lot, quantity, unit and dates.

The lot is created in Quarantine by `app.lots.receive_lot`; a refusal (unapproved supplier, expiry before
receipt, a unit that does not fit) is shown under the form, which stays filled so the user can correct it.
`fill_from_scan` is the seam the scan router calls with what a GS1 barcode carries (DEVC-4); `labels` is the
seam for label printing (LOT-4), passed through to the use case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app import lots, masterdata
from app.lots import LabelPrinting, LotView, Receipt
from app.masterdata import ApprovalView, ItemView, SupplierView
from domain.errors import DomainError
from domain.gtin import normalise_gtin14
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date_edit import OptionalDateEdit
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


# gtin, supplier lot, expiry, manufactured on, count, our lots with that supplier lot
_Scanned = tuple[str, str | None, date | None, date | None, int | None, tuple[str, ...]]


@dataclass(frozen=True)
class _MasterData:
    items: list[ItemView]
    suppliers: list[SupplierView]
    approvals: list[ApprovalView]


def _load(ctx: Services, actor: Actor) -> _MasterData:
    return _MasterData(masterdata.list_items(ctx.read_uow(), actor), masterdata.list_suppliers(ctx.read_uow(), actor),
                       masterdata.list_approvals(ctx.read_uow(), actor))


class ReceiveLotDialog(FormDialog[LotView]):
    """`ask(...)`: the received lot (in Quarantine), or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, *, labels: LabelPrinting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="receiveLot", title=self.tr("Receive lot"),
                         ok_text=self.tr("Receive into quarantine"), parent=parent)
        self.ctx, self.actor, self.labels = ctx, actor, labels
        self._data = _MasterData([], [], [])
        self._pending_scan: _Scanned | None = None
        self.item = QComboBox()
        self.item.setObjectName("receiveItem")
        self.item.setPlaceholderText(self.tr("Choose the item…"))  # never a preselected guess
        self.item.currentIndexChanged.connect(self._item_changed)
        self.supplier = QComboBox()
        self.supplier.setObjectName("receiveSupplier")
        self.supplier.setPlaceholderText(self.tr("Choose the supplier…"))
        self.item_note = QLabel()
        self.item_note.setObjectName("receiveItemNote")
        self.item_note.setWordWrap(True)
        self.supplier_lot = line_edit("supplierLot", self.tr("the lot number on the supplier's label"))
        self.supplier_lot.setProperty("scanField", "lot")  # a supplier's plain lot barcode fills it in
        self.quantity = line_edit("receiveQuantity", self.tr("e.g. 25 or 12.5"))
        self.unit = QComboBox()
        self.unit.setObjectName("receiveUnit")
        for unit in Unit:
            self.unit.addItem(unit.value, unit.value)
        self.manufactured_on = OptionalDateEdit("manufacturedOn")
        self.expires_on = OptionalDateEdit("expiresOn")
        self.expires_on.changed.connect(self._check_expiry)
        self.expiry_note = QLabel()
        self.expiry_note.setObjectName("receiveExpiryNote")
        self.expiry_note.setWordWrap(True)
        self.expiry_note.setStyleSheet("color: #b00020; font-weight: bold;")
        self.expiry_note.setVisible(False)
        for caption, field in ((self.tr("Item"), self.item), ("", self.item_note),
                               (self.tr("Supplier"), self.supplier), (self.tr("Supplier lot"), self.supplier_lot),
                               (self.tr("Quantity"), self.quantity), (self.tr("Unit"), self.unit),
                               (self.tr("Manufactured on"), self.manufactured_on),
                               (self.tr("Expires on"), self.expires_on), ("", self.expiry_note)):
            self.add_row(caption, field)
        self.finish()
        self.ok_button.setEnabled(False)  # until the master data is loaded
        self.load(lambda: _load(ctx, actor), self._loaded)

    # --- master data --------------------------------------------------------------------------------
    def _loaded(self, data: _MasterData) -> None:
        self._data = data
        self.item.blockSignals(True)
        self.item.clear()
        for view in data.items:
            if not ItemType(view.item_type).produced:  # made in our own batches, never received
                self.item.addItem(f"{view.code} — {view.name}", view.code)
        self.item.setCurrentIndex(-1)  # the user chooses (or a scan does): no first item taken for granted
        self.item.blockSignals(False)
        self._item_changed()
        self.ok_button.setEnabled(self.item.count() > 0)
        if self.item.count() == 0:
            self.message.show_error(self.tr("No item can be received: create a raw material, component or "
                                            "packaging item first."))
        if self._pending_scan is not None:
            gtin, lot, expiry, made, quantity, before = self._pending_scan
            self.fill_from_scan(gtin, lot, expiry, manufactured_on=made, quantity=quantity, received_before=before)

    def item_view(self) -> ItemView | None:
        code = self.item.currentData()
        return next((v for v in self._data.items if v.code == code), None)

    def _item_changed(self) -> None:
        view = self.item_view()
        self.supplier.clear()
        if view is None:
            self.item_note.clear()
            return
        names = {s.code: s.name for s in self._data.suppliers if s.active}
        approved = sorted(a.supplier_code for a in self._data.approvals
                          if a.item_code == view.code and a.status == ApprovalStatus.APPROVED.value
                          and a.supplier_code in names)
        for code in approved:
            self.supplier.addItem(f"{code} — {names[code]}", code)
        # The only approved supplier is no guess; among several the user chooses.
        self.supplier.setCurrentIndex(0 if len(approved) == 1 else -1)
        self.unit.setCurrentIndex(max(self.unit.findData(view.unit), 0))
        notes = []
        if not approved:
            notes.append(self.tr("No supplier is approved for this item: QA must approve one first."))
        if view.shelf_life_days:
            notes.append(self.tr("Shelf life {days} days: give the expiry or the manufacture date.")
                         .format(days=view.shelf_life_days))
        if view.storage_condition:
            notes.append(self.tr("Store: {condition}").format(condition=view.storage_condition))
        self.item_note.setText("\n".join(notes))

    def _check_expiry(self) -> None:
        """An expired lot is said as its date fills in (typed or scanned), not only when receiving is refused."""
        expiry, today = self.expires_on.value(), date.today()
        if expiry is not None and expiry < today:
            self.expiry_note.setText(self.tr("Expired on {day}: an expired lot cannot be received. Check the "
                                             "label; reject the delivery if it is right.").format(day=expiry))
        elif expiry is not None and (expiry - today).days <= 30:
            self.expiry_note.setText(self.tr("Expires in {days} days ({day}).").format(
                days=(expiry - today).days, day=expiry))
        else:
            self.expiry_note.clear()
        self.expiry_note.setVisible(bool(self.expiry_note.text()))

    # --- the scanner seam ---------------------------------------------------------------------------
    def fill_from_scan(self, gtin: str, lot: str | None, expiry: date | None, *, manufactured_on: date | None = None,
                       quantity: int | None = None, received_before: Sequence[str] = ()) -> bool | None:
        """Fill item, supplier lot and dates (and the count, when the label has one) from a scanned GS1 barcode;
        False (with the reason shown) when no receivable item has the GTIN. Called by the scan router
        (ui/devices/scan_router.py); a scan before the item list has loaded is applied when it arrives (None).
        `received_before` names our lots already received with this supplier lot: the user is warned."""
        if not self._data.items:
            self._pending_scan = (gtin, lot, expiry, manufactured_on, quantity, tuple(received_before))
            return None
        self._pending_scan = None
        try:
            wanted = normalise_gtin14(gtin)
        except DomainError as error:
            self.message.show_error(str(error))
            return False
        view = next((v for v in self._data.items if v.gtin == wanted), None)
        row = self.item.findData(view.code) if view is not None else -1
        if row < 0:
            self.message.show_error(self.tr("No item that is received has GTIN {gtin}.").format(gtin=wanted))
            return False
        self.item.setCurrentIndex(row)
        if lot:
            self.supplier_lot.setText(lot)
        if expiry is not None:
            self.expires_on.set_value(expiry)
        if manufactured_on is not None:
            self.manufactured_on.set_value(manufactured_on)
        if quantity is not None:
            self.quantity.setText(str(quantity))
        if received_before:
            self.message.show_error(self.tr("Supplier lot {lot} was received before as lot {lots}: check that this "
                                            "is not the same delivery.").format(lot=lot,
                                                                                lots=", ".join(received_before)))
        elif quantity is None:
            self.message.show_info(self.tr("Filled from the scan: check the supplier and type the quantity."))
        else:
            self.message.show_info(self.tr("Filled from the scan: check the supplier and the quantity."))
        self.quantity.setFocus()
        self.quantity.selectAll()
        return True

    # --- receiving ----------------------------------------------------------------------------------
    def receipt(self) -> Receipt:
        return Receipt(self.item.currentData() or "", self.supplier.currentData() or "", self.supplier_lot.text(),
                       self.quantity.text(), self.unit.currentData() or "",
                       manufactured_on=self.manufactured_on.value(), expires_on=self.expires_on.value())

    def submit(self) -> None:
        if self.item.currentData() is None:
            self.fail(self.tr("Choose the item."))
            return
        if self.supplier.currentData() is None:
            self.fail(self.tr("Choose the supplier.") if self.supplier.count() else self.tr(
                "Choose an approved supplier: none is approved for this item."))
            return
        receipt, ctx, actor, labels = self.receipt(), self.ctx, self.actor, self.labels
        self.run(lambda: lots.receive_lot(ctx.uow(), actor, receipt, labels))

    def fail(self, error: Exception | str) -> None:
        super().fail(error)
        self.ok_button.setEnabled(self.item.count() > 0)  # nothing to receive before an item can be chosen
