"""`batchtrace db ...` and the schema check every other command makes (INT-2, GEN-3, GEN-5)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from app.credentials import SERVICE
from app.settings import data_dir, settings_path
from tests.cli.support import assert_one_line_error, audit_actions, audit_count, sql
from tests.conftest import ADMIN_PASSWORD


@pytest.mark.req("INT-2", "GEN-3")
def test_upgrade_then_current(cli, empty_db_url):
    before = cli("--db", empty_db_url, "db", "current")
    assert before.code == 1
    assert "current revision: none" in before.out
    assert "run 'batchtrace db upgrade'" in before.out

    first = cli("--db", empty_db_url, "db", "upgrade")
    assert first.code == 0, first
    assert "database at " in first.out
    assert "upgraded from empty to " in first.out
    head = first.out.splitlines()[0].split()[-1]

    again = cli("db", "upgrade", "--db", empty_db_url)  # the option also works after the command
    assert again.code == 0
    assert again.out.splitlines()[0].endswith(f"already at {head}")  # PostgreSQL: then what stations get

    now = cli("--db", empty_db_url, "db", "current")
    assert now.code == 0, now
    assert f"current revision: {head}" in now.out
    assert f"required revision: {head}" in now.out
    assert "up to date" in now.out
    assert [row[2] for row in audit_actions(empty_db_url)] == ["SCHEMA_UPGRADE"]


@pytest.mark.req("INT-2", "GEN-3")
def test_commands_other_than_db_refuse_a_database_without_schema(cli, empty_db_url):
    result = cli("--db", empty_db_url, "audit", "verify")
    message = assert_one_line_error(result)
    assert "no BatchTrace schema" in message
    assert "batchtrace db upgrade" in message


@pytest.mark.req("INT-2", "GEN-3")
def test_unknown_schema_revision_is_refused_by_every_command(cli, db_url, tmp_path):
    sql(db_url, "UPDATE alembic_version SET version_num = 'ffff'")
    entries = audit_count(db_url)

    current = cli("--db", db_url, "db", "current")
    assert current.code == 1
    assert "current revision: ffff" in current.out
    assert "newer than this BatchTrace knows" in current.out

    commands = [
        ("db", "upgrade"),
        ("audit", "verify"),
        ("audit", "export", "--out", str(tmp_path / "a.csv"), "--user", "admin"),
        ("user", "list", "--user", "admin"),
        ("user", "add", "someone", "--name", "Some One"),
        ("user", "unlock", "qc", "--reason", "r", "--user", "admin"),
        ("demo",),
        ("demo", "--if-empty"),
    ]
    for command in commands:
        result = cli("--db", db_url, *command, stdin=[ADMIN_PASSWORD, ADMIN_PASSWORD])
        message = assert_one_line_error(result)
        assert "revision ffff" in message, command
    assert audit_count(db_url) == entries
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.req("INT-2")
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "is not a database URL"),
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("postgresql://x@127.0.0.1:1/none", "cannot open the PostgreSQL database at x@127.0.0.1:1/none"),
    ],
)
def test_bad_or_unreachable_database_is_one_line(cli, url, expected):
    for command in (("db", "current"), ("db", "upgrade"), ("audit", "verify"), ("demo", "--if-empty")):
        message = assert_one_line_error(cli("--db", url, *command))
        assert expected in message


@pytest.mark.req("INT-2", "GEN-1")
def test_default_database_is_in_the_user_data_folder(cli, monkeypatch):
    result = cli("db", "upgrade")
    assert result.code == 0, result
    path = data_dir() / "batchtrace.sqlite3"
    assert str(path) in result.out
    assert path.exists()
    monkeypatch.setenv("BATCHTRACE_DB", "sqlite:///" + str(data_dir() / "env.sqlite3"))
    assert str(data_dir() / "env.sqlite3") in cli("db", "upgrade").out


@pytest.mark.req("INT-2", "GEN-5")
def test_connect_refuses_a_password_in_the_url_without_asking(cli):
    message = assert_one_line_error(cli("db", "connect", "postgresql://alice:secret@127.0.0.1/db"))
    assert "do not put the password in the URL" in message
    message = assert_one_line_error(cli("db", "connect", "sqlite:///x.db"))
    assert "PostgreSQL" in message
    assert not settings_path().exists()


def _require_password_auth(pg_server, user: str, database: str) -> tuple[Path, str]:
    """Put a scram-sha-256 rule for this user and database first in pg_hba.conf (the test cluster trusts
    everyone else), reload, and wait until the server asks for the password."""
    import psycopg

    hba = Path(pg_server.dir) / "data" / "pg_hba.conf"
    original = hba.read_text()
    hba.write_text(f"host {database} {user} 127.0.0.1/32 scram-sha-256\n{original}")
    pg_server.admin_sql("SELECT pg_reload_conf()")
    deadline = time.monotonic() + 10
    while True:
        try:
            psycopg.connect(f"host=127.0.0.1 port={pg_server.port} user={user} dbname={database}").close()
        except psycopg.OperationalError:
            return hba, original
        assert time.monotonic() < deadline, "pg_hba.conf reload did not take effect"
        time.sleep(0.05)


@pytest.mark.pg
@pytest.mark.req("INT-2", "GEN-5", "GEN-2")
def test_connect_keeps_the_password_in_the_keyring_and_later_commands_use_it(cli, pg_server, memory_keyring):
    pg_server.admin_sql("CREATE ROLE alice LOGIN PASSWORD 'pw-123456'", "CREATE DATABASE alicedb OWNER alice")
    hba, original = _require_password_auth(pg_server, "alice", "alicedb")
    try:
        url = f"postgresql://alice@127.0.0.1:{pg_server.port}/alicedb"
        key = f"alice@127.0.0.1:{pg_server.port}/alicedb"

        wrong = cli("db", "connect", url, stdin=["not-the-password"])
        assert "password authentication failed" in assert_one_line_error(wrong)
        assert memory_keyring.passwords == {}
        assert not settings_path().exists()

        result = cli("db", "connect", url, stdin=["pw-123456"])
        assert result.code == 0, result
        assert str(settings_path()) in result.out
        assert "keyring" in result.out
        assert memory_keyring.passwords == {(SERVICE, key): "pw-123456"}
        text = settings_path().read_text()
        assert "pw-123456" not in text
        saved = json.loads(text)["database_url"]
        assert saved.endswith(f"://alice@127.0.0.1:{pg_server.port}/alicedb")
        assert ":pw" not in saved

        # No --db: the URL comes from the settings, the password from the keyring, and the server checks it.
        memory_keyring.lookups.clear()
        current = cli("db", "current")
        assert current.code == 1, current  # connected: the new database has no schema yet
        assert f"PostgreSQL at alice@127.0.0.1:{pg_server.port}/alicedb" in current.out
        assert "current revision: none" in current.out
        assert (SERVICE, key) in memory_keyring.lookups
        assert cli("db", "upgrade").code == 0
        assert cli("db", "current").code == 0

        memory_keyring.passwords.clear()  # without the keyring entry the server refuses the station
        assert "no password supplied" in assert_one_line_error(cli("db", "current"))
    finally:
        hba.write_text(original)
        pg_server.admin_sql("SELECT pg_reload_conf()")
