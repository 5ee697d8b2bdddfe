"""The main window's search box and the links between pages (DEVC-4 look-up, TRC-1, TRC-4)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget
from pytestqt.qtbot import QtBot

from app import lots, recalls
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import ModalDriver, child, click
from tests.ui.lot_site import Flow, Site, build_site, produce_and_ship
from ui.lots.lot_list_widget import LotListWidget
from ui.recalls.recall_list_widget import RecallListWidget
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner
from ui.trace.trace_widget import TraceWidget


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


@pytest.fixture
def flow(ui_ctx: AppContext, site: Site) -> Flow:
    return produce_and_ship(ui_ctx, site)


def window_for(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> MainWindow:
    window = MainWindow(ctx, runner, actor)
    qtbot.addWidget(window)
    window.resize(1400, 800)
    window.show()
    return window


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = child(window, QLineEdit, "globalSearch")
    assert isinstance(box, QLineEdit)
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def current_page(window: MainWindow) -> str:
    assert window.navigation is not None
    return window.navigation.currentItem().text()


@pytest.mark.req("DEVC-4")
def test_the_search_box_opens_a_lot_by_its_number_or_its_supplier_lot(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow) -> None:
    window = window_for(qtbot, ui_ctx, runner, site.warehouse)
    window.navigation.setCurrentRow(5)  # type: ignore[union-attr]
    assert current_page(window) == "Shipments"
    search(qtbot, window, flow.finished_lot)
    assert current_page(window) == "Lots"
    page = window.pages["lots"]
    assert isinstance(page, LotListWidget)
    assert child(page, QLabel, "lot_number").text() == flow.finished_lot
    assert page.selected_lot() is not None
    assert page.selected_lot().lot_number == flow.finished_lot  # type: ignore[union-attr]

    search(qtbot, window, "RES-PC-S1")
    assert child(page, QLabel, "lot_number").text() == flow.resin_lot

    search(qtbot, window, flow.batch)
    assert current_page(window) == "Batches"
    assert f"Batch {flow.batch} of SYR-5" in child(window.pages["batches"], QLabel, "batchHeader").text()

    search(qtbot, window, "NOPE-42")
    assert window.statusBar().currentMessage() == "Nothing found for 'NOPE-42'."
    assert current_page(window) == "Batches"


@pytest.mark.req("DEVC-4")
def test_several_matches_offer_a_chooser(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site,
                                         flow: Flow, modals: ModalDriver) -> None:
    second = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt(
        "RES-PC", "ACME", "ACM-900", "5", "kg", expires_on=date.today() + timedelta(days=60))).lot_number
    window = window_for(qtbot, ui_ctx, runner, site.warehouse)
    prefix = flow.resin_lot[:3]

    def choose_second(dialog: QDialog) -> None:
        assert dialog.objectName() == "recordChooserDialog"
        hits = child(dialog, QListWidget, "searchHits")
        assert isinstance(hits, QListWidget)
        texts = [hits.item(row).text() for row in range(hits.count())]
        assert texts == [f"Lot {flow.resin_lot} (RES-PC, Released), supplier lot RES-PC-S1",
                         f"Lot {second} (RES-PC, Quarantine), supplier lot ACM-900"]
        hits.setCurrentRow(1)
        click(qtbot, dialog, "recordChooserOk")

    modals.answer(choose_second)
    search(qtbot, window, prefix)
    modals.check()
    assert child(window.pages["lots"], QLabel, "lot_number").text() == second


@pytest.mark.req("TRC-1", "TRC-4")
def test_links_lead_from_a_lot_to_its_trace_and_the_search_opens_a_recall(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, flow: Flow) -> None:
    number = recalls.open_recall(ui_ctx.uow(), site.qa, flow.tubing_lot, "kinked tubing").recall_number
    window = window_for(qtbot, ui_ctx, runner, site.qa)
    search(qtbot, window, flow.tubing_lot)
    click(qtbot, window.pages["lots"], "traceLot")
    assert current_page(window) == "Trace"
    trace = window.pages["trace"]
    assert isinstance(trace, TraceWidget)
    assert trace.model.root is not None
    assert trace.model.root.number == flow.tubing_lot

    search(qtbot, window, number.lower())
    assert current_page(window) == "Recalls"
    page = window.pages["recalls"]
    assert isinstance(page, RecallListWidget)
    assert f"Recall {number}: Open" in page.detail.header.text()
    assert f"Trigger: lot {flow.tubing_lot}" in page.detail.header.text()
