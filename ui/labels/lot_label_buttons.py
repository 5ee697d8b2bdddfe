"""The lot pane's label row (LOT-4, DEVC-5, DEVC-6): print the lot's label, preview it, reprint it with a reason.

A material lot prints the material lot label (its number as Code 128, which a scan opens); a finished-device
lot prints the UDI label. The job is journalled and queued at once and sent on the devices pool: the row
then follows that job and says when it printed, or why it waits (the printer off, out of labels) — a job
that waits stays in the print journal, where it is retried or cancelled, and is never dropped.
A lot whose label was printed (or is still queued) needs Reprint..., which asks why.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.labels import can_print_labels
from app.lots import LotView
from app.ports import PrintJobView
from domain.printing import PrintState
from domain.users import Actor
from ui.labels.label_image import render_preview
from ui.labels.label_preview_dialog import LabelPreviewDialog
from ui.labels.print_job_bridge import PrintJobBridge
from ui.labels.print_label_dialog import PrintLabelDialog
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button

if TYPE_CHECKING:
    from app.services import Services


class LotLabelButtons(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotLabels")
        self.ctx, self.runner, self.actor = ctx, runner, actor
        self.labels = ctx.devices.labels
        self.lot: LotView | None = None
        self._job: int | None = None  # the job this row reports on
        self.print_button = push_button(self.tr("Print label..."), "printLotLabel", self.print_label)
        self.preview_button = push_button(self.tr("Preview label"), "previewLotLabel", self.preview)
        self.reprint_button = push_button(self.tr("Reprint..."), "reprintLotLabel", self.reprint)
        self.message = MessageLabel(self, object_name="lotLabelMessage")
        self.bridge = PrintJobBridge(self.labels, self)
        self.bridge.changed.connect(self._job_changed)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.print_button, self.preview_button, self.reprint_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.show_lot(None)

    def show_lot(self, lot: LotView | None) -> None:
        if lot is None or self.lot is None or lot.lot_number != self.lot.lot_number:
            self.message.clear_message()
            self._job = None
        self.lot = lot
        self.setVisible(lot is not None and can_print_labels(self.actor))  # convenience: the service checks

    # --- acting ---------------------------------------------------------------------------------------------
    def print_label(self) -> None:
        self._print(reason=None)

    def reprint(self) -> None:
        if self.lot is None:
            return
        reason = ReasonDialog.ask(self.tr("Reprint the label of lot {n}? The reprint is recorded in the print "
                                          "journal with your reason.").format(n=self.lot.lot_number), self)
        if reason is not None:
            self._print(reason=reason)

    def _print(self, *, reason: str | None) -> None:
        lot = self.lot
        if lot is None:
            return
        printers = self.labels.printers()
        if not printers:
            self.message.show_error(self.tr("This station has no label printer: an administrator adds one in Tools > "
                                            "Station devices."))
            return
        chosen = PrintLabelDialog.ask(lot.lot_number, printers, self.labels.default_printer,
                                      reprint=reason is not None, parent=self)
        if chosen is None:
            return
        printer, copies = chosen
        ctx, actor, labels, number = self.ctx, self.actor, self.labels, lot.lot_number
        self.message.clear_message()
        self.runner.run(lambda: labels.print_lot_label(ctx.uow(), actor, number, printer=printer, copies=copies,
                                                       reason=reason),
                        on_done=self._queued, on_error=self.message.show_error)

    def _queued(self, job: PrintJobView) -> None:
        self._job = job.job_id
        self._job_changed(job)

    def _job_changed(self, job: PrintJobView) -> None:
        if job.job_id != self._job:
            return
        what = self.tr("Reprint of the label") if job.reprint_of else self.tr("Label")
        if job.state == PrintState.PRINTED.value:
            self.message.show_info(self.tr("{what} of lot {n} printed on {printer} (print job {id}).").format(
                what=what, n=job.record_id, printer=job.printer, id=job.job_id))
        elif job.state in (PrintState.WAITING.value, PrintState.FAILED.value):
            self.message.show_error(self.tr("{what} of lot {n} is {state}: {error} It stays in the print journal "
                                            "until it prints or is cancelled (print job {id}).").format(
                what=what, n=job.record_id, state=status_name(job.state), error=job.error, id=job.job_id))
        elif job.state == PrintState.CANCELLED.value:
            self.message.show_error(self.tr("Print job {id} was cancelled: {reason}").format(id=job.job_id,
                                                                                            reason=job.error))
        else:
            self.message.show_info(self.tr("{what} of lot {n} is {state} on {printer} (print job {id}).").format(
                what=what, n=job.record_id, state=status_name(job.state), printer=job.printer, id=job.job_id))

    def preview(self) -> None:
        lot = self.lot
        if lot is None:
            return
        ctx, actor, labels, number = self.ctx, self.actor, self.labels, lot.lot_number
        # drawing the barcodes is work for the devices pool, never the GUI thread (a QImage may be painted there)
        self.runner.run(lambda: render_preview(labels.label_preview(ctx.read_uow(), actor, number)),
                        on_done=partial(self._show_preview, number), on_error=self.message.show_error, database=False)

    def _show_preview(self, number: str, image: QImage) -> None:
        LabelPreviewDialog.ask(image, number, self)
