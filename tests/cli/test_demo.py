"""`batchtrace demo`: idempotent, audited demo data, on a fresh station or with an administrator's say-so.
The site it loads is believable, built through the use cases as the demo users, once (INT-2); never mixed into
codes already in use."""

from __future__ import annotations

import pytest

from app import bootstrap, masterdata, users
from app.demo import loader as demo
from app.demo.site_data import APPROVED, BATCHES, CUSTOMERS, ITEMS, LOTS, MBRS, RECALL_REASON, SHIPMENTS, SUPPLIERS
from app.settings import Settings, data_dir
from domain.gtin import is_valid_gtin
from domain.items import ItemType
from domain.quantities import Unit
from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, sql, user_rows
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER

DEMO_IDS = ["admin", "prod", "qa", "qc", "rel", "ward"]


@pytest.mark.req("INT-2", "AUD-1")
def test_demo_twice_is_idempotent(cli, db_url):
    first = cli("--db", db_url, "demo")
    assert first.code == 0, first
    assert "created user qc (QC Analyst)" in first.out
    assert demo.DEMO_PASSWORD in first.out
    assert [row[0] for row in user_rows(db_url)] == DEMO_IDS
    assert all(not row[4] for row in user_rows(db_url))  # demo users need not change the password
    created = sql(db_url, "SELECT user_id, record_id, reason FROM audit_log "
                          "WHERE action = 'CREATE' AND record_type = 'user'")
    assert sorted(r[1] for r in created) == DEMO_IDS
    assert {r[0] for r in created} == {"system"}  # audited as the demo loader
    assert {r[2] for r in created} == {"demo data"}  # (the demo site: tests/cli/test_demo_site.py)

    entries = audit_count(db_url)
    again = cli("--db", db_url, "demo")
    assert again.code == 0, again
    assert again.out.strip() == "demo data already loaded: nothing new created"
    if_empty = cli("--db", db_url, "demo", "--if-empty")
    assert if_empty.code == 0
    assert if_empty.out.strip() == "database already has data: demo not loaded"
    assert audit_count(db_url) == entries

    listing = cli("--db", db_url, "user", "list", "--user", "rel", stdin=[demo.DEMO_PASSWORD])
    assert "may not manage users" in assert_one_line_error(listing)  # logged in with the demo password
    listing = cli("--db", db_url, "user", "list", "--user", "admin", stdin=[demo.DEMO_PASSWORD])
    assert listing.code == 0, listing
    assert len(listing.out.splitlines()) == 1 + len(DEMO_IDS)


@pytest.mark.req("INT-2", "GEN-1")
def test_demo_if_empty_on_a_fresh_station_creates_the_database(cli):
    path = data_dir() / "batchtrace.sqlite3"
    assert not path.exists()
    result = cli("demo", "--if-empty")
    assert result.code == 0, result
    assert f"SQLite database at {path} upgraded from empty to" in result.out
    assert "created user admin (Administrator)" in result.out
    url = f"sqlite:///{path}"
    assert [row[0] for row in user_rows(url)] == DEMO_IDS

    again = cli("demo", "--if-empty")
    assert again.code == 0
    assert again.out.strip() == "database already has data: demo not loaded"
    assert cli("audit", "verify").code == 0


@pytest.mark.req("INT-2", "ACC-4")
def test_demo_on_a_populated_database_needs_an_administrator(cli, seeded):
    entries = audit_count(seeded)
    message = assert_one_line_error(cli("--db", seeded, "demo"), 2)
    assert "--user" in message
    assert "--if-empty" in message
    assert audit_count(seeded) == entries

    refused = cli("--db", seeded, "demo", "--user", "qc", stdin=[QC_PASSWORD])
    assert assert_one_line_error(refused) == "Quinn Chem (qc) may not load demo data"
    assert audit_actions(seeded)[-1][1:] == ("qc", "ACCESS_DENIED", "LOAD_DEMO_DATA")
    assert [row[0] for row in user_rows(seeded)] == ["admin", "qc"]

    # The demo site is recorded as the demo users: where their IDs belong to real people, nothing is loaded,
    # and existing IDs are left alone (ACC-1). An administrator with another ID: tests/cli/test_demo_site.py.
    result = cli("--db", seeded, "demo", "--user", "admin", stdin=[ADMIN_PASSWORD])
    message = assert_one_line_error(result)
    assert message.startswith("user admin is Ada Admin, not the demo account")
    assert message.endswith("nothing loaded")
    assert [row[0] for row in user_rows(seeded)] == ["admin", "qc"]
    assert audit_actions(seeded)[-1][1:3] == ("admin", "LOGIN")
    assert cli("--db", seeded, "user", "list", "--user", "admin", stdin=[ADMIN_PASSWORD]).code == 0


