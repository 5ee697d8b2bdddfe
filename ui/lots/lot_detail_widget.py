"""One lot's data and the status changes this user may make (LOT-5), each with a reason (AUD-4).

Release and rejection are signed (SIG-5), never done by hand: with a `signer` (the signature dialog) they are
offered as "Sign: ..." buttons; without one, the pane says which signatures they need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app import lots
from app.lots import LotView
from domain.documents import DocumentKind
from domain.lots import LOT_WORKFLOW, LotStatus
from domain.users import Actor
from ui.documents.document_button import DocumentButton
from ui.labels.lot_label_buttons import LotLabelButtons
from ui.shell.changes import LOT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.signatures.signature_list_widget import SignatureListWidget
from ui.widgets.detail_pane import DetailPane
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.status_names import backed_status_name, status_name
from ui.widgets.widget_parts import (
    Signer,
    add_sign_buttons,
    date_text,
    push_button,
    quantity_text,
    retire,
    signed_transitions,
    time_text,
)

if TYPE_CHECKING:
    from app.services import Services

_FIELDS = ("number", "item", "status", "stock", "origin", "supplier", "manufactured", "expires", "created")


class LotDetailWidget(DetailPane[LotView]):
    """`open_record("trace", number)` asks the window to trace the lot."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="lot", title=self.tr("Lot"), kinds=(LOT,), parent=parent,
                         empty_text=self.tr("Select a lot to see its data and what you may do with it."))
        self.ctx, self.actor, self.signer = ctx, actor, signer
        captions = (self.tr("Lot number"), self.tr("Item"), self.tr("Status"), self.tr("Stock"), self.tr("Origin"),
                    self.tr("Supplier / supplier lot"), self.tr("Manufactured on"), self.tr("Expires on"),
                    self.tr("Created"))
        for name, caption in zip(_FIELDS, captions, strict=True):
            self.add_field(name, caption, wrap=name not in ("number", "item"))
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[LotStatus, QPushButton] = {}
        self.sign_buttons: dict[LotStatus, QPushButton] = {}
        self.signature_note = QLabel()
        self.signature_note.setObjectName("lotSignatures")
        self.signature_note.setWordWrap(True)
        self.signature_list = SignatureListWidget(ctx, runner, actor)  # SIG-2, SIG-3: who signed, still valid?
        self.trace_button = push_button(self.tr("Trace..."), "traceLot", self._trace)
        self.label_buttons = LotLabelButtons(ctx, runner, actor)  # LOT-4, DEVC-5, DEVC-6: print, preview, reprint
        self.coa_button = DocumentButton(ctx, runner, actor, DocumentKind.CERTIFICATE,
                                         self.tr("Certificate of analysis..."), "lotCertificate")  # DOC-2
        self.coa_button.issued.connect(self.message.show_info)
        self.coa_button.failed.connect(self.message.show_error)
        document_row = QHBoxLayout()
        document_row.addWidget(self.coa_button)
        document_row.addStretch(1)
        for part in (self.actions_row, self.signature_note, self.signature_list, self.label_buttons, document_row):
            if isinstance(part, QWidget):
                self.body.addWidget(part)
            else:
                self.body.addLayout(part)
        self.finish()

    # --- showing ------------------------------------------------------------------------------------
    def fetch(self, number: str) -> Callable[[], LotView]:
        ctx, actor = self.ctx, self.actor
        return lambda: lots.get_lot(ctx.read_uow(), actor, number)

    def present(self, lot: LotView | None) -> None:
        released = lot is not None and lot.status == LotStatus.RELEASED.value and lot.status_problem is None
        self.coa_button.set_subject(lot.lot_number if lot is not None and released else None)
        if lot is not None:
            supplier = " / ".join(p for p in (lot.supplier_code, lot.supplier_lot) if p)
            self.set_values(
                number=lot.lot_number, item=lot.item_code, status=backed_status_name(lot.status, lot.status_problem),
                stock=self.tr("{on_hand} of {quantity} {unit} on hand").format(
                    on_hand=quantity_text(lot.on_hand), quantity=quantity_text(lot.quantity), unit=lot.unit),
                origin=status_name(lot.origin), supplier=supplier or self.tr("(produced here)"),
                manufactured=date_text(lot.manufactured_on) or self.tr("(none)"),
                expires=date_text(lot.expires_on) or self.tr("(none)"), created=time_text(lot.created_at),
            )
        if lot is None:
            self.signature_list.clear()
        else:
            self.signature_list.show_record("lot", lot.lot_number, lot.status)
        self.label_buttons.show_lot(lot)
        self._rebuild_actions()

    def _rebuild_actions(self) -> None:
        while self.actions_row.count():
            widget = self.actions_row.takeAt(0).widget()
            if widget is not None and widget is not self.trace_button:
                retire(widget)
        self.action_buttons, self.sign_buttons = {}, {}
        self.signature_note.clear()
        self.signature_note.setVisible(False)
        if self.record is None:
            self.trace_button.setVisible(False)
            return
        status = LotStatus(self.record.status)
        signed = signed_transitions(LOT_WORKFLOW, status, self.actor)
        # Only what this user may do now; the service checks again (ACC-4).
        for target in lots.allowed_lot_actions(self.actor, status):
            if LOT_WORKFLOW.find(status, target).signatures:
                continue  # signed, never by hand
            button = push_button(self._action_text(target), f"lotAction_{target.name}",
                                 lambda t=target: self.change_status(t))
            self.actions_row.addWidget(button)
            self.action_buttons[target] = button
        self.sign_buttons, note = add_sign_buttons(self, self.actions_row, signed,
                                                   signing=self.signer is not None, name_prefix="lot",
                                                   sign=self.sign)
        self.signature_note.setText(note)
        self.signature_note.setVisible(bool(note))
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(self.trace_button)
        self.trace_button.setVisible(True)

    def _action_text(self, target: LotStatus) -> str:
        return {
            LotStatus.RELEASED: self.tr("Release..."),
            LotStatus.REJECTED: self.tr("Reject..."),
            LotStatus.ON_HOLD: self.tr("Put on hold..."),
            LotStatus.QUARANTINE: self.tr("Return to quarantine..."),
        }.get(target, status_name(target.value))

    def _question(self, target: LotStatus, number: str) -> str:
        return {
            LotStatus.RELEASED: self.tr("Release lot {n}? It can then be issued to batches and shipped."),
            LotStatus.REJECTED: self.tr("Reject lot {n}? A rejected lot can never be used."),
            LotStatus.ON_HOLD: self.tr("Put lot {n} on hold? It cannot be used until it is released again."),
            LotStatus.QUARANTINE: self.tr("Return lot {n} to quarantine?"),
        }.get(target, self.tr("Change lot {n} to {status}?")).format(n=number, status=status_name(target.value))

    # --- acting -------------------------------------------------------------------------------------
    def change_status(self, target: LotStatus) -> None:
        lot = self.record
        if lot is None:
            return
        reason = ReasonDialog.ask(self._question(target, lot.lot_number), self)
        if reason is None:
            return
        ctx, actor, number = self.ctx, self.actor, lot.lot_number
        self.message.clear_message()
        self.runner.run(lambda: lots.change_lot_status(ctx.uow(), actor, number, target, reason),
                        on_done=self._status_changed, on_error=self._change_failed)

    def sign(self, target: LotStatus) -> None:
        """Open the signature dialog (the `signer`) for a signed transition; it writes, this pane refreshes."""
        lot = self.record
        if lot is None or self.signer is None:
            return
        said = self.signer(self, "lot", lot.lot_number, target)
        if said is None:
            return
        self.message.show_info(said)
        self.changes.announce(Changes.of(LOT, numbers=[lot.lot_number]))

    def _status_changed(self, lot: LotView) -> None:
        self.message.show_info(self.tr("Lot {n} is now {status}.").format(n=lot.lot_number,
                                                                          status=status_name(lot.status)))
        self.changes.announce(Changes.of(LOT, numbers=[lot.lot_number]))

    def _change_failed(self, error: Exception) -> None:
        self.show_error(error)
        if self.record is not None:  # an expired lot is blocked even though the change was refused
            self.changes.announce(Changes.of(LOT, numbers=[self.record.lot_number]))

    def _trace(self) -> None:
        if self.record is not None:
            self.open_record.emit("trace", self.record.lot_number)
