"""`batchtrace ship` and `batchtrace recall ...` (LOT-9, TRC-4, INT-2): record shipments to customers, open a
recall from a lot with its traced scope frozen, track the customers' progress, export the recall.

As in `app.cli.lots`: `ship` and `recall open` print the new number alone; `recall show` and `recall export`
only read and need no log-in.
"""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from app import recalls, shipments, trace
from app.cli.support import (
    CommandTree,
    acting,
    amount,
    code,
    day,
    enum_parser,
    identifier,
    local_time,
    log_in,
    open_context,
    path,
    print_fields,
    print_table,
    quantity,
    require_known,
    status,
)
from app.i18n import status_name
from domain.errors import ValidationError
from domain.i18n import N_, _, one_of
from domain.inputs import shown
from domain.recall import NotificationStatus
from domain.trace import NodeKind
from domain.users import SYSTEM_ACTOR

_PROGRESS = (NotificationStatus.NOTIFIED, NotificationStatus.CONFIRMED, NotificationStatus.COMPLETED)
_KIND = {k.value: trace.KIND_LABEL[k] for k in NodeKind}


def _lot_and_quantity(text: str) -> tuple[str, Decimal]:
    number, sep, qty = text.rpartition(":")
    if not sep or not number.strip():
        raise argparse.ArgumentTypeError(_("'{shown}' is not LOT:QUANTITY, e.g. SYR5-26001-001:500",
                                           shown=shown(text)))
    return identifier(N_("lot number"))(number), quantity(qty)


def add_commands(tree: CommandTree) -> None:
    sub = tree.command(tree.top, "ship", _ship, N_("record a shipment of released finished lots to a customer; "
                          "prints the shipment number"))
    sub.add_argument("--customer", required=True, type=code(N_("customer")), metavar="CODE")
    sub.add_argument("--lot", required=True, action="append", type=_lot_and_quantity, metavar="LOT:QTY",
                     help=N_("a lot and the quantity shipped from it (repeat for several lots)"))
    sub.add_argument("--date", type=day, metavar="YYYY-MM-DD", help=N_("the ship date (default: today)"))
    acting(sub)

    recall = tree.nested("recall", N_("recalls"))
    sub = tree.command(recall, "open", _recall_open, N_("open a recall from a lot: freezes the forward trace, holds "
                          "affected stock and batches, lists the customers to notify; prints the recall number"))
    sub.add_argument("lot", metavar="LOT")
    sub.add_argument("--reason", required=True, help=N_("the trigger: what was found, by whom"))
    acting(sub)
    tree.command(recall, "show", _recall_show, N_("show a recall: customers, progress and the frozen scope")
                 ).add_argument("number", metavar="RECALL")
    sub = tree.command(recall, "progress", _recall_progress, N_("record a customer's progress: notified, confirmed, "
                          "completed"))
    sub.add_argument("number", metavar="RECALL")
    sub.add_argument("--customer", required=True, type=code(N_("customer")), metavar="CODE")
    sub.add_argument("--to", required=True, metavar="STATUS", help=one_of(s.value for s in _PROGRESS),
                     type=status(enum_parser(NotificationStatus, N_("recall progress")), _PROGRESS))
    sub.add_argument("--returned", type=quantity, metavar="N", help=N_("quantity the customer returned so far"))
    sub.add_argument("--reason", required=True, help=N_("what happened (kept in the audit trail)"))
    acting(sub)
    sub = tree.command(recall, "export", _recall_export, N_("export a recall (customers and scope) to CSV"))
    sub.add_argument("number", metavar="RECALL")
    sub.add_argument("--out", required=True, type=path, metavar="FILE.csv", help=N_("the file; its folder must exist"))


def _ship(args: argparse.Namespace) -> int:
    lines = [shipments.ShipmentLineInput(number, qty) for number, qty in args.lot]
    with open_context(args) as ctx:
        require_known(ctx, customer=args.customer, lots=[line.lot_number for line in lines])
        view = shipments.ship(ctx.uow(), log_in(ctx, args.user), args.customer, args.date, lines)
    print(view.shipment_number)
    return 0


def _recall_open(args: argparse.Namespace) -> int:
    if not args.reason.strip():
        raise ValidationError(_("a recall needs its reason (what was found, by whom)"))
    with open_context(args) as ctx:
        require_known(ctx, lots=[args.lot])
        view = recalls.open_recall(ctx.uow(), log_in(ctx, args.user), args.lot, args.reason)
    print(view.recall_number)
    return 0


def _recall_progress(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, recall=args.number)
        view = recalls.record_progress(ctx.uow(), log_in(ctx, args.user), args.number, args.customer, args.to,
                                       args.reason, args.returned)
    done, total = view.progress
    print(_("recall {recall_number}: customer {customer} is {value}; {done} of {total} "
            "customers completed",
            recall_number=view.recall_number, customer=args.customer, value=status_name(args.to.value),
            done=done,
            total=total))
    return 0


def _recall_show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = recalls.get_recall(ctx.read_uow(), SYSTEM_ACTOR, args.number)
    done, total = view.progress
    print_fields(_("recall {recall_number}", recall_number=view.recall_number), [
        (N_("status"), status_name(view.status)),
        (N_("trigger lot"), view.trigger_lot_number),
        (N_("reason"), view.reason),
        (N_("opened"), local_time(view.opened_at)),
        (N_("closed"), local_time(view.closed_at)),
        (N_("progress"), _("{done} of {total} customers completed", done=done, total=total)),
    ])
    print(_("\ncustomers to notify:"))
    print_table((N_("CUSTOMER"), N_("NAME"), N_("SHIPMENTS"), N_("QUANTITY"), N_("RETURNED"), N_("STATUS")),
                [(c.customer_code, c.customer_name, c.shipments, amount(c.quantity), amount(c.returned_quantity),
                  status_name(c.status)) for c in view.customers], indent="  ")
    print(_("\nscope at opening:"))
    print_table((N_("DEPTH"), N_("KIND NUMBER"), N_("ITEM"), N_("QUANTITY"), N_("STATUS AT OPENING"), N_("ACTION")),
                [(str(s.depth), "  " * s.depth + f"{_(_KIND.get(s.kind, s.kind))} {s.number}", s.item_code or "",
                  amount(s.quantity, s.unit), status_name(s.status_at_open or ""), _(s.action))
                 for s in view.scope], indent="  ")
    return 0


def _recall_export(args: argparse.Namespace) -> int:
    out: Path = args.out
    if out.is_dir():
        raise ValidationError(_("{out} is a folder: give a file name such as recall.csv", out=out))
    if not out.parent.is_dir():
        raise ValidationError(_("folder {parent} does not exist", parent=out.parent))
    with open_context(args) as ctx:
        view = recalls.get_recall(ctx.read_uow(), SYSTEM_ACTOR, args.number)
    recalls.export_recall_csv(view, out)
    print(_("exported recall {recall_number} ({count} customers, {count2} scope lines) to "
            "{out}",
            recall_number=view.recall_number, count=len(view.customers), count2=len(view.scope), out=out))
    return 0
