"""What `trace_site.py` times on the site, in a fresh process opened as a station opens it (`open_context`).

Cases (the app's use case, and where there is one the identical statement bare on the DB-API cursor of the
same pooled connection, all rows fetched: the floor the app cannot go under):

  first level       app.trace.start_trace(..., <most-used raw lot>, "forward"): resolve, first page of 200
  scope             app.trace.trace_scope(..., "forward"): counted and summed by the database
  summary + level   both, one after the other, as the Trace page asks for them
  backward          app.trace.trace(..., <finished lot>, "backward"): the whole tree in memory
  export            app.trace.export_trace_csv(..., "forward"): the whole tree of the raw lot, streamed to CSV
  recall open       app.recalls.open_recall(...) for the raw lot (statuses put back after each run)
  lookup            app.trace.search(...) for a lot number and a supplier-lot number

and checks that the scope counted by the database equals the scope of the whole tree walked in memory (the
raw lot, and a spread of received and finished lots).
"""

from __future__ import annotations

import csv
import math
import os
import statistics
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, text

from app import bootstrap, recalls
from app.settings import Settings
from app.trace import csv_row, export_trace_csv, search, start_trace, trace, trace_lines, trace_scope
from domain.trace import NodeKind
from domain.users import SYSTEM_ACTOR, Actor, Role
from persistence.trace_queries import CHILDREN_SQL, GRAPH_SQL, SCOPE_SQL, driver_sql

TARGETS_MS = {"first level": 50.0, "backward": 10.0, "export": 1500.0, "recall open": 2000.0, "lookup lot": 20.0,
              "lookup supplier lot": 20.0}
TARGET_RATIO = {"scope": 1.2}
QA = Actor("bench-qa", "Benchmark QA", frozenset({Role.QA_REVIEWER}))


def log(message: str) -> None:
    print(message, flush=True)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": statistics.median(values), "p95": percentile(values, 95), "min": min(values),
            "max": max(values), "n": len(values)}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


