"""Use cases for rooms, their sensors and the equipment (PRC-3): limits per room and sensor, equipment status
and calibration due dates. Every change is audited; status and calibration changes need a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.ports import UnitOfWork
from domain.errors import AlreadyExists, NotFound, ReasonRequired
from domain.i18n import N_
from domain.items import validate_code
from domain.process import Equipment, EquipmentStatus, Limits, Room, Sensor, SensorKind, parse_value
from domain.users import Actor, Permission


@dataclass(frozen=True)
class SensorView:
    code: str
    room_code: str
    kind: str
    unit: str
    lower: Decimal
    upper: Decimal
    max_gap_minutes: int

    @classmethod
    def of(cls, s: Sensor) -> SensorView:
        return cls(s.code, s.room_code, s.kind.value, s.unit, s.lower, s.upper, s.max_gap_minutes)


@dataclass(frozen=True)
class EquipmentView:
    code: str
    name: str
    equipment_class: str
    status: str
    calibration_due: date | None

    @classmethod
    def of(cls, e: Equipment) -> EquipmentView:
        return cls(e.code, e.name, e.equipment_class, e.status.value, e.calibration_due)


def add_room(uow: UnitOfWork, actor: Actor, code: str, name: str) -> str:
    room_code = validate_code(code, N_("room"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_FACILITIES)
        if tx.process.room(room_code) is not None:
            raise AlreadyExists(f"room {room_code} already exists")
        tx.process.add(Room(room_code, name))
        tx.commit()
        return room_code


def add_sensor(uow: UnitOfWork, actor: Actor, code: str, room_code: str, kind: str | SensorKind,
               lower: str | Decimal, upper: str | Decimal, max_gap_minutes: int = 15) -> SensorView:
    """A logger channel in a room with the room's limits for what it measures."""
    sensor_code = validate_code(code, N_("sensor"))
    sensor_kind = kind if isinstance(kind, SensorKind) else SensorKind.parse(kind)
    limits = Limits(parse_value(lower, what=N_("lower limit")), parse_value(upper, what=N_("upper limit")))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_FACILITIES)
        room = tx.process.room(validate_code(room_code, N_("room")))
        if room is None:
            raise NotFound(f"no room {room_code}")
        if tx.process.sensor(sensor_code) is not None:
            raise AlreadyExists(f"sensor {sensor_code} already exists")
        sensor = Sensor(sensor_code, room.code, sensor_kind, limits, max_gap_minutes)
        tx.process.add(sensor)
        tx.commit()
        return SensorView.of(sensor)


def add_equipment(uow: UnitOfWork, actor: Actor, code: str, name: str, equipment_class: str,
                  calibration_due: date | None) -> EquipmentView:
    equipment_code = validate_code(code, N_("equipment"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_FACILITIES)
        if tx.process.equipment(equipment_code) is not None:
            raise AlreadyExists(f"equipment {equipment_code} already exists")
        equipment = Equipment(equipment_code, name, equipment_class, calibration_due)
        tx.process.add(equipment)
        tx.commit()
        return EquipmentView.of(equipment)


def change_equipment(uow: UnitOfWork, actor: Actor, code: str, reason: str, *,
                     status: str | EquipmentStatus | None = None, calibration_due: date | None = None
                     ) -> EquipmentView:
    """Take equipment out of service or back, or record its next calibration date, with the reason."""
    if not reason or not reason.strip():
        raise ReasonRequired("a reason is required to change equipment status or calibration")
    with uow.acting_as(actor) as tx:
        actor.require(Permission.MANAGE_FACILITIES)
        equipment = tx.process.equipment(validate_code(code, N_("equipment")), for_update=True)
        if equipment is None:
            raise NotFound(f"no equipment {code}")
        if status is not None:
            equipment.status = status if isinstance(status, EquipmentStatus) else EquipmentStatus.parse(status)
        if calibration_due is not None:
            equipment.calibration_due = calibration_due
        tx.commit(reason=reason)
        return EquipmentView.of(equipment)


def list_equipment(uow: UnitOfWork, actor: Actor) -> list[EquipmentView]:
    with uow.acting_as(actor) as tx:
        return [EquipmentView.of(e) for e in tx.process.all_equipment()]


def list_sensors(uow: UnitOfWork, actor: Actor, room_code: str | None = None) -> list[SensorView]:
    with uow.acting_as(actor) as tx:
        return [SensorView.of(s) for s in tx.process.sensors(room_code)]


@dataclass(frozen=True)
class RoomView:
    code: str
    name: str


def list_rooms(uow: UnitOfWork, actor: Actor) -> list[RoomView]:
    with uow.acting_as(actor) as tx:
        return [RoomView(r.code, r.name) for r in tx.process.rooms()]
