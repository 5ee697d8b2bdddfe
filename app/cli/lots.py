"""`batchtrace lot ...` and `batchtrace batch ...` (LOT-4..LOT-9, INT-2): receive and disposition lots, plan,
run and complete batches, for scripts and integrations. A status change that needs signatures (a release or a
rejection, SIG-5) is done by signing: `lot status L --to Released` applies the user's own signature, the next
one due (QC review, then QA approval), and the last one needed performs the change.

Commands that create a record print its number alone on standard output (`lot receive`, `batch plan`, and
`batch complete` one finished lot per line), so a script can capture it; `show` prints the details. Writes
log in with `--user` like every other command; `show` only reads and needs no log-in. Malformed input (dates,
quantities, status names, codes) is refused while parsing, and unknown codes or numbers before the log-in,
so neither asks for a password nor leaves anything in the database.
"""

from __future__ import annotations

import argparse
from enum import Enum

from app import batches, lots, masterdata, signatures, signing_rules, trace
from app.bootstrap import AppContext
from app.cli.support import (
    CommandTree,
    acting,
    amount,
    code,
    day,
    local_time,
    log_in,
    log_in_to_sign,
    open_context,
    print_fields,
    print_table,
    quantity,
    quoted_names,
    require_known,
    status,
)
from app.i18n import status_name
from app.signatures import SigningSession
from domain.batches import BatchStatus
from domain.errors import ValidationError
from domain.i18n import N_, _
from domain.lots import LotStatus
from domain.quantities import Unit
from domain.trace import NodeKind
from domain.users import SYSTEM_ACTOR

# What a person sets on a lot; Expired and Consumed are set by BatchTrace itself (LOT-5).
_LOT_TARGETS = (LotStatus.RELEASED, LotStatus.REJECTED, LotStatus.ON_HOLD, LotStatus.QUARANTINE)


def _unit(text: str) -> Unit:
    try:
        return Unit.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_commands(tree: CommandTree) -> None:
    lot = tree.nested("lot", N_("material and finished-goods lots"))
    sub = tree.command(lot, "receive", _lot_receive, N_("receive a lot into Quarantine; prints the lot number"))
    sub.add_argument("--item", required=True, type=code(N_("item")), metavar="CODE")
    sub.add_argument("--supplier", required=True, type=code(N_("supplier")), metavar="CODE")
    sub.add_argument("--supplier-lot", required=True, metavar="LOT", help=N_("the supplier's own lot number"))
    sub.add_argument("--qty", required=True, type=quantity, metavar="N")
    sub.add_argument("--unit", required=True, type=_unit, metavar="UNIT", help=", ".join(u.value for u in Unit))
    sub.add_argument("--mfg", type=day, metavar="YYYY-MM-DD", help=N_("manufacture date"))
    sub.add_argument("--expiry", type=day, metavar="YYYY-MM-DD",
                     help=N_("expiry date (default: manufacture date plus the item's shelf life)"))
    acting(sub)
    sub = tree.command(lot, "status", _lot_status, N_("release, reject, hold or return a lot to quarantine"))
    sub.add_argument("number", metavar="LOT")
    sub.add_argument("--to", required=True, type=status(LotStatus.parse, _LOT_TARGETS),
                     metavar="STATUS", help=quoted_names(s.value for s in _LOT_TARGETS))
    sub.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
    acting(sub)
    tree.command(lot, "show", _lot_show, N_("show a lot")).add_argument("number", metavar="LOT")

    batch = tree.nested("batch", N_("production batches"))
    sub = tree.command(batch, "plan", _batch_plan, N_("plan a batch from the effective master batch record; "
                          "prints the batch number"))
    sub.add_argument("--product", required=True, type=code(N_("item")), metavar="CODE")
    sub.add_argument("--qty", required=True, type=quantity, metavar="N", help=N_("in the product's unit"))
    acting(sub)
    sub = tree.command(batch, "start", _batch_start, N_("start production of a planned batch"))
    sub.add_argument("number", metavar="BATCH")
    acting(sub)
    for name, handler, text in (("issue", _batch_issue, N_("issue material from a lot to the batch, after the checks")),
                                ("return", _batch_return, N_("return unused material from the batch to its lot"))):
        sub = tree.command(batch, name, handler, text)
        sub.add_argument("number", metavar="BATCH")
        sub.add_argument("--lot", required=True, metavar="LOT")
        sub.add_argument("--qty", required=True, type=quantity, metavar="N", help=N_("in the lot's unit"))
        if name == "return":
            sub.add_argument("--reason", required=True, help=N_("why (kept in the audit trail)"))
        acting(sub)
    sub = tree.command(batch, "complete", _batch_complete, N_("complete the batch into finished lots; prints "
                          "the lot numbers, one per line"))
    sub.add_argument("number", metavar="BATCH")
    sub.add_argument("--produced", required=True, type=quantity, metavar="N")
    sub.add_argument("--split", type=quantity, nargs="+", action="extend", metavar="N",
                     help=N_("divide the produced quantity over several lots of these sizes"))
    acting(sub)
    sub = tree.command(batch, "status", _batch_status, N_("move a batch through its workflow: submit to QC, "
                          "pass to QA review, release, reject, hold, resume"))
    sub.add_argument("number", metavar="BATCH")
    sub.add_argument("--to", required=True, type=status(BatchStatus.parse), metavar="STATUS",
                     help=quoted_names(s.value for s in BatchStatus))
    sub.add_argument("--reason", help=N_("why (required for reject, hold and resume)"))
    acting(sub)
    tree.command(batch, "show", _batch_show, N_("show a batch: materials, issues and finished lots")).add_argument(
        "number", metavar="BATCH")


