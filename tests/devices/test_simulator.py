"""The simulated scanner behaves like a real backend, so the demo runs without hardware."""

from __future__ import annotations

import pytest

from app.ports import Scanner
from devices.gs1 import parse_scan
from devices.scanner import ScannerState, ScannerStatus
from devices.simulator import SimulatedScanner
from domain.barcodes import Scan
from ui.devices.scanner_bridge import ScannerBridge


def test_the_simulator_is_a_scanner() -> None:
    scanner: Scanner = SimulatedScanner()
    assert scanner.status.state is ScannerState.STOPPED


@pytest.mark.req("DEVC-1")
def test_emitted_scans_and_states_reach_the_listeners() -> None:
    scanner = SimulatedScanner("bench scanner")
    scans: list[Scan] = []
    states: list[ScannerStatus] = []
    problems: list[str] = []
    scanner.on_scan, scanner.on_status, scanner.on_problem = scans.append, states.append, problems.append
    assert scanner.emit("0109506000134352") is None
    assert problems == ["The simulated scanner is stopped: start it first."]
    scanner.start()
    scan = scanner.emit("]d20109506000134352")
    assert scan is not None and scans == [scan]
    assert (scan.source, parse_scan(scan).gtin) == ("bench scanner", "09506000134352")
    scanner.unplug()
    assert scanner.emit("0109506000134352") is None
    scanner.plug_in()
    scanner.stop()
    assert [status.state for status in states] == [
        ScannerState.CONNECTED, ScannerState.DISCONNECTED, ScannerState.RECONNECTING,
        ScannerState.CONNECTED, ScannerState.STOPPED,
    ]


def test_a_failing_listener_does_not_stop_the_scanner() -> None:
    scanner = SimulatedScanner()
    scanner.on_scan = lambda scan: 1 / 0  # type: ignore[func-returns-value]
    scanner.start()
    assert scanner.emit("0109506000134352") is not None
    assert scanner.status.state is ScannerState.CONNECTED


def test_the_bridge_turns_callbacks_into_signals(qtbot) -> None:  # type: ignore[no-untyped-def]
    scanner = SimulatedScanner()
    bridge = ScannerBridge(scanner)
    with qtbot.waitSignal(bridge.status_changed) as status:
        scanner.start()
    assert status.args[0].state is ScannerState.CONNECTED
    with qtbot.waitSignal(bridge.scanned) as scanned:
        scanner.emit("0109506000134352")
    assert scanned.args[0].data == "0109506000134352"
    with qtbot.waitSignal(bridge.problem) as problem:
        scanner.unplug()
        scanner.emit("x")
    assert problem.args == ["The simulated scanner is unplugged."]
