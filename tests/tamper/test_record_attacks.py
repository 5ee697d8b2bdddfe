"""Findings 1-4 of issue 9, as the attacker did it with plain SQL: a lot's status set without its workflow,
roles granted without an entry, a signature and a status change inserted, a genealogy edge and a row deleted.
`batchtrace audit verify` compares every checked GMP row with what its audit entries say and names what
differs (AUD-6)."""

from __future__ import annotations

import pytest

from tests.cli.support import sql
from tests.tamper.support import without_guards

pytestmark = pytest.mark.req("AUD-6")

CLEAN = "record check: every checked row is as its audit entries say"


def test_an_untouched_database_has_every_record_as_audited(cli, seeded):
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 0, result
    assert CLEAN in result.out


def test_roles_granted_with_plain_sql_are_named(cli, seeded):
    sql(seeded, "UPDATE users SET roles = 'QA_RELEASE,QC_ANALYST' WHERE user_id = 'qc'")
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 1
    assert "audit trail intact" in result.out  # the chain itself was not touched
    assert "record NOT as audited: users qc: roles is " in result.out
    assert '["QA Release", "QC Analyst"] in the table, but the audit trail says ["QC Analyst"]' in result.out


def test_a_user_row_inserted_with_plain_sql_is_named(cli, seeded):
    row = sql(seeded, "SELECT password_hash, created_at FROM users WHERE user_id = 'qc'")[0]
    sql(seeded, "INSERT INTO users (user_id, printed_name, roles, active, locked, failed_logins, password_hash, "
                f"password_history, password_changed_at, must_change_password, created_at) VALUES ('eve', 'Eve', "
                f"'QA_RELEASE', true, false, 0, '{row[0]}', '', '{row[1]}', false, '{row[1]}')")
    result = cli("--db", seeded, "audit", "verify")
    assert result.code == 1
    assert "users eve: (record) is a row in the table, but the audit trail says (no such record): no audit " \
           "entry" in result.out


@pytest.mark.req("AUD-6", "LOT-5")
def test_a_lot_status_set_with_plain_sql_is_named(cli, demo_db):
    """Finding 3: a Rejected lot set to Released (the value as BatchTrace stores it), and one set to a value
    BatchTrace never writes."""
    rejected, other = (row[0] for row in sql(demo_db, "SELECT lot_number FROM lots WHERE status <> 'Released' "
                                                      "ORDER BY status DESC, id")[:2])
    sql(demo_db, f"UPDATE lots SET status = 'Released' WHERE lot_number = '{rejected}'")
    sql(demo_db, f"UPDATE lots SET status = 'RELEASED' WHERE lot_number = '{other}'")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert f'record NOT as audited: lots {rejected}: status is "Released" in the table' in result.out
    assert f"lots {other}: status is \"(not a valid value: 'RELEASED')\" in the table" in result.out


def test_a_shipment_deleted_with_plain_sql_is_named(cli, demo_db):
    number = sql(demo_db, "SELECT shipment_number FROM shipments ORDER BY id")[0][0]
    without_guards(demo_db, "shipment_lines",
                   f"DELETE FROM shipment_lines WHERE shipment_id = (SELECT id FROM shipments "
                   f"WHERE shipment_number = '{number}'); DELETE FROM shipments WHERE shipment_number = '{number}'")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert f"shipments {number}: (record) is (no such record): deleted outside BatchTrace" in result.out


def test_the_demo_site_has_every_record_as_audited(cli, demo_db):
    """Lots in every status, signatures, status history, issues, returns, completions, shipments, a recall:
    all written by the use cases, so nothing is named."""
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 0, result
    assert CLEAN in result.out


@pytest.mark.req("AUD-6", "GEN-4")
def test_a_genealogy_edge_deleted_with_plain_sql_is_named(cli, demo_db):
    """Finding 2: the forward trace emptied by `DELETE FROM genealogy`; the issues that made the edges are
    still audited, so the missing edge is named by lot and batch number."""
    lot, batch = sql(demo_db, "SELECT l.lot_number, b.batch_number FROM genealogy g JOIN lots l ON l.id = g.src_id "
                              "JOIN batches b ON b.id = g.dst_id WHERE g.src_kind = 'L' AND g.dst_kind = 'B' "
                              "ORDER BY l.id, b.id")[0]
    # the database refuses this since migration 0016 (test_append_only): done as someone who can drop triggers
    without_guards(demo_db, "genealogy", f"DELETE FROM genealogy WHERE src_kind = 'L' AND src_id = (SELECT id "
                                         f"FROM lots WHERE lot_number = '{lot}') AND dst_kind = 'B'")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert (f"record NOT as audited: genealogy lot {lot} -> batch {batch}: (record) is (no such record): deleted "
            f"outside BatchTrace in the table, but the audit trail says a row") in result.out


