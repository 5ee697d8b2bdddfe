"""A new room (PRC-3): its code and name; its sensors are added to it afterwards."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import facilities
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class RoomDialog(FormDialog[str]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="room", title=self.tr("New room"), ok_text=self.tr("Create room"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self.code = self.add_row(self.tr("Code"), line_edit("roomCode", self.tr("e.g. CR-7")))
        self.name = self.add_row(self.tr("Name"), line_edit("roomName", self.tr("e.g. Assembly clean room 7 (ISO 7)")))
        self.finish()

    def submit(self) -> None:
        ctx, actor, code, name = self.ctx, self.actor, self.code.text(), self.name.text()
        self.run(lambda: facilities.add_room(ctx.uow(), actor, code, name))
