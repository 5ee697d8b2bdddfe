"""Record equipment's next calibration date after it was calibrated (PRC-3), with the reason (the certificate),
audited with the old and new date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QWidget

from app import facilities
from app.facilities import EquipmentView
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import date_text, line_edit

if TYPE_CHECKING:
    from app.services import Services


class CalibrationDialog(FormDialog[EquipmentView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, equipment: EquipmentView,
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="calibration", title=self.tr("Calibration of {code}").format(
            code=equipment.code), ok_text=self.tr("Record"), parent=parent)
        self.ctx, self.actor, self.equipment = ctx, actor, equipment
        self.add_note(self.tr("{code} ({name}): calibration due {due}.").format(
            code=equipment.code, name=equipment.name, due=date_text(equipment.calibration_due) or self.tr("never")))
        self.due = self.add_row(self.tr("Next calibration due"), QDateEdit(QDate.currentDate().addYears(1)))
        self.due.setObjectName("calibrationDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.reason = self.add_row(self.tr("Reason (required)"), line_edit(
            "calibrationReason", self.tr("e.g. calibrated, certificate CAL-26-0412")))
        self.finish()

    def submit(self) -> None:
        reason = self.reason.text().strip()
        if not reason:
            self.fail(self.tr("Say why: the certificate or what was done."))
            return
        ctx, actor, code = self.ctx, self.actor, self.equipment.code
        due = self.due.date().toPython()
        self.run(lambda: facilities.change_equipment(ctx.uow(), actor, code, reason, calibration_due=due))
