"""`batchtrace db backup` / `db restore` on both engines: backup then restore gives an identical database whose
audit chain verifies; a tampered database is named; nothing is overwritten; the daily backup keeps N files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import Cli, assert_one_line_error, audit_actions, sql
from tests.conftest import fresh_pg_database

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
