"""Scans routed to what they name, from the simulated scanner through the real GS1/HIBC parser to the
database, on both engines (DEVC-3, DEVC-4, LOT-4)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app import batches, lots, masterdata, scanning
from app.scanning import OpenRecord, ReceiptPrefill, UnknownCode, UnreadableScan
from devices.simulator import SimulatedScanner
from domain.barcodes import GS, Scan, element_string, udi_elements
from domain.errors import ValidationError
from domain.gtin import gtin_check_digit
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from tests.app.label_support import (  # noqa: F401
    FakePrinterServer,
    finished_lot,
    printer_server_fixture,
    use_printer,
)
from tests.app.lots_support import (  # noqa: F401
    GTIN_SYR,
    Site,
    effective_mbr,
    release,
    released_lot,
    running_batch,
    site_fixture,
)

CAP_GTIN = "0401234500001" + str(gtin_check_digit("0401234500001"))  # the cap supplier's GTIN-14
OTHER_GTIN = "0401234500002" + str(gtin_check_digit("0401234500002"))  # nobody's here


@pytest.fixture
def scanner() -> SimulatedScanner:
    device = SimulatedScanner()
    device.start()
    return device


def scan(device: SimulatedScanner, text: str) -> Scan:
    """What the simulated scanner delivers to its listener for `text`."""
    delivered: list[Scan] = []
    device.on_scan = delivered.append
    device.emit(text)
    [result] = delivered
    return result


def meaning(site: Site, scanned: Scan | str) -> scanning.ScanMeaning:
    return scanning.interpret_scan(site.ctx.read_uow(), site.warehouse, scanned, site.ctx.devices.scan_parser)


def add_cap(site: Site) -> None:
    """A purchased component whose item GTIN is the supplier's, approved from ACME."""
    masterdata.create_item(site.ctx.uow(), site.admin, "CAP", "Luer cap", ItemType.COMPONENT, Unit.PCS, gtin=CAP_GTIN)
    masterdata.set_supplier_approval(site.ctx.uow(), site.qa, "CAP", "ACME", ApprovalStatus.APPROVED, "audit")


def supplier_label(lot: str = "ACM-55", expiry: str = "281100", count: str = "40") -> str:
    """A supplier's GS1 DataMatrix as a HID scanner sends it: ]d2, GS after the variable-length lot."""
    return f"]d201{CAP_GTIN}1125010117{expiry}10{lot}{GS}30{count}"


@pytest.mark.req("DEVC-4", "DEVC-3", "LOT-4")
def test_a_supplier_label_fills_the_receipt_with_item_lot_expiry_and_count(
    site: Site, scanner: SimulatedScanner
) -> None:
    add_cap(site)
    found = meaning(site, scan(scanner, supplier_label()))
    assert isinstance(found, ReceiptPrefill)
    assert (found.item_code, found.item_name, found.gtin, found.supplier_lot) == ("CAP", "Luer cap", CAP_GTIN, "ACM-55")
    assert (found.expires_on, found.expiry_day_unspecified) == (date(2028, 11, 30), True)  # day 00: month end
    assert (found.manufactured_on, found.quantity, found.unit) == (date(2025, 1, 1), 40, "pcs")
    assert (found.approved_suppliers, found.received_lots) == (("ACME",), ())

    lot = lots.receive_lot(site.ctx.uow(), site.warehouse, found.receipt("ACME"))
    assert (lot.item_code, lot.supplier_lot, lot.expires_on, lot.quantity) == ("CAP", "ACM-55", date(2028, 11, 30), 40)
    again = meaning(site, supplier_label())
    assert isinstance(again, ReceiptPrefill)
    assert again.received_lots == (lot.lot_number,)  # the dialog can warn: this supplier lot is already in


def scanning_parser(site: Site) -> scanning.ScanParser:
    return site.ctx.devices.scan_parser


@pytest.mark.req("DEVC-4")
def test_our_lot_batch_and_shipment_numbers_open_the_record(site: Site, scanner: SimulatedScanner) -> None:
    lot = released_lot(site, "TUBE", "500").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", "10").batch_number
    assert meaning(site, scan(scanner, lot)) == OpenRecord("lot", lot)
    assert meaning(site, scan(scanner, f"]C0{lot}")) == OpenRecord("lot", lot)  # with its symbology identifier
    assert meaning(site, f" {lot}\r\n") == OpenRecord("lot", lot)  # as a keyboard wedge types it
    assert meaning(site, scan(scanner, batch)) == OpenRecord("batch", batch)
    assert OpenRecord("batch", batch).message == f"Batch {batch}"


@pytest.mark.req("DEVC-4", "DEVC-3")
def test_the_udi_of_our_finished_lot_opens_it_and_an_unknown_lot_of_our_gtin_does_not(
    site: Site, scanner: SimulatedScanner
) -> None:
    lot = finished_lot(site)
    udi = element_string(udi_elements(GTIN_SYR, lot=lot.lot_number, expiry=lot.expires_on,
                                      production_date=lot.manufactured_on))
    assert meaning(site, scan(scanner, "]d2" + udi)) == OpenRecord("lot", lot.lot_number)
    assert meaning(site, f"(01){GTIN_SYR}(10){lot.lot_number}") == OpenRecord("lot", lot.lot_number)  # the HRI line
    stranger = meaning(site, scan(scanner, f"]d201{GTIN_SYR}10NOT-OURS"))
    assert isinstance(stranger, UnknownCode)
    assert stranger.message == f"Lot NOT-OURS of SYR Syringe 5 mL (GTIN {GTIN_SYR}) is not a BatchTrace lot."


