"""Change impact benchmark (CHG-1): the impact assessment of a raw-material change on the ten-year site history of
`trace_site.py` (the raw material in the most bills of materials: the open batches whose BOM uses it, its lots in
stock, the effective master batch records using it), and of a master batch record change (the product with the
most open batches), through `app.change_control.impact`, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/change_impact.py --engine sqlite|postgresql|both [--scale 1.0] [--repeat 50]
                                                 [--data /work/bench-data]

The impact is one statement (persistence.change_repository.SqlChanges.impact); it is timed in a fresh process
opened as a station opens the database, p50/p95 in milliseconds. Target: p95 < 200 ms. No assertion on the
timings: the figures go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from release_evaluation import timed  # noqa: E402
from site_generator import Spec  # noqa: E402
from sqlalchemy import text  # noqa: E402
from trace_cases import log  # noqa: E402
from trace_site import SiteStore, prepare  # noqa: E402

from app import bootstrap, change_control  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.users import SYSTEM_ACTOR  # noqa: E402

TARGET_P95_MS = 200.0
OPEN = "('Planned', 'In production', 'Completed', 'QC testing', 'QA review', 'On hold')"


def subjects(url: str) -> tuple[str, str]:
    """The raw material in the most bills of materials, and the product with the most open batches."""
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        with ctx._engine.connect() as conn:
            material = conn.execute(text(
                "SELECT l.item_code FROM mbr_lines l JOIN items i ON i.code = l.item_code "
                "WHERE i.item_type = 'Raw material' GROUP BY l.item_code ORDER BY count(*) DESC, l.item_code "
                "LIMIT 1")).scalar_one()
            product = conn.execute(text(
                f"SELECT product_code FROM batches WHERE status IN {OPEN} GROUP BY product_code "
                "ORDER BY count(*) DESC, product_code LIMIT 1")).scalar_one()
        return str(material), str(product)
    finally:
        ctx.dispose()


def measure(url: str, material: str, product: str, repeat: int, warmup: int) -> dict[str, Any]:
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        load = os.getloadavg()[0]
        result: dict[str, Any] = {"material": material, "product": product}
        for case, kind, key in (("raw material", "spec", material), ("master batch record", "mbr", product)):
            rows = change_control.impact(ctx.read_uow(), SYSTEM_ACTOR, kind, key)
            result[case] = {"rows": {what: sum(1 for r in rows if r.what == what) for what in
                                     sorted({r.what for r in rows})},
                            **timed(lambda k=kind, c=key: change_control.impact(ctx.read_uow(), SYSTEM_ACTOR, k, c),
                                    repeat, warmup)}
        result["load_average"] = [load, os.getloadavg()[0]]
        with ctx._engine.connect() as conn:
            result["engine"] = (f"SQLite {conn.exec_driver_sql('select sqlite_version()').scalar()}"
                                if conn.dialect.name == "sqlite" else
                                f"PostgreSQL {conn.execute(text('SHOW server_version')).scalar()}")
        return result
    finally:
        ctx.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=Spec().seed)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--data", type=Path, metavar="DIR")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--measure-only", nargs=3, metavar=("URL", "MATERIAL", "PRODUCT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_only:
        url, material, product = args.measure_only
        assert args.json is not None
        args.json.write_text(json.dumps(measure(url, material, product, args.repeat, args.warmup), default=str),
                             encoding="utf-8")
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="batchtrace-change-bench-"))
    os.environ["BATCHTRACE_CONFIG_DIR"] = str(workdir / "config")
    os.environ["BATCHTRACE_DATA_DIR"] = str(workdir / "data")
    os.environ.pop("BATCHTRACE_DB", None)
    report: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                              "scale": args.scale, "repeat": args.repeat, "engines": {}}
    store = SiteStore(args, workdir)
    try:
        for engine, url in prepare(args, store, report).items():
            material, product = subjects(url)
            out = workdir / f"{engine}.json"
            subprocess.run([sys.executable, __file__, "--measure-only", url, material, product, "--repeat",
                            str(args.repeat), "--warmup", str(args.warmup), "--json", str(out)], check=True,
                           env=os.environ.copy())
            report["engines"][engine] = json.loads(out.read_text(encoding="utf-8"))
    finally:
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)
    for engine, res in report["engines"].items():
        log(f"{engine}: {res['engine']}, load average {res['load_average'][0]:.1f} -> {res['load_average'][1]:.1f}")
        for case in ("raw material", "master batch record"):
            t = res[case]
            subject = res["material"] if case == "raw material" else res["product"]
            log(f"  {case} {subject}: {t['rows']}")
            log(f"    p50 {t['p50']:7.1f} ms  p95 {t['p95']:7.1f} ms  max {t['max']:7.1f} ms  "
                f"(p95 < {TARGET_P95_MS:.0f} ms: {'met' if t['p95'] < TARGET_P95_MS else 'MISSED'})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
