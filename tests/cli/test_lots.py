"""`batchtrace lot|batch|ship|recall ...` (INT-2): the whole flow from receipt to recall through the command
line, as the users of each role, and refusals that give one line and change nothing."""

from __future__ import annotations

import csv
import json
import re
from datetime import date, timedelta

import pytest

from app import bootstrap, masterdata, mbr, users
from app.demo import loader as demo
from app.demo.loader import DEMO_PASSWORD
from app.settings import Settings
from domain.gtin import gtin_check_digit
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from tests.app.change_support import make_effective_via_change
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, sql
from tests.conftest import FAST_HASHER

TODAY = date.today()
GTIN = "0950600099001" + str(gtin_check_digit("0950600099001"))
GMP_TABLES = ("lots", "batches", "material_issues", "shipments", "shipment_lines", "genealogy", "recalls",
              "recall_scope", "recall_customers")


@pytest.fixture
def plant(db_url: str) -> str:
    """The demo users (password DEMO_PASSWORD) and a little master data: resin and tubing from ACME make a
    syringe; caps are approved but not in its bill of materials."""
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        demo.load_demo_data(ctx.uow, ctx.auth, steps=(demo.DemoUsers(),))
        admin, qa, prod, rel = (users.log_in(ctx.uow(), ctx.auth, u, DEMO_PASSWORD) for u in ("admin", "qa", "prod",
                                                                                               "rel"))
        for code, name, kind, unit, extra in (
            ("RES-PC", "Polycarbonate resin", ItemType.RAW_MATERIAL, Unit.KG, {"shelf_life_days": 730}),
            ("TUBE", "Cannula tubing", ItemType.COMPONENT, Unit.M, {}),
            ("CAP", "Needle cap", ItemType.COMPONENT, Unit.PCS, {}),
            ("SYR-5", "Syringe 5 mL", ItemType.FINISHED_DEVICE, Unit.PCS, {"gtin": GTIN, "shelf_life_days": 1095}),
        ):
            masterdata.create_item(ctx.uow(), admin, code, name, kind, unit, **extra)  # type: ignore[arg-type]
        masterdata.create_supplier(ctx.uow(), admin, "ACME", "Acme Polymers")
        masterdata.create_supplier(ctx.uow(), admin, "OTHER", "Other Supplies")
        masterdata.create_customer(ctx.uow(), admin, "HOSP1", "City Hospital", country="DE")
        for item in ("RES-PC", "TUBE", "CAP"):
            masterdata.set_supplier_approval(ctx.uow(), qa, item, "ACME", ApprovalStatus.APPROVED, "qualified")
        draft = mbr.create_draft(ctx.uow(), prod, "SYR-5", "Syringe",
                                 [mbr.BomInput("RES-PC", "0.01", "5"), mbr.BomInput("TUBE", "0.05", "10")])
        make_effective_via_change(ctx, prod, rel, qa, "mbr", "SYR-5", draft.version, password=DEMO_PASSWORD)
    finally:
        ctx.dispose()
    return db_url


def _as(cli, url, user, *args, password=DEMO_PASSWORD):
    return cli("--db", url, *args, "--user", user, stdin=[password])


def _number(result) -> str:
    """Commands that create a record print its number alone."""
    assert result.code == 0, result
    assert result.err == ""
    (line,) = result.out.splitlines()
    assert re.fullmatch(r"[A-Z0-9][A-Za-z0-9._/-]*", line), line
    return line


def _snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    state = {table: sql(url, f"SELECT * FROM {table} ORDER BY 1") for table in GMP_TABLES}
    state["alerts"] = sql(url, "SELECT count(*) FROM alerts")
    return state


def _lot(url: str, number: str) -> tuple[str, float]:
    status, on_hand = sql(url, f"SELECT status, on_hand FROM lots WHERE lot_number = '{number}'")[0]
    return status, float(on_hand) / 10**6 if url.startswith("sqlite") else float(on_hand)  # SQLite: millionths


