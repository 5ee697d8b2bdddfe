"""Trace benchmark (TRC-3): a ten-year site history on SQLite and PostgreSQL, traced through the app.

    .venv/bin/python benchmarks/trace_site.py --engine sqlite|postgresql|both [--scale 1.0] [--repeat 50]

Generates the site (`site_generator.py`), loads it into a freshly migrated database (a temp SQLite file; a
throwaway PostgreSQL 15 cluster started like the test suite's), reopens it through `app.bootstrap.open_context`
and times, after a warm-up:

  forward   app.trace.trace(read_uow, SYSTEM_ACTOR, <most-used raw lot>, "forward"): resolve the number,
            run the recursive query, build the tree
  backward  the same, "backward", from a finished lot made with that raw lot
  lookup    app.trace.search(...) for an exact lot number and for a supplier-lot number
  bare      FORWARD_SQL / BACKWARD_SQL executed on the raw DB-API cursor of the same pooled connection,
            all rows fetched: the floor the app cannot go under

It prints p50/p95 in milliseconds and the app/bare ratios; `--json FILE` keeps the figures. No assertion is
made on the timings: the figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from site_generator import Site, Spec, generate, load_postgresql, load_sqlite  # noqa: E402
from sqlalchemy import event, text  # noqa: E402

from app import bootstrap  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.trace import search, trace  # noqa: E402
from domain.trace import NodeKind  # noqa: E402
from domain.users import SYSTEM_ACTOR  # noqa: E402
from persistence.genealogy import BACKWARD_SQL, FORWARD_SQL, _driver_sql  # noqa: E402

TARGETS_MS = {"forward": 50.0, "backward": 10.0, "lookup lot": 20.0, "lookup supplier lot": 20.0}
TARGET_RATIO = 1.5


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
        return {"raw_lot": hot_number, "raw_lot_id": hot_id, "raw_lot_batches": uses, "supplier_lot": supplier_lot,
                "finished_lot": fg_number, "finished_lot_id": fg_id,
                "finished_sample": self.spread(finished), "received_sample": self.spread(received)}

    def spread(self, numbers: list[str]) -> list[str]:
        """`--sample` numbers spread evenly over the list (over the ten years: ids grow with time)."""
        if not self.sample or not numbers:
            return []
        step = max(1, len(numbers) // self.sample)
        return numbers[step // 2::step][: self.sample]

    # --- the timed operations ---------------------------------------------------------------------------
    def app_trace(self, number: str, direction: str) -> Any:
        return trace(self.ctx.read_uow(), SYSTEM_ACTOR, number, direction)

    def app_search(self, number: str) -> Any:
        return search(self.ctx.read_uow(), SYSTEM_ACTOR, number)

    def bare(self, sql: str, root: tuple[str, int]) -> tuple[float, int]:
        """The trace statement on the DB-API cursor of a pooled connection (checkout outside the timing)."""
        with self.engine.connect() as conn:
            statement, params = _driver_sql(conn, sql, root)
            dbapi = conn.connection.dbapi_connection
            assert dbapi is not None
            started = time.perf_counter()
            cursor = dbapi.cursor()
            cursor.execute(statement, params)
            rows = cursor.fetchall()
            cursor.close()
            elapsed = (time.perf_counter() - started) * 1000
            conn.rollback()
        return elapsed, len(rows)

    def run(self) -> dict[str, Any]:
        load_before = os.getloadavg()[0]
        sc = self.scenario()
        log(f"  most-used raw lot {sc['raw_lot']} (in {sc['raw_lot_batches']:,} batches, supplier lot "
            f"{sc['supplier_lot']}); finished lot {sc['finished_lot']}")
        cases: dict[str, tuple[Callable[[], Any], Callable[[], tuple[float, int]] | None]] = {
            "forward": (lambda: self.app_trace(sc["raw_lot"], "forward"),
                        lambda: self.bare(FORWARD_SQL, ("L", sc["raw_lot_id"]))),
            "backward": (lambda: self.app_trace(sc["finished_lot"], "backward"),
                         lambda: self.bare(BACKWARD_SQL, ("L", sc["finished_lot_id"]))),
            "lookup lot": (lambda: self.app_search(sc["finished_lot"]), None),
            "lookup supplier lot": (lambda: self.app_search(sc["supplier_lot"]), None),
        }
        out: dict[str, Any] = {"scenario": {k: v for k, v in sc.items() if not k.endswith("_sample")},
                               "cases": {}}
        for name, (app_fn, bare_fn) in cases.items():
            for _ in range(self.warmup):
                app_fn()
                if bare_fn:
                    bare_fn()
            app_ms: list[float] = []
            bare_ms: list[float] = []
            size: dict[str, Any] = {}
            for i in range(self.repeat):  # interleaved, so drift hits both alike
                elapsed, result = timed(app_fn)
                app_ms.append(elapsed)
                if i == 0:
                    size = self.size(result)
                # a large trace kept alive would slow every garbage collection in the bare run
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
            out["cases"][name] = case
            log(f"  {name:20} app p50 {case['app']['p50']:8.2f} ms  p95 {case['app']['p95']:8.2f} ms"
                + (f"  | bare p50 {case['bare']['p50']:8.2f}  p95 {case['bare']['p95']:8.2f}  "
                   f"| ratio {case['ratio_p50']:.2f} / {case['ratio_p95']:.2f}  | {case['size']}" if bare_fn else
                   f"  | {case['size']}"))
        if sc["finished_sample"]:
            out["backward_sample"] = self.sample_traces(sc["finished_sample"], "backward", "finished lots")
        if sc["received_sample"]:
            out["forward_sample"] = self.sample_traces(sc["received_sample"], "forward", "received lots")
        out["same_connection"] = len(self.connections) == 1
        out["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
        out["connections_used"] = len(self.connections)
        return out

    @staticmethod
    def size(result: Any) -> dict[str, Any]:
        if isinstance(result, list):  # search
            return {"found": len(result), "first": result[0].number if result else None}
        r = result.forward or result.backward
        return {"edges": len(r.lines) - 1, "lines": len(r.lines), "nodes": len(r.nodes),
                "lots": len(r.of_kind(NodeKind.LOT)), "batches": len(r.of_kind(NodeKind.BATCH)),
                "shipments": len(r.of_kind(NodeKind.SHIPMENT)), "customers": len(r.customers)}

    def sample_traces(self, numbers: list[str], direction: str, what: str) -> dict[str, Any]:
        """One trace from each of a spread of lots: how the figure varies from lot to lot."""
        for number in numbers[:3]:
            self.app_trace(number, direction)
        times: list[float] = []
        sizes: list[float] = []
        for number in numbers:
            started = time.perf_counter()
            result = self.app_trace(number, direction)
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(len((result.forward or result.backward).lines) - 1)
            result = None
        res: dict[str, Any] = {
            "lots": len(numbers), "app": summary(times),
            "edges": {"p50": statistics.median(sizes), "p95": percentile(sizes, 95), "max": max(sizes)},
        }
        log(f"  {direction} from {len(numbers)} {what}: app p50 {res['app']['p50']:.2f} ms, p95 "
            f"{res['app']['p95']:.2f} ms, max {res['app']['max']:.2f} ms; edges p50 {res['edges']['p50']}, "
            f"p95 {res['edges']['p95']}, max {res['edges']['max']}")
        return res


def load_sqlite_site(site: Site, path: Path) -> float:
    """Migrate and bulk-load a new SQLite file; it appears under `path` only once complete."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    bootstrap.upgrade_database(f"sqlite:///{partial}", settings=Settings())
    load_sqlite(str(partial), site, log)
    partial.replace(path)
    return time.perf_counter() - started


