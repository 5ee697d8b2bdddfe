"""Environment readings from data-logger or MES files (PRC-3, INT-1) and the excursions they contain (PRC-4).

A file is `timestamp,sensor,value,unit` with ISO 8601 timestamps carrying their UTC offset. Every row is checked
before anything is stored; each rejection names its line. Excursion events are found per sensor: consecutive
readings outside the limits are one event, and a silence longer than the sensor's longest gap is an event too.
An event's key (sensor, kind, start) is unique, so importing the same data again never makes a second one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import Enum

from domain.i18n import N_, _
from domain.process import Sensor

HEADER = ("timestamp", "sensor", "value", "unit")
MAX_REJECTIONS_SHOWN = 200


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ParsedReadings:
    """What a file holds: per sensor, (UTC time, value, line) in file order; the rejected lines; how many."""

    by_sensor: dict[str, list[tuple[datetime, float, int]]] = field(default_factory=dict)
    rejections: list[Rejection] = field(default_factory=list)
    rows: int = 0

    @property
    def accepted(self) -> int:
        return sum(len(v) for v in self.by_sensor.values())


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 with an offset (Z or +hh:mm); a local time without one is ambiguous at a daylight-saving change,
    so it is refused rather than guessed."""
    text = text.strip()
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_("timestamp '{text}' is not ISO 8601 (e.g. 2026-03-29T01:30:00+01:00)",
                           text=text[:40])) from None
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(_("timestamp '{text}' has no zone: add its UTC offset (e.g. +01:00 or Z)", text=text[:40]))
    return at.astimezone(UTC)


def parse_rows(rows: Iterable[tuple[int, list[str]]], sensors: Mapping[str, Sensor]) -> ParsedReadings:
    """Check every row (line number, fields). Refused: unknown sensors, another unit than the sensor's, values
    that are not finite numbers, timestamps without a zone, timestamps not after the sensor's previous one in
    the file (duplicates included), rows with missing or extra fields (a file cut in the middle)."""
    out = ParsedReadings()
    last: dict[str, tuple[datetime, int]] = {}
    # A logger writes all its channels at each time: the same timestamp text is parsed once (a third of the
    # time of a million-line import went to parsing timestamps).
    last_stamp, last_at, last_error = "", datetime.min, ""
    # (code, unit) as plain strings: the sensors may be mapped objects whose every attribute read costs
    channels = {key: (s.code, s.unit) for key, s in sensors.items()}
    for line, fields in rows:
        out.rows += 1
        if len(fields) != 4:
            out.rejections.append(Rejection(line, f"{len(fields)} fields where 4 are expected "
                                                  "(timestamp, sensor, value, unit): is the file cut off?"))
            continue
        stamp, code, value_text, unit = fields
        stamp, code, value_text, unit = stamp.strip(), code.strip(), value_text.strip(), unit.strip()
        channel = channels.get(code.upper())
        if channel is None:
            out.rejections.append(Rejection(line, f"unknown sensor '{code[:32]}'"))
            continue
        sensor_code, sensor_unit = channel
        if unit != sensor_unit:
            out.rejections.append(Rejection(line, f"unit '{unit[:16]}' for sensor {sensor_code}, which reports in "
                                                  f"{sensor_unit}"))
            continue
        try:
            value = float(value_text)
        except ValueError:
            out.rejections.append(Rejection(line, f"value '{value_text[:20]}' is not a number"))
            continue
        if not math.isfinite(value) or abs(value) >= 1e12:
            out.rejections.append(Rejection(line, f"value '{value_text[:20]}' is not a finite number in range"))
            continue
        if stamp != last_stamp:
            last_stamp = stamp
            try:
                last_at, last_error = parse_timestamp(stamp), ""
            except ValueError as error:
                last_error = str(error)
        if last_error:
            out.rejections.append(Rejection(line, last_error))
            continue
        at = last_at
        previous = last.get(sensor_code)
        if previous is not None and at <= previous[0]:
            what = "the same timestamp as" if at == previous[0] else "earlier than"
            out.rejections.append(Rejection(line, f"{stamp} for {sensor_code} is {what} line {previous[1]}: "
                                                  "timestamps must increase"))
            continue
        last[sensor_code] = (at, line)
        out.by_sensor.setdefault(sensor_code, []).append((at, value, line))
    return out


class ExcursionKind(Enum):
    OUT_OF_LIMITS = N_("Out of limits")
    GAP = N_("Gap in data")


@dataclass(frozen=True)
class ExcursionEvent:
    sensor_code: str
    kind: ExcursionKind
    started_at: datetime
    ended_at: datetime
    readings: int  # out-of-limit readings in the event (0 for a gap)
    worst: float | None  # the reading furthest outside the limits

    @property
    def key(self) -> str:
        return f"{self.sensor_code}|{self.kind.name}|{self.started_at.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}"


def find_excursions(sensor: Sensor, readings: Iterable[tuple[datetime, float]]) -> Iterator[ExcursionEvent]:
    """Excursion events in time-ordered readings of one sensor: each run of consecutive out-of-limit readings
    is one event (from its first to its last reading), and each silence longer than the sensor's longest gap is
    one event (from the reading before it to the reading after it)."""
    lower, upper = float(sensor.lower), float(sensor.upper)
    gap = timedelta(minutes=sensor.max_gap_minutes)
    run: list[tuple[datetime, float]] = []
    previous: datetime | None = None

    def close() -> ExcursionEvent:
        worst = max((v for _, v in run), key=lambda v: max(lower - v, v - upper))
        return ExcursionEvent(sensor.code, ExcursionKind.OUT_OF_LIMITS, run[0][0], run[-1][0], len(run), worst)

    for at, value in readings:
        if previous is not None and at - previous > gap:
            yield ExcursionEvent(sensor.code, ExcursionKind.GAP, previous, at, 0, None)
        previous = at
        if value < lower or value > upper:
            run.append((at, value))
        elif run:
            yield close()
            run = []
    if run:
        yield close()


def to_decimal(value: float) -> Decimal:
    """A reading as stored: six decimal places, as the logger's text gave it (repr is the shortest exact)."""
    return Decimal(repr(value)).quantize(Decimal("0.000001"))


class Excursion:
    """A stored excursion event of a room's sensor (PRC-4): found on import, open until closed through its
    deviation. `key` is unique, so the same event is stored once however often its data is imported."""

    id: int | None
    key: str
    sensor_code: str
    room_code: str
    kind: ExcursionKind
    started_at: datetime
    ended_at: datetime
    readings: int
    worst: Decimal | None
    import_id: int
    deviation_number: str | None
    closed: bool

    def __init__(self, event: ExcursionEvent, room_code: str, import_id: int) -> None:
        self.id = None
        self.key = event.key
        self.sensor_code = event.sensor_code
        self.room_code = room_code
        self.kind = event.kind
        self.started_at = event.started_at
        self.ended_at = event.ended_at
        self.readings = event.readings
        self.worst = None if event.worst is None else to_decimal(event.worst)
        self.import_id = import_id
        self.deviation_number = None
        self.closed = False


class ReadingImport:
    """One imported file: who, when, which file (SHA-256), how many readings. The readings name it."""

    id: int | None
    file_name: str
    file_sha256: str
    readings: int
    imported_by: str
    imported_at: datetime

    def __init__(self, file_name: str, file_sha256: str, readings: int, imported_by: str, at: datetime) -> None:
        self.id = None
        self.file_name = file_name[-200:]
        self.file_sha256 = file_sha256
        self.readings = readings
        self.imported_by = imported_by
        self.imported_at = at
