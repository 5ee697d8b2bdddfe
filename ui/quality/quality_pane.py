"""The Quality tab of a lot or batch (QC-1..QC-3, DEV-1): the specification version that applied, the results
against it, the deviations that touch the record, and the release evaluation with the failed rules first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import deviations, quality, release
from app.deviations import DeviationView
from app.quality import QualityView
from app.release import EvaluationView
from app.release_evidence import evidence_lines
from domain.errors import NotFound
from domain.users import Actor, Permission
from ui.quality.open_deviation_dialog import OpenDeviationDialog
from ui.shell.changes import BATCH, DEVIATION, LOT, QC_RESULT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.local_time import local_text
from ui.widgets.message_label import MessageLabel
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import rule_title, status_name
from ui.widgets.widget_parts import date_text, push_button, record_table

if TYPE_CHECKING:
    from app.services import Services

RED = QColor("#b00020")


@dataclass(frozen=True)
class QualityRead:
    plan: QualityView | None  # None: the record never entered testing
    deviations: list[DeviationView]
    evaluation: EvaluationView


def read_quality(ctx: Services, actor: Actor, record_type: str, record_id: str) -> QualityRead:
    try:
        plan = quality.quality_of(ctx.read_uow(), actor, record_type, record_id)
    except NotFound:
        plan = None
    return QualityRead(plan, deviations.deviations_touching(ctx.read_uow(), actor, record_type, record_id),
                       release.evaluate_release(ctx.read_uow(), actor, record_id))


class QualityPane(QWidget):
    """`open_record("deviation", number)` when a deviation is double-clicked."""

    open_record = Signal(str, str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qualityPane")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self._record: tuple[str, str] | None = None
        self.spec_label = QLabel()
        self.spec_label.setObjectName("qualitySpec")
        self.spec_label.setWordWrap(True)
        self.results = RecordTableModel([
            Column(self.tr("Test"), lambda r: r.test_code),
            Column(self.tr("Result"), lambda r: f"{r.reported} {r.unit}".rstrip(), numeric=True),
            Column(self.tr("Within spec"), lambda r: self.tr("yes") if r.within_spec else self.tr("OUT OF SPEC")),
            Column(self.tr("Status"), lambda r: status_name(r.status)),
            Column(self.tr("Analyst"), lambda r: r.analyst),
            Column(self.tr("Reviewed by"), lambda r: r.reviewed_by or ""),
            Column(self.tr("Entered"), lambda r: local_text(r.entered_at)),
        ], key=lambda r: r.test_code, parent=self, colour=lambda r: None if r.within_spec else RED)
        self.deviations = RecordTableModel([
            Column(self.tr("Deviation"), lambda d: d.number),
            Column(self.tr("Class"), lambda d: status_name(d.classification)),
            Column(self.tr("Status"), lambda d: status_name(d.status)),
            Column(self.tr("Title"), lambda d: d.title, tooltip=lambda d: d.description),
        ], key=lambda d: d.number, parent=self, colour=lambda d: RED if d.is_open else None)
        self.rules = RecordTableModel([
            Column(self.tr("Outcome"), lambda r: self.tr("pass") if r.passed else self.tr("FAIL")),  # first: in view
            Column(self.tr("Rule"), lambda r: rule_title(r.title)),
            Column(self.tr("Evidence"), lambda r: "; ".join(evidence_lines(r.evidence)),
                   tooltip=lambda r: "\n".join(evidence_lines(r.evidence))),
        ], key=lambda r: r.key, parent=self, colour=lambda r: None if r.passed else RED)
        self.results_table = record_table("qualityResults", self.results)
        self.deviation_table = record_table("qualityDeviations", self.deviations)
        self.deviation_table.activated.connect(self._open_deviation)
        self.deviation_table.doubleClicked.connect(self._open_deviation)
        self.rules_table = record_table("qualityRules", self.rules)
        self.outcome = QLabel()
        self.outcome.setObjectName("qualityOutcome")
        self.outcome.setWordWrap(True)
        self.message = MessageLabel(self, object_name="qualityMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.spec_label)
        layout.addWidget(self.results_table, 2)
        deviation_row = QHBoxLayout()
        deviation_row.addWidget(QLabel(self.tr("Deviations that touch it")))
        deviation_row.addStretch(1)
        # DEV-1: a deviation opened here starts linked to this lot or batch
        self.new_deviation_button = push_button(self.tr("New deviation..."), "qualityNewDeviation",
                                                self.new_deviation)
        self.new_deviation_button.setVisible(actor.can(Permission.OPEN_DEVIATION))  # the service checks (ACC-4)
        deviation_row.addWidget(self.new_deviation_button)
        layout.addLayout(deviation_row)
        layout.addWidget(self.deviation_table, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.rules_table, 2)
        layout.addWidget(self.message)
        changes.changed.connect(self._changed)
        self.show_record(None, None)

    def show_record(self, record_type: str | None, record_id: str | None) -> None:
        self._record = (record_type, record_id) if record_type and record_id else None
        self.message.clear_message()
        if self._record is None:
            self._show(None)
            return
        ctx, actor, (kind, number) = self.ctx, self.actor, self._record
        self.runner.run(lambda: read_quality(ctx, actor, kind, number),
                        on_done=lambda read: self._loaded(kind, number, read), on_error=self.message.show_error)

    def _loaded(self, kind: str, number: str, read: QualityRead) -> None:
        if self._record == (kind, number):
            self._show(read)

    def _changed(self, changes: Changes) -> None:
        if self._record is not None and changes.touches(QC_RESULT, DEVIATION, LOT, BATCH):
            self.show_record(*self._record)

    def _show(self, read: QualityRead | None) -> None:
        plan = read.plan if read else None
        self.results.set_records(plan.results if plan else [])
        self.deviations.set_records(read.deviations if read else [])
        self.rules.set_records(read.evaluation.rules if read else [])
        self.spec_label.setText(self._spec_text(read, plan))
        self.outcome.setText(self._outcome_text(read.evaluation) if read else "")
        self.new_deviation_button.setEnabled(self._record is not None)

    def _spec_text(self, read: QualityRead | None, plan: QualityView | None) -> str:
        if read is None:
            return self.tr("Select a lot or batch to see its quality.")
        if plan is None:
            return self.tr("Not on the QC worklist: it has not entered testing.")
        if plan.spec is None:
            return self.tr("No specification applied when it entered testing (item {item}).").format(
                item=plan.item_code)
        return self.tr("Specification {item} version {version} ({title}), effective {at}; QC plan {status}, due "
                       "{due}.").format(item=plan.spec.item_code, version=plan.spec.version, title=plan.spec.title,
                                        at=local_text(plan.spec.effective_at), status=status_name(plan.status),
                                        due=date_text(plan.due_on))

    def _outcome_text(self, evaluation: EvaluationView) -> str:
        failed = [r for r in evaluation.rules if not r.passed]
        if not failed:
            return self.tr("Release evaluation: every rule passes.")
        return self.tr("Release evaluation: {n} rule(s) fail, listed first.").format(n=len(failed))

    def new_deviation(self) -> None:
        if self._record is None:
            return
        opened = OpenDeviationDialog.ask(self.ctx, self.runner, self.actor, [self._record], parent=self)
        if opened is None:
            return
        self.changes.announce(Changes.of(DEVIATION, numbers=[opened.number]))  # re-reads the pane, clearing its line
        self.message.show_info(self.tr("Deviation {number} opened.").format(number=opened.number))

    def _open_deviation(self) -> None:
        rows = self.deviation_table.selectionModel().selectedRows()
        record = self.deviations.record_at(rows[0].row()) if rows else None
        if isinstance(record, DeviationView):
            self.open_record.emit("deviation", record.number)
