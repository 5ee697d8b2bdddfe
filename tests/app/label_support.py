"""Shared by the label and scanning tests: a real TCP label printer on 127.0.0.1 (tests/devices/conftest.py's
double), station settings pointing at it, and a finished-device lot made the long way (receive, release,
plan, issue, complete).

Test modules import the fixtures from here (`from tests.app.label_support import printer_server`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from app import batches
from app.bootstrap import AppContext
from app.lots import LotView
from app.station_settings import DeviceSettings, PrinterSettings, TransportSetting
from tests.app.lots_support import Site, effective_mbr, released_lot, running_batch
from tests.devices.conftest import FakePrinterServer, free_port

PRINTER = "Zebra goods-in"

__all__ = ["PRINTER", "FakePrinterServer", "finished_lot", "free_port", "printer_server_fixture",
           "start_printer_server_fixture", "use_printer"]


@pytest.fixture(name="printer_server")
def printer_server_fixture() -> Iterator[FakePrinterServer]:
    server = FakePrinterServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(name="start_printer_server")
def start_printer_server_fixture() -> Iterator[Callable[[int], FakePrinterServer]]:
    """Start a printer on a given port later in the test (one that was off when the job was sent)."""
    servers: list[FakePrinterServer] = []

    def start(port: int) -> FakePrinterServer:
        servers.append(FakePrinterServer(port))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def use_printer(ctx: AppContext, port: int, *, language: str = "ZPL", default: bool = True,
                dpi: int = 203) -> PrinterSettings:
    """The station gets one label printer at 127.0.0.1:`port` (the default printer unless told otherwise)."""
    printer = PrinterSettings(PRINTER, language, TransportSetting("tcp", f"127.0.0.1:{port}"), dpi=dpi)
    ctx.devices.apply(DeviceSettings(printers=(printer,), default_printer=PRINTER if default else None))
    return printer


def finished_lot(site: Site, quantity: str = "100") -> LotView:
    """A Syringe 5 mL lot (finished device, GTIN 09506000134352) from a completed batch, in Quarantine."""
    tube = released_lot(site, "TUBE", "6000", unit="cm", supplier_lot="T-1").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", quantity).batch_number
    batches.issue_material(site.ctx.uow(), site.warehouse, batch, tube, "5")
    return batches.complete_batch(site.ctx.uow(), site.production, batch, quantity).output_lots[0]
