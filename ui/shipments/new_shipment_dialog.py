"""Recording a shipment (LOT-9): customer, ship date and the finished lots with their quantities, typed or scanned
(`add_scanned_lot`, called by the scan router: DEVC-4)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app import masterdata, shipments
from app.lots import LotView
from app.masterdata import CustomerView
from app.shipments import ShipmentLineInput, ShipmentView
from domain.errors import DomainError
from domain.inputs import parse_quantity_text
from domain.quantities import fmt
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services


@dataclass(frozen=True)
class _Line:
    lot_number: str
    quantity: str


class NewShipmentDialog(FormDialog[ShipmentView]):
    """`ask(...)`: the recorded shipment, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="newShipment", title=self.tr("New shipment"),
                         ok_text=self.tr("Record shipment"), parent=parent)
        self.ctx, self.actor = ctx, actor
        self.lines: list[_Line] = []
        self.customer = QComboBox()
        self.customer.setObjectName("shipCustomer")
        self.shipped_on = QDateEdit(QDate.currentDate())
        self.shipped_on.setObjectName("shipDate")
        self.shipped_on.setCalendarPopup(True)
        self.shipped_on.setDisplayFormat("yyyy-MM-dd")
        self.shipped_on.setMaximumDate(QDate.currentDate())
        self.add_row(self.tr("Customer"), self.customer)
        self.add_row(self.tr("Ship date"), self.shipped_on)
        self.body.addLayout(self._line_entry())
        self.body.addWidget(self.line_table, 1)
        self.ok_button.setAutoDefault(False)  # Enter in the line fields adds a line, it does not ship
        self.ok_button.setDefault(False)
        self.finish()
        self.resize(520, 380)
        self.load(lambda: masterdata.list_customers(ctx.read_uow(), actor), self._loaded)

    def _line_entry(self) -> QHBoxLayout:
        self.line_lot = line_edit("lineLot", self.tr("type or scan a released finished lot"))
        self.line_quantity = line_edit("lineQuantity", self.tr("quantity"))
        self.line_lot.returnPressed.connect(self.line_quantity.setFocus)
        self.line_quantity.returnPressed.connect(self.add_line)
        self.line_table = QTableWidget(0, 2)
        self.line_table.setObjectName("shipLines")
        self.line_table.setHorizontalHeaderLabels([self.tr("Lot"), self.tr("Quantity")])
        self.line_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.line_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.line_table.verticalHeader().setVisible(False)
        self.line_table.horizontalHeader().setStretchLastSection(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.line_lot, 2)
        add_row.addWidget(self.line_quantity, 1)
        add_row.addWidget(push_button(self.tr("Add line"), "addShipLine", self.add_line))
        add_row.addWidget(push_button(self.tr("Remove line"), "removeShipLine", self.remove_line))
        return add_row

    def _loaded(self, customers: list[CustomerView]) -> None:
        for view in customers:
            self.customer.addItem(f"{view.code} — {view.name}", view.code)
        if not customers:
            self.message.show_error(self.tr("No customer exists yet: create one in the master data first."))

    def add_line(self) -> None:
        lot = self.line_lot.text().strip()
        if not lot:
            self.message.show_error(self.tr("Type or scan the lot number."))
            return
        if any(line.lot_number == lot for line in self.lines):
            self.message.show_error(self.tr("Lot {lot} is already on this shipment.").format(lot=lot))
            return
        try:
            quantity = fmt(parse_quantity_text(self.line_quantity.text()))
        except DomainError as error:
            self.message.show_error(str(error))
            return
        self.message.clear_message()
        self.lines.append(_Line(lot, quantity))
        row = self.line_table.rowCount()
        self.line_table.insertRow(row)
        self.line_table.setItem(row, 0, QTableWidgetItem(lot))
        self.line_table.setItem(row, 1, QTableWidgetItem(quantity))
        self.line_lot.clear()
        self.line_quantity.clear()
        self.line_lot.setFocus()

    def add_scanned_lot(self, lot: LotView) -> None:
        """The seam for a scanned lot or UDI label (DEVC-4), already checked as shippable by
        `app.scanning.add_scanned_lot_to_shipment`: the line is added with what the lot has on hand, unless a
        quantity was typed first; to ship less, remove the line and type the quantity."""
        self.line_lot.setText(lot.lot_number)
        if not self.line_quantity.text().strip():
            self.line_quantity.setText(fmt(lot.on_hand))
        self.add_line()

    def remove_line(self) -> None:
        row = self.line_table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self.line_table.removeRow(row)

    def submit(self) -> None:
        customer = self.customer.currentData()
        if customer is None:
            self.fail(self.tr("Choose the customer."))
            return
        qdate = self.shipped_on.date()
        day = date(qdate.year(), qdate.month(), qdate.day())
        ctx, actor = self.ctx, self.actor
        lines = [ShipmentLineInput(line.lot_number, line.quantity) for line in self.lines]
        self.run(lambda: shipments.ship(ctx.uow(), actor, customer, day, lines))
