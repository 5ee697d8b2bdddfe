"""Label printing in the running window (LOT-4, DEVC-5, DEVC-6), to a real TCP label printer on 127.0.0.1
(tests/devices/conftest.py's double): a receipt prints its label, a printer on a closed port keeps the job
waiting with its error in the status bar and on the print journal page until it is retried, every print and
reprint is journalled, and a reprint needs a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from app.ports import PrintJobView
from domain.users import Actor
from tests.app.label_support import (  # noqa: F401 - the fixtures
    PRINTER,
    FakePrinterServer,
    free_port,
    printer_server_fixture,
    start_printer_server_fixture,
    use_printer,
)
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Site, build_site, column_texts, give_reason, row_texts, select_row
from tests.ui.station_support import StationFactory, label_text, station_fixture  # noqa: F401 - the fixture
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def open_page(window: MainWindow, title: str) -> QWidget:
    navigation = window.findChild(QListWidget, "navigation")
    assert isinstance(navigation, QListWidget)
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert title in titles, f"no page {title!r} in {titles}"
    navigation.setCurrentRow(titles.index(title))
    page = window.stack.currentWidget() if window.stack is not None else None
    assert page is not None
    return page


def receive_in_dialog(qtbot: QtBot, supplier_lot: str):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == "receiveLotDialog"
        # the dialog reads the items and suppliers off the GUI thread: wait until it offers them
        qtbot.waitUntil(lambda: dialog.item.findData("TUBE-1") >= 0, timeout=5_000)  # type: ignore[attr-defined]
        dialog.item.setCurrentIndex(dialog.item.findData("TUBE-1"))  # type: ignore[attr-defined]
        type_into(qtbot, dialog, "supplierLot", supplier_lot)
        type_into(qtbot, dialog, "receiveQuantity", "50")
        click(qtbot, dialog, "receiveLotOk")
    return handler


def journal(ctx: AppContext, site: Site, lot: str) -> list[PrintJobView]:
    return list(reversed(ctx.devices.labels.print_journal(ctx.read_uow(), site.qa, record_id=lot)))


@pytest.mark.req("LOT-4", "DEVC-6")
def test_a_receipt_with_the_printer_on_a_closed_port_waits_visibly_until_retried(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver, start_printer_server: Callable[[int], FakePrinterServer]) -> None:
    port = free_port()
    use_printer(ui_ctx, port)
    window, _hardware = station(thread_runner, site.warehouse)
    assert label_text(window, "statusPrinter") == f"Printer {PRINTER}: no jobs waiting"
    lots_page = open_page(window, "Lots")

    modals.answer(receive_in_dialog(qtbot, "T-77"))
    click(qtbot, lots_page, "receiveLot")
    modals.check()
    qtbot.waitUntil(lambda: bool(lots.list_lots(ui_ctx.read_uow(), site.warehouse)), timeout=5000)
    [lot] = lots.list_lots(ui_ctx.read_uow(), site.warehouse)
    assert lot.status == "Quarantine", "the receipt stands although the printer is off"
    refused = f"The printer at 127.0.0.1:{port} refused the connection: is it switched on, and is the port right?"
    qtbot.waitUntil(lambda: label_text(window, "statusPrinter") == (
        f"Printer {PRINTER}: 1 job(s) waiting — {refused}"), timeout=5000)

    page = open_page(window, "Print journal")
    qtbot.waitUntil(lambda: column_texts(page, "printJournalTable", 1) == ["waiting for printer"], timeout=5000)
    cells = row_texts(page, "printJournalTable", 0)
    assert cells[2:8] == [refused, lot.lot_number, "material-lot@v2", "1", PRINTER, "Ward Person (ward)"]
    select_row(qtbot, page, "printJournalTable", 0)
    assert child(page, QPushButton, "retryPrintJob").isEnabled()

    server = start_printer_server(port)  # the printer is switched on
    click(qtbot, page, "retryPrintJob")
    qtbot.waitUntil(lambda: column_texts(page, "printJournalTable", 1) == ["printed"], timeout=10_000)
    [payload] = server.wait_for_jobs(1)
    assert f"^BCN,96,N,N,N,A^FD{lot.lot_number}^FS".encode() in payload  # the Code 128 a scan opens
    assert b"^FDSupplier lot T-77^FS" in payload
    qtbot.waitUntil(lambda: label_text(window, "statusPrinter") == f"Printer {PRINTER}: no jobs waiting",
                    timeout=5000)
    [entry] = journal(ui_ctx, site, lot.lot_number)
    assert (entry.state, entry.attempts, entry.user_id) == ("printed", 2, "ward")
    assert message_text(page, "printJournalMessage") == f"Print job {entry.job_id} is queued again for {PRINTER}."


@pytest.mark.req("DEVC-6", "DEVC-5")
def test_a_second_label_needs_reprint_with_a_reason_which_is_journalled(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver, printer_server: FakePrinterServer) -> None:
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("RES-PC", "ACME", "ACM-1", "25", "kg",
                                                                      date.today() - timedelta(days=3)))
    use_printer(ui_ctx, printer_server.port)  # after the receipt: nothing printed yet
    window, _hardware = station(runner, site.warehouse)
    window.open_record("lot", lot.lot_number)
    lots_page = window.pages["lots"]

    def print_one(dialog: QDialog) -> None:
        assert dialog.objectName() == "printLabelDialog"
        assert dialog.printer.currentData() == PRINTER  # type: ignore[attr-defined]
        click(qtbot, dialog, "printLabelOk")

    modals.answer(print_one)
    click(qtbot, lots_page, "printLotLabel")
    modals.check()
    [first] = journal(ui_ctx, site, lot.lot_number)
    assert message_text(lots_page, "lotLabelMessage") == (
        f"Label of lot {lot.lot_number} printed on {PRINTER} (print job {first.job_id}).")

    modals.answer(print_one)  # the same button again: refused, nothing journalled
    click(qtbot, lots_page, "printLotLabel")
    modals.check()
    assert message_text(lots_page, "lotLabelMessage") == (
        f"the label of lot {lot.lot_number} was printed before (print job {first.job_id}): a reprint needs a reason")
    assert len(journal(ui_ctx, site, lot.lot_number)) == 1

    def two_copies(dialog: QDialog) -> None:
        assert dialog.windowTitle() == "Reprint label"
        dialog.copies.setValue(2)  # type: ignore[attr-defined]
        click(qtbot, dialog, "printLabelOk")

    modals.answer(give_reason(qtbot, "label smudged when applied"), two_copies)
    click(qtbot, lots_page, "reprintLotLabel")
    modals.check()
    first, again = journal(ui_ctx, site, lot.lot_number)
    assert (again.state, again.reprint_of, again.reason, again.copies, again.user_id) == (
        "printed", first.job_id, "label smudged when applied", 2, "ward")
    assert message_text(lots_page, "lotLabelMessage") == (
        f"Reprint of the label of lot {lot.lot_number} printed on {PRINTER} (print job {again.job_id}).")
    assert len(printer_server.wait_for_jobs(2)) == 2 and b"^PQ2" in printer_server.jobs[1]

    page = open_page(window, "Print journal")
    assert column_texts(page, "printJournalTable", 0) == [str(again.job_id), str(first.job_id)]
    assert row_texts(page, "printJournalTable", 0)[10:12] == [str(first.job_id), "label smudged when applied"]


@pytest.mark.req("DEVC-6")
def test_a_waiting_job_is_cancelled_with_a_reason_and_stays_in_the_journal(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    use_printer(ui_ctx, free_port())
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "5", "m"),
                           ui_ctx.devices.labels)
    window, _hardware = station(runner, site.warehouse)
    assert "1 job(s) waiting" in label_text(window, "statusPrinter")
    page = open_page(window, "Print journal")
    child(page, QWidget, "printOpenOnly").setChecked(True)  # type: ignore[attr-defined]
    select_row(qtbot, page, "printJournalTable", 0)
    modals.answer(give_reason(qtbot, "printer sent for repair"))
    click(qtbot, page, "cancelPrintJob")
    modals.check()
    assert column_texts(page, "printJournalTable", 1) == ["cancelled"]
    [entry] = journal(ui_ctx, site, lot.lot_number)
    assert (entry.state, entry.error) == ("cancelled", "printer sent for repair")
    assert label_text(window, "statusPrinter") == f"Printer {PRINTER}: no jobs waiting"
    page.refresh()  # type: ignore[attr-defined]
    assert column_texts(page, "printJournalTable", 1) == [], "only open jobs: none left"
