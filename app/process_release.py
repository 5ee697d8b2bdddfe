"""The process rule of the release evaluation (QC-3, PRC-4): every step completed and signed as its record
asks; every parameter within its limits or its deviation closed; the environment of the rooms the steps ran in
within limits for each step's whole time, without gaps, or the excursion's deviation closed. Registered with
`app.release`, so the desktop, the CLI and the documents list it with the other rules."""

from __future__ import annotations

from datetime import timedelta

from app.ports import UnitOfWork
from app.process_steps import process_state_in
from app.readings import RoomWindow, environment_in
from app.release import register_rule
from domain.batches import Batch
from domain.i18n import N_
from domain.release_rules import ReleaseSubject, RuleResult, not_applicable

PROCESS_RECORD = ("process", N_("Process steps signed, parameters and environment within limits"))


def _closed(tx: UnitOfWork, kind: str, ref: str) -> bool:
    """Out of limits but accepted: its deviation exists and none linked to it is open."""
    linked = tx.quality.linked_to([(kind, ref)])
    return bool(linked) and not tx.quality.linked_to([(kind, ref)], open_only=True)


def process_reasons_in(tx: UnitOfWork, batch: Batch) -> list[str]:
    """Each reason is one line a reviewer can act on; none means the process record allows release."""
    reasons: list[str] = []
    for step in process_state_in(tx, batch).steps:
        if step.performed_at is None:
            reasons.append(f"step {step.step_no} ({step.instruction[:50]}) is not signed as performed")
        elif step.needs_verified and step.verified_at is None:
            reasons.append(f"step {step.step_no} ({step.instruction[:50]}) is not verified by a second person")
        for p in step.parameters:
            v = p.current
            if v is not None and v.out_of_limits and not _closed(tx, "parameter_value", str(v.id)):
                reasons.append(f"step {step.step_no} {p.name} {v.value.normalize():f} {p.unit} is outside "
                               f"{p.lower.normalize():f} .. {p.upper.normalize():f}")
    environment = environment_in(tx, batch)
    for e in environment.excursions:
        if not _closed(tx, "excursion", e.key):
            deviation = f" ({e.deviation_number} open)" if e.deviation_number else ""
            reasons.append(f"environment excursion{deviation}: {e.describe()}")
    reasons.extend(_uncovered(tx, environment.windows))
    return reasons


def _uncovered(tx: UnitOfWork, windows: tuple[RoomWindow, ...]) -> list[str]:
    """A step's time without readings at its start or end (beyond the sensor's longest gap) is a gap too: the
    imported excursions only know the gaps between readings."""
    reasons: list[str] = []
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


@register_rule
def process_record(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
    if subject.record_type != "batch":
        return not_applicable(PROCESS_RECORD, "a lot has no process record of its own")
    batch = tx.batches.by_number(subject.record_id)
    assert batch is not None
    reasons = process_reasons_in(tx, batch)
    evidence = tuple(reasons) or ("nothing blocks release",)
    return RuleResult(PROCESS_RECORD[0], PROCESS_RECORD[1], not reasons, evidence)
