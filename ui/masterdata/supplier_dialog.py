"""Creating a supplier (LOT-2): code and name; which items it may deliver is the approved supplier list."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from app import masterdata
from app.masterdata import SupplierView
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.bootstrap import AppContext


class SupplierDialog(QDialog):
    def __init__(self, ctx: AppContext, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supplierDialog")
        self.setWindowTitle(self.tr("New supplier"))
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.supplier: SupplierView | None = None
        self.code = line_edit("supplierCode", self.tr("e.g. ACME"))
        self.name = line_edit("supplierName")
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        self.message = MessageLabel(self, object_name="supplierMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create supplier"))
        self.ok_button.setObjectName("supplierOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        ctx, actor, code, name = self.ctx, self.actor, self.code.text(), self.name.text()
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(lambda: masterdata.create_supplier(ctx.uow(), actor, code, name), on_done=self._created,
                        on_error=self._failed)

    def _created(self, supplier: SupplierView) -> None:
        self.supplier = supplier
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.message.show_error(user_message(error))
        self.ok_button.setEnabled(True)

    @classmethod
    def ask(cls, ctx: AppContext, runner: Runner, actor: Actor, parent: QWidget | None = None
            ) -> SupplierView | None:
        """The new supplier, or None when the user cancels."""
        dialog = cls(ctx, runner, actor, parent)
        try:
            return dialog.supplier if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
