"""The lot's pane (ui/lots/lot_detail_widget.py) when the database claims a status its history and signatures do
not back (SIG-3, LOT-5): it says so instead of showing the lot Released, and offers no certificate."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import lots
from app.bootstrap import AppContext
from tests.app.signing import reject
from tests.cli.support import sql
from tests.ui.conftest import NEW_PASSWORD, child
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import Site, lot_page, select_row, site_fixture
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner

__all__ = ["site_fixture"]


@pytest.mark.req("SIG-3", "LOT-5")
def test_a_rejected_lot_set_released_with_plain_sql_is_not_shown_released(
        qtbot: QtBot, ui_ctx: AppContext, ui_db_url: str, runner: SyncTaskRunner, site: Site,
        hub: ChangeHub) -> None:
    lot = lots.receive_lot(ui_ctx.uow(), site.warehouse, lots.Receipt("TUBE-1", "ACME", "T-9", "40", "m"))
    reject(ui_ctx, site.qa, "lot", lot.lot_number, "damaged on arrival", NEW_PASSWORD)
    sql(ui_db_url, f"UPDATE lots SET status = 'Released' WHERE lot_number = '{lot.lot_number}'")
    page = lot_page(qtbot, ui_ctx, runner, site.qa, hub)
    page.resize(1280, 800)
    select_row(qtbot, page, "lotTable", 0)
    status = child(page, QLabel, "lot_status")
    assert isinstance(status, QLabel)
    assert status.text() == "status not backed by its signatures (its status history says Rejected)"
    assert not page.detail.coa_button.isVisible()
    assert layout_problems(page) == []
    page.grab().save("/tmp/h9/lot_not_backed.png")
