"""Import of 1,000,000 data-logger readings (INT-1, PRC-3, PRC-4): time, peak memory, and all or nothing when the
importing process is killed part-way.

    .venv/bin/python benchmarks/readings_import.py                       # 1,000,000 readings, SQLite
    .venv/bin/python benchmarks/readings_import.py --readings 100000     # quicker
    .venv/bin/python benchmarks/readings_import.py --json /tmp/readings.json

A fresh SQLite database (`upgrade_database`) gets a room with `--sensors` sensors and a production user; the file
holds one reading per sensor and minute (ISO 8601 with offset), with a few short excursions. The import runs
in a child process through the application's own use case (`app.readings.import_readings`, as `batchtrace
import readings` does), so its peak memory (ru_maxrss) is the import's alone. Then the same import is started
on a fresh copy of the database and the child is killed (SIGKILL) part-way: nothing may be stored (no reading,
no import record, no excursion, no deviation) and the audit chain must verify. Targets: < 30 s, < 500 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app import audit, bootstrap, facilities, readings, users  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.users import SYSTEM_ACTOR, Role  # noqa: E402

TARGET_SECONDS = 30.0
TARGET_MB = 500.0
PASSWORD = "Bench-pass-2026"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


def build_database(url: str, sensors: int) -> None:
    bootstrap.upgrade_database(url, settings=Settings())
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Bench Admin", PASSWORD)
        admin = users.log_in(ctx.uow(), ctx.auth, "admin", PASSWORD)
        users.add_user(ctx.uow(), admin, ctx.auth, "prod", "Bench Production", {Role.PRODUCTION}, "Temp-pass-2026")
        users.change_own_password(ctx.uow(), ctx.auth, "prod", "Temp-pass-2026", PASSWORD)
        facilities.add_room(ctx.uow(), admin, "CR-1", "Clean room 1")
        for i in range(sensors):
            kind, lower, upper = ("Temperature", "18", "25") if i % 2 == 0 else ("Humidity", "30", "60")
            facilities.add_sensor(ctx.uow(), admin, f"S{i:02d}", "CR-1", kind, lower, upper, max_gap_minutes=15)
    finally:
        ctx.dispose()


def write_file(path: Path, count: int, sensors: int) -> None:
    """One reading per sensor and minute; every 10,000th minute three readings out of limits (an excursion)."""
    minutes = count // sensors
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("timestamp,sensor,value,unit\n")
        for m in range(minutes):
            stamp = (T0 + timedelta(minutes=m)).isoformat()
            hot = m % 10_000 in (5_000, 5_001, 5_002)
            for i in range(sensors):
                if i % 2 == 0:
                    out.write(f"{stamp},S{i:02d},{26.1 if hot else 21.0 + (m % 7) / 10:.1f},°C\n")
                else:
                    out.write(f"{stamp},S{i:02d},{45.0 + (m % 5) / 10:.1f},%RH\n")


def child(url: str, file: Path) -> None:
    """The import itself, in its own process: prints seconds and peak memory as JSON."""
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        actor = users.log_in(ctx.uow(), ctx.auth, "prod", PASSWORD)
        started = time.perf_counter()
        with file.open(encoding="utf-8-sig", newline="") as handle:
            report = readings.import_readings(ctx.uow(), actor, handle, file.name)
        seconds = time.perf_counter() - started
    finally:
        ctx.dispose()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak = usage.ru_maxrss / 1024  # kB on Linux
    # CPU seconds of the whole process (log-in included): on a shared machine the fairer figure than wall time
    print(json.dumps({"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mb": peak,
                      "stored": report.new_readings,
                      "excursions": len(report.excursions), "committed": report.committed}))


def counts(url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, text
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return {t: int(c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                    for t in ("readings", "reading_imports", "excursions", "deviations")}
    finally:
        engine.dispose()


def run_child(url: str, file: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", url, str(file)], capture_output=True, text=True,
                         check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def killed_midway(url: str, file: Path, after: float) -> dict[str, Any]:
    """Start the import, SIGKILL it after `after` seconds; what is left in the database."""
    process = subprocess.Popen([sys.executable, __file__, "--child", url, str(file)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    time.sleep(after)
    finished_first = process.poll() is not None
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    left = counts(url)
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        chain = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
    finally:
        ctx.dispose()
    return {"killed_after_s": after, "finished_before_kill": finished_first, "left": left, "chain_ok": chain.intact}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--readings", type=int, default=1_000_000)
    parser.add_argument("--sensors", type=int, default=10)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    work = Path(tempfile.mkdtemp(prefix="bt-readings-"))
    try:
        template = work / "template.sqlite3"
        build_database(f"sqlite:///{template}", args.sensors)
        file = work / "logger.csv"
        write_file(file, args.readings, args.sensors)
        size_mb = file.stat().st_size / 1e6
        print(f"{args.readings:,} readings of {args.sensors} sensors, file {size_mb:.0f} MB; "
              f"load {os.getloadavg()[0]:.1f}")
        runs = []
        for n in range(args.runs):
            db = work / f"run{n}.sqlite3"
            shutil.copy(template, db)
            result = run_child(f"sqlite:///{db}", file)
            runs.append(result)
            print(f"run {n + 1}: {result['seconds']:.1f} s ({result['cpu_s']:.1f} s CPU), "
                  f"peak {result['peak_mb']:.0f} MB, {result['stored']:,} stored, {result['excursions']} excursions; "
                  f"load {os.getloadavg()[0]:.1f}")
        best = min(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        db = work / "killed.sqlite3"
        shutil.copy(template, db)
        kill = killed_midway(f"sqlite:///{db}", file, after=best * 0.6)
        print(f"killed after {kill['killed_after_s']:.1f} s: left {kill['left']}, audit chain "
              f"{'intact' if kill['chain_ok'] else 'BROKEN'}")
        nothing = not any(kill["left"].values()) and kill["chain_ok"] and not kill["finished_before_kill"]
        print(f"import: {'met' if best < TARGET_SECONDS else 'MISSED'} (< {TARGET_SECONDS:.0f} s), memory: "
              f"{'met' if peak < TARGET_MB else 'MISSED'} (< {TARGET_MB:.0f} MB), killed mid-way: "
              f"{'nothing stored' if nothing else 'SOMETHING LEFT'}")
        if args.json:
            args.json.write_text(json.dumps({"readings": args.readings, "sensors": args.sensors, "runs": runs,
                                             "killed": kill, "machine": platform.platform(),
                                             "cpus": os.cpu_count()}, indent=2))
        return 0 if best < TARGET_SECONDS and peak < TARGET_MB and nothing else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
