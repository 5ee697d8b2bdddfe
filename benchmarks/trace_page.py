"""The Trace page on the ten-year site (TRC-3): first paint, and the GUI thread's frame gaps while it loads.

    .venv/bin/python benchmarks/trace_page.py URL LOT [--repeat 10] [--recall] [--json FILE]

Run by `trace_site.py` on its working copy of the site (or by hand on any migrated database). One process as
a station runs it: the real `TraceWidget` at 1280x800 on the real `TaskRunner` (offscreen Qt). A probe timer on
the GUI thread ticks every 5 ms and records the gaps between its ticks: a gap is the time the GUI thread could
not run (no repaint, no input) because it was busy or waiting for the interpreter's lock held by the database
thread. Timed, from the call that asks for the trace:

  first paint    the tree's viewport painted with the traced lot and its first level
  summary        the scope counted by the database shown in the summary line
  open nodes     opening the first batch, then the first lot under it
  export         the whole tree written to CSV by the page (runner, database thread)
  recall         (--recall, writes!) `open_recall` for the lot through the page's runner

For each it prints the time and the largest frame gap meanwhile; for the export and the recall also how long
the same work takes with nothing running on the GUI thread (does the probe slow the database thread down?).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app import bootstrap, recalls, trace  # noqa: E402
from app.settings import Settings  # noqa: E402
from domain.users import Actor, Role  # noqa: E402
from ui.shell.application import long_lived_objects_frozen  # noqa: E402
from ui.shell.changes import ChangeHub  # noqa: E402
from ui.shell.task_runner import TaskRunner  # noqa: E402
from ui.trace.trace_widget import TraceWidget  # noqa: E402

TICK_MS = 5
TARGETS = {"first paint": 150.0, "gap": 50.0}


class FrameProbe(QObject):
    """Ticks on the GUI thread; `gap_since(t)` is the longest time between two ticks (or up to now) after t."""

    def __init__(self) -> None:
        super().__init__()
        self.ticks: list[float] = []
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def gap_since(self, start: float, end: float) -> float:
        points = [start, *(t for t in self.ticks if start <= t <= end), end]
        return max((b - a for a, b in itertools.pairwise(points)), default=0.0) * 1000


class PaintWatch(QObject):
    """Notes when the tree's viewport is painted with the trace in it (`showing()`)."""

    def __init__(self, showing: Callable[[], bool]) -> None:
        super().__init__()
        self.painted: list[float] = []
        self.showing = showing

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.showing():
            self.painted.append(time.perf_counter())
        return False


