"""Completing a batch (LOT-9): the produced quantity, optionally split over several finished lots."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from app import batches
from app.batches import BatchDetail, BatchView
from domain.users import Actor
from ui.shell.task_runner import Runner, user_message
from ui.widgets.message_label import MessageLabel
from ui.widgets.widget_parts import line_edit, quantity_text

if TYPE_CHECKING:
    from app.services import Services


class CompleteBatchDialog(QDialog):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, batch: BatchView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("completeBatchDialog")
        self.setWindowTitle(self.tr("Complete batch {n}").format(n=batch.batch_number))
        self.ctx, self.runner, self.actor, self.batch = ctx, runner, actor, batch
        self.detail: BatchDetail | None = None
        note = QLabel(self.tr("Planned: {qty} {unit}. The finished lots are created in quarantine.").format(
            qty=quantity_text(batch.planned_quantity), unit=batch.unit))
        note.setWordWrap(True)
        self.produced = line_edit("producedQuantity", self.tr("good units made"))
        self.split = line_edit("lotSplit", self.tr("optional: one quantity per lot, e.g. 500, 490"))
        form = QFormLayout()
        form.addRow(self.tr("Produced ({unit})").format(unit=batch.unit), self.produced)
        form.addRow(self.tr("Split into lots"), self.split)
        self.message = MessageLabel(self, object_name="completeMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Complete batch"))
        self.ok_button.setObjectName("completeOk")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _submit(self) -> None:
        ctx, actor, number, produced = self.ctx, self.actor, self.batch.batch_number, self.produced.text()
        parts = [p.strip() for p in self.split.text().replace(";", ",").split(",") if p.strip()] or None
        self.ok_button.setEnabled(False)
        self.message.clear_message()
        self.runner.run(lambda: batches.complete_batch(ctx.uow(), actor, number, produced, parts),
                        on_done=self._completed, on_error=self._failed)

    def _completed(self, detail: BatchDetail) -> None:
        self.detail = detail
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.message.show_error(user_message(error))
        self.ok_button.setEnabled(True)

    @classmethod
    def ask(cls, ctx: Services, runner: Runner, actor: Actor, batch: BatchView,
            parent: QWidget | None = None) -> BatchDetail | None:
        """The completed batch with its finished lots, or None when the user cancels."""
        dialog = cls(ctx, runner, actor, batch, parent)
        try:
            return dialog.detail if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
