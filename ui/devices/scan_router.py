"""Routes every scan to what it names, in the place the user is working (DEVC-4).

Scans come from the keyboard-wedge filter, from HID POS scanners (through `ui.devices.scanner_bridge`) and from
the simulator, all as `submit(scan)` on the GUI thread. Each is interpreted off the GUI thread
(`app.scanning.interpret_scan` on the runner's database thread), then acted on where the user was when it
arrived:

- the receiving dialog: a supplier's GS1 label fills item, supplier lot, dates and count;
- the material issue dialog: our lot or UDI label fills the lot; the user checks the quantity and issues;
- the new shipment dialog: the lot is checked (`app.scanning.add_scanned_lot_to_shipment`) and added as a line;
- no dialog: our lot, batch or shipment opens on its page (`open_requested`);
- a form field that takes a code (marked `scanField` "gtin" or "lot": an item's GTIN, a supplier lot) and has
  the focus: the code goes into that field (`app.scanning.code_for_field`), in any dialog;
- another dialog (a reason, a signature, the lock): the scan is not used, not looked up and not repeated (it
  may have been a password typed fast), and the status bar says so.

Codes that are not ours, or unreadable, are said in the status bar (`message`) and in the open dialog.
Scans are never dropped: while one is being interpreted the next ones wait, in order.
"""

from __future__ import annotations

from collections import deque
from functools import partial
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from app import scanning
from app.lots import LotView
from app.scanning import OpenRecord, ReceiptPrefill, ScanMeaning
from domain.barcodes import Scan
from domain.errors import ValidationError
from domain.users import Actor
from ui.batches.issue_material_dialog import IssueMaterialDialog
from ui.lots.receive_lot_dialog import ReceiveLotDialog
from ui.shell.task_runner import Runner, user_message
from ui.shipments.new_shipment_dialog import NewShipmentDialog
from ui.widgets.message_label import MessageLabel

if TYPE_CHECKING:
    from app.services import Services


_SCAN_DIALOGS = (ReceiveLotDialog, IssueMaterialDialog, NewShipmentDialog)


