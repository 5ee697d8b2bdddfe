"""One deviation (DEV-1): classification, what it touches, investigation, root cause, disposition; its impact
on other batches in one click (the forward trace of every lot and batch it touches); the signed QA closure."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app import deviations
from app.deviation_review import ImpactView, deviation_impact
from app.deviations import DeviationView
from app.signatures import SigningSession
from domain.deviations import DeviationStatus
from domain.documents import DocumentKind
from domain.users import Actor, Permission
from ui.documents.document_button import DocumentButton
from ui.quality.close_deviation_dialog import CloseDeviationDialog
from ui.quality.investigation_dialog import InvestigationDialog
from ui.shell.changes import DEVIATION, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.detail_pane import DetailPane
from ui.widgets.local_time import local_text
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import push_button, record_table

if TYPE_CHECKING:
    from app.services import Services


class DeviationDetailWidget(DetailPane[DeviationView]):
    """`open_record(kind, number)`: a linked lot or batch, or the forward trace of an impacted one."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, session: SigningSession,
                 on_account_locked: Callable[[str], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="deviation", title=self.tr("Deviation"), kinds=(DEVIATION,),
                         empty_text=self.tr("Select a deviation to see its investigation and what it touches."),
                         parent=parent)
        self.ctx, self.actor, self.session, self.on_account_locked = ctx, actor, session, on_account_locked
        self._kinds = {"lot": self.tr("Lot"), "batch": self.tr("Batch"), "result": self.tr("QC result"),
                       "alert": self.tr("Alert"), "excursion": self.tr("Excursion"),
                       "batch_step": self.tr("Batch step"), "parameter_value": self.tr("Parameter value")}
        for key, caption in (("number", self.tr("Number")), ("title", self.tr("Title")),
                             ("classification", self.tr("Classification")), ("status", self.tr("Status")),
                             ("opened", self.tr("Opened")), ("description", self.tr("Description")),
                             ("investigation", self.tr("Investigation")), ("root_cause", self.tr("Root cause")),
                             ("disposition", self.tr("Disposition")), ("closed", self.tr("Closed"))):
            self.add_field(key, caption)
        self.links = RecordTableModel([
            Column(self.tr("Linked record"), lambda link: self._kinds.get(link[0], link[0])),
            Column(self.tr("Number or ID"), lambda link: link[1]),
        ], key=lambda link: f"{link[0]}:{link[1]}", parent=self)
        self.links_table = record_table("deviationLinks", self.links)
        self.links_table.activated.connect(self._open_link)
        self.links_table.doubleClicked.connect(self._open_link)
        self.impact = RecordTableModel([
            Column(self.tr("From"), lambda i: i.ref),
            Column(self.tr("Batches"), lambda i: str(i.batches), numeric=True),
            Column(self.tr("Lots"), lambda i: str(i.lots), numeric=True),
            Column(self.tr("Finished lots"), lambda i: str(i.finished_lots), numeric=True),
            Column(self.tr("Shipments"), lambda i: str(i.shipments), numeric=True),
            Column(self.tr("Customers"), lambda i: ", ".join(i.customers)),
        ], key=lambda i: i.ref, parent=self)
        self.impact_table = record_table("deviationImpact", self.impact)
        self.impact_table.setToolTip(self.tr("Double-click a row to open its forward trace."))
        self.impact_table.activated.connect(self._open_trace)
        self.impact_table.doubleClicked.connect(self._open_trace)
        self.impact_table.setVisible(False)
        self.buttons = QHBoxLayout()
        self.start_button = push_button(self.tr("Start investigation"), "startInvestigation", self.start)
        self.record_button = push_button(self.tr("Record findings..."), "recordFindings", self.record_findings)
        self.impact_button = push_button(self.tr("Impact on other batches"), "deviationImpactButton",
                                         self.show_impact)
        self.close_button = push_button(self.tr("Close (signed)..."), "closeDeviation", self.close_signed)
        self.report_button = DocumentButton(ctx, runner, actor, DocumentKind.DEVIATION_REPORT,
                                            self.tr("Deviation report..."), "deviationReport", self)
        self.report_button.issued.connect(self.show_info)
        self.report_button.failed.connect(self.show_error)
        for button in (self.start_button, self.record_button, self.impact_button, self.close_button,
                       self.report_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.body.addWidget(QLabel(self.tr("What it touches")))
        self.body.addWidget(self.links_table)
        self.body.addLayout(self.buttons)
        self.body.addWidget(self.impact_table)
        self.finish()

    def fetch(self, number: str) -> Callable[[], DeviationView]:
        ctx, actor = self.ctx, self.actor
        return lambda: deviations.get_deviation(ctx.read_uow(), actor, number)

    def present(self, record: DeviationView | None) -> None:
        self.links.set_records(list(record.links) if record else [])
        self.impact.set_records([])
        self.impact_table.setVisible(False)
        status = record.status if record else None
        can = self.actor.can
        self.start_button.setVisible(status == DeviationStatus.OPEN.value
                                     and can(Permission.INVESTIGATE_DEVIATION))
        self.record_button.setVisible(status == DeviationStatus.INVESTIGATION.value
                                      and can(Permission.INVESTIGATE_DEVIATION))
        self.close_button.setVisible(status == DeviationStatus.INVESTIGATION.value
                                     and can(Permission.CLOSE_DEVIATION))
        self.impact_button.setVisible(record is not None)
        self.report_button.set_subject(record.number if record else None)
        if record is None:
            return
        cause = ": ".join(p for p in (status_name(record.root_cause_category or ""), record.root_cause or "") if p)
        none = self.tr("(not yet)")
        self.set_values(number=record.number, title=record.title, classification=status_name(record.classification),
                        status=status_name(record.status),
                        opened=f"{local_text(record.opened_at)}, {record.opened_by}", description=record.description,
                        investigation=record.investigation or none, root_cause=cause or none,
                        disposition=record.disposition or none,
                        closed=local_text(record.closed_at) if record.closed_at else "")

    # --- acting -------------------------------------------------------------------------------------
    def start(self) -> None:
        if self.record is None:
            return
        ctx, actor, number = self.ctx, self.actor, self.record.number
        self.runner.run(lambda: deviations.start_investigation(ctx.uow(), actor, number),
                        on_done=lambda d: self._saved(d, self.tr("Investigation of {number} started.")),
                        on_error=self.show_error)

    def record_findings(self) -> None:
        if self.record is None:
            return
        saved = InvestigationDialog.ask(self.ctx, self.runner, self.actor, self.record, self)
        if saved is not None:
            self._saved(saved, self.tr("Findings of {number} recorded."))

    def close_signed(self) -> None:
        if self.record is None:
            return
        closed = CloseDeviationDialog.ask(self.ctx, self.runner, self.session, self.record, self,
                                          on_account_locked=self.on_account_locked)
        if closed is not None:
            self._saved(closed, self.tr("Deviation {number} closed (signed)."))

    def _saved(self, deviation: DeviationView, text: str) -> None:
        self.show_info(text.format(number=deviation.number))
        self.changes.announce(Changes.of(DEVIATION, numbers=[deviation.number]))

    def show_impact(self) -> None:
        if self.record is None:
            return
        ctx, actor, number = self.ctx, self.actor, self.record.number
        self.runner.run(lambda: deviation_impact(ctx.read_uow(), actor, number), on_done=self._impact_loaded,
                        on_error=self.show_error)

    def _impact_loaded(self, impact: list[ImpactView]) -> None:
        self.impact.set_records(impact)
        self.impact_table.setVisible(True)
        if not impact:
            self.show_info(self.tr("It touches no lot or batch: nothing to trace."))
        else:
            self.show_info(self.tr("Reached by the forward trace: {batches} batch(es), {shipments} shipment(s).")
                           .format(batches=sum(i.batches for i in impact), shipments=sum(i.shipments for i in impact)))

    def _open_link(self) -> None:
        rows = self.links_table.selectionModel().selectedRows()
        link = self.links.record_at(rows[0].row()) if rows else None
        if link is not None and link[0] in ("lot", "batch"):
            self.open_record.emit(link[0], link[1])

    def _open_trace(self) -> None:
        rows = self.impact_table.selectionModel().selectedRows()
        row = self.impact.record_at(rows[0].row()) if rows else None
        if isinstance(row, ImpactView):
            self.open_record.emit("trace", row.ref)
