"""`batchtrace change open|show|list|submit|approve|implement|cancel|reject` (CHG-1, INT-2): change requests that make
draft master batch records and specifications effective, approved with electronic signatures (re-authenticated
as `qc review` is) and implemented all at once."""

from __future__ import annotations

import argparse
import re
from datetime import datetime

from app import change_control
from app.change_control import ChangeView, ItemInput
from app.cli.support import (
    CommandTree,
    acting,
    day,
    identifier,
    local_time,
    log_in,
    log_in_to_sign,
    open_context,
    print_fields,
    print_table,
    text,
)
from app.i18n import status_name
from app.signatures import SigningSession
from domain.change_control import ChangeStatus, ItemAction
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.inputs import shown
from domain.users import SYSTEM_ACTOR

_VERSION = re.compile(r"(?P<key>[A-Za-z0-9][A-Za-z0-9._-]{0,31}):v?(?P<version>[0-9]{1,6})")


def version_ref(text_value: str) -> tuple[str, int]:
    """"FD-IVC-20:2" or "FD-IVC-20:v2": a record's key and version."""
    match = _VERSION.fullmatch(text_value.strip())
    if match is None:
        raise argparse.ArgumentTypeError(_("'{text}' is not CODE:VERSION (e.g. FD-IVC-20:2)", text=shown(text_value)))
    return match["key"].upper(), int(match["version"])


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("change", N_("change requests: versions made effective through approved changes (CHG-1)"))
    sub = tree.command(group, "open", _open, N_("open a change request naming the versions it changes; prints its "
                                                 "number"))
    sub.add_argument("--title", required=True, type=text(N_("title"), max_length=200))
    sub.add_argument("--reason", required=True, type=text(N_("reason"), max_length=4000))
    sub.add_argument("--class", dest="classification", required=True, choices=("Minor", "Major", "Critical"))
    sub.add_argument("--effective-on", type=day, metavar="YYYY-MM-DD", help=N_("not before this day (default today)"))
    sub.add_argument("--mbr", action="append", default=[], type=version_ref, metavar="PRODUCT:VERSION",
                     help=N_("a draft master batch record it makes effective (repeatable)"))
    sub.add_argument("--spec", action="append", default=[], type=version_ref, metavar="ITEM:VERSION",
                     help=N_("a draft specification it makes effective (repeatable)"))
    sub.add_argument("--retire-mbr", action="append", default=[], type=version_ref, metavar="PRODUCT:VERSION",
                     help=N_("an effective master batch record it retires (repeatable)"))
    sub.add_argument("--retire-spec", action="append", default=[], type=version_ref, metavar="ITEM:VERSION",
                     help=N_("an effective specification it retires (repeatable)"))
    sub.add_argument("--deviation", type=identifier(N_("deviation number")), metavar="NUMBER",
                     help=N_("the deviation that proposes it"))
    acting(sub)
    sub = tree.command(group, "show", _show, N_("one change request with its versions, impact and approvals"))
    sub.add_argument("number", type=identifier(N_("change request number")), metavar="NUMBER")
    sub = tree.command(group, "list", _list, N_("change requests, newest first"))
    sub.add_argument("--open", action="store_true", help=N_("only those not implemented, cancelled or rejected"))
    for name, run, what in (("submit", _submit, N_("submit for approval: the impact assessment is filled in")),
                            ("implement", _implement, N_("make its versions effective, all at once"))):
        sub = tree.command(group, name, run, what)
        sub.add_argument("number", type=identifier(N_("change request number")), metavar="NUMBER")
        acting(sub)
    sub = tree.command(group, "approve", _approve, N_("sign an approval (asks for the password)"))
    sub.add_argument("number", type=identifier(N_("change request number")), metavar="NUMBER")
    sub.add_argument("--comment", type=text(N_("comment"), max_length=500))
    acting(sub)
    for name, run, what in (("cancel", _cancel, N_("cancel a change request not yet approved")),
                            ("reject", _reject, N_("reject a change request not yet approved (QA); its versions "
                                                   "become drafts again"))):
        sub = tree.command(group, name, run, what)
        sub.add_argument("number", type=identifier(N_("change request number")), metavar="NUMBER")
        sub.add_argument("--reason", required=True, type=text(N_("reason"), max_length=500))
        acting(sub)


