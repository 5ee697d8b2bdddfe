"""The lots page (ui/lots/lot_list_widget.py) with its table model and detail pane: filters, QA's status changes
with a reason (LOT-5, AUD-4), release through the signer (SIG-5), and a pane that only shows a listed lot."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import audit, lots
from app.bootstrap import AppContext
from app.ports import AuditFilter
from tests.app.signing import release_lot
from tests.ui.conftest import NEW_PASSWORD, ModalDriver, child, click, message_text, type_into
from tests.ui.lot_site import Site, column_texts, give_reason, lot_page, row_texts, select_row
from ui.lots.lot_list_widget import LotListWidget
from ui.lots.lot_table_model import LotTableModel
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.mark.req("LOT-5", "AUD-4")
def test_qa_puts_a_lot_on_hold_from_the_detail_pane_with_a_reason(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, hub: ChangeHub,
        modals: ModalDriver) -> None:
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-9", "40", "m"))
    warehouse_view = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)
    page = lot_page(qtbot, ui_ctx, runner, site.qa, hub)
    select_row(qtbot, warehouse_view, "lotTable", 0)
    assert not warehouse_view.detail.action_buttons, "the warehouse changes no lot status"
    assert message_text(warehouse_view, "lotSignatures") == ""
    select_row(qtbot, page, "lotTable", 0)
    assert [b.text() for b in page.detail.action_buttons.values()] == ["Put on hold..."]
    assert message_text(page, "lotSignatures") == (
        "To release, signatures: QC review (QC Analyst), QA approval (QA Reviewer).\n"
        "To reject, signatures: QA rejection (QA Release or QA Reviewer)."), "signed, never by hand (SIG-5)"
    modals.answer(give_reason(qtbot, "CoA missing"))
    click(qtbot, page, "lotAction_ON_HOLD")
    modals.check()
    assert message_text(page, "lotDetailMessage") == f"Lot {lot.lot_number} is now On hold."
    assert row_texts(page, "lotTable", 0)[2] == "On hold"
    assert row_texts(warehouse_view, "lotTable", 0)[2] == "On hold", "the other open page refreshed"
    assert child(warehouse_view, QLabel, "lot_status").text() == "On hold"
    assert [b.text() for b in page.detail.action_buttons.values()] == ["Return to quarantine..."]
    change = audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(record_type="lot", action="UPDATE"),
                              limit=1)[0]
    assert change.reason == "CoA missing"


@pytest.mark.req("LOT-5", "SIG-5")
def test_release_goes_through_the_signer_and_every_page_refreshes(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, hub: ChangeHub) -> None:
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-9", "40", "m"))
    asked: list[tuple[str, str, object]] = []

    def signer(_parent: QWidget, record_type: str, number: str, target: Enum) -> str | None:
        """Stands in for the signature dialog: both signatures, as QC and QA would apply them."""
        asked.append((record_type, number, target))
        release_lot(ui_ctx, site.qc, site.qa, number, NEW_PASSWORD)
        return "QC review and QA approval applied: the lot is Released."

    warehouse_view = lot_page(qtbot, ui_ctx, runner, site.warehouse, hub)
    page = LotListWidget(ui_ctx, runner, site.qa, hub, signer=signer)
    qtbot.addWidget(page)
    page.show()
    select_row(qtbot, warehouse_view, "lotTable", 0)
    select_row(qtbot, page, "lotTable", 0)
    assert [b.text() for b in page.detail.sign_buttons.values()] == ["Sign: release...", "Sign: reject..."]
    assert message_text(page, "lotSignatures") == ""
    click(qtbot, page, "lotSign_RELEASED")
    assert asked == [("lot", lot.lot_number, lots.LotStatus.RELEASED)]
    assert message_text(page, "lotDetailMessage") == "QC review and QA approval applied: the lot is Released."
    assert row_texts(page, "lotTable", 0)[2] == "Released"
    assert child(warehouse_view, QLabel, "lot_status").text() == "Released"


def test_filters_narrow_the_lot_table(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                      hub: ChangeHub) -> None:
    first = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "40", "m"))
    lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt(
        "RES-PC", "ACME", "R-1", "4", "kg", expires_on=date.today() + timedelta(days=9)))
    release_lot(ui_ctx, site.qc, site.qa, first.lot_number, NEW_PASSWORD)
    page = lot_page(qtbot, ui_ctx, runner, site.qa, hub)
    assert len(column_texts(page, "lotTable", 0)) == 2
    status = child(page, QComboBox, "lotStatusFilter")
    assert isinstance(status, QComboBox)
    status.setCurrentIndex(status.findText("Released"))
    status.activated.emit(status.currentIndex())
    assert column_texts(page, "lotTable", 0) == [first.lot_number]
    status.setCurrentIndex(0)
    status.activated.emit(0)
    type_into(qtbot, page, "lotTextFilter", "R-1")
    qtbot.keyClick(child(page, QLineEdit, "lotTextFilter"), Qt.Key.Key_Return)
    assert column_texts(page, "lotTable", 1) == ["RES-PC"]


def test_the_lot_table_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, ui_ctx: AppContext,
                                                        site: Site) -> None:
    lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "40", "m"))
    model = LotTableModel()
    model.set_records(lots.list_lots(ui_ctx.read_uow(), site.warehouse))
    qtmodeltester.check(model)


@pytest.mark.req("LOT-4")
def test_the_detail_pane_only_shows_a_lot_the_filtered_list_shows(qtbot: QtBot, ui_ctx: AppContext,
                                                                  runner: SyncTaskRunner, site: Site,
                                                                  hub: ChangeHub) -> None:
    tube = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-1", "40", "m"))
    resin = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt(
        "RES-PC", "ACME", "R-1", "4", "kg", expires_on=date.today() + timedelta(days=9)))
    page = lot_page(qtbot, ui_ctx, runner, site.qa, hub)
    row = column_texts(page, "lotTable", 0).index(tube.lot_number)
    select_row(qtbot, page, "lotTable", row)
    assert child(page, QLabel, "lot_number").text() == tube.lot_number
    # typing filters without Return (after a short pause); the tube lot leaves the list and the pane empties
    qtbot.keyClicks(child(page, QLineEdit, "lotTextFilter"), "R-1")
    qtbot.waitUntil(lambda: column_texts(page, "lotTable", 0) == [resin.lot_number], timeout=2000)
    assert child(page, QLabel, "lot_number").text() == "", "the pane must not show a lot the list no longer has"
    assert not page.table.selectionModel().hasSelection()
    select_row(qtbot, page, "lotTable", 0)
    assert child(page, QLabel, "lot_number").text() == resin.lot_number
