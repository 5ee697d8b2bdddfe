"""New equipment (PRC-3): code (as on its label, for scanning), name, class (what a step asks for) and the date
its calibration is due, or none for equipment that needs none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app import facilities
from app.facilities import EquipmentView
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.optional_date_edit import OptionalDateEdit
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class EquipmentDialog(FormDialog[EquipmentView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(runner, name="equipment", title=self.tr("New equipment"), ok_text=self.tr("Add equipment"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self.code = self.add_row(self.tr("Code"), line_edit("equipmentCode", self.tr("as on its label, e.g. SEAL-01")))
        self.name = self.add_row(self.tr("Name"), line_edit("equipmentName"))
        self.kind = self.add_row(self.tr("Class"), line_edit("equipmentClass",
                                                             self.tr("what a step asks for, e.g. Pouch sealer")))
        self.due = self.add_row(self.tr("Calibration due"), OptionalDateEdit("equipmentDue"))
        self.finish()

    def submit(self) -> None:
        ctx, actor = self.ctx, self.actor
        code, name, kind, due = self.code.text(), self.name.text(), self.kind.text(), self.due.value()
        self.run(lambda: facilities.add_equipment(ctx.uow(), actor, code, name, kind, due))
