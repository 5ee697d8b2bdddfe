"""Trace (TRC-1..TRC-3): forward and backward from any lot, batch or shipment number; global search.

Three readings of one trace, for three needs: `start_trace` and `trace_children`, the tree a level at a time
as the Trace page opens it; `trace_scope`, what is affected, counted and summed by the database; and the
whole tree, depth first, for an export (`export_trace_csv`, streamed) or a small trace in memory (`trace`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.csv_files import csv_written_atomically
from app.ports import UnitOfWork
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.quantities import fmt
from domain.trace import (
    PAGE_SIZE,
    ChildPage,
    Direction,
    EdgeRow,
    NodeInfo,
    NodeKey,
    NodeKind,
    TraceLine,
    TraceResult,
    build_trace,
    walk_tree,
)
from domain.trace_scope import TraceScope
from domain.users import Actor

KIND_LABEL = {NodeKind.LOT: "Lot", NodeKind.BATCH: "Batch", NodeKind.SHIPMENT: "Shipment"}
_DIRECTIONS = {"both": (Direction.BACKWARD, Direction.FORWARD), "forward": (Direction.FORWARD,),
               "backward": (Direction.BACKWARD,)}


@dataclass(frozen=True)
class Trace:
    root: NodeInfo
    forward: TraceResult | None
    backward: TraceResult | None

    def results(self) -> list[TraceResult]:
        return [r for r in (self.backward, self.forward) if r is not None]


@dataclass(frozen=True)
class TraceStart:
    """What the Trace page shows first: the root and its first level in each direction asked for."""

    root: NodeInfo
    levels: tuple[ChildPage, ...]  # backward first, then forward


def directions(direction: str) -> tuple[Direction, ...]:
    found = _DIRECTIONS.get(direction)
    if found is None:
        raise ValidationError(_("direction must be forward, backward or both, not '{direction}'", direction=direction))
    return found


def search(uow: UnitOfWork, actor: Actor, text: str, limit: int = 20) -> list[NodeInfo]:
    """Find any lot, batch, shipment or supplier-lot number (exact matches first)."""
    with uow.acting_as(actor) as tx:
        return tx.genealogy.find(text, limit)


def start_trace(uow: UnitOfWork, actor: Actor, number: str, direction: str = "both") -> TraceStart:
    wanted = directions(direction)
    with uow.acting_as(actor) as tx:
        root = _resolve(tx, number)
        return TraceStart(root, tuple(tx.genealogy.children(root, d, 0, PAGE_SIZE) for d in wanted))


def trace_children(uow: UnitOfWork, actor: Actor, parent: NodeInfo, direction: Direction, offset: int = 0,
                   limit: int = PAGE_SIZE) -> ChildPage:
    """The next `limit` children of a node of the tree, from `offset`, in tree order."""
    if offset < 0 or limit < 1:
        raise ValidationError(_("a page of children starts at 0 or later and holds at least one"))
    with uow.acting_as(actor) as tx:
        return tx.genealogy.children(parent, direction, offset, limit)


def trace_scope(uow: UnitOfWork, actor: Actor, number: str, direction: str = "forward") -> TraceScope:
    """What a trace reaches, counted and summed by the database: the same scope on screen, on the command
    line and in a recall."""
    if direction not in ("forward", "backward"):
        raise ValidationError(_("a scope is forward or backward, not '{direction}'", direction=direction))
    with uow.acting_as(actor) as tx:
        root = _resolve(tx, number)
        return tx.genealogy.scope(root, Direction(direction))


def trace(uow: UnitOfWork, actor: Actor, number: str, direction: str = "both") -> Trace:
    """The whole tree in memory: for small traces and the JSON output; exports stream (`trace_lines`)."""
    wanted = directions(direction)
    with uow.acting_as(actor) as tx:
        root = _resolve(tx, number)
        graphs = {d: tx.genealogy.trace(root.key, forward=d is Direction.FORWARD) for d in wanted}
    results = {d: build_trace(root, d, edges, nodes) for d, (edges, nodes) in graphs.items()}
    return Trace(root, results.get(Direction.FORWARD), results.get(Direction.BACKWARD))


@dataclass(frozen=True)
class TraceLines:
    """The whole tree of a trace, read from the database once and walked when iterated: each line is made
    as it is written out, so an export holds the graph (a small tuple per edge) but never its lines."""

    root: NodeInfo
    graphs: tuple[tuple[Direction, list[EdgeRow], dict[NodeKey, NodeInfo]], ...]

    @property
    def directions(self) -> tuple[Direction, ...]:
        return tuple(direction for direction, _edges, _nodes in self.graphs)

    def walk(self, direction: Direction) -> Iterator[TraceLine]:
        for wanted, edges, nodes in self.graphs:
            if wanted is direction:
                nodes.setdefault(self.root.key, self.root)
                yield from walk_tree(self.root, direction, edges, nodes.get)

    def __iter__(self) -> Iterator[tuple[Direction, TraceLine]]:
        for direction in self.directions:
            for line in self.walk(direction):
                yield direction, line


def trace_lines(uow: UnitOfWork, actor: Actor, number: str, direction: str = "both") -> TraceLines:
    wanted = directions(direction)
    with uow.acting_as(actor) as tx:
        root = _resolve(tx, number)
        return TraceLines(root, tuple((d, *tx.genealogy.trace(root.key, forward=d is Direction.FORWARD))
                                      for d in wanted))


def _resolve(tx: UnitOfWork, number: str) -> NodeInfo:
    number = number.strip()
    if not number:
        raise ValidationError(_("give a lot, batch or shipment number"))
    exact = [n for n in tx.genealogy.find(number, 50) if n.number == number or n.supplier_lot == number]
    own = [n for n in exact if n.number == number]
    if len(own) == 1:
        return own[0]
    if not own and len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        found = ", ".join(f"{KIND_LABEL[n.kind].lower()} {n.number}" for n in exact[:10])
        raise ValidationError(_("'{number}' matches several records ({found}): give the exact lot or batch number",
                                number=number, found=found))
    raise NotFound(_("no lot, batch, shipment or supplier lot '{number}'", number=number))


CSV_COLUMNS = ("direction", "depth", "path", "kind", "number", "item", "status", "quantity", "unit",
               "supplier", "supplier_lot", "customer", "customer_name", "date", "repeated")


def csv_row(direction: str, line: TraceLine, amounts: dict[Decimal, str] | None = None) -> tuple[str, ...]:
    """One line of the tree as CSV; `amounts` keeps each quantity's text (the same ones recur thousands of times)."""
    n = line.node
    quantity = ""
    if line.quantity is not None:
        quantity = amounts.get(line.quantity, "") if amounts is not None else ""
        if not quantity:
            quantity = fmt(line.quantity)
            if amounts is not None:
                amounts[line.quantity] = quantity
    return (
        direction, str(line.depth), " > ".join(line.path), KIND_LABEL[n.kind], n.number,
        n.item_code or "", n.status or "", quantity,
        (n.unit if line.quantity is None else line.unit) or "", n.supplier_code or "", n.supplier_lot or "",
        n.customer_code or "", n.customer_name or "", n.on_date or "", "yes" if line.repeated else "",
    )


def write_csv_rows(writer: Any, lines: TraceLines) -> int:
    """The header and one row per line, written as the tree is walked; the number of lines."""
    writer.writerow(CSV_COLUMNS)
    count = 0
    amounts: dict[Decimal, str] = {}
    for direction in lines.directions:
        name = direction.value
        for line in lines.walk(direction):
            writer.writerow(csv_row(name, line, amounts))
            count += 1
    return count


@dataclass(frozen=True)
class ExportedTrace:
    path: Path
    lines: int


def export_trace_csv(uow: UnitOfWork, actor: Actor, number: str, direction: str, out: Path) -> ExportedTrace:
    """Write the whole tree of the trace as CSV, streamed; the file appears whole or not at all."""
    return export_trace_csv_lines(trace_lines(uow, actor, number, direction), out)


def export_trace_csv_lines(lines: TraceLines, out: Path) -> ExportedTrace:
    with csv_written_atomically(out) as writer:
        count = write_csv_rows(writer, lines)
    return ExportedTrace(Path(out), count)
