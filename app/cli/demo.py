"""`batchtrace demo [--if-empty]`: the demo users and the demo medical-device site, loaded through the use cases."""

from __future__ import annotations

import argparse

from app import bootstrap
from app.cli import db
from app.cli.support import CommandTree, UsageError, acting, log_in, open_context
from app.demo import loader as demo
from domain.i18n import N_, _


def add_commands(tree: CommandTree) -> None:
    sample = tree.command(tree.top, "demo", _demo,
                          N_("load the demo users and a demo medical-device site; safe to run again"))
    sample.add_argument("--if-empty", action="store_true", help=N_("do nothing when the database already has users"))
    acting(sample, required=False)


def _demo(args: argparse.Namespace) -> int:
    if bootstrap.database_state(args.db).revision is None:  # a fresh station: create the schema first
        db.upgrade(args)
    with open_context(args) as ctx:
        plan = demo.demo_plan(ctx.read_uow())
        if plan.has_users and args.if_empty:
            print(_("database already has data: demo not loaded"))
            return 0
        if not plan.missing:
            print(_("demo data already loaded: nothing new created"))
            return 0
        actor = None
        if plan.has_users:
            if not args.user:
                raise UsageError(_("the database already has users: give --user ID of an administrator to add the "
                                   "missing demo data, or --if-empty to leave it alone"))
            actor = log_in(ctx, args.user)
        result = demo.load_demo_data(ctx.uow, ctx.auth, actor)
    for item in result.created:
        print(_("created {item}", item=item))
    if not result.created:
        print(_("demo data already loaded: nothing new created"))
    else:
        print(_("demo users log in with the password {DEMO_PASSWORD}", DEMO_PASSWORD=demo.DEMO_PASSWORD))
    return 0
