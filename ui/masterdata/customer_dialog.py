"""The form for a customer (LOT-9): code, name, country, address. The form checks the domain's rules before it
closes; the caller writes (a change with a reason, AUD-4) and reopens the form, filled, when the write is
refused. The code of an existing customer never changes."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from app.masterdata import CustomerView
from domain.errors import DomainError
from domain.items import Customer
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit


@dataclass(frozen=True)
class CustomerInput:
    code: str
    name: str
    country: str
    address: str


class CustomerDialog(FormDialog[CustomerInput]):
    def __init__(self, existing: CustomerView | None = None, draft: CustomerInput | None = None, error: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(None, name="customer", title=self.tr("Edit customer {code}").format(code=existing.code)
                         if existing else self.tr("New customer"),
                         ok_text=self.tr("Save changes...") if existing else self.tr("Create customer"),
                         parent=parent)
        self.code = self.add_row(self.tr("Code"), line_edit("customerCode", self.tr("e.g. HOSP1")))
        self.name = self.add_row(self.tr("Name"), line_edit("customerName"))
        self.country = self.add_row(self.tr("Country"), line_edit("customerCountry", self.tr("two letters, e.g. DE")))
        self.country.setMaxLength(2)
        self.address = self.add_row(self.tr("Address"), line_edit("customerAddress"))
        start = draft or (CustomerInput(existing.code, existing.name, existing.country, existing.address)
                          if existing else None)
        if start is not None:
            self.code.setText(start.code)
            self.name.setText(start.name)
            self.country.setText(start.country)
            self.address.setText(start.address)
        self.code.setReadOnly(existing is not None)
        self.finish()
        if error:
            self.fail(error)

    def submit(self) -> None:
        values = CustomerInput(self.code.text(), self.name.text(), self.country.text(), self.address.text())
        try:  # the domain's own rules, shown before anything is written
            Customer(values.code, values.name, country=values.country, address=values.address)
        except DomainError as error:
            self.fail(str(error))
            return
        self.done_with(values)
