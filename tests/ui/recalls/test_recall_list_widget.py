"""Working a recall to its end on the recalls page (TRC-4): customer progress, closing statement, CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import recalls
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Flow, Site, build_site, give_reason, produce_and_ship, row_texts, select_row
from ui.recalls.recall_list_widget import RecallListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def recall_number(ui_ctx: AppContext, admin: Actor) -> tuple[Site, Flow, str]:
    site = build_site(ui_ctx, admin)
    flow = produce_and_ship(ui_ctx, site)
    return site, flow, recalls.open_recall(ui_ctx.uow(), site.qa, flow.resin_lot, "resin contamination").recall_number


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, recall_number: tuple[Site, Flow, str]
         ) -> RecallListWidget:
    widget = RecallListWidget(ui_ctx, runner, recall_number[0].qa, ChangeHub())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def progress(qtbot: QtBot, step: str, what: str, returned: str = ""):  # type: ignore[no-untyped-def]
    def handler(dialog: QDialog) -> None:
        assert dialog.objectName() == "recallProgressDialog"
        assert child(dialog, QLabel, "progressStep").text() == f"City Hospital (HOSP1): {step}"
        if returned:
            type_into(qtbot, dialog, "returnedQuantity", returned)
        click(qtbot, dialog, "recallProgressOk")
        assert message_text(dialog, "recallProgressMessage") == "Say what was done: it is kept in the audit trail."
        qtbot.keyClicks(child(dialog, QPlainTextEdit, "progressReason"), what)
        click(qtbot, dialog, "recallProgressOk")
    return handler


@pytest.mark.req("TRC-4")
def test_notify_confirm_complete_close_and_export(qtbot: QtBot, ui_ctx: AppContext, page: RecallListWidget,
                                                  recall_number: tuple[Site, Flow, str], modals: ModalDriver,
                                                  tmp_path: Path) -> None:
    _site, flow, number = recall_number
    select_row(qtbot, page, "recallTable", 0)
    assert "Customers completed: 0 of 1" in page.detail.header.text()
    assert not child(page, QPushButton, "advanceCustomer").isEnabled(), "choose the customer first"
    select_row(qtbot, page, "recallCustomerTable", 0)

    modals.answer(progress(qtbot, "Pending → Notified", "notice e-mailed and phoned"))
    click(qtbot, page, "advanceCustomer")
    modals.check()
    assert message_text(page, "recallDetailMessage") == "HOSP1 is now Notified."
    assert row_texts(page, "recallCustomerTable", 0)[4] == "Notified"

    modals.answer(give_reason(qtbot, "statement that the recall cannot be closed"))
    click(qtbot, page, "closeRecall")
    modals.check()
    assert message_text(page, "recallDetailMessage") == (
        f"recall {number} cannot close: customers not completed: HOSP1")

    modals.answer(progress(qtbot, "Notified → Confirmed", "pharmacy confirmed receipt"),
                  progress(qtbot, "Confirmed → Completed", "480 returned, 20 used", returned="480"))
    click(qtbot, page, "advanceCustomer")
    click(qtbot, page, "advanceCustomer")
    modals.check()
    assert row_texts(page, "recallCustomerTable", 0)[2:5] == ["500", "480", "Completed"]
    assert not child(page, QPushButton, "advanceCustomer").isEnabled()
    assert row_texts(page, "recallTable", 0)[3] == "1 of 1"

    modals.answer(give_reason(qtbot, "480 units returned and destroyed; 20 used, no harm reported"))
    click(qtbot, page, "closeRecall")
    modals.check()
    assert message_text(page, "recallDetailMessage") == f"Recall {number} closed."
    assert row_texts(page, "recallTable", 0)[2] == "Closed"
    assert not child(page, QPushButton, "closeRecall").isEnabled()

    target = tmp_path / "recall.csv"
    page.detail.choose_export_path = lambda _name: target  # type: ignore[method-assign]
    click(qtbot, page, "exportRecall")
    assert message_text(page, "recallDetailMessage") == f"Recall exported to {target}."
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:6] == ["recall", number, "trigger lot", flow.resin_lot, "status", "Closed"]
    assert ["HOSP1", "City Hospital", flow.shipment, "500", "480", "Completed"] in rows


def test_the_recall_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                                    page: RecallListWidget) -> None:
    select_row(qtbot, page, "recallTable", 0)
    for model in (page.model, page.detail.scope_model, page.detail.customer_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