@pytest.mark.req("AUD-6", "SIG-2")
def test_a_signature_and_a_status_change_inserted_with_plain_sql_are_named(cli, demo_db):
    """Finding 1 without the forged audit entries: a copied signature row and a status history row."""
    record_id, signed = sql(demo_db, "SELECT record_id, count(*) FROM signatures WHERE record_type = 'lot' "
                                     "GROUP BY record_id ORDER BY record_id")[0]
    changes = sql(demo_db, f"SELECT count(*) FROM status_changes WHERE record_type = 'lot' "
                           f"AND record_id = '{record_id}'")[0][0]
    sql(demo_db, "INSERT INTO signatures (record_type, record_id, purpose, requirement, meaning, user_id, "
                 "printed_name, at, content_hash, content_version, comment, state_id) SELECT record_type, record_id, "
                 "purpose, requirement, meaning, user_id, printed_name, at, content_hash, content_version, comment, "
                 f"state_id FROM signatures WHERE record_id = '{record_id}' ORDER BY id LIMIT 1")
    sql(demo_db, f"INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user, "
                 f"reason) VALUES ('lot', '{record_id}', 'Quarantine', 'Released', '2026-01-05 10:00:00', 'qa', "
                 f"'released')")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert (f"signatures lot {record_id} signature {signed + 1}: (record) is a row in the table, but the audit "
            f"trail says (no such record): no audit entry") in result.out
    assert f"status_changes lot {record_id} change {changes + 1}: (record) is a row in the table" in result.out


def test_an_issued_quantity_changed_with_plain_sql_is_named_with_its_genealogy(cli, demo_db):
    issue_id = sql(demo_db, "SELECT id FROM material_issues WHERE kind = 'Issue' ORDER BY id")[0][0]
    sql(demo_db, f"UPDATE material_issues SET quantity = quantity + 1 WHERE id = {issue_id}")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert f"record NOT as audited: material_issues {issue_id}: quantity is " in result.out
    assert "genealogy lot " in result.out  # the edge no longer matches the issues it came from either


@pytest.mark.req("AUD-6", "CHG-2", "CHG-3")
def test_a_master_record_version_or_a_batch_s_version_changed_with_plain_sql_is_named(cli, demo_db):
    """A version is read again exactly as it was (CHG-2) and a batch keeps the version it was planned with
    (CHG-3): a limit of an effective record, a BOM quantity and a batch's version edited in the tables are
    named, by the record the audit trail knows them as."""
    step_id, name = sql(demo_db, "SELECT p.step_id, p.name FROM mbr_parameters p ORDER BY p.id")[0]
    change_limit = f"UPDATE mbr_parameters SET upper = upper + 1 WHERE step_id = {step_id} AND name = '{name}'"
    mbr_id, line_no = sql(demo_db, "SELECT mbr_id, line_no FROM mbr_lines ORDER BY id")[0]
    change_line = (f"UPDATE mbr_lines SET quantity_per_unit = quantity_per_unit * 2 WHERE mbr_id = {mbr_id} "
                   f"AND line_no = {line_no}")
    # The database refuses both edits of an effective version (migration 0018, CHG-1) ...
    for statement in (change_limit, change_line):
        with pytest.raises(Exception, match="the content of an effective, superseded or retired version never "
                                            "changes"):
            sql(demo_db, statement)
    # ... so the attacker who can switch the guards off (the SQLite file's owner, the database's owner) does that
    # first, and the record check must still name what was changed.
    without_guards(demo_db, "mbr_parameters", change_limit)
    without_guards(demo_db, "mbr_lines", change_line)
    batch = sql(demo_db, "SELECT batch_number FROM batches ORDER BY id")[0][0]
    sql(demo_db, f"UPDATE batches SET mbr_version = mbr_version + 1 WHERE batch_number = '{batch}'")
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1
    assert "audit trail intact" in result.out
    assert f"record NOT as audited: mbr_parameters {step_id}/{name}: upper is " in result.out
    assert f"mbr_lines {mbr_id}/{line_no}: quantity_per_unit is " in result.out
    assert f"batches {batch}: mbr_version is " in result.out
