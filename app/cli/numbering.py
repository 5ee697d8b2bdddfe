"""`batchtrace numbering ...` and `batchtrace alert ...` (LOT-3, LOT-7, INT-2): the lot and batch number rules of
the site, and the alerts raised by refused material issues.

As elsewhere in the CLI, listing only reads and needs no log-in; changes need --user and a reason.
"""

from __future__ import annotations

import argparse

from app import batches, numbering
from app.cli.support import CommandTree, acting, local_time, log_in, open_context, print_table, whole_number
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.numbering import DEFAULT_RULES, parse_pattern
from domain.users import SYSTEM_ACTOR


def _scope(text: str) -> str:
    if text not in DEFAULT_RULES:
        raise argparse.ArgumentTypeError(_("unknown number scope '{text}': use one of {choices}",
                                           text=text, choices=', '.join(f"'{key}'" for key in DEFAULT_RULES)))
    return text


def _pattern(text: str) -> str:
    try:
        parse_pattern(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_commands(tree: CommandTree) -> None:
    group = tree.nested("numbering", N_("lot, batch, shipment and recall number rules"))
    tree.command(group, "list", _numbering_list, N_("show each number rule with an example"))
    sub = tree.command(group, "set", _numbering_set, N_("change a number rule, e.g. 'lot.RAW_MATERIAL' "
                          "'R{yy}{doy}-{seq:04}'; placeholders {item} {yyyy} {yy} {mm} {dd} {doy} {seq:0N}"))
    sub.add_argument("scope", type=_scope, metavar="SCOPE", help=", ".join(DEFAULT_RULES))
    sub.add_argument("pattern", type=_pattern, metavar="PATTERN")
    sub.add_argument("--reason", required=True, help=N_("why the rule changes (kept in the audit trail)"))
    acting(sub)

    group = tree.nested("alert", N_("alerts raised by refused material issues"))
    tree.command(group, "list", _alert_list, N_("list the alerts nobody has acknowledged yet"))
    sub = tree.command(group, "ack", _alert_ack, N_("acknowledge an alert, saying what was done about it"))
    sub.add_argument("alert", type=whole_number(N_("alert number"), 1, 999_999_999), metavar="ALERT")
    sub.add_argument("--note", required=True, help=N_("what was done (e.g. the deviation number)"))
    acting(sub)


def _numbering_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        rules = numbering.list_rules(ctx.read_uow(), SYSTEM_ACTOR)
    print_table((N_("SCOPE"), N_("PATTERN"), N_("EXAMPLE")), [(r.scope, r.pattern, r.example) for r in rules])
    return 0


def _numbering_set(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise ValidationError(_("a reason is required to change a number rule"))
    with open_context(args) as ctx:
        view = numbering.set_rule(ctx.uow(), log_in(ctx, args.user), args.scope, args.pattern, args.reason)
    print(_("number rule {scope} is now {pattern} (next numbers look like {example})",
            scope=view.scope, pattern=view.pattern, example=view.example))
    return 0


def _alert_list(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        alerts = batches.open_alerts(ctx.read_uow(), SYSTEM_ACTOR)
    print_table((N_("ALERT"), N_("RAISED"), N_("BY"), N_("BATCH"), N_("LOT"), N_("MESSAGE")),
                [(str(a.id), local_time(a.raised_at), a.raised_by, a.batch_number or "", a.lot_number or "",
                  a.message) for a in alerts])
    return 0


def _alert_ack(args: argparse.Namespace) -> int:
    if not args.note.strip():
        raise ValidationError(_("say what was done about the alert"))
    with open_context(args) as ctx:
        view = batches.acknowledge_alert(ctx.uow(), log_in(ctx, args.user), args.alert, args.note)
    print(_("alert {id} acknowledged", id=view.id))
    return 0