@pytest.mark.req("INT-2")
def test_demo_users_are_documented():
    doc = demo.__doc__ or ""
    assert demo.DEMO_PASSWORD in doc
    for user in demo.DEMO_USERS:
        assert f"{user.user_id}" in doc
        assert user.role.value in doc


# --- the demo site -------------------------------------------------------------------------------------------------



def _counts(url: str, table: str, column: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in sql(url, f"SELECT {column}, count(*) FROM {table} GROUP BY {column}")}


def _creators(url: str, record_type: str) -> set[str]:
    return {r[0] for r in sql(url, f"SELECT DISTINCT user_id FROM audit_log WHERE action = 'CREATE' "
                                   f"AND record_type = '{record_type}'")}


def check_process_demo(cli, url):
    """The process data (PRC-1..PRC-4, QC-3): every master record has its steps, three rooms log a day of readings,
    and exactly two deviations are open, both on batch ivc20-b (QA review): a seal temperature out of limits and
    a temperature excursion in its clean room; its release evaluation names exactly those two."""
    assert int(sql(url, "SELECT count(DISTINCT mbr_id) FROM mbr_steps")[0][0]) == 11
    assert _counts(url, "sensors", "room_code") == {"MH-1": 2, "CR-7": 2, "CR-8": 2}
    assert _counts(url, "readings", "sensor_code") == {s: 289 for s in ("MH1-T", "MH1-RH", "CR7-T", "CR7-RH",
                                                                          "CR8-T", "CR8-RH")}
    trouble = sql(url, "SELECT batch_number FROM batches WHERE status = 'QA review' ORDER BY id")[0][0]
    deviations = sorted(r[0] for r in sql(url, "SELECT title FROM deviations WHERE status = 'Open' AND "
                                               "classification = 'Major'"))
    assert deviations == [f"Out of limits: CR8-T in CR-8 during batch {trouble}",
                          f"Seal temperature out of limits in step 2 of batch {trouble}"]
    evaluation = cli("--db", url, "release", "evaluate", trouble)
    assert evaluation.code == 1
    text = evaluation.out
    process = text[text.index("FAIL  Process steps"):].splitlines()[1:3]
    assert process[0].strip() == "step 2 Seal temperature 193.5 °C is outside 170 .. 190"
    deviation = sql(url, "SELECT number FROM deviations WHERE title LIKE 'Out of limits: CR8-T%'")[0][0]
    assert process[1].strip().startswith(f"environment excursion ({deviation} open): CR8-T (CR-8) out of limits")
    assert "  PASS  Process steps" in cli("--db", url, "release", "evaluate", sql(
        url, "SELECT batch_number FROM batches WHERE status = 'Released' ORDER BY id DESC")[0][0]).out
    running = sql(url, "SELECT b.batch_number FROM batches b WHERE b.status = 'In production'")[0][0]
    steps = sql(url, "SELECT s.step_no, s.performed_by FROM batch_steps s JOIN batches b ON b.id = s.batch_id "
                     f"WHERE b.batch_number = '{running}'")
    assert [tuple(r) for r in steps] == [(1, "prod")]  # steps 2 and 3 are left for the user to try


