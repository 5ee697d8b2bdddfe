"""Rooms, sensors and equipment (PRC-3) on the master data page: each room's sensors with their limits and the
longest gap allowed, the equipment with its status and calibration due date (out of service and back with a
reason), and the imports of data-logger readings and MES values (INT-1)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from app import facilities
from app.facilities import EquipmentView, RoomView, SensorView
from domain.process import EquipmentStatus
from domain.users import Actor, Permission
from ui.process.calibration_dialog import CalibrationDialog
from ui.process.equipment_dialog import EquipmentDialog
from ui.process.process_import import ProcessImport
from ui.process.room_dialog import RoomDialog
from ui.process.sensor_dialog import SensorDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import Runner
from ui.widgets.message_label import MessageLabel
from ui.widgets.reason_dialog import ReasonDialog
from ui.widgets.record_table_model import Column, RecordTableModel
from ui.widgets.status_names import status_name
from ui.widgets.widget_parts import date_text, push_button, quantity_text, record_table

if TYPE_CHECKING:
    from app.services import Services


@dataclass(frozen=True)
class _Loaded:
    rooms: list[RoomView]
    sensors: list[SensorView]
    equipment: list[EquipmentView]
    today: date


class FacilitiesWidget(QWidget):
    def __init__(self, ctx: Services, runner: Runner, actor: Actor, changes: ChangeHub,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facilities")
        self.ctx, self.runner, self.actor, self.changes = ctx, runner, actor, changes
        self.rooms: dict[str, str] = {}
        self.room_views: list[RoomView] = []
        self.today = date.today()
        self.sensor_model = RecordTableModel((
            Column(self.tr("Room"), lambda s: f"{s.room_code} – {self.rooms.get(s.room_code, '')}"),
            Column(self.tr("Sensor"), lambda s: s.code),
            Column(self.tr("Measures"), lambda s: status_name(s.kind)),
            Column(self.tr("Limits"), lambda s: f"{quantity_text(s.lower)} .. {quantity_text(s.upper)} {s.unit}"),
            Column(self.tr("Longest gap"), lambda s: self.tr("{n} min").format(n=s.max_gap_minutes), numeric=True),
        ), lambda s: s.code, self)
        self.equipment_model = RecordTableModel((
            Column(self.tr("Equipment"), lambda e: e.code),
            Column(self.tr("Name"), lambda e: e.name),
            Column(self.tr("Class"), lambda e: e.equipment_class),
            Column(self.tr("Status"), lambda e: status_name(e.status)),
            Column(self.tr("Calibration due"), lambda e: date_text(e.calibration_due) or self.tr("not needed")),
        ), lambda e: e.code, self, colour=self._equipment_colour)
        self.sensor_table = record_table("sensorTable", self.sensor_model)
        self.equipment_table = record_table("equipmentTable", self.equipment_model)
        self.equipment_table.selectionModel().selectionChanged.connect(lambda *_: self._equipment_chosen())
        self.message = MessageLabel(self, object_name="facilitiesMessage")
        self.importer = ProcessImport(ctx, runner, actor, changes, self)
        self.importer.finished.connect(self._imported)
        manage = actor.can(Permission.MANAGE_FACILITIES)
        self.service_button = push_button(self.tr("Take out of service..."), "equipmentService",
                                          self.toggle_service)
        self.calibration_button = push_button(self.tr("Calibrated..."), "equipmentCalibrated", self.calibrated)
        self.add_room_button = push_button(self.tr("New room..."), "newRoom", self.add_room)
        self.add_sensor_button = push_button(self.tr("New sensor..."), "newSensor", self.add_sensor)
        self.add_equipment_button = push_button(self.tr("New equipment..."), "newEquipment", self.add_equipment)
        for button in (self.service_button, self.calibration_button, self.add_room_button, self.add_sensor_button,
                       self.add_equipment_button):
            button.setVisible(manage)
        imports = actor.can(Permission.IMPORT_PROCESS_DATA)
        self.readings_button = push_button(self.tr("Import readings..."), "importReadings",
                                           self.importer.choose_readings)
        self.values_button = push_button(self.tr("Import values..."), "importValues", self.importer.choose_values)
        for button in (self.readings_button, self.values_button):
            button.setVisible(imports)
        self._build()
        self._equipment_chosen()
        self.refresh()

    def _build(self) -> None:
        rooms = QGroupBox(self.tr("Rooms and their sensors"))
        rooms_layout = QVBoxLayout(rooms)
        rooms_layout.addWidget(self.sensor_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_room_button)
        row.addWidget(self.add_sensor_button)
        row.addStretch(1)
        row.addWidget(self.readings_button)
        row.addWidget(self.values_button)
        rooms_layout.addLayout(row)
        equipment = QGroupBox(self.tr("Equipment"))
        equipment_layout = QVBoxLayout(equipment)
        equipment_layout.addWidget(self.equipment_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_equipment_button)
        row.addStretch(1)
        row.addWidget(self.calibration_button)
        row.addWidget(self.service_button)
        equipment_layout.addLayout(row)
        splitter = QSplitter()
        splitter.addWidget(rooms)
        splitter.addWidget(equipment)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def _equipment_colour(self, e: EquipmentView) -> QColor | None:
        unusable = e.status != "In service" or (e.calibration_due is not None and e.calibration_due < self.today)
        return QColor("#b00020") if unusable else None

    # --- loading ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: _Loaded(facilities.list_rooms(ctx.read_uow(), actor),
                                        facilities.list_sensors(ctx.read_uow(), actor),
                                        facilities.list_equipment(ctx.read_uow(), actor), date.today()),
                        on_done=self._loaded, on_error=self.message.show_error)

    def _loaded(self, loaded: _Loaded) -> None:
        self.rooms = {r.code: r.name for r in loaded.rooms}
        self.room_views = loaded.rooms
        self.today = loaded.today
        kept = self.equipment
        self.sensor_model.set_records(loaded.sensors)
        self.equipment_model.set_records(loaded.equipment)
        if kept is not None and (row := self.equipment_model.row_of(kept.code)) >= 0:
            self.equipment_table.selectRow(row)
        self._equipment_chosen()

    @property
    def equipment(self) -> EquipmentView | None:
        rows = self.equipment_table.selectionModel().selectedRows()
        record = self.equipment_model.record_at(rows[0].row()) if rows else None
        return record if isinstance(record, EquipmentView) else None

    def _equipment_chosen(self) -> None:
        e = self.equipment
        self.service_button.setEnabled(e is not None)
        self.calibration_button.setEnabled(e is not None)
        self.service_button.setText(self.tr("Back in service...") if e is not None and e.status != "In service"
                                    else self.tr("Take out of service..."))

    # --- acting -------------------------------------------------------------------------------------
    def toggle_service(self) -> None:
        e = self.equipment
        if e is None:
            return
        back = e.status != "In service"
        question = (self.tr("Put {code} ({name}) back in service? Say what was done (repair, check).") if back
                    else self.tr("Take {code} ({name}) out of service? Steps can no longer use it. Say why."))
        reason = ReasonDialog.ask(question.format(code=e.code, name=e.name), self)
        if reason is None:
            return
        status = EquipmentStatus.IN_SERVICE if back else EquipmentStatus.OUT_OF_SERVICE
        ctx, actor, code = self.ctx, self.actor, e.code
        self.runner.run(lambda: facilities.change_equipment(ctx.uow(), actor, code, reason, status=status),
                        on_done=self._changed, on_error=self.message.show_error)

    def calibrated(self) -> None:
        e = self.equipment
        if e is not None and CalibrationDialog.ask(self.ctx, self.runner, self.actor, e, self) is not None:
            self.message.show_info(self.tr("{code}: next calibration recorded.").format(code=e.code))
            self.refresh()

    def add_room(self) -> None:
        code = RoomDialog.ask(self.ctx, self.runner, self.actor, self)
        if code is not None:
            self.message.show_info(self.tr("Room {code} created: add its sensors.").format(code=code))
            self.refresh()

    def add_sensor(self) -> None:
        sensor = SensorDialog.ask(self.ctx, self.runner, self.actor, self.room_views, self)
        if sensor is not None:
            self.message.show_info(self.tr("Sensor {code} added to {room}.").format(code=sensor.code,
                                                                                   room=sensor.room_code))
            self.refresh()

    def add_equipment(self) -> None:
        e = EquipmentDialog.ask(self.ctx, self.runner, self.actor, self)
        if e is not None:
            self.message.show_info(self.tr("{code} added.").format(code=e.code))
            self.refresh()

    def _changed(self, e: EquipmentView) -> None:
        self.message.show_info(self.tr("{code} is now {status}.").format(
            code=e.code, status=self.tr("in service") if e.status == "In service" else self.tr("out of service")))
        self.refresh()

    def _imported(self, text: str, ok: bool) -> None:
        (self.message.show_info if ok else self.message.show_error)(text)
