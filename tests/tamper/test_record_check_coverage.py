"""The record check covers every table the unit of work audits (issue 9, AUD-6; its list is derived from
persistence.mapping.AUDITED): not only lots, batches and master data but also CAPAs, change requests, recalls,
process data, the print journal, issued documents, the security policy, role grants and alerts. A site where all
of them exist checks clean; a row of each edited with plain SQL (guards switched off first, as the attacker with
the file or the owner role would) is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import audit, batches, site_security
from domain.batches import IssueRefused
from domain.record_check import RecordProblem
from tests.app.lots_support import Site, open_alerts, receive, site_fixture
from tests.cli.support import sql
from tests.reports.document_site import issue, released_batch
from tests.tamper.support import without_guards

site = site_fixture
pytestmark = pytest.mark.req("AUD-6")


def _problems(site: Site) -> list[RecordProblem]:
    return audit.check_audit_records(site.ctx.read_uow(), site.admin)


def _full_site(site: Site, tmp_path: Path) -> str:
    """Labels printed through the journal, a batch record issued, the security policy changed, an alert raised
    and acknowledged, signing roles granted with approval (the site's people): every audited table has rows."""
    batch = released_batch(site, tmp_path / "labels.zpl")
    issue(site, batch.number, tmp_path / "record.pdf")
    site_security.change_security(site.ctx.uow(), site.admin, {"idle_lock_minutes": 7}, "shorter idle lock")
    quarantined = receive(site, "RES", "5").lot_number
    with pytest.raises(IssueRefused):
        batches.issue_material(site.ctx.uow(), site.warehouse, batch.number, quarantined, "1")
    assert open_alerts(site)
    newest = sql(site.db_url, "SELECT max(id) FROM alerts")[0][0]
    batches.acknowledge_alert(site.ctx.uow(), site.qa, newest, "material was not issued")
    return batch.number


@pytest.mark.req("AUD-6", "ACC-7")
def test_print_journal_documents_policy_grants_and_alerts_are_checked(site: Site, tmp_path: Path) -> None:
    _full_site(site, tmp_path)
    for table in ("print_jobs", "issued_documents", "site_security", "role_grants", "alerts"):
        assert sql(site.db_url, f"SELECT count(*) FROM {table}")[0][0] > 0, table
    assert _problems(site) == []

    job = sql(site.db_url, "SELECT min(id) FROM print_jobs")[0][0]
    document = sql(site.db_url, "SELECT number FROM issued_documents ORDER BY id")[0][0]
    policy = sql(site.db_url, "SELECT max(version) FROM site_security")[0][0]
    grant = sql(site.db_url, "SELECT min(id) FROM role_grants")[0][0]
    alert = sql(site.db_url, "SELECT min(id) FROM alerts")[0][0]
    without_guards(site.db_url, "print_jobs", f"UPDATE print_jobs SET copies = copies + 5 WHERE id = {job}")
    without_guards(site.db_url, "issued_documents",
                   f"UPDATE issued_documents SET file_name = 'other.pdf' WHERE number = '{document}'")
    without_guards(site.db_url, "site_security",
                   f"UPDATE site_security SET max_failed_logins = max_failed_logins + 1 WHERE version = {policy}")
    without_guards(site.db_url, "role_grants", f"UPDATE role_grants SET decided_by = 'wes' WHERE id = {grant}")
    without_guards(site.db_url, "alerts", f"DELETE FROM alerts WHERE id = {alert}")
    named = {(p.table, p.key, p.field) for p in _problems(site)}
    assert named == {
        ("print_jobs", str(job), "copies"),
        ("issued_documents", document, "file_name"),
        ("site_security", f"v{policy}", "max_failed_logins"),
        ("role_grants", str(grant), "decided_by"),
        ("alerts", str(alert), "(record)"),
    }


# The demo site holds CAPAs, change requests, a recall, process steps, values, readings and excursions.
DEMO_ATTACKS = [
    ("capas", "UPDATE capas SET status = 'Closed' WHERE id = (SELECT min(id) FROM capas)",
     "capas CAPA", "status is \"Closed\" in the table"),
    ("capa_actions", "UPDATE capa_actions SET evidence = 'forged record' WHERE id = (SELECT min(id) FROM capa_actions)",
     "capa_actions ", "evidence is \"forged record\" in the table"),
    ("change_requests", "UPDATE change_requests SET title = 'forged' WHERE id = (SELECT min(id) FROM change_requests)",
     "change_requests CR-", "title is \"forged\" in the table"),
    ("change_request_items", "UPDATE change_request_items SET version = version + 7 "
                             "WHERE id = (SELECT min(id) FROM change_request_items)",
     "change_request_items ", "version is "),
    ("recalls", "UPDATE recalls SET reason = 'forged' WHERE id = (SELECT min(id) FROM recalls)",
     "recalls ", "reason is \"forged\" in the table"),
    ("recall_customers", "DELETE FROM recall_customers WHERE id = (SELECT min(id) FROM recall_customers)",
     "recall_customers ", "(record) is (no such record): deleted outside BatchTrace in the table"),
    ("recall_scope", "DELETE FROM recall_scope WHERE id = (SELECT max(id) FROM recall_scope)",
     "recall_scope ", "(record) is (no such record): deleted outside BatchTrace in the table"),
    ("qc_plans", "DELETE FROM qc_plans WHERE id = (SELECT max(id) FROM qc_plans WHERE id NOT IN "
                 "(SELECT plan_id FROM qc_results))",
     "qc_plans ", "(record) is (no such record): deleted outside BatchTrace in the table"),
    ("deviation_links", "DELETE FROM deviation_links WHERE id = (SELECT min(id) FROM deviation_links)",
     "deviation_links ", "(record) is (no such record)"),
    ("sensors", "UPDATE sensors SET max_gap_minutes = max_gap_minutes + 600 "
                "WHERE code = (SELECT min(code) FROM sensors)",
     "sensors ", "max_gap_minutes is "),
    ("rooms", "INSERT INTO rooms (code, name) VALUES ('CR-X', 'Forged room')",
     "rooms CR-X", "(record) is a row in the table, but the audit trail says (no such record): no audit entry"),
    ("equipment", "UPDATE equipment SET name = 'forged' WHERE code = (SELECT min(code) FROM equipment)",
     "equipment ", "name is \"forged\" in the table"),
    ("batch_steps", "UPDATE batch_steps SET started_by = (SELECT max(user_id) FROM users WHERE user_id <> "
                    "batch_steps.started_by) WHERE id = (SELECT min(id) FROM batch_steps)",
     "batch_steps ", "started_by is "),
    ("parameter_values", "UPDATE parameter_values SET unit = 'degF' WHERE id = (SELECT min(id) FROM parameter_values)",
     "parameter_values ", "unit is \"degF\" in the table"),
    ("reading_imports", "UPDATE reading_imports SET readings = readings + 1 "
                        "WHERE id = (SELECT min(id) FROM reading_imports)",
     "reading_imports ", "readings is "),
    ("excursions", "UPDATE excursions SET deviation_number = NULL WHERE deviation_number IS NOT NULL",
     "excursions ", "deviation_number is null in the table"),
]


def test_a_capa_change_recall_or_process_row_edited_with_plain_sql_is_named(cli, demo_db):
    """All the edits on one demo site (each on its own table), then one `audit verify` that must name each."""
    for table, statement, _key, _says in DEMO_ATTACKS:
        assert sql(demo_db, f"SELECT count(*) FROM {table}")[0][0] > 0, f"the demo site has no {table} rows"
        without_guards(demo_db, table, statement)
    result = cli("--db", demo_db, "audit", "verify")
    assert result.code == 1, result
    assert "audit trail intact" in result.out
    named = [line for line in result.out.splitlines() if "record NOT as audited: " in line]
    for table, _statement, key_start, says in DEMO_ATTACKS:
        lines = [line for line in named if f"record NOT as audited: {key_start}" in line]
        assert len(lines) == 1 and says in lines[0], (table, named)
