"""USB HID POS barcode scanners (DEVC-1) read through hidapi on a worker thread.

In HID POS mode (usage page 0x8C) a scanner is not a keyboard: each read delivers an input report with
the data, its AIM symbology identifier and a "continued" flag, so nothing can land in a form field and a
GS separator arrives as the byte 0x1D. A long GS1 DataMatrix spans several reports that are joined here.

Report layout (64-byte scanned-data report):

    byte 0      report ID 0x02
    byte 1      number of data bytes in this report (at most 56)
    bytes 2-4   AIM symbology identifier, e.g. "]d2" (zeros when the scanner sends none)
    bytes 5-60  data
    byte 61     further (vendor) symbology identifier
    byte 62     reserved
    byte 63     bit 0 set: decoded data continues in the next report

Sources: USB HID Point of Sale Usage Tables 1.02 (usb.org pos1_02.pdf), usage page 0x8C Bar Code
Scanner, Scanned Data Report 0x12 with Symbology Identifier 1-3, Decoded Data and Decode Data Continued;
Access-IS LSR116/ATR110 product manuals, appendix "HID reports" (the table above and the example of a
60-byte barcode sent as 56 bytes with the flag set, then 4 bytes with it clear);
NielsLeenheer/WebHidBarcodeScanner src/main.js (report ID 2, length, 3-byte AIM, data, a non-zero last
byte meaning more follows; Honeywell scanners want feature report 0xFE = 0x01 to start sending), and a
Rust reader of an Intermec SG20 testing the last byte of 64-byte reports for continuation.

The report size and data area are taken from the report itself (data up to the last three bytes), so
scanners with other report sizes work. Unplugging makes hidapi's read raise OSError: the scanner reports
DISCONNECTED, then RECONNECTING while it looks for the device again (by path, or by vendor/product ID and
usage page, since the path can change on re-plug), then CONNECTED. A scan cut off by the unplug is never
delivered half: the operator is told to scan again.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from devices.scanner import ScannerBase, ScannerState
from domain.barcodes import Scan

SCANNER_USAGE_PAGE = 0x8C
SCANNED_DATA_REPORT_ID = 0x02
_HEADER = 5  # report ID, length, three AIM bytes
_TRAILER = 3  # vendor symbology, reserved, flags


class HidReportError(ValueError):
    """A report that cannot be a scanned-data report; its message says why."""


@dataclass(frozen=True)
class ReportChunk:
    symbology: str | None
    data: bytes
    continued: bool
    vendor_symbology: int = 0


def parse_report(report: bytes | Sequence[int], *, report_id: int = SCANNED_DATA_REPORT_ID) -> ReportChunk | None:
    """One input report as a chunk of scan data; None for reports of another ID (status, keyboard...)."""
    raw = bytes(report)
    if not raw:
        raise HidReportError("the scanner sent an empty report")
    if raw[0] != report_id:
        return None
    if len(raw) < _HEADER + _TRAILER:
        raise HidReportError(f"a scanned-data report has at least {_HEADER + _TRAILER} bytes, this one {len(raw)}")
    length, room = raw[1], len(raw) - _HEADER - _TRAILER
    if length > room:
        raise HidReportError(f"the report announces {length} data bytes but has room for {room}")
    aim = raw[2:5]
    symbology = None if not aim.strip(b"\0") else aim.decode("latin-1").strip("\0")
    return ReportChunk(
        symbology=symbology,
        data=raw[_HEADER : _HEADER + length],
        continued=bool(raw[-1] & 0x01),
        vendor_symbology=raw[-3],
    )


@dataclass(frozen=True)
class ScanComplete:
    symbology: str | None
    data: bytes


@dataclass(frozen=True)
class ScanIncomplete:
    symbology: str | None
    data: bytes
    reason: str


AssemblyOutcome = ScanComplete | ScanIncomplete


class ReportAssembler:
    """Joins continued reports into one scan; a chain that breaks off is reported, never delivered."""

    def __init__(self, *, timeout_s: float = 1.0, max_bytes: int = 16384,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._timeout_s = timeout_s
        self._max_bytes = max_bytes
        self._clock = clock
        self._parts: list[bytes] = []
        self._symbology: str | None = None
        self._last = 0.0

    @property
    def pending(self) -> bool:
        return bool(self._parts)

    def feed(self, chunk: ReportChunk) -> list[AssemblyOutcome]:
        outcomes: list[AssemblyOutcome] = []
        if self._parts and chunk.symbology is not None and chunk.symbology != self._symbology:
            outcomes += self.abandon(f"a {chunk.symbology} scan began before the {self._symbology} one ended")
        if not self._parts:
            self._symbology = chunk.symbology
        self._parts.append(chunk.data)
        self._last = self._clock()
        if sum(len(part) for part in self._parts) > self._max_bytes:
            return [*outcomes, *self.abandon(f"the scan went on past {self._max_bytes} bytes")]
        if not chunk.continued:
            outcomes.append(ScanComplete(self._symbology, b"".join(self._parts)))
            self._parts = []
        return outcomes

    def expire(self) -> list[AssemblyOutcome]:
        """Give up on a chain whose next report is overdue."""
        if self._parts and self._clock() - self._last > self._timeout_s:
            return self.abandon(f"the rest of the scan did not arrive within {self._timeout_s:g} s")
        return []

    def abandon(self, reason: str) -> list[AssemblyOutcome]:
        if not self._parts:
            return []
        outcome = ScanIncomplete(self._symbology, b"".join(self._parts), reason)
        self._parts = []
        return [outcome]


def decode_scan_bytes(data: bytes) -> str:
    """Scanner data is ASCII for GS1 and HIBC; UTF-8 where it is not, Latin-1 as the lossless fallback."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