def check_change_demo(cli, url):
    """Change control (issue 13): every effective version came through an implemented change request; IM-BRL-05 v2
    (narrower melt temperature) took effect after the site's batches, which keep v1; IM-PLG-05 v2 waits for its
    second approval."""
    assert _counts(url, "change_requests", "status") == {"Implemented": 11, "In review": 1}
    assert sql(url, "SELECT m.version, m.status FROM mbrs m WHERE m.product_code = 'IM-BRL-05' ORDER BY 1") == [
        (1, "Superseded"), (2, "Effective")]
    assert {r[0] for r in sql(url, "SELECT DISTINCT mbr_version FROM batches WHERE product_code = 'IM-BRL-05'")} \
        == {1}
    limits = sql(url, "SELECT p.lower, p.upper FROM mbr_parameters p JOIN mbr_steps s ON s.id = p.step_id JOIN mbrs m "
                      "ON m.id = s.mbr_id WHERE m.product_code = 'IM-BRL-05' AND m.version = 2 "
                      "AND p.name = 'Melt temperature'")
    assert [(float(low), float(high)) for low, high in limits] == [(285.0, 295.0)]
    pending = sql(url, "SELECT number FROM change_requests WHERE status = 'In review'")[0][0]
    shown = cli("--db", url, "change", "show", pending)
    assert "IM-PLG-05 v2" in shown.out and "In review" in shown.out, shown


def check_quality_demo(cli, url):
    """The QC lab (issue 10): two resin specifications, a lot tested and reviewed (releasable), a lot out of spec
    with its deviation under investigation and a CAPA from it."""
    assert _counts(url, "specifications", "status") == {"Effective": 2}
    good, bad = (r[0] for r in sql(url, "SELECT lot_number FROM lots WHERE supplier_lot IN ('PC2611305', "
                                        "'PP2611309') ORDER BY supplier_lot"))
    assert cli("--db", url, "release", "evaluate", good).code == 0  # every required test reviewed within spec
    evaluation = cli("--db", url, "release", "evaluate", bad)
    assert evaluation.code == 1 and "MFI: 15.4 is out of spec" in evaluation.out, evaluation
    (deviation, status), = sql(url, "SELECT d.number, d.status FROM deviations d JOIN deviation_links l ON "
                                    f"l.deviation_id = d.id WHERE l.kind = 'lot' AND l.ref = '{bad}'")
    assert status == "Investigation"
    assert sql(url, f"SELECT count(*) FROM capas WHERE deviation = '{deviation}'") == [(1,)]
    # a lot released on its reviewed results (signed by QC and QA), for the certificate of analysis
    (released, status), = sql(url, "SELECT lot_number, status FROM lots WHERE supplier_lot = 'PC2611302'")
    assert status == "Released" and cli("--db", url, "release", "evaluate", released).code == 0
    assert sql(url, f"SELECT count(*) FROM qc_results r JOIN qc_plans p ON p.id = r.plan_id WHERE p.record_id = "
                    f"'{released}' AND r.reviewed_by = 'qa'") == [(3,)]
    # issue 10: a batch waiting in QA review whose evaluation fails on exactly one rule, its open minor deviation
    waiting = sql(url, "SELECT batch_number FROM batches WHERE status = 'QA review' ORDER BY id")[1][0]
    one = cli("--db", url, "release", "evaluate", waiting)
    assert one.code == 1 and "not releasable: 1 rule failed" in one.out, one
    assert [line.split("FAIL", 1)[1].strip() for line in one.out.splitlines() if line.startswith("  FAIL")] == [
        "No open deviation touches it"]
    assert f"(Minor) is open: Carton labels of batch {waiting}" in one.out


@pytest.mark.req("INT-2", "AUD-1", "AUD-3", "LOT-1", "LOT-2", "LOT-5", "LOT-8", "LOT-9", "TRC-4", "SIG-5", "PRC-1",
                 "PRC-3", "PRC-4", "QC-3")
