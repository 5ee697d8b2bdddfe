"""The QC worklist page with 5,000 open tests (QC-2): from creating the page to its first rows on screen.

    .venv/bin/python benchmarks/qc_worklist.py [--plans 5000] [--repeat 20] [--json FILE]

A fresh SQLite database (migrated; the station's engine) gets users, an item and its specification through the
use cases, then `--plans` open QC plans (lots waiting in Quarantine, a tenth of them with results entered) written
straight into their tables, as `trace_site.py` loads its site. Timed, as a QC analyst's station does it: the real
`QcWorklistWidget` at 1280x800 (offscreen Qt) on the real `TaskRunner`, from the constructor until the table
has painted its first page (`open`), and for comparison the use cases alone: the first page with the list's
size (what the page reads) and the whole list of 5,000 at once (what a page without paging would read).
Target: open < 200 ms (issue 10).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from bench_users import approve_signing_roles  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import create_engine  # noqa: E402

from app import bootstrap, change_control, masterdata, quality, users  # noqa: E402
from app.demo.change_site import implemented_change  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.items import ItemType  # noqa: E402
from domain.quality import PlanStatus, ResultStatus, TestInput  # noqa: E402
from domain.quantities import Unit  # noqa: E402
from domain.users import Role  # noqa: E402
from persistence import qc_tables as q  # noqa: E402
from ui.quality import qc_worklist_widget  # noqa: E402
from ui.quality.qc_worklist_widget import QcWorklistWidget  # noqa: E402
from ui.shell.changes import ChangeHub  # noqa: E402
from ui.shell.task_runner import TaskRunner  # noqa: E402

TARGET_MS = 200.0
PASSWORD = "Bench-pass-2026"


def build(url: str, plans: int) -> None:
    bootstrap.upgrade_database(url, settings=Settings())
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Bench Admin", PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", PASSWORD)
        for uid, role in (("qc", Role.QC_ANALYST), ("qa", Role.QA_REVIEWER), ("prod", Role.PRODUCTION)):
            users.add_user(ctx.uow(), admin, ctx.auth, uid, uid.upper(), frozenset({role}), PASSWORD)
            approve_signing_roles(ctx, admin, uid)
            users.change_own_password(ctx.uow(), ctx.auth, uid, PASSWORD, PASSWORD + "x")
        qc, qa, prod = (users.log_in(ctx.uow(), ctx.auth, u, PASSWORD + "x") for u in ("qc", "qa", "prod"))
        masterdata.create_item(ctx.uow(), admin, "RES-PC", "Polycarbonate resin", ItemType.RAW_MATERIAL, Unit.KG)
        quality.create_spec(ctx.uow(), qc, "RES-PC", "Resin incoming", [
            TestInput("MFI", "Melt flow index", "ISO 1133", "Numeric", "g/10min", "8", "12", 1, replicates=2),
            TestInput("ID", "Identity (FTIR)", "SOP-QC-004", "Pass/fail"),
            TestInput("COL", "Colour", "visual", "Text", expected_text="Clear")])
        implemented_change(ctx.uow, ctx.auth, PASSWORD + "x", (qc, qa, prod), "Resin incoming", "benchmark",
                           [change_control.ItemInput("spec", "RES-PC", 1)])
        spec = quality.get_spec(ctx.uow(), qa, "RES-PC", 1)
        spec_id = quality_spec_id(url)
    finally:
        ctx.dispose()
    now = datetime.now(UTC)
    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(q.qc_plans.insert(), [
            {"record_type": "lot", "record_id": f"R26{i // 100 % 365:03d}-{i:05d}", "item_code": "RES-PC",
             "spec_id": spec_id, "spec_version": spec.version, "created_at": now - timedelta(minutes=i),
             "due_on": date.today() + timedelta(days=i % 15 - 5), "status": PlanStatus.OPEN}
            for i in range(plans)])
        ids = [row[0] for row in c.execute(q.qc_plans.select().with_only_columns(q.qc_plans.c.id))]
        c.execute(q.qc_results.insert(), [
            {"plan_id": pid, "spec_id": spec_id, "test_code": "MFI", "replicates": "9.9; 10.1", "reported": "10.0",
             "unit": "g/10min", "within_spec": True, "analyst": "qc", "instrument": "MFI-02", "entered_at": now,
             "source": "benchmark", "status": ResultStatus.ENTERED, "reviewed_by": None, "reviewed_at": None}
            for pid in ids[::10]])
    engine.dispose()


def quality_spec_id(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as c:
        found = c.execute(q.specifications.select().with_only_columns(q.specifications.c.id)).scalar_one()
    engine.dispose()
    return int(found)


def time_page(app: QApplication, ctx: bootstrap.AppContext, actor: object, runner: TaskRunner) -> tuple[float, int]:
    start = time.perf_counter()
    page = QcWorklistWidget(ctx, runner, actor, ChangeHub())  # type: ignore[arg-type]
    page.resize(1280, 800)
    page.show()
    while page.model.rowCount() == 0:
        app.processEvents()
    page.table.viewport().repaint()
    elapsed = (time.perf_counter() - start) * 1000
    shown = page.model.rowCount()
    page.close()
    page.deleteLater()
    runner.wait_for_done(10_000)
    app.processEvents()
    return elapsed, shown


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--plans", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'worklist.sqlite3'}"
        t0 = time.perf_counter()
        build(url, args.plans)
        print(f"built {args.plans:,} open QC plans in {time.perf_counter() - t0:.1f} s")
        app = QApplication.instance() or QApplication([])
        ctx = bootstrap.open_context(url, settings=Settings())
        runner = TaskRunner()
        try:
            qc = users.log_in(ctx.uow(), ctx.auth, "qc", PASSWORD + "x")
            figures: dict[str, list[float]] = {"open": [], "first page + size": [], "whole list": []}
            time_page(app, ctx, qc, runner)  # warm-up: imports, first query plans
            for _ in range(args.repeat):
                elapsed, shown = time_page(app, ctx, qc, runner)
                figures["open"].append(elapsed)
                t = time.perf_counter()
                quality.worklist(ctx.read_uow(), qc, limit=qc_worklist_widget.PAGE)
                quality.worklist_size(ctx.read_uow(), qc)
                figures["first page + size"].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                everything = quality.worklist(ctx.read_uow(), qc, limit=args.plans)
                figures["whole list"].append((time.perf_counter() - t) * 1000)
            print(f"page shows {shown} of {len(everything):,} rows at first; {args.repeat} runs")
            report = {}
            for name, values in figures.items():
                p50, p95 = statistics.median(values), percentile(values, 0.95)
                report[name] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1)}
                verdict = f"  (target < {TARGET_MS:.0f} ms: {'met' if p95 < TARGET_MS else 'MISSED'})" \
                    if name == "open" else ""
                print(f"{name:>18}: p50 {p50:7.1f} ms  p95 {p95:7.1f} ms{verdict}")
            print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
            if args.json:
                args.json.write_text(json.dumps(report, indent=2))
        finally:
            runner.wait_for_done(10_000)
            ctx.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
