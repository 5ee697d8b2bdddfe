"""New change request (CHG-1): what changes and why, how serious, from when, and the drafts it makes effective."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem, QWidget

from app import change_control
from app.change_control import ChangeView, DraftView, ItemInput
from domain.users import Actor
from ui.capa.open_capa_dialog import date_field, text_box
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class NewChangeDialog(FormDialog[ChangeView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="newChange", title=self.tr("New change request"),
                         ok_text=self.tr("Open change request"), parent=parent)
        self.ctx, self.actor = ctx, actor
        self.add_note(self.tr("A change request makes the drafts you tick effective once it is approved and "
                              "implemented; the versions in effect now are superseded then."))
        self.title = self.add_row(self.tr("Title"), line_edit("changeTitle", self.tr("e.g. Narrower melt "
                                                                                       "temperature")))
        self.reason = self.add_row(self.tr("Reason"), text_box("changeReason",
                                                               self.tr("Why the change is needed")))
        self.classification = self.add_row(self.tr("Classification"), QComboBox())
        self.classification.setObjectName("changeClassification")
        for value in ("Minor", "Major", "Critical"):
            self.classification.addItem(status_name(value), value)
        self.effective_on = self.add_row(self.tr("Effective on"), date_field("changeEffectiveOn", 0))
        self.deviation = self.add_row(self.tr("Proposed by deviation"), line_edit(
            "changeDeviation", self.tr("Deviation number (optional)")))
        self.drafts = self.add_row(self.tr("Drafts to make effective"), QListWidget())
        self.drafts.setObjectName("changeDrafts")
        self.drafts.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)
        self.finish()
        self.load(lambda: change_control.drafts(ctx.read_uow(), actor), self._drafts_loaded)

    def _drafts_loaded(self, drafts: list[DraftView]) -> None:
        for draft in drafts:
            entry = QListWidgetItem(f"{draft.label}: {draft.title}")
            entry.setData(Qt.ItemDataRole.UserRole, draft)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.drafts.addItem(entry)

    def tick(self, label: str) -> None:
        """Tick the draft `label` ("FD-SYR-05 v3"), as a user would."""
        for row in range(self.drafts.count()):
            entry = self.drafts.item(row)
            if entry.data(Qt.ItemDataRole.UserRole).label == label:
                entry.setCheckState(Qt.CheckState.Checked)

    def submit(self) -> None:
        ctx, actor = self.ctx, self.actor
        chosen = [self.drafts.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.drafts.count())
                  if self.drafts.item(row).checkState() == Qt.CheckState.Checked]
        items = [ItemInput(d.record_type, d.key, d.version) for d in chosen]
        title, reason = self.title.text(), self.reason.toPlainText()
        grade, day = str(self.classification.currentData()), self.effective_on.date().toPython()
        deviation = self.deviation.text().strip() or None
        self.run(lambda: change_control.open_change(ctx.uow(), actor, title, reason, grade, day, items,
                                                    deviation=deviation))
