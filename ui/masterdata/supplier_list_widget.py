"""Suppliers and the approved supplier list (LOT-2): per supplier, the items it may deliver and whether that
approval stands, is suspended or disqualified. Each change needs APPROVE_SUPPLIERS and a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from app import masterdata
from app.masterdata import ApprovalView, ItemView, SupplierView
from domain.items import ApprovalStatus, ItemType
from domain.users import Actor, Permission
from ui.masterdata.approve_supplier_dialog import ApproveSupplierDialog
from ui.masterdata.supplier_dialog import SupplierDialog
from ui.shell.changes import ITEM, SUPPLIER, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.services import Services


@dataclass(frozen=True)
class _Loaded:
    suppliers: list[SupplierView]
    approvals: list[ApprovalView]
    items: list[ItemView]


class SupplierListWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplierList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._data = _Loaded([], [], [])
        self._build_models()
        self.table = record_table("supplierTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._supplier_changed)
        self.approval_table = record_table("approvalTable", self.approval_model)
        self.approval_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button = push_button(self.tr("New supplier..."), "newSupplier", self.new_supplier)
        self.new_button.setVisible(actor.can(Permission.MANAGE_MASTER_DATA))
        may_approve = actor.can(Permission.APPROVE_SUPPLIERS)  # convenience: the service checks (ACC-4)
        self.approval_buttons: dict[str, QPushButton] = {}
        approval_row = QHBoxLayout()
        for name, text, slot in (
            ("approveForItem", self.tr("Approve for an item..."), self.approve_for_item),
            ("approveAgain", self.tr("Approve again..."), lambda: self.set_status(ApprovalStatus.APPROVED)),
            ("suspendApproval", self.tr("Suspend..."), lambda: self.set_status(ApprovalStatus.SUSPENDED)),
            ("disqualifyApproval", self.tr("Disqualify..."), lambda: self.set_status(ApprovalStatus.DISQUALIFIED)),
        ):
            button = push_button(text, name, slot)
            button.setVisible(may_approve)
            approval_row.addWidget(button)
            self.approval_buttons[name] = button
        approval_row.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshSuppliers", self.refresh))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(approval_row)
        lower_layout.addWidget(self.approval_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        self.message = MessageLabel(self, object_name="supplierListMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def _build_models(self) -> None:
        self.model = RecordTableModel((
            Column(self.tr("Code"), lambda s: s.code),
            Column(self.tr("Name"), lambda s: s.name),
            Column(self.tr("Approved items"), lambda s: str(self._approved_count(s.code)), numeric=True),
        ), lambda s: s.code, self)
        self.approval_model = RecordTableModel((
            Column(self.tr("Item"), lambda a: a.item_code),
            Column(self.tr("Item name"), lambda a: self._item_name(a.item_code)),
            Column(self.tr("Status"), lambda a: status_name(a.status)),
        ), lambda a: a.item_code, self)

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: _Loaded(masterdata.list_suppliers(ctx.read_uow(), actor),
                                        masterdata.list_approvals(ctx.read_uow(), actor),
                                        masterdata.list_items(ctx.read_uow(), actor)),
                        on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, data: _Loaded) -> None:
        supplier, approval = self.selected_supplier(), self.selected_approval()
        self._data = data
        self.model.set_records(data.suppliers)
        row = self.model.row_of(supplier.code) if supplier else -1
        if row >= 0:
            self.table.selectRow(row)
        self._supplier_changed()
        row = self.approval_model.row_of(approval.item_code) if approval else -1
        if row >= 0:
            self.approval_table.selectRow(row)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(SUPPLIER, ITEM):
            self.refresh()

    def _approved_count(self, supplier: str) -> int:
        return sum(1 for a in self._data.approvals
                   if a.supplier_code == supplier and a.status == ApprovalStatus.APPROVED.value)

    def _item_name(self, code: str) -> str:
        return next((i.name for i in self._data.items if i.code == code), "")

    def selected_supplier(self) -> SupplierView | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, SupplierView) else None

    def selected_approval(self) -> ApprovalView | None:
        rows = self.approval_table.selectionModel().selectedRows()
        record = self.approval_model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, ApprovalView) else None

    def _supplier_changed(self) -> None:
        supplier = self.selected_supplier()
        code = supplier.code if supplier else None
        self.approval_model.set_records([a for a in self._data.approvals if a.supplier_code == code])
        self._update_buttons()

    def _update_buttons(self) -> None:
        approval = self.selected_approval()
        status = approval.status if approval else None
        self.approval_buttons["approveForItem"].setEnabled(self.selected_supplier() is not None)
        self.approval_buttons["approveAgain"].setEnabled(status is not None and status != ApprovalStatus.APPROVED.value)
        self.approval_buttons["suspendApproval"].setEnabled(status == ApprovalStatus.APPROVED.value)
        self.approval_buttons["disqualifyApproval"].setEnabled(
            status is not None and status != ApprovalStatus.DISQUALIFIED.value)

    # --- changes ------------------------------------------------------------------------------------
    def new_supplier(self) -> None:
        supplier = SupplierDialog.ask(self.ctx, self.runner, self.actor, self)
        if supplier is not None:
            self.message.show_info(self.tr("Supplier {code} created: approve it for the items it delivers.")
                                   .format(code=supplier.code))
            self.changes.announce(Changes.of(SUPPLIER, numbers=[supplier.code]))

    def approve_for_item(self) -> None:
        supplier = self.selected_supplier()
        if supplier is None:
            return
        listed = {a.item_code for a in self._data.approvals if a.supplier_code == supplier.code}
        candidates = [i for i in self._data.items if i.code not in listed and not ItemType(i.item_type).produced]
        approval = ApproveSupplierDialog.ask(supplier, candidates, self)
        if approval is not None:
            self._write(approval.item_code, supplier.code, ApprovalStatus.APPROVED, approval.reason)

    def set_status(self, status: ApprovalStatus) -> None:
        supplier, approval = self.selected_supplier(), self.selected_approval()
        if supplier is None or approval is None:
            return
        question = {
            ApprovalStatus.APPROVED: self.tr("Approve {supplier} again for {item}?"),
            ApprovalStatus.SUSPENDED: self.tr("Suspend {supplier} for {item}? No lot of it can be received until "
                                              "it is approved again."),
            ApprovalStatus.DISQUALIFIED: self.tr("Disqualify {supplier} for {item}?"),
        }[status].format(supplier=supplier.code, item=approval.item_code)
        reason = ReasonDialog.ask(question, self)
        if reason is not None:
            self._write(approval.item_code, supplier.code, status, reason)

    def _write(self, item: str, supplier: str, status: ApprovalStatus, reason: str) -> None:
        ctx, actor = self.ctx, self.actor
        self.message.clear_message()
        self.runner.run(lambda: masterdata.set_supplier_approval(ctx.uow(), actor, item, supplier, status, reason),
                        on_done=self._written, on_error=self.message.show_error)

    def _written(self, approval: ApprovalView) -> None:
        self.message.show_info(self.tr("{supplier} is now {status} for {item}.").format(
            supplier=approval.supplier_code, status=status_name(approval.status), item=approval.item_code))
        self.changes.announce(Changes.of(SUPPLIER, numbers=[approval.supplier_code]))
