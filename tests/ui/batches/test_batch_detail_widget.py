"""The batch's pane (ui/batches/batch_detail_widget.py) when the database claims a status its history does not
back (SIG-3, LOT-5): the header says so instead of the status."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import batches
from app.bootstrap import AppContext
from domain.batches import BatchStatus
from domain.users import Actor
from tests.cli.support import sql
from tests.ui.conftest import child
from tests.ui.layout_check import layout_problems
from tests.ui.lot_site import build_site, effective_mbr, select_row, shown
from ui.batches.batch_list_widget import BatchListWidget
from ui.shell.changes import ChangeHub
from ui.shell.task_runner import SyncTaskRunner


@pytest.mark.req("SIG-3", "LOT-5")
def test_a_batch_set_to_qa_review_with_plain_sql_says_its_status_is_not_backed(
        qtbot: QtBot, ui_ctx: AppContext, ui_db_url: str, runner: SyncTaskRunner, admin: Actor) -> None:
    site = build_site(ui_ctx, admin)
    effective_mbr(ui_ctx, site)
    planned = batches.plan_batch(ui_ctx.uow(), site.production, "SYR-5", "1000")
    batches.change_batch_status(ui_ctx.uow(), site.production, planned.batch_number, BatchStatus.IN_PRODUCTION, None)
    sql(ui_db_url, f"UPDATE batches SET status = 'QA review' WHERE batch_number = '{planned.batch_number}'")
    page = BatchListWidget(ui_ctx, runner, site.qa, ChangeHub())
    shown(qtbot, page, 1280, 800)
    select_row(qtbot, page, "batchTable", 0)
    header = child(page, QLabel, "batchHeader")
    assert isinstance(header, QLabel)
    assert "Status: status not backed by its signatures (its status history says In production)\n" in header.text()
    assert layout_problems(page) == []
    page.grab().save("/tmp/h9/batch_not_backed.png")
