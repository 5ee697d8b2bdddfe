"""One batch (LOT-6..LOT-9): header, bill-of-materials progress, issues, output lots, open alerts, and what
this user may do now: start and the other workflow steps, issue and return material, complete.

Release and rejection are signed (SIG-5), never done by hand: with a `signer` (the signature dialog) they are
offered as "Sign: ..." buttons; without one, the pane says which signatures they need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app import batches, versions
from app.batches import AlertView, BatchDetail, BatchView, BomProgress
from app.versions import BatchVersions
from domain.batches import BATCH_WORKFLOW, BatchStatus
from domain.documents import DocumentKind
from domain.users import Actor, Permission
from ui.batches.batch_table_model import batch_status_text
from ui.batches.complete_batch_dialog import CompleteBatchDialog
from ui.batches.issue_material_dialog import IssueMaterialDialog
from ui.documents.document_button import DocumentButton
from ui.process.batch_charts_widget import BatchChartsWidget
from ui.process.batch_process_widget import BatchProcessWidget
from ui.quality.open_deviation_dialog import OpenDeviationDialog
from ui.quality.quality_tab import QualityTab
from ui.shell.changes import BATCH, DEVIATION, LOT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.signatures.record_signer import RecordSigner
from ui.signatures.signature_list_widget import SignatureListWidget
from ui.widgets.detail_pane import DetailPane
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import (
    Signer,
    add_sign_buttons,
    date_text,
    push_button,
    quantity_text,
    record_table,
    retire,
    signed_transitions,
    time_text,
)

if TYPE_CHECKING:
    from app.services import Services


@dataclass(frozen=True)
class _Loaded:
    detail: BatchDetail
    alerts: list[AlertView]
    versions: BatchVersions


def _bom_colour(line: BomProgress) -> QColor | None:
    return QColor("#1b5e20") if line.low <= line.issued <= line.high else None


class BatchDetailWidget(DetailPane[_Loaded]):
    """`open_record(kind, number)` asks the window to show a lot or trace the batch."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *,
                 signer: Signer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="batch", title=self.tr("Batch"), kinds=(BATCH, LOT), parent=parent,
                         empty_text=self.tr("Select a batch to see its materials, lots and what you may do with it."))
        self.signer = signer
        self.ctx, self.actor = ctx, actor
        self.header = QLabel()
        self.header.setObjectName("batchHeader")
        self.header.setWordWrap(True)
        self.master_record = QLabel()  # CHG-3: the version the batch keeps, and whether a newer one is effective
        self.master_record.setObjectName("batchMasterRecord")
        self.master_record.setWordWrap(True)
        self._build_models()
        self.tabs = self._build_tabs()
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[BatchStatus, QPushButton] = {}
        self.sign_buttons: dict[BatchStatus, QPushButton] = {}
        self.signature_note = QLabel()
        self.signature_note.setObjectName("batchSignatures")
        self.signature_note.setWordWrap(True)
        self.signature_list = SignatureListWidget(ctx, runner, actor)  # SIG-2, SIG-3: who signed, still valid?
        self.issue_button = push_button(self.tr("Issue material..."), "issueMaterial", self.issue_material)
        self.return_button = push_button(self.tr("Return material..."), "returnMaterial", self.return_material)
        self.complete_button = push_button(self.tr("Complete..."), "completeBatch", self.complete)
        # DOC-1: the batch record, printed or as PDF/DOCX, generated off the GUI thread
        self.record_button = DocumentButton(ctx, runner, actor, DocumentKind.BATCH_RECORD, self.tr("Batch record..."),
                                            "batchRecord")
        self.record_button.issued.connect(self.message.show_info)
        self.record_button.failed.connect(self.message.show_error)
        material_row = QHBoxLayout()
        for button in (self.issue_button, self.return_button, self.complete_button):
            material_row.addWidget(button)
        material_row.addStretch(1)
        material_row.addWidget(self.record_button)
        self.body.addWidget(self.header)
        self.body.addWidget(self.master_record)
        self.body.addLayout(material_row)
        self.body.addLayout(self.actions_row)
        self.body.addWidget(self.signature_note)
        self.body.addWidget(self.signature_list)
        self.body.addWidget(self.tabs, 1)
        self.finish(stretch=False)

    def _build_models(self) -> None:
        self.bom_model = RecordTableModel((
            Column(self.tr("Item"), lambda b: b.item_code),
            Column(self.tr("Required"), lambda b: quantity_text(b.required), numeric=True),
            Column(self.tr("Limits"), lambda b: f"{quantity_text(b.low)} – {quantity_text(b.high)}"),
            Column(self.tr("Issued"), lambda b: quantity_text(b.issued), numeric=True),
        ), lambda b: b.item_code, self, colour=_bom_colour)
        self.issue_model = RecordTableModel((
            Column(self.tr("Time"), lambda i: time_text(i.at)),
            Column(self.tr("Kind"), lambda i: status_name(i.kind)),
            Column(self.tr("Lot"), lambda i: i.lot_number),
            Column(self.tr("Item"), lambda i: i.item_code),
            Column(self.tr("Quantity"), lambda i: quantity_text(i.quantity), numeric=True),
            Column(self.tr("Unit"), lambda i: i.unit),
            Column(self.tr("By"), lambda i: i.by_user),
        ), lambda i: f"{i.at.isoformat()} {i.lot_number}", self)
        self.output_model = RecordTableModel((
            Column(self.tr("Lot"), lambda v: v.lot_number),
            Column(self.tr("Status"), lambda v: status_name(v.status)),
            Column(self.tr("Quantity"), lambda v: quantity_text(v.quantity), numeric=True),
            Column(self.tr("Unit"), lambda v: v.unit),
            Column(self.tr("Expires"), lambda v: date_text(v.expires_on)),
        ), lambda v: v.lot_number, self)
        self.alert_model = RecordTableModel((
            Column(self.tr("Time"), lambda a: time_text(a.raised_at)),
            Column(self.tr("Lot"), lambda a: a.lot_number or ""),
            Column(self.tr("Message"), lambda a: a.message, tooltip=lambda a: a.message),
            Column(self.tr("Raised by"), lambda a: a.raised_by),
        ), lambda a: str(a.id), self)

    def _build_tabs(self) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("batchTabs")
        tabs.addTab(record_table("bomTable", self.bom_model), self.tr("Materials"))
        tabs.addTab(record_table("issueTable", self.issue_model), self.tr("Issues and returns"))
        self.output_table = record_table("outputLotTable", self.output_model)
        self.output_table.doubleClicked.connect(self._open_output_lot)
        tabs.addTab(self.output_table, self.tr("Output lots"))
        tabs.addTab(self._alert_tab(), self.tr("Open alerts"))
        # PRC-1, PRC-2: the steps, their values and signatures; step signatures go through the same dialog
        self.process_tab = BatchProcessWidget(
            self.ctx, self.runner, self.actor, self.changes,
            step_signer=self.signer.sign_step if isinstance(self.signer, RecordSigner) else None)
        tabs.addTab(self.process_tab, self.tr("Process"))
        self.charts_tab = BatchChartsWidget(self.ctx, self.runner, self.actor)  # PRC-5, loaded only when shown
        tabs.addTab(self.charts_tab, self.tr("Charts"))
        # QC-1..QC-3, DEV-1: spec, results, deviations and the release evaluation, read while the tab is shown
        self.quality_tab = QualityTab(self.ctx, self.runner, self.actor, self.changes, tabs=tabs,
                                      record_type="batch")
        self.quality_tab.open_record.connect(self.open_record)
        return tabs

    def _alert_tab(self) -> QWidget:
        """The open alerts of the batch; QA acknowledges one by saying what was done (LOT-7, e.g. a deviation)."""
        self.alert_table = record_table("alertTable", self.alert_model)
        self.acknowledge_button = QPushButton(self.tr("Acknowledge alert..."))
        self.acknowledge_button.setObjectName("acknowledgeAlert")
        self.acknowledge_button.clicked.connect(lambda _checked=False: self.acknowledge_alert())
        self.acknowledge_button.setVisible(self.actor.can(Permission.ACKNOWLEDGE_ALERT))  # the service checks
        self.acknowledge_button.setEnabled(False)
        # DEV-1, LOT-7: a refused issue escalated to a deviation linked to the alert, its batch and its lot
        self.escalate_button = push_button(self.tr("Escalate to deviation..."), "escalateAlert", self.escalate_alert)
        self.escalate_button.setVisible(self.actor.can(Permission.OPEN_DEVIATION)
                                        and self.actor.can(Permission.ACKNOWLEDGE_ALERT))
        self.escalate_button.setEnabled(False)
        self.alert_table.selectionModel().selectionChanged.connect(lambda *_: self._alert_selected())
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.alert_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.acknowledge_button)
        row.addWidget(self.escalate_button)
        row.addStretch(1)
        layout.addLayout(row)
        return tab

    def _alert_selected(self) -> None:
        chosen = bool(self.alert_table.selectionModel().selectedRows())
        self.acknowledge_button.setEnabled(chosen)
        self.escalate_button.setEnabled(chosen)

    def _selected_alert(self) -> AlertView | None:
        rows = self.alert_table.selectionModel().selectedRows()
        alert = self.alert_model.record_at(rows[0].row()) if rows else None
        return alert if isinstance(alert, AlertView) else None

    def escalate_alert(self) -> None:
        alert = self._selected_alert()
        if alert is None:
            return
        opened = OpenDeviationDialog.ask(self.ctx, self.runner, self.actor, alert=alert, parent=self)
        if opened is None:
            return
        self.message.show_info(self.tr("Deviation {number} opened from the alert; the alert is acknowledged.").format(
            number=opened.number))
        self.changes.announce(Changes.of(BATCH, DEVIATION, numbers=[alert.batch_number or "", opened.number]))

    def acknowledge_alert(self) -> None:
        alert = self._selected_alert()
        if alert is None:
            return
        note = ReasonDialog.ask(self.tr("Acknowledge the alert “{message}”? Say what was done about it (for "
                                        "example the deviation opened).").format(message=alert.message), self)
        if note is None:
            return
        ctx, actor, alert_id = self.ctx, self.actor, alert.id
        self.runner.run(lambda: batches.acknowledge_alert(ctx.uow(), actor, alert_id, note),
                        on_done=self._alert_acknowledged, on_error=self.message.show_error)

    def _alert_acknowledged(self, alert: AlertView) -> None:
        self.message.show_info(self.tr("Alert acknowledged; it is kept in the audit trail."))
        self.changes.announce(Changes.of(BATCH, numbers=[alert.batch_number or ""]))

    # --- showing ------------------------------------------------------------------------------------
    @property
    def detail(self) -> BatchDetail | None:
        return self.record.detail if self.record else None

    @property
    def batch(self) -> BatchView | None:
        return self.record.detail.batch if self.record else None

    def show_record(self, number: str | None) -> None:
        self.process_tab.show_batch(number)  # the Process and Charts tabs follow the selection as the pane does
        self.charts_tab.show_batch(number)
        self.quality_tab.show_record(number)
        super().show_record(number)

    def fetch(self, number: str) -> Callable[[], _Loaded]:
        ctx, actor = self.ctx, self.actor
        return lambda: _Loaded(batches.get_batch(ctx.read_uow(), actor, number),
                               batches.open_alerts(ctx.read_uow(), actor, batch_number=number),
                               versions.batch_versions(ctx.read_uow(), actor, number))

    def present(self, loaded: _Loaded | None) -> None:
        batch = self.batch
        self.header.setVisible(batch is not None)
        self.master_record.setVisible(loaded is not None)
        self.master_record.setText(self._master_record_text(loaded.versions) if loaded else "")
        if batch is None:
            self.header.clear()
        self.bom_model.set_records(loaded.detail.bom if loaded else [])
        self.issue_model.set_records(loaded.detail.issues if loaded else [])
        self.output_model.set_records(loaded.detail.output_lots if loaded else [])
        self.alert_model.set_records(loaded.alerts if loaded else [])
        self.tabs.setTabText(3, self.tr("Open alerts ({n})").format(n=len(loaded.alerts)) if loaded
                             else self.tr("Open alerts"))
        if batch is not None:
            self.header.setText(self.tr(
                "Batch {n} of {product}, master batch record v{version}\nStatus: {status}\n"
                "Planned {planned} {unit}; produced {produced}\nPlanned {planned_at}; started {started}; "
                "completed {completed}"
            ).format(n=batch.batch_number, product=batch.product_code, version=batch.mbr_version,
                     status=batch_status_text(batch), planned=quantity_text(batch.planned_quantity),
                     unit=batch.unit, produced=quantity_text(batch.produced_quantity) or self.tr("—"),
                     planned_at=time_text(batch.planned_at), started=time_text(batch.started_at) or self.tr("—"),
                     completed=time_text(batch.completed_at) or self.tr("—")))
        self.record_button.set_subject(batch.batch_number if batch is not None else None)
        producing = batch is not None and batch.status == BatchStatus.IN_PRODUCTION.value
        for button, permission in ((self.issue_button, Permission.ISSUE_MATERIAL),
                                   (self.return_button, Permission.ISSUE_MATERIAL),
                                   (self.complete_button, Permission.PRODUCE_BATCH)):
            button.setVisible(batch is not None and self.actor.can(permission))
            button.setEnabled(producing)
        if batch is None:
            self.signature_list.clear()
        else:
            self.signature_list.show_record("batch", batch.batch_number, batch.status)
        self._rebuild_actions()

    def _master_record_text(self, kept: BatchVersions) -> str:
        used = f"{kept.product_code} v{kept.mbr_version}"
        if kept.effective_version is None:
            text = self.tr("Master record: {used} (no version is effective now)").format(used=used)
        elif kept.newer_effective:
            text = self.tr("Master record: {used} (v{effective} effective since {since})").format(
                used=used, effective=kept.effective_version, since=time_text(kept.effective_since))
        else:
            text = self.tr("Master record: {used} (the effective version)").format(used=used)
        if kept.spec_version is not None:
            text += self.tr("; specification v{version} applies to its QC testing").format(version=kept.spec_version)
        return text

    def _rebuild_actions(self) -> None:
        while self.actions_row.count():
            widget = self.actions_row.takeAt(0).widget()
            if widget is not None:
                retire(widget)
        self.action_buttons, self.sign_buttons = {}, {}
        self.signature_note.clear()
        self.signature_note.setVisible(False)
        batch = self.batch
        if batch is None:
            return
        status = BatchStatus(batch.status)
        held_from = BatchStatus(batch.held_from) if batch.held_from else None
        # Only what this user may do now; the service checks again (ACC-4).
        for target in batches.allowed_batch_actions(self.actor, status, held_from):
            if BATCH_WORKFLOW.find(status, target).signatures:
                continue  # signed, never by hand
            button = push_button(self._action_text(status, target), f"batchAction_{target.name}",
                                 lambda t=target: self.change_status(t))
            self.actions_row.addWidget(button)
            self.action_buttons[target] = button
        signed = signed_transitions(BATCH_WORKFLOW, status, self.actor)
        self.sign_buttons, note = add_sign_buttons(self, self.actions_row, signed,
                                                   signing=self.signer is not None, name_prefix="batch",
                                                   sign=self.sign)
        self.signature_note.setText(note)
        self.signature_note.setVisible(bool(note))
        self.actions_row.addStretch(1)
        self.actions_row.addWidget(push_button(self.tr("Trace..."), "traceBatch", self._trace))

    def _action_text(self, status: BatchStatus, target: BatchStatus) -> str:
        if status is BatchStatus.ON_HOLD and target not in (BatchStatus.REJECTED, BatchStatus.RECALLED):
            return self.tr("Resume...")
        return {
            BatchStatus.IN_PRODUCTION: self.tr("Start"),
            BatchStatus.QC_TESTING: self.tr("Submit to QC"),
            BatchStatus.QA_REVIEW: self.tr("Pass to QA review"),
            BatchStatus.RELEASED: self.tr("Release"),
            BatchStatus.REJECTED: self.tr("Reject..."),
            BatchStatus.ON_HOLD: self.tr("Put on hold..."),
            BatchStatus.RECALLED: self.tr("Recall..."),
        }.get(target, status_name(target.value))

    # --- acting -------------------------------------------------------------------------------------
    def change_status(self, target: BatchStatus) -> None:
        batch = self.batch
        if batch is None:
            return
        transition = BATCH_WORKFLOW.find(BatchStatus(batch.status), target)
        reason = None
        if transition.reason_required:
            reason = ReasonDialog.ask(self.tr("{action} batch {n} ({status} → {target})?").format(
                action=self._action_text(BatchStatus(batch.status), target).rstrip("."), n=batch.batch_number,
                status=status_name(batch.status), target=status_name(target.value)), self)
            if reason is None:
                return
        ctx, actor, number = self.ctx, self.actor, batch.batch_number
        self.runner.run(lambda: batches.change_batch_status(ctx.uow(), actor, number, target, reason),
                        on_done=self._status_changed, on_error=self.message.show_error)

    def sign(self, target: BatchStatus) -> None:
        """Open the signature dialog (the `signer`) for a signed transition; it writes, this pane refreshes."""
        batch = self.batch
        if batch is None or self.signer is None:
            return
        said = self.signer(self, "batch", batch.batch_number, target)
        if said is None:
            return
        self.message.show_info(said)
        self.changes.announce(Changes.of(BATCH, LOT, numbers=[batch.batch_number]))

    def _status_changed(self, batch: BatchView) -> None:
        self.message.show_info(self.tr("Batch {n} is now {status}.").format(n=batch.batch_number,
                                                                            status=status_name(batch.status)))
        self.changes.announce(Changes.of(BATCH, numbers=[batch.batch_number]))

    def issue_material(self, *, returning: bool = False) -> None:
        batch = self.batch
        if batch is None:
            return
        issue = IssueMaterialDialog.ask(self.ctx, self.runner, self.actor, batch.batch_number, returning=returning,
                                        parent=self)
        # A refused issue wrote an alert even when the user then cancels: show it either way.
        self.changes.announce(Changes.of(BATCH, LOT, numbers=[batch.batch_number]))
        if issue is None:
            return
        text = self.tr("Returned {qty} {unit} of lot {lot} ({item}) to stock.") if returning else self.tr(
            "Issued {qty} {unit} of lot {lot} ({item}) to the batch.")
        self.message.show_info(text.format(qty=quantity_text(issue.quantity), unit=issue.unit, lot=issue.lot_number,
                                           item=issue.item_code))

    def return_material(self) -> None:
        self.issue_material(returning=True)

    def complete(self) -> None:
        batch = self.batch
        if batch is None:
            return
        detail = CompleteBatchDialog.ask(self.ctx, self.runner, self.actor, batch, self)
        if detail is None:
            return
        self.message.show_info(self.tr("Batch {n} completed: finished lots {lots} in quarantine.").format(
            n=batch.batch_number, lots=", ".join(v.lot_number for v in detail.output_lots)))
        self.changes.announce(Changes.of(BATCH, LOT, numbers=[batch.batch_number]))

    def _trace(self) -> None:
        if self.batch is not None:
            self.open_record.emit("trace", self.batch.batch_number)

    def _open_output_lot(self) -> None:
        rows = self.output_table.selectionModel().selectedRows()
        lot = self.output_model.record_at(rows[0].row()) if rows else None
        if lot is not None:
            self.open_record.emit("lot", lot.lot_number)
