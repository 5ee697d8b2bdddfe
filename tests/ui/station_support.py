"""Shared by the scanning and printing screen tests: the main window with the station's hardware, a purchased
item whose GTIN is its supplier's, supplier labels, HID reports, and what the window shows.

`station` (import `station_fixture`) builds a main window with `StationHardware` as ui/shell/application.py does (the
wedge filter installed on the application when asked) and stops it after the test, so no scanner thread or filter
is left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app import masterdata
from app.bootstrap import AppContext
from app.ports import Scanner
from domain.barcodes import GS
from domain.gtin import gtin_check_digit
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from domain.users import Actor
from tests.ui.conftest import child
from tests.ui.lot_site import Site
from ui.devices.station_hardware import StationHardware
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner, TaskRunner

CAP_GTIN = "0401234500001" + str(gtin_check_digit("0401234500001"))  # the cap supplier's GTIN-14

StationFactory = Callable[..., tuple[MainWindow, StationHardware]]


def add_cap(ctx: AppContext, site: Site) -> None:
    """A purchased component whose item GTIN is the supplier's, approved from ACME."""
    masterdata.create_item(ctx.uow(), site.admin, "CAP", "Luer cap", ItemType.COMPONENT, Unit.PCS, gtin=CAP_GTIN,
                           shelf_life_days=1825)
    masterdata.set_supplier_approval(ctx.uow(), site.qa, "CAP", "ACME", ApprovalStatus.APPROVED, "audit passed")


def supplier_label(lot: str = "ACM-55", expiry: date = date(2028, 11, 30), count: int = 40,
                   gtin: str = CAP_GTIN) -> str:
    """A supplier's GS1 DataMatrix as a wedge scanner types it: ]d2 first, GS after the variable-length lot."""
    return f"]d201{gtin}10{lot}{GS}17{expiry:%y%m%d}30{count}"


def hid_report(text: str, aim: bytes = b"]C0") -> bytes:
    """One 64-byte HID POS scanned-data report (devices/hid_pos.py's layout) for a short barcode."""
    data = text.encode()
    assert len(data) <= 56
    return bytes([0x02, len(data)]) + aim + data.ljust(56, b"\0") + bytes([0x00, 0x00, 0x00])


@pytest.fixture(name="station")
def station_fixture(qtbot: QtBot, ui_ctx: AppContext, qapp: QApplication) -> Iterator[StationFactory]:
    made: list[StationHardware] = []

    def make(runner: SyncTaskRunner | TaskRunner, actor: Actor, *, scanners: Sequence[Scanner] | None = None,
             wedge: bool = False) -> tuple[MainWindow, StationHardware]:
        """`scanners`: doubles at the hardware edge; None: the station's own (devices.json: none by default)."""
        window = MainWindow(ui_ctx, runner, actor)
        qtbot.addWidget(window)
        hardware = StationHardware(window, scanners=None if scanners is None else lambda: list(scanners))
        made.append(hardware)
        if wedge:
            hardware.install_wedge(qapp)
        window.show()
        qtbot.waitExposed(window)
        return window, hardware

    yield make
    for hardware in made:
        hardware.stop()
        hardware.runner.wait_for_done(10_000)


def lot_shown(window: MainWindow) -> str:
    """The lot number the lot pane shows ("" when no lot page or no lot)."""
    page = window.pages.get("lots")
    if page is None or not page.isVisible():
        return ""
    label = child(page, QLabel, "lot_number")
    assert isinstance(label, QLabel)
    return label.text()


def status_text(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def label_text(window: MainWindow, name: str) -> str:
    label = child(window, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()
