"""The customers (LOT-9, TRC-4): who shipments go to and whom a recall notifies; a refused write reopens the
form as it was, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import masterdata
from app.masterdata import CustomerView
from domain.users import Actor, Permission
from ui.masterdata.customer_dialog import CustomerDialog, CustomerInput
from ui.shell.changes import CUSTOMER, ChangeHub
from ui.shell.task_runner import Runner, user_message
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_list_widget import RecordListWidget
from ui.widgets.record_table_model import Column
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services


class CustomerListWidget(RecordListWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, actor, changes, name="customer", kind=CUSTOMER, record_type=CustomerView,
                         columns=lambda: (
                             Column(self.tr("Code"), lambda c: c.code),
                             Column(self.tr("Name"), lambda c: c.name),
                             Column(self.tr("Country"), lambda c: c.country),
                             Column(self.tr("Address"), lambda c: c.address),
                         ), key=lambda c: c.code, load=lambda: masterdata.list_customers(ctx.read_uow(), actor),
                         parent=parent)
        self.new_button = push_button(self.tr("New customer..."), "newCustomer", self.new_customer)
        self.edit_button = push_button(self.tr("Edit customer..."), "editCustomer", self.edit_customer)
        self.add_buttons((self.new_button, self.edit_button), visible=actor.can(Permission.MANAGE_MASTER_DATA),
                         need_selection=(self.edit_button,))

    def new_customer(self, draft: CustomerInput | None = None, error: str = "") -> None:
        values = CustomerDialog.ask(None, draft, error, self)
        if values is None:
            return
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: masterdata.create_customer(ctx.uow(), actor, values.code, values.name,
                                                           country=values.country, address=values.address),
                        on_done=lambda customer: self._saved(customer, self.tr("Customer {code} created.")),
                        on_error=lambda failure: self.new_customer(values, user_message(failure)))

    def edit_customer(self, customer: CustomerView | None = None, draft: CustomerInput | None = None,
                      error: str = "") -> None:
        customer = customer or self.selected()
        if customer is None:
            return
        values = CustomerDialog.ask(customer, draft, error, self)
        if values is None:
            return
        reason = ReasonDialog.ask(self.tr("Change customer {code}?").format(code=customer.code), self)
        if reason is None:
            return
        ctx, actor, code = self.ctx, self.actor, customer.code
        self.runner.run(lambda: masterdata.edit_customer(ctx.uow(), actor, code, reason, name=values.name,
                                                         country=values.country, address=values.address),
                        on_done=lambda changed: self._saved(changed, self.tr("Customer {code} changed.")),
                        on_error=lambda failure: self.edit_customer(customer, values, user_message(failure)))

    def _saved(self, customer: CustomerView, text: str) -> None:
        self.saved(customer, text.format(code=customer.code))
