"""One lot or batch as QA decides on it (QC-3, QC-4): the release evaluation, failed rules first with their
evidence, and the signed decisions: release (over a failed rule the signature dialog asks for the QA override
with its justification) or rejection with a reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app import release
from app.release import EvaluationView, RuleView
from app.release_evidence import evidence_lines
from domain.batches import BatchStatus
from domain.lots import LotStatus
from domain.users import Actor, Permission
from ui.shell.changes import BATCH, DEVIATION, LOT, QC_RESULT, ChangeHub, Changes
from ui.shell.task_runner import Runner
from ui.widgets.detail_pane import DetailPane
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import rule_title, status_name
from ui.widgets.widget_parts import Signer, push_button, record_table

if TYPE_CHECKING:
    from app.services import Services

FAILED_COLOUR = QColor("#b00020")


class ReleaseDetailWidget(DetailPane[EvaluationView]):
    """`signer` is the signature dialog seam (SIG-1): without it the buttons stay hidden."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub, *, signer: Signer | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, changes, name="release", title=self.tr("Release decision"),
                         kinds=(LOT, BATCH, DEVIATION, QC_RESULT),
                         empty_text=self.tr("Select a lot or batch to see its release evaluation."), parent=parent)
        self.ctx, self.actor, self.signer = ctx, actor, signer
        for key, caption in (("record", self.tr("Record")), ("status", self.tr("Status")),
                             ("outcome", self.tr("Evaluation"))):
            self.add_field(key, caption)
        self.rules = RecordTableModel([
            Column(self.tr("Verdict"), lambda r: self.tr("FAILED") if not r.passed else self.tr("passed")),
            Column(self.tr("Rule"), lambda r: rule_title(r.title), tooltip=lambda r: rule_title(r.title)),
            Column(self.tr("Evidence"), lambda r: "; ".join(evidence_lines(r.evidence)),
                   tooltip=lambda r: "\n".join(evidence_lines(r.evidence))),
        ], key=lambda r: r.key, parent=self, colour=lambda r: None if r.passed else FAILED_COLOUR)
        self.rules_table = record_table("releaseRules", self.rules)
        self.rules_table.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.release_button = push_button(self.tr("Sign release..."), "signRelease", self.sign_release)
        self.reject_button = push_button(self.tr("Reject (signed)..."), "signRejection", self.sign_rejection)
        for button in (self.release_button, self.reject_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.note = QLabel()
        self.note.setObjectName("releaseNote")
        self.note.setWordWrap(True)
        self.body.addWidget(QLabel(self.tr("Release rules (failed first)")))
        self.body.addWidget(self.rules_table, 1)
        self.body.addWidget(self.note)
        self.body.addLayout(self.buttons)
        self.finish(stretch=False)

    def fetch(self, number: str) -> Callable[[], EvaluationView]:
        ctx, actor = self.ctx, self.actor
        return lambda: release.evaluate_release(ctx.read_uow(), actor, number)

    def present(self, record: EvaluationView | None) -> None:
        self.rules.set_records(list(record.rules) if record else [])
        may = self._may_decide(record)
        self.release_button.setVisible(may)
        self.reject_button.setVisible(may)
        if record is None:
            self.note.setText("")
            return
        failed: list[RuleView] = [r for r in record.rules if not r.passed]
        self.set_values(record=f"{self._kind(record.record_type)} {record.record_id} ({record.item_code})",
                        status=status_name(record.status),
                        # record.outcome is the English the signature binds; the reader's language here
                        outcome=self.tr("not releasable: {n} rule(s) failed").format(n=len(failed)) if failed
                        else self.tr("releasable"))
        self.values["outcome"].setStyleSheet("" if record.releasable else "color: #b00020; font-weight: bold;")
        self.note.setText(self.tr(
            "Releasing over {n} failed rule(s) needs, after the usual signatures, the QA override: a justification "
            "signed by a QA person who signs nothing else of this release.").format(n=len(failed)) if failed else
            self.tr("Every rule passed: the release needs its usual signatures, each bound to this evaluation."))

    def _kind(self, record_type: str) -> str:
        return self.tr("Lot") if record_type == "lot" else self.tr("Batch")

    def _may_decide(self, record: EvaluationView | None) -> bool:
        if record is None or self.signer is None:
            return False
        if record.record_type == "lot":
            return self.actor.can(Permission.RELEASE_LOT) or self.actor.can(Permission.REJECT_LOT) or \
                self.actor.can(Permission.ENTER_QC_RESULTS)  # the QC review signature of a lot release
        return self.actor.can(Permission.RELEASE_BATCH) or self.actor.can(Permission.REJECT_BATCH)

    # --- acting -------------------------------------------------------------------------------------
    def sign_release(self) -> None:
        self._sign(LotStatus.RELEASED if self._is_lot() else BatchStatus.RELEASED)

    def sign_rejection(self) -> None:
        self._sign(LotStatus.REJECTED if self._is_lot() else BatchStatus.REJECTED)

    def _is_lot(self) -> bool:
        return self.record is not None and self.record.record_type == "lot"

    def _sign(self, target: LotStatus | BatchStatus) -> None:
        record = self.record
        if record is None or self.signer is None:
            return
        said = self.signer(self, record.record_type, record.record_id, target)
        if said is None:
            return
        self.show_info(said)
        self.changes.announce(Changes.of(LOT if record.record_type == "lot" else BATCH, numbers=[record.record_id]))
