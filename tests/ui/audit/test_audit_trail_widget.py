"""The audit trail viewer (AUD-5): paging, filters, local times, chain verification, CSV export."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit, QPlainTextEdit, QPushButton, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app import audit, users
from app.audit import CSV_COLUMNS
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.users import Actor, Role
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import ModalDriver, child, click, make_user, message_text, tick, type_into
from tests.ui.layout_check import layout_problems
from ui.audit.audit_table_model import AuditTableModel
from ui.audit.audit_trail_widget import AuditTrailWidget
from ui.shell.task_runner import SyncTaskRunner, TaskRunner

SEEDED = 450


@pytest.fixture
def trail(ui_ctx: AppContext, admin: Actor) -> int:
    """Several hundred entries in one transaction: lots and batches, updated with old and new values."""
    with ui_ctx.uow().acting_as(admin) as tx:
        for i in range(SEEDED):
            kind = "batch" if i % 3 == 0 else "lot"
            tx.audit_event("UPDATE" if i % 2 else "CREATE", kind, f"{kind[0].upper()}-{i:04d}",
                           reason=f"seeded change {i}", details={"quantity": (i, i + 1), "note": (None, "x" * 500)})
        tx.commit()
    return len(audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(), limit=10_000))


@pytest.fixture
def page(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, trail: int) -> AuditTrailWidget:
    widget = AuditTrailWidget(ui_ctx, runner, admin)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def column(model: AuditTableModel, col: int) -> list[object]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


@pytest.mark.req("AUD-5")
def test_the_model_passes_the_qt_model_tester(qtmodeltester: ModelTester, ui_ctx: AppContext,
                                              runner: SyncTaskRunner, admin: Actor, trail: int) -> None:
    model = AuditTableModel(ui_ctx, runner, admin)
    model.set_filter(AuditFilter())
    assert model.rowCount() == 200
    qtmodeltester.check(model)


@pytest.mark.req("AUD-5")
def test_pages_load_newest_first_and_older_on_demand(ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor,
                                                     trail: int) -> None:
    model = AuditTableModel(ui_ctx, runner, admin)
    model.set_filter(AuditFilter())
    seqs = column(model, 0)
    assert len(seqs) == 200
    assert seqs[0] == trail, "the newest entry comes first"
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    seqs = column(model, 0)
    assert seqs == list(range(trail, 0, -1)), "every entry once, in order, with no gap"


@pytest.mark.req("AUD-5")
def test_scrolling_to_the_end_loads_older_entries(qtbot: QtBot, page: AuditTrailWidget) -> None:
    table = child(page, QTableView, "auditTable")
    assert isinstance(table, QTableView)
    assert page.model.rowCount() == 200
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: page.model.rowCount() == 400, timeout=5_000)
    assert "scroll down" in page.count_label.text()


@pytest.mark.req("AUD-5")
def test_pages_arrive_from_the_database_thread(qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner,
                                               admin: Actor, trail: int) -> None:
    model = AuditTableModel(ui_ctx, thread_runner, admin)
    model.set_filter(AuditFilter())
    assert model.rowCount() == 0 and model.loading
    qtbot.waitUntil(lambda: model.rowCount() == 200, timeout=10_000)
    model.fetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))  # ignored while the page is on its way
    qtbot.waitUntil(lambda: model.rowCount() == 400 and not model.loading, timeout=10_000)
    assert column(model, 0)[199] - 1 == column(model, 0)[200]  # type: ignore[operator]


@pytest.mark.req("AUD-5")
def test_filters_narrow_the_rows(qtbot: QtBot, page: AuditTrailWidget, admin: Actor) -> None:
    combo = child(page, QComboBox, "recordTypeFilter")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("batch"))
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == SEEDED // 3
    assert set(column(page.model, 4)) == {"batch"}

    actions = child(page, QComboBox, "actionFilter")
    assert isinstance(actions, QComboBox)
    actions.setCurrentIndex(actions.findText("UPDATE"))
    click(qtbot, page, "applyFilter")
    assert set(column(page.model, 6)) == {"UPDATE"}
    assert 0 < page.model.rowCount() < SEEDED // 3

    click(qtbot, page, "clearFilter")
    type_into(qtbot, page, "recordIdFilter", "L-0010")
    click(qtbot, page, "applyFilter")
    assert column(page.model, 5) == ["L-0010"]

    type_into(qtbot, page, "recordIdFilter", "")
    type_into(qtbot, page, "textFilter", "seeded change 44")
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == 11  # 44 and 440..449
    assert all("seeded change 44" in str(reason) for reason in column(page.model, 8))

    click(qtbot, page, "clearFilter")
    type_into(qtbot, page, "userFilter", "nobody")
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == 0
    type_into(qtbot, page, "userFilter", admin.user_id)
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == 200


@pytest.mark.req("AUD-5", "GEN-4")
def test_the_time_range_is_in_local_days(qtbot: QtBot, page: AuditTrailWidget) -> None:
    today = QDate.currentDate()
    tick(qtbot, page, "sinceEnabled")
    page.since_date.setDate(today.addDays(1))
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == 0
    page.since_date.setDate(today)
    tick(qtbot, page, "untilEnabled")
    page.until_date.setDate(today)
    click(qtbot, page, "applyFilter")
    assert page.model.rowCount() == 200
    page.until_date.setDate(today.addDays(-1))
    click(qtbot, page, "applyFilter")
    assert "after the 'To' date" in message_text(page, "auditMessage")


@pytest.fixture
def shanghai_time() -> Iterator[None]:
    import os

    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.mark.req("GEN-4")
def test_times_show_in_the_station_time_zone(shanghai_time: None, ui_ctx: AppContext, runner: SyncTaskRunner,
                                             admin: Actor, trail: int) -> None:
    model = AuditTableModel(ui_ctx, runner, admin)
    model.set_filter(AuditFilter())
    entry = model.entry_at(0)
    assert entry is not None
    shown = str(model.index(0, 1).data())
    assert shown.endswith(" CST")
    assert datetime.strptime(shown[:19], "%Y-%m-%d %H:%M:%S").hour == (entry.at.hour + 8) % 24


@pytest.mark.req("AUD-5")
def test_the_detail_pane_shows_every_old_and_new_value(qtbot: QtBot, page: AuditTrailWidget) -> None:
    table = child(page, QTableView, "auditTable")
    assert isinstance(table, QTableView)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(page.model.index(0, 0)).center())
    detail = child(page, QPlainTextEdit, "auditDetail")
    assert isinstance(detail, QPlainTextEdit)
    text = detail.toPlainText()
    assert "Reason: seeded change 449" in text
    assert "quantity: 449 → 450" in text
    assert "note: (none) → " + "x" * 500 in text
    assert len(str(page.model.index(0, 7).data())) < 400, "the cell is shortened, the pane is not"


@pytest.mark.req("AUD-3")
def test_verify_reports_an_intact_chain(qtbot: QtBot, page: AuditTrailWidget, trail: int) -> None:
    click(qtbot, page, "verifyChain")
    text = message_text(page, "verifyResult")
    assert text.startswith(f"Audit trail intact: {trail} entries checked, last entry {trail}, head hash ")


@pytest.mark.req("AUD-7")
@pytest.mark.parametrize("engine_name", [pytest.param("postgresql", marks=pytest.mark.pg)])
def test_verify_says_from_which_entry_the_database_keys_the_chain(qtbot: QtBot, ctx: AppContext,
                                                                   runner: SyncTaskRunner) -> None:
    users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    widget = AuditTrailWidget(ctx, runner, users.log_in(ctx.uow(), ctx.auth, "admin", ADMIN_PASSWORD))
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    click(qtbot, widget, "verifyChain")
    text = message_text(widget, "verifyResult")
    assert text.startswith("Audit trail intact: ")
    assert text.endswith("Keyed by the database (HMAC) from entry 1 on: no station can forge or recompute the "
                         "entries from there.")
    qtbot.wait(50)  # the layout gives the wrapped message its second line
    assert layout_problems(widget) == []
    widget.grab().save("/tmp/h9b/audit_keyed.png")


@pytest.mark.req("AUD-5")
def test_export_writes_the_filtered_trail_to_csv(qtbot: QtBot, page: AuditTrailWidget, modals: ModalDriver,
                                                 tmp_path: Path) -> None:
    target = tmp_path / "batches.csv"
    combo = child(page, QComboBox, "recordTypeFilter")
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText("batch"))
    click(qtbot, page, "applyFilter")

    def save_as(dialog: QFileDialog) -> None:  # type: ignore[override]
        assert dialog.objectName() == "exportFileDialog"
        # Qt's own file name field; set in one go: typing a path key by key lets the dialog's completer
        # and selection tracking rewrite the field, depending on which widget has the focus.
        name_field = child(dialog, QLineEdit, "fileNameEdit")
        assert isinstance(name_field, QLineEdit)
        name_field.setText(str(target))
        assert dialog.selectedFiles() == [str(target)]
        dialog.accept()

    modals.answer(save_as)  # type: ignore[arg-type]
    click(qtbot, page, "exportCsv")
    modals.check()
    assert message_text(page, "auditMessage") == f"Exported {SEEDED // 3} entries to {target}."
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + SEEDED // 3
    assert {row[4] for row in rows[1:]} == {"batch"}
    assert rows[1][7] == "note: " + "x" * 500 + "; quantity: 0 -> 1"


@pytest.mark.req("ACC-4")
def test_a_qc_analyst_views_but_cannot_export(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                              admin: Actor, trail: int) -> None:
    analyst = make_user(ui_ctx, admin, "quinn", frozenset({Role.QC_ANALYST}))
    assert analyst is not None
    widget = AuditTrailWidget(ui_ctx, runner, analyst)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.model.rowCount() == 200
    assert not child(widget, QPushButton, "exportCsv").isVisible()
