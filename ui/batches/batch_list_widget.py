"""The batches page (LOT-6..LOT-9): filter by status and number, plan new batches, work on one batch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import batches
from app.batches import BatchView
from domain.batches import BatchStatus
from domain.users import Actor, Permission
from ui.batches.batch_detail_widget import BatchDetailWidget
from ui.batches.batch_table_model import BatchTableModel
from ui.batches.plan_batch_dialog import PlanBatchDialog
from ui.shell.changes import BATCH, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import Signer, debounced, line_edit, push_button, record_table

if TYPE_CHECKING:
    from app.services import Services


class BatchListWidget(QWidget):
    """`open_record(kind, number)` asks the window to show another page (a lot, a trace)."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._select: str | None = None
        self._wanted: str | None = None  # to select after the next refresh
        self.model = BatchTableModel(self)
        self.table = record_table("batchTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = BatchDetailWidget(ctx, runner, actor, changes, signer=signer)
        self.detail.open_record.connect(self.open_record)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("batchStatusFilter")
        self.status_filter.addItem(self.tr("(any status)"), None)
        for status in BatchStatus:
            self.status_filter.addItem(status_name(status.value), status)
        self.status_filter.activated.connect(lambda _row: self.refresh())
        self.text_filter = line_edit("batchTextFilter", self.tr("batch number"))
        self.text_filter.setClearButtonEnabled(True)
        self._typing = debounced(self, self.refresh)
        self.text_filter.textChanged.connect(lambda _text: self._typing.start())  # filters apply as you type
        self.text_filter.returnPressed.connect(self.refresh)
        plan = push_button(self.tr("Plan batch..."), "planBatch", self.plan_batch)
        plan.setVisible(actor.can(Permission.PLAN_BATCH))  # convenience: the service checks (ACC-4)
        row = QHBoxLayout()
        row.addWidget(self.status_filter)
        row.addWidget(self.text_filter, 1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshBatches", self.refresh))
        row.addWidget(plan)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        # The batch's pane (header, signatures, material, process and chart tabs) needs more height than a
        # 1280x800 window leaves under a list: it scrolls, so the list keeps its share (two fifths) and shows
        # more than two or three batches.
        pane = QScrollArea()
        pane.setObjectName("batchDetailScroll")
        pane.setWidgetResizable(True)
        pane.setFrameShape(QFrame.Shape.NoFrame)
        pane.setWidget(self.detail)
        splitter.addWidget(pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.count_label = QLabel()
        self.count_label.setObjectName("batchCount")
        self.message = MessageLabel(self, object_name="batchMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self._typing.stop()
        current = self.selected_batch()
        self._select = select or self._wanted or (current.batch_number if current else None)
        self._wanted = None
        ctx, actor = self.ctx, self.actor
        status = self.status_filter.currentData()
        statuses = (status,) if status is not None else ()
        text = self.text_filter.text().strip() or None
        self.runner.run(lambda: batches.list_batches(ctx.read_uow(), actor, statuses=statuses, text=text),
                        on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, views: list[BatchView]) -> None:
        self.model.set_records(views)
        self.count_label.setText(self.tr("{n} batches").format(n=len(views)))
        row = self.model.row_of(self._select) if self._select else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:  # the batch shown before is not in the list any more: the pane never shows what is not listed
            self.table.clearSelection()
            self.detail.show_record(None)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(BATCH):
            self.refresh()

    def selected_batch(self) -> BatchView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.batch_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        batch = self.selected_batch()
        self.detail.show_record(batch.batch_number if batch is not None else None)

    def show_record(self, number: str) -> None:
        """Show one batch (global search, links from other pages)."""
        self.status_filter.setCurrentIndex(0)
        self.text_filter.setText(number)
        self.refresh(select=number)
        self.detail.show_record(number)

    def plan_batch(self) -> None:
        batch = PlanBatchDialog.ask(self.ctx, self.runner, self.actor, self)
        if batch is None:
            return
        self.message.show_info(self.tr("Batch {n} planned from {product} v{version}.").format(
            n=batch.batch_number, product=batch.product_code, version=batch.mbr_version))
        self._wanted = batch.batch_number
        self.changes.announce(Changes.of(BATCH, numbers=[batch.batch_number]))  # this page refreshes too
