"""Planning, starting, issuing to and completing a batch on the batches page (LOT-6..LOT-9)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QTabWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import batches
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import (
    Site,
    build_site,
    column_texts,
    effective_mbr,
    give_reason,
    released_lot,
    row_texts,
    select_row,
)
from ui.batches.batch_list_widget import BatchListWidget
from ui.batches.batch_table_model import BatchTableModel
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    built = build_site(ui_ctx, admin)
    effective_mbr(ui_ctx, built)
    return built


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> BatchListWidget:
    widget = BatchListWidget(ui_ctx, runner, site.production, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    return widget


def issue(qtbot: QtBot, lot: str, quantity: str, *, refused: str | None = None):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == "issueMaterialDialog"
        type_into(qtbot, dialog, "issueLot", lot)
        type_into(qtbot, dialog, "issueQuantity", quantity)
        click(qtbot, dialog, "issueMaterialOk")
        if refused is not None:
            assert message_text(dialog, "issueMaterialMessage") == (
                f"{refused}\nAn alert was raised so that QA can follow this up.")
            assert child(dialog, QLineEdit, "issueLot").text() == lot, "the form stays filled"
            dialog.reject()
    return handler


@pytest.mark.req("LOT-6", "LOT-7", "LOT-8", "LOT-9")
def test_plan_start_issue_and_complete_a_batch(qtbot: QtBot, ui_ctx: AppContext, page: BatchListWidget,
                                               site: Site, modals: ModalDriver) -> None:
    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    tubing = released_lot(ui_ctx, site, "TUBE-1", "5000", "cm")

    def plan(dialog: QDialog) -> None:
        assert dialog.objectName() == "planBatchDialog"
        combo = child(dialog, QComboBox, "planProduct")
        assert isinstance(combo, QComboBox)
        assert [combo.itemText(i) for i in range(combo.count())] == ["SYR-5 — Syringe 5 mL"]
        assert child(dialog, QLabel, "planRecord").text() == (
            "v1 “Syringe”\nRES-PC: 0.01 kg per unit ±5 %\nTUBE-1: 0.05 m per unit ±10 %")
        type_into(qtbot, dialog, "planQuantity", "1000")
        click(qtbot, dialog, "planBatchOk")

    modals.answer(plan)
    click(qtbot, page, "planBatch")
    modals.check()
    batch = batches.list_batches(ui_ctx.read_uow(), site.production)[0].batch_number
    assert message_text(page, "batchMessage") == f"Batch {batch} planned from SYR-5 v1."
    assert row_texts(page, "batchTable", 0)[:5] == [batch, "SYR-5", "v1", "Planned", "1000"]
    assert not child(page, QPushButton, "issueMaterial").isEnabled(), "material is issued in production"

    click(qtbot, page, "batchAction_IN_PRODUCTION")
    assert message_text(page, "batchDetailMessage") == f"Batch {batch} is now In production."
    assert row_texts(page, "batchTable", 0)[3] == "In production"

    refusal = "issuing 20 kg of RES-PC brings the batch to 20, above the 10.5 allowed (10 ±5%)"
    modals.answer(issue(qtbot, resin, "20", refused=refusal))
    click(qtbot, page, "issueMaterial")
    modals.check()
    alerts = batches.open_alerts(ui_ctx.read_uow(), site.qa, batch_number=batch)
    assert [(a.kind, a.lot_number, a.message) for a in alerts] == [("issue_refused", resin, refusal)]
    tabs = child(page, QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    assert tabs.tabText(3) == "Open alerts (1)"
    assert column_texts(page, "alertTable", 2) == [refusal]
    assert column_texts(page, "issueTable", 2) == [], "the refused issue changed nothing"

    modals.answer(issue(qtbot, resin, "10"), issue(qtbot, tubing, "48"))
    click(qtbot, page, "issueMaterial")
    click(qtbot, page, "issueMaterial")
    modals.check()
    assert message_text(page, "batchDetailMessage") == f"Issued 48 m of lot {tubing} (TUBE-1) to the batch."
    assert column_texts(page, "issueTable", 2) == [resin, tubing]
    assert [row_texts(page, "bomTable", r) for r in (0, 1)] == [
        ["RES-PC", "10", "9.5 – 10.5", "10"], ["TUBE-1", "50", "45 – 55", "48"]]

    def complete(dialog: QDialog) -> None:
        assert dialog.objectName() == "completeBatchDialog"
        type_into(qtbot, dialog, "producedQuantity", "990")
        type_into(qtbot, dialog, "lotSplit", "500, 400")
        click(qtbot, dialog, "completeBatchOk")
        assert message_text(dialog, "completeBatchMessage") == "the lot quantities add up to 900, not 990"
        type_into(qtbot, dialog, "lotSplit", "")
        click(qtbot, dialog, "completeBatchOk")

    modals.answer(complete)
    click(qtbot, page, "completeBatch")
    modals.check()
    output = batches.get_batch(ui_ctx.read_uow(), site.production, batch).output_lots
    assert len(output) == 1
    assert message_text(page, "batchDetailMessage") == (
        f"Batch {batch} completed: finished lots {output[0].lot_number} in quarantine.")
    assert row_texts(page, "outputLotTable", 0)[:4] == [output[0].lot_number, "Quarantine", "990", "pcs"]
    assert row_texts(page, "batchTable", 0)[3:6] == ["Completed", "1000", "990"]
    assert "Status: Completed" in child(page, QLabel, "batchHeader").text()
    assert list(page.detail.action_buttons) == [BatchStatus.QC_TESTING], "production may not hold"


@pytest.mark.req("LOT-8", "SIG-5")
def test_hold_needs_a_reason_and_resumes_where_it_was(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      site: Site, modals: ModalDriver) -> None:
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "100").batch_number
    widget = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(widget)
    widget.show()
    select_row(qtbot, widget, "batchTable", 0)
    assert not child(widget, QPushButton, "issueMaterial").isVisible(), "QA does not issue material"
    modals.answer(give_reason(qtbot, "wrong resin grade suspected"))
    click(qtbot, widget, "batchAction_ON_HOLD")
    modals.check()
    assert row_texts(widget, "batchTable", 0)[3] == "On hold (from Planned)"
    assert [b.text() for b in widget.detail.action_buttons.values()] == ["Resume...", "Recall..."]
    assert message_text(widget, "batchSignatures") == (
        "To reject, signatures: QA rejection (QA Release or QA Reviewer)."), "signed, never by hand (SIG-5)"
    modals.answer(give_reason(qtbot, "resin grade confirmed"))
    click(qtbot, widget, "batchAction_PLANNED")
    modals.check()
    assert batches.get_batch(ui_ctx.read_uow(), site.qa, batch).batch.status == "Planned"


def test_the_batch_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, ui_ctx: AppContext,
                                                   page: BatchListWidget, site: Site) -> None:
    batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "100")
    model = BatchTableModel()
    model.set_records(batches.list_batches(ui_ctx.read_uow(), site.production))
    qtmodeltester.check(model)
    page.refresh()
    page.table.selectRow(0)
    for bom_or_issues in (page.detail.bom_model, page.detail.issue_model, page.detail.output_model):
        qtmodeltester.check(bom_or_issues)


@pytest.mark.req("LOT-7")
def test_return_unused_material_to_stock(qtbot: QtBot, ui_ctx: AppContext, page: BatchListWidget, site: Site,
                                         modals: ModalDriver) -> None:
    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    batches.issue_material(ui_ctx.uow(), site.production, batch, resin, "10")
    page.refresh()
    select_row(qtbot, page, "batchTable", 0)

    def give_back(dialog: QDialog) -> None:
        assert dialog.objectName() == "returnMaterialDialog"
        type_into(qtbot, dialog, "issueLot", resin)
        type_into(qtbot, dialog, "issueQuantity", "12")
        type_into(qtbot, dialog, "returnReason", "bag not opened")
        click(qtbot, dialog, "returnMaterialOk")
        assert message_text(dialog, "returnMaterialMessage") == (
            f"only 10 of lot {resin} is issued to batch {batch}; cannot return 12"), "no alert for a return"
        type_into(qtbot, dialog, "issueQuantity", "2")
        click(qtbot, dialog, "returnMaterialOk")

    modals.answer(give_back)
    click(qtbot, page, "returnMaterial")
    modals.check()
    assert message_text(page, "batchDetailMessage") == f"Returned 2 kg of lot {resin} (RES-PC) to stock."
    assert column_texts(page, "issueTable", 1) == ["Issue", "Return"]
    assert row_texts(page, "bomTable", 0)[3] == "8"


@pytest.mark.req("LOT-8")
def test_a_batch_held_after_completion_resumes_to_completed(qtbot: QtBot, ui_ctx: AppContext,
                                                            runner: SyncTaskRunner, site: Site,
                                                            modals: ModalDriver) -> None:
    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    tubing = released_lot(ui_ctx, site, "TUBE-1", "50", "m")
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    batches.issue_material(ui_ctx.uow(), site.production, batch, resin, "10")
    batches.issue_material(ui_ctx.uow(), site.production, batch, tubing, "50")
    batches.complete_batch(ui_ctx.uow(), site.production, batch, "990")
    widget = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(widget)
    widget.show()
    select_row(qtbot, widget, "batchTable", 0)
    modals.answer(give_reason(qtbot, "sterilisation record missing"), give_reason(qtbot, "record found"))
    click(qtbot, widget, "batchAction_ON_HOLD")
    assert row_texts(widget, "batchTable", 0)[3] == "On hold (from Completed)"
    click(qtbot, widget, "batchAction_COMPLETED")
    modals.check()
    assert row_texts(widget, "batchTable", 0)[3] == "Completed"
    assert message_text(widget, "batchDetailMessage") == f"Batch {batch} is now Completed."


@pytest.mark.req("LOT-7", "AUD-4")
def test_qa_acknowledges_an_alert_from_the_batch_page(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      site: Site, modals: ModalDriver) -> None:
    from domain.errors import DomainError

    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    batches.change_batch_status(ui_ctx.uow(), site.production, batch, BatchStatus.IN_PRODUCTION, None)
    with pytest.raises(DomainError):
        batches.issue_material(ui_ctx.uow(), site.production, batch, resin, "20")  # above tolerance: an alert

    production_page = BatchListWidget(ui_ctx, runner, site.production, ChangeHub())
    qtbot.addWidget(production_page)
    assert not production_page.detail.acknowledge_button.isVisibleTo(production_page), "QA acknowledges alerts"

    page = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    select_row(qtbot, page, "batchTable", 0)
    tabs = child(page, QTabWidget, "batchTabs")
    assert isinstance(tabs, QTabWidget)
    tabs.setCurrentIndex(3)
    assert tabs.tabText(3) == "Open alerts (1)"
    assert not child(page, QPushButton, "acknowledgeAlert").isEnabled(), "select the alert first"
    select_row(qtbot, page, "alertTable", 0)
    modals.answer(give_reason(qtbot, "DEV-2026-031 opened for the over-issue attempt"))
    click(qtbot, page, "acknowledgeAlert")
    modals.check()
    assert message_text(page, "batchDetailMessage") == "Alert acknowledged; it is kept in the audit trail."
    assert tabs.tabText(3) == "Open alerts (0)"
    assert batches.open_alerts(ui_ctx.read_uow(), site.qa, batch_number=batch) == []


@pytest.mark.req("LOT-7")
def test_the_issue_dialog_shows_the_lots_unit_and_forgets_the_quantity_typed_for_another_lot(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site) -> None:
    from ui.batches.issue_material_dialog import IssueMaterialDialog

    resin = released_lot(ui_ctx, site, "RES-PC", "25", "kg", manufactured_on=date.today() - timedelta(days=10))
    tubing = released_lot(ui_ctx, site, "TUBE-1", "5000", "cm")
    batch = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000").batch_number
    dialog = IssueMaterialDialog(ui_ctx, runner, site.production, batch)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.fill_lot(resin)
    assert child(dialog, QLabel, "issueUnit").text() == "kg"
    type_into(qtbot, dialog, "issueQuantity", "10")
    dialog.fill_lot(resin)  # the same lot again (scanned twice): what was typed stays
    assert child(dialog, QLineEdit, "issueQuantity").text() == "10"
    dialog.fill_lot(tubing)
    assert child(dialog, QLineEdit, "issueQuantity").text() == "", "10 kg of resin is not 10 m of tubing"
    assert child(dialog, QLabel, "issueUnit").text() == "m"
