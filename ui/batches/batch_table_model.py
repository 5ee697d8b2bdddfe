"""Batches as a table (LOT-6, LOT-8): number, product, record version, status, quantities and times."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from app.batches import BatchView
from domain.batches import BatchStatus
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import backed_status_name, status_name
from ui.widgets.widget_parts import quantity_text, time_text

_BLOCKED = {BatchStatus.REJECTED.value, BatchStatus.ON_HOLD.value, BatchStatus.RECALLED.value}


def _colour(batch: BatchView) -> QColor | None:
    return QColor("#b00020") if batch.status in _BLOCKED else None


def batch_status_text(batch: BatchView) -> str:
    """The status, and for a batch on hold the status it was held from (where it resumes)."""
    if batch.status_problem is not None:
        return backed_status_name(batch.status, batch.status_problem)
    if batch.held_from:
        return QCoreApplication.translate("BatchTableModel", "{status} (from {held_from})").format(
            status=status_name(batch.status), held_from=status_name(batch.held_from))
    return status_name(batch.status)


class BatchTableModel(RecordTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), lambda v: v.batch_number, parent, colour=_colour)
        self.columns = (
            Column(self.tr("Batch"), lambda v: v.batch_number),
            Column(self.tr("Product"), lambda v: v.product_code),
            Column(self.tr("Record version"), lambda v: f"v{v.mbr_version}"),
            Column(self.tr("Status"), batch_status_text),
            Column(self.tr("Planned"), lambda v: quantity_text(v.planned_quantity), numeric=True),
            Column(self.tr("Produced"), lambda v: quantity_text(v.produced_quantity), numeric=True),
            Column(self.tr("Unit"), lambda v: v.unit),
            Column(self.tr("Planned at"), lambda v: time_text(v.planned_at)),
            Column(self.tr("Started"), lambda v: time_text(v.started_at)),
            Column(self.tr("Completed"), lambda v: time_text(v.completed_at)),
        )

    def batch_at(self, row: int) -> BatchView | None:
        record = self.record_at(row)
        return record if isinstance(record, BatchView) else None
