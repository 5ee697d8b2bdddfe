"""Putting a supplier on the approved supplier list for one more item (LOT-2), with the reason (e.g. the
supplier audit that qualified it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from app.masterdata import ItemView, SupplierView
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit


@dataclass(frozen=True)
class Approval:
    item_code: str
    reason: str


class ApproveSupplierDialog(QDialog):
    def __init__(self, supplier: SupplierView, items: list[ItemView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approveSupplierDialog")
        self.setWindowTitle(self.tr("Approve {name} ({code}) for an item").format(name=supplier.name,
                                                                                  code=supplier.code))
        self.approval: Approval | None = None
        self.item = QComboBox()
        self.item.setObjectName("approveItem")
        for view in items:
            self.item.addItem(f"{view.code} — {view.name}", view.code)
        self.reason = line_edit("approveReason", self.tr("e.g. supplier audit SA-2026-04 passed"))
        form = QFormLayout()
        form.addRow(self.tr("Item"), self.item)
        form.addRow(self.tr("Reason"), self.reason)
        self.message = MessageLabel(self, object_name="approveMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Approve"))
        ok.setObjectName("approveOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        if not items:
            self.message.show_error(self.tr("Every item this supplier could deliver is on its list already."))

    def _submit(self) -> None:
        code, reason = self.item.currentData(), self.reason.text().strip()
        if code is None:
            self.message.show_error(self.tr("Choose the item."))
            return
        if not reason:
            self.message.show_error(self.tr("Give the reason: it is kept in the audit trail."))
            return
        self.approval = Approval(code, reason)
        self.accept()

    @classmethod
    def ask(cls, supplier: SupplierView, items: list[ItemView], parent: QWidget | None = None) -> Approval | None:
        """The item to approve the supplier for and why, or None when the user cancels."""
        dialog = cls(supplier, items, parent)
        try:
            return dialog.approval if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