def load_postgresql_site(site: Site, server: Any) -> float:
    server.admin_sql(f"DROP DATABASE IF EXISTS {PG_DATABASE}", f"CREATE DATABASE {PG_DATABASE}")
    started = time.perf_counter()
    bootstrap.upgrade_database(server.url(PG_DATABASE), settings=Settings())
    load_postgresql(f"host=127.0.0.1 port={server.port} user=postgres dbname={PG_DATABASE}", site, log)
    (server.dir / LOADED).write_text("complete\n", encoding="utf-8")
    return time.perf_counter() - started


PG_DATABASE = "batchtrace_bench"
PG_RUN_DATABASE = "batchtrace_bench_run"
LOADED = "site-loaded"  # written into a kept cluster's folder once the site is in it


class SiteStore:
    """Where the generated site lives: a temporary folder, or with `--data DIR` a kept SQLite file and a kept
    PostgreSQL cluster reused by later runs (generating scale 1 takes minutes). The measurements always run
    on a working copy (the recall benchmark writes), so the kept site stays as generated."""

    def __init__(self, args: argparse.Namespace, workdir: Path) -> None:
        self.workdir = workdir
        name = f"site-scale{args.scale:g}-seed{args.seed}"
        self.data: Path | None = args.data
        folder = args.data or workdir
        folder.mkdir(parents=True, exist_ok=True)
        self.sqlite_path = folder / f"{name}.sqlite"
        self.pg_dir = folder / f"{name}-pg" if args.data else None
        self.server: Any = None

    def sqlite_ready(self) -> bool:
        return self.data is not None and self.sqlite_path.exists()

    def postgresql_ready(self) -> bool:
        return self.pg_dir is not None and (self.pg_dir / LOADED).exists()

    def start_postgresql(self) -> Any:
        from tests.pg_server import PgServer

        if self.server is None:
            self.server = PgServer(self.pg_dir).start()
        return self.server

    def sqlite_copy(self) -> str:
        copy = self.workdir / "run.sqlite"
        shutil.copyfile(self.sqlite_path, copy)
        url = f"sqlite:///{copy}"
        bootstrap.upgrade_database(url, settings=Settings())  # a site kept by an older version of the code
        return url

    def postgresql_copy(self) -> str:
        server = self.start_postgresql()
        server.admin_sql(f"DROP DATABASE IF EXISTS {PG_RUN_DATABASE}",
                         f"CREATE DATABASE {PG_RUN_DATABASE} TEMPLATE {PG_DATABASE}")
        url = server.url(PG_RUN_DATABASE)
        bootstrap.upgrade_database(url, settings=Settings())
        return str(url)

    def close(self) -> None:
        if self.server is not None:
            try:
                self.server.admin_sql(f"DROP DATABASE IF EXISTS {PG_RUN_DATABASE}")
            finally:
                self.server.stop()