# --- discovery -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HidScannerInfo:
    path: bytes
    vendor_id: int
    product_id: int
    product: str
    manufacturer: str
    serial_number: str
    usage_page: int
    interface_number: int


def find_scanners(
    vendor_id: int | None = None,
    product_id: int | None = None,
    *,
    devices: Iterable[Mapping[str, Any]] | None = None,
) -> list[HidScannerInfo]:
    """HID interfaces that are barcode scanners: usage page 0x8C, or the configured vendor/product IDs
    where the platform does not report usage pages (hidapi's libusb backend reports 0).

    `devices` is what `hid.enumerate()` returns; it is read from hidapi when not given.
    """
    if devices is None:
        import hid  # type: ignore[import-not-found]  # hidapi has no type information

        devices = hid.enumerate(vendor_id or 0, product_id or 0)
    found: list[HidScannerInfo] = []
    for entry in devices:
        if vendor_id is not None and entry.get("vendor_id") != vendor_id:
            continue
        if product_id is not None and entry.get("product_id") != product_id:
            continue
        usage_page = int(entry.get("usage_page") or 0)
        configured = vendor_id is not None
        if usage_page != SCANNER_USAGE_PAGE and not (configured and usage_page == 0):
            continue
        found.append(
            HidScannerInfo(
                path=bytes(entry["path"]),
                vendor_id=int(entry.get("vendor_id") or 0),
                product_id=int(entry.get("product_id") or 0),
                product=str(entry.get("product_string") or ""),
                manufacturer=str(entry.get("manufacturer_string") or ""),
                serial_number=str(entry.get("serial_number") or ""),
                usage_page=usage_page,
                interface_number=int(entry.get("interface_number") or -1),
            )
        )
    return found


# --- the scanner ------------------------------------------------------------------------------------------

class HidDevice(Protocol):
    """The part of `hid.device` the scanner uses (and tests replace)."""

    def open_path(self, path: bytes) -> None: ...

    def read(self, max_length: int, timeout_ms: int = 0) -> list[int]: ...

    def send_feature_report(self, data: bytes | list[int]) -> int: ...

    def close(self) -> None: ...


def _hidapi_device() -> HidDevice:
    import hid

    device: HidDevice = hid.device()
    return device


