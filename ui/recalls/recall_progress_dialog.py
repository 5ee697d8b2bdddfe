"""One step of a customer's recall notification (TRC-4): Pending → Notified → Confirmed → Completed, with the
quantity the customer returned (or destroyed) and a reason for the audit trail."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.recalls import RecallCustomerView
from domain.errors import DomainError
from domain.inputs import parse_quantity_text
from domain.recall import NotificationStatus
from ui.widgets.message_label import MessageLabel
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


class RecallProgressDialog(QDialog):
    def __init__(self, customer: RecallCustomerView, target: NotificationStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallProgressDialog")
        self.setWindowTitle(self.tr("Recall progress"))
        self.customer, self.target = customer, target
        self.progress: RecallProgress | None = None
        step = QLabel(self.tr("{name} ({code}): {old} → {new}").format(
            name=customer.customer_name, code=customer.customer_code, old=status_name(customer.status),
            new=status_name(target.value)))
        step.setObjectName("progressStep")
        step.setWordWrap(True)
        self.returned = line_edit("returnedQuantity", self.tr("optional; of {qty} shipped").format(
            qty=quantity_text(customer.quantity)))
        if customer.returned_quantity:
            self.returned.setText(quantity_text(customer.returned_quantity))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("progressReason")
        self.reason.setPlaceholderText(self.tr("e.g. notice sent by e-mail and phone to the pharmacy manager"))
        form = QFormLayout()
        form.addRow(self.tr("Returned or destroyed"), self.returned)
        form.addRow(self.tr("What was done"), self.reason)
        self.message = MessageLabel(self, object_name="progressMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Record"))
        self.ok_button.setObjectName("progressOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(step)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.message.show_error(self.tr("Say what was done: it is kept in the audit trail."))
            return
        returned = self.returned.text().strip() or None
        if returned is not None:
            try:
                parse_quantity_text(returned, what="returned quantity")
            except DomainError as error:
                self.message.show_error(str(error))
                return
        self.progress = RecallProgress(self.target, returned, reason)
        self.accept()

    @classmethod
    def ask(cls, customer: RecallCustomerView, parent: QWidget | None = None) -> RecallProgress | None:
        """The next step for this customer, or None when the user cancels (or the customer is completed)."""
        target = next_step(customer.status)
        if target is None:
            return None
        dialog = cls(customer, target, parent)
        try:
            return dialog.progress if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
