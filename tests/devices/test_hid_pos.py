"""HID POS scanners (DEVC-1): report parsing, reassembly of long barcodes, unplug and re-plug."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable

import pytest

from devices.gs1 import parse_scan
from devices.hid_pos import (
    HidPosScanner,
    HidReportError,
    ReportAssembler,
    ReportChunk,
    ScanComplete,
    ScanIncomplete,
    find_scanners,
    parse_report,
)
from devices.scanner import ScannerState, ScannerStatus
from domain.barcodes import GS, Scan
from tests.devices.conftest import FakeHidBus
from ui.devices.scanner_bridge import ScannerBridge

# A GS1 DataMatrix UDI of 74 characters: more than the 56 data bytes one 64-byte report carries.
LONG_UDI = f"0109506000134352112512311727073110LOT-2025-12-0007-B{GS}21SN-00000000000000123"


def report(data: bytes, *, aim: bytes = b"]d2", continued: bool = False, vendor: int = 0x77) -> bytes:
    """A 64-byte scanned-data report laid out as in the Access-IS manuals (see devices/hid_pos.py)."""
    assert len(data) <= 56
    body = bytes([0x02, len(data)]) + aim + data.ljust(56, b"\0")
    return body + bytes([vendor, 0x00, 0x01 if continued else 0x00])


def reports_for(text: str, aim: bytes = b"]d2") -> list[bytes]:
    raw = text.encode()
    chunks = [raw[i : i + 56] for i in range(0, len(raw), 56)]
    return [report(chunk, aim=aim, continued=i < len(chunks) - 1) for i, chunk in enumerate(chunks)]


# The Access-IS LSR116 manual's example report pair: a 60-byte barcode (AIM "]Q0", further symbology 's')
# sent as 56 bytes with "data continued" set, then 4 bytes. The manual's printed text of the first 56 bytes
# is one byte short; it is padded with the space that the length byte 0x38 implies.
ACCESS_IS_TEXT = b"M1GATHERGOOD/MICHAEL YABCDEF LHRDURAK 3542 052Y003D23   "
ACCESS_IS_FIRST = bytes([0x02, 0x38]) + b"]Q0" + ACCESS_IS_TEXT + b"s" + bytes([0x00, 0x01])
ACCESS_IS_SECOND = bytes([0x02, 0x04]) + b"]Q0" + b"ABCD" + b"\0" * 52 + b"s" + bytes([0x00, 0x00])


@pytest.mark.req("DEVC-1")
def test_parse_the_recorded_reports_of_a_60_byte_barcode() -> None:
    first, second = parse_report(ACCESS_IS_FIRST), parse_report(ACCESS_IS_SECOND)
    assert first is not None and second is not None
    assert len(ACCESS_IS_FIRST) == len(ACCESS_IS_SECOND) == 64
    assert (first.symbology, len(first.data), first.continued, chr(first.vendor_symbology)) == ("]Q0", 56, True, "s")
    assert (second.symbology, second.data, second.continued) == ("]Q0", b"ABCD", False)
    assembler = ReportAssembler()
    assert assembler.feed(first) == []
    [complete] = assembler.feed(second)
    assert isinstance(complete, ScanComplete)
    assert complete.data == first.data + b"ABCD" and len(complete.data) == 60


@pytest.mark.req("DEVC-1")
def test_report_errors_and_other_report_ids() -> None:
    assert parse_report(bytes([0x04, 1, 2, 3])) is None  # another report (status, keyboard...)
    with pytest.raises(HidReportError, match="empty"):
        parse_report(b"")
    with pytest.raises(HidReportError, match="announces 60 data bytes but has room for 56"):
        parse_report(bytes([0x02, 60]) + b"]d2" + b"\0" * 59)
    with pytest.raises(HidReportError, match="at least 8 bytes"):
        parse_report(bytes([0x02, 1, 0x5D]))
    chunk = parse_report(bytes([0x02, 3]) + b"\0\0\0" + b"ABC" + b"\0" * 53 + b"\0\0\0")
    assert chunk == ReportChunk(None, b"ABC", False, 0)


def test_a_chain_that_breaks_off_is_reported_not_delivered() -> None:
    now = [0.0]
    assembler = ReportAssembler(timeout_s=1.0, clock=lambda: now[0])
    assert assembler.feed(ReportChunk("]d2", b"0109506", True)) == []
    now[0] = 0.5
    assert assembler.expire() == []
    now[0] = 1.6
    [incomplete] = assembler.expire()
    assert isinstance(incomplete, ScanIncomplete) and incomplete.data == b"0109506"
    assert "did not arrive within 1 s" in incomplete.reason
    assembler.feed(ReportChunk("]d2", b"0109506", True))
    outcomes = assembler.feed(ReportChunk("]C1", b"10LOT", False))
    assert [type(o) for o in outcomes] == [ScanIncomplete, ScanComplete]


def test_find_scanners_by_usage_page_or_configured_ids() -> None:
    enumerated = [
        {"path": b"1-1:1.0", "vendor_id": 0x0C2E, "product_id": 0x0B8F, "usage_page": 0x01, "usage": 6},
        {"path": b"1-1:1.1", "vendor_id": 0x0C2E, "product_id": 0x0B8F, "usage_page": 0x8C, "usage": 2,
         "product_string": "Voyager 1400g", "manufacturer_string": "Honeywell", "interface_number": 1},
        {"path": b"2-1:1.0", "vendor_id": 0x05E0, "product_id": 0x1300, "usage_page": 0, "usage": 0},
    ]
    assert [s.path for s in find_scanners(devices=enumerated)] == [b"1-1:1.1"]
    assert find_scanners(devices=enumerated)[0].product == "Voyager 1400g"
    assert [s.path for s in find_scanners(0x0C2E, devices=enumerated)] == [b"1-1:1.1"]
    assert [s.path for s in find_scanners(0x05E0, 0x1300, devices=enumerated)] == [b"2-1:1.0"]
    assert find_scanners(0x1234, devices=enumerated) == []


# --- the scanner thread with a replaying hid.device -------------------------------------------------------

class Listener:
    def __init__(self) -> None:
        self.scans: queue.Queue[Scan] = queue.Queue()
        self.states: list[ScannerState] = []
        self.problems: list[str] = []
        self._changed = threading.Condition()

    def on_status(self, status: ScannerStatus) -> None:
        with self._changed:
            self.states.append(status.state)
            self._changed.notify_all()

    def on_problem(self, message: str) -> None:
        with self._changed:
            self.problems.append(message)
            self._changed.notify_all()

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 5.0) -> None:
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while not condition():
                remaining = deadline - time.monotonic()
                assert remaining > 0, f"timed out; states {self.states}, problems {self.problems}"
                self._changed.wait(remaining)


def make_scanner(bus: FakeHidBus, listener: Listener, **options: object) -> HidPosScanner:
    scanner = HidPosScanner(
        name="test scanner", path=bus.path, device_factory=bus.device, read_timeout_ms=10,
        retry_interval_s=0.02, **options,  # type: ignore[arg-type]
    )
    scanner.on_scan = listener.scans.put
    scanner.on_status = listener.on_status
    scanner.on_problem = listener.on_problem
    return scanner


@pytest.mark.req("DEVC-1")
def test_a_long_gs1_datamatrix_arrives_whole_from_several_reports(hid_bus: FakeHidBus) -> None:
    hid_bus.script += reports_for(LONG_UDI)
    assert len(hid_bus.script) == 2
    listener = Listener()
    scanner = make_scanner(hid_bus, listener)
    scanner.start()
    try:
        scan = listener.scans.get(timeout=5)
    finally:
        scanner.stop()
    assert (scan.data, scan.symbology, scan.source) == (LONG_UDI, "]d2", "test scanner")
    data = parse_scan(scan)
    assert (data.lot, data.serial) == ("LOT-2025-12-0007-B", "SN-00000000000000123")
    assert listener.states[0] is ScannerState.CONNECTED
    assert listener.states[-1] is ScannerState.STOPPED


@pytest.mark.req("DEVC-1")
def test_unplug_and_replug_is_survived_and_reported(hid_bus: FakeHidBus) -> None:
    hid_bus.script += [*reports_for("0109506000134352"), OSError("read error")]
    listener = Listener()
    scanner = make_scanner(hid_bus, listener)
    scanner.start()
    try:
        assert listener.scans.get(timeout=5).data == "0109506000134352"
        listener.wait_until(lambda: ScannerState.RECONNECTING in listener.states)
        assert hid_bus.opened == 1  # the device stays gone while unplugged
        hid_bus.plug_in(*reports_for(LONG_UDI))
        assert listener.scans.get(timeout=5).data == LONG_UDI
    finally:
        scanner.stop()
    assert listener.states == [
        ScannerState.CONNECTED,
        ScannerState.DISCONNECTED,
        ScannerState.RECONNECTING,
        ScannerState.CONNECTED,
        ScannerState.STOPPED,
    ]
    assert hid_bus.opened == 2


@pytest.mark.req("DEVC-1")
def test_a_scan_cut_off_by_the_unplug_is_never_delivered_half(hid_bus: FakeHidBus) -> None:
    first, _second = reports_for(LONG_UDI)
    hid_bus.script += [first, OSError("read error")]
    listener = Listener()
    scanner = make_scanner(hid_bus, listener)
    scanner.start()
    try:
        listener.wait_until(lambda: bool(listener.problems))
    finally:
        scanner.stop()
    assert listener.scans.empty()
    assert listener.problems == [
        "A scan was cut off after 56 bytes (the scanner was disconnected): scan the barcode again."
    ]


def test_a_scanner_that_is_not_there_is_retried(hid_bus: FakeHidBus) -> None:
    hid_bus.plugged = False
    listener = Listener()
    scanner = make_scanner(hid_bus, listener)
    scanner.start()
    try:
        listener.wait_until(lambda: ScannerState.DISCONNECTED in listener.states)
        assert "retrying every 0.02 s" in scanner.status.message
        hid_bus.plug_in(*reports_for("0109506000134352"))
        assert listener.scans.get(timeout=5).data == "0109506000134352"
    finally:
        scanner.stop()
    assert listener.states[:2] == [ScannerState.DISCONNECTED, ScannerState.CONNECTED]


def test_unreadable_reports_and_overdue_continuations_are_problems(hid_bus: FakeHidBus) -> None:
    first, _ = reports_for(LONG_UDI)
    hid_bus.script += [bytes([0x02, 99]) + b"\0" * 62, first, None, None, None]
    listener = Listener()
    scanner = make_scanner(hid_bus, listener, continuation_timeout_s=0.01)
    scanner.start()
    try:
        listener.wait_until(lambda: len(listener.problems) >= 2)
    finally:
        scanner.stop()
    assert "unreadable report" in listener.problems[0]
    assert "did not arrive within" in listener.problems[1]
    assert listener.scans.empty()


def test_the_enable_feature_report_is_sent_on_open(hid_bus: FakeHidBus) -> None:
    devices = []

    def factory():  # type: ignore[no-untyped-def]
        device = hid_bus.device()
        devices.append(device)
        return device

    hid_bus.script += reports_for("0109506000134352")
    listener = Listener()
    scanner = make_scanner(hid_bus, listener, enable_feature_report=b"\xfe\x01")
    scanner._device_factory = factory
    scanner.start()
    try:
        listener.scans.get(timeout=5)
    finally:
        scanner.stop()
    assert devices[0].feature_reports == [b"\xfe\x01"]


@pytest.mark.req("DEVC-1")
def test_the_bridge_hands_scans_and_states_to_the_qt_main_thread(qtbot, hid_bus: FakeHidBus) -> None:  # type: ignore[no-untyped-def]
    hid_bus.script += reports_for(LONG_UDI)
    scanner = HidPosScanner(name="bridged", path=hid_bus.path, device_factory=hid_bus.device, read_timeout_ms=10)
    bridge = ScannerBridge(scanner)
    received: list[tuple[Scan, bool]] = []
    bridge.scanned.connect(lambda scan: received.append((scan, threading.current_thread() is threading.main_thread())))
    with qtbot.waitSignal(bridge.status_changed, timeout=5000) as connected:
        scanner.start()
    try:
        assert connected.args[0].state is ScannerState.CONNECTED
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
    finally:
        scanner.stop()
    assert received[0][0].data == LONG_UDI
    assert received[0][1] is True
