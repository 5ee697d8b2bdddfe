"""The process rule of the release evaluation and the deviations values and excursions open (QC-3, PRC-4),
on both engines: the issue's "done when" walk-through."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from app import deviations, process_steps, readings, release
from tests.app.lots_support import Site, plain_connection, site_fixture  # noqa: F401
from tests.app.signing import close_deviation
from tests.app.test_process_steps import process_site, sign
from tests.app.test_readings import rooms
from tests.app.test_release_evidence import english_in_chinese


def utc(moment: object) -> datetime:
    """A time read with raw SQL: text on SQLite, timestamptz on PostgreSQL."""
    parsed = moment if isinstance(moment, datetime) else datetime.fromisoformat(str(moment))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed


def process_rule(site: Site, batch: str) -> list[str]:
    """The evidence of the process rule when it fails, [] when it passes."""
    rule = next(r for r in release.evaluate_release(site.ctx.read_uow(), site.qa, batch).rules
                if r.key == "process")
    return [] if rule.passed else list(rule.evidence)


def open_deviations(site: Site) -> list[deviations.DeviationView]:
    return sorted(deviations.list_deviations(site.ctx.read_uow(), site.qa, open_only=True), key=lambda d: d.number)


def step_times(site: Site) -> list[tuple[int, object, object]]:
    with plain_connection(site.db_url) as c:
        return list(c.execute(text("SELECT step_no, started_at, performed_at FROM batch_steps ORDER BY step_no")))


@pytest.mark.req("QC-3", "PRC-4", "PRC-3", "GEN-6")
def test_release_reasons_name_the_unsigned_steps_the_value_out_of_limits_and_the_environment(site: Site) -> None:
    rooms(site)
    batch = process_site(site)
    u = site.ctx.uow
    assert process_rule(site, batch) == [
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
    reasons = process_rule(site, batch)
    assert reasons[0] == "step 1 Drying temperature 126 °C is outside 115 .. 125"
    assert [r.split(" in CR-1")[0] for r in reasons[1:]] == ["step 1: H1", "step 1: T1"]
    assert english_in_chinese(reasons, ("Drying temperature", "CR-1", "H1", "T1")) == []  # GEN-6, as shown
    value_deviation = open_deviations(site)
    assert [d.title for d in value_deviation] == ["Drying temperature out of limits in step 1 of batch " + batch]

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
    again = readings.import_readings(u(), site.production, lines, "cr1-again.csv")
    assert again.excursions == ()
    found = open_deviations(site)
    assert len(found) == 2 and found[1].title == f"Out of limits: T1 in CR-1 during batch {batch}"
    assert report.excursions[0].deviation_number == found[1].number
    reasons = process_rule(site, batch)
    assert reasons == ["step 1 Drying temperature 126 °C is outside 115 .. 125",
                       f"environment excursion ({found[1].number} open): {report.excursions[0].describe()}"]
    assert english_in_chinese(reasons, ("Drying temperature", found[1].number, "CR-1", "T1")) == []
    evaluation = release.evaluate_release(site.ctx.read_uow(), site.qa, batch)
    deviation_rule = next(r for r in evaluation.rules if r.key == "no_open_deviation")
    assert not deviation_rule.passed and len(deviation_rule.evidence) == 2

    for d in found:
        deviations.start_investigation(u(), site.qa, d.number)
        deviations.record_investigation(u(), site.qa, d.number, investigation="checked", root_cause_category=
                                        "Environment", root_cause="door left open", disposition="no impact")
        close_deviation(site.ctx, site.qa, d.number, "closed")
    assert process_rule(site, batch) == []
    rules = {r.key: r.passed for r in release.evaluate_release(site.ctx.read_uow(), site.qa, batch).rules}
    assert rules["process"] and rules["no_open_deviation"]
