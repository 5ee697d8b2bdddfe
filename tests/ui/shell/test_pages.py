"""Every lot, batch, trace and recall page opens in the main window on the real task runner (STYLE §5)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.lot_site import build_site, produce_and_ship
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import TaskRunner


@pytest.mark.req("GEN-1")
def test_each_page_loads_off_the_gui_thread_without_errors(qtbot: QtBot, ui_ctx: AppContext,
                                                           thread_runner: TaskRunner, admin: Actor) -> None:
    site = build_site(ui_ctx, admin)
    flow = produce_and_ship(ui_ctx, site)
    window = MainWindow(ui_ctx, thread_runner, site.qa)
    qtbot.addWidget(window)
    window.show()
    assert window.navigation is not None
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        qtbot.waitUntil(lambda: not thread_runner.busy, timeout=10_000)
    for page in window.pages.values():
        shown_errors = [label.text() for label in page.findChildren(QLabel)
                        if label.isVisibleTo(page) and "color: #b00020" in label.styleSheet()]
        assert not shown_errors, f"{page.objectName()}: {shown_errors}"
    assert window.pages["lots"].model.rowCount() == 3  # type: ignore[attr-defined]
    window.open_record("batch", flow.batch)
    qtbot.waitUntil(lambda: not thread_runner.busy, timeout=10_000)
    assert f"Batch {flow.batch} of SYR-5" in window.pages["batches"].detail.header.text()  # type: ignore[attr-defined]
    window.open_record("trace", flow.shipment)
    qtbot.waitUntil(lambda: not thread_runner.busy and window.pages["trace"].model.root is not None,  # type: ignore[attr-defined]
                    timeout=10_000)
