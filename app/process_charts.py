"""The data behind the process charts (PRC-5), loaded off the GUI thread: the environment of a batch over its
window with its steps and excursions; one parameter across the last N batches with control limits and the
Western Electric rules. Times are seconds since the epoch (UTC), ready for a plot's time axis."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from app.ports import UnitOfWork
from app.process_steps import batch_process
from app.readings import batch_environment
from domain.control_chart import ControlLimits, RuleBreak, control_limits, western_electric
from domain.errors import ValidationError
from domain.i18n import _
from domain.users import Actor

MARGIN = timedelta(hours=1)  # shown either side of the batch window


@dataclass(frozen=True)
class SensorSeries:
    sensor_code: str
    kind: str
    unit: str
    lower: float
    upper: float
    times: tuple[float, ...]
    values: tuple[float, ...]


@dataclass(frozen=True)
class EnvironmentChart:
    batch_number: str
    series: tuple[SensorSeries, ...]
    steps: tuple[tuple[int, float, float], ...]  # (step, start, end)
    excursions: tuple[tuple[str, float, float], ...]  # (sensor, start, end)


def environment_chart(uow: UnitOfWork, actor: Actor, batch_number: str) -> EnvironmentChart:
    environment = batch_environment(uow, actor, batch_number)
    with uow.acting_as(actor) as tx:
        now = tx.now()
        steps = tuple((w.step_no, w.start.timestamp(), (w.end or now).timestamp()) for w in environment.windows)
        series: list[SensorSeries] = []
        if environment.windows:
            start = min(w.start for w in environment.windows) - MARGIN
            end = max(w.end or now for w in environment.windows) + MARGIN
            for room in sorted({w.room_code for w in environment.windows}):
                for s in tx.process.sensors(room):
                    points = tx.readings.series(s.code, start, end)
                    series.append(SensorSeries(s.code, s.kind.value, s.unit, float(s.lower), float(s.upper),
                                               tuple(at.timestamp() for at, _ in points),
                                               tuple(v for _, v in points)))
    excursions = tuple((e.sensor_code, e.started_at.timestamp(), e.ended_at.timestamp())
                       for e in environment.excursions)
    return EnvironmentChart(environment.batch_number, tuple(series), steps, excursions)


@dataclass(frozen=True)
class ParameterTrend:
    product_code: str
    step_no: int
    parameter: str
    unit: str
    lower: float  # the specification limits of the record
    upper: float
    batches: tuple[str, ...]
    values: tuple[float, ...]
    control: ControlLimits | None  # None with fewer than two batches
    breaks: tuple[RuleBreak, ...]


def parameter_trend(uow: UnitOfWork, actor: Actor, batch_number: str, step_no: int, parameter: str,
                    last: int = 25) -> ParameterTrend:
    """The parameter of this batch's step across the last `last` batches of the same product."""
    if not 2 <= last <= 500:
        raise ValidationError(_("a trend shows between 2 and 500 batches"))
    process = batch_process(uow, actor, batch_number)
    step = next((s for s in process.steps if s.step_no == step_no), None)
    spec = next((p for p in step.parameters if p.name.casefold() == parameter.casefold()), None) if step else None
    if spec is None:
        raise ValidationError(_("batch {batch_number} has no parameter '{parameter}' in step {step_no}",
                                batch_number=batch_number, parameter=parameter, step_no=step_no))
    product = process.product_code
    with uow.acting_as(actor) as tx:
        history = tx.process.parameter_history(product, step_no, spec.name, last)
    values = tuple(float(v) for _, v in history)
    control = control_limits(values) if len(values) >= 2 else None
    breaks = tuple(western_electric(values, control)) if control else ()
    return ParameterTrend(product, step_no, spec.name, spec.unit, float(spec.lower), float(spec.upper),
                          tuple(n for n, _ in history), values, control, breaks)
