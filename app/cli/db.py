"""`batchtrace db ...` (GEN-3, GEN-5, INT-2): schema migrations, the revision check, a shared PostgreSQL database."""

from __future__ import annotations

import argparse
from urllib.parse import urlsplit

from app import bootstrap
from app.cli.support import PROG, CommandTree, read_password
from app.settings import settings_path
from domain.errors import SchemaMismatch, ValidationError


def add_commands(tree: CommandTree) -> None:
    db = tree.nested("db", "the database and its schema")
    tree.command(db, "upgrade", _db_upgrade, "apply the schema migrations this version ships")
    tree.command(db, "current", _db_current,
                 "show the database, its schema revision and whether an upgrade is needed")
    connect = tree.command(db, "connect", _db_connect, "use a shared PostgreSQL database on this station; "
                           "the password goes to the OS keyring")
    connect.add_argument("url", metavar="postgresql://user@host[:port]/db")


def upgrade(args: argparse.Namespace) -> int:
    """`db upgrade`; also run by `demo` on a station without a schema."""
    return _db_upgrade(args)


def _db_upgrade(args: argparse.Namespace) -> int:
    result = bootstrap.upgrade_database(args.db)
    where = f"{result.database.kind} database at {result.database.location}"
    if result.before == result.after:
        print(f"{where} already at {result.after}")
    else:
        print(f"{where} upgraded from {result.before or 'empty'} to {result.after}")
    return 0


def _db_current(args: argparse.Namespace) -> int:
    info = bootstrap.database_state(args.db)
    print(f"database: {info.kind} at {info.location}")
    print(f"current revision: {info.revision or 'none (no BatchTrace schema)'}")
    print(f"required revision: {info.head}")
    if info.revision == info.head:
        print("the schema is up to date")
        return 0
    print(_schema_problem(args.db) or f"upgrade needed: run '{PROG} db upgrade'")
    return 1


def _schema_problem(db_url: str | None) -> str | None:
    try:
        bootstrap.open_context(db_url).dispose()
    except SchemaMismatch as mismatch:
        return str(mismatch)
    return None


def _db_connect(args: argparse.Namespace) -> int:
    parts = urlsplit(args.url)
    if parts.scheme.split("+")[0] not in ("postgresql", "postgres"):
        raise ValidationError("'db connect' is for a shared PostgreSQL database: postgresql://user@host/db")
    if parts.password is not None:
        raise ValidationError("do not put the password in the URL: BatchTrace asks for it and keeps it in the keyring")
    password = read_password(f"Database password for {parts.username or ''}@{parts.hostname or 'localhost'}")
    info = bootstrap.connect_shared_database(args.url, password)
    print(f"connected to the {info.kind} database at {info.location}")
    print(f"saved the database URL (without the password) in {settings_path()}")
    print("the password is kept in the OS keyring")
    if info.revision != info.head:
        print(f"schema revision {info.revision or 'none'}, this BatchTrace needs {info.head}: run '{PROG} db upgrade'")
    return 0