class CollectorWatch:
    """The garbage collector's pauses (they hold the interpreter's lock: no other thread runs meanwhile)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []  # (start, ms, generation)
        self._start = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses.append((self._start, (time.perf_counter() - self._start) * 1000, info["generation"]))

    def longest(self, start: float, end: float) -> float:
        return max((ms for at, ms, _gen in self.pauses if start <= at <= end), default=0.0)


def wait_until(app: QApplication, done: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop, as the application does (it sleeps in Qt between events, without the interpreter's
    lock), until `done()`; not a Python loop polling `processEvents`, which would compete for that lock."""
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(2)
    check.timeout.connect(lambda: loop.quit() if done() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    if done():
        return
    check.start()
    deadline.start(int(timeout_s * 1000))
    loop.exec()
    check.stop()
    if not done():
        raise TimeoutError("the page did not finish in time")


class PageBench:
    def __init__(self, url: str, lot: str) -> None:
        self.app = QApplication.instance() or QApplication([])
        self.ctx = bootstrap.open_context(url, settings=Settings())
        self.actor = Actor("bench-qa", "Benchmark QA", frozenset({Role.QA_REVIEWER}))
        self.runner = TaskRunner()
        self.page = TraceWidget(self.ctx, self.runner, self.actor, ChangeHub())
        self.page.resize(1280, 800)
        self.page.show()
        self.watch = PaintWatch(lambda: self.page.model.root is not None and self.page.model.rowCount() > 0)
        self.page.tree.viewport().installEventFilter(self.watch)
        self.collector = CollectorWatch()
        self.lot = lot
        self.probe = FrameProbe()

    def load(self) -> dict[str, float]:
        page = self.page
        page.model.show(None)
        page.summary.setText("")
        wait_until(self.app, lambda: True)
        started = time.perf_counter()
        page.number.setText(self.lot)
        page.direction.setCurrentIndex(page.direction.findData("forward"))
        page.run_trace()
        wait_until(self.app, lambda: any(t > started for t in self.watch.painted))
        painted = next(t for t in self.watch.painted if t > started)
        wait_until(self.app, lambda: "shipments" in page.summary.text())
        counted = time.perf_counter()
        return {"first paint": (painted - started) * 1000, "summary": (counted - started) * 1000,
                "gap": self.probe.gap_since(started, counted), "gc": self.collector.longest(started, counted)}

    def open_nodes(self) -> dict[str, float]:
        page, model = self.page, self.page.model
        started = time.perf_counter()
        root = model.index(0, 0, model.index(0, 0))
        batch = model.index(0, 0, root)
        page.tree.expand(batch)
        wait_until(self.app, lambda: model.rowCount(batch) > 0)
        lot = model.index(0, 0, batch)
        page.tree.expand(lot)
        wait_until(self.app, lambda: model.rowCount(lot) > 0 or not model.hasChildren(lot))
        ended = time.perf_counter()
        return {"open nodes": (ended - started) * 1000, "gap": self.probe.gap_since(started, ended),
                "gc": self.collector.longest(started, ended)}

    def export(self, out: Path) -> dict[str, float]:
        page = self.page
        page.choose_export_path = lambda _name: out  # type: ignore[method-assign]
        started = time.perf_counter()
        page.export_csv()
        wait_until(self.app, lambda: "exported" in page.message.text())
        ended = time.perf_counter()
        quiet = timed_alone(lambda: trace.export_trace_csv(self.ctx.read_uow(), self.actor, self.lot, "forward",
                                                           out.with_suffix(".alone.csv")))
        return {"export": (ended - started) * 1000, "gap": self.probe.gap_since(started, ended),
                "gc": self.collector.longest(started, ended), "export, GUI idle": quiet}

    def recall(self) -> dict[str, float]:
        done: list[Any] = []
        started = time.perf_counter()
        self.runner.run(lambda: recalls.open_recall(self.ctx.uow(), self.actor, self.lot, "benchmark"),
                        on_done=done.append, on_error=done.append)
        wait_until(self.app, lambda: bool(done))
        ended = time.perf_counter()
        if isinstance(done[0], Exception):
            raise done[0]
        return {"recall": (ended - started) * 1000, "gap": self.probe.gap_since(started, ended),
                "gc": self.collector.longest(started, ended), "scope": len(done[0].scope)}

    def close(self) -> None:
        self.runner.wait_for_done(60_000)
        self.page.close()
        self.ctx.dispose()


def timed_alone(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("lot")
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--recall", action="store_true", help="also open a recall (writes to the database)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    bench = PageBench(args.url, args.lot)
    out: dict[str, Any] = {"load average": os.getloadavg()[0]}
    try:
        with long_lived_objects_frozen():  # as the application runs a session (ui/application.py)
            bench.load()  # warm-up
            loads = [bench.load() for _ in range(args.repeat)]
            out["load"] = {key: {"p50": statistics.median(v[key] for v in loads),
                                 "p95": sorted(v[key] for v in loads)[max(0, round(0.95 * len(loads)) - 1)],
                                 "max": max(v[key] for v in loads)} for key in loads[0]}
            out["open nodes"] = bench.open_nodes()
            with tempfile.TemporaryDirectory() as folder:
                out["export"] = bench.export(Path(folder) / "trace.csv")
            if args.recall:
                out["recall"] = bench.recall()
    finally:
        bench.close()
    out["load average"] = [round(out["load average"], 2), round(os.getloadavg()[0], 2)]
    for name, figures in out.items():
        print(f"  page {name:12} {json.dumps(figures, default=lambda v: round(v, 1))}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