class ScanRouter(QObject):
    """`open_requested(kind, number)`: show that record; `message(text, problem)`: for the status bar;
    `routed(scan, text)`: a scan was dealt with (what the user was told), for tests and the benchmark."""

    open_requested = Signal(str, str)
    message = Signal(str, bool)
    routed = Signal(object, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self._waiting: deque[tuple[Scan, QWidget | None]] = deque()
        self._busy = False

    @property
    def pending(self) -> int:
        """Scans received and not yet dealt with (the one being interpreted included)."""
        return len(self._waiting) + (1 if self._busy else 0)

    def submit(self, scan: Scan) -> None:
        """A scan arrived (GUI thread). Where it goes is decided now: the dialog in front when it was scanned."""
        self._waiting.append((scan, QApplication.activeModalWidget()))
        if not self._busy:
            self._next()

    # --- the queue ------------------------------------------------------------------------------------------
    def _next(self) -> None:
        if not self._waiting:
            return
        self._busy = True
        scan, target = self._waiting.popleft()
        field = code_field(target)
        if field is not None and not isinstance(target, _SCAN_DIALOGS):
            self._into_field(scan, target, field)
            return
        if target is not None and not isinstance(target, _SCAN_DIALOGS):
            # Neither looked up nor repeated: typed fast into a password field, it would be a password.
            self._finish(scan, self.tr("A scan arrived while the window \"{title}\" was open and was not used: "
                                       "finish that window and scan again.").format(title=target.windowTitle()), True)
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: scanning.interpret_scan(ctx.read_uow(), actor, scan, ctx.devices.scan_parser),
                        on_done=partial(self._interpreted, scan, target),
                        on_error=partial(self._not_looked_up, scan, target))

    def _finish(self, scan: Scan, text: str, problem: bool, target: QWidget | None = None) -> None:
        if text:
            self.message.emit(text, problem)
            line = self._dialog_message(target)
            if line is not None and problem:
                line.show_error(text)
        self._busy = False
        self.routed.emit(scan, text)
        self._next()

    def _not_looked_up(self, scan: Scan, target: QWidget | None, error: Exception) -> None:
        """Said where the scan was aimed (the dialog or the main window), as every scan's outcome is."""
        self._finish(scan, self.tr("The scan could not be looked up: {error}").format(error=user_message(error)),
                     True, target)

    # --- acting on a scan -----------------------------------------------------------------------------------
    def _interpreted(self, scan: Scan, target: QWidget | None, meaning: ScanMeaning) -> None:
        if target is not None and not (shiboken6.isValid(target) and target.isVisible()):
            self._finish(scan, self.tr("{what}: scanned into a dialog that has closed since; not used.").format(
                what=meaning.message), True)
        elif isinstance(target, ReceiveLotDialog):
            self._into_receipt(scan, target, meaning)
        elif isinstance(target, IssueMaterialDialog):
            self._into_issue(scan, target, meaning)
        elif isinstance(target, NewShipmentDialog):
            self._into_shipment(scan, target, meaning)
        else:
            self._in_window(scan, meaning)

    def _in_window(self, scan: Scan, meaning: ScanMeaning) -> None:
        if isinstance(meaning, OpenRecord):
            self.open_requested.emit(meaning.kind, meaning.number)
            self._finish(scan, self.tr("Scanned: {what}").format(what=self._record_text(meaning)), False)
        elif isinstance(meaning, ReceiptPrefill):
            self._finish(scan, self.tr("{what}: to receive it, choose Receive lot... on the Lots page and scan it "
                                       "there.").format(what=meaning.message), False)
        else:
            self._finish(scan, meaning.message, True)

    def _into_field(self, scan: Scan, dialog: QWidget | None, field: QLineEdit) -> None:
        """A code for the focused field: parsed here (no lookup), put into the field; refused with the reason."""
        try:
            code = scanning.code_for_field(scan, self.ctx.devices.scan_parser, str(field.property("scanField")))
        except ValidationError as error:
            self._finish(scan, user_message(error), True, dialog)
            return
        field.setText(code)
        self._finish(scan, self.tr("Scanned into the field: {code}").format(code=code), False)

    def _into_receipt(self, scan: Scan, dialog: ReceiveLotDialog, meaning: ScanMeaning) -> None:
        field = code_field(dialog)
        if not isinstance(meaning, ReceiptPrefill) and not isinstance(meaning, OpenRecord) and field is not None:
            self._into_field(scan, dialog, field)  # a supplier's own lot barcode scanned into the supplier lot
            return
        if not isinstance(meaning, ReceiptPrefill):
            self._finish(scan, self._not_expected(meaning, self.tr("a supplier's label")), True, dialog)
            return
        filled = dialog.fill_from_scan(meaning.gtin, meaning.supplier_lot, meaning.expires_on,
                                       manufactured_on=meaning.manufactured_on, quantity=meaning.quantity,
                                       received_before=meaning.received_lots)
        if filled is not False:  # None: the items are still loading, the dialog fills in when they arrive
            self._finish(scan, self.tr("Scanned into the receipt: {what}").format(what=meaning.message), False)
        else:
            self._finish(scan, dialog.message.text(), True)

    def _into_issue(self, scan: Scan, dialog: IssueMaterialDialog, meaning: ScanMeaning) -> None:
        if not (isinstance(meaning, OpenRecord) and meaning.kind == "lot"):
            self._finish(scan, self._not_expected(meaning, self.tr("a lot label")), True, dialog)
            return
        dialog.fill_lot(meaning.number)
        dialog.message.show_info(self.tr("Lot {n} scanned: check the quantity, then {action}.").format(
            n=meaning.number, action=dialog.ok_button.text()))
        self._finish(scan, self.tr("Scanned into batch {batch}: lot {n}").format(batch=dialog.batch_number,
                                                                              n=meaning.number), False)

    def _into_shipment(self, scan: Scan, dialog: NewShipmentDialog, meaning: ScanMeaning) -> None:
        if not (isinstance(meaning, OpenRecord) and meaning.kind == "lot"):
            self._finish(scan, self._not_expected(meaning, self.tr("a lot label")), True, dialog)
            return
        ctx, actor, number = self.ctx, self.actor, meaning.number
        draft = [line.lot_number for line in dialog.lines]
        self.runner.run(
            lambda: scanning.add_scanned_lot_to_shipment(ctx.read_uow(), actor, number, ctx.devices.scan_parser,
                                                         draft),
            on_done=partial(self._shippable, scan, dialog), on_error=partial(self._not_shippable, scan, dialog))

    def _shippable(self, scan: Scan, dialog: NewShipmentDialog, lot: LotView) -> None:
        if shiboken6.isValid(dialog) and dialog.isVisible():
            dialog.add_scanned_lot(lot)
        self._finish(scan, self.tr("Scanned onto the shipment: lot {n}").format(n=lot.lot_number), False)

    def _not_shippable(self, scan: Scan, dialog: NewShipmentDialog, error: Exception) -> None:
        self._finish(scan, user_message(error), True, dialog)

    # --- texts ----------------------------------------------------------------------------------------------
    def _record_text(self, meaning: OpenRecord) -> str:
        return {"lot": self.tr("lot {n}"), "batch": self.tr("batch {n}"),
                "shipment": self.tr("shipment {n}")}.get(meaning.kind, meaning.message).format(n=meaning.number)

    def _not_expected(self, meaning: ScanMeaning, wanted: str) -> str:
        if isinstance(meaning, OpenRecord | ReceiptPrefill):
            return self.tr("{what} is not {wanted}.").format(what=meaning.message, wanted=wanted)
        return meaning.message

    @staticmethod
    def _dialog_message(target: QWidget | None) -> MessageLabel | None:
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            return None
        line = getattr(target, "message", None)
        return line if isinstance(line, MessageLabel) else None


def code_field(dialog: QWidget | None) -> QLineEdit | None:
    """The focused field of `dialog` when it takes a scanned code (its `scanField` property says which)."""
    if dialog is None or not shiboken6.isValid(dialog):
        return None
    focus = dialog.focusWidget()
    if isinstance(focus, QLineEdit) and focus.property("scanField") in ("gtin", "lot") and focus.isEnabled():
        return focus
    return None
