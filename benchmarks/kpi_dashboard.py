"""The dashboard (KPI-1) on the ten-year site of `site_generator` (300k lots, 50k batches, 2M genealogy edges):
how long `app.kpi.dashboard` takes, the figures without the trace timing and with it, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/kpi_dashboard.py --engine sqlite --scale 1 --data /work/bench-data
    .venv/bin/python benchmarks/kpi_dashboard.py --engine sqlite --scale 0.01     # seconds: smoke test

`--data DIR` reuses the site `trace_site.py` keeps there (the SQLite file; the PostgreSQL cluster). The figures are
taken as of the site's last working day (`--today`), so the 90-day window holds its last quarter's batches, and as of
the real date (an idle quarter). No target was set; the page computes them off the GUI thread.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from site_generator import END, Spec  # noqa: E402
from trace_site import SiteStore, prepare  # noqa: E402

from app import bootstrap  # noqa: E402
from app.kpi import dashboard  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.users import SYSTEM_ACTOR  # noqa: E402

# The generator writes no status history (the trace benchmarks need none); the dashboard reads it for the release
# lead time, right first time and the lot it traces. A history of the size a real site has is written into the
# working copy: per batch, its four workflow steps to its status now (Released or Rejected a day after completion),
# per lot two (received or produced into Quarantine, then to its status now). SQLite only.
HISTORY = [
    """INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user)
       SELECT 'batch', batch_number, s.from_status, s.to_status, datetime(completed_at, s.shift), 'bench'
       FROM batches JOIN (SELECT 'Planned' AS from_status, 'In production' AS to_status, '-2 days' AS shift
                          UNION ALL SELECT 'In production', 'QC testing', '+0 hours'
                          UNION ALL SELECT 'QC testing', 'QA review', '+12 hours') AS s
       WHERE completed_at IS NOT NULL""",
    """INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user)
       SELECT 'batch', batch_number, 'QA review', status, datetime(completed_at, '+1 day'), 'bench'
       FROM batches WHERE status IN ('Released', 'Rejected') AND completed_at IS NOT NULL""",
    """INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user)
       SELECT 'lot', lot_number, NULL, 'Quarantine', created_at, 'bench' FROM lots""",
    """INSERT INTO status_changes (record_type, record_id, from_status, to_status, at, by_user)
       SELECT 'lot', lot_number, 'Quarantine', status, datetime(created_at, '+2 days'), 'bench' FROM lots
       WHERE status <> 'Quarantine'""",
]


def add_history(url: str) -> int:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        with connection:
            for statement in HISTORY:
                connection.execute(statement)
        connection.execute("ANALYZE")
        return int(connection.execute("SELECT count(*) FROM status_changes").fetchone()[0])
    finally:
        connection.close()


def measure(url: str, repeat: int, today: date | None) -> dict[str, float]:
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        figures: dict[str, float] = {}
        for label, with_trace in (("without trace", False), ("with trace", True)):
            dashboard(ctx.read_uow(), SYSTEM_ACTOR, today=today, time_trace=with_trace)  # warm-up
            runs = []
            for _ in range(repeat):
                began = time.perf_counter()
                shown = dashboard(ctx.read_uow(), SYSTEM_ACTOR, today=today, time_trace=with_trace)
                runs.append((time.perf_counter() - began) * 1000)
            figures[f"{label} median ms"] = statistics.median(runs)
            figures[f"{label} max ms"] = max(runs)
        figures["batches released in the window"] = shown.lead_time.released
        return figures
    finally:
        ctx.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["sqlite"], default="sqlite",
                        help="SQLite only: the status history is written with SQLite's date functions")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--data", type=Path, metavar="DIR", help="keep and reuse the generated site here")
    args = parser.parse_args(argv)
    args.seed = Spec().seed
    with tempfile.TemporaryDirectory(prefix="bt-kpi-") as folder:
        store = SiteStore(args, Path(folder))
        try:
            urls = prepare(args, store, {"engines": {}})
            if "sqlite" in urls:
                print(f"status history written into the SQLite copy: {add_history(urls['sqlite']):,} rows", flush=True)
            for engine, url in urls.items():
                for label, today in ((f"as of {END}", END), ("as of today", None)):
                    print(f"{engine}, scale {args.scale:g}, {label}:", flush=True)
                    for name, value in measure(url, args.repeat, today).items():
                        print(f"  {name:32} {value:10.1f}", flush=True)
        finally:
            store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
