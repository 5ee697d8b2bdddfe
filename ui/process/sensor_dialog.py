"""A new sensor in a room (PRC-3): what it measures (its unit follows), the room's limits for it, and the longest
silence before missing data is an excursion itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from app import facilities
from app.facilities import RoomView, SensorView
from domain.process import SENSOR_UNITS, SensorKind
from domain.users import Actor
from ui.shell.task_runner import Runner
from ui.widgets.form_dialog import FormDialog
from ui.widgets.widget_parts import line_edit

if TYPE_CHECKING:
    from app.services import Services


class SensorDialog(FormDialog[SensorView]):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, rooms: list[RoomView],
                 parent: QWidget | None = None) -> None:
        super().__init__(runner, name="sensor", title=self.tr("New sensor"), ok_text=self.tr("Add sensor"),
                         parent=parent)
        self.ctx, self.actor = ctx, actor
        self.room = self.add_row(self.tr("Room"), QComboBox())
        self.room.setObjectName("sensorRoom")
        for room in rooms:
            self.room.addItem(f"{room.code} – {room.name}", room.code)
        self.code = self.add_row(self.tr("Code"), line_edit("sensorCode",
                                                            self.tr("as the logger names it, e.g. CR7-T")))
        self.kind = self.add_row(self.tr("Measures"), QComboBox())
        self.kind.setObjectName("sensorKind")
        names = {SensorKind.TEMPERATURE: self.tr("Temperature"), SensorKind.HUMIDITY: self.tr("Humidity"),
                 SensorKind.DIFFERENTIAL_PRESSURE: self.tr("Differential pressure")}
        for kind in SensorKind:
            self.kind.addItem(f"{names[kind]} ({SENSOR_UNITS[kind]})", kind.value)
        self.lower = self.add_row(self.tr("Lower limit"), line_edit("sensorLower"))
        self.upper = self.add_row(self.tr("Upper limit"), line_edit("sensorUpper"))
        self.gap = self.add_row(self.tr("Longest gap (minutes)"), QSpinBox())
        self.gap.setObjectName("sensorGap")
        self.gap.setRange(1, 24 * 60)
        self.gap.setValue(15)
        self.finish()

    def submit(self) -> None:
        if self.room.currentData() is None:
            self.fail(self.tr("Create the room first."))
            return
        ctx, actor = self.ctx, self.actor
        code, room, kind = self.code.text(), str(self.room.currentData()), str(self.kind.currentData())
        lower, upper, gap = self.lower.text(), self.upper.text(), self.gap.value()
        self.run(lambda: facilities.add_sensor(ctx.uow(), actor, code, room, kind, lower, upper, gap))
