"""`batchtrace capa open|show|list|action|close` (DEV-2, INT-2): CAPA from a deviation or on its own, its actions
(planned, then closed with their evidence), the effectiveness check, QA's signed closure, and overdue actions."""

from __future__ import annotations

import argparse

from app import capa
from app.capa import CapaView
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
    whole_number,
)
from app.i18n import status_name
from app.signatures import SigningSession
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.users import SYSTEM_ACTOR


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("capa", N_("corrective and preventive actions (DEV-2)"))
    sub = tree.command(group, "open", _open, N_("open a CAPA, from a deviation or on its own; prints its number"))
    sub.add_argument("--title", required=True, type=text(N_("title"), max_length=200))
    sub.add_argument("--description", required=True, type=text(N_("description"), max_length=4000))
    sub.add_argument("--effectiveness-due", required=True, type=day, metavar="YYYY-MM-DD",
                     help=N_("when the effectiveness is to be checked (after today)"))
    sub.add_argument("--deviation", type=identifier(N_("deviation number")), metavar="NUMBER")
    acting(sub)
    sub = tree.command(group, "show", _show, N_("one CAPA with its actions, effectiveness and closure"))
    sub.add_argument("number", type=identifier(N_("CAPA number")), metavar="NUMBER")
    sub = tree.command(group, "list", _list, N_("CAPA, newest first; --overdue: actions past their due date"))
    sub.add_argument("--open", action="store_true", help=N_("only those not closed"))
    sub.add_argument("--overdue", action="store_true", help=N_("the open actions past their due date instead"))
    sub.add_argument("--owner", type=identifier(N_("user ID")), metavar="ID", help=N_("with --overdue: one person's"))
    sub = tree.command(group, "action", _action,
                       N_("plan an action (--add) or close one with its evidence (--close N)"))
    sub.add_argument("number", type=identifier(N_("CAPA number")), metavar="NUMBER")
    sub.add_argument("--add", choices=("Corrective", "Preventive"), help=N_("plan an action of this kind"))
    sub.add_argument("--description", type=text(N_("description"), max_length=2000))
    sub.add_argument("--owner", type=identifier(N_("user ID")), metavar="ID")
    sub.add_argument("--due", type=day, metavar="YYYY-MM-DD")
    sub.add_argument("--close", type=whole_number(N_("action number"), 1, 999), metavar="N")
    sub.add_argument("--evidence", type=text(N_("evidence"), max_length=2000))
    acting(sub)
    sub = tree.command(group, "effectiveness", _effectiveness, N_("record the effectiveness check"))
    sub.add_argument("number", type=identifier(N_("CAPA number")), metavar="NUMBER")
    sub.add_argument("--verdict", required=True, choices=("effective", "not effective"))
    sub.add_argument("--finding", required=True, type=text(N_("finding"), max_length=2000))
    acting(sub)
    sub = tree.command(group, "close", _close, N_("QA's signed closure (asks for the password)"))
    sub.add_argument("number", type=identifier(N_("CAPA number")), metavar="NUMBER")
    sub.add_argument("--comment", type=text(N_("comment"), max_length=500))
    acting(sub)


def _print(view: CapaView) -> None:
    print_fields(_("CAPA {number}: {title}", number=view.number, title=view.title), [
        (N_("status"), f"{status_name(view.status)} ({view.stage})"),
        (N_("deviation"), view.deviation or ""),
        (N_("opened"), _("{time} by {user}", time=local_time(view.opened_at), user=view.opened_by)),
        (N_("description"), view.description),
        (N_("effectiveness due"), str(view.effectiveness_due) + (_(" (OVERDUE)") if view.effectiveness_overdue
                                                                 else "")),
        (N_("effectiveness"), "" if view.effective is None else
         _("{verdict}: {finding} ({checked_by})", verdict=_("effective") if view.effective else _("not effective"),
           finding=view.effectiveness, checked_by=view.checked_by)),
        (N_("closed"), _("{time}, signed by {user}", time=local_time(view.closed_at), user=view.closed_by)
         if view.closed_at else ""),
    ])
    if view.actions:
        print()
        print_table((N_("ACTION"), N_("KIND"), N_("OWNER"), N_("DUE"), N_("STATE"), N_("WHAT"), N_("EVIDENCE")), [
            (str(a.action_no), _(a.kind), a.owner, str(a.due_on),
             _("done") if a.done_at else _("OVERDUE") if a.overdue else _("open"), a.description, a.evidence or "")
            for a in view.actions])


def _open(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = capa.open_capa(ctx.uow(), log_in(ctx, args.user), args.title, args.description,
                              args.effectiveness_due, args.deviation)
    print(view.number)
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        _print(capa.get_capa(ctx.read_uow(), SYSTEM_ACTOR, args.number))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        if args.overdue:
            late = capa.overdue_actions(ctx.read_uow(), SYSTEM_ACTOR, owner=args.owner)
            print_table((N_("CAPA"), N_("ACTION"), N_("OWNER"), N_("DUE"), N_("DAYS LATE"), N_("WHAT")), [
                (o.capa, str(o.action_no), o.owner, str(o.due_on), str(o.days_overdue), o.description) for o in late])
            return 0
        found = capa.list_capas(ctx.read_uow(), SYSTEM_ACTOR, open_only=args.open)
    print_table((N_("CAPA"), N_("STATUS"), N_("STAGE"), N_("DEVIATION"), N_("TITLE")),
                [(c.number, status_name(c.status), c.stage, c.deviation or "", c.title) for c in found])
    return 0


def _action(args: argparse.Namespace) -> int:
    if (args.add is None) == (args.close is None):
        raise ValidationError(_("give --add KIND with --description, --owner and --due, or --close N with --evidence"))
    if args.add and not (args.description and args.owner and args.due):
        raise ValidationError(_("a planned action needs --description, --owner and --due"))
    with open_context(args) as ctx:
        actor = log_in(ctx, args.user)
        if args.add:
            view = capa.add_action(ctx.uow(), actor, args.number, args.add, args.description, args.owner, args.due)
        else:
            view = capa.close_action(ctx.uow(), actor, args.number, args.close, args.evidence or "")
    _print(view)
    return 0


def _effectiveness(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = capa.record_effectiveness(ctx.uow(), log_in(ctx, args.user), args.number,
                                         args.verdict == "effective", args.finding)
    _print(view)
    return 0


def _close(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        actor, password = log_in_to_sign(ctx, args.user)
        view = capa.close_capa(ctx.uow(), ctx.auth, SigningSession(actor), args.number, password,
                               user_id_typed=actor.user_id, comment=args.comment)
    _print(view)
    return 0
