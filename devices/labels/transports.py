"""How label data reaches a printer: raw TCP (port 9100), a USB printer device file, the OS spooler, a file.

Each transport sends bytes or raises one of two errors with a sentence the operator can act on:
`PrinterUnavailable` when the printer cannot be reached now (the job waits and can be retried) and
`PrintRejected` when the way to the printer is wrong (unknown queue, no lp command): the job is kept as
failed until the station settings are fixed. Only TCP can also ask the printer for its status.

Spooler: on Linux/macOS ``lp -d QUEUE -o raw`` (CUPS passes the bytes unchanged to a raw queue); on
Windows the win32print API with datatype "RAW", imported only there.
"""

from __future__ import annotations

import importlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from domain.errors import DomainError


class PrinterUnavailable(DomainError):
    code = "printer_unavailable"


class PrintRejected(DomainError):
    code = "print_rejected"


class Transport(Protocol):
    @property
    def description(self) -> str: ...

    def send(self, data: bytes) -> None: ...


class StatusTransport(Transport, Protocol):
    def query(self, request: bytes, *, complete: Callable[[bytes], bool], timeout_s: float) -> bytes:
        """Send `request` and return what the printer answered until `complete` or the timeout."""
        ...


class TcpTransport:
    """Raw TCP, port 9100 by default (Zebra, TSC and most network label printers)."""

    def __init__(self, host: str, port: int = 9100, *, connect_timeout_s: float = 3.0, send_timeout_s: float = 10.0):
        self.host, self.port = host, port
        self._connect_timeout_s = connect_timeout_s
        self._send_timeout_s = send_timeout_s

    @property
    def description(self) -> str:
        return f"{self.host}:{self.port}"

    def send(self, data: bytes) -> None:
        with self._connect() as connection:
            try:
                connection.settimeout(self._send_timeout_s)
                connection.sendall(data)
            except OSError as error:
                raise PrinterUnavailable(
                    f"The printer at {self.description} stopped taking data: {_reason(error)}."
                ) from None

    def query(self, request: bytes, *, complete: Callable[[bytes], bool], timeout_s: float) -> bytes:
        answer = b""
        deadline = time.monotonic() + timeout_s
        with self._connect() as connection:
            try:
                connection.sendall(request)
                while not complete(answer):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    connection.settimeout(remaining)
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    answer += chunk
            except TimeoutError:
                pass
            except OSError as error:
                raise PrinterUnavailable(f"The printer at {self.description} broke off: {_reason(error)}.") from None
        return answer

    def _connect(self) -> socket.socket:
        try:
            return socket.create_connection((self.host, self.port), timeout=self._connect_timeout_s)
        except ConnectionRefusedError:
            raise PrinterUnavailable(
                f"The printer at {self.description} refused the connection: is it switched on, and is the port right?"
            ) from None
        except TimeoutError:
            raise PrinterUnavailable(
                f"The printer at {self.description} did not answer within {self._connect_timeout_s:g} s: "
                "is it switched on and on the network?"
            ) from None
        except OSError as error:
            raise PrinterUnavailable(f"Cannot reach the printer at {self.description}: {_reason(error)}.") from None


class DeviceFileTransport:
    """A USB printer class device such as /dev/usb/lp0 (Linux usblp), written directly."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @property
    def description(self) -> str:
        return str(self.path)

    def send(self, data: bytes) -> None:
        try:
            descriptor = os.open(self.path, os.O_WRONLY)  # no O_CREAT: a missing device must not become a file
            with open(descriptor, "wb", buffering=0) as device:
                device.write(data)
        except FileNotFoundError:
            raise PrinterUnavailable(f"There is no printer at {self.path}: is it plugged in and switched on?") from None
        except PermissionError:
            raise PrinterUnavailable(
                f"This user may not write to {self.path} (on Linux, add the user to the 'lp' group)."
            ) from None
        except OSError as error:
            raise PrinterUnavailable(f"The printer at {self.path} did not take the data: {_reason(error)}.") from None


class SpoolerTransport:
    """The operating system's print queue, sending the label language unchanged ("raw")."""

    def __init__(self, queue: str, *, platform: str | None = None, timeout_s: float = 30.0) -> None:
        if not queue.strip():
            raise ValueError("a spooler transport needs the name of a print queue")
        self.queue = queue
        self._windows = (platform or sys.platform).startswith("win")
        self._timeout_s = timeout_s

    @property
    def description(self) -> str:
        return f"print queue {self.queue}"

    def lp_command(self) -> list[str]:
        return ["lp", "-d", self.queue, "-o", "raw"]

    def windows_calls(self, data: bytes) -> list[tuple[str, tuple[Any, ...]]]:
        """The win32print calls that print `data` raw (the handle from OpenPrinter is passed to the rest)."""
        return [
            ("OpenPrinter", (self.queue,)),
            ("StartDocPrinter", (1, ("BatchTrace label", None, "RAW"))),
            ("StartPagePrinter", ()),
            ("WritePrinter", (data,)),
            ("EndPagePrinter", ()),
            ("EndDocPrinter", ()),
            ("ClosePrinter", ()),
        ]

    def send(self, data: bytes) -> None:
        if self._windows:
            self._send_windows(data)
            return
        try:
            result = subprocess.run(
                self.lp_command(), input=data, capture_output=True, timeout=self._timeout_s, check=False
            )
        except FileNotFoundError:
            raise PrintRejected("The 'lp' command (CUPS) is not installed on this computer.") from None
        except subprocess.TimeoutExpired:
            raise PrinterUnavailable(
                f"The print queue {self.queue} did not take the job within {self._timeout_s:g} s."
            ) from None
        if result.returncode != 0:
            detail = result.stderr.decode(errors="replace").strip() or f"lp exited with {result.returncode}"
            raise PrintRejected(f"The print queue {self.queue} refused the job: {detail}")

    def _send_windows(self, data: bytes) -> None:  # pragma: no cover - needs Windows and pywin32
        try:
            win32print = importlib.import_module("win32print")  # pywin32, present on Windows stations only
        except ImportError:
            raise PrintRejected("Printing to a Windows queue needs the pywin32 package.") from None
        calls = self.windows_calls(data)
        try:
            handle = win32print.OpenPrinter(*calls[0][1])
        except Exception as error:
            raise PrintRejected(f"Windows has no print queue {self.queue}: {error}") from None
        try:
            for name, arguments in calls[1:-1]:
                getattr(win32print, name)(handle, *arguments)
        except Exception as error:
            raise PrinterUnavailable(f"The print queue {self.queue} did not take the job: {error}") from None
        finally:
            win32print.ClosePrinter(handle)


class FileTransport:
    """Writes each job to a file (appending), for the demo and for printing to a file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    @property
    def description(self) -> str:
        return f"file {self.path}"

    def send(self, data: bytes) -> None:
        try:
            with self.path.open("ab") as file:
                file.write(data)
        except OSError as error:
            raise PrintRejected(f"Cannot write the label to {self.path}: {_reason(error)}.") from None


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__
