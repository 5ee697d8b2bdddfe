"""Lots as a table (LOT-4, LOT-5): number, item, status, stock, supplier lot, dates; blocked lots in red."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from app.lots import LotView
from domain.lots import LotStatus
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import date_text, quantity_text, time_text

_BLOCKED = {LotStatus.REJECTED.value, LotStatus.EXPIRED.value, LotStatus.ON_HOLD.value}


def _colour(lot: LotView) -> QColor | None:
    if lot.status in _BLOCKED:
        return QColor("#b00020")
    if lot.status == LotStatus.QUARANTINE.value:
        return QColor("#8a6d00")
    return None


class LotTableModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), lambda v: v.lot_number, parent, colour=_colour)
        self.columns = (
            Column(self.tr("Lot"), lambda v: v.lot_number),
            Column(self.tr("Item"), lambda v: v.item_code),
            Column(self.tr("Status"), lambda v: status_name(v.status)),
            Column(self.tr("On hand"), lambda v: quantity_text(v.on_hand), numeric=True),
            Column(self.tr("Quantity"), lambda v: quantity_text(v.quantity), numeric=True),
            Column(self.tr("Unit"), lambda v: v.unit),
            Column(self.tr("Origin"), lambda v: status_name(v.origin)),
            Column(self.tr("Supplier"), lambda v: v.supplier_code or ""),
            Column(self.tr("Supplier lot"), lambda v: v.supplier_lot or ""),
            Column(self.tr("Manufactured"), lambda v: date_text(v.manufactured_on)),
            Column(self.tr("Expires"), lambda v: date_text(v.expires_on)),
            Column(self.tr("Created"), lambda v: time_text(v.created_at)),
        )

    def lot_at(self, row: int) -> LotView | None:
        record = self.record_at(row)
        return record if isinstance(record, LotView) else None