@pytest.mark.req("INT-2", "LOT-4", "LOT-5", "LOT-6", "LOT-7", "LOT-8", "LOT-9", "TRC-1", "TRC-2", "TRC-4", "SIG-5")
def test_receipt_to_recall_through_the_command_line(cli, plant, tmp_path):
    mfg = (TODAY - timedelta(days=10)).isoformat()
    resin = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "res-pc", "--supplier", "ACME",
                        "--supplier-lot", "ACM-778", "--qty", "25", "--unit", "kg", "--mfg", mfg))
    tube = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "TUBE", "--supplier", "ACME",
                       "--supplier-lot", "T-1", "--qty", "5000", "--unit", "cm"))
    assert _lot(plant, resin) == ("Quarantine", 25.0)
    assert _lot(plant, tube) == ("Quarantine", 50.0)  # 5000 cm kept in the item's unit
    shown = cli("--db", plant, "lot", "show", resin)  # reading needs no log-in
    assert shown.code == 0, shown
    assert "received from supplier ACME, supplier lot ACM-778" in shown.out
    assert f"expires       {(TODAY - timedelta(days=10) + timedelta(days=730)).isoformat()}" in shown.out

    # a release is signed (SIG-5): QC review, then QA approval, whose signature performs it
    for lot in (resin, tube):
        reviewed = _as(cli, plant, "qc", "lot", "status", lot, "--to", "released", "--reason", "CoA reviewed")
        assert reviewed.out.splitlines() == [
            f"lot {lot}: signed the QC review (Reviewed) as Demo QC Analyst (qc)",
            f"lot {lot}: 1 of 2 signatures: QC review by Demo QC Analyst; QA approval missing",
        ]
        assert _lot(plant, lot)[0] == "Quarantine"
        released = _as(cli, plant, "qa", "lot", "status", lot, "--to", "Released", "--reason", "CoA reviewed")
        assert released.out.splitlines()[-1] == f"lot {lot}: Quarantine -> Released"

    batch = _number(_as(cli, plant, "prod", "batch", "plan", "--product", "SYR-5", "--qty", "1000"))
    assert _as(cli, plant, "prod", "batch", "start", batch).out.strip() == f"batch {batch}: Planned -> In production"
    issued = _as(cli, plant, "prod", "batch", "issue", batch, "--lot", resin, "--qty", "10.2")
    assert issued.out.strip() == f"issued 10.2 kg of RES-PC from lot {resin} to batch {batch}"
    returned = _as(cli, plant, "prod", "batch", "return", batch, "--lot", resin, "--qty", "0.2", "--reason", "spare")
    assert returned.out.strip() == f"returned 0.2 kg of RES-PC from batch {batch} to lot {resin}"
    assert _as(cli, plant, "ward", "batch", "issue", batch, "--lot", tube, "--qty", "48").code == 0
    assert _lot(plant, resin) == ("Released", 15.0)

    completed = _as(cli, plant, "prod", "batch", "complete", batch, "--produced", "990", "--split", "600", "390")
    assert completed.code == 0, completed
    finished, second = completed.out.split()
    assert [_lot(plant, n) for n in (finished, second)] == [("Quarantine", 600.0), ("Quarantine", 390.0)]
    shown = cli("--db", plant, "batch", "show", batch).out
    assert "status         Completed" in shown
    assert re.search(r"RES-PC\s+10 kg\s+9\.5\.\.10\.5\s+10 kg", shown)
    assert finished in shown and second in shown

    for target, user in (("QC testing", "prod"), ("QA review", "qc"), ("Released", "qa"), ("Released", "rel")):
        assert _as(cli, plant, user, "batch", "status", batch, "--to", target).code == 0
    assert cli("--db", plant, "batch", "show", batch).out.splitlines()[3] == "  status         Released"
    for user in ("qc", "qa"):
        assert _as(cli, plant, user, "lot", "status", finished, "--to", "Released", "--reason", "QA ok").code == 0
    shown = cli("--db", plant, "lot", "show", finished).out.splitlines()
    assert shown[-3:-2] == ["signatures:"]
    assert shown[-2].startswith("  Demo QC Analyst (qc), Reviewed (QC review), ")
    assert shown[-1].startswith("  Demo QA Reviewer (qa), Approved (QA approval), ")
    shipment = _number(_as(cli, plant, "ward", "ship", "--customer", "HOSP1", "--lot", f"{finished}:500",
                           "--date", TODAY.isoformat()))
    assert _lot(plant, finished) == ("Released", 100.0)

    forward = json.loads(cli("--db", plant, "trace", resin, "--direction", "forward", "--format", "json").out)
    assert forward["backward"] is None
    assert [(ln["depth"], ln["kind"], ln["number"], ln["quantity"], ln["unit"]) for ln in forward["forward"]] == [
        (0, "Lot", resin, None, "kg"), (1, "Batch", batch, "10", "kg"), (2, "Lot", finished, "600", "pcs"),
        (3, "Shipment", shipment, "500", "pcs"), (2, "Lot", second, "390", "pcs"),
    ]
    assert forward["forward"][3]["customer"] == "HOSP1"
    assert forward["forward"][3]["customer_name"] == "City Hospital"
    backward = cli("--db", plant, "trace", shipment, "--direction", "backward", "--format", "csv").out
    rows = list(csv.DictReader(backward.splitlines()))
    assert {(r["depth"], r["number"], r["supplier"], r["supplier_lot"]) for r in rows if r["kind"] == "Lot"} == {
        ("1", finished, "", ""), ("3", resin, "ACME", "ACM-778"), ("3", tube, "ACME", "T-1"),
    }

    recall = _number(_as(cli, plant, "qa", "recall", "open", resin, "--reason", "resin contamination found"))
    assert _lot(plant, finished) == ("On hold", 100.0)
    for target, extra in (("Notified", ()), ("confirmed", ()), ("Completed", ("--returned", "480"))):
        progress = _as(cli, plant, "qa", "recall", "progress", recall, "--customer", "hosp1", "--to", target,
                       *extra, "--reason", "customer call")
        assert progress.code == 0, progress
    assert progress.out.strip().endswith("1 of 1 customers completed")
    assert "HOSP1     City Hospital  " + shipment in cli("--db", plant, "recall", "show", recall).out
    out = tmp_path / "recall.csv"
    exported = cli("--db", plant, "recall", "export", recall, "--out", str(out))
    assert exported.out.strip() == f"exported recall {recall} (1 customers, 5 scope lines) to {out}"
    lines = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert ["HOSP1", "City Hospital", shipment, "500", "480", "Completed"] in lines

    # who did what, each as themselves, and the chain still verifies
    creators = {(a[1], a[3]) for a in audit_actions(plant) if a[2] == "CREATE"}
    assert {("ward", resin), ("prod", batch), ("prod", finished), ("ward", shipment), ("qa", recall)} <= creators
    assert cli("--db", plant, "audit", "verify").code == 0


