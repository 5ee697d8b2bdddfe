"""Correct a recorded process value (PRC-2, AUD-4): the new value with its reason; the old value stays in the
record, and a new value out of limits opens its deviation like any other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app import process_steps
from app.process_steps import ParameterState, ValueView
from domain.users import Actor
from ui.process.value_verdict import VerdictLabel, limits_text
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit, quantity_text

if TYPE_CHECKING:
    from app.services import Services


class CorrectValueDialog(FormDialog[ValueView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, step_no: int, parameter: ParameterState,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="correctValue",
                         title=self.tr("Correct {parameter} of step {step}").format(parameter=parameter.name,
                                                                                    step=step_no),
                         ok_text=self.tr("Record correction"), parent=parent)
        self.ctx, self.actor, self.parameter = ctx, actor, parameter
        current = parameter.current
        assert current is not None  # only a recorded value is corrected
        self.add_row(self.tr("Recorded value"), QLabel(self.tr("{value} {unit}, by {user}").format(
            value=quantity_text(current.value), unit=current.unit, user=current.entered_by)))
        limits = self.add_row(self.tr("Target and limits"), QLabel(limits_text(parameter)))
        limits.setWordWrap(True)  # in Chinese at 150 % the line was 2 px wider than the form gave it
        self.value = self.add_row(self.tr("New value ({unit})").format(unit=parameter.unit),
                                  line_edit("correctValueNew"))
        self.verdict = VerdictLabel(parameter, "correctValueVerdict")
        self.value.textChanged.connect(self.verdict.judge)
        self.add_row("", self.verdict)
        self.reason = self.add_row(self.tr("Reason (required)"), line_edit(
            "correctValueReason", self.tr("Why the recorded value was wrong; the old value is kept")))
        self.finish()

    def submit(self) -> None:
        value, reason = self.value.text().strip(), self.reason.text().strip()
        if not value:
            self.fail(self.tr("Type the new value."))
            return
        if not reason:
            self.fail(self.tr("A correction needs a reason."))
            return
        ctx, actor = self.ctx, self.actor
        current = self.parameter.current
        assert current is not None
        value_id = current.id
        self.run(lambda: process_steps.correct_value(ctx.uow(), actor, value_id, value, reason))
