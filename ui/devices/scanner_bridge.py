"""Hands a scanner's events to the Qt main thread as signals.

Backends call their listeners on their reader thread; widgets may only be touched on the main thread.
Emitting a signal of a QObject that lives in the main thread from another thread queues the call (Qt's
automatic connection), so connecting `scanned`, `status_changed` and `problem` is all a window needs.
The bridge lives in devices/ because it needs only QtCore; the routing of scans to screens is ui/'s.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.ports import Scanner
from domain.barcodes import Scan
from domain.scanners import ScannerStatus


class ScannerBridge(QObject):
    scanned = Signal(object)  # Scan
    status_changed = Signal(object)  # ScannerStatus
    problem = Signal(str)

    def __init__(self, scanner: Scanner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scanner = scanner
        scanner.on_scan = self._on_scan
        scanner.on_status = self._on_status
        scanner.on_problem = self.problem.emit

    def _on_scan(self, scan: Scan) -> None:
        self.scanned.emit(scan)

    def _on_status(self, status: ScannerStatus) -> None:
        self.status_changed.emit(status)
