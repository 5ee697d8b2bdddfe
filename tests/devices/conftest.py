"""Test doubles for the hardware layer: a real TCP label printer on 127.0.0.1 and a replaying hid.device."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from devices.labels.zpl import host_status_answer


class FakePrinterServer:
    """A raw-TCP label printer: records every job's bytes and answers ~HS / <ESC>!? like the real ones.

    `status` is the ~HS answer it gives (None: stays silent, as Zebra printers do when out of media).
    """

    def __init__(self, port: int = 0) -> None:
        self.jobs: list[bytes] = []
        self.queries: list[bytes] = []
        self.status: bytes | None = host_status_answer()
        self.tspl_status: bytes | None = b"\x00"
        self._listener = socket.create_server(("127.0.0.1", port))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._handle, args=(connection,), daemon=True).start()

    def _handle(self, connection: socket.socket) -> None:
        data = b""
        with connection:
            connection.settimeout(5)
            while True:
                try:
                    chunk = connection.recv(65536)
                except (TimeoutError, OSError):
                    break
                if not chunk:
                    break
                data += chunk
                if data == b"~HS":
                    self.queries.append(data)
                    data = b""
                    if self.status is not None:
                        connection.sendall(self.status)
                elif data == b"\x1b!?":
                    self.queries.append(data)
                    data = b""
                    if self.tspl_status is not None:
                        connection.sendall(self.tspl_status)
        if data:
            self.jobs.append(data)

    def wait_for_jobs(self, count: int, timeout_s: float = 5.0) -> list[bytes]:
        deadline = time.monotonic() + timeout_s
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.jobs

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._listener.close()


@pytest.fixture
def printer_server() -> Iterator[FakePrinterServer]:
    server = FakePrinterServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def start_printer_server() -> Iterator[Callable[[int], FakePrinterServer]]:
    servers: list[FakePrinterServer] = []

    def start(port: int) -> FakePrinterServer:
        server = FakePrinterServer(port)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def free_port() -> int:
    """A local port nothing listens on (bound and released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- HID -------------------------------------------------------------------------------------------------

@dataclass
class FakeHidBus:
    """What is plugged in: the device factory below opens against it, tests script it.

    `script` is consumed by read(): bytes are reports, an OSError instance is raised (an unplug: the
    device is then gone until `plug_in`), None is a read that times out.
    """

    path: bytes = b"/dev/hidraw-test"
    plugged: bool = True
    script: list[bytes | OSError | None] = field(default_factory=list)
    opened: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def plug_in(self, *reports: bytes) -> None:
        with self.lock:
            self.script.extend(reports)
            self.plugged = True

    def device(self) -> FakeHidDevice:
        return FakeHidDevice(self)


class FakeHidDevice:
    """Stands in for hid.device: open_path / read / send_feature_report / close."""

    def __init__(self, bus: FakeHidBus) -> None:
        self._bus = bus
        self._open = False
        self.feature_reports: list[bytes] = []

    def open_path(self, path: bytes) -> None:
        with self._bus.lock:
            if not self._bus.plugged or path != self._bus.path:
                raise OSError("open failed")
            self._bus.opened += 1
        self._open = True

    def read(self, max_length: int, timeout_ms: int = 0) -> list[int]:
        if not self._open:
            raise ValueError("not open")
        with self._bus.lock:
            step = self._bus.script.pop(0) if self._bus.script and self._bus.plugged else None
            if isinstance(step, OSError):
                self._bus.plugged = False
        if isinstance(step, OSError):
            raise step
        if step is None:
            time.sleep(timeout_ms / 1000)
            if not self._bus.plugged:
                raise OSError("read error")
            return []
        return list(step[:max_length])

    def send_feature_report(self, data: bytes | list[int]) -> int:
        self.feature_reports.append(bytes(data))
        return len(data)

    def close(self) -> None:
        self._open = False


@pytest.fixture
def hid_bus() -> FakeHidBus:
    return FakeHidBus()
