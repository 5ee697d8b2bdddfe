"""Issuing a lot to a batch (LOT-7), or returning unused material from it.

The lot number is typed or scanned (`fill_lot`); the service checks BOM, status, expiry, stock and tolerance.
A refused issue is shown under the form with the reason, and says that an alert was raised, because the
service records one for every refusal so QA can follow it up (deviation hook).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app import batches, lots
from app.batches import IssueView
from app.lots import LotView
from domain.batches import IssueRefused
from domain.errors import DomainError
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit, quantity_text

if TYPE_CHECKING:
    from app.services import Services


class IssueMaterialDialog(FormDialog[IssueView]):
    """`ask(...)`: the issue (or return) recorded, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, batch_number: str, *, returning: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="returnMaterial" if returning else "issueMaterial",
                         title=(self.tr("Return material from batch {n}") if returning
                                else self.tr("Issue material to batch {n}")).format(n=batch_number),
                         ok_text=self.tr("Return to stock") if returning else self.tr("Issue"), parent=parent)
        self.returning = returning
        self.ctx, self.actor, self.batch_number = ctx, actor, batch_number
        self.lot_number = line_edit("issueLot", self.tr("type or scan the lot number"))
        self.lot_number.editingFinished.connect(self._look_up_lot)
        self.lot_info = QLabel()
        self.lot_info.setObjectName("issueLotInfo")
        self.lot_info.setWordWrap(True)
        self.quantity = line_edit("issueQuantity", self.tr("in the lot's unit"))
        self.unit = QLabel()  # the lot's unit, beside the quantity, once the lot is known
        self.unit.setObjectName("issueUnit")
        self._looked_up = ""  # the lot the quantity was typed for
        self.reason = line_edit("returnReason", self.tr("optional: why it is returned"))
        self.add_row(self.tr("Lot"), self.lot_number)
        self.form.addRow("", self.lot_info)
        quantity_row = QHBoxLayout()
        quantity_row.addWidget(self.quantity, 1)
        quantity_row.addWidget(self.unit)
        self.form.addRow(self.tr("Quantity"), quantity_row)
        if returning:
            self.add_row(self.tr("Reason"), self.reason)
        else:
            self.reason.setVisible(False)
        self.finish()
        self.resize(480, 220)

    def fill_lot(self, lot_number: str) -> None:
        """The seam for a scanned lot label (DEVC-4)."""
        self.lot_number.setText(lot_number)
        self._look_up_lot()
        self.quantity.setFocus()

    def _look_up_lot(self) -> None:
        number = self.lot_number.text().strip()
        if not number:
            self.lot_info.clear()
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: lots.get_lot(ctx.read_uow(), actor, number), on_done=self._lot_found,
                        on_error=self._lot_not_found)

    def _lot_found(self, lot: LotView) -> None:
        if lot.lot_number != self._looked_up:  # another lot: the quantity typed for the last one does not carry over
            if self._looked_up:
                self.quantity.clear()
            self._looked_up = lot.lot_number
        self.unit.setText(lot.unit)
        self.lot_info.setText(self.tr("{item}, {status}, {on_hand} {unit} on hand{expiry}").format(
            item=lot.item_code, status=status_name(lot.status), on_hand=quantity_text(lot.on_hand), unit=lot.unit,
            expiry=self.tr(", expires {day}").format(day=lot.expires_on) if lot.expires_on else ""))

    def _lot_not_found(self, error: Exception) -> None:
        self.unit.clear()
        self.lot_info.setText(user_message(error) if isinstance(error, DomainError) else "")

    def submit(self) -> None:
        ctx, actor, batch = self.ctx, self.actor, self.batch_number
        lot, quantity, reason = self.lot_number.text().strip(), self.quantity.text(), self.reason.text().strip()
        if not lot:
            self.fail(self.tr("Type or scan the lot number."))
            return
        if self.returning:
            def call() -> IssueView:
                return batches.return_material(ctx.uow(), actor, batch, lot, quantity, reason or None)
        else:
            def call() -> IssueView:
                return batches.issue_material(ctx.uow(), actor, batch, lot, quantity)
        self.run(call)

    def fail(self, error: Exception | str) -> None:
        if isinstance(error, IssueRefused):  # the service recorded an alert for the refusal: say so
            error = self.tr("{reason}\nAn alert was raised so that QA can follow this up.").format(
                reason=user_message(error))
        super().fail(error)
