"""One lot's data and the status changes this user may make (LOT-5), each with a reason (AUD-4).

Release and rejection are signed (SIG-5), never done by hand: with a `signer` (the signature dialog) they are
offered as "Sign: ..." buttons; without one, the pane says which signatures they need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import lots
from app.lots import LotView
from domain.documents import DocumentKind
from domain.lots import LOT_WORKFLOW, LotStatus
from domain.users import Actor
from ui.documents.document_button import DocumentButton
from ui.labels.lot_label_buttons import LotLabelButtons
from ui.shell.changes import LOT, ChangeHub, Changes
from ui.shell.task_runner import Runner, user_message
from ui.signatures.signature_list_widget import SignatureListWidget
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.status_names import status_name
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


class LotDetailWidget(QGroupBox):
    """`open_record("trace", number)` asks the window to trace the lot."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotDetail")
        self.setTitle(self.tr("Lot"))
        self.ctx, self.runner, self.actor, self.changes, self.signer = ctx, runner, actor, changes, signer
        self.lot: LotView | None = None
        self._number: str | None = None
        form = QFormLayout()
        captions = (self.tr("Lot number"), self.tr("Item"), self.tr("Status"), self.tr("Stock"), self.tr("Origin"),
                    self.tr("Supplier / supplier lot"), self.tr("Manufactured on"), self.tr("Expires on"),
                    self.tr("Created"))
        self.values: dict[str, QLabel] = {}
        for name, caption in zip(_FIELDS, captions, strict=True):
            label = QLabel()
            label.setObjectName(f"lot_{name}")
            label.setWordWrap(name not in ("number", "item"))  # identifiers are never broken at their hyphens
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = label
            form.addRow(caption, label)
        self.empty = QLabel(self.tr("Select a lot to see its data and what you may do with it."))
        self.empty.setObjectName("lotDetailEmpty")
        self.empty.setWordWrap(True)
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[LotStatus, QPushButton] = {}
        self.sign_buttons: dict[LotStatus, QPushButton] = {}
        self.signature_note = QLabel()
        self.signature_note.setObjectName("lotSignatures")
        self.signature_note.setWordWrap(True)
        self.signature_list = SignatureListWidget(ctx, runner, actor)  # SIG-2, SIG-3: who signed, still valid?
        self.trace_button = push_button(self.tr("Trace..."), "traceLot", self._trace)
        self.label_buttons = LotLabelButtons(ctx, runner, actor)  # LOT-4, DEVC-5, DEVC-6: print, preview, reprint
        self.message = MessageLabel(self, object_name="lotDetailMessage")
        self.coa_button = DocumentButton(ctx, runner, actor, DocumentKind.CERTIFICATE,
                                         self.tr("Certificate of analysis..."), "lotCertificate")  # DOC-2
        self.coa_button.issued.connect(self.message.show_info)
        self.coa_button.failed.connect(self.message.show_error)
        document_row = QHBoxLayout()
        document_row.addWidget(self.coa_button)
        document_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.signature_note)
        layout.addWidget(self.signature_list)
        layout.addWidget(self.label_buttons)
        layout.addLayout(document_row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        changes.changed.connect(self._changed)
        self._show(None)

    # --- showing ------------------------------------------------------------------------------------
    def show_lot(self, number: str | None) -> None:
        if number != self._number:  # the same lot again (a refresh) keeps what the last action said
            self.message.clear_message()
        self._number = number
        if number is None:
            self._show(None)
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: lots.get_lot(ctx.read_uow(), actor, number), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, lot: LotView) -> None:
        if lot.lot_number == self._number:
            self._show(lot)

    def _changed(self, changes: Changes) -> None:
        if self._number is not None and changes.touches(LOT):
            self.show_lot(self._number)

    def _show(self, lot: LotView | None) -> None:
        self.lot = lot
        released = lot is not None and lot.status == LotStatus.RELEASED.value
        self.coa_button.set_subject(lot.lot_number if lot is not None and released else None)
        self.empty.setVisible(lot is None)
        texts = dict.fromkeys(_FIELDS, "")
        if lot is not None:
            supplier = " / ".join(p for p in (lot.supplier_code, lot.supplier_lot) if p)
            texts.update(
                number=lot.lot_number, item=lot.item_code, status=status_name(lot.status),
                stock=self.tr("{on_hand} of {quantity} {unit} on hand").format(
                    on_hand=quantity_text(lot.on_hand), quantity=quantity_text(lot.quantity), unit=lot.unit),
                origin=status_name(lot.origin), supplier=supplier or self.tr("(produced here)"),
                manufactured=date_text(lot.manufactured_on) or self.tr("(none)"),
                expires=date_text(lot.expires_on) or self.tr("(none)"), created=time_text(lot.created_at),
            )
        for name, label in self.values.items():
            label.setText(texts[name])
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
        if self.lot is None:
            self.trace_button.setVisible(False)
            return
        status = LotStatus(self.lot.status)
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
        lot = self.lot
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
        lot = self.lot
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
        self.message.show_error(user_message(error))
        if self.lot is not None:  # an expired lot is blocked even though the change was refused
            self.changes.announce(Changes.of(LOT, numbers=[self.lot.lot_number]))

    def _trace(self) -> None:
        if self.lot is not None:
            self.open_record.emit("trace", self.lot.lot_number)
