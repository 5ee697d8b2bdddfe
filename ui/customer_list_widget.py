"""The customers (LOT-9, TRC-4): who shipments go to and whom a recall notifies; a refused write reopens the
form as it was, with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app import masterdata
from app.masterdata import CustomerView
from domain.users import Actor, Permission
from ui.changes import CUSTOMER, ChangeHub, Changes
from ui.customer_dialog import CustomerDialog, CustomerInput
from ui.message_label import MessageLabel
from ui.reason_dialog import ReasonDialog
from ui.record_table_model import Column, RecordTableModel
from ui.task_runner import Runner, user_message
from ui.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.bootstrap import AppContext


class CustomerListWidget(QWidget):
    def __init__(self, ctx: AppContext, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._select: str | None = None
        self.model = RecordTableModel((
            Column(self.tr("Code"), lambda c: c.code),
            Column(self.tr("Name"), lambda c: c.name),
            Column(self.tr("Country"), lambda c: c.country),
            Column(self.tr("Address"), lambda c: c.address),
        ), lambda c: c.code, self)
        self.table = record_table("customerTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        may_edit = actor.can(Permission.MANAGE_MASTER_DATA)  # convenience: the service checks (ACC-4)
        self.new_button = push_button(self.tr("New customer..."), "newCustomer", self.new_customer)
        self.edit_button = push_button(self.tr("Edit customer..."), "editCustomer", self.edit_customer)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button):
            button.setVisible(may_edit)
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshCustomers", self.refresh))
        self.message = MessageLabel(self, object_name="customerListMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        self._select = self._select or (current.code if current else None)
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: masterdata.list_customers(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=self._failed)

    def _loaded(self, views: list[CustomerView]) -> None:
        self.model.set_records(views)
        row = self.model.row_of(self._select) if self._select else -1
        self._select = None
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(CUSTOMER):
            self.refresh()

    def selected(self) -> CustomerView | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, CustomerView) else None

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

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
        self.message.show_info(text.format(code=customer.code))
        self._select = customer.code
        self.changes.announce(Changes.of(CUSTOMER, numbers=[customer.code]))  # this page refreshes too

    def _failed(self, error: Exception) -> None:
        self.message.show_error(user_message(error))
