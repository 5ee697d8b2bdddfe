"""A USB HID POS scanner in the running window (DEVC-1, DEVC-4): its scans open what they name, it is unplugged
mid-shift and plugged back, the status bar says so, and the first scan after the re-plug arrives. The real
`HidPosScanner` reads a replaying `hid.device` (tests/devices/conftest.py), on its own thread, through the
`ScannerBridge` to the GUI thread."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from devices.hid_pos import HidPosScanner
from domain.users import Actor
from tests.devices.conftest import FakeHidBus
from tests.ui.lot_site import Site, build_site
from tests.ui.station_support import (  # noqa: F401 - the fixture
    StationFactory,
    hid_report,
    label_text,
    lot_shown,
    station_fixture,
    status_text,
)
from ui.shell.task_runner import TaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.mark.req("DEVC-1", "DEVC-4")
def test_unplug_and_replug_mid_shift_shows_in_the_status_bar_and_scanning_goes_on(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, station: StationFactory) -> None:
    first = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"))
    second = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-2", "6", "m"))
    bus = FakeHidBus()
    scanner = HidPosScanner(name="HID POS scanner", path=bus.path, device_factory=bus.device, read_timeout_ms=10,
                            retry_interval_s=0.05)
    window, _hardware = station(thread_runner, site.warehouse, scanners=[scanner])

    def scanners() -> str:
        return label_text(window, "statusScanners")

    qtbot.waitUntil(lambda: scanners() == "HID POS scanner: connected", timeout=5000)
    with bus.lock:
        bus.script.append(hid_report(first.lot_number))
    qtbot.waitUntil(lambda: lot_shown(window) == first.lot_number, timeout=5000)
    assert status_text(window) == f"Scanned: lot {first.lot_number}"

    with bus.lock:
        bus.script.append(OSError("device unplugged"))  # the cable is pulled
    qtbot.waitUntil(lambda: scanners().startswith("HID POS scanner: disconnected"), timeout=5000)
    assert "reconnecting" in scanners()
    qtbot.wait(200)
    assert bus.opened == 1, "it stays gone while unplugged"

    bus.plug_in(hid_report(second.lot_number))  # plugged back, and the first scan after it
    qtbot.waitUntil(lambda: scanners() == "HID POS scanner: connected", timeout=5000)
    qtbot.waitUntil(lambda: lot_shown(window) == second.lot_number, timeout=5000)
    assert bus.opened == 2
