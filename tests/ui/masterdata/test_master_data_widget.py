"""Master data on screen (LOT-1, LOT-2): items with GTIN check, the approved supplier list, customers."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QSpinBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import audit, masterdata
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Site, build_site, column_texts, give_reason, row_texts, select_row
from ui.masterdata.master_data_widget import MasterDataWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def master_data(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> MasterDataWidget:
    page = MasterDataWidget(ctx, runner, actor, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


@pytest.mark.req("LOT-1")
def test_create_a_device_with_a_checked_gtin_and_edit_it_with_a_reason(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    page = master_data(qtbot, ui_ctx, runner, site.admin)

    def create(dialog: QDialog) -> None:
        assert dialog.objectName() == "itemDialog"
        type_into(qtbot, dialog, "itemCode", "SYR-10")
        type_into(qtbot, dialog, "itemName", "Syringe 10 mL")
        kind = child(dialog, QComboBox, "itemType")
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(kind.findText("Finished device"))
        assert child(dialog, QLabel, "gtinCheck").text() == "A finished device needs a GTIN (UDI device identifier)."
        unit = child(dialog, QComboBox, "itemUnit")
        assert isinstance(unit, QComboBox)
        unit.setCurrentIndex(unit.findText("pcs"))
        type_into(qtbot, dialog, "itemGtin", "09506000134353")
        assert child(dialog, QLabel, "gtinCheck").text() == "GTIN '09506000134353' has check digit 3, expected 2"
        click(qtbot, dialog, "itemOk")
        assert message_text(dialog, "itemMessage") == "GTIN '09506000134353' has check digit 3, expected 2"
        type_into(qtbot, dialog, "itemGtin", "09506000134352")  # valid, but SYR-5 has it already
        click(qtbot, dialog, "itemOk")

    def correct(dialog: QDialog) -> None:
        assert message_text(dialog, "itemMessage") == "GTIN 09506000134352 already belongs to another item"
        assert child(dialog, QLineEdit, "itemName").text() == "Syringe 10 mL", "the form is filled as it was"
        type_into(qtbot, dialog, "itemGtin", "9506000134369")
        assert child(dialog, QLabel, "gtinCheck").text() == "Check digit correct (GTIN-14 09506000134369)."
        shelf = child(dialog, QSpinBox, "itemShelfLife")
        assert isinstance(shelf, QSpinBox)
        shelf.setValue(1095)
        click(qtbot, dialog, "itemOk")

    modals.answer(create, correct)
    click(qtbot, page.items, "newItem")
    modals.check()
    assert message_text(page.items, "itemListMessage") == "Item SYR-10 created."
    row = page.items.model.row_of("SYR-10")
    assert row_texts(page.items, "itemTable", row) == [
        "SYR-10", "Syringe 10 mL", "Finished device", "pcs", "1095", "", "09506000134369"]

    def edit(dialog: QDialog) -> None:
        type_into(qtbot, dialog, "itemStorage", "15-25 °C, dry")
        click(qtbot, dialog, "itemOk")

    select_row(qtbot, page.items, "itemTable", row)
    modals.answer(edit, give_reason(qtbot, "storage condition from the new IFU"))
    click(qtbot, page.items, "editItem")
    modals.check()
    assert row_texts(page.items, "itemTable", row)[5] == "15-25 °C, dry"
    change = audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(record_id="SYR-10", action="UPDATE"),
                              limit=1)[0]
    assert change.reason == "storage condition from the new IFU"


@pytest.mark.req("LOT-2")
def test_qa_approves_and_suspends_a_supplier_for_an_item(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                         site: Site, modals: ModalDriver) -> None:
    widget = master_data(qtbot, ui_ctx, runner, site.release)  # held: the page lives as long as the widget
    page = widget.suppliers
    widget.tabs.setCurrentWidget(page)
    assert not child(page, QPushButton, "newSupplier").isVisible(), "QA release approves; creating is not theirs"
    select_row(qtbot, page, "supplierTable", page.model.row_of("SHADY"))
    assert column_texts(page, "approvalTable", 0) == []

    def approve(dialog: QDialog) -> None:
        assert dialog.objectName() == "approveSupplierDialog"
        item = child(dialog, QComboBox, "approveItem")
        assert isinstance(item, QComboBox)
        assert [item.itemText(i) for i in range(item.count())] == [
            "RES-PC — Polycarbonate resin", "TUBE-1 — Tubing"], "produced items are never bought"
        item.setCurrentIndex(1)
        type_into(qtbot, dialog, "approveReason", "supplier audit SA-7 passed")
        click(qtbot, dialog, "approveSupplierOk")

    modals.answer(approve)
    click(qtbot, page, "approveForItem")
    modals.check()
    assert message_text(page, "supplierListMessage") == "SHADY is now Approved for TUBE-1."
    assert row_texts(page, "approvalTable", 0) == ["TUBE-1", "Tubing", "Approved"]
    select_row(qtbot, page, "approvalTable", 0)
    modals.answer(give_reason(qtbot, "complaint 2026-17 under investigation"))
    click(qtbot, page, "suspendApproval")
    modals.check()
    assert row_texts(page, "approvalTable", 0)[2] == "Suspended"
    assert child(page, QPushButton, "approveAgain").isEnabled()
    assert not child(page, QPushButton, "suspendApproval").isEnabled()
    assert [(a.item_code, a.status) for a in masterdata.list_approvals(ui_ctx.read_uow(), site.qa)
            if a.supplier_code == "SHADY"] == [("TUBE-1", "Suspended")]


@pytest.mark.req("LOT-9")
def test_create_a_customer_and_a_duplicate_is_refused(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      site: Site, modals: ModalDriver) -> None:
    widget = master_data(qtbot, ui_ctx, runner, site.admin)
    page = widget.customers
    widget.tabs.setCurrentWidget(page)

    def create(code: str):  # type: ignore[no-untyped-def]
        def handler(dialog: QDialog) -> None:
            type_into(qtbot, dialog, "customerCode", code)
            type_into(qtbot, dialog, "customerName", "Clinic North")
            type_into(qtbot, dialog, "customerCountry", "fr")
            click(qtbot, dialog, "customerOk")
        return handler

    def refused(dialog: QDialog) -> None:
        assert message_text(dialog, "customerMessage") == "customer HOSP1 already exists"
        assert child(dialog, QLineEdit, "customerName").text() == "Clinic North"
        dialog.reject()

    modals.answer(create("CLIN2"), create("HOSP1"), refused)
    click(qtbot, page, "newCustomer")
    click(qtbot, page, "newCustomer")
    modals.check()
    assert column_texts(page, "customerTable", 0) == ["CLIN2", "HOSP1"]
    assert row_texts(page, "customerTable", 0)[:3] == ["CLIN2", "Clinic North", "FR"]


def test_the_master_data_tables_pass_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                         ui_ctx: AppContext, runner: SyncTaskRunner,
                                                         site: Site) -> None:
    page = master_data(qtbot, ui_ctx, runner, site.qa)
    select_row(qtbot, page.suppliers, "supplierTable", page.suppliers.model.row_of("ACME"))
    for model in (page.items.model, page.suppliers.model, page.suppliers.approval_model, page.customers.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


@pytest.mark.req("LOT-3", "AUD-4")
def test_an_administrator_changes_a_number_rule_and_the_next_lot_follows_it(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, modals: ModalDriver) -> None:
    from datetime import date

    from app import lots

    page = master_data(qtbot, ui_ctx, runner, site.admin)
    page.tabs.setCurrentWidget(page.number_rules)
    rules = page.number_rules
    row = rules.model.row_of("lot.RAW_MATERIAL")
    select_row(qtbot, rules, "numberRuleTable", row)

    def bad_then_good(dialog: QDialog) -> None:
        assert dialog.objectName() == "numberRuleDialog"
        type_into(qtbot, dialog, "numberPattern", "RM-{seq:03}-{seq}")
        assert "exactly one {seq}" in child(dialog, QLabel, "numberExample").text()
        assert not child(dialog, QPushButton, "numberRuleOk").isEnabled(), "no save of a rule that cannot work"
        type_into(qtbot, dialog, "numberPattern", "RM{yyyy}-{seq:05}")
        assert child(dialog, QLabel, "numberExample").text() == f"RM{date.today():%Y}-00001"
        click(qtbot, dialog, "numberRuleOk")

    modals.answer(bad_then_good, give_reason(qtbot, "CR-9: five-digit raw-material numbers"))
    click(qtbot, rules, "changeNumberRule")
    modals.check()
    assert message_text(rules, "numberRuleListMessage") == "Numbers for lot.RAW_MATERIAL now follow RM{yyyy}-{seq:05}."
    assert row_texts(rules, "numberRuleTable", rules.model.row_of("lot.RAW_MATERIAL"))[1] == "RM{yyyy}-{seq:05}"
    received = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt(
        "RES-PC", "ACME", "ACM-NR", "5", "kg", manufactured_on=date.today()))
    assert received.lot_number == f"RM{date.today():%Y}-00001"


@pytest.mark.req("LOT-3", "ACC-4")
def test_number_rules_are_read_only_for_others(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                               site: Site) -> None:
    page = master_data(qtbot, ui_ctx, runner, site.warehouse)
    page.tabs.setCurrentWidget(page.number_rules)
    assert not page.number_rules.change_button.isVisible()
    assert column_texts(page.number_rules, "numberRuleTable", 0)[:2] == ["lot.RAW_MATERIAL", "lot.COMPONENT"]
