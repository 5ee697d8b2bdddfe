"""Use cases for environment readings (PRC-3, PRC-4, INT-1): import a data-logger file all or nothing, with a
dry run, every rejected line named, progress and cancel; the excursion events found in it, stored once each;
and the environment of a batch (its rooms over the time window of its steps, and the excursions in it)."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from app.deviations import open_deviation_in
from app.ports import NO_PROGRESS, Progress, UnitOfWork
from domain.batches import Batch
from domain.deviations import Classification
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.process import Sensor
from domain.quantities import fmt
from domain.readings import (
    HEADER,
    Excursion,
    ExcursionEvent,
    ParsedReadings,
    ReadingImport,
    Rejection,
    find_excursions,
    parse_rows,
    to_decimal,
)
from domain.users import Actor, Permission

PROGRESS_EVERY = 50_000
# Stored readings this far either side of a file's data are read again, so an event that began before the file
# (or a gap up to the file's first reading) is found whole.
CONTEXT = timedelta(days=1)


@dataclass(frozen=True)
class ExcursionView:
    key: str
    sensor_code: str
    room_code: str
    kind: str
    started_at: datetime
    ended_at: datetime
    readings: int
    worst: Decimal | None
    deviation_number: str | None
    closed: bool

    @classmethod
    def of(cls, e: Excursion) -> ExcursionView:
        return cls(e.key, e.sensor_code, e.room_code, e.kind.value, e.started_at, e.ended_at, e.readings, e.worst,
                   e.deviation_number, e.closed)

    def describe(self) -> str:
        worst = f", worst {self.worst.normalize():f}" if self.worst is not None else ""
        return (f"{self.sensor_code} ({self.room_code}) {self.kind.lower()} {self.started_at:%Y-%m-%d %H:%M} - "
                f"{self.ended_at:%H:%M} UTC{worst}")


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    rows: int  # data lines read
    new_readings: int
    already_stored: int  # identical readings found in the database: skipped, so a re-import adds nothing
    rejections: tuple[Rejection, ...]
    excursions: tuple[ExcursionView, ...]  # new events (none again on re-import)
    dry_run: bool
    committed: bool

    def summary(self) -> str:
        if self.rejections:
            return (f"{self.file_name}: {len(self.rejections)} of {self.rows} lines rejected; nothing was stored")
        verb = "would store" if self.dry_run else "stored"
        return (f"{self.file_name}: {verb} {self.new_readings} readings ({self.already_stored} already stored), "
                f"{len(self.excursions)} new excursion(s)")


def _rows(lines: Iterable[str], sha: hashlib._Hash, progress: Progress) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) after the header; the file's SHA-256 is taken as it is read."""

    def hashed() -> Iterator[str]:
        for line in lines:
            sha.update(line.encode("utf-8"))
            yield line

    reader = csv.reader(hashed())
    header = next(reader, None)
    if header is None:
        raise ValidationError(_("the file is empty: expected the header timestamp,sensor,value,unit"))
    if tuple(h.strip().lstrip("\ufeff").casefold() for h in header) != HEADER:
        raise ValidationError(_("line 1: the header must be {expected}, not {header}",
                                expected=','.join(HEADER), header=','.join(header)[:80]))
    for count, fields in enumerate(reader, start=1):
        if count % PROGRESS_EVERY == 0:
            progress.check()
            progress.report(count, None, f"checked {count:,} lines")
        if fields:
            yield reader.line_num, fields


def import_readings(uow: UnitOfWork, actor: Actor, lines: Iterable[str], file_name: str, *, dry_run: bool = False,
                    progress: Progress = NO_PROGRESS) -> ImportReport:
    """Check every line first; store the readings and their new excursion events in one transaction only when
    no line is rejected (INT-1). Readings already stored with the same value are skipped; the same time with
    another value is a rejection. Cancel (progress.check) before the commit leaves nothing behind."""
    sha = hashlib.sha256()
    with uow.acting_as(actor) as tx:
        actor.require(Permission.IMPORT_PROCESS_DATA)
        sensors = {s.code: s for s in tx.process.sensors()}
        parsed = parse_rows(_rows(lines, sha, progress), sensors)
        progress.report(parsed.rows, parsed.rows, "comparing with stored readings")
        new, already = _against_stored(tx, parsed)
        rejections = tuple(sorted(parsed.rejections, key=lambda r: r.line))
        if rejections:
            return ImportReport(file_name, parsed.rows, 0, already, rejections, (), dry_run, False)
        events = [e for code, rows in new.items() if rows for e in _events(tx, sensors[code], rows)]
        known = tx.readings.excursions_by_key([e.key for e in events])
        fresh = [e for e in events if e.key not in known]
        total = sum(len(rows) for rows in new.values())
        if dry_run:
            views = tuple(ExcursionView(e.key, e.sensor_code, sensors[e.sensor_code].room_code, e.kind.value,
                                        e.started_at, e.ended_at, e.readings,
                                        None if e.worst is None else to_decimal(e.worst), None, False)
                          for e in fresh)
            return ImportReport(file_name, parsed.rows, total, already, (), views, True, False)
        record = ReadingImport(file_name, sha.hexdigest(), total, actor.user_id, tx.now())
        tx.readings.add(record)
        tx.flush()
        assert record.id is not None
        for code, rows in new.items():
            progress.check()
            progress.report(0, None, f"storing the readings of {code}")
            tx.readings.insert(record.id, [(code, at, to_decimal(value)) for at, value, _ in rows])
        stored = [Excursion(e, sensors[e.sensor_code].room_code, record.id) for e in fresh]
        for excursion in stored:
            tx.readings.add(excursion)
            _open_deviation(tx, actor, sensors[excursion.sensor_code], excursion)
        tx.audit_event("IMPORT", "reading_import", str(record.id), details={
            "file": (None, file_name), "sha256": (None, record.file_sha256), "readings": (None, total),
            "already_stored": (None, already), "excursions": (None, len(stored))})
        progress.check()
        tx.commit()
        return ImportReport(file_name, parsed.rows, total, already, (), tuple(ExcursionView.of(e) for e in stored),
                            False, True)


