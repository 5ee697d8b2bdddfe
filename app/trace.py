"""Trace (TRC-1..TRC-3): forward and backward from any lot, batch or shipment number; global search."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.csv_files import csv_written_atomically
from app.ports import UnitOfWork
from domain.errors import NotFound, ValidationError
from domain.quantities import fmt
from domain.trace import Direction, NodeInfo, NodeKind, TraceResult, build_trace, gc_paused
from domain.users import Actor

KIND_LABEL = {NodeKind.LOT: "Lot", NodeKind.BATCH: "Batch", NodeKind.SHIPMENT: "Shipment"}


@dataclass(frozen=True)
class Trace:
    root: NodeInfo
    forward: TraceResult | None
    backward: TraceResult | None

    def results(self) -> list[TraceResult]:
        return [r for r in (self.backward, self.forward) if r is not None]


def search(uow: UnitOfWork, actor: Actor, text: str, limit: int = 20) -> list[NodeInfo]:
    """Find any lot, batch, shipment or supplier-lot number (exact matches first)."""
    with uow.acting_as(actor) as tx:
        return tx.genealogy.find(text, limit)


def trace(uow: UnitOfWork, actor: Actor, number: str, direction: str = "both") -> Trace:
    if direction not in ("forward", "backward", "both"):
        raise ValidationError(f"direction must be forward, backward or both, not '{direction}'")
    with uow.acting_as(actor) as tx, gc_paused():  # a trace can be tens of thousands of objects: see gc_paused
        root = _resolve(tx, number)
        forward = backward = None
        if direction in ("forward", "both"):
            edges, nodes = tx.genealogy.trace(root.key, forward=True)
            forward = build_trace(root, Direction.FORWARD, edges, nodes)
        if direction in ("backward", "both"):
            edges, nodes = tx.genealogy.trace(root.key, forward=False)
            backward = build_trace(root, Direction.BACKWARD, edges, nodes)
        return Trace(root, forward, backward)


def _resolve(tx: UnitOfWork, number: str) -> NodeInfo:
    number = number.strip()
    if not number:
        raise ValidationError("give a lot, batch or shipment number")
    exact = [n for n in tx.genealogy.find(number, 50) if n.number == number or n.supplier_lot == number]
    own = [n for n in exact if n.number == number]
    if len(own) == 1:
        return own[0]
    if not own and len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        found = ", ".join(f"{KIND_LABEL[n.kind].lower()} {n.number}" for n in exact[:10])
        raise ValidationError(f"'{number}' matches several records ({found}): give the exact lot or batch number")
    raise NotFound(f"no lot, batch, shipment or supplier lot '{number}'")


CSV_COLUMNS = ("direction", "depth", "path", "kind", "number", "item", "status", "quantity", "unit",
               "supplier", "supplier_lot", "customer", "customer_name", "date", "repeated")


def rows(result: TraceResult) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for line in result.lines:
        n = line.node
        out.append((
            result.direction.value, str(line.depth), " > ".join(line.path), KIND_LABEL[n.kind], n.number,
            n.item_code or "", n.status or "", "" if line.quantity is None else fmt(line.quantity),
            (n.unit if line.quantity is None else line.unit) or "", n.supplier_code or "", n.supplier_lot or "",
            n.customer_code or "", n.customer_name or "", n.on_date or "", "yes" if line.repeated else "",
        ))
    return out


def export_trace_csv(result: Trace, out: Path) -> Path:
    """Write the trace as CSV; the file appears whole or not at all."""
    with csv_written_atomically(out) as writer:
        writer.writerow(CSV_COLUMNS)
        for r in result.results():
            writer.writerows(rows(r))
    return Path(out)
