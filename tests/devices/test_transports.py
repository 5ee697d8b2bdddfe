"""USB device file, OS spooler and file transports (DEVC-5): bytes reach the printer or a clear error says why."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest

from devices.labels.transports import (
    DeviceFileTransport,
    FileTransport,
    PrinterUnavailable,
    PrintRejected,
    SpoolerTransport,
    TcpTransport,
)

JOB = b"^XA^FO10,10^A0N,30,30^FDTest^FS^XZ\n"


@pytest.mark.req("DEVC-5")
def test_device_file_transport_writes_the_job(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.touch()
    DeviceFileTransport(device).send(JOB)
    assert device.read_bytes() == JOB


@pytest.mark.req("DEVC-6")
def test_device_file_transport_errors_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(PrinterUnavailable, match=r"There is no printer at .*lp9: is it plugged in"):
        DeviceFileTransport(tmp_path / "lp9").send(JOB)
    locked = tmp_path / "lp1"
    locked.touch()
    locked.chmod(0)
    if not os.access(locked, os.W_OK):  # root (or a privileged container user) may write anyway
        with pytest.raises(PrinterUnavailable, match="add the user to the 'lp' group"):
            DeviceFileTransport(locked).send(JOB)


def test_file_transport_appends_jobs(tmp_path: Path) -> None:
    target = tmp_path / "labels.zpl"
    FileTransport(target).send(JOB)
    FileTransport(target).send(JOB)
    assert target.read_bytes() == JOB * 2
    with pytest.raises(PrintRejected, match="Cannot write the label"):
        FileTransport(tmp_path / "missing" / "labels.zpl").send(JOB)


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An `lp` on PATH that records its arguments and standard input, as CUPS' lp would receive them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "lp"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "out = pathlib.Path(__file__).parent\n"
        "(out / 'args').write_text(' '.join(sys.argv[1:]))\n"
        "data = sys.stdin.buffer.read()\n"
        "(out / 'stdin').write_bytes(data)\n"
        "if '-d' in sys.argv and sys.argv[sys.argv.index('-d') + 1] == 'missing':\n"
        "    sys.stderr.write('lp: The printer or class does not exist.\\n'); sys.exit(1)\n"
        "print('request id is zebra-42 (1 file(s))')\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return bin_dir


@pytest.mark.req("DEVC-5")
@pytest.mark.skipif(sys.platform.startswith("win"), reason="CUPS lp path")
def test_spooler_sends_raw_through_cups_lp(fake_lp: Path) -> None:
    transport = SpoolerTransport("zebra_raw", platform="linux")
    assert transport.lp_command() == ["lp", "-d", "zebra_raw", "-o", "raw"]
    transport.send(JOB)
    assert (fake_lp / "args").read_text() == "-d zebra_raw -o raw"
    assert (fake_lp / "stdin").read_bytes() == JOB


@pytest.mark.req("DEVC-6")
@pytest.mark.skipif(sys.platform.startswith("win"), reason="CUPS lp path")
def test_spooler_refusal_is_reported(fake_lp: Path) -> None:
    refusal = "The print queue missing refused the job: lp: The printer or class does not exist."
    with pytest.raises(PrintRejected, match=re.escape(refusal)):
        SpoolerTransport("missing", platform="linux").send(JOB)


def test_spooler_without_lp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrintRejected, match="'lp' command"):
        SpoolerTransport("zebra_raw", platform="linux").send(JOB)


@pytest.mark.req("DEVC-5")
def test_windows_spooler_calls_are_raw(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = SpoolerTransport("ZDesigner GX420d", platform="win32")
    assert transport.windows_calls(JOB) == [
        ("OpenPrinter", ("ZDesigner GX420d",)),
        ("StartDocPrinter", (1, ("BatchTrace label", None, "RAW"))),
        ("StartPagePrinter", ()),
        ("WritePrinter", (JOB,)),
        ("EndPagePrinter", ()),
        ("EndDocPrinter", ()),
        ("ClosePrinter", ()),
    ]
    with pytest.raises(ValueError, match="name of a print queue"):
        SpoolerTransport(" ")


def test_tcp_to_an_unroutable_address_times_out_with_a_clear_message() -> None:
    # 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, so the connection attempt times out or fails
    transport = TcpTransport("192.0.2.1", 9100, connect_timeout_s=0.2)
    with pytest.raises(PrinterUnavailable, match=r"192\.0\.2\.1:9100"):
        transport.send(JOB)
