"""The `batchtrace` command line (INT-2): the database schema, users, the audit trail and demo data, for
administrators and scripts; trace and search (`app.cli_trace`), lots and batches (`app.cli_lots`), shipments
and recalls (`app.cli_recall`) are their own modules, sharing the plumbing in `app.cli_support`.

Every write logs in as a user (`--user ID`, then the password) through the same use case as the desktop app,
so wrong passwords count toward lock-out and everything is audited. Passwords are asked for on a terminal;
when standard input is not a terminal they are read from it, one line each, in the order the command needs
them (first the acting user's password, then e.g. the new user's password).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from app import audit, bootstrap, cli_lots, cli_numbering, cli_recall, cli_signing, cli_trace, demo, users
from app.bootstrap import AppContext
from app.cli_support import (
    PROG,
    CliParser,
    CommandTree,
    Handler,
    UsageError,
    acting,
    log_in,
    open_context,
    print_table,
    read_password,
)
from app.ports import AuditFilter
from app.settings import settings_path
from domain.errors import DomainError, SchemaMismatch, ValidationError
from domain.users import SYSTEM_ACTOR, Role, validate_printed_name, validate_user_id

# --- entry point -------------------------------------------------------------------------------------

def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            raise UsageError(f"give a command (see '{PROG} --help'); without arguments {PROG} starts the desktop app")
        return handler(args)
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else 0
    except UsageError as error:
        return _fail(str(error), 2)
    except DomainError as error:
        return _fail(str(error), 1)
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        return _fail(f"cannot use{where}: {error.strerror or error}", 1)
    except BrokenPipeError:  # `batchtrace trace ... | head`: the reader stopped early, which is fine
        _detach_stdout()
        return 141
    except (KeyboardInterrupt, EOFError):
        return _fail("interrupted", 130)
    except Exception as error:
        if debug:
            traceback.print_exc()
        return _fail(f"unexpected {type(error).__name__}: {error} (run with --debug for details)", 1)


def _detach_stdout() -> None:
    """Point standard output at the null device so the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (tests capture it): nothing to flush at exit
        pass


def _fail(message: str, status: int) -> int:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)
    return status


# --- the parser ----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = CliParser(
        prog=PROG, parents=[_common_options(None)],
        description="BatchTrace batch traceability: administration and integration commands.",
        epilog=f"Without a command, '{PROG}' (optionally with --db URL) starts the desktop application. "
               "Passwords are asked for on a terminal, else read from standard input, one line each.",
    )
    # After the command the same options default to SUPPRESS, so they do not reset one given before it.
    tree = CommandTree(parser.add_subparsers(title="commands", metavar="COMMAND"), _common_options(argparse.SUPPRESS))
    command, nested, groups = tree.command, tree.nested, tree.top

    db = nested("db", "the database and its schema")
    command(db, "upgrade", _db_upgrade, "apply the schema migrations this version ships")
    command(db, "current", _db_current, "show the database, its schema revision and whether an upgrade is needed")
    connect = command(db, "connect", _db_connect, "use a shared PostgreSQL database on this station; "
                      "the password goes to the OS keyring")
    connect.add_argument("url", metavar="postgresql://user@host[:port]/db")

    user = nested("user", "user accounts")
    add = command(user, "add", _user_add, "add a user; on a database without users, the first administrator")
    add.add_argument("user_id", metavar="USER_ID")
    add.add_argument("--name", required=True, help="printed name, as on signed records")
    add.add_argument("--role", action="append", default=[], help="a role (repeat for several): "
                     + ", ".join(r.value for r in Role))
    acting(add, required=False)
    acting(command(user, "list", _user_list, "list all users"))
    for name, handler, text in (
        ("deactivate", _user_deactivate, "deactivate a user (IDs are never deleted or reused)"),
        ("unlock", _user_unlock, "unlock an account locked after failed log-ins"),
        ("reset-password", _user_reset_password, "give a user a new temporary password"),
    ):
        sub = command(user, name, handler, text)
        sub.add_argument("user_id", metavar="USER_ID")
        sub.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        acting(sub)
    acting(command(user, "change-password", _user_change_password, "change your own password"))

    trail = nested("audit", "the audit trail")
    command(trail, "verify", _audit_verify, "check the hash chain and name the first entry changed outside BatchTrace")
    export = command(trail, "export", _audit_export, "export the audit trail (or part of it) to CSV")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.csv",
                        help="the file to write; its folder must exist")
    export.add_argument("--user-filter", metavar="ID", help="only entries by this user")
    export.add_argument("--record-type", metavar="TYPE", help="only entries about this kind of record")
    export.add_argument("--record-id", metavar="ID", help="only entries about this record")
    export.add_argument("--action", metavar="ACTION", help="only this action, e.g. LOGIN_FAILED")
    export.add_argument("--since", type=_since, metavar="DATE", help="from this day or time (station time)")
    export.add_argument("--until", type=_until, metavar="DATE", help="up to and including this day (station time)")
    acting(export)

    cli_trace.add_commands(tree)
    cli_lots.add_commands(tree)
    cli_recall.add_commands(tree)
    cli_numbering.add_commands(tree)
    cli_signing.add_commands(tree)

    sample = command(groups, "demo", _demo, "load the demo users and a demo medical-device site; safe to run again")
    sample.add_argument("--if-empty", action="store_true", help="do nothing when the database already has users")
    acting(sample, required=False)
    return parser


