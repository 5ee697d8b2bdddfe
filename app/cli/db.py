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
from domain.i18n import N_, _


def add_commands(tree: CommandTree) -> None:
    db = tree.nested("db", N_("the database and its schema"))
    tree.command(db, "upgrade", _db_upgrade, N_("apply the schema migrations this version ships"))
    tree.command(db, "current", _db_current,
                 N_("show the database, its schema revision and whether an upgrade is needed"))
    connect = tree.command(db, "connect", _db_connect, N_("use a shared PostgreSQL database on this station; "
                              "the password goes to the OS keyring"))
    connect.add_argument("url", metavar="postgresql://user@host[:port]/db")
    backup = tree.command(db, "backup", _db_backup, N_("copy the whole database to one file (SQLite: online backup; "
                             "PostgreSQL: pg_dump), after verifying its audit trail"))
    where = backup.add_mutually_exclusive_group(required=True)
    where.add_argument("file", nargs="?", type=Path, metavar="FILE",
                       help=N_("the backup file to write (never overwritten)"))
    where.add_argument("--daily", type=Path, metavar="DIR",
                       help=N_("today's backup in DIR (batchtrace-YYYY-MM-DD...), once a day, for a scheduled task"))
    backup.add_argument("--keep", type=_positive, default=30, metavar="N",
                        help=N_("with --daily: keep the newest N daily backups in DIR (default 30)"))
    restore = tree.command(db, "restore", _db_restore, N_("restore a backup into an empty database (--db) and verify "
                              "the audit trail of what was restored"))
    restore.add_argument("file", type=Path, metavar="FILE")


def upgrade(args: argparse.Namespace) -> int:
    """`db upgrade`; also run by `demo` on a station without a schema."""
    return _db_upgrade(args)


def _db_upgrade(args: argparse.Namespace) -> int:
    result = bootstrap.upgrade_database(args.db)
    where = _("{kind} database at {location}", kind=result.database.kind, location=result.database.location)
    if result.backup is not None:
        print(_("backed up the database as it was (revision {before}) to {backup}",
                before=result.before, backup=result.backup))
    if result.before == result.after:
        print(_("{where} already at {after}", where=where, after=result.after))
    else:
        print(_("{where} upgraded from {value} to {after}",
                where=where, value=result.before or _("empty"), after=result.after))
    _print_station_access(result)
    return 0


def _print_station_access(result: bootstrap.UpgradeResult) -> None:
    """What the site gives each station: the station role's URL, never the owner's; how to set its password."""
    station = result.station
    if station is None:
        return  # SQLite: one desktop, no roles
    if station.keyed_from is not None:
        earlier = _("; entries 1 to {last} keep verifying in their earlier format", last=station.keyed_from - 1) if (
            station.keyed_from > 1) else ""
        print(_("audit entries are keyed by the database (HMAC) from entry {keyed_from} "
                "on{earlier}",
                keyed_from=station.keyed_from, earlier=earlier))
    state = _("created, without a password yet") if station.created else _("checked and its privileges renewed")
    print(_("station role {role}: {state}", role=station.role, state=state))
    print(_("give each station:"))
    print(_("  {prog} db connect {station_url}", prog=PROG, station_url=station.station_url))
    print(_("  with the station role's password; set it (once, as the owner) in psql: "
            "\\password {role}",
            role=station.role))
    print(_("keep the owner's URL and password for 'db upgrade' and 'db backup': a station never needs them"))


def _db_current(args: argparse.Namespace) -> int:
    info = bootstrap.database_state(args.db)
    print(_("database: {kind} at {location}", kind=info.kind, location=info.location))
    print(_("current revision: {value}", value=info.revision or _("none (no BatchTrace schema)")))
    print(_("required revision: {head}", head=info.head))
    if info.revision == info.head:
        print(_("the schema is up to date"))
        return 0
    print(_schema_problem(args.db) or _("upgrade needed: run '{prog} db upgrade'", prog=PROG))
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
    print(_("connected to the {kind} database at {location}", kind=info.kind, location=info.location))
    print(_("saved the database URL (without the password) in {settings_path}", settings_path=settings_path()))
    print(_("the password is kept in the OS keyring"))
    if info.revision != info.head:
        print(_("schema revision {value}, this BatchTrace needs {head}: run '{prog} db upgrade'",
                value=info.revision or _("none"), head=info.head, prog=PROG))
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
            print(_("today's backup exists already: {out}", out=out))
            return 0
    result = bootstrap.backup_database(out, args.db)
    print(_("backed up the {kind} database at {location} to {path}",
            kind=result.database.kind, location=result.database.location, path=result.path))
    _print_chain(result.audit)
    if args.daily is not None:
        for old in _daily_backups(args.daily, out.suffix)[args.keep:]:
            old.unlink()
            print(_("removed the old backup {name} (keeping {keep})", name=old.name, keep=args.keep))
    return 0 if result.audit.intact else 1


def _daily_backups(folder: Path, suffix: str) -> list[Path]:
    """The daily backups in `folder`, newest first (the date in the name sorts)."""
    return sorted(folder.glob(f"{DAILY_PREFIX}????-??-??{suffix}"), reverse=True)


def _db_restore(args: argparse.Namespace) -> int:
    result = bootstrap.restore_database(args.file, args.db)
    print(_("restored {path} into the {kind} database at {location} (schema revision {value})",
            path=result.path, kind=result.database.kind, location=result.database.location,
            value=result.database.revision or _("none")))
    _print_chain(result.audit)
    if not result.audit.intact:
        print(_("do not use the restored database: its audit trail was changed outside BatchTrace"))
        return 1
    if result.database.revision != result.database.head:
        print(_("the backup has schema revision {revision}; run '{prog} db upgrade' to use it",
                revision=result.database.revision, prog=PROG))
    return 0


def _print_chain(report: ChainReport) -> None:
    if report.intact:
        print(_("audit trail intact: {entries} entries, head {head_seq} {head_hash}",
                entries=report.entries, head_seq=report.head_seq, head_hash=report.head_hash))
    else:
        assert report.problem is not None
        print(_("audit trail NOT intact: {message} ({entries} entries before it are intact)",
                message=report.problem.message, entries=report.entries))