# what a change reaches, as `change show` names it (ImpactLine.what)
_IMPACT_KINDS = {"batch": N_("batch"), "lot": N_("lot"), "spec": N_("specification"),
                 "mbr": N_("master batch record")}


def print_change(view: ChangeView) -> None:
    def by(at: datetime | None, user: str | None) -> str:
        return _("{time} by {user}", time=local_time(at), user=user) if at else ""

    print_fields(_("change request {number}: {title}", number=view.number, title=view.title), [
        (N_("status"), status_name(view.status)), (N_("classification"), status_name(view.classification)),
        (N_("requested"), by(view.requested_at, view.requester)),
        (N_("reason"), view.reason), (N_("effective on"), str(view.effective_on)),
        (N_("submitted"), local_time(view.submitted_at)), (N_("approved"), local_time(view.approved_at)),
        (N_("implemented"), by(view.implemented_at, view.implemented_by)),
    ])
    print()
    print_table((N_("NO."), N_("ACTION"), N_("VERSION"), N_("STATUS NOW")),
                [(str(i.item_no), status_name(i.action), i.label, status_name(i.status)) for i in view.items])
    if view.impact:
        print()
        print_table((N_("IMPACT"), N_("NUMBER"), N_("STATUS"), N_("VERSION"), N_("QUANTITY")),
                    [(_(_IMPACT_KINDS[i.what]) if i.what in _IMPACT_KINDS else i.what, i.number,
                      status_name(i.status), "" if i.version is None else f"v{i.version}",
                      "" if i.quantity is None else f"{i.quantity.normalize():f}") for i in view.impact])


def _open(args: argparse.Namespace) -> int:
    items = ([ItemInput("mbr", k, v) for k, v in args.mbr] + [ItemInput("spec", k, v) for k, v in args.spec]
             + [ItemInput("mbr", k, v, ItemAction.RETIRE) for k, v in args.retire_mbr]
             + [ItemInput("spec", k, v, ItemAction.RETIRE) for k, v in args.retire_spec])
    if not items:
        raise ValidationError(_("name at least one version: --mbr, --spec, --retire-mbr or --retire-spec"))
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        effective_on = args.effective_on or change_control.today(ctx.read_uow(), actor)
        view = change_control.open_change(ctx.uow(), actor, args.title, args.reason, args.classification,
                                          effective_on, items, deviation=args.deviation)
    print(view.number)
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        print_change(change_control.get_change(ctx.read_uow(), SYSTEM_ACTOR, args.number))
    return 0


def _list(args: argparse.Namespace) -> int:
    statuses = (ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED) if args.open else ()
    with open_context(args) as ctx:
        found = change_control.list_changes(ctx.read_uow(), SYSTEM_ACTOR, statuses=statuses)
    print_table((N_("CHANGE REQUEST"), N_("STATUS"), N_("CLASS"), N_("EFFECTIVE ON"), N_("VERSIONS"), N_("TITLE")),
                [(c.number, status_name(c.status), status_name(c.classification), str(c.effective_on),
                  ", ".join(i.label for i in c.items), c.title) for c in found])
    return 0


def _submit(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        print_change(change_control.submit(ctx.uow(), log_in(ctx, args.user), args.number))
    return 0


def _approve(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor, password = log_in_to_sign(ctx, args.user)
        result = change_control.approve(ctx.uow(), ctx.auth, SigningSession(actor), args.number, password,
                                        user_id_typed=actor.user_id, comment=args.comment)
    print(f"{args.number}: signed ({result.signature.meaning}, {result.signature.requirement}) as "
          f"{actor.printed_name}; {result.progress.summary()}; status {result.status}")
    return 0


def _implement(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        print_change(change_control.implement(ctx.uow(), log_in(ctx, args.user), args.number))
    return 0


def _cancel(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        print_change(change_control.cancel(ctx.uow(), log_in(ctx, args.user), args.number, args.reason))
    return 0


def _reject(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        print_change(change_control.reject(ctx.uow(), log_in(ctx, args.user), args.number, args.reason))
    return 0
