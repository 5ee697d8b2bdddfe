"""Completing a batch (LOT-9): the produced quantity, optionally split over several finished lots."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import batches
from app.batches import BatchDetail, BatchView
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit, quantity_text

if TYPE_CHECKING:
    from app.services import Services


class CompleteBatchDialog(FormDialog[BatchDetail]):
    """`ask(...)`: the completed batch with its finished lots, or None when the user cancels."""

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, batch: BatchView,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="completeBatch", title=self.tr("Complete batch {n}").format(
            n=batch.batch_number), ok_text=self.tr("Complete batch"), parent=parent)
        self.ctx, self.actor, self.batch = ctx, actor, batch
        self.add_note(self.tr("Planned: {qty} {unit}. The finished lots are created in quarantine.").format(
            qty=quantity_text(batch.planned_quantity), unit=batch.unit))
        self.produced = self.add_row(self.tr("Produced ({unit})").format(unit=batch.unit),
                                     line_edit("producedQuantity", self.tr("good units made")))
        self.split = self.add_row(self.tr("Split into lots"),
                                  line_edit("lotSplit", self.tr("optional: one quantity per lot, e.g. 500, 490")))
        self.finish()

    def submit(self) -> None:
        ctx, actor, number, produced = self.ctx, self.actor, self.batch.batch_number, self.produced.text()
        parts = [p.strip() for p in self.split.text().replace(";", ",").split(",") if p.strip()] or None
        self.run(lambda: batches.complete_batch(ctx.uow(), actor, number, produced, parts))
