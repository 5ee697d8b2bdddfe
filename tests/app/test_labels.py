"""Lot labels through the real print queue to a real TCP printer on 127.0.0.1, journalled and audited in the
database, on both engines (LOT-4, DEVC-5, DEVC-6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from app import lots
from app.ports import PrintJobView
from devices.labels.zpl import datamatrix_data
from domain.barcodes import element_string, udi_elements
from domain.errors import AccessDenied, NotFound, ReasonRequired, ValidationError
from domain.label_layout import ResolvedGs1Symbol
from tests.app.label_support import (  # noqa: F401
    PRINTER,
    FakePrinterServer,
    finished_lot,
    free_port,
    printer_server_fixture,
    start_printer_server_fixture,
    use_printer,
)
from tests.app.lots_support import GTIN_SYR, Site, chain, site_fixture, trail  # noqa: F401


def receive_with_label(site: Site, supplier_lot: str = "ACM-778") -> lots.LotView:
    receipt = lots.Receipt("RES", "ACME", supplier_lot, "25", "kg", manufactured_on=site.today() - timedelta(days=10))
    return lots.receive_lot(site.ctx.uow(), site.warehouse, receipt, site.ctx.devices.labels)


def journal(site: Site, lot_number: str) -> list[PrintJobView]:
    """The lot's print journal, oldest first, read back from the database."""
    entries = site.ctx.devices.labels.print_journal(site.ctx.read_uow(), site.qa, record_id=lot_number)
    return list(reversed(entries))


@pytest.mark.req("LOT-4", "DEVC-5", "DEVC-6")
def test_receiving_prints_the_lot_label_on_the_default_printer(site: Site, printer_server: FakePrinterServer) -> None:
    use_printer(site.ctx, printer_server.port)
    lot = receive_with_label(site)

    [payload] = printer_server.wait_for_jobs(1)
    assert f"^FDLot {lot.lot_number}^FS".encode() in payload  # the text line
    assert f"^BCN,96,N,N,N,A^FD{lot.lot_number}^FS".encode() in payload  # the Code 128 a scan opens
    assert b"^FDSupplier lot ACM-778^FS" in payload and b"^PQ1" in payload
    [entry] = journal(site, lot.lot_number)
    assert (entry.state, entry.error, entry.attempts) == ("printed", "", 1)
    assert (entry.user_id, entry.user_name, entry.record_type, entry.record_id) == (
        "wes", "Wes Warehouse", "lot", lot.lot_number)
    assert (entry.template, entry.copies, entry.printer, entry.language) == ("material-lot@v2", 1, PRINTER, "ZPL")
    assert entry.transport == f"127.0.0.1:{printer_server.port}" and entry.content == lot.lot_number
    assert site.ctx.devices.labels.print_queue_status()[0].job_id == entry.job_id

    printed = trail(site, record_type="lot", record_id=lot.lot_number)
    assert [e.action for e in printed] == ["CREATE", "PRINT_LABEL"]
    states = trail(site, record_type="print_job", record_id=str(entry.job_id))
    assert [(e.action, e.user_id) for e in states] == [("CREATE", "wes"), ("UPDATE", "system"), ("UPDATE", "system")]
    assert [e.change_map()["state"][1] for e in states] == ["queued", "printing", "printed"]
    assert states[-1].reason == f"printed on {PRINTER}"
    assert chain(site).intact


