"""What the scanner backends (HID POS, simulator) share; `app.ports.Scanner` is the interface they offer.

A scanner delivers `Scan`s and reports its connection state (connected / disconnected / reconnecting) so
the status bar can show it, and problems that are not scans (a long barcode cut off by an unplug) so the
operator knows to scan again. Backends call the listeners from their own reader thread; `ScannerBridge`
(ui/devices/scanner_bridge.py) hands them to the Qt main thread.

A listener that raises must not stop the reader thread (the next scan would be lost), so `ScannerBase`
logs and carries on.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from domain.barcodes import Scan
from domain.scanners import ScannerState, ScannerStatus

__all__ = ["ScannerBase", "ScannerState", "ScannerStatus"]

log = logging.getLogger(__name__)
T = TypeVar("T")

ScanListener = Callable[[Scan], None]
StatusListener = Callable[[ScannerStatus], None]
ProblemListener = Callable[[str], None]



class ScannerBase:
    """Listener plumbing shared by the backends: deliver, report state changes once, never raise."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.on_scan: ScanListener | None = None
        self.on_status: StatusListener | None = None
        self.on_problem: ProblemListener | None = None
        self._status = ScannerStatus(ScannerState.STOPPED)
        self._status_lock = threading.Lock()

    @property
    def status(self) -> ScannerStatus:
        with self._status_lock:
            return self._status

    def _set_status(self, state: ScannerState, message: str = "") -> None:
        status = ScannerStatus(state, message)
        with self._status_lock:
            if status == self._status:
                return
            self._status = status
        log.info("scanner %s: %s %s", self.name, state.value, message)
        self._call(self.on_status, status)

    def _deliver(self, scan: Scan) -> None:
        if self.on_scan is None:
            log.warning("scanner %s: scan arrived with nobody listening: %r", self.name, scan.data)
            return
        self._call(self.on_scan, scan)

    def _report_problem(self, message: str) -> None:
        log.warning("scanner %s: %s", self.name, message)
        self._call(self.on_problem, message)

    def _call(self, listener: Callable[[T], None] | None, argument: T) -> None:
        if listener is None:
            return
        try:
            listener(argument)
        except Exception:
            log.exception("scanner %s: a listener failed", self.name)
