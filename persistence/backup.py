"""Whole-database backup and restore (issue 15): SQLite through its online backup API, PostgreSQL through
pg_dump / pg_restore (custom format). A backup file says what it is by its first bytes, so a restore never
mistakes one engine's backup for the other's.

Nothing half-written: a backup is written to a temporary file beside the target and renamed when complete;
a restore only goes into an empty database (a missing SQLite file, a PostgreSQL database without tables).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import URL, Engine

from domain.errors import ValidationError

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# Where Debian/Ubuntu (postgresql-common) and the EDB Windows installer put the client programs when they are
# not on PATH; the newest version first, since pg_dump refuses servers newer than itself.
_PG_BIN_GLOBS = ("/usr/lib/postgresql/*/bin", "C:/Program Files/PostgreSQL/*/bin")


def backup_kind(path: Path) -> str:
    """"sqlite" or "postgresql", from the file's first bytes; anything else is refused."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        raise ValidationError(f"the backup {path} does not exist") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise ValidationError(f"{path} is not a BatchTrace backup (neither an SQLite file nor a pg_dump archive)")


@contextmanager
def _written_whole(out: Path) -> Iterator[Path]:
    """A temporary path beside `out`, renamed to `out` only when the block completes."""
    out = Path(out)
    if out.exists():
        raise ValidationError(f"{out} exists already: give a new file name (a backup never overwrites one)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def backup(engine: Engine, out: Path) -> Path:
    with _written_whole(out) as partial:
        if engine.url.get_backend_name() == "sqlite":
            _sqlite_copy(Path(engine.url.database or ""), partial)
        else:
            _run_pg("pg_dump", ["--format=custom", "--no-owner", f"--file={partial}", _libpq(engine.url)],
                    engine.url.password)
    return Path(out)


def restore(backup_file: Path, engine: Engine) -> None:
    """Restore into the (empty) database of `engine`. The caller checks the audit chain of the result."""
    kind = backup_kind(backup_file)
    target = engine.url.get_backend_name()
    if kind != target:
        raise ValidationError(f"{backup_file} is a {_engine_name(kind)} backup: restore it into a "
                              f"{_engine_name(kind)} database, not {_engine_name(target)}")
    if target == "sqlite":
        path = Path(engine.url.database or "")
        if path.exists() and path.stat().st_size > 0:
            raise ValidationError(f"{path} exists already: restore into a new file (nothing is overwritten)")
        with _written_whole(path) as partial:
            _sqlite_copy(Path(backup_file), partial)
        return
    tables = inspect(engine).get_table_names()
    if tables:
        raise ValidationError(f"the database {engine.url.database} is not empty ({len(tables)} tables): "
                              "restore into a new, empty database")
    _run_pg("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction",
                           f"--dbname={_libpq(engine.url)}", str(backup_file)], engine.url.password)


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even while stations write (WAL), page by page."""
    if not source.is_file():
        raise ValidationError(f"the SQLite database {source} does not exist")
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # One self-contained file: the copy needs no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _engine_name(kind: str) -> str:
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(kind, kind)


def _libpq(url: URL) -> str:
    """A libpq connection URI without the password (that goes through PGPASSWORD, never the command line)."""
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)


def find_pg_program(name: str) -> Path:
    found = shutil.which(name)
    if found:
        return Path(found)
    for pattern in _PG_BIN_GLOBS:
        for folder in sorted(glob.glob(pattern), key=_version_key, reverse=True):
            candidate = Path(folder) / (name + (".exe" if os.name == "nt" else ""))
            if candidate.is_file():
                return candidate
    raise ValidationError(
        f"{name} was not found: it comes with the PostgreSQL client programs (Debian/Ubuntu: "
        f"'apt-get install postgresql-client-15'; Windows: the PostgreSQL installer's command line tools). "
        f"Put its folder on PATH; it must be as new as the server.")


def _version_key(folder: str) -> tuple[int, ...]:
    digits = Path(folder).parent.name
    return tuple(int(part) for part in digits.split(".") if part.isdigit()) or (0,)


def _run_pg(name: str, arguments: list[str], password: str | object | None) -> None:
    env = dict(os.environ)
    if isinstance(password, str):
        env["PGPASSWORD"] = password
    result = subprocess.run([str(find_pg_program(name)), *arguments], env=env, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise ValidationError(f"{name} failed: {lines[0] if lines else f'exit status {result.returncode}'}")
