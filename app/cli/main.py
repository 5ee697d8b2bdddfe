"""The `batchtrace` command line (INT-2): the database schema, users, the audit trail and demo data, for
administrators and scripts. This module is the entry point and the parser; each command group is a module of
`app.cli` (`db`, `users`, `audit`, `trace`, `lots`, `recall`, `numbering`, `signing`, `report`, `process`, `kpi`,
`demo`) with its own `add_commands(tree)`, sharing the plumbing in `app.cli.support`.

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

from app import i18n
from app.cli import audit as cli_audit
from app.cli import capa as cli_capa
from app.cli import change as cli_change
from app.cli import db as cli_db
from app.cli import demo as cli_demo
from app.cli import kpi as cli_kpi
from app.cli import lots as cli_lots
from app.cli import numbering as cli_numbering
from app.cli import process as cli_process
from app.cli import quality as cli_quality
from app.cli import recall as cli_recall
from app.cli import report as cli_report
from app.cli import signing as cli_signing
from app.cli import site as cli_site
from app.cli import trace as cli_trace
from app.cli import users as cli_users
from app.cli import validate as cli_validate
from app.cli import versions as cli_versions
from app.cli.support import PROG, CliParser, CommandTree, Handler, UsageError, guard_free_arguments
from domain.errors import DomainError
from domain.i18n import N_, _
from domain.inputs import escaped, redact_urls
from domain.version import batchtrace_version

# --- entry point -------------------------------------------------------------------------------------

def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    i18n.use_language(i18n.system_language())  # the command line speaks the language of LANG (GEN-6)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        handler: Handler | None = getattr(args, "handler", None)
        if handler is None:
            raise UsageError(_("give a command (see '{prog} --help'); without arguments {prog} starts the desktop app",
                               prog=PROG))
        return handler(args)
    except SystemExit as done:  # --help, --version
        return done.code if isinstance(done.code, int) else 0
    except UsageError as error:
        return _fail(str(error), 2)
    except DomainError as error:
        return _fail(str(error), 1)
    except BrokenPipeError:  # `batchtrace trace ... | head`: the reader stopped early, which is fine
        _detach_stdout()  # (before OSError: a broken pipe is one, and is no error of the user's)
        return 141
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        return _fail(f"cannot use{where}: {error.strerror or error}", 1)
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
    """One line on stderr: no password of a database URL, no control character echoed raw."""
    print(f"{PROG}: error: {escaped(redact_urls(' '.join(message.split())))}", file=sys.stderr)
    return status


# --- the parser ----------------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    """The command tree. Its texts are marked N_() and translated as a help is formatted (`app.cli.help`); the
    few made with values (the roles, the statuses to type) are worded in the language set before it is built."""
    parser = CliParser(
        prog=PROG, parents=[_common_options(None)],
        description=N_("BatchTrace batch traceability: administration and integration commands."),
        epilog=N_("Without a command, '%(prog)s' (optionally with --db URL) starts the desktop application. "
               "Passwords are asked for on a terminal, else read from standard input, one line each."),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {batchtrace_version()}",
                        help=N_("print the version of BatchTrace and exit"))
    # After the command the same options default to SUPPRESS, so they do not reset one given before it.
    tree = CommandTree(parser.add_subparsers(title=N_("commands"), metavar="COMMAND"),
                       _common_options(argparse.SUPPRESS))
    for module in (cli_db, cli_users, cli_site, cli_audit, cli_trace, cli_lots, cli_recall, cli_numbering, cli_signing,
                   cli_report, cli_process, cli_quality, cli_capa, cli_versions, cli_change, cli_kpi, cli_demo,
                   cli_validate):
        module.add_commands(tree)
    guard_free_arguments(parser)
    return parser


def _common_options(default: object) -> CliParser:
    common = CliParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=default,
                        help=N_("database: sqlite:///PATH or postgresql://user@host[:port]/db (default: BATCHTRACE_DB, "
                                "then the station settings, then SQLite in the user data folder)"))
    common.add_argument("--debug", action="store_true", default=False if default is None else default,
                        help=N_("show the traceback of an unexpected error"))
    return common
