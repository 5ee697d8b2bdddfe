"""`batchtrace numbering ...` and `batchtrace alert ...` (LOT-3, LOT-7, INT-2): number rules configured by an
administrator and used by the next receipt; alerts from refused issues listed and acknowledged by QA."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.support import assert_one_line_error, audit_count, sql
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)


@pytest.mark.req("LOT-3", "INT-2")
def test_an_administrator_sets_a_number_rule_and_the_next_receipt_follows_it(cli, plant):  # noqa: F811
    listed = cli("--db", plant, "numbering", "list")
    assert listed.code == 0
    assert "lot.RAW_MATERIAL" in listed.out and "R{yy}{doy}-{seq:04}" in listed.out

    changed = _as(cli, plant, "admin", "numbering", "set", "lot.RAW_MATERIAL", "RM-{yyyy}{mm}-{seq:05}",
                  "--reason", "CR-7: year and month in raw-material lot numbers")
    assert changed.code == 0, changed
    lot = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                      "--supplier-lot", "ACM-1", "--qty", "5", "--unit", "kg", "--mfg", date.today().isoformat()))
    assert lot == f"RM-{date.today():%Y%m}-00001"
    rule = sql(plant, "SELECT record_id, action, reason FROM audit_log WHERE record_type = 'number_rule'")
    assert rule == [("lot.RAW_MATERIAL", "CREATE", "CR-7: year and month in raw-material lot numbers")]


@pytest.mark.req("LOT-3", "ACC-4", "INT-2")
@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["numbering", "set", "lot.RAW_MATERIAL", "R-{seq}-{seq}", "--reason", "x"], 2, "exactly one {seq}"),
        (["numbering", "set", "lot.UNKNOWN", "R-{seq}", "--reason", "x"], 2, "unknown number scope"),
        (["numbering", "set", "lot.RAW_MATERIAL", "R-{seq:04}", "--reason", " "], 1, "a reason is required"),
        (["alert", "ack", "x1", "--note", "done"], 2, "is not a whole number"),
    ],
)
def test_bad_numbering_and_alert_commands_change_nothing(cli, plant, args, code, message):  # noqa: F811
    before = audit_count(plant)
    result = _as(cli, plant, "admin", *args)
    assert message in assert_one_line_error(result, code)
    assert audit_count(plant) == before
    assert sql(plant, "SELECT count(*) FROM number_rules") == [(0,)]


@pytest.mark.req("LOT-3", "ACC-4")
def test_only_an_administrator_changes_number_rules(cli, plant):  # noqa: F811
    refused = _as(cli, plant, "ward", "numbering", "set", "batch", "B-{seq:06}", "--reason", "shorter")
    assert "may not change number rules" in assert_one_line_error(refused)
    assert sql(plant, "SELECT count(*) FROM number_rules") == [(0,)]
    assert sql(plant, "SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1") == [("ACCESS_DENIED",)]


@pytest.mark.req("LOT-7", "INT-2")
def test_a_refused_issue_raises_an_alert_that_qa_acknowledges(cli, plant):  # noqa: F811
    resin = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                        "--supplier-lot", "ACM-2", "--qty", "25", "--unit", "kg",
                        "--mfg", date.today().isoformat()))
    for user in ("qc", "qa"):
        assert _as(cli, plant, user, "lot", "status", resin, "--to", "Released", "--reason", "CoA ok").code == 0
    batch = _number(_as(cli, plant, "prod", "batch", "plan", "--product", "SYR-5", "--qty", "1000"))
    assert _as(cli, plant, "prod", "batch", "start", batch).code == 0
    refused = _as(cli, plant, "prod", "batch", "issue", batch, "--lot", resin, "--qty", "20")
    assert "above the 10.5 allowed" in assert_one_line_error(refused)

    listed = cli("--db", plant, "alert", "list")
    assert listed.code == 0
    (alert_id,) = [row[0] for row in sql(plant, "SELECT id FROM alerts WHERE status = 'Open'")]
    assert batch in listed.out and resin in listed.out and "above the 10.5 allowed" in listed.out

    not_qa = _as(cli, plant, "prod", "alert", "ack", str(alert_id), "--note", "seen")
    assert "may not acknowledge alerts" in assert_one_line_error(not_qa)
    done = _as(cli, plant, "qa", "alert", "ack", str(alert_id), "--note", "DEV-2026-014 opened")
    assert done.out.strip() == f"alert {alert_id} acknowledged"
    assert sql(plant, f"SELECT status, note FROM alerts WHERE id = {alert_id}") == [
        ("Acknowledged", "DEV-2026-014 opened")]
    assert batch not in cli("--db", plant, "alert", "list").out
    entry = sql(plant, "SELECT user_id, action, reason FROM audit_log WHERE record_type = 'alert' ORDER BY seq DESC")
    assert entry[0] == ("qa", "UPDATE", "DEV-2026-014 opened")
