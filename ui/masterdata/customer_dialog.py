"""The form for a customer (LOT-9): code, name, country, address. The form checks the domain's rules before it
closes; the caller writes (a change with a reason, AUD-4) and reopens the form, filled, when the write is
refused. The code of an existing customer never changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from app.masterdata import CustomerView
from domain.errors import DomainError
from domain.items import Customer
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit


@dataclass(frozen=True)
class CustomerInput:
    code: str
    name: str
    country: str
    address: str


class CustomerDialog(QDialog):
    def __init__(self, existing: CustomerView | None = None, draft: CustomerInput | None = None, error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDialog")
        self.setWindowTitle(self.tr("Edit customer {code}").format(code=existing.code) if existing
                            else self.tr("New customer"))
        self.input: CustomerInput | None = None
        self.code = line_edit("customerCode", self.tr("e.g. HOSP1"))
        self.name = line_edit("customerName")
        self.country = line_edit("customerCountry", self.tr("two letters, e.g. DE"))
        self.country.setMaxLength(2)
        self.address = line_edit("customerAddress")
        start = draft or (CustomerInput(existing.code, existing.name, existing.country, existing.address)
                          if existing else None)
        if start is not None:
            self.code.setText(start.code)
            self.name.setText(start.name)
            self.country.setText(start.country)
            self.address.setText(start.address)
        self.code.setReadOnly(existing is not None)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Country"), self.country)
        form.addRow(self.tr("Address"), self.address)
        self.message = MessageLabel(self, object_name="customerMessage")
        if error:
            self.message.show_error(error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Save changes...") if existing else self.tr("Create customer"))
        ok.setObjectName("customerOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        values = CustomerInput(self.code.text(), self.name.text(), self.country.text(), self.address.text())
        try:  # the domain's own rules, shown before anything is written
            Customer(values.code, values.name, country=values.country, address=values.address)
        except DomainError as error:
            self.message.show_error(str(error))
            return
        self.input = values
        self.accept()

    @classmethod
    def ask(cls, existing: CustomerView | None = None, draft: CustomerInput | None = None, error: str = "",
            parent: QWidget | None = None) -> CustomerInput | None:
        """The customer as the user wants it, or None when the user cancels."""
        dialog = cls(existing, draft, error, parent)
        try:
            return dialog.input if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
