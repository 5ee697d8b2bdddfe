"""The process part of a batch record (DOC-1 with PRC-1..PRC-5): each step with its instruction, equipment,
performer and verifier; each critical parameter with target, limits, the value recorded (corrections with
their reason) and excursions highlighted; the rooms the steps ran in, their sensors' readings as charts with
limits, and the environment excursions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from app.documents.words import Words
from app.ports import UnitOfWork
from app.process_steps import BatchProcess, ValueView
from app.process_steps import process_state_in as process_state  # the same read as the batch's process page
from domain.batches import Batch
from domain.documents import Chart, Paragraph, Section, Table
from domain.process import Verdict

_MAX_POINTS = 1500  # a chart is 160 mm wide: more points than this draw the same line


Names = Callable[[str], str]  # user ID -> "Printed Name (id)"


def _who(names: Names, user_id: str | None, at: datetime | None, w: Words) -> str:
    return f"{names(user_id)}\n{w.time(at)}" if user_id else ""


def process_sections(tx: UnitOfWork, w: Words, batch: Batch, names: Names) -> list[Section]:
    process: BatchProcess = process_state(tx, batch)
    if not process.steps:
        return [Section(w("steps"), (Paragraph(w("no_steps")),)), *environment_sections(tx, w, batch)]
    steps = Table((w("step"), w("instruction"), w("equipment"), w("performed_by"), w("verified_by")), tuple(
        (str(s.step_no), s.instruction, s.equipment_code or s.equipment_class or "",
         _who(names, s.performed_by, s.performed_at, w), _who(names, s.verified_by, s.verified_at, w))
        for s in process.steps), widths=(7, 38, 12, 21, 21))
    rows: list[tuple[str, ...]] = []
    flagged: set[int] = set()
    for s in process.steps:
        for p in s.parameters:
            limits = f"{w.amount(p.lower)} – {w.amount(p.upper)}"
            if not p.history:
                rows.append((str(s.step_no), p.name, f"{w.amount(p.target)} {p.unit}", limits, "", "", ""))
            for v in p.history:
                if v.verdict == Verdict.OUT.value:
                    flagged.add(len(rows))
                rows.append((str(s.step_no), p.name, f"{w.amount(p.target)} {p.unit}", limits,
                             _value(v, p.current, w), w.term(v.verdict), _entered(v, names, w)))
    parameters = Table((w("step"), w("parameter"), w("target"), w("limits"), w("actual"), w("verdict"),
                        w("entered_by")), tuple(rows), frozenset(flagged), widths=(7, 16, 11, 13, 15, 12, 19))
    return [Section(w("steps"), (steps,)),
            Section(w("parameters"), (Paragraph(w("parameters_note")), parameters)),
            *environment_sections(tx, w, batch)]


def _value(v: ValueView, current: ValueView | None, w: Words) -> str:
    text = f"{w.amount(v.value)} {v.unit}"
    if current is not None and current.id != v.id:
        text += f"\n({w('superseded')})"
    if v.replaces_id is not None and v.reason:
        text += f"\n{w('correction')}: {v.reason}"
    return text


def _entered(v: ValueView, names: Names, w: Words) -> str:
    return f"{names(v.entered_by)}\n{w.time(v.entered_at)}"


def environment_sections(tx: UnitOfWork, w: Words, batch: Batch) -> list[Section]:
    assert batch.id is not None
    records = sorted(tx.process.step_records(batch.id).values(), key=lambda r: r.step_no)
    windows = [(r.room_code, r.step_no, r.started_at, r.performed_at) for r in records if r.room_code]
    if not windows:
        return [Section(w("environment"), (Paragraph(w("no_rooms")),))]
    table = Table((w("room"), w("step"), w("from"), w("to")),
                  tuple((room, str(step), w.time(start), w.time(end)) for room, step, start, end in windows))
    blocks: list[Paragraph | Table | Chart] = [table]
    for room in sorted({room for room, *_ in windows}):
        start = min(s for r, _, s, _ in windows if r == room)
        ends = [e for r, _, _, e in windows if r == room]
        end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
        for sensor in tx.process.sensors(room):
            points = tx.readings.series(sensor.code, start, end or tx.now())
            if len(points) > _MAX_POINTS:
                step = len(points) / _MAX_POINTS
                points = [points[int(i * step)] for i in range(_MAX_POINTS)]
            if points:
                blocks.append(Chart(f"{room} · {sensor.code} ({w.term(sensor.kind.value)})", sensor.unit,
                                    tuple(points), float(sensor.lower), float(sensor.upper)))
    excursions: dict[str, tuple[str, ...]] = {}
    for room, _, start, end in windows:
        for e in tx.readings.excursions(room_code=room, start=start, end=end):
            excursions.setdefault(e.key, (e.sensor_code, w.term(e.kind.value), w.time(e.started_at),
                                          w.time(e.ended_at), str(e.readings),
                                          "" if e.worst is None else w.amount(e.worst), e.deviation_number or ""))
    if excursions:
        blocks.append(Table((w("sensor"), w("excursion"), w("from"), w("to"), w("readings"), w("worst"),
                             w("deviation")), tuple(excursions.values()), frozenset(range(len(excursions)))))
    else:
        blocks.append(Paragraph(w("no_excursions")))
    return [Section(w("environment"), tuple(blocks))]