def test_demo_site_is_loaded_once_as_the_demo_users(cli, db_url):
    first = cli("--db", db_url, "demo")
    assert first.code == 0, first
    assert "created 30 items, 6 suppliers, 23 approved-supplier entries (1 suspended), 5 customers" in first.out
    assert "created 40 received lots (36 Released, 2 Quarantine, 1 Rejected, 1 On hold)" in first.out
    assert "created 15 shipments to 5 customers" in first.out

    url = db_url
    assert _counts(url, "items", "item_type") == {"Raw material": 7, "Component": 8, "Packaging": 7,
                                                  "Intermediate": 5, "Finished device": 3}
    gtins = [r[0] for r in sql(url, "SELECT gtin FROM items WHERE item_type = 'Finished device'")]
    assert len(gtins) == 3 and all(is_valid_gtin(g) and len(g) == 14 for g in gtins)
    assert _counts(url, "supplier_approvals", "status") == {"Approved": 22, "Suspended": 1}
    assert sorted(r[0] for r in sql(url, "SELECT country FROM customers")) == ["CN", "DE", "DE", "FR", "US"]
    assert _counts(url, "mbrs", "status") == {"Effective": 8, "Superseded": 2, "In review": 1}
    # the recall held the trigger lot's stock, recalled its released batch and held the finished lots
    assert _counts(url, "batches", "status") == {"Released": 8, "Recalled": 1, "QC testing": 1, "Rejected": 1,
                                                 "In production": 1, "QA review": 2, "Planned": 1}
    received = _counts(url, "lots WHERE origin = 'Received'", "status")
    assert sum(received.values()) == 40 + 3  # and the QC lab's three lots, tested under a specification
    assert received["Quarantine"] == 2 + 2 and received["Rejected"] == 1 and received["On hold"] == 2  # +1 recalled
    assert received["Released"] + received["Consumed"] == 35 + 1
    assert int(sql(url, "SELECT count(*) FROM lots WHERE origin = 'Produced'")[0][0]) == 14
    assert int(sql(url, "SELECT count(*) FROM shipments")[0][0]) == 15
    assert int(sql(url, "SELECT count(DISTINCT lot_id) FROM shipment_lines")[0][0]) == 5
    assert sql(url, "SELECT status, reason FROM recalls") == [("Open", RECALL_REASON)]
    assert _counts(url, "recall_customers", "status") == {"Pending": 3, "Notified": 1, "Confirmed": 1}

    # each record by the role that does it in a plant, each user logged in with the demo password
    assert _creators(url, "item") == {"admin"}
    assert _creators(url, "supplier_approval") == {"qa"}
    assert _creators(url, "mbr") == {"prod"}
    assert _creators(url, "batch") == {"prod"}
    assert _creators(url, "shipment") == {"ward"}
    assert _creators(url, "recall") == {"qa"}
    assert {r[0] for r in sql(url, "SELECT user_id FROM audit_log WHERE action = 'LOGIN'")} == set(DEMO_IDS)
    batch_changes = {r[0] for r in sql(url, "SELECT DISTINCT user_id FROM audit_log WHERE record_type = 'batch' "
                                            "AND action = 'UPDATE'")}
    assert batch_changes == {"prod", "qc", "qa", "rel"}  # produce, pass to QA, reject and recall, release
    # releases and rejections are signed (SIG-5): lots by QC review and QA approval, batches by QA review
    # and QA release, rejections by QA; 36 + 10 lot releases, 9 batch releases, 3 rejections
    signed = {(r[0], r[1]): int(r[2]) for r in sql(url, "SELECT record_type, user_id, count(*) FROM audit_log "
                                                        "WHERE action = 'SIGN' GROUP BY record_type, user_id")}
    # and each step of a batch (PRC-2): 14 batches got into production, moulding in 2 steps (the second verified),
    # assembly in 3 (the second verified), the batch left in production after its first step
    # + the QC lab: 2 signed reviews of results by qa and the release of one lot by qc and qa
    assert signed == {("lot", "qc"): 46 + 1, ("lot", "qa"): 48 + 2 + 1, ("batch", "qa"): 10, ("batch", "rel"): 9,
                      ("batch_step", "prod"): 7 * 2 + 6 * 3 + 1, ("batch_step", "qa"): 7 + 6,
                      # CHG-1: every version made effective by a change request approved by QA and a second person
                      # (9 master batch records, the 2 specifications, IM-BRL-05 v2), one waiting for the second
                      ("change", "rel"): 9 + 1 + 1 + 1, ("change", "qa"): 9 + 1 + 1}
    check_process_demo(cli, url)
    check_quality_demo(cli, url)
    check_change_demo(cli, url)

    entries = audit_count(url)
    again = cli("--db", url, "demo")
    assert again.out.strip() == "demo data already loaded: nothing new created"
    assert audit_count(url) == entries
    verified = cli("--db", url, "audit", "verify")
    assert verified.code == 0, verified
    assert verified.out.startswith(f"audit trail intact: {entries} entries")


