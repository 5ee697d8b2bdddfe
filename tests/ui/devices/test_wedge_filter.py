"""Keyboard-wedge scans in the running window (DEVC-2, DEVC-4, LOT-4): a burst at scanner speed is a scan wherever
the focus is and never lands as text; typing at human speed stays typing. Key events go through the real
application-wide filter that ui/shell/application.py installs (`StationHardware.install_wedge`)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text
from tests.ui.lot_site import Site, build_site
from tests.ui.station_support import (  # noqa: F401 - the fixture
    StationFactory,
    add_cap,
    label_text,
    lot_shown,
    station_fixture,
    status_text,
    supplier_label,
)
from ui.devices.wedge_burst import send_wedge_burst
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    built = build_site(ui_ctx, admin)
    add_cap(ui_ctx, built)
    return built


def received_tube(ctx: AppContext, site: Site) -> str:
    return lots.receive_lot(ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-9", "50", "m")).lot_number


@pytest.mark.req("DEVC-2", "DEVC-4", "LOT-4")
def test_a_supplier_label_scanned_into_receiving_fills_the_form_and_types_nothing(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    window, hardware = station(runner, site.warehouse, wedge=True)
    assert "Keyboard wedge: on" in label_text(window, "statusScanners")
    page = window.show_page(0)
    assert page is not None

    def receive(dialog: QDialog) -> None:
        supplier_lot = child(dialog, QLineEdit, "supplierLot")
        assert isinstance(supplier_lot, QLineEdit)
        supplier_lot.setFocus()
        send_wedge_burst(supplier_lot, supplier_label(lot="ACM-55", expiry=date(2028, 11, 30), count=40))
        item = child(dialog, QComboBox, "receiveItem")
        assert isinstance(item, QComboBox)
        assert item.currentData() == "CAP"
        assert supplier_lot.text() == "ACM-55", "the field holds the label's lot, not the typed barcode"
        assert dialog.expires_on.value() == date(2028, 11, 30)  # type: ignore[attr-defined]
        assert child(dialog, QLineEdit, "receiveQuantity").text() == "40"  # type: ignore[attr-defined]
        assert message_text(dialog, "receiveLotMessage") == "Filled from the scan: check the supplier and the quantity."
        # typing by hand, in the same field, at human speed: it stays typing
        supplier_lot.clear()
        qtbot.keyClicks(supplier_lot, "ACM-55/B", delay=60)
        qtbot.waitUntil(lambda: supplier_lot.text() == "ACM-55/B", timeout=3000)
        click(qtbot, dialog, "receiveLotOk")

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
    [lot] = lots.list_lots(ui_ctx.read_uow(), site.warehouse, item_code="CAP")
    assert (lot.supplier_lot, lot.quantity, lot.expires_on, lot.status) == ("ACM-55/B", 40, date(2028, 11, 30),
                                                                           "Quarantine")
    assert status_text(window).startswith("Scanned into the receipt: Supplier label of CAP Luer cap")
    assert hardware.router.pending == 0


@pytest.mark.req("DEVC-2", "DEVC-4")
def test_our_lot_label_scanned_with_the_search_box_focused_opens_the_lot(
        qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner, site: Site, station: StationFactory) -> None:
    number = received_tube(ui_ctx, site)
    window, hardware = station(thread_runner, site.warehouse, wedge=True)
    window.activateWindow()
    window.search_box.setFocus()
    with qtbot.waitSignal(hardware.router.routed, timeout=5000):
        send_wedge_burst(window.search_box, "]C0" + number)  # a wedge that sends AIM identifiers
    qtbot.waitUntil(lambda: lot_shown(window) == number, timeout=5000)
    assert window.search_box.text() == "", "the scan did not land in the focused field"
    assert status_text(window) == f"Scanned: lot {number}"
    # where the eye is: the notice band across the top of the window, not only the crowded status bar
    assert window.notice.isVisible() and not window.notice.problem
    assert window.notice.text.text() == f"Scanned: lot {number}"


@pytest.mark.req("DEVC-2", "DEVC-3", "DEVC-4")
def test_an_unknown_code_says_so_in_the_status_bar_and_in_the_open_dialog(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    window, _hardware = station(runner, site.warehouse, wedge=True)
    send_wedge_burst(window.search_box, "NOT-OURS-4711")
    assert status_text(window) == "'NOT-OURS-4711' is not a BatchTrace lot, batch or known supplier GTIN."
    assert window.notice.isVisible() and window.notice.problem
    assert window.notice.text.text() == status_text(window)
    assert lot_shown(window) == ""
    send_wedge_burst(window.search_box, "]d2010401234500002x")  # a GS1 DataMatrix with a broken GTIN
    assert status_text(window) == "The GTIN (01) at character 1 needs 14 digits, found '0401234500002x'."

    page = window.show_page(0)
    assert page is not None
    number = received_tube(ui_ctx, site)

    def receive(dialog: QDialog) -> None:
        send_wedge_burst(child(dialog, QLineEdit, "receiveQuantity"), number)
        expected = f"Lot {number} is not a supplier's label."
        assert message_text(dialog, "receiveLotMessage") == expected
        assert status_text(window) == expected
        assert child(dialog, QLineEdit, "receiveQuantity").text() == ""  # type: ignore[attr-defined]
        dialog.reject()

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()


@pytest.mark.req("DEVC-2")
def test_typing_by_hand_in_the_main_window_stays_typing(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                       site: Site, station: StationFactory) -> None:
    window, hardware = station(runner, site.warehouse, wedge=True)
    qtbot.keyClicks(window.search_box, "C26-0001", delay=60)
    qtbot.waitUntil(lambda: window.search_box.text() == "C26-0001", timeout=3000)
    assert hardware.router.pending == 0 and status_text(window) == ""


@pytest.mark.req("DEVC-2")
def test_a_password_typed_at_machine_speed_reaches_its_field_and_is_never_a_scan(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, station: StationFactory,
        modals: ModalDriver) -> None:
    """A password manager types as fast as a scanner: in a password field the wedge steps aside."""
    window, hardware = station(runner, site.warehouse, wedge=True)
    routed: list[str] = []
    hardware.router.routed.connect(lambda scan, _text: routed.append(scan.data))

    def password(dialog: QDialog) -> None:
        field = child(dialog, QLineEdit, "oldPassword")
        assert isinstance(field, QLineEdit)
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=3000)
        send_wedge_burst(field, "Secret-pass-2026", suffix="")
        assert field.text() == "Secret-pass-2026"
        dialog.reject()

    modals.answer(password)
    window.actions_by_name["actionChangePassword"].trigger()
    modals.check()
    assert routed == [] and "Secret" not in status_text(window)
    window.activateWindow()
    window.search_box.setFocus()  # out of the password field: scans are scans again
    qtbot.waitUntil(window.search_box.hasFocus, timeout=3000)
    send_wedge_burst(window.search_box, "NOT-OURS-4711")
    assert routed == ["NOT-OURS-4711"] and window.search_box.text() == ""
