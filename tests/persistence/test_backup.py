"""persistence.backup without a database: what a backup file is, and pg_dump found or explained."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.errors import ValidationError
from persistence import backup


def test_a_missing_pg_dump_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(backup, "_PG_BIN_GLOBS", (str(tmp_path / "nowhere" / "*" / "bin"),))
    with pytest.raises(ValidationError, match=r"pg_dump was not found: .*postgresql-client-15.*PATH"):
        backup.find_pg_program("pg_dump")


def test_pg_dump_is_found_in_the_newest_versioned_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    for version in ("9.6", "15", "13"):
        folder = tmp_path / "postgresql" / version / "bin"
        folder.mkdir(parents=True)
        (folder / "pg_dump").write_text("#!/bin/sh\n", encoding="utf-8")
    monkeypatch.setattr(backup, "_PG_BIN_GLOBS", (str(tmp_path / "postgresql" / "*" / "bin"),))
    assert backup.find_pg_program("pg_dump") == tmp_path / "postgresql" / "15" / "bin" / "pg_dump"


def test_a_backup_file_says_which_engine_it_is_for(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(backup.SQLITE_MAGIC + b"rest")
    (tmp_path / "b").write_bytes(b"PGDMP\x01\x0f")
    (tmp_path / "c").write_bytes(b"PK\x03\x04")
    assert backup.backup_kind(tmp_path / "a") == "sqlite"
    assert backup.backup_kind(tmp_path / "b") == "postgresql"
    with pytest.raises(ValidationError, match="not a BatchTrace backup"):
        backup.backup_kind(tmp_path / "c")
    with pytest.raises(ValidationError, match="does not exist"):
        backup.backup_kind(tmp_path / "d")
