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
    require_known,
    status,
)
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
    lot = tree.nested("lot", "material and finished-goods lots")
    sub = tree.command(lot, "receive", _lot_receive, "receive a lot into Quarantine; prints the lot number")
    sub.add_argument("--item", required=True, type=code(N_("item")), metavar="CODE")
    sub.add_argument("--supplier", required=True, type=code(N_("supplier")), metavar="CODE")
    sub.add_argument("--supplier-lot", required=True, metavar="LOT", help="the supplier's own lot number")
    sub.add_argument("--qty", required=True, type=quantity, metavar="N")
    sub.add_argument("--unit", required=True, type=_unit, metavar="UNIT", help=", ".join(u.value for u in Unit))
    sub.add_argument("--mfg", type=day, metavar="YYYY-MM-DD", help="manufacture date")
    sub.add_argument("--expiry", type=day, metavar="YYYY-MM-DD",
                     help="expiry date (default: manufacture date plus the item's shelf life)")
    acting(sub)
    sub = tree.command(lot, "status", _lot_status, "release, reject, hold or return a lot to quarantine")
    sub.add_argument("number", metavar="LOT")
    sub.add_argument("--to", required=True, type=status(LotStatus.parse, _LOT_TARGETS),
                     metavar="STATUS", help=", ".join(f'"{s.value}"' for s in _LOT_TARGETS))
    sub.add_argument("--reason", required=True, help="why (kept in the audit trail)")
    acting(sub)
    tree.command(lot, "show", _lot_show, "show a lot").add_argument("number", metavar="LOT")

    batch = tree.nested("batch", "production batches")
    sub = tree.command(batch, "plan", _batch_plan, "plan a batch from the effective master batch record; "
                       "prints the batch number")
    sub.add_argument("--product", required=True, type=code(N_("item")), metavar="CODE")
    sub.add_argument("--qty", required=True, type=quantity, metavar="N", help="in the product's unit")
    acting(sub)
    sub = tree.command(batch, "start", _batch_start, "start production of a planned batch")
    sub.add_argument("number", metavar="BATCH")
    acting(sub)
    for name, handler, text in (("issue", _batch_issue, "issue material from a lot to the batch, after the checks"),
                                ("return", _batch_return, "return unused material from the batch to its lot")):
        sub = tree.command(batch, name, handler, text)
        sub.add_argument("number", metavar="BATCH")
        sub.add_argument("--lot", required=True, metavar="LOT")
        sub.add_argument("--qty", required=True, type=quantity, metavar="N", help="in the lot's unit")
        if name == "return":
            sub.add_argument("--reason", required=True, help="why (kept in the audit trail)")
        acting(sub)
    sub = tree.command(batch, "complete", _batch_complete, "complete the batch into finished lots; prints "
                       "the lot numbers, one per line")
    sub.add_argument("number", metavar="BATCH")
    sub.add_argument("--produced", required=True, type=quantity, metavar="N")
    sub.add_argument("--split", type=quantity, nargs="+", action="extend", metavar="N",
                     help="divide the produced quantity over several lots of these sizes")
    acting(sub)
    sub = tree.command(batch, "status", _batch_status, "move a batch through its workflow: submit to QC, "
                       "pass to QA review, release, reject, hold, resume")
    sub.add_argument("number", metavar="BATCH")
    sub.add_argument("--to", required=True, type=status(BatchStatus.parse), metavar="STATUS",
                     help=", ".join(f'"{s.value}"' for s in BatchStatus))
    sub.add_argument("--reason", help="why (required for reject, hold and resume)")
    acting(sub)
    tree.command(batch, "show", _batch_show, "show a batch: materials, issues and finished lots").add_argument(
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
    print(f"lot {view.lot_number}: {before} -> {view.status}")
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
    what = f"{record_type} {args.number}"
    print(f"{what}: signed the {done.signature.requirement} ({done.signature.meaning}) as "
          f"{actor.printed_name} ({actor.user_id})")
    print(f"{what}: {done.progress.summary()}")
    if done.completed:
        print(f"{what}: {before} -> {done.status}")
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
    origin = (f"received from supplier {view.supplier_code}, supplier lot {view.supplier_lot}"
              if view.supplier_code else f"produced in batch {made_in}")
    print_fields(f"lot {view.lot_number}", [
        ("item", f"{view.item_code} {names.get(view.item_code, '')}".strip()),
        ("status", view.status),
        ("origin", origin),
        ("quantity", f"{amount(view.quantity, view.unit)}, {amount(view.on_hand, view.unit)} on hand"),
        ("manufactured", str(view.manufactured_on or "")),
        ("expires", str(view.expires_on or "")),
        ("recorded", local_time(view.created_at)),
    ])
    _print_signatures(signed)
    return 0


def _print_signatures(signed: list[signatures.SignatureView]) -> None:
    """Each signature with its manifestation: printed name, user ID, meaning, time, and whether it still
    holds for the record as it is now (SIG-2, SIG-3)."""
    if signed:
        print("\nsignatures:")
        for signature in signed:
            print(f"  {signature.manifestation()}")


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
    print(f"batch {view.batch_number}: {before} -> {view.status}")
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
    print(f"issued {amount(view.quantity, lot.unit)} of {view.item_code} from lot {view.lot_number} "
          f"to batch {args.number}")
    return 0


def _batch_return(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        require_known(ctx, batch=args.number, lots=[args.lot])
        lot = lots.get_lot(ctx.read_uow(), SYSTEM_ACTOR, args.lot)
        view = batches.return_material(ctx.uow(), log_in(ctx, args.user), args.number, args.lot, args.qty,
                                       args.reason)
    print(f"returned {amount(view.quantity, lot.unit)} of {view.item_code} from batch {args.number} "
          f"to lot {view.lot_number}")
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
    print_fields(f"batch {b.batch_number}", [
        ("product", f"{b.product_code} {product.name if product else ''}".strip()),
        ("master record", f"version {b.mbr_version}"),
        ("status", b.status + (f" (held from {b.held_from})" if b.held_from else "")),
        ("planned", f"{amount(b.planned_quantity, b.unit)} at {local_time(b.planned_at)}"),
        ("started", local_time(b.started_at)),
        ("produced", f"{amount(b.produced_quantity, b.unit)} at {local_time(b.completed_at)}"
         if b.produced_quantity is not None else ""),
    ])

    def unit(item_code: str) -> str:
        return items[item_code].unit if item_code in items else ""

    print("\nbill of materials:")
    print_table(("ITEM", "REQUIRED", "ALLOWED", "ISSUED"),
                [(p.item_code, amount(p.required, unit(p.item_code)), f"{amount(p.low)}..{amount(p.high)}",
                  amount(p.issued, unit(p.item_code))) for p in detail.bom], indent="  ")
    if detail.issues:
        print("\nmaterial movements:")
        print_table(("TIME", "KIND", "LOT", "ITEM", "QUANTITY", "BY"),
                    [(local_time(i.at), i.kind, i.lot_number, i.item_code, amount(i.quantity, unit(i.item_code)),
                      i.by_user) for i in detail.issues], indent="  ")
    if detail.output_lots:
        print("\nfinished lots:")
        print_table(("LOT", "STATUS", "QUANTITY", "ON HAND", "EXPIRES"),
                    [(lot.lot_number, lot.status, amount(lot.quantity, lot.unit), amount(lot.on_hand, lot.unit),
                      str(lot.expires_on or "")) for lot in detail.output_lots], indent="  ")
    _print_signatures(signed)
    return 0
