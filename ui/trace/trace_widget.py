"""The trace page (TRC-1..TRC-4): from a lot, batch, shipment or supplier-lot number, where it came from and
where it went, as a tree opened level by level; its scope in a sentence; the whole tree as CSV; a recall.

Everything runs on the task runner, off the GUI thread: first the record and its first level (the tree is
shown at once), then the scope counted by the database (the summary), then each node's children when it is
opened, 200 at a time. Double-clicking a node opens its page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QTreeView, QVBoxLayout, QWidget

from app import recalls, trace
from app.recalls import RecallView
from app.trace import ExportedTrace, TraceStart
from domain.trace import ChildPage, Direction, NodeInfo, NodeKind
from domain.trace_scope import TraceScope
from domain.users import Actor, Permission
from ui.shell.changes import BATCH, LOT, RECALL, SHIPMENT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.trace.trace_tree_model import COLUMNS, TraceTreeModel
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.status_names import kind_name
from ui.widgets.widget_parts import choose_save_path, line_edit, push_button

if TYPE_CHECKING:
    from app.services import Services

_PAGES = {NodeKind.LOT: "lot", NodeKind.BATCH: "batch", NodeKind.SHIPMENT: "shipment"}
_CELL_PADDING = 16  # pixels beside a cell's text, as the view's own size hints allow


@dataclass(frozen=True)
class _Timed:
    start: TraceStart
    seconds: float


class TraceWidget(QWidget):
    """`open_record(kind, number)` asks the window to show a lot, batch, shipment or recall page."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("traceView")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._request: tuple[str, str] | None = None
        self._shown: tuple[str, str] | None = None  # (number, direction) of the tree on screen
        self.number = line_edit("traceNumber", self.tr("lot, batch, shipment or supplier lot number"))
        self.number.setClearButtonEnabled(True)
        self.number.returnPressed.connect(self.run_trace)
        self.direction = QComboBox()
        self.direction.setObjectName("traceDirection")
        for text, value in ((self.tr("Both directions"), "both"), (self.tr("Forward (where it went)"), "forward"),
                            (self.tr("Backward (where it came from)"), "backward")):
            self.direction.addItem(text, value)
        self.model = TraceTreeModel(self)
        self.model.fetch_wanted.connect(self._load_children)
        self.tree = self._make_tree()
        self.summary = QLabel()
        self.summary.setObjectName("traceSummary")
        self.summary.setWordWrap(True)
        # Two lines kept for it, whatever it says: a page whose layout moves as the trace arrives repaints the
        # whole tree once more each time (a GUI frame lost on a large trace).
        self.summary.setMinimumHeight(2 * self.summary.fontMetrics().lineSpacing() + 4)
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

    def _make_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("traceTree")
        tree.setModel(self.model)
        tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setUniformRowHeights(True)
        tree.doubleClicked.connect(self._open_node)
        tree.clicked.connect(self.model.request_more)
        tree.activated.connect(self.model.request_more)
        tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._fit_columns)
        for column in range(self.model.columnCount()):  # before any trace: the headers whole
            tree.setColumnWidth(column, tree.header().sectionSizeHint(column))
        return tree

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
            self.message.clear_message()
            self.summary.setText(self.tr("Tracing {n}…").format(n=number))
        ctx, actor = self.ctx, self.actor

        def work() -> _Timed:
            started = time.perf_counter()
            start = trace.start_trace(ctx.read_uow(), actor, number, direction)
            return _Timed(start, time.perf_counter() - started)

        self.runner.run(work, on_done=partial(self._traced, quiet, direction), on_error=self.message.show_error)

    def _traced(self, quiet: bool, direction: str, timed: _Timed) -> None:
        start = timed.start
        self._shown = (start.root.number, direction)
        self.model.show(start.root, start.levels)
        for column in range(COLUMNS):
            self.tree.setColumnWidth(column, 0)  # sized again from what this trace shows
        self._fit_columns(QModelIndex(), 0, self.model.rowCount() - 1)
        for title in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(title, QModelIndex(), True)  # a direction's title across the tree
            top = self.model.index(title, 0)
            root = self.model.index(0, 0, top)
            self.tree.setExpanded(top, True)
            self.tree.setExpanded(root, True)
            self._fit_columns(top, 0, 0)
            self._fit_columns(root, 0, self.model.rowCount(root) - 1)
        self.summary.setText(self.tr("{kind} {number}: counting what the trace reaches… (first level in {ms} ms)")
                             .format(kind=kind_name(start.root.kind.value), number=start.root.number,
                                     ms=round(timed.seconds * 1000)))
        self._update_buttons()
        ctx, actor, number = self.ctx, self.actor, start.root.number
        wanted = [page.direction.value for page in start.levels]
        self.runner.run(lambda: [trace.trace_scope(ctx.read_uow(), actor, number, d) for d in wanted],
                        on_done=partial(self._counted, start.root, timed.seconds), on_error=self.message.show_error)

    def _counted(self, root: NodeInfo, seconds: float, scopes: list[TraceScope]) -> None:
        if self.model.root != root:
            return  # another trace was asked for meanwhile
        parts = [self._scope_text(scope) for scope in scopes]
        self.summary.setText(self.tr("{kind} {number}: {parts}. First level in {ms} ms.").format(
            kind=kind_name(root.kind.value), number=root.number, parts="; ".join(parts), ms=round(seconds * 1000)))

    def _scope_text(self, scope: TraceScope) -> str:
        counts = {"batches": f"{scope.batches:,}", "lots": f"{scope.lots:,}", "finished": f"{scope.finished_lots:,}",
                  "shipments": f"{scope.shipments:,}", "customers": f"{len(scope.customer_codes):,}",
                  "suppliers": f"{len(scope.suppliers):,}"}
        if scope.direction is Direction.FORWARD:
            return self.tr("forward: batches {batches}, lots {lots} (finished {finished}), shipments {shipments}, "
                           "customers {customers}").format(**counts)
        return self.tr("backward: batches {batches}, lots {lots}, suppliers {suppliers}").format(**counts)

    def _load_children(self, entry: int, node: NodeInfo, direction: Direction, offset: int) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: trace.trace_children(ctx.read_uow(), actor, node, direction, offset),
                        on_done=partial(self._children_loaded, entry),
                        on_error=partial(self._children_failed, entry))

    def _children_loaded(self, entry: int, page: ChildPage) -> None:
        self.model.add_page(entry, page)

    def _children_failed(self, entry: int, error: Exception) -> None:
        self.model.failed(entry)
        self.message.show_error(error)

    def _fit_columns(self, parent: QModelIndex, first: int, last: int) -> None:
        """Widen the columns to the rows just shown (a page at most: a sample, never the whole tree), so that
        no number is cut off; columns never narrow while the tree is open."""
        metrics = self.tree.fontMetrics()
        if not parent.isValid():  # the directions' titles, in bold
            bold = QFont(self.tree.font())
            bold.setBold(True)
            metrics = QFontMetrics(bold)
        depth = 0
        up = parent
        while up.isValid():
            depth, up = depth + 1, up.parent()
        header = self.tree.header()
        for column, texts in enumerate(self.model.page_texts(parent, first, last)):
            widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
            if column == 0:
                widest += (depth + 1) * self.tree.indentation()
            wanted = max(widest + _CELL_PADDING, header.sectionSizeHint(column))
            if wanted > self.tree.columnWidth(column):
                self.tree.setColumnWidth(column, wanted)

    def _changed(self, changes: Changes) -> None:
        if self._shown is not None and self._request and changes.touches(LOT, BATCH, SHIPMENT):
            number, direction = self._request
            self.number.setText(number)
            self.direction.setCurrentIndex(max(self.direction.findData(direction), 0))
            self.run_trace(quiet=True)

    def selected_node(self) -> NodeInfo | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.node_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self._shown is not None)
        self.recall_button.setEnabled(self._recall_lot() is not None)

    def _recall_lot(self) -> NodeInfo | None:
        """The selected lot, or the traced lot when nothing is selected."""
        node = self.selected_node() or self.model.root
        return node if node is not None and node.kind is NodeKind.LOT else None

    def _open_node(self, index: QModelIndex) -> None:
        node = self.model.node_at(index)
        if node is not None:
            self.open_record.emit(_PAGES[node.kind], node.number)

    # --- export and recall --------------------------------------------------------------------------
    def choose_export_path(self, file_name: str) -> Path | None:
        return choose_save_path(self, self.tr("Export the trace"), file_name)

    def export_csv(self) -> None:
        """The whole tree, every line, read again and streamed to the file off the GUI thread."""
        if self._shown is None:
            return
        number, direction = self._shown
        path = self.choose_export_path(f"trace-{number}-{date.today():%Y%m%d}.csv")
        if path is None:
            return
        self.message.show_info(self.tr("Exporting the whole trace of {n}…").format(n=number))
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: trace.export_trace_csv(ctx.read_uow(), actor, number, direction, path),
                        on_done=self._exported, on_error=self.message.show_error)

    def _exported(self, exported: ExportedTrace) -> None:
        self.message.show_info(self.tr("Trace exported to {path} ({lines} lines).").format(
            path=exported.path, lines=f"{exported.lines:,}"))

    def open_recall(self) -> None:
        lot = self._recall_lot()
        if lot is None:
            return
        reason = ReasonDialog.ask(self.tr(
            "Open a recall for lot {n}? Everything traced forward from it that is in stock or not yet released is "
            "put on hold, released batches are marked recalled, and the customers it reached are listed. "
            "Say what was found and by whom."
        ).format(n=lot.number), self, example=self.tr(
            "e.g. complaint CMP-2026-031: particles found in the resin lot by incoming QC of the moulder"))
        if reason is None:
            return
        ctx, actor, number = self.ctx, self.actor, lot.number
        self.message.show_info(self.tr("Opening a recall for lot {n}…").format(n=number))
        self.runner.run(lambda: recalls.open_recall(ctx.uow(), actor, number, reason), on_done=self._recall_opened,
                        on_error=self.message.show_error)

    def _recall_opened(self, recall: RecallView) -> None:
        self.message.show_info(self.tr(
            "Recall {n} opened. Records in scope: {scope}; customers to notify: {customers}."
        ).format(n=recall.recall_number, scope=f"{len(recall.scope):,}", customers=f"{len(recall.customers):,}"))
        self.changes.announce(Changes.of(RECALL, LOT, BATCH, numbers=[recall.recall_number]))
        self.open_record.emit("recall", recall.recall_number)