@pytest.mark.req("INT-2", "LOT-4", "LOT-5", "LOT-8")
@pytest.mark.parametrize(("args", "code", "expected"), [
    (["lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", "A", "--qty", "1", "--unit", "kg",
      "--mfg", "2026-02-30"], 2, "argument --mfg: '2026-02-30' is not a date: use YYYY-MM-DD"),
    (["lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", "A", "--qty", "-3", "--unit", "kg"],
     2, "argument --qty: quantity must be greater than zero"),
    (["lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", "A", "--qty", "1,5", "--unit",
      "kg"], 2, "argument --qty: quantity '1,5' is not a number"),
    (["lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", "A", "--qty", "1", "--unit",
      "lbs"], 2, "argument --unit: unknown unit 'lbs'"),
    (["lot", "receive", "--item", "NOPE", "--supplier", "ACME", "--supplier-lot", "A", "--qty", "1", "--unit", "kg"],
     1, "no item NOPE"),
    (["lot", "receive", "--item", "RES-PC", "--supplier", "bad code!", "--supplier-lot", "A", "--qty", "1", "--unit",
      "kg"], 2, "invalid supplier code 'BAD CODE!'"),
    (["lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", " ", "--qty", "1", "--unit", "kg"],
     1, "the supplier's lot number is required"),
    (["lot", "status", "R0", "--to", "Frozen", "--reason", "x"], 2, "unknown lot status 'Frozen'"),
    (["lot", "status", "R0", "--to", "Consumed", "--reason", "x"], 2, "'Consumed' is not set by hand"),
    (["lot", "status", "R0", "--to", "Released", "--reason", "x"], 1, "no lot R0"),
    (["batch", "plan", "--product", "GHOST", "--qty", "5"], 1, "no item GHOST"),
    (["batch", "status", "B0", "--to", "Done"], 2, "unknown batch status 'Done'"),
    (["batch", "issue", "B0", "--lot", "R0", "--qty", "1"], 1, "no batch B0"),
    (["ship", "--customer", "HOSP1", "--lot", "R0"], 2, "'R0' is not LOT:QUANTITY"),
    (["ship", "--customer", "HOSP1", "--lot", "R0:1", "--date", "01.02.2026"], 2, "'01.02.2026' is not a date"),
    (["ship", "--customer", "NOBODY", "--lot", "R0:1"], 1, "no customer NOBODY"),
    (["recall", "progress", "RC0", "--customer", "HOSP1", "--to", "Pending", "--reason", "x"], 2,
     "'Pending' is not set by hand"),
    (["recall", "show", "RC0"], 1, "no recall RC0"),
    (["recall", "open", "R0", "--reason", " "], 1, "a recall needs its reason"),
])
def test_bad_input_is_one_line_asks_no_password_and_writes_nothing(cli, plant, args, code, expected):
    before, entries = _snapshot(plant), audit_count(plant)
    acting = [] if args[1] == "show" else ["--user", "ward"]
    message = assert_one_line_error(cli("--db", plant, *args, *acting, stdin=[DEMO_PASSWORD]), code)
    assert expected in message
    assert _snapshot(plant) == before
    assert audit_count(plant) == entries  # refused before the log-in


