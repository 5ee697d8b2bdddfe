"""Plan an action of a CAPA (DEV-2): corrective or preventive, what, whose and by when."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QWidget

from app import capa
from app.capa import CapaView
from domain.capa import ActionKind
from domain.users import Actor
from ui.capa.open_capa_dialog import date_field, text_box
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class CapaActionDialog(FormDialog[CapaView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, number: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(runner, name="capaAction", title=self.tr("New action: CAPA {number}").format(number=number),
                         ok_text=self.tr("Plan action"), parent=parent)
        self.ctx, self.actor, self.number = ctx, actor, number
        self.kind = self.add_row(self.tr("Kind"), QComboBox())
        self.kind.setObjectName("capaActionKind")
        for kind in ActionKind:
            self.kind.addItem(status_name(kind.value), kind.value)
        self.description = self.add_row(self.tr("Action"), text_box("capaActionDescription",
                                                                    self.tr("What is to be done")))
        self.owner = self.add_row(self.tr("Owner"), line_edit("capaActionOwner", self.tr("User ID")))
        self.due = self.add_row(self.tr("Due"), date_field("capaActionDue", 14))
        self.finish()

    def submit(self) -> None:
        ctx, actor, number = self.ctx, self.actor, self.number
        kind, description, owner = self.kind.currentData(), self.description.toPlainText(), self.owner.text()
        due = self.due.date().toPython()
        self.run(lambda: capa.add_action(ctx.uow(), actor, number, kind, description, owner, due))
