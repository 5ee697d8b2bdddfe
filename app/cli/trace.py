"""`batchtrace trace` and `batchtrace search` (TRC-1, TRC-2, INT-2): read-only, so no log-in.

A trace prints as an indented tree per direction (`table`), as JSON with a stable shape for integrations, or
as the same CSV the desktop app exports. The JSON is

    {"root": NODE, "backward": [LINE, ...] | null, "forward": [LINE, ...] | null}

where NODE has kind, number, item, status, quantity (a string: what the lot holds, the batch produced),
unit, supplier, supplier_lot, customer, customer_name and date (lot expiry, shipment date), and each LINE has
depth, path (the numbers from the root), the NODE fields with quantity and unit being what flowed along the
path from the line above (null on the root line, as in the CSV), and repeated (true when the node was already
listed in full by another path). A direction not asked for is null; so is any absent value.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import Any

from app import trace
from app.cli.support import CommandTree, UsageError, amount, open_context, path, print_table, whole_number
from app.i18n import status_name
from domain.errors import NotFound, ValidationError
from domain.i18n import N_, _
from domain.quantities import fmt
from domain.trace import Direction, NodeInfo, NodeKind, TraceLine, TraceResult
from domain.trace_scope import TraceScope
from domain.users import SYSTEM_ACTOR

_WHAT = {Direction.BACKWARD: N_("where it came from"), Direction.FORWARD: N_("where it went")}
_DIRECTION = {Direction.BACKWARD: N_("Backward"), Direction.FORWARD: N_("Forward")}


def add_commands(tree: CommandTree) -> None:
    sub = tree.command(tree.top, "trace", _trace, N_("trace a lot, batch, shipment or supplier lot backward to its "
                          "materials and suppliers and forward to batches, finished lots and customers"))
    sub.add_argument("number", metavar="NUMBER", help=N_("a lot, batch, shipment or supplier-lot number"))
    sub.add_argument("--direction", choices=("forward", "backward", "both"), default="both",
                     help=N_("backward, forward or both (default)"))
    sub.add_argument("--format", choices=("table", "json", "csv"),
                     help=N_("an indented tree (default), JSON, or CSV as the desktop app exports it"))
    sub.add_argument("--out", type=path, metavar="FILE.csv",
                     help=N_("write the CSV to this file (implies --format csv)"))
    find = tree.command(tree.top, "search", _search, N_("find lots, batches, shipments and supplier lots by number "
                           "(exact matches first, then numbers that start with TEXT)"))
    find.add_argument("text", metavar="TEXT")
    find.add_argument("--limit", type=whole_number(N_("--limit"), 1, 1000), default=20,
                      help=N_("at most this many (1 to 1000, default 20)"))


def _trace(args: argparse.Namespace) -> int:
    out: Path | None = args.out
    form = args.format or ("csv" if out is not None else "table")
    if out is not None:
        if form != "csv":
            raise UsageError(_("--out writes a CSV file, not {form}", form=form))
        if out.is_dir():
            raise ValidationError(_("{out} is a folder: give a file name such as trace.csv", out=out))
        if not out.parent.is_dir():
            raise ValidationError(_("folder {parent} does not exist", parent=out.parent))
    with open_context(args) as ctx:
        if form == "json":
            print(json.dumps(as_json(trace.trace(ctx.read_uow(), SYSTEM_ACTOR, args.number, args.direction)),
                             indent=2, ensure_ascii=False))
            return 0
        lines = trace.trace_lines(ctx.read_uow(), SYSTEM_ACTOR, args.number, args.direction)
        scopes = [] if form == "csv" else [
            trace.trace_scope(ctx.read_uow(), SYSTEM_ACTOR, args.number, d.value) for d in lines.directions]
    if out is not None:
        exported = trace.export_trace_csv_lines(lines, out)
        print(_("exported the trace of {label} ({lines} lines) to {out}",
                label=_label(lines.root), lines=exported.lines, out=out))
    elif form == "csv":
        trace.write_csv_rows(csv.writer(sys.stdout, lineterminator="\n"), lines)
    else:
        print_tree(lines, scopes)
    return 0


def _search(args: argparse.Namespace) -> int:
    with open_context(args) as ctx:
        found = trace.search(ctx.read_uow(), SYSTEM_ACTOR, args.text, args.limit)
    if not found:
        raise NotFound(_("no lot, batch, shipment or supplier lot matches '{strip}'", strip=args.text.strip()))
    print_table((N_("KIND"), N_("NUMBER"), N_("ITEM"), N_("STATUS"), N_("SUPPLIER LOT"), N_("CUSTOMER")),
                [(_(trace.KIND_LABEL[n.kind]), n.number, n.item_code or "", status_name(n.status or ""),
                  n.supplier_lot or "",
                  n.customer_code or "") for n in found])
    return 0


# --- JSON ------------------------------------------------------------------------------------------------

def _node_fields(node: NodeInfo) -> dict[str, Any]:
    return {
        "kind": trace.KIND_LABEL[node.kind], "number": node.number, "item": node.item_code, "status": node.status,
        "quantity": None if node.quantity is None else fmt(node.quantity), "unit": node.unit,
        "supplier": node.supplier_code, "supplier_lot": node.supplier_lot, "customer": node.customer_code,
        "customer_name": node.customer_name, "date": node.on_date,
    }


def _line_fields(line: TraceLine) -> dict[str, Any]:
    fields = _node_fields(line.node)
    # What flowed along the path, in the unit of the lot at that edge; the root line has none (as in the CSV)
    fields["quantity"] = None if line.quantity is None else fmt(line.quantity)
    if line.quantity is not None:
        fields["unit"] = line.unit
    return {"depth": line.depth, "path": list(line.path), **fields, "repeated": line.repeated}


def as_json(result: trace.Trace) -> dict[str, Any]:
    def lines(r: TraceResult | None) -> list[dict[str, Any]] | None:
        return None if r is None else [_line_fields(line) for line in r.lines]

    return {"root": _node_fields(result.root), "backward": lines(result.backward), "forward": lines(result.forward)}


# --- the tree ----------------------------------------------------------------------------------------------

def _label(node: NodeInfo) -> str:
    return _("{kind} {number}", kind=_(trace.KIND_LABEL[node.kind].lower()), number=node.number)


def _details(node: NodeInfo) -> tuple[str, str]:
    """(supplier / supplier lot, customer)."""
    supplier = " / ".join(x for x in (node.supplier_code, node.supplier_lot) if x)
    customer = " ".join(x for x in (node.customer_code, node.customer_name) if x)
    return supplier, customer


def _tree_row(line: TraceLine) -> tuple[str, ...]:
    node = line.node
    name = "  " * line.depth + f"{_(trace.KIND_LABEL[node.kind])} {node.number}"
    if line.repeated:
        return (str(line.depth), _("{name} (see above)", name=name), "", "", amount(line.quantity, line.unit), "",
                "", "")
    # the first line holds the node's own quantity (on hand, produced); below, what flowed from the line above
    qty = amount(node.quantity, node.unit) if line.depth == 0 else amount(line.quantity, line.unit)
    supplier, customer = _details(node)
    return (str(line.depth), name, node.item_code or "", status_name(node.status or ""), qty, supplier, customer,
            node.on_date or "")


def _summary(scope: TraceScope) -> str:
    """The scope as the Trace page shows it: counted by the database, the root left out."""
    finished = _(" ({n} finished)", n=scope.finished_lots) if scope.finished_lots else ""
    counts = [(_(one, n=n) if n == 1 else _(many, n=n)) + more for n, one, many, more in (
        (scope.batches, N_("{n} batch"), N_("{n} batches"), ""), (scope.lots, N_("{n} lot"), N_("{n} lots"), finished),
        (scope.shipments, N_("{n} shipment"), N_("{n} shipments"), "")) if n]
    text = ", ".join(counts) or _("nothing")
    root = scope.root
    if not counts and scope.direction is Direction.BACKWARD and root.supplier_code:
        text = _("received from supplier {supplier}, supplier lot {supplier_lot}", supplier=root.supplier_code,
                 supplier_lot=root.supplier_lot)
    elif scope.direction is Direction.BACKWARD and scope.suppliers:
        text += _("; suppliers {codes}", codes=", ".join(s.code for s in scope.suppliers))
    elif scope.customers:
        text += _("; customers {codes}", codes=", ".join(scope.customer_codes))
    return text


def _dated(node: NodeInfo) -> str:
    if not node.on_date:
        return ""
    if node.kind is NodeKind.SHIPMENT:
        return _("shipped {date}", date=node.on_date)
    return _("expires {date}", date=node.on_date)


def print_tree(lines: trace.TraceLines, scopes: list[TraceScope]) -> None:
    root = lines.root
    supplier, customer = _details(root)
    facts = [x for x in (root.item_code, status_name(root.status or ""), amount(root.quantity, root.unit),
                         _("supplier {supplier}", supplier=supplier) if supplier else "",
                         _("customer {customer}", customer=customer) if customer else "", _dated(root)) if x]
    print(_("{kind} {number}: {facts}", kind=_(trace.KIND_LABEL[root.kind]), number=root.number,
            facts=", ".join(facts)))
    for direction, scope in zip(lines.directions, scopes, strict=True):
        print()
        print(_("{direction} trace ({what}): {summary}",
                direction=_(_DIRECTION[direction]), what=_(_WHAT[direction]), summary=_summary(scope)))
        if scope.customers:
            print_table((N_("CUSTOMER"), N_("NAME"), N_("QUANTITY"), N_("SHIPMENTS")),
                        [(c.code, c.name, amount(c.quantity, c.unit), str(c.shipments)) for c in scope.customers],
                        indent="  ")
            print()
        print_table((N_("DEPTH"), N_("KIND NUMBER"), N_("ITEM"), N_("STATUS"), N_("QUANTITY"), N_("SUPPLIER / LOT"),
                     N_("CUSTOMER"), N_("DATE")),
                    (_tree_row(line) for line in lines.walk(direction)), indent="  ")
