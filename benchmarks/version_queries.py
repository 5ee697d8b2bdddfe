"""The version screens' reads on the ten-year site (CHG-2, CHG-3): "which open batches use version N" (one query,
`app.versions.batches_on`), the list of a record's versions and one 20-line version read whole, on SQLite.

    .venv/bin/python benchmarks/version_queries.py --scale 0.2 --repeat 20     # a minute: does it work?
    .venv/bin/python benchmarks/version_queries.py                             # the full site (50,000 batches)

Prints median and p95 per read and whether the p95 is under the target (200 ms, the issue's target for the
impact query this one is part of). Asserts nothing about time.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from site_generator import Spec, generate  # noqa: E402
from trace_site import load_sqlite_site  # noqa: E402

from app import bootstrap, versions  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.users import SYSTEM_ACTOR  # noqa: E402

TARGET_MS = 200.0


def timed(read: Callable[[], object], repeat: int, warmup: int = 2) -> tuple[float, float, object]:
    for _ in range(warmup):
        read()
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = read()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)], result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site = generate(Spec(scale=args.scale), log=lambda _line: None)
        path = Path(folder) / "site.sqlite3"
        load_s = load_sqlite_site(site, path)
        ctx = bootstrap.open_context(f"sqlite:///{path}", settings=Settings())
        try:
            with closing(sqlite3.connect(path)) as conn:  # which product to ask about: outside the timing
                batches = conn.execute("SELECT count(*) FROM batches").fetchone()[0]
                product, version, on = conn.execute(
                    "SELECT product_code, mbr_version, count(*) FROM batches WHERE status IN ('Planned', "
                    "'In production', 'Completed', 'QC testing', 'QA review', 'On hold') "
                    "GROUP BY product_code, mbr_version ORDER BY count(*) DESC LIMIT 1").fetchone()
            print(f"site: {batches} batches (scale {args.scale}), loaded in {load_s:.1f} s; "
                  f"{product} v{version} has {on} open batches")
            cases = {
                "open batches on a version": lambda: versions.batches_on(ctx.read_uow(), SYSTEM_ACTOR, product,
                                                                         version),
                "list a record's versions": lambda: versions.list_versions(ctx.read_uow(), SYSTEM_ACTOR, "mbr",
                                                                           product),
                "one version read whole": lambda: versions.show_version(ctx.read_uow(), SYSTEM_ACTOR, "mbr",
                                                                        product, version),
            }
            for name, read in cases.items():
                median, p95, result = timed(read, args.repeat)
                size = len(result) if isinstance(result, list) else len(getattr(result, "rows", ()))
                verdict = "within" if p95 < TARGET_MS else "OVER"
                print(f"{name:28} median {median:7.1f} ms  p95 {p95:7.1f} ms  ({size} rows; {verdict} "
                      f"{TARGET_MS:.0f} ms)")
        finally:
            ctx.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
