"""The process record's reasons against release (QC-3, PRC-4), on both engines."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app import process_release, process_steps, readings
from tests.app.lots_support import Site, plain_connection, site_fixture  # noqa: F401
from tests.app.test_process_steps import process_site, sign
from tests.app.test_readings import rooms


def utc(moment: object) -> datetime:
    """A time read with raw SQL: text on SQLite, timestamptz on PostgreSQL."""
    parsed = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def step_times(site: Site) -> list[tuple[int, object, object]]:
    with plain_connection(site.db_url) as c:
        return list(c.execute(text("SELECT step_no, started_at, performed_at FROM batch_steps ORDER BY step_no")))


@pytest.mark.req("QC-3", "PRC-4", "PRC-3")
def test_release_reasons_name_the_unsigned_steps_the_value_out_of_limits_and_the_environment(site: Site) -> None:
    rooms(site)
    batch = process_site(site)
    u = site.ctx.uow
    reasons = process_release.process_release_reasons(site.ctx.read_uow(), site.qa, batch)
    assert reasons == [
        "step 1 (Dry the resin at 120 °C for 4 h) is not signed as performed",
        "step 2 (Mould the barrels) is not signed as performed",
        "step 3 (Visual check of the first 20 barrels) is not signed as performed",
    ]
    process_steps.start_step(u(), site.production, batch, 1, "DRY-1", "CR-1")
    process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "126")
    process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    sign(site, "production", batch, 1, "performed")
    process_steps.record_value(u(), site.production, batch, 2, "Melt temperature", "290", "MM-1")
    sign(site, "production", batch, 2, "performed")
    sign(site, "qa", batch, 2, "verified")
    process_steps.start_step(u(), site.production, batch, 3)
    sign(site, "production", batch, 3, "performed")

    # No logger file yet: step 1 ran in CR-1 without readings of T1 and H1.
    reasons = process_release.process_release_reasons(site.ctx.read_uow(), site.qa, batch)
    assert reasons[0] == "step 1 Drying temperature 126 °C is outside 115 .. 125"
    assert [r.split(" in CR-1")[0] for r in reasons[1:]] == ["step 1: H1", "step 1: T1"]

    # A logger file covering the step, with one temperature excursion inside it.
    (_, started, performed), *_ = step_times(site)
    start, stop = utc(started), utc(performed)
    lines, at = ["timestamp,sensor,value,unit\n"], start - timedelta(minutes=5)
    while at <= stop + timedelta(minutes=5):
        hot = at == start  # the step lasts milliseconds here: one reading exactly at its start
        lines += [f"{at.isoformat()},T1,{26 if hot else 21},°C\n", f"{at.isoformat()},H1,45,%RH\n"]
        at += timedelta(milliseconds=500)
    report = readings.import_readings(u(), site.production, lines, "cr1.csv")
    assert [e.sensor_code for e in report.excursions] == ["T1"]
    reasons = process_release.process_release_reasons(site.ctx.read_uow(), site.qa, batch)
    assert len(reasons) == 2
    assert reasons[0] == "step 1 Drying temperature 126 °C is outside 115 .. 125"
    assert reasons[1].startswith("environment excursion not closed: T1 (CR-1) out of limits")
