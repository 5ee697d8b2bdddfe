"""`batchtrace qc ...`, `deviation ...` and `release evaluate` (QC-1..QC-3, DEV-1, INT-2): a new user's walk
through a lot's QC with one result out of spec, its deviation, and the evaluation until it is releasable."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.change_cli import effective_by_cli
from tests.cli.support import assert_one_line_error, sql
from tests.cli.test_lots import _as, _number, plant  # noqa: F401  (plant is a fixture)

TESTS = ["--test", "MFI;Melt flow index;ISO 1133;Numeric;g/10min;8;12;1;2;required",
         "--test", "ID;Identity;SOP-QC-4;Pass/fail;;;;0;1;required"]


@pytest.mark.req("QC-1", "QC-2", "QC-3", "DEV-1", "INT-2")
def test_a_lot_through_qc_with_an_out_of_spec_result_until_releasable(cli, plant):  # noqa: F811
    added = _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin incoming", *TESTS)
    assert added.code == 0 and added.out.strip() == "RES-PC v1", added
    change = _number(_as(cli, plant, "qc", "change", "open", "--title", "Resin incoming", "--reason", "new spec",
                         "--class", "Minor", "--spec", "RES-PC:1"))
    assert _as(cli, plant, "qc", "change", "submit", change).code == 0
    assert _as(cli, plant, "qa", "change", "approve", change).code == 0
    assert _as(cli, plant, "rel", "change", "approve", change).code == 0
    approved = _as(cli, plant, "qa", "change", "implement", change)
    assert approved.code == 0 and "RES-PC spec v1  Effective" in approved.out, approved
    shown = cli("--db", plant, "qc", "spec-show", "RES-PC")
    assert "8 – 12 g/10min" in shown.out and "Pass" in shown.out
    lot = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                      "--supplier-lot", "ACM-9", "--qty", "5", "--unit", "kg", "--mfg", date.today().isoformat()))
    assert lot in cli("--db", plant, "qc", "worklist").out

    oos = _as(cli, plant, "qc", "qc", "result", lot, "MFI", "12.6", "12.4", "--unit", "g/10min", "--instrument",
              "MFI-2")
    assert oos.code == 0 and "MFI 12.5 g/10min: OUT OF SPEC" in oos.out, oos
    deviation = oos.out.splitlines()[1].split()[1]
    assert _as(cli, plant, "qc", "qc", "result", lot, "ID", "Pass").code == 0
    evaluation = cli("--db", plant, "release", "evaluate", lot)
    assert evaluation.code == 1 and "not releasable: 2 rules failed" in evaluation.out
    assert "MFI: 12.5 is out of spec (8 – 12 g/10min)" in evaluation.out and f"{deviation} (Major) is open" in \
        evaluation.out

    wrong = _as(cli, plant, "qc", "qc", "result", lot, "MFI", "11.6", "11.4")
    assert "a correction needs a reason" in assert_one_line_error(wrong)
    fixed = _as(cli, plant, "qc", "qc", "result", lot, "MFI", "11.6", "11.4", "--reason", "die temperature was wrong")
    assert "within spec" in fixed.out and "deviation" not in fixed.out
    assert _as(cli, plant, "qa", "qc", "review", lot).code == 0
    assert _as(cli, plant, "qa", "deviation", "investigate", deviation, "--findings", "die at 280 °C, not 300",
               "--root-cause-category", "Method", "--root-cause", "wrong SOP revision at the rheometer",
               "--disposition", "re-tested at 300 °C: within spec").code == 0
    closed = _as(cli, plant, "qa", "deviation", "close", deviation, "--reason", "investigation complete")
    assert "is Closed" in closed.out, closed
    assert "Closed" in cli("--db", plant, "deviation", "show", deviation).out
    final = cli("--db", plant, "release", "evaluate", lot)
    assert final.code == 0 and ": releasable" in final.out, final
    assert sql(plant, "SELECT count(*) FROM deviations") == [(1,)]


@pytest.mark.req("QC-2", "SIG-1", "DEV-1", "ACC-6")
def test_the_cli_signs_the_results_review_and_the_deviation_closure(cli, plant):  # noqa: F811
    """`qc review` and `deviation close` are electronic signatures as in the desktop: re-authenticated with the
    password, the analyst who entered a result is refused as its reviewer, and the audit trail holds each
    signature with its meaning."""
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin incoming", *TESTS).code == 0
    effective_by_cli(cli, plant, "spec", "RES-PC", 1)
    lot = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                      "--supplier-lot", "ACM-9", "--qty", "5", "--unit", "kg", "--mfg", date.today().isoformat()))
    assert _as(cli, plant, "qc", "qc", "result", lot, "MFI", "9.9", "10.1").code == 0
    assert _as(cli, plant, "qc", "qc", "result", lot, "ID", "Pass").code == 0

    own = _as(cli, plant, "qc", "qc", "review", lot)
    assert "a second person reviews it" in assert_one_line_error(own)
    wrong = _as(cli, plant, "qa", "qc", "review", lot, password="not-the-password")
    assert wrong.code != 0 and wrong.out == "", wrong
    assert sql(plant, "SELECT count(*) FROM qc_results WHERE reviewed_by IS NOT NULL") == [(0,)]
    signed = _as(cli, plant, "qa", "qc", "review", lot)
    assert signed.code == 0 and f"2 result(s) of lot {lot} reviewed: signed (Reviewed) as" in signed.out, signed
    assert sql(plant, "SELECT reviewed_by FROM qc_results ORDER BY test_code") == [("qa",), ("qa",)]
    assert sql(plant, f"SELECT count(*) FROM audit_log WHERE action = 'SIGN' AND record_id = '{lot}' "
                      "AND reason LIKE 'QC results review: %'") == [(1,)]

    deviation = _number(_as(cli, plant, "qc", "deviation", "open", "--title", "Label smudged", "--description",
                            "the supplier label is hard to read", "--class", "Minor", "--link", f"lot:{lot}"))
    assert _as(cli, plant, "qa", "deviation", "investigate", deviation, "--findings", "label printer ribbon worn",
               "--root-cause-category", "Machine", "--root-cause", "ribbon not changed",
               "--disposition", "relabelled").code == 0
    unsigned = _as(cli, plant, "qa", "deviation", "close", deviation, "--reason", "relabelled",
                   password="not-the-password")
    assert unsigned.code != 0 and "Closed" not in cli("--db", plant, "deviation", "show", deviation).out
    closed = _as(cli, plant, "qa", "deviation", "close", deviation, "--reason", "relabelled")
    assert closed.code == 0 and f"deviation {deviation}: signed the closure (Approved) as" in closed.out, closed
    assert f"deviation {deviation} is Closed" in closed.out
    assert sql(plant, f"SELECT user_id, reason FROM audit_log WHERE action = 'SIGN' AND record_id = '{deviation}'"
               ) == [("qa", "relabelled")]


@pytest.mark.req("QC-2", "INT-1", "INT-2")
def test_qc_import_a_lims_file_with_a_dry_run_then_twice(cli, plant, tmp_path):  # noqa: F811
    assert _as(cli, plant, "qc", "qc", "spec-add", "RES-PC", "--title", "Resin incoming", *TESTS).code == 0
    effective_by_cli(cli, plant, "spec", "RES-PC", 1)
    lot = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                      "--supplier-lot", "ACM-9", "--qty", "5", "--unit", "kg", "--mfg", date.today().isoformat()))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(f"record,test,values\n{lot},MFI,9\nR-NONE,ID,Pass\n".encode("gb18030"))
    refused = _as(cli, plant, "qc", "qc", "import", str(bad))
    assert refused.code == 1 and "nothing was stored" in refused.out
    assert "bad.csv: line 2: test MFI needs 2 replicate(s), 1 given" in refused.err
    assert "bad.csv: line 3: no lot or batch R-NONE" in refused.err
    good = tmp_path / "lims.json"
    good.write_text(f'[{{"record": "{lot}", "test": "MFI", "values": [9.9, 10.1], "instrument": "MFI-2"}},\n'
                    f' {{"record": "{lot}", "test": "ID", "values": "不合格"}}]', encoding="utf-8-sig")
    dry = _as(cli, plant, "qc", "qc", "import", str(good), "--dry-run")
    assert dry.code == 0 and "would store 2 results, 0 already stored; 1 out of spec" in dry.out, dry
    assert "OUT OF SPEC" in dry.out and sql(plant, "SELECT count(*) FROM qc_results") == [(0,)]
    stored = _as(cli, plant, "qc", "qc", "import", str(good))
    assert stored.code == 0 and "(JSON, UTF-8 with BOM): stored 2 results" in stored.out, stored
    assert "deviation DEV" in stored.out
    again = _as(cli, plant, "qc", "qc", "import", str(good))
    assert again.code == 0 and "stored 0 results, 2 already stored" in again.out
    assert sql(plant, "SELECT count(*) FROM qc_results") == [(2,)] and sql(
        plant, "SELECT count(*) FROM deviations") == [(1,)]
