"""`batchtrace demo`: idempotent, audited demo data, on a fresh station or with an administrator's say-so."""

from __future__ import annotations

import pytest

from app.demo import loader as demo
from app.settings import data_dir
from tests.cli.conftest import QC_PASSWORD
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, sql, user_rows
from tests.conftest import ADMIN_PASSWORD

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
