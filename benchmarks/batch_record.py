"""Rendering a large batch record (DOC-1, DOC-2): 200 steps, 2,000 environment readings (a chart), 50
signatures, 100 issued lots, and an audit excerpt of 1,000 entries, as DOCX and as PDF.

The document model is built here with the batch record's own section layout (what `app.documents` builds from
the database), so the figures are the renderers' (python-docx, Qt's PDF writer) on a record of that size; the
database read is not in them. Each format runs in a fresh process so its peak memory is its own.

    .venv/bin/python benchmarks/batch_record.py            # both formats, 3 runs each
    .venv/bin/python benchmarks/batch_record.py --json /tmp/br.json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from domain.documents import (
    Chart,
    Document,
    DocumentFormat,
    DocumentKind,
    Fields,
    PageWords,
    Paragraph,
    Section,
    Table,
)

TARGETS = {"docx": 3.0, "pdf": 10.0}  # seconds
MEMORY_TARGET_MB = 300
T0 = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)


def _when(minutes: float) -> str:
    return f"{T0 + timedelta(minutes=minutes):%Y-%m-%d %H:%M:%S} (UTC+00:00)"


def large_record() -> Document:
    lots = tuple((f"CP-{i % 12:02d}", f"L2612-{i:04d}\nSL-{i:05d}", f"SUP{i % 7} Supplier {i % 7} GmbH",
                  "Issue\n120 pcs", "Released", f"Wes Warehouse (wes)\n{_when(i)}") for i in range(100))
    steps = tuple((str(n), f"Step {n}: assemble, check and record as the work instruction says", f"EQ-{n % 9}",
                   f"Pat Production (pat)\n{_when(n * 3)}", f"Quinn Reviewer (quinn)\n{_when(n * 3 + 1)}")
                  for n in range(1, 201))
    values = tuple((str(n), f"Parameter {k}", "120 °C", "115 – 125", f"{119 + (n * k) % 8} °C",
                    "Out of limits" if (n * k) % 8 > 6 else "Within limits", f"Pat Production (pat)\n{_when(n)}")
                   for n in range(1, 201) for k in (1, 2))
    flagged = frozenset(i for i, row in enumerate(values) if row[5] == "Out of limits")
    readings = tuple((T0 + timedelta(minutes=i), 21.0 + (i % 97) / 40) for i in range(2000))
    signatures = tuple((f"Signer {i}", f"user{i}", _when(i), "Performed" if i % 2 else "Reviewed", "step",
                        "valid") for i in range(50))
    audit = tuple((str(i), _when(i / 10), "Pat Production (pat)", f"parameter_value {i}", "CREATE",
                   f"value: None -> {120 + i % 5}; unit: None -> °C; step_no: None -> {i % 200}", "")
                  for i in range(1000))
    sections = (
        Section("Batch", (Fields(tuple((f"Field {i}", f"Value {i}") for i in range(13))),)),
        Section("Materials issued", (Table(("Item", "Lot\nSupplier lot", "Supplier", "Movement\nQuantity",
                                            "Status at issue", "By\nWhen"), lots, widths=(12, 18, 20, 12, 11, 21)),)),
        Section("Process steps", (Table(("Step", "Instruction", "Equipment", "Performed by", "Verified by"), steps,
                                        widths=(5, 40, 12, 21, 21)),)),
        Section("Critical process parameters", (Table(("Step", "Parameter", "Target", "Limits", "Actual", "Result",
                                                        "Entered by"), values, flagged,
                                                       widths=(5, 16, 11, 13, 16, 12, 20)),)),
        Section("Environment", (Chart("CR-1 · T1 (Temperature)", "°C", readings, 18.0, 25.0),)),
        Section("Electronic signatures", (Table(("Printed name", "User ID", "Date and time", "Meaning", "For",
                                                 "Validity"), signatures),)),
        Section("Audit trail excerpt", (Paragraph("Every audit entry of the batch."),
                                        Table(("Seq.", "When", "User", "Record", "Action", "Changes", "Reason"),
                                              audit, widths=(6, 14, 13, 14, 9, 30, 14)))),
    )
    return Document(DocumentKind.BATCH_RECORD, "BR-B2612-0001-R1", "en", "Batch record B2612-0001",
                    "Batch record B2612-0001 · BR-B2612-0001-R1 · CONTROLLED COPY",
                    Fields((("Document number", "BR-B2612-0001-R1"),)), sections,
                    PageWords("Page {page} of {pages}", "Content SHA-256", "CONTROLLED COPY"))


def one(fmt: str) -> dict[str, float]:
    import reports

    doc = large_record()
    start = time.perf_counter()
    data = reports.render(doc, DocumentFormat(fmt))
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak_mb, "bytes": len(data)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", choices=("docx", "pdf"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return 0
    results: dict[str, list[dict[str, float]]] = {}
    for fmt in ("docx", "pdf"):
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, __file__, "--one", fmt], capture_output=True, text=True, check=True)
            results.setdefault(fmt, []).append(json.loads(out.stdout.strip().splitlines()[-1]))
        runs = results[fmt]
        times = sorted(r["seconds"] for r in runs)
        peak = max(r["peak_mb"] for r in runs)
        ok = times[len(times) // 2] < TARGETS[fmt] and peak < MEMORY_TARGET_MB
        print(f"{fmt.upper():4}  median {times[len(times) // 2]:.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}), "
              f"peak {peak:.0f} MB, {runs[0]['bytes'] / 1e6:.1f} MB file; target < {TARGETS[fmt]:.0f} s and "
              f"< {MEMORY_TARGET_MB} MB: {'met' if ok else 'MISSED'}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
