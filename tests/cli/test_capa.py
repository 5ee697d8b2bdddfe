"""`batchtrace capa ...` (DEV-2, INT-2): a CAPA from a deviation through its actions, the effectiveness check and
QA's signed closure on the command line; overdue actions listed; refusals one line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.cli.support import assert_one_line_error, sql
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)


@pytest.mark.req("DEV-2", "INT-2", "SIG-1")
def test_a_capa_from_a_deviation_to_its_signed_closure(cli, plant):  # noqa: F811
    dev = _number(_as(cli, plant, "qa", "deviation", "open", "--title", "Seal leak", "--description",
                      "pouch seals leaked", "--class", "Major"))
    due = (date.today() + timedelta(days=60)).isoformat()
    number = _number(_as(cli, plant, "qa", "capa", "open", "--title", "Sealer drift", "--description",
                         "seal temperature drifted", "--effectiveness-due", due, "--deviation", dev))
    soon = (date.today() + timedelta(days=7)).isoformat()
    planned = _as(cli, plant, "qa", "capa", "action", number, "--add", "Corrective", "--description",
                  "recalibrate the sealer", "--owner", "prod", "--due", soon)
    assert planned.code == 0 and "recalibrate the sealer" in planned.out and "1 of 1 actions open" in planned.out
    assert "needs --description" in assert_one_line_error(_as(cli, plant, "qa", "capa", "action", number, "--add",
                                                              "Preventive"))
    done = _as(cli, plant, "prod", "capa", "action", number, "--close", "1", "--evidence", "certificate CAL-26-77")
    assert done.code == 0 and "certificate CAL-26-77" in done.out, done
    assert _as(cli, plant, "qa", "capa", "effectiveness", number, "--verdict", "effective", "--finding",
               "no leak in 3 lots").code == 0
    wrong = _as(cli, plant, "qa", "capa", "close", number, password="not-the-password")
    assert wrong.code != 0
    closed = _as(cli, plant, "qa", "capa", "close", number, "--comment", "verified")
    assert closed.code == 0 and "Closed (closed)" in closed.out and "signed by" in closed.out, closed
    assert sql(plant, f"SELECT status FROM capas WHERE number = '{number}'") == [("Closed",)]
    assert number in cli("--db", plant, "capa", "list").out
    assert cli("--db", plant, "capa", "list", "--overdue").out.strip().startswith("CAPA")