def _common_options(default: object) -> CliParser:
    common = CliParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=default,
                        help="database: sqlite:///PATH or postgresql://user@host[:port]/db (default: BATCHTRACE_DB, "
                             "then the station settings, then SQLite in the user data folder)")
    common.add_argument("--debug", action="store_true", default=False if default is None else default,
                        help="show the traceback of an unexpected error")
    return common


def _since(text: str) -> datetime:
    return _parse_time(text, end_of_day=False)


def _until(text: str) -> datetime:
    return _parse_time(text, end_of_day=True)


def _parse_time(text: str, *, end_of_day: bool) -> datetime:
    """A day (YYYY-MM-DD) or a time in the station's time zone, unless it says otherwise; as UTC."""
    try:
        if len(text.strip()) == 10:
            day = date.fromisoformat(text.strip()) + timedelta(days=1 if end_of_day else 0)
            moment = datetime.combine(day, time())
        else:
            moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None
    return (moment.astimezone() if moment.tzinfo is None else moment).astimezone(UTC)


# --- db ------------------------------------------------------------------------------------------------

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


# --- user ----------------------------------------------------------------------------------------------

def _user_add(args: argparse.Namespace) -> int:
    uid = validate_user_id(args.user_id.strip())  # wrong input is refused before anyone logs in
    name = validate_printed_name(args.name)
    roles = frozenset(Role.parse(text) for text in args.role)
    with open_context(args) as ctx:
        if users.needs_first_administrator(ctx.read_uow(), SYSTEM_ACTOR):
            return _first_administrator(ctx, args, uid, name, roles)
        if not args.user:
            raise UsageError("the database has users: adding one needs --user ID of an administrator")
        if not roles:
            raise UsageError("give the new user at least one --role")
        actor = log_in(ctx, args.user)
        password = read_password(f"Temporary password for {uid}", confirm=True)
        view = users.add_user(ctx.uow(), actor, ctx.auth, uid, name, roles, password)
    print(f"added user {view.user_id} ({view.printed_name}) with role(s) {', '.join(view.roles)}; "
          "the temporary password must be changed at the first log-in")
    return 0


