"""Trace benchmark (TRC-2..TRC-4): a ten-year site history on SQLite and PostgreSQL, traced through the app.

    .venv/bin/python benchmarks/trace_site.py --engine sqlite|postgresql|both [--scale 1.0] [--repeat 50]
                                              [--data /work/bench-data] [--no-page]

Generates the site (`site_generator.py`) and loads it into a freshly migrated database (a SQLite file; a
PostgreSQL 15 cluster started like the test suite's); with `--data DIR` both are kept there and reused by later
runs. Each run measures a working copy, in fresh processes opened as a station opens the database:
`trace_cases.py` (first level, scope, summary, backward, export, recall open, lookups, each against the bare
statement where there is one) and `trace_page.py` (the Trace page: first paint and the GUI thread's frame gaps).

It prints p50/p95 in milliseconds, the app/bare ratios and the targets; `--json FILE` keeps the figures. No
assertion is made on the timings: the figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from site_generator import Site, Spec, generate, load_postgresql, load_sqlite  # noqa: E402
from sqlalchemy import text  # noqa: E402
from trace_cases import TARGET_RATIO, TARGETS_MS, Bench, log  # noqa: E402

from app import bootstrap  # noqa: E402
from app.settings import Settings  # noqa: E402


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


def measure_page(url: str, lot: str, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    """The Trace page in its own process (Qt offscreen), after the cases; it opens a recall too."""
    out = workdir / "page.json"
    subprocess.run([sys.executable, str(Path(__file__).with_name("trace_page.py")), url, lot, "--repeat",
                    str(max(5, args.repeat // 5)), "--recall", "--json", str(out)], check=True, env=os.environ.copy())
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
    parser.add_argument("--no-page", action="store_true", help="leave out the Trace page (Qt) measurements")
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
            if not args.no_page:
                lot = report["engines"][engine]["scenario"]["raw_lot"]
                report["engines"][engine]["page"] = measure_page(url, lot, args, workdir)
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
            log(f"{name:22}{engine:>12}" + case_line(name, case))
        page = res.get("page")
        if page:
            load = page["load"]
            log(f"{'page first paint':22}{engine:>12}{load['first paint']['p50']:10.2f}"
                f"{load['first paint']['p95']:10.2f}{'':42}  p95 < 150 ms: "
                f"{'met' if load['first paint']['p95'] < 150 else 'MISSED'}")
            gaps = {"load": load["gap"]["max"], **{k: page[k]["gap"] for k in ("open nodes", "export", "recall")
                                                   if k in page}}
            log(f"{'page frame gaps (max)':22}{engine:>12}  " + ", ".join(f"{k} {v:.0f} ms" for k, v in gaps.items())
                + f"  (< 50 ms while the trace loads: {'met' if gaps['load'] < 50 else 'MISSED'})")
        loaded = "kept site" if res["load_s"] is None else f"loaded in {res['load_s']:.0f} s"
        log(f"{'':22}{engine:>12}  {res['engine']}, {loaded}, {res['db_mb']:.0f} MiB, "
            f"same connection for app and bare: {res['same_connection']}, same scope as the whole tree: "
            f"{res['same_scope']['checked'] - res['same_scope']['mismatched']} of {res['same_scope']['checked']}, "
            f"1-min load average {res['load_average'][0]} -> {res['load_average'][1]}")


def case_line(name: str, case: dict[str, Any]) -> str:
    bare = case.get("bare")
    line = f"{case['app']['p50']:10.2f}{case['app']['p95']:10.2f}" + (
        f"{bare['p50']:10.2f}{bare['p95']:10.2f}{case['ratio_p50']:11.2f}{case['ratio_p95']:11.2f}" if bare
        else " " * 42)
    if name in TARGETS_MS:
        met = case["app"]["p95"] < TARGETS_MS[name]
        return line + f"  p95 < {TARGETS_MS[name]:g} ms: {'met' if met else 'MISSED'}"
    if name in TARGET_RATIO:
        met = case["ratio_p95"] <= TARGET_RATIO[name] and case["ratio_p50"] <= TARGET_RATIO[name]
        return line + f"  ratio <= {TARGET_RATIO[name]}: {'met' if met else 'MISSED'}"
    return line


if __name__ == "__main__":
    raise SystemExit(main())