@pytest.mark.req("DEVC-5", "DEVC-6")
@pytest.mark.parametrize("language", ["ZPL", "TSPL"])
def test_a_finished_lot_gets_the_udi_label_and_a_reprint_needs_a_reason(
    site: Site, printer_server: FakePrinterServer, language: str
) -> None:
    use_printer(site.ctx, printer_server.port, language=language)
    lot = finished_lot(site)
    labels = site.ctx.devices.labels
    first = labels.print_lot_label(site.ctx.uow(), site.production, lot.lot_number)
    assert first.state == "printed" and first.template == "udi-device@v2"
    elements = udi_elements(GTIN_SYR, lot=lot.lot_number, expiry=lot.expires_on, production_date=lot.manufactured_on)
    [payload] = printer_server.wait_for_jobs(1)
    if language == "ZPL":
        assert datamatrix_data(elements).encode() in payload
    else:
        assert element_string(elements).replace("\x1d", "~1").encode() in payload  # TSPL's FNC1 escape
    made, expires = f"{lot.manufactured_on:%y%m%d}", f"{lot.expires_on:%y%m%d}"
    assert first.content == f"(01){GTIN_SYR}(11){made}(17){expires}(10){lot.lot_number}"

    with pytest.raises(ReasonRequired, match=rf"printed before \(print job {first.job_id}\): a reprint needs a reason"):
        labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number)
    again = labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number, copies=2,
                                   reason="label torn when applied")
    assert (again.state, again.reprint_of, again.reason, again.copies) == (
        "printed", first.job_id, "label torn when applied", 2)
    assert len(printer_server.wait_for_jobs(2)) == 2

    entries = journal(site, lot.lot_number)
    assert [(e.job_id, e.user_id, e.copies, e.reprint_of, e.reason) for e in entries] == [
        (first.job_id, "pat", 1, None, None), (again.job_id, "wes", 2, first.job_id, "label torn when applied")]
    assert {(e.template, e.printer, e.language) for e in entries} == {("udi-device@v2", PRINTER, language)}
    [reprint] = [e for e in trail(site, record_type="lot", record_id=lot.lot_number) if e.action == "REPRINT_LABEL"]
    assert (reprint.user_id, reprint.reason) == ("wes", "label torn when applied")
    assert reprint.change_map()["print_job"] == [None, again.job_id]
    created = trail(site, record_type="print_job", record_id=str(again.job_id))[0]
    assert created.action == "CREATE" and created.reason == "label torn when applied"
    assert created.change_map()["template_version"] == [None, 2]


@pytest.mark.req("DEVC-6", "LOT-4")
def test_a_printer_on_a_closed_port_keeps_the_job_waiting_until_retried(
    site: Site, start_printer_server: Callable[[int], FakePrinterServer]
) -> None:
    port = free_port()
    use_printer(site.ctx, port)
    lot = receive_with_label(site)  # the receipt stands although the printer is off
    assert lots.get_lot(site.ctx.read_uow(), site.qa, lot.lot_number).status == "Quarantine"

    labels = site.ctx.devices.labels
    [job] = labels.print_queue_status()
    assert job.state == "waiting for printer" and job.open
    assert f"The printer at 127.0.0.1:{port} refused the connection" in job.error
    [entry] = journal(site, lot.lot_number)
    assert (entry.job_id, entry.state, entry.error) == (job.job_id, "waiting for printer", job.error)
    waited = trail(site, record_type="print_job", record_id=str(job.job_id))[-1]
    assert (waited.user_id, waited.reason) == ("system", job.error)

    server = start_printer_server(port)
    retried = labels.retry_job(site.warehouse, job.job_id)
    assert (retried.state, retried.attempts) == ("printed", 2)
    [payload] = server.wait_for_jobs(1)
    assert lot.lot_number.encode() in payload
    assert journal(site, lot.lot_number)[0].state == "printed"
    moves = trail(site, record_type="print_job", record_id=str(job.job_id))
    assert [(e.user_id, e.change_map()["state"][1]) for e in moves] == [
        ("wes", "queued"), ("system", "printing"), ("system", "waiting for printer"), ("wes", "queued"),
        ("system", "printing"), ("system", "printed")]
    assert moves[3].reason == "retried by Wes Warehouse"


@pytest.mark.req("DEVC-6")
def test_a_waiting_job_is_cancelled_with_a_reason_and_stays_in_the_journal(site: Site) -> None:
    use_printer(site.ctx, free_port())
    lot = receive_with_label(site)
    labels = site.ctx.devices.labels
    [job] = labels.print_queue_status()
    with pytest.raises(ReasonRequired):
        labels.cancel_job(site.warehouse, job.job_id, " ")
    cancelled = labels.cancel_job(site.warehouse, job.job_id, "printer sent for repair")
    assert (cancelled.state, cancelled.error, cancelled.open) == ("cancelled", "printer sent for repair", False)
    [entry] = journal(site, lot.lot_number)
    assert (entry.state, entry.error) == ("cancelled", "printer sent for repair")
    last = trail(site, record_type="print_job", record_id=str(job.job_id))[-1]
    assert (last.user_id, last.reason) == ("wes", "printer sent for repair")
    with pytest.raises(ValidationError, match="can no longer be cancelled"):
        labels.cancel_job(site.warehouse, job.job_id, "again")
    # a cancelled job is no label: the next one is not a reprint
    assert labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number).reprint_of is None