# --- lot -------------------------------------------------------------------------------------------------

def _lot_receive(args: argparse.Namespace) -> int:
    supplier_lot = " ".join(args.supplier_lot.split())
    if not supplier_lot:
        raise ValidationError(_("the supplier's lot number is required"))
    receipt = lots.Receipt(args.item, args.supplier, supplier_lot, args.qty, args.unit.value, args.mfg, args.expiry)
    with open_context(args) as ctx:
        require_known(ctx, item=args.item, supplier=args.supplier)
        view = lots.receive_lot(ctx.uow(), log_in(ctx, args.user), receipt)
    print(view.lot_number)
    return 0


def _lot_status(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        before = lots.get_lot(ctx.read_uow(), SYSTEM_ACTOR, args.number).status
        if _signed(ctx, "lot", before, args.to):
            return _sign(ctx, args, "lot", before)
        view = lots.change_lot_status(ctx.uow(), log_in(ctx, args.user), args.number, args.to, args.reason)
    print(_("lot {lot_number}: {before} -> {status}",
            lot_number=view.lot_number, before=status_name(before), status=status_name(view.status)))
    return 0


def _signed(ctx: AppContext, record_type: str, source: str, target: Enum) -> bool:
    """Whether moving from `source` to `target` is a signed transition at this site (SIG-5)."""
    return any((r.record_type, r.source, r.target) == (record_type, source, target.value)
               for r in signing_rules.signing_rules(ctx.read_uow(), SYSTEM_ACTOR))


def _sign(ctx: AppContext, args: argparse.Namespace, record_type: str, before: str) -> int:
    """A signed transition is done by signing, as in the desktop app: this user applies the signature that is
    next (re-authenticated with the password just given), and the last one needed performs the transition."""
    actor, password = log_in_to_sign(ctx, args.user)
    done = signatures.sign(ctx.uow(), ctx.auth, SigningSession(actor), record_type, args.number, args.to, password,
                           user_id_typed=actor.user_id, comment=args.reason)
    what = _("{record_type} {number}", record_type=_(record_type), number=args.number)
    print(_("{what}: signed the {requirement} ({meaning}) as {printed_name} ({user_id})",
            what=what, requirement=_(done.signature.requirement), meaning=_(done.signature.meaning),
            printed_name=actor.printed_name, user_id=actor.user_id))
    print(_("{what}: {summary}", what=what, summary=done.progress.summary()))
    if done.completed:
        print(_("{what}: {before} -> {status}", what=what, before=status_name(before),
                status=status_name(done.status)))
    return 0


def _lot_show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        view = lots.get_lot(ctx.read_uow(), SYSTEM_ACTOR, args.number)
        names = {i.code: i.name for i in masterdata.list_items(ctx.read_uow(), SYSTEM_ACTOR, include_inactive=True)}
        made_in = ""
        if view.batch_id is not None:
            back = trace.trace(ctx.read_uow(), SYSTEM_ACTOR, view.lot_number, "backward").backward
            made_in = ", ".join(ln.node.number for ln in (back.lines if back else ())
                                if ln.depth == 1 and ln.node.kind is NodeKind.BATCH)
        signed = signatures.signatures_for(ctx.read_uow(), SYSTEM_ACTOR, "lot", view.lot_number)
    origin = (_("received from supplier {supplier}, supplier lot {supplier_lot}", supplier=view.supplier_code,
                supplier_lot=view.supplier_lot) if view.supplier_code
              else _("produced in batch {batch}", batch=made_in))
    print_fields(_("lot {lot_number}", lot_number=view.lot_number), [
        (N_("item"), f"{view.item_code} {names.get(view.item_code, '')}".strip()),
        (N_("status"), status_name(view.status)),
        (N_("origin"), origin),
        (N_("quantity"), _("{quantity}, {on_hand} on hand", quantity=amount(view.quantity, view.unit),
                           on_hand=amount(view.on_hand, view.unit))),
        (N_("manufactured"), str(view.manufactured_on or "")),
        (N_("expires"), str(view.expires_on or "")),
        (N_("recorded"), local_time(view.created_at)),
    ])
    _print_signatures(signed)
    return 0


def manifestation(signature: signatures.SignatureView) -> str:
    """`SignatureView.manifestation` in the reader's language: the meaning and requirement translated, the name,
    user ID and time as signed."""
    text = _("{printed_name} ({user_id}), {meaning} ({requirement}), {time}", printed_name=signature.printed_name,
             user_id=signature.user_id, meaning=_(signature.meaning), requirement=_(signature.requirement),
             time=signature.local_at.strftime("%Y-%m-%d %H:%M %Z").strip())
    return text if signature.valid else _("{text}: INVALIDATED, the record changed after signing", text=text)


def _print_signatures(signed: list[signatures.SignatureView]) -> None:
    """Each signature with its manifestation: printed name, user ID, meaning, time, and whether it still
    holds for the record as it is now (SIG-2, SIG-3)."""
    if signed:
        print(_("\nsignatures:"))
        for signature in signed:
            print(f"  {manifestation(signature)}")


# --- batch -----------------------------------------------------------------------------------------------

def _batch_plan(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, item=args.product)
        view = batches.plan_batch(ctx.uow(), log_in(ctx, args.user), args.product, args.qty)
    print(view.batch_number)
    return 0


def _change_batch(args: argparse.Namespace, target: BatchStatus, reason: str | None) -> int:
    with open_context(args) as ctx:
        before = batches.get_batch(ctx.read_uow(), SYSTEM_ACTOR, args.number).batch.status
        if _signed(ctx, "batch", before, target):
            return _sign(ctx, args, "batch", before)
        view = batches.change_batch_status(ctx.uow(), log_in(ctx, args.user), args.number, target, reason)
    print(_("batch {batch_number}: {before} -> {status}",
            batch_number=view.batch_number, before=status_name(before), status=status_name(view.status)))
    return 0


def _batch_start(args: argparse.Namespace) -> int:
    return _change_batch(args, BatchStatus.IN_PRODUCTION, None)


def _batch_status(args: argparse.Namespace) -> int:
    return _change_batch(args, args.to, args.reason)


def _batch_issue(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, batch=args.number, lots=[args.lot])
        lot = lots.get_lot(ctx.read_uow(), SYSTEM_ACTOR, args.lot)
        view = batches.issue_material(ctx.uow(), log_in(ctx, args.user), args.number, args.lot, args.qty)
    print(_("issued {value} of {item_code} from lot {lot_number} to batch {number}",
            value=amount(view.quantity, lot.unit), item_code=view.item_code, lot_number=view.lot_number,
            number=args.number))
    return 0


def _batch_return(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, batch=args.number, lots=[args.lot])
        lot = lots.get_lot(ctx.read_uow(), SYSTEM_ACTOR, args.lot)
        view = batches.return_material(ctx.uow(), log_in(ctx, args.user), args.number, args.lot, args.qty,
                                       args.reason)
    print(_("returned {value} of {item_code} from batch {number} to lot {lot_number}",
            value=amount(view.quantity, lot.unit), item_code=view.item_code, number=args.number,
            lot_number=view.lot_number))
    return 0


def _batch_complete(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, batch=args.number)
        detail = batches.complete_batch(ctx.uow(), log_in(ctx, args.user), args.number, args.produced, args.split)
    for lot in detail.output_lots:
        print(lot.lot_number)
    return 0


def _batch_show(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        detail = batches.get_batch(ctx.read_uow(), SYSTEM_ACTOR, args.number)
        items = {i.code: i for i in masterdata.list_items(ctx.read_uow(), SYSTEM_ACTOR, include_inactive=True)}
        signed = signatures.signatures_for(ctx.read_uow(), SYSTEM_ACTOR, "batch", detail.batch.batch_number)
    b = detail.batch
    product = items.get(b.product_code)
    print_fields(_("batch {batch_number}", batch_number=b.batch_number), [
        (N_("product"), f"{b.product_code} {product.name if product else ''}".strip()),
        (N_("master record"), _("version {version}", version=b.mbr_version)),
        (N_("status"), status_name(b.status) + (_(" (held from {status})", status=status_name(b.held_from))
                                                 if b.held_from else "")),
        (N_("planned"), _("{quantity} at {time}", quantity=amount(b.planned_quantity, b.unit),
                          time=local_time(b.planned_at))),
        (N_("started"), local_time(b.started_at)),
        (N_("produced"), _("{quantity} at {time}", quantity=amount(b.produced_quantity, b.unit),
                           time=local_time(b.completed_at))
         if b.produced_quantity is not None else ""),
    ])

    def unit(item_code: str) -> str:
        return items[item_code].unit if item_code in items else ""

    print(_("\nbill of materials:"))
    print_table((N_("ITEM"), N_("REQUIRED"), N_("ALLOWED"), N_("ISSUED")),
                [(p.item_code, amount(p.required, unit(p.item_code)), f"{amount(p.low)}..{amount(p.high)}",
                  amount(p.issued, unit(p.item_code))) for p in detail.bom], indent="  ")
    if detail.issues:
        print(_("\nmaterial movements:"))
        print_table((N_("TIME"), N_("KIND"), N_("LOT"), N_("ITEM"), N_("QUANTITY"), N_("BY")),
                    [(local_time(i.at), _(i.kind), i.lot_number, i.item_code, amount(i.quantity, unit(i.item_code)),
                      i.by_user) for i in detail.issues], indent="  ")
    if detail.output_lots:
        print(_("\nfinished lots:"))
        print_table((N_("LOT"), N_("STATUS"), N_("QUANTITY"), N_("ON HAND"), N_("EXPIRES")),
                    [(lot.lot_number, status_name(lot.status), amount(lot.quantity, lot.unit),
                      amount(lot.on_hand, lot.unit),
                      str(lot.expires_on or "")) for lot in detail.output_lots], indent="  ")
    _print_signatures(signed)
    return 0
