"""Process data (PRC-1..PRC-3): the steps and critical process parameters of a master batch record, their
execution on a batch (values with who/when, corrections that keep the old value, equipment checks), and the
rooms, sensors and equipment a batch is made with.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum

from domain.errors import ValidationError
from domain.i18n import N_, _, names, one_of
from domain.quantities import fmt

NAME_MAX = 60


def parse_value(text: str | Decimal | float, *, what: str = N_("value")) -> Decimal:
    """A measured value: any finite decimal (negative temperatures and pressures are real)."""
    if isinstance(text, float) and not math.isfinite(text):
        raise ValidationError(_("{what} '{text}' is not a finite number", what=_(what), text=text))
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValidationError(_("{what} '{text}' is not a number", what=_(what), text=text)) from None
    if not value.is_finite():
        raise ValidationError(_("{what} '{text}' is not a finite number", what=_(what), text=text))
    if abs(value) >= Decimal("1e12"):
        raise ValidationError(_("{what} '{text}' is out of range", what=_(what), text=text))
    return value.quantize(Decimal("0.000001"))


class Verdict(Enum):
    WITHIN = N_("Within limits")
    ALERT = N_("In alert band")
    OUT = N_("Out of limits")


@dataclass(frozen=True)
class Limits:
    """Lower and upper limit (inclusive); an optional alert band inside them warns before a limit is reached."""

    lower: Decimal
    upper: Decimal
    alert_lower: Decimal | None = None
    alert_upper: Decimal | None = None

    def __post_init__(self) -> None:
        if self.lower > self.upper:
            raise ValidationError(_("lower limit {lower} is above upper limit {upper}",
                                    lower=fmt(self.lower), upper=fmt(self.upper)))
        for alert in (self.alert_lower, self.alert_upper):
            if alert is not None and not self.lower <= alert <= self.upper:
                raise ValidationError(_("alert limit {alert} lies outside the limits {limits}",
                                        alert=fmt(alert), limits=self.describe()))

    def verdict(self, value: Decimal) -> Verdict:
        if value < self.lower or value > self.upper:
            return Verdict.OUT
        if (self.alert_lower is not None and value < self.alert_lower) or (
            self.alert_upper is not None and value > self.alert_upper
        ):
            return Verdict.ALERT
        return Verdict.WITHIN

    def describe(self) -> str:
        return f"{fmt(self.lower)} .. {fmt(self.upper)}"


def _name(text: str, what: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ValidationError(_("the {what} needs a name", what=_(what)))
    if len(name) > NAME_MAX:
        raise ValidationError(_("the {what} name '{name}...' is longer than {max_length} characters",
                                what=_(what), name=name[:20], max_length=NAME_MAX))
    return name


class ProcessParameter:
    """A critical process parameter of a step (PRC-1): target and limits in its unit."""

    id: int | None
    step_id: int | None
    name: str
    unit: str
    target: Decimal
    lower: Decimal
    upper: Decimal
    alert_lower: Decimal | None
    alert_upper: Decimal | None

    def __init__(self, name: str, unit: str, target: Decimal, limits: Limits) -> None:
        self.id = None
        self.name = _name(name, N_("parameter"))
        self.unit = " ".join(unit.split())
        if not self.unit or len(self.unit) > 16:
            raise ValidationError(_("parameter {parameter}: the unit is required (at most 16 characters)",
                                    parameter=self.name))
        if not limits.lower <= target <= limits.upper:
            raise ValidationError(_("parameter {parameter}: target {target} lies outside its limits {limits}",
                                    parameter=self.name, target=fmt(target), limits=limits.describe()))
        self.target = target
        self.lower, self.upper = limits.lower, limits.upper
        self.alert_lower, self.alert_upper = limits.alert_lower, limits.alert_upper

    @property
    def limits(self) -> Limits:
        return Limits(self.lower, self.upper, self.alert_lower, self.alert_upper)


class ProcessStep:
    """An ordered step of a master batch record: the instruction, the equipment class it needs, its critical
    parameters and the signatures it asks for ("performed", and "verified" by a second person)."""

    id: int | None
    mbr_id: int | None
    step_no: int
    instruction: str
    equipment_class: str | None
    needs_performed: bool
    needs_verified: bool
    any_order: bool  # the record allows this step before the earlier ones are complete
    parameters: list[ProcessParameter]

    def __init__(self, step_no: int, instruction: str, equipment_class: str | None = None, *,
                 needs_performed: bool = True, needs_verified: bool = False, any_order: bool = False) -> None:
        text = " ".join(instruction.split())
        if not text:
            raise ValidationError(_("step {step_no} needs an instruction", step_no=step_no))
        if needs_verified and not needs_performed:
            raise ValidationError(_("step {step_no}: a verification checks a performed signature; ask for both",
                                    step_no=step_no))
        self.id = None
        self.step_no = step_no
        self.instruction = text
        self.equipment_class = (" ".join(equipment_class.split()) or None) if equipment_class else None
        self.needs_performed = needs_performed
        self.needs_verified = needs_verified
        self.any_order = any_order
        self.parameters = []

    def add_parameter(self, parameter: ProcessParameter) -> None:
        if any(p.name.casefold() == parameter.name.casefold() for p in self.parameters):
            raise ValidationError(_("step {step_no} already has a parameter {parameter}",
                                    step_no=self.step_no, parameter=parameter.name))
        self.parameters.append(parameter)

    def parameter(self, name: str) -> ProcessParameter:
        wanted = " ".join(name.split()).casefold()
        for p in self.parameters:
            if p.name.casefold() == wanted:
                return p
        raise ValidationError(_("step {step_no} has no parameter '{name}'", step_no=self.step_no, name=name))


# --- rooms, sensors, equipment (PRC-3) ----------------------------------------------------------------------


class SensorKind(Enum):
    TEMPERATURE = N_("Temperature")
    HUMIDITY = N_("Humidity")
    DIFFERENTIAL_PRESSURE = N_("Differential pressure")

    @classmethod
    def parse(cls, text: str) -> SensorKind:
        for kind in cls:
            if names(text, kind.value) or names(text, kind.name.replace("_", " ")):
                return kind
        raise ValidationError(_("unknown sensor kind '{text}': use one of {choices}",
                                text=text, choices=one_of(k.value for k in cls)))


# The unit a logger must report each kind in: a reading in another unit is refused, never converted silently.
SENSOR_UNITS = {SensorKind.TEMPERATURE: "°C", SensorKind.HUMIDITY: "%RH", SensorKind.DIFFERENTIAL_PRESSURE: "Pa"}


class Room:
    code: str
    name: str

    def __init__(self, code: str, name: str) -> None:
        self.code = code
        self.name = _name(name, N_("room"))


class Sensor:
    """A logger channel in a room, with the room's limits for what it measures and the longest silence
    (`max_gap_minutes`) before missing data is an excursion itself."""

    code: str
    room_code: str
    kind: SensorKind
    unit: str
    lower: Decimal
    upper: Decimal
    max_gap_minutes: int

    def __init__(self, code: str, room_code: str, kind: SensorKind, limits: Limits, max_gap_minutes: int) -> None:
        if not 1 <= max_gap_minutes <= 24 * 60:
            raise ValidationError(_("the longest gap between readings must be between 1 minute and 24 hours"))
        self.code = code
        self.room_code = room_code
        self.kind = kind
        self.unit = SENSOR_UNITS[kind]
        self.lower, self.upper = limits.lower, limits.upper
        self.max_gap_minutes = max_gap_minutes

    @property
    def limits(self) -> Limits:
        return Limits(self.lower, self.upper)


class EquipmentStatus(Enum):
    IN_SERVICE = N_("In service")
    OUT_OF_SERVICE = N_("Out of service")

    @classmethod
    def parse(cls, text: str) -> EquipmentStatus:
        for s in cls:
            if names(text, s.value):
                return s
        raise ValidationError(_("unknown equipment status '{text}': use one of {choices}",
                                text=text, choices=one_of(s.value for s in cls)))


class Equipment:
    code: str
    name: str
    equipment_class: str
    status: EquipmentStatus
    calibration_due: date | None  # None: needs no calibration

    def __init__(self, code: str, name: str, equipment_class: str, calibration_due: date | None) -> None:
        self.code = code
        self.name = _name(name, N_("equipment"))
        self.equipment_class = _name(equipment_class, N_("equipment class"))
        self.status = EquipmentStatus.IN_SERVICE
        self.calibration_due = calibration_due

    def check_usable(self, needed_class: str | None, today: date) -> None:
        """Refuse equipment of the wrong class, out of service, or past its calibration date (PRC-2)."""
        if needed_class and self.equipment_class.casefold() != needed_class.casefold():
            raise ValidationError(_("{code} is a {equipment_class}: the step needs a {needed_class}",
                                    code=self.code, equipment_class=self.equipment_class, needed_class=needed_class))
        if self.status is not EquipmentStatus.IN_SERVICE:
            raise ValidationError(_("{code} is out of service: it cannot be used", code=self.code))
        if self.calibration_due is not None and self.calibration_due < today:
            raise ValidationError(_("{code} was due for calibration on {calibration_due}: it cannot be used",
                                    code=self.code, calibration_due=self.calibration_due))


# --- execution on a batch (PRC-2) ---------------------------------------------------------------------------


class StepRecord:
    """One step of one batch as it was executed: equipment, who performed it and who verified it."""

    id: int | None
    batch_id: int
    step_no: int
    equipment_code: str | None
    room_code: str | None  # where it ran: the room's sensors are the batch's environment (PRC-3)
    started_by: str
    started_at: datetime
    performed_by: str | None
    performed_at: datetime | None
    verified_by: str | None
    verified_at: datetime | None

    def __init__(self, batch_id: int, step_no: int, equipment_code: str | None, started_by: str,
                 started_at: datetime, room_code: str | None = None) -> None:
        self.id = None
        self.batch_id = batch_id
        self.step_no = step_no
        self.equipment_code = equipment_code
        self.room_code = room_code
        self.started_by = started_by
        self.started_at = started_at
        self.performed_by = self.performed_at = None
        self.verified_by = self.verified_at = None

    @property
    def performed(self) -> bool:
        return self.performed_at is not None

    def check_complete(self) -> None:
        """Raise unless the step may be signed as performed now (the signature dialog asks before it opens)."""
        if self.performed:
            raise ValidationError(_("step {step_no} is already performed", step_no=self.step_no))

    def complete(self, user_id: str, at: datetime) -> None:
        self.check_complete()
        self.performed_by, self.performed_at = user_id, at

    def check_verify(self, user_id: str) -> None:
        """Raise unless `user_id` may verify the step now: performed, not yet verified, by a second person."""
        if not self.performed:
            raise ValidationError(_("step {step_no} must be performed before it is verified", step_no=self.step_no))
        if self.verified_at is not None:
            raise ValidationError(_("step {step_no} is already verified", step_no=self.step_no))
        if user_id == self.performed_by:
            raise ValidationError(_("step {step_no} was performed by {user_id}: a second person verifies it",
                                    step_no=self.step_no, user_id=user_id))

    def verify(self, user_id: str, at: datetime) -> None:
        self.check_verify(user_id)
        self.verified_by, self.verified_at = user_id, at


class ParameterValue:
    """An actual value of a parameter on a batch. Never changed: a correction is a new value that names the
    one it replaces and why, so the old value stays in the record (PRC-2, AUD-4)."""

    id: int | None
    batch_id: int
    step_no: int
    parameter: str
    value: Decimal
    unit: str
    verdict: Verdict
    entered_by: str
    entered_at: datetime
    replaces_id: int | None
    reason: str | None

    def __init__(self, batch_id: int, step_no: int, parameter: ProcessParameter, value: Decimal, entered_by: str,
                 entered_at: datetime, replaces: ParameterValue | None = None, reason: str | None = None) -> None:
        if replaces is not None and not (reason and reason.strip()):
            raise ValidationError(_("correcting {parameter} needs a reason", parameter=parameter.name))
        self.id = None
        self.batch_id = batch_id
        self.step_no = step_no
        self.parameter = parameter.name
        self.value = value
        self.unit = parameter.unit
        self.verdict = parameter.limits.verdict(value)
        self.entered_by = entered_by
        self.entered_at = entered_at
        self.replaces_id = replaces.id if replaces is not None else None
        self.reason = reason.strip() if reason else None


def current_values(values: list[ParameterValue]) -> dict[tuple[int, str], ParameterValue]:
    """The value in force for each (step, parameter): the latest one no correction has replaced."""
    replaced = {v.replaces_id for v in values if v.replaces_id is not None}
    current: dict[tuple[int, str], ParameterValue] = {}
    for v in sorted(values, key=lambda v: v.id or 0):
        if v.id not in replaced:
            current[(v.step_no, v.parameter)] = v
    return current


def check_order(steps: list[ProcessStep], step_no: int, records: dict[int, StepRecord]) -> None:
    """Steps run in order unless the record allows otherwise: every earlier step that is not 'any order' must
    be performed first."""
    step = next((s for s in steps if s.step_no == step_no), None)
    if step is None:
        raise ValidationError(_("the master batch record has no step {step_no}", step_no=step_no))
    if step.any_order:
        return
    for earlier in steps:
        if earlier.step_no < step_no and not earlier.any_order:
            record = records.get(earlier.step_no)
            if record is None or not record.performed:
                raise ValidationError(_("step {step_no} ({instruction}) must be performed before step {step_no2}",
                                        step_no=earlier.step_no, instruction=earlier.instruction[:40],
                                        step_no2=step_no))
