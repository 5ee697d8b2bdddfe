"""The trace page (TRC-1..TRC-3): from a lot, batch, shipment or supplier-lot number, where it came from and
where it went, as a tree; export as CSV; open a recall from a lot (TRC-4).

The trace runs on the task runner, off the GUI thread; double-clicking a node opens its page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTreeView, QVBoxLayout, QWidget

from app import recalls, trace
from app.recalls import RecallView
from app.trace import Trace
from domain.trace import Direction, NodeInfo, NodeKind
from domain.users import Actor, Permission
from ui.shell.changes import BATCH, LOT, RECALL, SHIPMENT, ChangeHub, Changes
from ui.shell.task_runner import Runner, user_message
from ui.trace.trace_tree_model import TraceTreeModel
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.status_names import kind_name
from ui.widgets.widget_parts import choose_save_path, line_edit, push_button

if TYPE_CHECKING:
    from app.bootstrap import AppContext

_PAGES = {NodeKind.LOT: "lot", NodeKind.BATCH: "batch", NodeKind.SHIPMENT: "shipment"}


@dataclass(frozen=True)
class _Timed:
    trace: Trace
    seconds: float


class TraceWidget(QWidget):
    """`open_record(kind, number)` asks the window to show a lot, batch, shipment or recall page."""

    open_record = Signal(str, str)

    def __init__(self, ctx: AppContext, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traceView")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._request: tuple[str, str] | None = None
        self.number = line_edit("traceNumber", self.tr("lot, batch, shipment or supplier lot number"))
        self.number.setClearButtonEnabled(True)
        self.number.returnPressed.connect(self.run_trace)
        self.direction = QComboBox()
        self.direction.setObjectName("traceDirection")
        for text, value in ((self.tr("Both directions"), "both"), (self.tr("Forward (where it went)"), "forward"),
                            (self.tr("Backward (where it came from)"), "backward")):
            self.direction.addItem(text, value)
        self.model = TraceTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("traceTree")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.doubleClicked.connect(self._open_node)
        self.tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.summary = QLabel()
        self.summary.setObjectName("traceSummary")
        self.summary.setWordWrap(True)
        self.export_button = push_button(self.tr("Export CSV..."), "exportTrace", self.export_csv)
        self.recall_button = push_button(self.tr("Open recall..."), "openRecall", self.open_recall)
        self.recall_button.setVisible(actor.can(Permission.OPEN_RECALL))  # the service checks (ACC-4)
        self.message = MessageLabel(self, object_name="traceMessage")
        search_row = QHBoxLayout()
        search_row.addWidget(self.number, 1)
        search_row.addWidget(self.direction)
        search_row.addWidget(push_button(self.tr("Trace"), "runTrace", self.run_trace))
        action_row = QHBoxLayout()
        action_row.addWidget(self.summary, 1)
        action_row.addWidget(self.export_button)
        action_row.addWidget(self.recall_button)
        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.tree, 1)
        layout.addLayout(action_row)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self._update_buttons()

    # --- tracing ------------------------------------------------------------------------------------
    def show_record(self, number: str) -> None:
        """Trace this number in both directions (from another page or the global search)."""
        self.number.setText(number)
        self.direction.setCurrentIndex(0)
        self.run_trace()

    def run_trace(self, *, quiet: bool = False) -> None:
        """Trace what the fields say; `quiet` (a refresh after a change) keeps the message shown."""
        number, direction = self.number.text().strip(), self.direction.currentData()
        if not number:
            self.message.show_error(self.tr("Type a lot, batch, shipment or supplier lot number."))
            return
        self._request = (number, direction)
        if not quiet:
            self.message.show_info(self.tr("Tracing {n}…").format(n=number))
        ctx, actor = self.ctx, self.actor

        def work() -> _Timed:
            started = time.perf_counter()
            result = trace.trace(ctx.read_uow(), actor, number, direction)
            return _Timed(result, time.perf_counter() - started)

        self.runner.run(work, on_done=partial(self._traced, quiet), on_error=self._failed)

    def _traced(self, quiet: bool, timed: _Timed) -> None:
        if not quiet:
            self.message.clear_message()
        self.model.show(timed.trace)
        self.tree.expandAll()
        for column in range(self.model.columnCount()):
            self.tree.resizeColumnToContents(column)
        root = timed.trace.root
        parts = []
        for result in timed.trace.results():
            others = len(result.nodes) - 1
            customers = result.customers
            if result.direction is Direction.FORWARD:
                parts.append(self.tr("forward {n} records, {c} customers").format(n=others, c=len(customers)))
            else:
                parts.append(self.tr("backward {n} records").format(n=others))
        self.summary.setText(self.tr("{kind} {number}: {parts}. Traced in {ms} ms.").format(
            kind=kind_name(root.kind.value), number=root.number,
            parts="; ".join(parts), ms=round(timed.seconds * 1000)))
        self._update_buttons()

    def _changed(self, changes: Changes) -> None:
        if self.model.trace is not None and self._request and changes.touches(LOT, BATCH, SHIPMENT):
            number, direction = self._request
            self.number.setText(number)
            self.direction.setCurrentIndex(max(self.direction.findData(direction), 0))
            self.run_trace(quiet=True)

    def selected_node(self) -> NodeInfo | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.node_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.model.trace is not None)
        self.recall_button.setEnabled(self._recall_lot() is not None)

    def _recall_lot(self) -> NodeInfo | None:
        """The selected lot, or the traced lot when nothing is selected."""
        node = self.selected_node()
        if node is None and self.model.trace is not None:
            node = self.model.trace.root
        return node if node is not None and node.kind is NodeKind.LOT else None

    def _open_node(self, index: QModelIndex) -> None:
        node = self.model.node_at(index)
        if node is not None:
            self.open_record.emit(_PAGES[node.kind], node.number)

    # --- export and recall --------------------------------------------------------------------------
    def choose_export_path(self, file_name: str) -> Path | None:
        return choose_save_path(self, self.tr("Export the trace"), file_name)

    def export_csv(self) -> None:
        result = self.model.trace
        if result is None:
            return
        path = self.choose_export_path(f"trace-{result.root.number}-{date.today():%Y%m%d}.csv")
        if path is None:
            return
        self.runner.run(lambda: trace.export_trace_csv(result, path), on_done=self._exported,
                        on_error=self._failed, database=False)

    def _exported(self, path: Path) -> None:
        self.message.show_info(self.tr("Trace exported to {path}.").format(path=path))

    def open_recall(self) -> None:
        lot = self._recall_lot()
        if lot is None:
            return
        reason = ReasonDialog.ask(self.tr(
            "Open a recall for lot {n}? Everything traced forward from it that is in stock or not yet released is "
            "put on hold, released batches are marked recalled, and the customers it reached are listed. "
            "Say what was found and by whom."
        ).format(n=lot.number), self)
        if reason is None:
            return
        ctx, actor, number = self.ctx, self.actor, lot.number
        self.runner.run(lambda: recalls.open_recall(ctx.uow(), actor, number, reason), on_done=self._recall_opened,
                        on_error=self._failed)

    def _recall_opened(self, recall: RecallView) -> None:
        self.message.show_info(self.tr(
            "Recall {n} opened: {scope} records in scope, {customers} customers to notify."
        ).format(n=recall.recall_number, scope=len(recall.scope), customers=len(recall.customers)))
        self.changes.announce(Changes.of(RECALL, LOT, BATCH, numbers=[recall.recall_number]))
        self.open_record.emit("recall", recall.recall_number)

    def _failed(self, error: Exception) -> None:
        self.message.show_error(user_message(error))