@pytest.mark.req("INT-2", "LOT-2", "LOT-5", "LOT-7", "LOT-9", "ACC-4")
def test_refusals_after_the_log_in_change_no_record(cli, plant):
    resin = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME",
                        "--supplier-lot", "ACM-1", "--qty", "5", "--unit", "kg", "--expiry",
                        (TODAY + timedelta(days=300)).isoformat()))
    cap = _number(_as(cli, plant, "ward", "lot", "receive", "--item", "CAP", "--supplier", "ACME",
                      "--supplier-lot", "C-1", "--qty", "100", "--unit", "pcs"))
    for user in ("qc", "qa"):
        assert _as(cli, plant, user, "lot", "status", cap, "--to", "Released", "--reason", "ok").code == 0
    batch = _number(_as(cli, plant, "prod", "batch", "plan", "--product", "SYR-5", "--qty", "100"))
    assert _as(cli, plant, "prod", "batch", "start", batch).code == 0

    refusals = [
        (("ward", "lot", "receive", "--item", "RES-PC", "--supplier", "OTHER", "--supplier-lot", "O-1", "--qty", "1",
          "--unit", "kg", "--mfg", TODAY.isoformat()),
         "supplier OTHER is not on the approved supplier list for item RES-PC: receipt refused"),
        (("ward", "lot", "receive", "--item", "RES-PC", "--supplier", "ACME", "--supplier-lot", "A-2", "--qty", "1",
          "--unit", "kg", "--expiry", (TODAY - timedelta(days=1)).isoformat()), "is before the receipt date"),
        (("ward", "lot", "status", resin, "--to", "On hold", "--reason", "ok"), "Demo Warehouse (ward) may not"),
        (("ward", "lot", "status", resin, "--to", "Released", "--reason", "ok"), "does not have that role"),
        (("qa", "lot", "status", resin, "--to", "Released", "--reason", "ok"), "QC review (QC Analyst) next"),
        (("prod", "batch", "issue", batch, "--lot", resin, "--qty", "1"), f"lot {resin} is Quarantine, not Released"),
        (("prod", "batch", "issue", batch, "--lot", cap, "--qty", "1"), "is not in the bill of materials"),
        (("prod", "batch", "complete", batch, "--produced", "100"), "material outside tolerance"),
        (("prod", "batch", "complete", batch, "--produced", "100", "--split", "60", "30"), "add up to 90, not 100"),
        (("prod", "batch", "status", batch, "--to", "Released"), "cannot go from In production to Released"),
        (("ward", "batch", "status", batch, "--to", "On hold", "--reason", "x"), "Demo Warehouse (ward) may not"),
        (("ward", "ship", "--customer", "HOSP1", "--lot", f"{cap}:5", "--lot", f"{resin}:1"), "only Released lots"),
    ]
    for (user, *args), expected in refusals:
        before = _snapshot(plant)
        assert expected in assert_one_line_error(_as(cli, plant, user, *args))
        who, action, record_type = sql(plant, "SELECT user_id, action, record_type FROM audit_log "
                                              "ORDER BY seq DESC LIMIT 1")[0]
        assert who == user
        assert action in ("LOGIN", "ACCESS_DENIED") or record_type == "alert", (action, record_type)
        after = _snapshot(plant)
        after.pop("alerts"), before.pop("alerts")  # a refused issue raises an alert, by design (LOT-7)
        assert after == before, args

    wrong = cli("--db", plant, "lot", "status", resin, "--to", "Released", "--reason", "ok", "--user", "qc",
                stdin=["not-the-password"])
    assert "wrong user ID or password" in assert_one_line_error(wrong)
    assert audit_actions(plant)[-1][1:3] == ("qc", "LOGIN_FAILED")
    assert _lot(plant, resin) == ("Quarantine", 5.0)
    assert int(sql(plant, "SELECT count(*) FROM alerts")[0][0]) == 2  # the two refused issues
