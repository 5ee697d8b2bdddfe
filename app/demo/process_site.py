"""Records the demo site's process data through the use cases (PRC-1..PRC-4): rooms, sensors and equipment; the
steps of each batch that got into production, run on their equipment in their room with values recorded by
production and signed (verified by QA where the record asks); and, once every step has run, a day of logger
readings per room covering the batches' steps, imported as a file would be. Batch ivc20-b gets one seal
temperature out of limits and a temperature excursion in its room, so each opens its deviation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal

from app import facilities, process_steps, readings
from app.demo.process_data import (
    EQUIPMENT,
    EXCURSION_VALUE,
    MAX_GAP_MINUTES,
    NORMAL,
    OFFSETS,
    READING_MINUTES,
    ROOMS,
    STOP_AFTER_STEP,
    TROUBLE_BATCH,
    TROUBLE_ROOM,
    TROUBLE_VALUE,
    USED,
)
from app.ports import UnitOfWork
from app.process_steps import BatchProcess
from app.signatures import SigningSession
from app.users import AuthConfig
from domain.process import SENSOR_UNITS, SensorKind
from domain.users import Actor

Uows = Callable[[], UnitOfWork]


class DemoProcess:
    def __init__(self, uows: Uows, auth: AuthConfig, password: str, admin: Actor, prod: Actor, qa: Actor) -> None:
        self.uow, self.auth, self.password = uows, auth, password
        self.admin, self.prod, self.qa = admin, prod, qa
        self.runs = 0
        self.windows: dict[str, list[tuple[datetime, datetime]]] = {}  # room -> step times
        self.trouble: list[tuple[datetime, datetime]] = []  # the step times of the trouble batch
        self.ran: dict[str, tuple[str, list[tuple[datetime, datetime]]]] = {}  # batch -> its room and step times

    def facilities(self, today: date) -> str:
        for code, name, sensors in ROOMS:
            facilities.add_room(self.uow(), self.admin, code, name)
            for sensor, kind, lower, upper in sensors:
                facilities.add_sensor(self.uow(), self.admin, sensor, code, kind, lower, upper, MAX_GAP_MINUTES)
        for code, name, kind, due_days, in_service in EQUIPMENT:
            due = None if due_days is None else today + timedelta(days=due_days)
            facilities.add_equipment(self.uow(), self.admin, code, name, kind, due)
            if not in_service:
                facilities.change_equipment(self.uow(), self.admin, code, "spindle bearing failure, work order "
                                            "WO-26-114", status="Out of service")
        return (f"{len(ROOMS)} rooms with {sum(len(r[2]) for r in ROOMS)} sensors, {len(EQUIPMENT)} pieces of "
                "equipment (one out of service, one past calibration)")

    def _sign(self, signer: Actor, number: str, step_no: int, meaning: str) -> BatchProcess:
        return process_steps.sign_step(self.uow(), self.auth, SigningSession(signer), number, step_no, meaning,
                                       self.password, user_id_typed=signer.user_id)

    def run_steps(self, key: str, number: str, product: str) -> None:
        """Every step of the batch (or the first ones of the batch left in production), in order."""
        room = TROUBLE_ROOM if key == TROUBLE_BATCH else ("MH-1" if product.startswith("IM-") else "CR-7")
        offset = Decimal(OFFSETS[self.runs % len(OFFSETS)])
        self.runs += 1
        state = process_steps.batch_process(self.uow(), self.prod, number)
        for step in state.steps[:STOP_AFTER_STEP.get(key, len(state.steps))]:
            equipment = USED.get(step.equipment_class or "")
            process_steps.start_step(self.uow(), self.prod, number, step.step_no, equipment, room)
            for p in step.parameters:
                value = str(p.target + offset * (p.upper - p.lower) / 10)
                if key == TROUBLE_BATCH and p.name == TROUBLE_VALUE[0]:
                    value = TROUBLE_VALUE[1]
                process_steps.record_value(self.uow(), self.prod, number, step.step_no, p.name, value)
            done = self._sign(self.prod, number, step.step_no, "performed")
            if step.needs_verified:
                done = self._sign(self.qa, number, step.step_no, "verified")
            signed = next(s for s in done.steps if s.step_no == step.step_no)
            assert signed.started_at is not None and signed.performed_at is not None
            self.windows.setdefault(room, []).append((signed.started_at, signed.performed_at))
            self.ran.setdefault(number, (room, []))[1].append((signed.started_at, signed.performed_at))
            if key == TROUBLE_BATCH:
                self.trouble.append((signed.started_at, signed.performed_at))

    def import_readings(self) -> str:
        """A day of readings every few minutes per room, ending just after the last step ran there."""
        excursions = 0
        for code, _name, _sensors in ROOMS:
            windows = self.windows.get(code)
            if not windows:
                continue
            end = _on_grid(max(e for _, e in windows)) + timedelta(minutes=READING_MINUTES)
            count = 24 * 60 // READING_MINUTES + 1
            excursions += self._import(code, [end - timedelta(minutes=READING_MINUTES * (count - 1 - i))
                                              for i in range(count)])
        return f"a day of logger readings for each room, {excursions} excursion(s)"

    def cover_steps(self, number: str) -> None:
        """Before a batch is released while the demo loads: its room's readings over its steps' times, as the
        logger would have sent them by then, so its release evaluation finds every step covered (QC-3). The day's
        file imported at the end holds the same readings again: identical readings are skipped."""
        room, steps = self.ran.get(number, ("", []))
        if not steps:
            return
        start = _on_grid(min(s for s, _ in steps)) - timedelta(minutes=2 * READING_MINUTES)
        end = _on_grid(max(e for _, e in steps)) + timedelta(minutes=READING_MINUTES)
        count = int((end - start) / timedelta(minutes=READING_MINUTES)) + 1
        self._import(room, [start + timedelta(minutes=READING_MINUTES * i) for i in range(count)])

    def _import(self, code: str, times: list[datetime]) -> int:
        """One logger file of the room's sensors at `times` (on the reading grid: a time always has the same
        value); the number of excursions it opened."""
        sensors = next(s for c, _n, s in ROOMS if c == code)
        lines = ["timestamp,sensor,value,unit\n"]
        for at in times:
            for sensor, kind, _lower, _upper in sensors:
                value = NORMAL[kind] + (0.1 if (at.minute // READING_MINUTES) % 2 else -0.1)
                if kind == "Temperature" and code == TROUBLE_ROOM and self._during_trouble(at):
                    value = EXCURSION_VALUE
                unit = SENSOR_UNITS[SensorKind.parse(kind)]
                lines.append(f"{at.isoformat()},{sensor},{value:.1f},{unit}\n")
        report = readings.import_readings(self.uow(), self.prod, lines, f"{code}-logger.csv")
        return len(report.excursions)

    def _during_trouble(self, at: datetime) -> bool:
        """Readings from ten minutes before the trouble batch's first step to five after its last are too warm."""
        if not self.trouble:
            return False
        start = min(s for s, _ in self.trouble) - timedelta(minutes=10)
        end = max(e for _, e in self.trouble) + timedelta(minutes=READING_MINUTES)
        return start <= at <= end


def _on_grid(at: datetime) -> datetime:
    """The reading time at or before `at` (every READING_MINUTES on the clock)."""
    return at.replace(minute=at.minute - at.minute % READING_MINUTES, second=0, microsecond=0)
