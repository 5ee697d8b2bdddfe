"""A scanner without hardware, for the demo, tests and the developer's scanner window (which lives in ui/).

It behaves like `HidPosScanner` from the outside: start/stop, the same listeners and states, scans with an
optional AIM symbology identifier. `unplug()` and `plug_in()` show the status bar's disconnected and
reconnecting states without a device to pull. Scans are delivered on the calling thread.
"""

from __future__ import annotations

from datetime import UTC, datetime

from devices.scanner import ScannerBase, ScannerState
from domain.barcodes import Scan


class SimulatedScanner(ScannerBase):
    def __init__(self, name: str = "Simulated scanner") -> None:
        super().__init__(name)
        self._running = False
        self._plugged = True

    def start(self) -> None:
        self._running = True
        self._set_status(ScannerState.CONNECTED if self._plugged else ScannerState.DISCONNECTED, "simulated")

    def stop(self) -> None:
        self._running = False
        self._set_status(ScannerState.STOPPED)

    def emit(self, text: str, symbology: str | None = None) -> Scan | None:
        """Scan `text` as if a barcode had been read; None (with a problem report) when it cannot be."""
        if not self._running:
            self._report_problem("The simulated scanner is stopped: start it first.")
            return None
        if not self._plugged:
            self._report_problem("The simulated scanner is unplugged.")
            return None
        scan = Scan(text, symbology, self.name, datetime.now(UTC))
        self._deliver(scan)
        return scan

    def unplug(self) -> None:
        self._plugged = False
        if self._running:
            self._set_status(ScannerState.DISCONNECTED, "simulated unplug")
            self._set_status(ScannerState.RECONNECTING, "waiting for the scanner to be plugged in again")

    def plug_in(self) -> None:
        self._plugged = True
        if self._running:
            self._set_status(ScannerState.CONNECTED, "simulated")
