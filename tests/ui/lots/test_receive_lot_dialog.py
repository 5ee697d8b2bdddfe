"""Receiving a lot (ui/lots/receive_lot_dialog.py) from the lots page, as the warehouse does it (LOT-2, LOT-4): what
the form offers and refuses, scans that fill it in."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from app import audit, lots, masterdata
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.items import ApprovalStatus, ItemType
from domain.quantities import Unit
from tests.ui.conftest import ModalDriver, child, click, message_text, tick, type_into
from tests.ui.lot_site import GTIN, Site, column_texts, lot_page, row_texts
from ui.lots.receive_lot_dialog import ReceiveLotDialog
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


def combo_texts(parent: QDialog, name: str) -> list[str]:
    combo = child(parent, QComboBox, name)
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count())]


def choose(parent: QDialog, name: str, text_start: str) -> None:
    combo = child(parent, QComboBox, name)
    assert isinstance(combo, QComboBox)
    row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(text_start))
    combo.setCurrentIndex(row)


def type_date(qtbot: QtBot, parent: QDialog, name: str, day: date) -> None:
    """Untick "No date" and type the date into the field, as a user does."""
    none_box = child(parent, QCheckBox, f"{name}None")
    assert isinstance(none_box, QCheckBox)
    if none_box.isChecked():
        tick(qtbot, parent, f"{name}None")
    edit = child(parent, QDateEdit, f"{name}Date")
    assert isinstance(edit, QDateEdit)
    edit.setFocus()
    edit.setSelectedSection(QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, day.strftime("%Y%m%d"))
    assert edit.date().toPython() == day


def fill_receipt(qtbot: QtBot, dialog: QDialog, *, item: str = "RES-PC", supplier_lot: str = "ACM-778",
                 quantity: str = "25") -> None:
    choose(dialog, "receiveItem", item)
    type_into(qtbot, dialog, "supplierLot", supplier_lot)
    type_into(qtbot, dialog, "receiveQuantity", quantity)


@pytest.mark.req("LOT-4")
def test_receiving_puts_a_quarantine_lot_in_the_table(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      site: Site, hub: ChangeHub, modals: ModalDriver) -> None:
    page = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)
    assert column_texts(page, "lotTable", 0) == []

    def receive(dialog: QDialog) -> None:
        assert dialog.objectName() == "receiveLotDialog"
        fill_receipt(qtbot, dialog)
        assert child(dialog, QComboBox, "receiveUnit").currentText() == "kg", "the unit defaults to the item's"
        assert "Shelf life 730 days" in child(dialog, QLabel, "receiveItemNote").text()
        type_date(qtbot, dialog, "manufacturedOn", date.today() - timedelta(days=10))
        click(qtbot, dialog, "receiveLotOk")

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
    received = lots.list_lots(ui_ctx.read_uow(), site.warehouse)
    assert len(received) == 1
    number = received[0].lot_number
    expires = (date.today() - timedelta(days=10) + timedelta(days=730)).isoformat()
    assert message_text(page, "lotMessage") == (
        f"Lot {number} received into quarantine: 25 kg of RES-PC. No label printer is set up at this station: "
        "print its label from the lot's pane once one is.")
    cells = row_texts(page, "lotTable", 0)
    assert cells[:8] == [number, "RES-PC", "Quarantine", "25", "25", "kg", "Received", "ACME"]
    assert cells[8] == "ACM-778"
    assert cells[10] == expires
    assert child(page, QLabel, "lot_status").text() == "Quarantine", "the new lot is selected and shown"


@pytest.mark.req("LOT-2")
def test_an_unapproved_supplier_is_refused_and_nothing_is_written(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, hub: ChangeHub,
        modals: ModalDriver) -> None:
    page = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)

    def receive(dialog: QDialog) -> None:
        choose(dialog, "receiveItem", "RES-PC")
        assert combo_texts(dialog, "receiveSupplier") == ["ACME — Acme Polymers"], "only approved suppliers"
        fill_receipt(qtbot, dialog, quantity="5")
        type_date(qtbot, dialog, "expiresOn", date.today() + timedelta(days=300))
        # Meanwhile QA suspends the supplier at another station: the service refuses, the form stays filled.
        masterdata.set_supplier_approval(ui_ctx.uow(), site.qa, "RES-PC", "ACME", ApprovalStatus.SUSPENDED,
                                         "complaint under investigation")
        click(qtbot, dialog, "receiveLotOk")
        assert message_text(dialog, "receiveLotMessage") == (
            "supplier ACME is suspended for item RES-PC: receipt refused")
        assert child(dialog, QLineEdit, "supplierLot").text() == "ACM-778"
        assert child(dialog, QLineEdit, "receiveQuantity").text() == "5"
        assert child(dialog, QPushButton, "receiveLotOk").isEnabled(), "the user may correct and try again"
        dialog.reject()

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
    assert lots.list_lots(ui_ctx.read_uow(), site.warehouse) == []
    assert column_texts(page, "lotTable", 0) == []
    assert not audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(record_type="lot"), limit=5)

    def item_without_supplier(dialog: QDialog) -> None:
        choose(dialog, "receiveItem", "RES-PC")
        assert combo_texts(dialog, "receiveSupplier") == []
        assert "No supplier is approved for this item" in child(dialog, QLabel, "receiveItemNote").text()
        fill_receipt(qtbot, dialog)
        click(qtbot, dialog, "receiveLotOk")
        assert message_text(dialog, "receiveLotMessage") == (
            "Choose an approved supplier: none is approved for this item.")
        dialog.reject()

    modals.answer(item_without_supplier)
    click(qtbot, page, "receiveLot")
    modals.check()


@pytest.mark.req("LOT-4")
def test_an_expiry_before_receipt_is_refused_with_the_form_kept(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, hub: ChangeHub,
        modals: ModalDriver) -> None:
    page = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)
    yesterday = date.today() - timedelta(days=1)

    def receive(dialog: QDialog) -> None:
        fill_receipt(qtbot, dialog, item="TUBE-1", supplier_lot="T-1", quantity="5000")
        choose(dialog, "receiveUnit", "cm")
        type_date(qtbot, dialog, "expiresOn", yesterday)
        click(qtbot, dialog, "receiveLotOk")
        assert message_text(dialog, "receiveLotMessage") == (
            f"expiry {yesterday} is before the receipt date {date.today()}: receipt refused")
        assert child(dialog, QLineEdit, "supplierLot").text() == "T-1"
        # Corrected in the same dialog: 5000 cm are kept as 50 m.
        type_date(qtbot, dialog, "expiresOn", date.today() + timedelta(days=100))
        click(qtbot, dialog, "receiveLotOk")

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
    assert row_texts(page, "lotTable", 0)[1:6] == ["TUBE-1", "Quarantine", "50", "50", "m"]


@pytest.mark.req("LOT-4")
def test_a_scan_fills_item_supplier_lot_and_expiry(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                   site: Site) -> None:
    masterdata.create_item(ui_ctx.uow(), site.admin, "BAG-1", "Sterile pouch", ItemType.PACKAGING, Unit.PCS,
                           gtin="4006381333931")
    dialog = ReceiveLotDialog(ui_ctx, runner, site.warehouse)
    qtbot.addWidget(dialog)
    dialog.show()
    expiry = date.today() + timedelta(days=400)
    assert dialog.fill_from_scan("4006381333931", "PB-2231", expiry)
    assert dialog.item.currentData() == "BAG-1"
    assert dialog.supplier_lot.text() == "PB-2231"
    assert dialog.expires_on.value() == expiry
    assert dialog.unit.currentText() == "pcs"
    assert not dialog.fill_from_scan(GTIN, "X", None), "a finished device is produced, not received"
    assert message_text(dialog, "receiveLotMessage") == f"No item that is received has GTIN {GTIN}."
    assert not dialog.fill_from_scan("4006381333932", "X", None)
    assert message_text(dialog, "receiveLotMessage") == "GTIN '4006381333932' has check digit 2, expected 1"


@pytest.mark.req("LOT-2", "LOT-4")
def test_receiving_guesses_nothing_and_warns_of_an_expired_lot_as_its_date_fills_in(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, hub: ChangeHub,
        modals: ModalDriver) -> None:
    masterdata.set_supplier_approval(ui_ctx.uow(), site.qa, "RES-PC", "SHADY", ApprovalStatus.APPROVED, "audited")
    page = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)

    def receive(dialog: QDialog) -> None:
        item = child(dialog, QComboBox, "receiveItem")
        supplier = child(dialog, QComboBox, "receiveSupplier")
        assert isinstance(item, QComboBox) and isinstance(supplier, QComboBox)
        assert item.currentIndex() == -1 and item.placeholderText() == "Choose the item…"
        choose(dialog, "receiveItem", "RES-PC")
        assert supplier.count() == 2 and supplier.currentIndex() == -1, "two approved suppliers: no guess"
        choose(dialog, "receiveItem", "TUBE-1")
        assert supplier.currentText() == "ACME — Acme Polymers", "the only approved supplier is no guess"
        note = child(dialog, QLabel, "receiveExpiryNote")
        assert not note.isVisible()
        type_date(qtbot, dialog, "expiresOn", date.today() - timedelta(days=3))
        assert note.isVisible() and note.text().startswith(
            f"Expired on {date.today() - timedelta(days=3)}: an expired lot cannot be received.")
        type_date(qtbot, dialog, "expiresOn", date.today() + timedelta(days=400))
        assert not note.isVisible()
        dialog.reject()

    modals.answer(receive)
    click(qtbot, page, "receiveLot")
    modals.check()
