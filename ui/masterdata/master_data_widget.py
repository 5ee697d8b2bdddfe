"""The master data page (LOT-1, LOT-2, LOT-3, PRC-3): items, suppliers with their approved supplier list, customers,
number rules, rooms and equipment.
Everyone sees them; editing is offered to those who may (the services check again, ACC-4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from domain.users import Actor
from ui.masterdata.customer_list_widget import CustomerListWidget
from ui.masterdata.item_list_widget import ItemListWidget
from ui.masterdata.number_rule_list_widget import NumberRuleListWidget
from ui.masterdata.supplier_list_widget import SupplierListWidget
from ui.process.facilities_widget import FacilitiesWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner

if TYPE_CHECKING:
    from app.services import Services


class MasterDataWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("masterData")
        self.items = ItemListWidget(ctx, runner, actor, changes)
        self.suppliers = SupplierListWidget(ctx, runner, actor, changes)
        self.customers = CustomerListWidget(ctx, runner, actor, changes)
        self.number_rules = NumberRuleListWidget(ctx, runner, actor, changes)
        self.facilities = FacilitiesWidget(ctx, runner, actor, changes)  # PRC-3, INT-1
        self.tabs = QTabWidget()
        self.tabs.setObjectName("masterDataTabs")
        self.tabs.addTab(self.items, self.tr("Items"))
        self.tabs.addTab(self.suppliers, self.tr("Suppliers"))
        self.tabs.addTab(self.customers, self.tr("Customers"))
        self.tabs.addTab(self.number_rules, self.tr("Number rules"))
        self.tabs.addTab(self.facilities, self.tr("Rooms and equipment"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