class HidPosScanner(ScannerBase):
    """Reads one HID POS scanner on a daemon thread and survives unplug and re-plug.

    Give `path` for a fixed device, or `vendor_id`/`product_id` (or nothing: the first usage-page-0x8C
    interface) to find it again wherever it reappears. `device_factory` makes a `hid.device`.
    """

    def __init__(
        self,
        *,
        name: str = "HID POS scanner",
        path: bytes | None = None,
        vendor_id: int | None = None,
        product_id: int | None = None,
        device_factory: Callable[[], HidDevice] = _hidapi_device,
        report_size: int = 64,
        read_timeout_ms: int = 100,
        retry_interval_s: float = 1.0,
        continuation_timeout_s: float = 1.0,
        enable_feature_report: bytes | None = None,
    ) -> None:
        super().__init__(name)
        self._path = path
        self._vendor_id = vendor_id
        self._product_id = product_id
        self._device_factory = device_factory
        self._report_size = report_size
        self._read_timeout_ms = read_timeout_ms
        self._retry_interval_s = retry_interval_s
        self._continuation_timeout_s = continuation_timeout_s
        self._enable_feature_report = enable_feature_report
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stopping.clear()
        self._thread = threading.Thread(target=self._run, name=f"scanner {self.name}", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self._set_status(ScannerState.STOPPED)

    def _run(self) -> None:
        was_connected = False
        while not self._stopping.is_set():
            device, where = self._open()
            if device is None:
                if was_connected:
                    self._set_status(ScannerState.RECONNECTING, "waiting for the scanner to be plugged in again")
                else:
                    self._set_status(ScannerState.DISCONNECTED, f"{where}; retrying every {self._retry_interval_s:g} s")
                self._stopping.wait(self._retry_interval_s)
                continue
            self._set_status(ScannerState.CONNECTED, where)
            was_connected = True
            assembler = ReportAssembler(timeout_s=self._continuation_timeout_s)
            try:
                self._read_until_lost(device, assembler)
            except (OSError, ValueError) as error:
                for outcome in assembler.abandon("the scanner was disconnected"):
                    self._handle(outcome)
                self._set_status(ScannerState.DISCONNECTED, f"scanner disconnected ({error or 'read error'})")
            finally:
                # a device that vanished may fail to close; nothing is left to release
                with contextlib.suppress(Exception):
                    device.close()

    def _open(self) -> tuple[HidDevice | None, str]:
        path = self._path
        if path is None:
            try:
                scanners = find_scanners(self._vendor_id, self._product_id)
            except (OSError, ImportError) as error:
                return None, f"cannot list HID devices ({error})"
            if not scanners:
                return None, "no HID POS scanner found"
            path = scanners[0].path
        device = self._device_factory()
        try:
            device.open_path(path)
            if self._enable_feature_report:
                device.send_feature_report(self._enable_feature_report)
        except (OSError, ValueError) as error:
            return None, f"cannot open {path.decode(errors='replace')} ({error})"
        return device, path.decode(errors="replace")

    def _read_until_lost(self, device: HidDevice, assembler: ReportAssembler) -> None:
        while not self._stopping.is_set():
            report = device.read(self._report_size, self._read_timeout_ms)
            if not report:
                for outcome in assembler.expire():
                    self._handle(outcome)
                continue
            try:
                chunk = parse_report(report)
            except HidReportError as error:
                for outcome in assembler.abandon(str(error)):
                    self._handle(outcome)
                self._report_problem(f"The scanner sent an unreadable report ({error}): scan again.")
                continue
            if chunk is None:
                continue
            for outcome in assembler.feed(chunk):
                self._handle(outcome)

    def _handle(self, outcome: AssemblyOutcome) -> None:
        if isinstance(outcome, ScanComplete):
            scan = Scan(decode_scan_bytes(outcome.data), outcome.symbology, self.name, datetime.now(UTC))
            self._deliver(scan)
        else:
            self._report_problem(
                f"A scan was cut off after {len(outcome.data)} bytes ({outcome.reason}): scan the barcode again."
            )
