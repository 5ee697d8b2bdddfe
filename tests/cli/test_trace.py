"""`batchtrace trace` and `batchtrace search` (INT-2, TRC-1, TRC-2) on the demo site, whose genealogy is known:
resin lot PM-PC-2606042 went 13.4 kg into the 10 mL barrel batch, whose barrels made the 10 mL syringe batch,
whose finished lot was shipped to four customers; 84 kg went into a 5 mL barrel batch still in QC testing."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import trace
from tests.cli.support import assert_one_line_error, audit_count

RESIN = "PM-PC-2606042"  # supplier lot of a Released polycarbonate lot (app.demo.site_data)
LUBRICANT = "ST-PDMS-10332"  # used in five batches whose lots share shipments: repeated nodes
SYRINGE_10_CUSTOMERS = {"US-LAKEMED": "1000", "FR-CHVAL": "1200", "DE-MEDLOG": "1000", "DE-KLNORD": "400"}


def _json(cli, url, *args):
    result = cli("--db", url, "trace", *args, "--format", "json")
    assert result.code == 0, result
    return json.loads(result.out)


def _of(lines, kind, item=None):
    return [ln for ln in lines if ln["kind"] == kind and (item is None or ln["item"] == item)]


@pytest.mark.req("INT-2", "TRC-2")
def test_forward_trace_json_reaches_batches_finished_lots_shipments_and_customers(cli, demo_db):
    entries = audit_count(demo_db)
    found = _json(cli, demo_db, RESIN, "--direction", "forward")  # a supplier lot is resolved to its lot
    assert set(found) == {"root", "forward", "backward"}
    assert found["backward"] is None
    root = found["root"]
    assert (root["kind"], root["item"], root["status"], root["supplier"], root["supplier_lot"], root["quantity"],
            root["unit"]) == ("Lot", "RM-PC-01", "Released", "POLYMED", RESIN, "27.6", "kg")
    lines = found["forward"]
    assert lines[0]["number"] == root["number"]
    assert lines[0]["depth"] == 0

    used = {(ln["item"], ln["quantity"], ln["unit"], ln["status"]) for ln in _of(lines, "Batch")
            if ln["depth"] == 1}
    assert used == {("IM-BRL-10", "13.4", "kg", "Released"), ("IM-BRL-05", "84", "kg", "QC testing")}
    (barrels,) = _of(lines, "Lot", "IM-BRL-10")
    (syringe_batch,) = _of(lines, "Batch", "FD-SYR-10")
    (syringes,) = _of(lines, "Lot", "FD-SYR-10")
    assert (barrels["depth"], syringe_batch["depth"], syringes["depth"]) == (2, 3, 4)
    assert syringe_batch["quantity"] == "5000"  # barrels issued to the syringe batch
    assert syringes["path"] == [*barrels["path"], syringe_batch["number"], syringes["number"]]
    shipped = {ln["customer"]: ln["quantity"] for ln in _of(lines, "Shipment")}
    assert shipped == SYRINGE_10_CUSTOMERS
    assert all(ln["depth"] == 5 and ln["path"][:5] == syringes["path"] and ln["unit"] == "pcs"
               for ln in _of(lines, "Shipment"))
    assert {ln["customer_name"] for ln in _of(lines, "Shipment")} >= {"Centre Hospitalier de la Vallée"}
    assert not any(ln["repeated"] for ln in lines)
    assert audit_count(demo_db) == entries  # a trace reads only


@pytest.mark.req("INT-2", "TRC-1")
def test_backward_trace_csv_reaches_the_raw_lot_with_supplier_and_supplier_lot(cli, demo_db):
    syringes = _of(_json(cli, demo_db, RESIN, "--direction", "forward")["forward"], "Lot", "FD-SYR-10")[0]["number"]
    result = cli("--db", demo_db, "trace", syringes, "--direction", "backward", "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(result.out.splitlines()))
    assert tuple(rows[0]) == trace.CSV_COLUMNS
    assert {r["direction"] for r in rows} == {"backward"}
    (resin,) = [r for r in rows if r["supplier_lot"] == RESIN]
    assert (resin["kind"], resin["item"], resin["supplier"], resin["depth"], resin["quantity"], resin["unit"]) == (
        "Lot", "RM-PC-01", "POLYMED", "4", "13.4", "kg")
    assert resin["path"].split(" > ")[0] == syringes
    suppliers = {(r["item"], r["supplier"]) for r in rows if r["supplier"]}
    assert {("CP-CAN-18", "NEEDLETEC"), ("CP-STP-10", "SILTEC"), ("PK-POU-L", "STERIPAK"),
            ("RM-PP-01", "POLYMED"), ("PK-IFU-SYR", "RHEINDRUCK"), ("CP-HUB-01", "SZMOULD")} <= suppliers
    assert {r["item"] for r in rows if r["kind"] == "Batch"} == {"FD-SYR-10", "IM-BRL-10", "IM-PLG-10"}


@pytest.mark.req("INT-2", "TRC-1", "TRC-2")
def test_table_is_an_indented_tree_per_direction(cli, demo_db):
    result = cli("--db", demo_db, "trace", RESIN)
    assert result.code == 0, result
    text = result.out
    assert text.splitlines()[0].startswith("Lot R")
    assert f"supplier POLYMED / {RESIN}" in text.splitlines()[0]
    backward, forward, tree = text.split("\n\n")[1:]
    assert backward.startswith(f"Backward trace (where it came from): received from supplier POLYMED, "
                               f"supplier lot {RESIN}")
    # the scope as the Trace page shows it (TRC-4: the customers and what each received)
    assert forward.startswith("Forward trace (where it went): 3 batches, 3 lots (1 finished), 4 shipments; "
                              "customers DE-KLNORD, DE-MEDLOG, FR-CHVAL, US-LAKEMED")
    customers = [line.split()[0] + " " + line.split()[-3] for line in forward.splitlines()[2:]]
    assert customers == [f"{code} {qty}" for code, qty in sorted(SYRINGE_10_CUSTOMERS.items())]
    rows = tree.splitlines()[1:]
    assert [row.split()[0] for row in rows] == ["0", "1", "2", "3", "4", "5", "5", "5", "5", "1", "2"]
    assert "  1        Batch B" in rows[1] and "IM-BRL-10" in rows[1] and "13.4 kg" in rows[1]
    assert "  4              Lot FD-SYR-10-" in rows[4]
    assert any("Shipment S" in row and "FR-CHVAL Centre Hospitalier de la Vallée" in row and "1200 pcs" in row
               for row in rows)

    repeated = cli("--db", demo_db, "trace", LUBRICANT, "--direction", "forward")
    see_above = [row for row in repeated.out.splitlines() if "(see above)" in row]
    assert see_above, repeated.out
    assert all("Shipment S" in row for row in see_above)  # shipments carrying lots of two of its batches
    as_json = _json(cli, demo_db, LUBRICANT, "--direction", "forward")["forward"]
    assert len([ln for ln in as_json if ln["repeated"]]) == len(see_above)


@pytest.mark.req("INT-2", "TRC-1", "TRC-2")
def test_both_directions_from_a_shipment_and_csv_file(cli, demo_db, tmp_path):
    shipment = _of(_json(cli, demo_db, RESIN, "--direction", "forward")["forward"], "Shipment")[0]["number"]
    found = _json(cli, demo_db, shipment)
    assert found["root"]["kind"] == "Shipment"
    assert [ln["number"] for ln in found["forward"]] == [shipment]  # nothing after a shipment
    assert any(ln["supplier_lot"] == RESIN for ln in found["backward"])

    out = tmp_path / "trace.csv"
    written = cli("--db", demo_db, "trace", shipment, "--out", str(out))
    assert written.code == 0, written
    on_stdout = cli("--db", demo_db, "trace", shipment, "--format", "csv").out
    assert written.out.strip() == f"exported the trace of shipment {shipment} ({len(on_stdout.splitlines()) - 1} " \
                                  f"lines) to {out}"
    assert out.read_text(encoding="utf-8-sig").splitlines() == on_stdout.splitlines()


@pytest.mark.req("INT-2", "TRC-1")
@pytest.mark.parametrize(("args", "code", "expected"), [
    (["trace", "NO-SUCH-LOT"], 1, "no lot, batch, shipment or supplier lot 'NO-SUCH-LOT'"),
    (["trace", RESIN, "--direction", "sideways"], 2, "argument --direction: invalid choice: 'sideways'"),
    (["trace", RESIN, "--format", "json", "--out", "x.csv"], 2, "--out writes a CSV file, not json"),
    (["trace", RESIN, "--out", "/no/such/folder/x.csv"], 1, "folder /no/such/folder does not exist"),
    (["search", "ZZ-NOTHING"], 1, "no lot, batch, shipment or supplier lot matches 'ZZ-NOTHING'"),
])
def test_trace_refusals_are_one_line(cli, demo_db, args, code, expected):
    assert expected in assert_one_line_error(cli("--db", demo_db, *args), code)


@pytest.mark.req("INT-2")
def test_search_lists_kind_number_item_and_status(cli, demo_db):
    result = cli("--db", demo_db, "search", "PM-PC-")
    assert result.code == 0, result
    header, *rows = result.out.splitlines()
    assert header.split() == ["KIND", "NUMBER", "ITEM", "STATUS", "SUPPLIER", "LOT", "CUSTOMER"]
    assert sorted((r.split()[0], r.split()[2], r.split()[3], r.split()[4]) for r in rows) == [
        ("Lot", "RM-PC-01", "Consumed", "PM-PC-2603117"), ("Lot", "RM-PC-01", "Quarantine", "PM-PC-2610233"),
        ("Lot", "RM-PC-01", "Released", RESIN),
    ]


@pytest.mark.req("INT-2", "TRC-2")
@pytest.mark.parametrize("engine_name", ["sqlite"])
def test_console_script_traces_in_a_subprocess(demo_db):
    script = Path(sys.executable).parent / "batchtrace"
    command = [str(script) if script.exists() else "batchtrace", "--db", demo_db, "trace", RESIN,
               "--direction", "forward", "--format", "json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"})
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["root"]["supplier_lot"] == RESIN
    assert {ln["customer"] for ln in found["forward"] if ln["kind"] == "Shipment"} == set(SYRINGE_10_CUSTOMERS)

    missing = subprocess.run([*command[:4], "NO-SUCH-LOT"], capture_output=True, text=True, timeout=120, check=False)
    assert missing.returncode == 1
    assert missing.stderr == "batchtrace: error: no lot, batch, shipment or supplier lot 'NO-SUCH-LOT'\n"


@pytest.mark.req("INT-2", "TRC-2", "TRC-4")
def test_forward_csv_and_a_recall_opened_from_the_command_line_give_the_same_scope(cli, demo_db):
    from app.demo.loader import DEMO_PASSWORD

    lot = _json(cli, demo_db, RESIN, "--direction", "forward")["root"]["number"]
    result = cli("--db", demo_db, "trace", lot, "--direction", "forward", "--format", "csv")
    assert result.code == 0, result
    rows = list(csv.DictReader(result.out.splitlines()))
    shipped: dict[str, float] = {}
    for row in rows:
        if row["kind"] == "Shipment":
            shipped[row["customer"]] = shipped.get(row["customer"], 0) + float(row["quantity"])
    table = cli("--db", demo_db, "trace", lot, "--direction", "forward").out
    in_table = {line.split()[0]: line.split()[-3] for line in table.split("\n\n")[1].splitlines()[2:]}
    assert in_table == SYRINGE_10_CUSTOMERS == {c: f"{q:g}" for c, q in shipped.items()}

    opened = cli("--db", demo_db, "recall", "open", lot, "--reason", "resin contamination", "--user", "qa",
                 stdin=[DEMO_PASSWORD])
    assert opened.code == 0, opened
    number = opened.out.strip()
    shown = cli("--db", demo_db, "recall", "show", number).out
    customers = shown.split("customers to notify:")[1].split("scope at opening:")[0].strip().splitlines()[1:]
    assert {line.split()[0]: line.split()[-3] for line in customers} == SYRINGE_10_CUSTOMERS
    scope = shown.split("scope at opening:")[1].strip().splitlines()[1:]
    assert len(scope) == len({(r["kind"], r["number"]) for r in rows})  # each record of the tree once
