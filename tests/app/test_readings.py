"""Environment readings import and excursion events, on both engines (PRC-3, PRC-4, INT-1)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import facilities, process_steps, readings
from app.ports import Progress
from domain.errors import AccessDenied, Cancelled, ValidationError
from tests.app.lots_support import (  # noqa: F401
    Site,
    plain_connection,
    site_fixture,
    snapshot,
    trail,
)
from tests.app.test_process_steps import process_site

T0 = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)  # the night Europe changes to summer time
TABLES = ("readings", "reading_imports", "excursions", "audit_log")


def rooms(site: Site) -> None:
    u = site.ctx.uow
    facilities.add_room(u(), site.admin, "CR-1", "Clean room 1 (ISO 7)")
    facilities.add_sensor(u(), site.admin, "T1", "CR-1", "Temperature", "18", "25", max_gap_minutes=15)
    facilities.add_sensor(u(), site.admin, "H1", "CR-1", "humidity", "30", "60", max_gap_minutes=15)


def day_of_readings(excursions: dict[int, float], skip: range = range(0)) -> list[str]:
    """A header and a day of T1 and H1 readings every 5 minutes (UTC), with the given T1 values (by index) and
    the indices in `skip` missing."""
    lines = ["timestamp,sensor,value,unit\n"]
    for i in range(288):
        if i in skip:
            continue
        stamp = (T0 + timedelta(minutes=5 * i)).isoformat()
        lines.append(f"{stamp},T1,{excursions.get(i, 21.5)},°C\n")
        lines.append(f"{stamp},H1,45,%RH\n")
    return lines


def run(site: Site, lines: list[str], dry_run: bool = False, name: str = "logger.csv") -> readings.ImportReport:
    return readings.import_readings(site.ctx.uow(), site.production, lines, name, dry_run=dry_run)


@pytest.mark.req("PRC-3", "PRC-4", "INT-1")
def test_known_excursions_are_found_once_and_a_reimport_adds_nothing(site: Site) -> None:
    rooms(site)
    # two out-of-limit runs (3 readings, then 1) and one gap of 30 minutes in T1 and H1 alike
    lines = day_of_readings({100: 25.6, 101: 26.2, 102: 25.1, 200: 17.2}, skip=range(150, 156))
    before = snapshot(site.db_url, *TABLES)
    dry = run(site, lines, dry_run=True)
    assert (dry.committed, dry.new_readings, len(dry.excursions)) == (False, 2 * 282, 4)
    assert snapshot(site.db_url, *TABLES) == before  # a dry run stores nothing

    report = run(site, lines)
    assert (report.committed, report.new_readings, report.already_stored, report.rejections) == (
        True, 564, 0, ())
    found = sorted((e.sensor_code, e.kind, e.started_at, e.readings, e.worst) for e in report.excursions)
    assert found == sorted([
        ("T1", "Out of limits", T0 + timedelta(minutes=500), 3, Decimal("26.2")),
        ("T1", "Out of limits", T0 + timedelta(minutes=1000), 1, Decimal("17.2")),
        ("T1", "Gap in data", T0 + timedelta(minutes=745), 0, None),
        ("H1", "Gap in data", T0 + timedelta(minutes=745), 0, None),
    ])
    imports = [e for e in trail(site, action="IMPORT") if e.record_type == "reading_import"]
    assert imports[-1].change_map()["readings"] == [None, 564] and imports[-1].user_id == "pat"

    again = run(site, lines, name="logger-again.csv")
    assert (again.new_readings, again.already_stored, again.excursions) == (0, 564, ())
    with plain_connection(site.db_url) as c:
        assert c.execute(text("SELECT COUNT(*) FROM excursions")).scalar_one() == 4
        assert c.execute(text("SELECT COUNT(*) FROM readings")).scalar_one() == 564


@pytest.mark.req("INT-1", "PRC-3")
def test_bad_rows_are_each_named_and_nothing_is_stored(site: Site) -> None:
    rooms(site)
    lines = [
        "timestamp,sensor,value,unit\n",
        "2026-03-29T01:00:00+01:00,T1,21.0,°C\n",  # 2: fine
        "2026-03-29T01:05:00,T1,21.0,°C\n",  # 3: no zone
        "2026-03-29T03:10:00+02:00,T9,21.0,°C\n",  # 4: unknown sensor
        "2026-03-29T03:10:00+02:00,T1,70.1,°F\n",  # 5: wrong unit
        "2026-03-29T03:10:00+02:00,T1,NaN,°C\n",  # 6: NaN
        "2026-03-29T03:10:00+02:00,T1,inf,°C\n",  # 7: inf
        "2026-03-29T03:10:00+02:00,T1,21.1,°C\n",  # 8: fine (01:10 UTC, after the DST change)
        "2026-03-29T02:10:00+01:00,T1,21.1,°C\n",  # 9: the same instant written in winter time: a duplicate
        "2026-03-29T00:30:00+01:00,T1,21.2,°C\n",  # 10: earlier than line 8
        "29/03/2026 03:20,T1,21.0,°C\n",  # 11: not ISO 8601
        "2026-03-29T03:25:00+02:00,H1,4",  # 12: the file cut in the middle
    ]
    before = snapshot(site.db_url, *TABLES)
    report = run(site, lines)
    assert not report.committed and report.summary() == "logger.csv: 9 of 11 lines rejected; nothing was stored"
    assert [(r.line, r.reason) for r in report.rejections] == [
        (3, "timestamp '2026-03-29T01:05:00' has no zone: add its UTC offset (e.g. +01:00 or Z)"),
        (4, "unknown sensor 'T9'"),
        (5, "unit '°F' for sensor T1, which reports in °C"),
        (6, "value 'NaN' is not a finite number in range"),
        (7, "value 'inf' is not a finite number in range"),
        (9, "2026-03-29T02:10:00+01:00 for T1 is the same timestamp as line 8: timestamps must increase"),
        (10, "2026-03-29T00:30:00+01:00 for T1 is earlier than line 8: timestamps must increase"),
        (11, "timestamp '29/03/2026 03:20' is not ISO 8601 (e.g. 2026-03-29T01:30:00+01:00)"),
        (12, "3 fields where 4 are expected (timestamp, sensor, value, unit): is the file cut off?"),
    ]
    assert snapshot(site.db_url, *TABLES) == before
    with pytest.raises(ValidationError, match="line 1: the header must be timestamp,sensor,value,unit"):
        run(site, ["time,sensor,value\n"])
    with pytest.raises(ValidationError, match="the file is empty"):
        run(site, [])
    with pytest.raises(AccessDenied):
        readings.import_readings(site.ctx.uow(), site.warehouse, lines[:2], "x.csv")


@pytest.mark.req("INT-1")
def test_a_stored_reading_is_never_overwritten_and_the_table_refuses_changes(site: Site) -> None:
    rooms(site)
    run(site, ["timestamp,sensor,value,unit\n", "2026-03-29T01:00:00Z,T1,21.0,°C\n"])
    report = run(site, ["timestamp,sensor,value,unit\n", "2026-03-29T02:00:00+01:00,T1,22.0,°C\n"])
    assert [str(r) for r in report.rejections] == [
        "line 2: T1 at 2026-03-29 01:00:00 UTC is already stored with value 21: readings are never overwritten"]
    for statement in ("UPDATE readings SET value = 30", "DELETE FROM readings"):
        with pytest.raises(DBAPIError), plain_connection(site.db_url) as c:
            c.execute(text(statement))


class CancelAt:
    """The user presses Cancel once the import reports it is storing."""

    def __init__(self) -> None:
        self.storing = False

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.storing = self.storing or text.startswith("storing")

    def check(self) -> None:
        if self.storing:
            raise Cancelled("import cancelled")


@pytest.mark.req("INT-1")
def test_cancel_while_storing_leaves_nothing(site: Site) -> None:
    rooms(site)
    before = snapshot(site.db_url, *TABLES)
    progress: Progress = CancelAt()
    with pytest.raises(Cancelled):
        readings.import_readings(site.ctx.uow(), site.production, day_of_readings({}), "x.csv", progress=progress)
    assert snapshot(site.db_url, *TABLES) == before


@pytest.mark.req("PRC-3")
def test_excursions_are_bound_to_a_batch_through_the_room_and_the_steps_time(site: Site) -> None:
    rooms(site)
    batch = process_site(site)
    process_steps.start_step(site.ctx.uow(), site.production, batch, 1, "DRY-1", "CR-1")
    with plain_connection(site.db_url) as c:
        started = c.execute(text("SELECT started_at FROM batch_steps")).scalar_one()
    start = datetime.fromisoformat(str(started)).replace(tzinfo=UTC) if isinstance(started, str) else started
    stamps = [(start + timedelta(minutes=m)).isoformat() for m in (-10, -5, 0, 5, 10)]
    lines = ["timestamp,sensor,value,unit\n", *(f"{s},T1,{v},°C\n" for s, v in zip(stamps, [30, 21, 21, 26, 21],
                                                                                      strict=True))]
    assert len(run(site, lines).excursions) == 2
    env = readings.batch_environment(site.ctx.read_uow(), site.production, batch)
    assert [(w.room_code, w.step_no) for w in env.windows] == [("CR-1", 1)]
    # the excursion before the step started is the room's, not the batch's
    assert [(e.sensor_code, e.worst) for e in env.excursions] == [("T1", 26)]