@pytest.mark.req("INT-2", "ACC-4", "LOT-1")
@pytest.mark.parametrize("engine_name", ["sqlite"])  # one full load on each engine is enough: the test above
def test_an_administrator_adds_the_demo_to_a_database_with_data(cli, db_url):
    url = db_url
    ctx = bootstrap.open_context(url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "chief", "Chris Chief", ADMIN_PASSWORD)
        chief = users.log_in(ctx.uow(), ctx.auth, "chief", ADMIN_PASSWORD)
        masterdata.create_item(ctx.uow(), chief, "OWN-1", "Our own part", ItemType.COMPONENT, Unit.PCS)
    finally:
        ctx.dispose()
    entries = audit_count(url)
    assert "--user" in assert_one_line_error(cli("--db", url, "demo"), 2)
    assert cli("--db", url, "demo", "--if-empty").out.strip() == "database already has data: demo not loaded"
    assert audit_count(url) == entries

    loaded = cli("--db", url, "demo", "--user", "chief", stdin=[ADMIN_PASSWORD])
    assert loaded.code == 0, loaded
    assert "created user ward (Warehouse)" in loaded.out
    assert [r[0] for r in user_rows(url)] == sorted(["chief", *DEMO_IDS])
    assert _creators(url, "user") == {"chief"}  # the administrator who asked created the demo users
    assert _creators(url, "item") == {"chief", "admin"}  # and the demo administrator the demo items
    assert int(sql(url, "SELECT count(*) FROM items")[0][0]) == len(ITEMS) + 1
    assert cli("--db", url, "demo", "--user", "chief").out.strip() == "demo data already loaded: nothing new created"


@pytest.mark.req("INT-2", "ACC-1")
def test_demo_codes_in_use_load_nothing(cli, db_url):
    ctx = bootstrap.open_context(db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "chief", "Chris Chief", ADMIN_PASSWORD)
        chief = users.log_in(ctx.uow(), ctx.auth, "chief", ADMIN_PASSWORD)
        masterdata.create_item(ctx.uow(), chief, "RM-PC-01", "Our PC resin", ItemType.RAW_MATERIAL, Unit.KG)
    finally:
        ctx.dispose()
    refused = cli("--db", db_url, "demo", "--user", "chief", stdin=[ADMIN_PASSWORD])
    message = assert_one_line_error(refused)
    assert message.startswith("the database already has item RM-PC-01 but not the complete demo site")
    assert message.endswith("nothing loaded")
    assert [r[0] for r in user_rows(db_url)] == ["chief"]  # not even the demo users
    assert _creators(db_url, "item") == {"chief"}
    assert sql(db_url, "SELECT name FROM items") == [("Our PC resin",)]


@pytest.mark.req("LOT-1", "LOT-2")
def test_demo_tables_are_consistent():
    codes = {i.code: i for i in ITEMS}
    assert len(codes) == len(ITEMS) == 30
    assert all(is_valid_gtin(i.gtin) for i in ITEMS if i.gtin)
    assert all(i.gtin is not None for i in ITEMS if i.item_type is ItemType.FINISHED_DEVICE)
    # bought items may carry their supplier's GTIN (a scanned supplier label fills the receipt); intermediates none
    assert {i.code for i in ITEMS if i.gtin and not i.item_type.produced} == {"RM-PC-01", "CP-HUB-01"}
    assert not any(i.gtin for i in ITEMS if i.item_type is ItemType.INTERMEDIATE)
    suppliers = {code for code, _ in SUPPLIERS}
    approved = {(item, supplier) for supplier, items in APPROVED for item in items}
    assert {s for _, s in approved} == suppliers and {i for i, _ in approved} <= set(codes)
    assert {(lot.item, lot.supplier) for lot in LOTS} <= approved  # every receipt from an approved supplier
    made = {product for product, *_ in MBRS}
    assert made == {i.code for i in ITEMS if i.item_type.produced}
    assert {b.product for b in BATCHES} <= made
    assert all(item in codes for *_, lines in MBRS for item, _, _ in lines)
    assert len({c[0] for c in CUSTOMERS}) == 5 and len(SHIPMENTS) == 15
    assert demo.DemoSite().name == "site" and demo.DEMO_STEPS[0].name == "users"