class Bench:
    def __init__(self, url: str, repeat: int, warmup: int, sample: int) -> None:
        self.ctx = bootstrap.open_context(url, settings=Settings())
        self.engine = self.ctx._engine
        self.repeat, self.warmup, self.sample = repeat, warmup, sample
        self.connections: set[int] = set()
        self.folder = Path(tempfile.mkdtemp(prefix="batchtrace-export-"))
        event.listen(self.engine, "checkout", lambda dbapi, _rec, _proxy: self.connections.add(id(dbapi)))

    def close(self) -> None:
        self.ctx.dispose()

    def scenario(self) -> dict[str, Any]:
        with self.engine.connect() as conn:
            hot_id, hot_number, supplier_lot, uses = conn.execute(text(
                "SELECT l.id, l.lot_number, l.supplier_lot, COUNT(DISTINCT m.batch_id) AS uses "
                "FROM material_issues m JOIN lots l ON l.id = m.lot_id WHERE l.origin = 'Received' "
                "GROUP BY l.id, l.lot_number, l.supplier_lot ORDER BY uses DESC, l.id LIMIT 1")).one()
            made_with = conn.execute(text(
                "SELECT l.id, l.lot_number FROM material_issues m JOIN lots l ON l.batch_id = m.batch_id "
                "JOIN items i ON i.code = l.item_code WHERE m.lot_id = :hot AND i.item_type = 'Finished device' "
                "ORDER BY l.id"), {"hot": hot_id}).all()
            fg_id, fg_number = made_with[len(made_with) // 2]
            finished = conn.execute(text(
                "SELECT l.lot_number FROM lots l JOIN items i ON i.code = l.item_code "
                "WHERE i.item_type = 'Finished device' ORDER BY l.id")).scalars().all()
            received = conn.execute(text(
                "SELECT lot_number FROM lots WHERE origin = 'Received' ORDER BY id")).scalars().all()
            self.finished_items = set(conn.execute(text(
                "SELECT code FROM items WHERE item_type = 'Finished device'")).scalars())
        return {"raw_lot": hot_number, "raw_lot_id": hot_id, "raw_lot_batches": uses, "supplier_lot": supplier_lot,
                "finished_lot": fg_number, "finished_lot_id": fg_id,
                "finished_sample": self.spread(finished), "received_sample": self.spread(received)}

    def spread(self, numbers: list[str]) -> list[str]:
        """`--sample` numbers spread evenly over the list (over the ten years: ids grow with time)."""
        if not self.sample or not numbers:
            return []
        step = max(1, len(numbers) // self.sample)
        return numbers[step // 2::step][: self.sample]

    def bare(self, sql: str, params: dict[str, Any]) -> tuple[float, int]:
        """The statement on the DB-API cursor of a pooled connection (checkout outside the timing)."""
        with self.engine.connect() as conn:
            statement, bound = driver_sql(conn, sql, params)
            dbapi = conn.connection.dbapi_connection
            assert dbapi is not None
            started = time.perf_counter()
            cursor = dbapi.cursor()
            cursor.execute(statement, bound)
            rows = cursor.fetchall()
            cursor.close()
            elapsed = (time.perf_counter() - started) * 1000
            conn.rollback()
        return elapsed, len(rows)

    # --- the cases ------------------------------------------------------------------------------------------
    def cases(self, sc: dict[str, Any]) -> dict[str, tuple[Callable[[], Any], Callable[[], Any] | None, int]]:
        """name -> (app, bare or None, repetitions)."""
        raw, fg = sc["raw_lot"], sc["finished_lot"]
        hot = {"kind": "L", "id": sc["raw_lot_id"]}
        u = self.ctx.read_uow
        out = self.folder / "trace.csv"
        few = max(3, self.repeat // 10)
        return {
            "first level": (lambda: start_trace(u(), SYSTEM_ACTOR, raw, "forward"),
                            lambda: self.bare(CHILDREN_SQL[True], {**hot, "limit": 200, "offset": 0}), self.repeat),
            "scope": (lambda: trace_scope(u(), SYSTEM_ACTOR, raw, "forward"),
                      lambda: self.bare(SCOPE_SQL[True], hot), self.repeat),
            "summary + level": (lambda: (start_trace(u(), SYSTEM_ACTOR, raw, "forward"),
                                         trace_scope(u(), SYSTEM_ACTOR, raw, "forward")), None, self.repeat),
            "backward": (lambda: trace(u(), SYSTEM_ACTOR, fg, "backward"),
                         lambda: self.bare(GRAPH_SQL[False], {"kind": "L", "id": sc["finished_lot_id"]}),
                         self.repeat),
            "export": (lambda: export_trace_csv(u(), SYSTEM_ACTOR, raw, "forward", out),
                       lambda: self.bare(GRAPH_SQL[True], hot), few),
            "recall open": (self.recall_once(raw), None, few),
            "lookup lot": (lambda: search(u(), SYSTEM_ACTOR, fg), None, self.repeat),
            "lookup supplier lot": (lambda: search(u(), SYSTEM_ACTOR, sc["supplier_lot"]), None, self.repeat),
        }

    def recall_once(self, lot: str) -> Callable[[], Any]:
        """Open a recall, then put every status it changed back (behind the app's back, on this working copy),
        so the next run finds the site as generated."""
        with self.engine.connect() as conn:
            lots = conn.execute(text("SELECT id, status FROM lots")).all()
            batch_rows = conn.execute(text("SELECT id, status, held_from FROM batches")).all()
        before_lots = dict(lots)
        before_batches = {row[0]: (row[1], row[2]) for row in batch_rows}

        def run() -> Any:
            try:
                return recalls.open_recall(self.ctx.uow(), QA, lot, "benchmark")
            finally:
                with self.engine.begin() as conn:
                    changed = conn.execute(text("SELECT id, status FROM lots WHERE status = 'On hold'")).all()
                    conn.execute(text("UPDATE lots SET status = :s WHERE id = :i"),
                                 [{"s": before_lots[i], "i": i} for i, s in changed if before_lots[i] != s])
                    moved = conn.execute(text(
                        "SELECT id FROM batches WHERE status IN ('On hold', 'Recalled')")).scalars().all()
                    conn.execute(text("UPDATE batches SET status = :s, held_from = :h WHERE id = :i"),
                                 [{"s": before_batches[i][0], "h": before_batches[i][1], "i": i} for i in moved
                                  if before_batches[i][0] not in ("On hold", "Recalled")])

        return run

    def run(self) -> dict[str, Any]:
        load_before = os.getloadavg()[0]
        sc = self.scenario()
        log(f"  most-used raw lot {sc['raw_lot']} (in {sc['raw_lot_batches']:,} batches, supplier lot "
            f"{sc['supplier_lot']}); finished lot {sc['finished_lot']}")
        out: dict[str, Any] = {"scenario": {k: v for k, v in sc.items() if not k.endswith("_sample")},
                               "cases": {}}
        for name, (app_fn, bare_fn, repeat) in self.cases(sc).items():
            out["cases"][name] = case = self.measure_case(app_fn, bare_fn, repeat)
            bare = case.get("bare")
            log(f"  {name:20} app p50 {case['app']['p50']:8.2f} ms  p95 {case['app']['p95']:8.2f} ms"
                + (f"  | bare p50 {bare['p50']:8.2f}  p95 {bare['p95']:8.2f}  | ratio {case['ratio_p50']:.2f} / "
                   f"{case['ratio_p95']:.2f}" if bare else "") + f"  | {case['size']}")
        out["export_memory"] = self.export_memory(sc)
        out["same_scope"] = self.same_scope(sc)
        out["same_connection"] = len(self.connections) == 1
        out["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
        out["connections_used"] = len(self.connections)
        return out

    def measure_case(self, app_fn: Callable[[], Any], bare_fn: Callable[[], Any] | None,
                     repeat: int) -> dict[str, Any]:
        for _ in range(min(self.warmup, repeat)):
            app_fn()
            if bare_fn:
                bare_fn()
        app_ms: list[float] = []
        bare_ms: list[float] = []
        size: dict[str, Any] = {}
        for i in range(repeat):  # interleaved, so drift hits both alike
            elapsed, result = timed(app_fn)
            app_ms.append(elapsed)
            if i == 0:
                size = describe(result)
            result = None
            if bare_fn:
                elapsed, bare_rows = bare_fn()
                bare_ms.append(elapsed)
                size["rows"] = bare_rows
        case: dict[str, Any] = {"app": summary(app_ms), "size": size}
        if bare_fn:
            case["bare"] = summary(bare_ms)
            case["ratio_p50"] = case["app"]["p50"] / case["bare"]["p50"]
            case["ratio_p95"] = case["app"]["p95"] / case["bare"]["p95"]
        return case

    def export_memory(self, sc: dict[str, Any]) -> dict[str, Any]:
        """Python memory of an export: the graph read from the database (and its index, built when the walk
        starts), then what writing the lines adds after the first 100: flat if the lines are not kept."""
        found: dict[str, Any] = {}
        for what, number in (("raw lot", sc["raw_lot"]), ("finished lot", sc["finished_lot"])):
            direction = "forward" if what == "raw lot" else "backward"
            tracemalloc.start()
            lines = trace_lines(self.ctx.read_uow(), SYSTEM_ACTOR, number, direction)
            with (self.folder / "memory.csv").open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                amounts: dict[Any, str] = {}
                count, held = 0, 0
                for direction_of, line in lines:
                    writer.writerow(csv_row(direction_of.value, line, amounts))
                    count += 1
                    if count == 100:
                        held = tracemalloc.get_traced_memory()[0]
                        tracemalloc.reset_peak()
                growth = tracemalloc.get_traced_memory()[1] - held if count > 100 else 0
            tracemalloc.stop()
            edges = sum(len(edges) for _d, edges, _n in lines.graphs)
            found[what] = {"lines": count, "edges": edges, "held_mib": held / 2**20,
                           "bytes_per_edge": held / max(edges, 1), "growth_kib": max(0, growth) / 1024}
            log(f"  export memory, {what}: {count:,} lines; graph and its index held {held / 2**20:.1f} MiB "
                f"({held / max(edges, 1):.0f} bytes per edge); writing the other lines added "
                f"{max(0, growth) / 1024:.0f} KiB at most")
        return found

    def same_scope(self, sc: dict[str, Any]) -> dict[str, Any]:
        """The scope counted by the database against the whole tree walked in memory."""
        checked = mismatched = 0
        roots = [(sc["raw_lot"], "forward")] + [(n, "forward") for n in sc["received_sample"][:20]] + \
                [(n, "backward") for n in sc["finished_sample"][:20]]
        for number, direction in roots:
            whole = trace(self.ctx.read_uow(), SYSTEM_ACTOR, number, direction)
            result = whole.forward or whole.backward
            counted = trace_scope(self.ctx.read_uow(), SYSTEM_ACTOR, number, direction)
            customers: dict[tuple[str, str | None], Decimal] = defaultdict(Decimal)
            for line in result.lines:
                if line.node.kind is NodeKind.SHIPMENT and line.depth and line.node.customer_code:
                    customers[(line.node.customer_code, line.unit)] += line.quantity or 0
            lots = result.of_kind(NodeKind.LOT)
            expected = (len(lots), sum(1 for n in lots if n.item_code in self.finished_items),
                        len(result.of_kind(NodeKind.BATCH)), len(result.of_kind(NodeKind.SHIPMENT)),
                        sorted((code, unit, qty) for (code, unit), qty in customers.items()))
            got = (counted.lots, counted.finished_lots, counted.batches, counted.shipments,
                   [(c.code, c.unit, c.quantity) for c in counted.customers])
            checked += 1
            mismatched += expected != got
        log(f"  same scope as the whole tree: {checked - mismatched} of {checked} roots")
        return {"checked": checked, "mismatched": mismatched}


def describe(result: Any) -> dict[str, Any]:
    if isinstance(result, list):  # search
        return {"found": len(result), "first": result[0].number if result else None}
    if isinstance(result, tuple):  # summary + level
        return describe(result[1])
    kind = type(result).__name__
    if kind == "TraceStart":
        return {"children": result.levels[0].total, "shown": len(result.levels[0].children)}
    if kind == "TraceScope":
        return {"lots": result.lots, "finished": result.finished_lots, "batches": result.batches,
                "shipments": result.shipments, "customers": len(result.customer_codes)}
    if kind == "ExportedTrace":
        return {"lines": result.lines}
    if kind == "RecallView":
        return {"scope": len(result.scope), "customers": len(result.customers)}
    r = result.forward or result.backward
    return {"lines": len(r.lines), "nodes": len(r.nodes)}
