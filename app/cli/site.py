"""`batchtrace site settings show|set` (ACC-7): the site's security policy, read from the database by every
station; changed by an administrator with a reason (audited)."""

from __future__ import annotations

import argparse

from app import site_security
from app.cli.support import CommandTree, acting, local_time, log_in, open_context, print_table, text
from app.site_security import SecurityView
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.site_security import BOUNDS, parse_setting


def _assignment(value: str) -> tuple[str, int]:
    name, sep, number = value.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(_("write each setting as NAME=VALUE, e.g. max_failed_logins=5"))
    try:
        return parse_setting(name, number)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_commands(tree: CommandTree) -> None:
    site = tree.nested("site", N_("site-wide settings kept in the database"))
    settings = site.add_parser("settings", parents=[tree.common], help=N_("the site's security policy"),
                               description=N_("the site's security policy (lock-out, passwords, idle lock)"))
    group = settings.add_subparsers(title=N_("commands"), metavar="COMMAND", required=True)
    tree.command(group, "show", _show, N_("show the security policy in force at every station"))
    sub = tree.command(group, "set", _set, _("change the security policy, e.g. max_failed_logins=4 "
                                          "idle_lock_minutes=5; settings: {settings}", settings=", ".join(BOUNDS)))
    sub.add_argument("assignments", nargs="+", type=_assignment, metavar="NAME=VALUE")
    sub.add_argument("--reason", required=True, type=text(N_("reason")), help=N_("why (kept in the audit trail)"))
    acting(sub)


def _print(view: SecurityView) -> None:
    print_table((N_("SETTING"), N_("VALUE"), N_("ALLOWED")),
                [(name, f"{value} {_(BOUNDS[name].unit)}", f"{BOUNDS[name].low}-{BOUNDS[name].high}")
                 for name, value in view.values.items()])
    if view.version == 0:
        print(_("BatchTrace's defaults: never changed at this site"))
    else:
        print(_("version {version}, set by {user_id} at {time}", version=view.version, user_id=view.changed_by,
                time=local_time(view.changed_at)))


def _show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = site_security.current_security(ctx.read_uow())
    _print(view)
    return 0


def _set(args: argparse.Namespace) -> int:
    changes = dict(args.assignments)
    with open_context(args) as ctx:
        view = site_security.change_security(ctx.uow(), log_in(ctx, args.user), changes, args.reason)
    _print(view)
    return 0
