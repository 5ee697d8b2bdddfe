"""Audit trail at scale: verify a 1,000,000-entry chain, check every record against it, page through it
(AUD-3, AUD-5, AUD-6).

    .venv/bin/python benchmarks/audit_verify.py                      # SQLite, 1,000,000 entries
    .venv/bin/python benchmarks/audit_verify.py --entries 200000     # quicker
    .venv/bin/python benchmarks/audit_verify.py --engine postgresql --pg-url postgresql://user@host:5432/empty_db
    .venv/bin/python benchmarks/audit_verify.py --engine postgresql      # a throwaway local PostgreSQL 15

The database is built quickly and outside the application: a fresh schema (`upgrade_database`), then valid
chained rows computed with `domain.audit.entry_hash` and bulk-inserted in one transaction, with the lot and
batch rows those entries describe. The timings are of the application's own use cases: `verify_audit` (target:
200,000 entries/s or more on SQLite), `check_audit_records` (every lot and batch row against the replayed trail)
and `audit_page` (the audit viewer's first page and a page near the start of the trail).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from site_generator import _millionths  # noqa: E402

from app import audit, bootstrap  # noqa: E402
from app.ports import AuditFilter  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.audit import canonical_changes, entry_hash, format_time, keyed_hash  # noqa: E402
from domain.users import SYSTEM_ACTOR, Actor, Role, UserId  # noqa: E402

TARGET_PER_SECOND = 200_000
COLUMNS = ("seq", "at", "user_id", "user_name", "record_type", "record_id", "action", "changes", "reason",
           "prev_hash", "hash", "format")
USERS = [(f"user{i:02d}", f"Operator Number {i:02d}") for i in range(40)]
AUDITOR = Actor(UserId("auditor"), "Benchmark Auditor", frozenset({Role.QA_REVIEWER}))


def chained_rows(count: int, first_seq: int, prev: str, start: datetime,
                 records: dict[tuple[str, str], dict[str, Any]], history: list[tuple[Any, ...]],
                 key: bytes | None = None) -> Iterator[tuple[Any, ...]]:
    """Valid entries `first_seq`..`first_seq + count - 1`, about 300 bytes each, like a busy site's trail; keyed
    (v3, HMAC with the database's key, as its function computes them) when a key is given. `records` receives
    each lot's and batch's last state as the entries say it, `history` their status changes (the rows to
    write)."""
    rng = random.Random(20261126)
    fmt = "v2" if key is None else "v3"

    def sha(*content: Any) -> str:
        return entry_hash(*content) if key is None else keyed_hash(key, *content)

    for i in range(count):
        seq = first_seq + i
        at_text = format_time(start + timedelta(milliseconds=250 * i))
        uid, uname = USERS[rng.randrange(len(USERS))]
        kind = rng.random()
        if kind < 0.5:
            rtype, rid, action, reason = "lot", f"L{seq // 7:08d}", "UPDATE", "quantity corrected after recount"
            values = {"quantity": (f"{rng.randrange(1, 9999)}.000", f"{rng.randrange(1, 9999)}.000"),
                      "status": ("Quarantine", "Released")}
            changes = canonical_changes(values)
            records.setdefault((rtype, rid), {}).update((name, new) for name, (_old, new) in values.items())
            history.append((rtype, rid, "Quarantine", "Released", uid, reason))
        elif kind < 0.8:
            rtype, rid, action, reason = "batch", f"B{seq // 11:07d}", "CREATE", None
            values = {"batch_number": (None, rid), "product_code": (None, "FG-100"),
                      "planned_quantity": (None, "1000.000"), "status": (None, "Planned")}
            changes = canonical_changes(values)
            records[rtype, rid] = {name: new for name, (_old, new) in values.items()}
            history.append((rtype, rid, None, "Planned", uid, reason))
        else:
            rtype, rid, action, reason, changes = "user", uid, "LOGIN", None, "{}"
        digest = sha(seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev)
        yield (seq, at_text, uid, uname, rtype, rid, action, changes, reason, prev, digest, fmt)
        prev = digest


def build(url: str, count: int) -> None:
    """Schema by the application's own upgrade, then `count` more entries by bulk insert."""
    bootstrap.upgrade_database(url, settings=Settings())
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        head = audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR)
    finally:
        ctx.dispose()
    start = datetime.now(UTC)  # after the upgrade's own entry: the verifier refuses times going backwards
    records: dict[tuple[str, str], dict[str, Any]] = {}
    history: list[tuple[Any, ...]] = []
    if url.startswith("sqlite"):
        rows = chained_rows(count - head.entries, head.head_seq + 1, head.head_hash, start, records, history)
        import sqlite3

        connection = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        connection.execute("PRAGMA synchronous=OFF")  # building only; the application uses FULL
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            f"INSERT INTO audit_log ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})", rows
        )
        for table, columns, values in record_rows(records, history, start):
            connection.executemany(  # quantities as whole millionths, as SQLite keeps them since migration 0017
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                _millionths(table, columns, values))
        connection.execute("COMMIT")
        connection.close()
    else:
        import psycopg

        with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
            # `db upgrade` keyed the chain: the owner (this URL) reads the key and writes v3 entries as the
            # database's function would, only faster (COPY)
            key = bytes(connection.execute("SELECT key FROM batchtrace_keys.chain_key").fetchone()[0])  # type: ignore[index]
            rows = chained_rows(count - head.entries, head.head_seq + 1, head.head_hash, start, records, history,
                                key)
            statement = f"COPY audit_log ({', '.join(COLUMNS)}) FROM STDIN"
            with connection.cursor() as cursor, cursor.copy(statement) as copy:
                for row in rows:
                    copy.write_row((row[0], row[1] + "+00", *row[2:]))
            connection.execute("SET session_replication_role = replica")  # building only: no item or MBR rows
            for table, columns, values in record_rows(records, history, start):
                with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") \
                        as copy:
                    for value in values:
                        copy.write_row(value)
            connection.execute("ANALYZE audit_log")