def measure(url: str, args: argparse.Namespace) -> dict[str, Any]:
    bench = Bench(url, args.repeat, args.warmup, args.sample)
    try:
        result = bench.run()
        with bench.engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                result["engine"] = f"SQLite {sqlite3.sqlite_version}"
                result["db_mb"] = Path(bench.engine.url.database or "").stat().st_size / 2**20
            else:
                result["engine"] = f"PostgreSQL {conn.execute(text('SHOW server_version')).scalar()}"
                result["db_mb"] = conn.execute(text("SELECT pg_database_size(current_database())")).scalar() / 2**20
                result["settings"] = dict(conn.execute(text(
                    "SELECT name, setting || COALESCE(unit, '') FROM pg_settings WHERE name IN "
                    "('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'fsync', 'synchronous_commit', "
                    "'lc_collate')")).all())
    finally:
        bench.close()
    return result


def measure_in_new_process(url: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """Measure in a fresh process, as a station would run: not in this one, whose memory the generator
    has just used (gigabytes, millions of objects) and whose garbage collections would not be the app's."""
    out = workdir / "measure.json"
    subprocess.run(
        [sys.executable, __file__, "--measure-only", url, "--repeat", str(args.repeat), "--warmup",
         str(args.warmup), "--sample", str(args.sample), "--json", str(out)],
        check=True, env=os.environ.copy(),
    )
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return result


def prepare(args: argparse.Namespace, store: SiteStore, report: dict[str, Any]) -> dict[str, str]:
    """Generate and load the site where it is not kept yet; the URL of a working copy per engine."""
    engines = ["sqlite", "postgresql"] if args.engine == "both" else [args.engine]
    missing = [e for e in engines if not (store.sqlite_ready() if e == "sqlite" else store.postgresql_ready())]
    if missing:
        log(f"generating the site (scale {args.scale}, seed {args.seed})")
        started = time.perf_counter()
        site = generate(Spec(scale=args.scale, seed=args.seed), log)
        report["generate_s"] = time.perf_counter() - started
        report["counts"] = site.counts
        for key, value in site.counts.items():
            log(f"  {key:34} {value:>12,}")
        for engine in missing:
            log(f"loading {engine}")
            report["engines"][engine] = {"load_s": load_sqlite_site(site, store.sqlite_path) if engine == "sqlite"
                                         else load_postgresql_site(site, store.start_postgresql())}
        del site
    urls: dict[str, str] = {}
    for engine in engines:
        log(f"copying the {engine} site for this run" + (f" (kept in {args.data})" if args.data else ""))
        urls[engine] = store.sqlite_copy() if engine == "sqlite" else store.postgresql_copy()
        report["engines"].setdefault(engine, {"load_s": None})
    return urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 50k batches, 100k shipments")
    parser.add_argument("--repeat", type=int, default=50, help="timed repetitions per case")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sample", type=int, default=100,
                        help="lots for the spread of backward (finished) and forward (received) traces; 0: off")
    parser.add_argument("--seed", type=int, default=Spec().seed)
    parser.add_argument("--data", type=Path, metavar="DIR",
                        help="keep the generated site in DIR (SQLite file, PostgreSQL cluster) and reuse it later")
    parser.add_argument("--json", type=Path, help="write the figures here")
    parser.add_argument("--measure-only", metavar="URL", help=argparse.SUPPRESS)  # the child process, see below
    args = parser.parse_args(argv)
    if args.measure_only:
        result = measure(args.measure_only, args)
        assert args.json is not None
        args.json.write_text(json.dumps(result, default=str), encoding="utf-8")
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="batchtrace-trace-bench-"))
    # never read or write the station's own settings, data folder or database
    os.environ["BATCHTRACE_CONFIG_DIR"] = str(workdir / "config")
    os.environ["BATCHTRACE_DATA_DIR"] = str(workdir / "data")
    os.environ.pop("BATCHTRACE_DB", None)
    report: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "scale": args.scale, "seed": args.seed, "repeat": args.repeat, "warmup": args.warmup, "engines": {},
    }
    store = SiteStore(args, workdir)
    try:
        urls = prepare(args, store, report)
        for engine, url in urls.items():
            log(f"measuring {engine}")
            load_s = report["engines"][engine]["load_s"]
            report["engines"][engine] = measure_in_new_process(url, args, workdir)
            report["engines"][engine]["load_s"] = load_s
    finally:
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)
    report["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


def print_report(report: dict[str, Any]) -> None:
    log("")
    log(f"{'':22}{'engine':>12}{'app p50':>10}{'app p95':>10}{'bare p50':>10}{'bare p95':>10}"
        f"{'ratio p50':>11}{'ratio p95':>11}  target")
    for engine, res in report["engines"].items():
        for name, case in res["cases"].items():
            bare = case.get("bare")
            target = f"p95 < {TARGETS_MS[name]:g} ms"
            met = case["app"]["p95"] < TARGETS_MS[name]
            if bare:
                target += f", ratio <= {TARGET_RATIO}"
                met = met and case["ratio_p95"] <= TARGET_RATIO and case["ratio_p50"] <= TARGET_RATIO
            log(f"{name:22}{engine:>12}{case['app']['p50']:10.2f}{case['app']['p95']:10.2f}"
                + (f"{bare['p50']:10.2f}{bare['p95']:10.2f}{case['ratio_p50']:11.2f}{case['ratio_p95']:11.2f}"
                   if bare else " " * 42)
                + f"  {target}: {'met' if met else 'MISSED'}")
        loaded = "kept site" if res["load_s"] is None else f"loaded in {res['load_s']:.0f} s"
        log(f"{'':22}{engine:>12}  {res['engine']}, {loaded}, {res['db_mb']:.0f} MiB, "
            f"same connection for app and bare: {res['same_connection']}, 1-min load average "
            f"{res['load_average'][0]} -> {res['load_average'][1]}")


if __name__ == "__main__":
    raise SystemExit(main())
