"""One recall (TRC-4): trigger, reason, status, the scope frozen at opening, the customers with their
notification status and returned quantity; recording progress, closing with a statement, exporting CSV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QWidget

from app import recalls
from app.recalls import RecallCustomerView, RecallView
from domain.documents import DocumentKind
from domain.recall import RecallStatus
from domain.users import Actor, Permission
from ui.documents.document_button import DocumentButton
from ui.recalls.recall_progress_dialog import RecallProgressDialog, next_step
from ui.shell.changes import RECALL, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.detail_pane import DetailPane
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import kind_name, status_name, stored_name
from ui.widgets.widget_parts import choose_save_path, push_button, quantity_text, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services

_INDENT = "    "


class RecallDetailWidget(DetailPane[RecallView]):
    """`open_record(kind, number)` asks the window to show the trigger lot."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="recall", title=self.tr("Recall"), kinds=(RECALL,), parent=parent,
                         empty_text=self.tr("Select a recall to see its scope and customers."))
        self.ctx, self.actor = ctx, actor
        self.header = QLabel()
        self.header.setObjectName("recallHeader")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._build_models()
        self.scope_table = record_table("recallScopeTable", self.scope_model)
        self.customer_table = record_table("recallCustomerTable", self.customer_model)
        self.customer_table.selectionModel().selectionChanged.connect(self._update_buttons)
        may_manage = actor.can(Permission.MANAGE_RECALL)
        self.advance_button = push_button(self.tr("Record progress..."), "advanceCustomer", self.advance_customer)
        self.close_button = push_button(self.tr("Close recall..."), "closeRecall", self.close_recall)
        self.export_button = push_button(self.tr("Export CSV..."), "exportRecall", self.export_csv)
        self.advance_button.setVisible(may_manage)  # convenience: the service checks (ACC-4)
        self.close_button.setVisible(may_manage)
        self.report_button = DocumentButton(ctx, runner, actor, DocumentKind.RECALL_REPORT, self.tr("Recall report..."),
                                            "recallReport")  # TRC-4, DOC-2
        self.report_button.issued.connect(self.message.show_info)
        self.report_button.failed.connect(self.message.show_error)
        buttons = QHBoxLayout()
        for button in (self.advance_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.export_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.customer_table)
        splitter.addWidget(self.scope_table)
        self.body.addWidget(self.header)
        self.body.addLayout(buttons)
        self.body.addWidget(splitter, 1)
        self.finish(stretch=False)

    def _build_models(self) -> None:
        self.scope_model = RecordTableModel((
            Column(self.tr("Number"), lambda s: _INDENT * s.depth + s.number, tooltip=lambda s: s.path),
            Column(self.tr("Kind"), lambda s: kind_name(s.kind)),
            Column(self.tr("Item"), lambda s: s.item_code or ""),
            Column(self.tr("Quantity"), lambda s: quantity_text(s.quantity), numeric=True),
            Column(self.tr("Unit"), lambda s: s.unit or ""),
            Column(self.tr("Status at opening"), lambda s: status_name(s.status_at_open)),
            Column(self.tr("Customer"), lambda s: s.customer_code or ""),
            Column(self.tr("Action"), lambda s: stored_name("RecallAction", s.action)),
        ), lambda s: f"{s.kind}{s.number}", self)
        # Shipments last: a customer reached by a bulk lot can have a hundred, and the quantities stay in view.
        self.customer_model = RecordTableModel((
            Column(self.tr("Customer"), lambda c: c.customer_code),
            Column(self.tr("Name"), lambda c: c.customer_name),
            Column(self.tr("Quantity"), lambda c: quantity_text(c.quantity), numeric=True),
            Column(self.tr("Returned"), lambda c: quantity_text(c.returned_quantity), numeric=True),
            Column(self.tr("Status"), lambda c: status_name(c.status)),
            Column(self.tr("Updated"), lambda c: time_text(c.updated_at)),
            Column(self.tr("Shipments"), lambda c: c.shipments, tooltip=lambda c: c.shipments),
        ), lambda c: c.customer_code, self)

    # --- showing ------------------------------------------------------------------------------------
    def fetch(self, number: str) -> Callable[[], RecallView]:
        ctx, actor = self.ctx, self.actor
        return lambda: recalls.get_recall(ctx.read_uow(), actor, number)

    def present(self, recall: RecallView | None) -> None:
        selected = self.selected_customer()
        self.header.setVisible(recall is not None)
        if recall is None:
            self.header.clear()
        self.report_button.set_subject(recall.recall_number if recall else None)
        self.scope_model.set_records(recall.scope if recall else [])
        self.customer_model.set_records(recall.customers if recall else [])
        if recall is not None:
            done, total = recall.progress
            closed = self.tr("; closed {at}").format(at=time_text(recall.closed_at)) if recall.closed_at else ""
            self.header.setText(self.tr(
                "Recall {n}: {status}\nTrigger: lot {lot}\nReason: {reason}\nOpened {opened}{closed}\n"
                "Customers completed: {done} of {total}"
            ).format(n=recall.recall_number, status=status_name(recall.status), lot=recall.trigger_lot_number,
                     reason=recall.reason, opened=time_text(recall.opened_at), closed=closed, done=done,
                     total=total))
            row = self.customer_model.row_of(selected.customer_code) if selected else -1
            if row >= 0:
                self.customer_table.selectRow(row)
        self._update_buttons()

    def selected_customer(self) -> RecallCustomerView | None:
        rows = self.customer_table.selectionModel().selectedRows()
        record = self.customer_model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, RecallCustomerView) else None

    def _update_buttons(self) -> None:
        is_open = self.record is not None and self.record.status == RecallStatus.OPEN.value
        customer = self.selected_customer()
        self.advance_button.setEnabled(is_open and customer is not None and next_step(customer.status) is not None)
        self.close_button.setEnabled(is_open)
        self.export_button.setEnabled(self.record is not None)

    # --- acting -------------------------------------------------------------------------------------
    def advance_customer(self) -> None:
        recall, customer = self.record, self.selected_customer()
        if recall is None or customer is None:
            return
        progress = RecallProgressDialog.ask(customer, self)
        if progress is None:
            return
        ctx, actor, number, code = self.ctx, self.actor, recall.recall_number, customer.customer_code
        self.runner.run(lambda: recalls.record_progress(ctx.uow(), actor, number, code, progress.status,
                                                        progress.reason, progress.returned),
                        on_done=lambda view: self._written(view, self.tr("{customer} is now {status}.").format(
                            customer=code, status=status_name(progress.status.value))),
                        on_error=self.message.show_error)

    def close_recall(self) -> None:
        recall = self.record
        if recall is None:
            return
        statement = ReasonDialog.ask(self.tr(
            "Close recall {n}? Write the closing statement: what was recovered, what was destroyed, what is left."
        ).format(n=recall.recall_number), self)
        if statement is None:
            return
        ctx, actor, number = self.ctx, self.actor, recall.recall_number
        self.runner.run(lambda: recalls.close_recall(ctx.uow(), actor, number, statement),
                        on_done=lambda view: self._written(view, self.tr("Recall {n} closed.").format(n=number)),
                        on_error=self.message.show_error)

    def _written(self, view: RecallView, text: str) -> None:
        self.message.show_info(text)
        self.changes.announce(Changes.of(RECALL, numbers=[view.recall_number]))

    def choose_export_path(self, file_name: str) -> Path | None:
        return choose_save_path(self, self.tr("Export the recall"), file_name)

    def export_csv(self) -> None:
        recall = self.record
        if recall is None:
            return
        path = self.choose_export_path(f"recall-{recall.recall_number}-{date.today():%Y%m%d}.csv")
        if path is None:
            return
        self.runner.run(lambda: recalls.export_recall_csv(recall, path), on_done=self._exported,
                        on_error=self.message.show_error, database=False)

    def _exported(self, path: Path) -> None:
        self.message.show_info(self.tr("Recall exported to {path}.").format(path=path))
