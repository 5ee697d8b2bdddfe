"""What the process record says about releasing a batch (QC-3, PRC-4): the reasons it cannot be released yet,
for the release evaluation to list (review by exception). Every step completed and signed as its record asks;
every parameter within its limits; the environment of the rooms the steps ran in within limits for each step's
whole time, without gaps, or its excursion closed."""

from __future__ import annotations

from datetime import timedelta

from app.ports import UnitOfWork
from app.process_steps import batch_process
from app.readings import RoomWindow, batch_environment
from domain.users import Actor


def process_release_reasons(uow: UnitOfWork, actor: Actor, batch_number: str) -> list[str]:
    """Each reason is one line a reviewer can act on; an empty list means the process record allows release."""
    process = batch_process(uow, actor, batch_number)
    reasons: list[str] = []
    for step in process.steps:
        if step.performed_at is None:
            reasons.append(f"step {step.step_no} ({step.instruction[:50]}) is not signed as performed")
        elif step.needs_verified and step.verified_at is None:
            reasons.append(f"step {step.step_no} ({step.instruction[:50]}) is not verified by a second person")
        for p in step.parameters:
            v = p.current
            if v is not None and v.out_of_limits:
                reasons.append(f"step {step.step_no} {p.name} {v.value.normalize():f} {p.unit} is outside "
                               f"{p.lower.normalize():f} .. {p.upper.normalize():f}")
    environment = batch_environment(uow, actor, batch_number)
    for e in environment.excursions:
        if not e.closed:
            reasons.append(f"environment excursion not closed: {e.describe()}")
    reasons.extend(_uncovered(uow, actor, environment.windows))
    return reasons


def _uncovered(uow: UnitOfWork, actor: Actor, windows: tuple[RoomWindow, ...]) -> list[str]:
    """A step's time without readings at its start or end (beyond the sensor's longest gap) is a gap too: the
    imported excursions only know the gaps between readings."""
    reasons: list[str] = []
    with uow.acting_as(actor) as tx:
        for w in windows:
            if w.end is None:
                continue  # the step still runs: its window is judged once performed
            for sensor in tx.process.sensors(w.room_code):
                gap = timedelta(minutes=sensor.max_gap_minutes)
                span = tx.readings.coverage(sensor.code, w.start - gap, w.end + gap)
                if span is None or span[0] > w.start or span[1] < w.end:
                    reasons.append(f"step {w.step_no}: {sensor.code} in {w.room_code} has no readings for the whole "
                                   f"time of the step ({w.start:%Y-%m-%d %H:%M} - {w.end:%H:%M} UTC)")
    return reasons