def _first_administrator(
    ctx: AppContext, args: argparse.Namespace, uid: str, name: str, roles: frozenset[Role]
) -> int:
    if args.user:
        raise UsageError("the database has no users yet: create the first administrator without --user")
    if roles - {Role.ADMINISTRATOR}:
        raise ValidationError(
            "the first user is the administrator and gets the Administrator role only: add other users after"
        )
    password = read_password(f"Password for the first administrator {uid}", confirm=True)
    view = users.create_first_administrator(ctx.uow(), ctx.auth, uid, name, password)
    print(f"created the first administrator {view.user_id} ({view.printed_name})")
    return 0


def _user_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        views = users.list_users(ctx.read_uow(), log_in(ctx, args.user))
    yes = {True: "yes", False: "no"}
    print_table(("ID", "PRINTED NAME", "ROLES", "ACTIVE", "LOCKED", "MUST CHANGE"),
                [(v.user_id, v.printed_name, ", ".join(v.roles), yes[v.active], yes[v.locked],
                  yes[v.must_change_password]) for v in views])
    return 0


def _user_deactivate(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = users.deactivate_user(ctx.uow(), log_in(ctx, args.user), args.user_id, args.reason)
    print(f"deactivated user {view.user_id} ({view.printed_name}); the ID is never reused")
    return 0


def _user_unlock(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = users.unlock_user(ctx.uow(), log_in(ctx, args.user), args.user_id, args.reason)
    print(f"unlocked user {view.user_id} ({view.printed_name})")
    return 0


def _user_reset_password(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        password = read_password(f"Temporary password for {args.user_id}", confirm=True)
        view = users.reset_password(ctx.uow(), actor, ctx.auth, args.user_id, password, args.reason)
    print(f"reset the password of {view.user_id}; it must be changed at the next log-in")
    return 0


def _user_change_password(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        old = read_password(f"Current password for {args.user}")
        new = read_password(f"New password for {args.user}", confirm=True)
        users.change_own_password(ctx.uow(), ctx.auth, args.user, old, new)
    print(f"changed the password of {args.user}")
    return 0


# --- audit ---------------------------------------------------------------------------------------------

def _audit_verify(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        report = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
    if report.problem is None:
        print(f"audit trail intact: {report.entries} entries, head {report.head_seq} {report.head_hash}")
        return 0
    print(f"audit trail NOT intact: {report.problem.message} "
          f"({report.entries} entries before it are intact)")
    return 1


def _audit_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():  # checked before the log-in, so a typo leaves no trace in the trail
        raise ValidationError(f"{out} is a folder: give a file name such as audit.csv")
    if not out.parent.is_dir():
        raise ValidationError(f"folder {out.parent} does not exist")
    flt = AuditFilter(user_id=args.user_filter, record_type=args.record_type, record_id=args.record_id,
                      action=args.action, since=args.since, until=args.until)
    with open_context(args) as ctx:
        result = audit.export_audit_csv(ctx.uow(), log_in(ctx, args.user), flt, out)
    print(f"exported {result.entries} audit entries to {result.path}")
    return 0


# --- demo ----------------------------------------------------------------------------------------------

def _demo(args: argparse.Namespace) -> int:
    if bootstrap.database_state(args.db).revision is None:  # a fresh station: create the schema first
        _db_upgrade(args)
    with open_context(args) as ctx:
        plan = demo.demo_plan(ctx.read_uow())
        if plan.has_users and args.if_empty:
            print("database already has data: demo not loaded")
            return 0
        if not plan.missing:
            print("demo data already loaded: nothing new created")
            return 0
        actor = None
        if plan.has_users:
            if not args.user:
                raise UsageError("the database already has users: give --user ID of an administrator to add the "
                                 "missing demo data, or --if-empty to leave it alone")
            actor = log_in(ctx, args.user)
        result = demo.load_demo_data(ctx.uow, ctx.auth, actor)
    for item in result.created:
        print(f"created {item}")
    if not result.created:
        print("demo data already loaded: nothing new created")
    else:
        print(f"demo users log in with the password {demo.DEMO_PASSWORD}")
    return 0