def record_rows(records: dict[tuple[str, str], dict[str, Any]], history: list[tuple[Any, ...]], at: datetime
                ) -> Iterator[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
    """The lot and batch rows and their status history as the entries describe them (the columns they do not
    name: fixed values)."""
    at_text = at.strftime("%Y-%m-%d %H:%M:%S")
    yield "status_changes", ("record_type", "record_id", "from_status", "to_status", "by_user", "reason", "at"), [
        (*change, at_text) for change in history]
    lots = [(n, rid, "FG-100", "Produced", r["status"], r["quantity"], "0", "pcs", at_text, 1)
            for n, ((kind, rid), r) in enumerate(sorted(records.items()), 1) if kind == "lot"]
    yield "lots", ("id", "lot_number", "item_code", "origin", "status", "quantity", "on_hand", "unit", "created_at",
                   "version"), lots
    batches = [(n, rid, r["product_code"], 1, 1, r["planned_quantity"], "pcs", r["status"], at_text, 1)
               for n, ((kind, rid), r) in enumerate(sorted(records.items()), 1) if kind == "batch"]
    yield "batches", ("id", "batch_number", "product_code", "mbr_id", "mbr_version", "planned_quantity", "unit",
                      "status", "planned_at", "version"), batches


def timed(call: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - began)
    return times, result


def run(url: str, repeat: int) -> dict[str, Any]:
    ctx = bootstrap.open_context(url, settings=Settings())
    try:
        verify_times, report = timed(lambda: audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR), repeat)
        assert report.intact, report.problem
        entries = report.entries
        check_times, problems = timed(lambda: audit.check_audit_records(ctx.read_uow(), SYSTEM_ACTOR), repeat)
        assert not problems, problems[:5]
        pages: dict[str, Any] = {}
        cases: dict[str, Callable[[], Any]] = {
            "first page (200, newest)": lambda: audit.audit_page(ctx.read_uow(), AUDITOR, AuditFilter(), limit=200),
            "deep page (200 before seq 1,000)": lambda: audit.audit_page(
                ctx.read_uow(), AUDITOR, AuditFilter(), before_seq=1_000, limit=200),
            "one record's history (lot)": lambda: audit.audit_page(
                ctx.read_uow(), AUDITOR, AuditFilter(record_type="lot", record_id="L00000100"), limit=200),
            "one user, first page": lambda: audit.audit_page(
                ctx.read_uow(), AUDITOR, AuditFilter(user_id="user07"), limit=200),
            "one action, deep page": lambda: audit.audit_page(
                ctx.read_uow(), AUDITOR, AuditFilter(action="LOGIN"), before_seq=5_000, limit=200),
        }
        for name, call in cases.items():
            page_times, page = timed(call, 5)
            assert page, name
            pages[name] = {"median_ms": statistics.median(page_times) * 1000, "max_ms": max(page_times) * 1000,
                           "rows": len(page)}
    finally:
        ctx.dispose()
    return {
        "entries": entries,
        "verify_seconds": verify_times,
        "verify_per_second_best": entries / min(verify_times),
        "verify_per_second_median": entries / statistics.median(verify_times),
        "records_seconds": check_times,
        "records_per_second_median": entries / statistics.median(check_times),
        "pages": pages,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--pg-url", help="an EMPTY PostgreSQL database (its schema is created here); without "
                        "it, a throwaway PostgreSQL 15 cluster is started as the tests do (tests/pg_server.py)")
    parser.add_argument("--db", type=Path, help="SQLite file to build (default: a temporary file, removed)")
    parser.add_argument("--reuse", action="store_true", help="the database is already built: only measure")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    os.environ.setdefault("BATCHTRACE_CONFIG_DIR", tempfile.mkdtemp(prefix="bt-bench-config-"))

    temporary = None
    server = None
    if args.engine == "postgresql":
        if args.pg_url:
            url = args.pg_url
        else:
            from tests.pg_server import PgServer

            server = PgServer().start()
            server.admin_sql("CREATE DATABASE bt_bench")
            url = server.url("bt_bench")
    else:
        if args.db is None:
            temporary = tempfile.TemporaryDirectory(prefix="bt-bench-")
            args.db = Path(temporary.name) / "audit.sqlite3"
        url = f"sqlite:///{args.db.resolve().as_posix()}"

    try:
        if not args.reuse:
            began = time.perf_counter()
            build(url, args.entries)
            print(f"built {args.entries:,} entries in {time.perf_counter() - began:.1f} s", flush=True)
        figures = run(url, args.repeat)
    finally:
        if temporary is not None:
            temporary.cleanup()
        if server is not None:
            server.stop()

    figures.update(engine=args.engine, machine=f"{platform.processor() or platform.machine()}, "
                   f"{os.cpu_count()} cores, Python {platform.python_version()}",
                   date=datetime.now(UTC).strftime("%Y-%m-%d"))
    print(f"verify_audit over {figures['entries']:,} entries ({args.engine}):")
    for seconds in figures["verify_seconds"]:
        print(f"  {seconds:6.2f} s   {figures['entries'] / seconds:>10,.0f} entries/s")
    verdict = "meets" if figures["verify_per_second_median"] >= TARGET_PER_SECOND else "BELOW"
    print(f"  median {figures['verify_per_second_median']:,.0f} entries/s: {verdict} the target of "
          f"{TARGET_PER_SECOND:,}/s")
    print(f"check_audit_records over the same trail and its lot and batch rows ({args.engine}):")
    for seconds in figures["records_seconds"]:
        print(f"  {seconds:6.2f} s   {figures['entries'] / seconds:>10,.0f} entries/s")
    print("audit_page:")
    for name, page in figures["pages"].items():
        print(f"  {name:34} median {page['median_ms']:7.1f} ms   max {page['max_ms']:7.1f} ms   ({page['rows']} rows)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
