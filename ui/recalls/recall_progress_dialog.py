"""One step of a customer's recall notification (TRC-4): Pending → Notified → Confirmed → Completed, with the
quantity the customer returned (or destroyed) and a reason for the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.recalls import RecallCustomerView
from domain.errors import DomainError
from domain.i18n import N_
from domain.inputs import parse_quantity_text
from domain.recall import NotificationStatus
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit, quantity_text

_NEXT = {
    NotificationStatus.PENDING: NotificationStatus.NOTIFIED,
    NotificationStatus.NOTIFIED: NotificationStatus.CONFIRMED,
    NotificationStatus.CONFIRMED: NotificationStatus.COMPLETED,
}


def next_step(status: str) -> NotificationStatus | None:
    return _NEXT.get(NotificationStatus(status))


@dataclass(frozen=True)
class RecallProgress:
    status: NotificationStatus
    returned: str | None
    reason: str


class RecallProgressDialog(FormDialog[RecallProgress]):
    def __init__(self, customer: RecallCustomerView, target: NotificationStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(None, name="recallProgress", title=self.tr("Recall progress"), ok_text=self.tr("Record"),
                         parent=parent)
        self.customer, self.target = customer, target
        self.add_note(self.tr("{name} ({code}): {old} → {new}").format(
            name=customer.customer_name, code=customer.customer_code, old=status_name(customer.status),
            new=status_name(target.value)), "progressStep")
        self.returned = self.add_row(self.tr("Returned or destroyed"), line_edit(
            "returnedQuantity", self.tr("optional; of {qty} shipped").format(qty=quantity_text(customer.quantity))))
        if customer.returned_quantity:
            self.returned.setText(quantity_text(customer.returned_quantity))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("progressReason")
        self.reason.setPlaceholderText(self.tr("e.g. notice sent by e-mail and phone to the pharmacy manager"))
        self.add_row(self.tr("What was done"), self.reason)
        self.finish()

    def submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.fail(self.tr("Say what was done: it is kept in the audit trail."))
            return
        returned = self.returned.text().strip() or None
        if returned is not None:
            try:
                parse_quantity_text(returned, what=N_("returned quantity"))
            except DomainError as error:
                self.fail(error)
                return
        self.done_with(RecallProgress(self.target, returned, reason))

    @classmethod
    def ask(cls, customer: RecallCustomerView, parent: QWidget | None = None) -> RecallProgress | None:  # type: ignore[override]
        """The next step for this customer, or None when the user cancels (or the customer is completed)."""
        target = next_step(customer.status)
        return None if target is None else cls(customer, target, parent).answer()
