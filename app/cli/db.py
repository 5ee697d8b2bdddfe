"""`batchtrace db ...` (GEN-3, GEN-5, INT-2): schema migrations, the revision check, a shared PostgreSQL database."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from app import bootstrap
from app.cli.support import PROG, CommandTree, read_password
from app.settings import settings_path
from domain.audit import ChainReport
from domain.errors import SchemaMismatch, ValidationError
from domain.i18n import _


def add_commands(tree: CommandTree) -> None:
    db = tree.nested("db", "the database and its schema")
    tree.command(db, "upgrade", _db_upgrade, "apply the schema migrations this version ships")
    tree.command(db, "current", _db_current,
                 "show the database, its schema revision and whether an upgrade is needed")
    connect = tree.command(db, "connect", _db_connect, "use a shared PostgreSQL database on this station; "
                           "the password goes to the OS keyring")
    connect.add_argument("url", metavar="postgresql://user@host[:port]/db")
    backup = tree.command(db, "backup", _db_backup, "copy the whole database to one file (SQLite: online backup; "
                          "PostgreSQL: pg_dump), after verifying its audit trail")
    where = backup.add_mutually_exclusive_group(required=True)
    where.add_argument("file", nargs="?", type=Path, metavar="FILE",
                       help="the backup file to write (never overwritten)")
    where.add_argument("--daily", type=Path, metavar="DIR",
                       help="today's backup in DIR (batchtrace-YYYY-MM-DD...), once a day, for a scheduled task")
    backup.add_argument("--keep", type=_positive, default=30, metavar="N",
                        help="with --daily: keep the newest N daily backups in DIR (default 30)")
    restore = tree.command(db, "restore", _db_restore, "restore a backup into an empty database (--db) and verify "
                           "the audit trail of what was restored")
    restore.add_argument("file", type=Path, metavar="FILE")


def upgrade(args: argparse.Namespace) -> int:
    """`db upgrade`; also run by `demo` on a station without a schema."""
    return _db_upgrade(args)


def _db_upgrade(args: argparse.Namespace) -> int:
    result = bootstrap.upgrade_database(args.db)
    where = f"{result.database.kind} database at {result.database.location}"
    if result.backup is not None:
        print(f"backed up the database as it was (revision {result.before}) to {result.backup}")
    if result.before == result.after:
        print(f"{where} already at {result.after}")
    else:
        print(f"{where} upgraded from {result.before or 'empty'} to {result.after}")
    _print_station_access(result)
    return 0


def _print_station_access(result: bootstrap.UpgradeResult) -> None:
    """What the site gives each station: the station role's URL, never the owner's; how to set its password."""
    station = result.station
    if station is None:
        return  # SQLite: one desktop, no roles
    if station.keyed_from is not None:
        earlier = f"; entries 1 to {station.keyed_from - 1} keep verifying in their earlier format" if (
            station.keyed_from > 1) else ""
        print(f"audit entries are keyed by the database (HMAC) from entry {station.keyed_from} on{earlier}")
    state = "created, without a password yet" if station.created else "checked and its privileges renewed"
    print(f"station role {station.role}: {state}")
    print("give each station:")
    print(f"  {PROG} db connect {station.station_url}")
    print(f"  with the station role's password; set it (once, as the owner) in psql: \\password {station.role}")
    print("keep the owner's URL and password for 'db upgrade' and 'db backup': a station never needs them")


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
        raise ValidationError(_("'db connect' is for a shared PostgreSQL database: postgresql://user@host/db"))
    if parts.password is not None:
        raise ValidationError(_("do not put the password in the URL: BatchTrace asks for it and keeps it in the "
                                "keyring"))
    password = read_password(f"Database password for {parts.username or ''}@{parts.hostname or 'localhost'}")
    info = bootstrap.connect_shared_database(args.url, password)
    print(f"connected to the {info.kind} database at {info.location}")
    print(f"saved the database URL (without the password) in {settings_path()}")
    print("the password is kept in the OS keyring")
    if info.revision != info.head:
        print(f"schema revision {info.revision or 'none'}, this BatchTrace needs {info.head}: run '{PROG} db upgrade'")
    return 0


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(_("'{text}' is not a positive whole number", text=text))
    return int(text)


DAILY_PREFIX = "batchtrace-"
DAILY_SUFFIX = {"SQLite": ".sqlite3", "PostgreSQL": ".pgdump"}


def _db_backup(args: argparse.Namespace) -> int:
    out: Path = args.file
    if args.daily is not None:
        info = bootstrap.database_state(args.db)
        name = f"{DAILY_PREFIX}{datetime.now(UTC).date().isoformat()}{DAILY_SUFFIX[info.kind]}"
        out = args.daily / name
        if out.exists():
            print(f"today's backup exists already: {out}")
            return 0
    result = bootstrap.backup_database(out, args.db)
    print(f"backed up the {result.database.kind} database at {result.database.location} to {result.path}")
    _print_chain(result.audit)
    if args.daily is not None:
        for old in _daily_backups(args.daily, out.suffix)[args.keep:]:
            old.unlink()
            print(f"removed the old backup {old.name} (keeping {args.keep})")
    return 0 if result.audit.intact else 1


def _daily_backups(folder: Path, suffix: str) -> list[Path]:
    """The daily backups in `folder`, newest first (the date in the name sorts)."""
    return sorted(folder.glob(f"{DAILY_PREFIX}????-??-??{suffix}"), reverse=True)


def _db_restore(args: argparse.Namespace) -> int:
    result = bootstrap.restore_database(args.file, args.db)
    print(f"restored {result.path} into the {result.database.kind} database at {result.database.location} "
          f"(schema revision {result.database.revision or 'none'})")
    _print_chain(result.audit)
    if not result.audit.intact:
        print("do not use the restored database: its audit trail was changed outside BatchTrace")
        return 1
    if result.database.revision != result.database.head:
        print(f"the backup has schema revision {result.database.revision}; run '{PROG} db upgrade' to use it")
    return 0


def _print_chain(report: ChainReport) -> None:
    if report.intact:
        print(f"audit trail intact: {report.entries} entries, head {report.head_seq} {report.head_hash}")
    else:
        assert report.problem is not None
        print(f"audit trail NOT intact: {report.problem.message} ({report.entries} entries before it are intact)")