@pytest.mark.req("DEVC-6")
def test_copies_rights_and_printers_are_checked_before_anything_is_journalled(
    site: Site, printer_server: FakePrinterServer
) -> None:
    labels = site.ctx.devices.labels
    lot = receive_with_label(site)  # no printer configured yet: the receipt simply prints nothing
    assert labels.print_queue_status() == []
    with pytest.raises(ValidationError, match="no default label printer"):
        labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number)
    use_printer(site.ctx, printer_server.port, default=False)
    for copies in (0, 101):
        with pytest.raises(ValidationError, match="copies must be between 1 and 100"):
            labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number, printer=PRINTER, copies=copies)
    with pytest.raises(NotFound, match="no printer named 'Nope'"):
        labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number, printer="Nope")
    with pytest.raises(NotFound, match="no lot X-1"):
        labels.print_lot_label(site.ctx.uow(), site.warehouse, "X-1", printer=PRINTER)
    with pytest.raises(AccessDenied):
        labels.print_lot_label(site.ctx.uow(), site.qc, lot.lot_number, printer=PRINTER)
    assert labels.print_journal(site.ctx.read_uow(), site.qa) == []
    assert [e.action for e in trail(site, record_type="permission")][-1:] == ["ACCESS_DENIED"]

    job = labels.print_lot_label(site.ctx.uow(), site.warehouse, lot.lot_number, printer=PRINTER, copies=100)
    assert (job.state, job.copies) == ("printed", 100)
    assert b"^PQ100" in printer_server.wait_for_jobs(1)[0]


@pytest.mark.req("DEVC-5")
def test_the_udi_label_preview_lays_out_exactly_the_lots_gs1_data(site: Site) -> None:
    """app/ returns the layout the printer drivers print; ui/labels/label_image.py draws it (decoded there)."""
    lot = finished_lot(site)
    label = site.ctx.devices.labels.label_preview(site.ctx.read_uow(), site.production, lot.lot_number)
    assert (label.width, label.height) == (799, 559)  # 100 x 70 mm at 203 dpi
    expected = element_string(udi_elements(GTIN_SYR, lot=lot.lot_number, expiry=lot.expires_on,
                                           production_date=lot.manufactured_on))
    symbols = [item for item in label.items if isinstance(item, ResolvedGs1Symbol)]
    assert sorted(symbol.kind for symbol in symbols) == ["datamatrix", "gs1-128", "gs1-128"]
    [matrix] = [s.element_string for s in symbols if s.kind == "datamatrix"]
    di, pi = sorted((s for s in symbols if s.kind == "gs1-128"), key=lambda s: s.y)
    assert matrix == expected == di.element_string + pi.element_string  # (01) on one GS1-128, (11)(17)(10) on the other
    assert di.element_string == f"01{GTIN_SYR}"
    assert site.ctx.devices.labels.print_journal(site.ctx.read_uow(), site.qa) == []  # a preview prints nothing


@pytest.mark.req("DEVC-6")
def test_printers_cannot_be_changed_while_a_job_is_open(site: Site, printer_server: FakePrinterServer) -> None:
    use_printer(site.ctx, free_port())
    receive_with_label(site)
    with pytest.raises(ValidationError, match=r"1 print job\(s\) are still open: let them print or cancel them first"):
        use_printer(site.ctx, printer_server.port)
    [job] = site.ctx.devices.labels.print_queue_status()
    site.ctx.devices.labels.cancel_job(site.warehouse, job.job_id, "wrong printer configured")
    use_printer(site.ctx, printer_server.port)  # now the new settings apply
    assert site.ctx.devices.labels.print_queue_status() == []
    with pytest.raises(NotFound, match=f"print job {job.job_id} is not in this station's queue"):
        site.ctx.devices.labels.retry_job(site.warehouse, job.job_id)
