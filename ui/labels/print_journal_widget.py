"""The print journal page (DEVC-6): every label job of every station, newest first — who printed which lot's
label, with which template version, how many copies, on which printer, and its state — with this station's
open jobs kept up to date as the queue sends them. A job that waits for its printer shows why; it is retried
here once the printer is back, or cancelled with a reason. Nothing leaves the journal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.ports import PrintJobView
from domain.printing import PrintState
from domain.users import Actor
from ui.labels.print_job_bridge import PrintJobBridge
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit, push_button, record_table, time_text

if TYPE_CHECKING:
    from app.services import Services

_RETRYABLE = (PrintState.WAITING.value, PrintState.FAILED.value)


def _colour(job: PrintJobView) -> QColor | None:
    if job.state in _RETRYABLE:
        return QColor("#b00020")
    return QColor("#1b5e20") if job.state == PrintState.PRINTED.value else None


class PrintJournalWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printJournal")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.labels = ctx.devices.labels
        self._select: int | None = None
        self.model = RecordTableModel((
            Column(self.tr("Job"), lambda j: str(j.job_id), numeric=True),
            Column(self.tr("State"), lambda j: status_name(j.state)),
            Column(self.tr("Message"), lambda j: j.error, tooltip=lambda j: j.error),
            Column(self.tr("Lot"), lambda j: j.record_id),
            Column(self.tr("Label"), lambda j: j.template),
            Column(self.tr("Copies"), lambda j: str(j.copies), numeric=True),
            Column(self.tr("Printer"), lambda j: j.printer, tooltip=lambda j: f"{j.language} {j.transport}"),
            Column(self.tr("By"), lambda j: f"{j.user_name} ({j.user_id})"),
            Column(self.tr("Queued"), lambda j: time_text(j.created_at)),
            Column(self.tr("Attempts"), lambda j: str(j.attempts), numeric=True),
            Column(self.tr("Reprint of"), lambda j: str(j.reprint_of) if j.reprint_of else ""),
            Column(self.tr("Reason"), lambda j: j.reason or ""),
            Column(self.tr("Content"), lambda j: j.content),
        ), lambda j: str(j.job_id), self, colour=_colour)
        self.table = record_table("printJournalTable", self.model)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.open_only = QCheckBox(self.tr("Only jobs not printed yet"))
        self.open_only.setObjectName("printOpenOnly")
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.lot_filter = line_edit("printJournalLot", self.tr("lot number"))
        self.lot_filter.setClearButtonEnabled(True)
        self.lot_filter.returnPressed.connect(self.refresh)
        self.retry_button = push_button(self.tr("Retry"), "retryPrintJob", self.retry)
        self.cancel_button = push_button(self.tr("Cancel job..."), "cancelPrintJob", self.cancel)
        self.count = QLabel()
        self.count.setObjectName("printJournalCount")
        self.message = MessageLabel(self, object_name="printJournalMessage")
        row = QHBoxLayout()
        row.addWidget(self.open_only)
        row.addWidget(self.lot_filter, 1)
        row.addWidget(push_button(self.tr("Refresh"), "refreshPrintJournal", self.refresh))
        row.addWidget(self.retry_button)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        self.bridge = PrintJobBridge(self.labels, self)
        self.bridge.changed.connect(self.job_changed)
        self.refresh()

    # --- loading --------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.selected_job()
        self._select = current.job_id if current is not None else self._select
        ctx, actor, labels = self.ctx, self.actor, self.labels
        lot, open_only = self.lot_filter.text().strip() or None, self.open_only.isChecked()

        def load() -> list[PrintJobView]:
            journal = labels.print_journal(ctx.read_uow(), actor, record_id=lot, open_only=open_only)
            live = {job.job_id: job for job in labels.print_queue_status()}  # fresher than what was committed
            return [live.get(job.job_id, job) for job in journal]

        self.runner.run(load, on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, jobs: list[PrintJobView]) -> None:
        self.model.set_records(jobs)
        self.count.setText(self.tr("{n} print jobs").format(n=len(jobs)))
        self._reselect()

    def job_changed(self, job: PrintJobView) -> None:
        """A job of this station changed (GUI thread): show its new state, or add it when it is new."""
        jobs = self.model.records
        row = self.model.row_of(str(job.job_id))
        if row >= 0:
            jobs[row] = job
        elif self._matches(job):
            jobs.insert(0, job)
        else:
            return
        current = self.selected_job()
        self._select = current.job_id if current is not None else self._select
        self.model.set_records(jobs)
        self.count.setText(self.tr("{n} print jobs").format(n=len(jobs)))
        self._reselect()

    def _matches(self, job: PrintJobView) -> bool:
        lot = self.lot_filter.text().strip()
        return (not lot or job.record_id == lot) and (job.open or not self.open_only.isChecked())

    def _reselect(self) -> None:
        row = self.model.row_of(str(self._select)) if self._select is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_job(self) -> PrintJobView | None:
        rows = self.table.selectionModel().selectedRows()
        job = self.model.record_at(rows[0].row()) if rows else None
        return job if isinstance(job, PrintJobView) else None

    def _update_buttons(self) -> None:
        job = self.selected_job()
        self.retry_button.setEnabled(job is not None and job.state in _RETRYABLE)
        self.cancel_button.setEnabled(job is not None and job.open)

    # --- acting ---------------------------------------------------------------------------------------------
    def retry(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        labels, actor, job_id = self.labels, self.actor, job.job_id
        self.message.clear_message()
        self.retry_button.setEnabled(False)
        self.runner.run(lambda: labels.retry_job(actor, job_id), on_done=self._retried,
                        on_error=self._refused)

    def _retried(self, job: PrintJobView) -> None:
        self.job_changed(job)
        self.message.show_info(self.tr("Print job {id} is queued again for {printer}.").format(id=job.job_id,
                                                                                              printer=job.printer))

    def cancel(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        reason = ReasonDialog.ask(self.tr("Cancel print job {id} (the label of lot {lot} on {printer})? It stays in "
                                          "the print journal as cancelled.").format(
            id=job.job_id, lot=job.record_id, printer=job.printer), self)
        if reason is None:
            return
        labels, actor, job_id = self.labels, self.actor, job.job_id
        self.runner.run(lambda: labels.cancel_job(actor, job_id, reason), on_done=self._cancelled,
                        on_error=self._refused)

    def _cancelled(self, job: PrintJobView) -> None:
        self.job_changed(job)
        self.message.show_info(self.tr("Print job {id} was cancelled.").format(id=job.job_id))

    def _refused(self, error: Exception) -> None:
        """Retry or cancel refused: said inline, and the buttons fit the selected job again."""
        self.message.show_error(error)
        self._update_buttons()
