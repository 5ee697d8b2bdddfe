"""Repository for process data: rooms, sensors, equipment and the execution record of batch steps."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.process import Equipment, ParameterValue, Room, Sensor, StepRecord
from persistence import process_tables as pt
from persistence import tables as t


class SqlProcess:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def room(self, code: str) -> Room | None:
        return self.session.get(Room, code)

    def rooms(self) -> Sequence[Room]:
        return self.session.scalars(select(Room).order_by(pt.rooms.c.code)).all()

    def sensor(self, code: str) -> Sensor | None:
        return self.session.get(Sensor, code)

    def sensors(self, room_code: str | None = None) -> Sequence[Sensor]:
        stmt = select(Sensor).order_by(pt.sensors.c.code)
        if room_code:
            stmt = stmt.where(pt.sensors.c.room_code == room_code)
        return self.session.scalars(stmt).all()

    def equipment(self, code: str, *, for_update: bool = False) -> Equipment | None:
        return self.session.get(Equipment, code, with_for_update=for_update or None)

    def all_equipment(self) -> Sequence[Equipment]:
        return self.session.scalars(select(Equipment).order_by(pt.equipment.c.code)).all()

    def step_records(self, batch_id: int, *, for_update: bool = False) -> dict[int, StepRecord]:
        stmt = select(StepRecord).where(pt.batch_steps.c.batch_id == batch_id)
        if for_update:
            stmt = stmt.with_for_update()
        return {r.step_no: r for r in self.session.scalars(stmt)}

    def values(self, batch_id: int) -> Sequence[ParameterValue]:
        c = pt.parameter_values.c
        return self.session.scalars(select(ParameterValue).where(c.batch_id == batch_id).order_by(c.id)).all()

    def value(self, value_id: int) -> ParameterValue | None:
        return self.session.get(ParameterValue, value_id)

    def parameter_history(self, product_code: str, step_no: int, parameter: str, limit: int
                          ) -> list[tuple[str, Decimal]]:
        """(batch number, value in force) of the latest `limit` batches of a product, oldest first."""
        v, b = pt.parameter_values.c, t.batches.c
        corrected = select(v.replaces_id).where(v.replaces_id.is_not(None))
        stmt = (select(b.batch_number, v.value).join(t.batches, b.id == v.batch_id)
                .where(b.product_code == product_code, v.step_no == step_no, v.parameter == parameter,
                       v.id.not_in(corrected))
                .order_by(v.entered_at.desc(), v.id.desc()).limit(limit))
        return [(number, value) for number, value in self.session.execute(stmt)][::-1]

    def steps_in_room(self, room_code: str, start: datetime, end: datetime) -> list[tuple[str, int]]:
        """(batch number, step) of the steps that ran in a room at some time between `start` and `end`
        (a step still running counts until now)."""
        s, b = pt.batch_steps.c, t.batches.c
        stmt = (select(b.batch_number, s.step_no).join(t.batches, b.id == s.batch_id)
                .where(s.room_code == room_code, s.started_at <= end,
                       (s.performed_at.is_(None)) | (s.performed_at >= start))
                .order_by(b.batch_number, s.step_no))
        return [(number, step) for number, step in self.session.execute(stmt)]
