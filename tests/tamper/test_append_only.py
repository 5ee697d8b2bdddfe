"""Finding 2 of issue 9, as the attacker did it: `DELETE FROM genealogy` emptied a lot's forward trace and a
recall opened afterwards covered no customer; number sequences were written outside the unit of work. The
database now refuses it on both engines (migration 0016), the writes are audited, and a recall still covers
every customer (GEN-4, TRC-4, AUD-1)."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest

from app.demo.loader import DEMO_PASSWORD
from tests.cli.support import sql

pytestmark = pytest.mark.req("AUD-2")


def refused(url: str, statement: str) -> str:
    """The engine's own refusal (sqlite3's or psycopg's error), raised by the guard triggers."""
    with pytest.raises((sqlite3.DatabaseError, psycopg.Error)) as raised:
        sql(url, statement)
    return str(raised.value)


def recalled_customers(url: str, recall: str) -> int:
    return int(sql(url, f"SELECT count(*) FROM recall_customers WHERE recall_id = (SELECT id FROM recalls "
                        f"WHERE recall_number = '{recall}')")[0][0])


@pytest.mark.req("AUD-2", "TRC-4", "GEN-4")
def test_deleting_the_genealogy_is_refused_and_a_recall_still_covers_the_customers(cli, demo_db):
    lot, recall = sql(demo_db, "SELECT trigger_lot_number, recall_number FROM recalls ORDER BY id")[0]
    customers = recalled_customers(demo_db, recall)
    assert customers == 5
    edges = int(sql(demo_db, "SELECT count(*) FROM genealogy")[0][0])
    assert "genealogy" in refused(demo_db, "DELETE FROM genealogy")
    assert "genealogy" in refused(demo_db, f"DELETE FROM genealogy WHERE src_kind = 'L' AND src_id = (SELECT id "
                                           f"FROM lots WHERE lot_number = '{lot}')")
    assert "re-pointed" in refused(demo_db, "UPDATE genealogy SET dst_id = dst_id + 1")
    assert int(sql(demo_db, "SELECT count(*) FROM genealogy")[0][0]) == edges

    result = cli("--db", demo_db, "recall", "open", lot, "--reason", "second complaint, same lot", "--user", "qa",
                 stdin=[DEMO_PASSWORD])
    assert result.code == 0, result
    assert recalled_customers(demo_db, result.out.strip()) == customers


def test_truncating_the_genealogy_is_refused_on_postgresql(demo_db):
    if demo_db.startswith("sqlite"):
        pytest.skip("SQLite has no TRUNCATE: its DELETE without WHERE is refused above")
    assert "genealogy" in refused(demo_db, "TRUNCATE genealogy CASCADE")


@pytest.mark.req("AUD-2", "LOT-1")
def test_a_number_counter_cannot_be_set_back_or_deleted(demo_db):
    key, last = sql(demo_db, "SELECT key, last_value FROM number_sequences ORDER BY key")[0]
    assert "count up" in refused(demo_db, f"UPDATE number_sequences SET last_value = 0 WHERE key = '{key}'")
    assert "count up" in refused(demo_db, f"UPDATE number_sequences SET last_value = last_value + 5 "
                                          f"WHERE key = '{key}'")
    assert "number_sequences" in refused(demo_db, "DELETE FROM number_sequences")
    assert sql(demo_db, f"SELECT last_value FROM number_sequences WHERE key = '{key}'")[0][0] == last


@pytest.mark.req("AUD-2", "SIG-5")
def test_a_signing_rule_is_only_ever_withdrawn(demo_db):
    sql(demo_db, "INSERT INTO signature_rule_extras (transition_key, label, meaning, roles, not_performers, "
                 "needs_comment, active, added_at) VALUES ('lot:Quarantine->Released', 'Second QA', 'Approved', "
                 "'QA_REVIEWER', false, false, true, '2026-12-05 08:00:00')")
    assert "signature_rule_extras" in refused(demo_db, "UPDATE signature_rule_extras SET roles = 'PRODUCTION'")
    assert "signature_rule_extras" in refused(demo_db, "DELETE FROM signature_rule_extras")
    sql(demo_db, "UPDATE signature_rule_extras SET active = false")  # the withdrawal BatchTrace itself does
    assert "signature_rule_extras" in refused(demo_db, "UPDATE signature_rule_extras SET active = true")


@pytest.mark.req("AUD-1", "GEN-4")
def test_genealogy_and_number_counters_are_written_with_audit_entries(demo_db):
    """Every edge and every counter in the demo has its entries, written with the issue, completion,
    shipment or new record that moved it."""
    edges = {f"{k}{i} -> {dk}{di}" for k, i, dk, di in sql(demo_db, "SELECT src_kind, src_id, dst_kind, dst_id "
                                                                   "FROM genealogy")}
    audited = {row[0] for row in sql(demo_db, "SELECT record_id FROM audit_log WHERE record_type = 'genealogy'")}
    assert edges == audited
    counters = {row[0]: row[1] for row in sql(demo_db, "SELECT key, last_value FROM number_sequences")}
    taken = sql(demo_db, "SELECT record_id, count(*) FROM audit_log WHERE record_type = 'number_sequence' "
                         "GROUP BY record_id")
    assert {key: count for key, count in taken} == counters
    # each written in the transaction of the issue, completion, shipment or new record that caused it
    assert not sql(demo_db, "SELECT seq FROM audit_log a WHERE record_type IN ('genealogy', 'number_sequence') "
                            "AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.at = a.at "
                            "AND b.record_type NOT IN ('genealogy', 'number_sequence'))")