@pytest.mark.req("DEVC-4", "DEVC-3")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello world", UnknownCode(
            "hello world", "'hello world' is not a BatchTrace lot, batch or known supplier GTIN.")),
        ("]d20109506000134353", UnreadableScan(
            "GTIN '09506000134353' has check digit 3, expected 2.", "scan_check_digit")),
        (f"]d201{CAP_GTIN}17261332", UnreadableScan(
            "The expiry date (17) at character 17 is not a valid date: '261332' has month 13.", "scan_bad_element")),
        ("   ", UnreadableScan("The scan is empty.", "scan_empty")),
        (f"]d201{OTHER_GTIN}", UnknownCode(
            f"01{OTHER_GTIN}", f"GTIN {OTHER_GTIN} is not a BatchTrace lot, batch or known supplier GTIN.")),
        ("+A123BJC5D6E71G", UnknownCode(
            "+A123BJC5D6E71G", "The HIBC label A123BJC5D6E71 is not a BatchTrace lot, batch or known supplier GTIN.")),
    ],
)
def test_garbage_malformed_and_unknown_scans_say_so(site: Site, text: str, expected: object) -> None:
    assert meaning(site, text) == expected


@pytest.mark.req("DEVC-4", "LOT-4", "DEVC-5")
def test_the_shift_receive_print_open_issue_produce_and_scan_the_udi(
    site: Site, scanner: SimulatedScanner, printer_server: FakePrinterServer
) -> None:
    """The issue's acceptance run: supplier label into receiving, print the lot label, scan it to open the
    lot, scan it again in material issue, print the finished lot's UDI label and scan that; the scanner is
    unplugged and plugged back in the middle."""
    add_cap(site)
    use_printer(site.ctx, printer_server.port)
    parser, labels = site.ctx.devices.scan_parser, site.ctx.devices.labels
    supplier = scan(scanner, supplier_label())
    prefill = meaning(site, supplier)  # what the receiving dialog is filled with (ui/devices/scan_router.py)
    assert isinstance(prefill, ReceiptPrefill)
    lot = lots.receive_lot(site.ctx.uow(), site.warehouse, prefill.receipt("ACME"), labels)
    [material_label] = printer_server.wait_for_jobs(1)
    printed_code = re.search(rb"\^BCN,\d+,N,N,N,A\^FD([^^]*)\^FS", material_label)
    assert printed_code is not None and printed_code.group(1).decode() == lot.lot_number
    lot_label = "]C0" + printed_code.group(1).decode()
    assert meaning(site, scan(scanner, lot_label)) == OpenRecord("lot", lot.lot_number)

    problems: list[str] = []
    scanner.on_problem = problems.append
    scanner.unplug()
    assert scanner.emit(lot_label) is None and problems == ["The simulated scanner is unplugged."]
    scanner.plug_in()

    release(site, lot.lot_number)
    effective_mbr(site, "SYR", [("CAP", "1", "0")])
    batch = running_batch(site, "SYR", "40").batch_number
    scanned = scanning.scanned_lot(site.ctx.read_uow(), site.warehouse, scan(scanner, lot_label), parser)
    issued = batches.issue_material(site.ctx.uow(), site.warehouse, batch, scanned.lot_number, "40")
    assert (issued.lot_number, issued.quantity) == (lot.lot_number, 40)
    finished = batches.complete_batch(site.ctx.uow(), site.production, batch, "40").output_lots[0]

    job = labels.print_lot_label(site.ctx.uow(), site.production, finished.lot_number)
    assert job.state == "printed" and job.template == "udi-device@v2"
    udi_label = printer_server.wait_for_jobs(2)[1]
    matrix = re.search(rb"\^BXN,[^^]*\^FD_1([^^]*)\^FS", udi_label)
    assert matrix is not None
    scanned_udi = "]d2" + matrix.group(1).decode().replace("_1", GS).replace("__", "_")  # ZPL escapes back to data
    assert meaning(site, scan(scanner, scanned_udi)) == OpenRecord("lot", finished.lot_number)


@pytest.mark.req("DEVC-4")
def test_scan_actions_refuse_what_the_scan_is_not(site: Site, scanner: SimulatedScanner) -> None:
    parser = site.ctx.devices.scan_parser
    quarantined = lots.receive_lot(site.ctx.uow(), site.warehouse, lots.Receipt("GEL", "BETA", "BG-1", "5", "kg"))
    released = released_lot(site, "TUBE", "100").lot_number
    effective_mbr(site, "SYR", [("TUBE", "0.05", "10")])
    batch = running_batch(site, "SYR", "10").batch_number

    assert meaning(site, quarantined.lot_number) == OpenRecord("lot", quarantined.lot_number)  # not a supplier's
    with pytest.raises(ValidationError, match=f"Batch {batch} is not a lot label"):
        scanning.scanned_lot(site.ctx.read_uow(), site.warehouse, batch, parser)
    with pytest.raises(ValidationError, match="'junk-42' is not a BatchTrace lot"):
        scanning.scanned_lot(site.ctx.read_uow(), site.warehouse, "junk-42", parser)

    with pytest.raises(ValidationError, match=f"lot {quarantined.lot_number} is Quarantine: only Released lots"):
        scanning.add_scanned_lot_to_shipment(site.ctx.read_uow(), site.warehouse, quarantined.lot_number, parser)
    view = scanning.add_scanned_lot_to_shipment(site.ctx.read_uow(), site.warehouse, scan(scanner, released), parser)
    assert (view.lot_number, view.status) == (released, "Released")
    with pytest.raises(ValidationError, match="already on this shipment"):
        scanning.add_scanned_lot_to_shipment(site.ctx.read_uow(), site.warehouse, released, parser, draft=[released])