def _open_deviation(tx: UnitOfWork, actor: Actor, sensor: Sensor, e: Excursion) -> None:
    """One deviation per excursion event (PRC-4), linked to the excursion and to every batch step that ran in
    the room at the time; the excursion keeps its number."""
    steps = tx.process.steps_in_room(e.room_code, e.started_at, e.ended_at)
    what = (f"{sensor.kind.value.lower()} outside {fmt(sensor.lower)} .. {fmt(sensor.upper)} {sensor.unit}, "
            f"{e.readings} reading(s), worst {fmt(e.worst)}" if e.worst is not None
            else f"no readings for more than {sensor.max_gap_minutes} minutes")
    batches = sorted({b for b, _ in steps})
    deviation = open_deviation_in(
        tx, actor, f"{e.kind.value}: {sensor.code} in {e.room_code}"
                   + (f" during batch {', '.join(batches)}" if batches else ""),
        f"{sensor.code} ({e.room_code}) {e.started_at:%Y-%m-%d %H:%M:%S} - {e.ended_at:%Y-%m-%d %H:%M:%S} UTC: "
        f"{what}.", Classification.MAJOR,
        [("excursion", e.key), *(("batch", b) for b in batches), *(("batch_step", f"{b}/{n}") for b, n in steps)])
    e.deviation_number = deviation.number


def _against_stored(tx: UnitOfWork, parsed: ParsedReadings
                    ) -> tuple[dict[str, list[tuple[datetime, float, int]]], int]:
    """Split each sensor's readings into new ones and those already stored; the same time with another value
    is a rejection (never overwritten)."""
    new: dict[str, list[tuple[datetime, float, int]]] = {}
    already = 0
    for code, rows in parsed.by_sensor.items():
        stored = tx.readings.stored(code, rows[0][0], rows[-1][0])
        keep = new.setdefault(code, [])
        for at, value, line in rows:
            old = stored.get(at)
            if old is None:
                keep.append((at, value, line))
            elif old == to_decimal(value):
                already += 1
            else:
                parsed.rejections.append(Rejection(line, f"{code} at {at:%Y-%m-%d %H:%M:%S} UTC is already stored "
                                                         f"with value {old.normalize():f}: readings are never "
                                                         "overwritten"))
    return new, already


def _events(tx: UnitOfWork, sensor: Sensor, rows: list[tuple[datetime, float, int]]) -> list[ExcursionEvent]:
    """The events in the new readings together with the stored ones around them; only those that touch the new
    data's time span."""
    first, last = rows[0][0], rows[-1][0]
    merged = {at: value for at, value in tx.readings.series(sensor.code, first - CONTEXT, last + CONTEXT)}
    merged.update((at, value) for at, value, _ in rows)
    series = sorted(merged.items())
    return [e for e in find_excursions(sensor, series) if e.ended_at >= first and e.started_at <= last]


# --- the environment of a batch (PRC-3) ---------------------------------------------------------------------


@dataclass(frozen=True)
class RoomWindow:
    room_code: str
    step_no: int
    start: datetime
    end: datetime | None  # when the step was performed; open while it runs (logger files arrive later)


@dataclass(frozen=True)
class BatchEnvironment:
    batch_number: str
    windows: tuple[RoomWindow, ...]
    excursions: tuple[ExcursionView, ...]  # every excursion of the rooms' sensors during the windows


def batch_environment(uow: UnitOfWork, actor: Actor, batch_number: str) -> BatchEnvironment:
    """The rooms a batch's steps ran in, over each step's time, and the excursions of their sensors then."""
    with uow.acting_as(actor) as tx:
        batch = tx.batches.by_number(batch_number)
        if batch is None:
            raise NotFound(f"no batch {batch_number}")
        return environment_in(tx, batch)


def environment_in(tx: UnitOfWork, batch: Batch) -> BatchEnvironment:
    """`batch_environment` inside the caller's transaction."""
    assert batch.id is not None
    windows = tuple(RoomWindow(r.room_code, r.step_no, r.started_at, r.performed_at)
                    for r in sorted(tx.process.step_records(batch.id).values(), key=lambda r: r.step_no)
                    if r.room_code)
    found: dict[str, ExcursionView] = {}
    for w in windows:
        for e in tx.readings.excursions(room_code=w.room_code, start=w.start, end=w.end):
            found.setdefault(e.key, ExcursionView.of(e))
    return BatchEnvironment(batch.batch_number, windows,
                            tuple(sorted(found.values(), key=lambda e: e.started_at)))


def list_excursions(uow: UnitOfWork, actor: Actor, room_code: str | None = None) -> list[ExcursionView]:
    with uow.acting_as(actor) as tx:
        return [ExcursionView.of(e) for e in tx.readings.excursions(room_code=room_code)]
