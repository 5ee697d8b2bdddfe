"""The effectiveness check of a CAPA (DEV-2), once every action is closed: effective or not, and the finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from app import capa
from app.capa import CapaView
from domain.users import Actor
from ui.capa.open_capa_dialog import text_box
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog

if TYPE_CHECKING:
    from app.services import Services


class EffectivenessDialog(FormDialog[CapaView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, number: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(runner, name="effectiveness", title=self.tr("Effectiveness check: CAPA {number}").format(
            number=number), ok_text=self.tr("Record check"), parent=parent)
        self.ctx, self.actor, self.number = ctx, actor, number
        self.verdict = self.add_row(self.tr("Verdict"), QComboBox())
        self.verdict.setObjectName("effectivenessVerdict")
        self.verdict.addItem(self.tr("Effective"), True)
        self.verdict.addItem(self.tr("Not effective: more actions are needed"), False)
        self.finding = self.add_row(self.tr("Finding"), text_box(
            "effectivenessFinding", self.tr("What was checked and what it showed")))
        self.finish()

    def submit(self) -> None:
        ctx, actor, number = self.ctx, self.actor, self.number
        effective, finding = bool(self.verdict.currentData()), self.finding.toPlainText()
        self.run(lambda: capa.record_effectiveness(ctx.uow(), actor, number, effective, finding))
