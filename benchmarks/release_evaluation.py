"""Release evaluation benchmark (QC-3, QC-4): the evaluation of a batch with its consumed lots (20 BOM lines), 50 QC
results and 10 linked deviations, on the ten-year site history of `trace_site.py`, through the app, on SQLite and
PostgreSQL.

    .venv/bin/python benchmarks/release_evaluation.py --engine sqlite|postgresql|both [--scale 1.0] [--repeat 50]
                                                      [--data /work/bench-data]

On a working copy of the generated site (see `trace_site.py`: `--data DIR` keeps and reuses it) the set-up runs
through the use cases: the QA, QC and production people; a specification of 50 required tests for the product of
the generated batch in QC testing that consumed the most lots (approved by QA); that batch's QC plan; 50 results
within spec, reviewed; the batch passed to QA review; 10 deviations linked to it. Then, in a fresh process opened as
a station opens the database, it times `app.release.evaluate_release` (the release screen and `release evaluate`)
and the signature dialog's request (`app.signatures.signing_request`, which evaluates again to bind the
evaluation), p50/p95 in milliseconds. Target: p95 < 100 ms on both engines. No assertion on the timings: the
figures go to docs/benchmarks.md.
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
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from bench_users import approve_signing_roles  # noqa: E402
from site_generator import Spec  # noqa: E402
from sqlalchemy import text  # noqa: E402
from trace_cases import log, percentile  # noqa: E402
from trace_site import SiteStore, prepare  # noqa: E402

from app import (  # noqa: E402
    batches,
    bootstrap,
    change_control,
    deviations,
    quality,
    release,
    result_review,
    signatures,
    users,
)
from app.demo.change_site import implemented_change  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.signatures import SigningSession  # noqa: E402
from domain.batches import BatchStatus  # noqa: E402
from domain.quality import TestInput  # noqa: E402
from domain.users import Role  # noqa: E402

PASSWORD = "Bench-pass-2026"
TESTS, DEVIATIONS = 50, 10
TARGET_P95_MS = 100.0


def _person(ctx: Any, admin: Any, user_id: str, role: Role) -> Any:
    users.add_user(ctx.uow(), admin, ctx.auth, user_id, user_id.title(), {role}, f"Temp-{user_id}-2026")
    approve_signing_roles(ctx, admin, user_id)
    return users.change_own_password(ctx.uow(), ctx.auth, user_id, f"Temp-{user_id}-2026", PASSWORD)


def set_up(url: str) -> str:
    """The subject through the use cases; returns its batch number."""
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        with ctx._engine.connect() as conn:  # the generated batch in QC testing that consumed the most lots
            number, product = conn.execute(text(
                "SELECT b.batch_number, b.product_code FROM batches b JOIN material_issues i ON i.batch_id = b.id "
                "WHERE b.status = 'QC testing' GROUP BY b.id, b.batch_number, b.product_code "
                "ORDER BY count(DISTINCT i.lot_id) DESC, b.id DESC LIMIT 1")).one()
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Bench Admin", PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", PASSWORD)
        qc, qa = _person(ctx, admin, "qc", Role.QC_ANALYST), _person(ctx, admin, "qa", Role.QA_REVIEWER)
        prod = _person(ctx, admin, "prod", Role.PRODUCTION)
        tests = [TestInput(f"T{i:02d}", f"Test {i}", "SOP-QC-1", "Numeric", "mm", "1.0", "2.0", 2)
                 for i in range(1, TESTS + 1)]
        spec = quality.create_spec(ctx.uow(), qc, product, f"{product} release", tests)
        implemented_change(ctx.uow, ctx.auth, PASSWORD, (qc, qa, prod), f"{product} release specification", "bench",
                           [change_control.ItemInput("spec", product, spec.version)])
        with ctx.uow().acting_as(qc) as tx:
            quality.plan_tests(tx, "batch", number, product)
            tx.commit(reason="bench: the plan of a generated batch in QC testing")
        for t in tests:
            quality.enter_result(ctx.uow(), qc, "batch", number, t.code, ["1.50"])
        result_review.sign_review(ctx.uow(), ctx.auth, SigningSession(qa), "batch", number, PASSWORD,
                                  user_id_typed=qa.user_id)
        batches.change_batch_status(ctx.uow(), qc, number, BatchStatus.QA_REVIEW, None)
        for i in range(DEVIATIONS):
            deviations.open_deviation(ctx.uow(), prod, f"Line stop {i}", "the line stopped", "Minor",
                                      [("batch", number)])
        return str(number)
    finally:
        ctx.dispose()


def timed(call: Any, repeat: int, warmup: int) -> dict[str, float]:
    for _ in range(warmup):
        call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return {"p50": percentile(times, 50), "p95": percentile(times, 95), "max": max(times)}


def measure(url: str, number: str, repeat: int, warmup: int) -> dict[str, Any]:
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        qa = users.log_in(ctx.uow(), ctx.auth, "qa", PASSWORD)
        view = release.evaluate_release(ctx.read_uow(), qa, number)
        failed = [r.key for r in view.rules if not r.passed]
        consumed = next(r for r in view.rules if r.key == "consumed_lots").evidence
        session = SigningSession(qa)
        load = os.getloadavg()[0]
        result = {
            "batch": number, "failed": failed, "consumed": consumed,
            "evaluate": timed(lambda: release.evaluate_release(ctx.read_uow(), qa, number), repeat, warmup),
            "signing request": timed(lambda: signatures.signing_request(ctx.read_uow(), session, "batch", number,
                                                                        "Released"), repeat, warmup),
            "load_average": [load, os.getloadavg()[0]],
        }
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
    parser.add_argument("--measure-only", nargs=2, metavar=("URL", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_only:
        result = measure(args.measure_only[0], args.measure_only[1], args.repeat, args.warmup)
        assert args.json is not None
        args.json.write_text(json.dumps(result, default=str), encoding="utf-8")
        return 0

    workdir = Path(tempfile.mkdtemp(prefix="batchtrace-release-bench-"))
    os.environ["BATCHTRACE_CONFIG_DIR"] = str(workdir / "config")
    os.environ["BATCHTRACE_DATA_DIR"] = str(workdir / "data")
    os.environ.pop("BATCHTRACE_DB", None)
    report: dict[str, Any] = {"machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                              "scale": args.scale, "repeat": args.repeat, "engines": {}}
    store = SiteStore(args, workdir)
    try:
        for engine, url in prepare(args, store, report).items():
            log(f"setting up the batch on {engine}")
            number = set_up(url)
            out = workdir / f"{engine}.json"
            subprocess.run([sys.executable, __file__, "--measure-only", url, number, "--repeat", str(args.repeat),
                            "--warmup", str(args.warmup), "--json", str(out)], check=True, env=os.environ.copy())
            report["engines"][engine] = json.loads(out.read_text(encoding="utf-8"))
    finally:
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)
    for engine, res in report["engines"].items():
        log(f"{engine}: {res['engine']}, batch {res['batch']}, failed rules {res['failed']}, "
            f"load average {res['load_average'][0]:.1f} -> {res['load_average'][1]:.1f}")
        log(f"  {res['consumed'][0][:100]}")
        for case in ("evaluate", "signing request"):
            t = res[case]
            log(f"  {case:16} p50 {t['p50']:7.1f} ms  p95 {t['p95']:7.1f} ms  max {t['max']:7.1f} ms  "
                f"(p95 < {TARGET_P95_MS:.0f} ms: {'met' if t['p95'] < TARGET_P95_MS else 'MISSED'})")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
