"""The recalls page (TRC-4): every recall with its progress, and one recall in detail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from app import recalls
from app.recalls import RecallSummary
from domain.users import Actor
from ui.recalls.recall_detail_widget import RecallDetailWidget
from ui.shell.changes import RECALL, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services


class RecallListWidget(QWidget):
    """`open_record(kind, number)` asks the window to show another page."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recallList")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._select: str | None = None
        self.model = RecordTableModel((
            Column(self.tr("Recall"), lambda r: r.recall_number),
            Column(self.tr("Trigger lot"), lambda r: r.trigger_lot_number),
            Column(self.tr("Status"), lambda r: status_name(r.status)),
            Column(self.tr("Customers completed"), lambda r: self.tr("{done} of {total}").format(
                done=r.progress[0], total=r.progress[1])),
            Column(self.tr("Opened"), lambda r: time_text(r.opened_at)),
            Column(self.tr("Reason"), lambda r: r.reason, tooltip=lambda r: r.reason),
        ), lambda r: r.recall_number, self)
        self.table = record_table("recallTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.detail = RecallDetailWidget(ctx, runner, actor, changes)
        self.detail.open_record.connect(self.open_record)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshRecalls", self.refresh))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.message = MessageLabel(self, object_name="recallMessage")
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = self.selected()
        self._select = select or (current.recall_number if current else None)
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: recalls.list_recalls(ctx.read_uow(), actor), on_done=self._loaded,
                        on_error=self.message.show_error)

    def _loaded(self, views: list[RecallSummary]) -> None:
        self.model.set_records(views)
        row = self.model.row_of(self._select) if self._select else -1
        if row >= 0:
            self.table.selectRow(row)
        else:  # the pane never shows a recall that is not listed
            self.table.clearSelection()
            self.detail.show_record(None)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(RECALL):
            self.refresh()

    def selected(self) -> RecallSummary | None:
        rows = self.table.selectionModel().selectedRows()
        record = self.model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, RecallSummary) else None

    def _selection_changed(self) -> None:
        view = self.selected()
        self.detail.show_record(view.recall_number if view is not None else None)

    def show_record(self, number: str) -> None:
        """Show one recall (opened from the trace page, the global search)."""
        self.refresh(select=number)
        self.detail.show_record(number)
