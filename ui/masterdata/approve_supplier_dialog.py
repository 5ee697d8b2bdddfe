"""Putting a supplier on the approved supplier list for one more item (LOT-2), with the reason (e.g. the
supplier audit that qualified it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QWidget

from app.masterdata import ItemView, SupplierView
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit


@dataclass(frozen=True)
class Approval:
    item_code: str
    reason: str


class ApproveSupplierDialog(FormDialog[Approval]):
    """The item to approve the supplier for and why; `ask` gives None when the user cancels."""

    def __init__(self, supplier: SupplierView, items: list[ItemView], parent: QWidget | None = None) -> None:
        super().__init__(None, name="approveSupplier", title=self.tr("Approve {name} ({code}) for an item").format(
            name=supplier.name, code=supplier.code), ok_text=self.tr("Approve"), parent=parent)
        self.item = self.add_row(self.tr("Item"), QComboBox())
        self.item.setObjectName("approveItem")
        for view in items:
            self.item.addItem(f"{view.code} — {view.name}", view.code)
        self.reason = self.add_row(self.tr("Reason"), line_edit("approveReason",
                                                                self.tr("e.g. supplier audit SA-2026-04 passed")))
        self.finish()
        if not items:
            self.fail(self.tr("Every item this supplier could deliver is on its list already."))

    def submit(self) -> None:
        code, reason = self.item.currentData(), self.reason.text().strip()
        if code is None:
            self.fail(self.tr("Choose the item."))
            return
        if not reason:
            self.fail(self.tr("Give the reason: it is kept in the audit trail."))
            return
        self.done_with(Approval(code, reason))
