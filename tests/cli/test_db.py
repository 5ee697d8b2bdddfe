"""`batchtrace db ...` and the schema check every other command makes (INT-2, GEN-3, GEN-5).
Backup and restore on both engines: an identical database whose audit chain verifies, a tampered one named,
nothing overwritten, the daily backup keeps N files."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory

from app.credentials import SERVICE
from app.settings import data_dir, settings_path
from persistence import schema
from persistence.engine import make_engine, parse_url
from tests.cli.support import Cli, assert_one_line_error, audit_actions, audit_count, sql
from tests.conftest import ADMIN_PASSWORD, fresh_pg_database


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


# --- db backup / db restore ----------------------------------------------------------------------------------------

TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    "postgresql": "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
}


def engine_of(url: str) -> str:
    return "sqlite" if url.startswith("sqlite") else "postgresql"


def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in a stable order, read with raw SQL."""
    tables = [row[0] for row in sql(url, TABLES[engine_of(url)])]
    return {table: sorted((tuple(row) for row in sql(url, f'SELECT * FROM "{table}"')), key=repr) for table in tables}


def empty_target(url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if engine_of(url) == "sqlite":
        return f"sqlite:///{(tmp_path / 'elsewhere' / 'restored.sqlite3').as_posix()}"
    return fresh_pg_database(request.getfixturevalue("pg_server"), None)


@pytest.mark.req("INT-2", "AUD-3", "GEN-2")
def test_backup_then_restore_elsewhere_is_identical_and_its_chain_verifies(
        cli: Cli, seeded: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    before = contents(seeded)
    head = max(seq for seq, *_ in audit_actions(seeded))
    backup = tmp_path / "site.backup"

    made = cli("--db", seeded, "db", "backup", str(backup))
    assert made.code == 0, made.err
    assert f"audit trail intact: {head} entries, head {head} " in made.out
    assert audit_actions(seeded)[-1][1:3] == ("system", "BACKUP")  # the backup is on record in the source

    target = empty_target(seeded, tmp_path, request)
    restored = cli("--db", target, "db", "restore", str(backup))
    assert restored.code == 0, restored.err
    assert f"audit trail intact: {head} entries, head {head} " in restored.out

    after = contents(target)
    assert after.keys() == before.keys()
    for table in before:
        if table != "audit_log":
            assert after[table] == before[table], table
    original = {row[0]: row for row in before["audit_log"]}
    copied = {row[0]: row for row in after["audit_log"]}
    assert {seq: copied[seq] for seq in original} == original  # every entry byte for byte
    assert [action for seq, _user, action, _rid in audit_actions(target) if seq > head] == ["RESTORE"]
    assert cli("--db", target, "audit", "verify").code == 0
    with pytest.raises(Exception, match=r"(?i)audit"):  # the append-only triggers came along (AUD-2)
        sql(target, "UPDATE audit_log SET reason = 'edited' WHERE seq = 1")


@pytest.mark.req("AUD-3")
def test_a_backup_of_a_tampered_database_is_named_and_its_restore_refused_for_use(
        cli: Cli, seeded: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if engine_of(seeded) == "sqlite":
        sql(seeded, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET reason = 'edited' WHERE seq = 2;",
            script=True)
    else:
        sql(seeded, "ALTER TABLE audit_log DISABLE TRIGGER USER")
        sql(seeded, "UPDATE audit_log SET reason = 'edited' WHERE seq = 2")
    backup = tmp_path / "tampered.backup"
    made = cli("--db", seeded, "db", "backup", str(backup))
    assert made.code == 1
    assert "audit trail NOT intact: entry 2 was altered" in made.out
    assert backup.is_file()  # kept: it is evidence, and it says what it holds

    restored = cli("--db", empty_target(seeded, tmp_path, request), "db", "restore", str(backup))
    assert restored.code == 1
    assert "entry 2 was altered" in restored.out
    assert "do not use the restored database" in restored.out


@pytest.mark.req("INT-2")
def test_nothing_is_overwritten_and_engines_are_not_mixed(cli: Cli, seeded: str, tmp_path: Path) -> None:
    backup = tmp_path / "one.backup"
    assert cli("--db", seeded, "db", "backup", str(backup)).code == 0
    size = backup.stat().st_size
    assert "exists already" in assert_one_line_error(cli("--db", seeded, "db", "backup", str(backup)))
    assert backup.stat().st_size == size
    refused = assert_one_line_error(cli("--db", seeded, "db", "restore", str(backup)))  # into itself: not empty
    if engine_of(seeded) == "sqlite":
        assert "exists already: restore into a new file" in refused
        other = "postgresql://nobody@127.0.0.1:1/none"
    else:
        assert "is not empty" in refused
        other = f"sqlite:///{(tmp_path / 'new.sqlite3').as_posix()}"
    assert "backup: restore it into a" in assert_one_line_error(cli("--db", other, "db", "restore", str(backup)))
    not_backup = tmp_path / "notes.txt"
    not_backup.write_text("hello", encoding="utf-8")
    assert "is not a BatchTrace backup" in assert_one_line_error(cli("--db", seeded, "db", "restore",
                                                                     str(not_backup)))


@pytest.mark.req("INT-2")
def test_the_daily_backup_runs_once_a_day_and_keeps_the_newest(cli: Cli, seeded: str, tmp_path: Path) -> None:
    folder = tmp_path / "daily"
    folder.mkdir()
    suffix = ".sqlite3" if engine_of(seeded) == "sqlite" else ".pgdump"
    for day in ("2020-01-01", "2020-01-02", "2020-01-03"):
        (folder / f"batchtrace-{day}{suffix}").write_bytes(b"old")
    (folder / "unrelated.txt").write_text("mine", encoding="utf-8")

    first = cli("--db", seeded, "db", "backup", "--daily", str(folder), "--keep", "2")
    assert first.code == 0, first.err
    names = sorted(path.name for path in folder.iterdir())
    today = [name for name in names if not name.startswith("batchtrace-2020")]
    assert len(today) == 2 and "unrelated.txt" in today  # today's file and the unrelated one
    assert names.count("batchtrace-2020-01-03" + suffix) == 1
    assert "batchtrace-2020-01-01" + suffix not in names and "batchtrace-2020-01-02" + suffix not in names

    again = cli("--db", seeded, "db", "backup", "--daily", str(folder))
    assert again.code == 0
    assert "today's backup exists already" in again.out


@pytest.mark.req("INT-2", "GEN-3", "VAL-3")
@pytest.mark.parametrize("engine_name", ["sqlite"])  # PostgreSQL: the owner backs up first ('db backup')
def test_upgrade_of_an_earlier_sqlite_schema_backs_the_file_up_first(cli: Cli, seeded: str) -> None:
    """What the Windows installer runs on upgrade: 'db upgrade' copies the database as the earlier version left
    it, then migrates; the copy keeps the earlier revision and every audit entry, the upgraded chain verifies."""
    head = schema.head_revision()
    earlier = str(ScriptDirectory.from_config(schema.alembic_config()).get_revision(head).down_revision)
    engine = make_engine(parse_url(seeded))
    try:
        schema.downgrade(engine, earlier)
    finally:
        engine.dispose()
    entries = sql(seeded, "SELECT seq, hash FROM audit_log ORDER BY seq")

    upgraded = cli("--db", seeded, "db", "upgrade")
    assert upgraded.code == 0, upgraded.err
    first = upgraded.out.splitlines()[0]
    assert first.startswith(f"backed up the database as it was (revision {earlier}) to ")
    backup = Path(first.split(" to ", 1)[1])
    assert backup.parent == Path(seeded[len("sqlite:///"):]).parent / "backups"
    assert sql(f"sqlite:///{backup.as_posix()}", "SELECT version_num FROM alembic_version") == [(earlier,)]
    assert sql(f"sqlite:///{backup.as_posix()}", "SELECT seq, hash FROM audit_log ORDER BY seq") == entries
    assert f"upgraded from {earlier} to {head}" in upgraded.out
    assert cli("--db", seeded, "audit", "verify").code == 0
    assert cli("--db", seeded, "db", "upgrade").out.splitlines() == [  # current: nothing to copy
        f"SQLite database at {seeded[len('sqlite:///'):]} already at {head}"]
