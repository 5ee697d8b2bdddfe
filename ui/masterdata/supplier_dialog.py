"""Creating a supplier (LOT-2): code and name; which items it may deliver is the approved supplier list."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app import masterdata
from app.masterdata import SupplierView
from app.services import Services
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit


class SupplierDialog(FormDialog[SupplierView]):
    def __init__(self, services: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="supplier", title=self.tr("New supplier"), ok_text=self.tr("Create supplier"),
                         parent=parent)
        self.services, self.actor = services, actor
        self.code = self.add_row(self.tr("Code"), line_edit("supplierCode", self.tr("e.g. ACME")))
        self.name = self.add_row(self.tr("Name"), line_edit("supplierName"))
        self.finish()

    def submit(self) -> None:
        services, actor, code, name = self.services, self.actor, self.code.text(), self.name.text()
        self.run(lambda: masterdata.create_supplier(services.uow(), actor, code, name))
