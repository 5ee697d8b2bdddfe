"""The shipments page (LOT-9): what went to which customer, when, from which lots; new shipments (SHIP)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from app import shipments
from app.shipments import ShipmentView
from domain.users import Actor, Permission
from ui.shell.changes import CUSTOMER, LOT, SHIPMENT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.shipments.new_shipment_dialog import NewShipmentDialog
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.widget_parts import date_text, line_edit, push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


class ShipmentListWidget(QWidget):
    """`open_record(kind, number)` asks the window to show another page (a lot, a trace)."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shipmentList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._select: str | None = None
        self._wanted: str | None = None  # to select after the next refresh
        self._all: list[ShipmentView] = []
        self.model = RecordTableModel((
            Column(self.tr("Shipment"), lambda s: s.shipment_number),
            Column(self.tr("Customer"), lambda s: s.customer_code),
            Column(self.tr("Customer name"), lambda s: s.customer_name),
            Column(self.tr("Shipped on"), lambda s: date_text(s.shipped_on)),
            Column(self.tr("Lots"), lambda s: ", ".join(ln.lot_number for ln in s.lines)),
            Column(self.tr("Recorded"), lambda s: time_text(s.created_at)),
        ), lambda s: s.shipment_number, self)
        self.line_model = RecordTableModel((
            Column(self.tr("Lot"), lambda ln: ln.lot_number),
            Column(self.tr("Item"), lambda ln: ln.item_code),
            Column(self.tr("Quantity"), lambda ln: quantity_text(ln.quantity), numeric=True),
            Column(self.tr("Unit"), lambda ln: ln.unit),
        ), lambda ln: ln.lot_number, self)
        self.table = record_table("shipmentTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.line_table = record_table("shipmentLineTable", self.line_model)
        self.line_table.doubleClicked.connect(self._open_lot)
        self.text_filter = line_edit("shipmentTextFilter", self.tr("shipment number, customer or lot"))
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._filter)
        new = push_button(self.tr("New shipment..."), "newShipment", self.new_shipment)
        new.setVisible(actor.can(Permission.SHIP))  # convenience: the service checks (ACC-4)
        row = QHBoxLayout()
        row.addWidget(self.text_filter, 1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshShipments", self.refresh))
        row.addWidget(new)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.line_table)
        self.message = MessageLabel(self, object_name="shipmentMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = self.selected()
        self._select = select or self._wanted or (current.shipment_number if current else None)
        self._wanted = None
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: shipments.list_shipments(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, views: list[ShipmentView]) -> None:
        self._all = views
        self._filter()

    def _filter(self) -> None:
        # The list is short (newest 500): filtering here keeps typing instant.
        text = self.text_filter.text().strip().casefold()
        shown = [s for s in self._all if not text or text in " ".join(
            (s.shipment_number, s.customer_code, s.customer_name, *(ln.lot_number for ln in s.lines))).casefold()]
        self.model.set_records(shown)
        row = self.model.row_of(self._select) if self._select else -1
        if row >= 0:
            self.table.selectRow(row)
        self._selection_changed()

    def _changed(self, changes: Changes) -> None:
        if changes.touches(SHIPMENT, CUSTOMER, LOT):
            self.refresh()

    def selected(self) -> ShipmentView | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, ShipmentView) else None

    def _selection_changed(self) -> None:
        view = self.selected()
        self.line_model.set_records(view.lines if view else [])
        if view is not None:
            self._select = view.shipment_number

    def show_record(self, number: str) -> None:
        """Show one shipment (global search, links from other pages)."""
        self.text_filter.setText(number)
        self.refresh(select=number)

    def new_shipment(self) -> None:
        shipment = NewShipmentDialog.ask(self.ctx, self.runner, self.actor, self)
        if shipment is None:
            return
        self.message.show_info(self.tr("Shipment {n} to {customer} recorded.").format(
            n=shipment.shipment_number, customer=shipment.customer_name or shipment.customer_code))
        self._wanted = shipment.shipment_number
        self.changes.announce(Changes.of(SHIPMENT, LOT, numbers=[shipment.shipment_number]))

    def _open_lot(self) -> None:
        rows = self.line_table.selectionModel().selectedRows()
        line = self.line_model.record_at(rows[0].row()) if rows else None
        if line is not None:
            self.open_record.emit("lot", line.lot_number)
