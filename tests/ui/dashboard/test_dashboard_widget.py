"""The Dashboard page (ui/dashboard/dashboard_widget.py, KPI-1) on the demo site: the figures the use case gives,
as labelled numbers and small tables, read on the database thread, readable whole at 1280x800, and again on
Refresh and after a write."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QTableView
from pytestqt.qtbot import QtBot

from app import kpi
from app.bootstrap import AppContext
from tests.ui.conftest import click
from tests.ui.layout_check import layout_problems
from tests.ui.test_every_dialog_fits import demo, person  # noqa: F401 - `demo` is a fixture
from ui.dashboard.dashboard_widget import DashboardWidget
from ui.shell.changes import BATCH, ChangeHub, Changes
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


def number(page: DashboardWidget, name: str) -> str:
    label = page.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def column(page: DashboardWidget, table_name: str, col: int) -> list[str]:
    table = page.findChild(QTableView, table_name)
    assert table is not None, table_name
    model = table.model()
    return [model.index(row, col).data() for row in range(model.rowCount())]


@pytest.mark.req("KPI-1")
def test_the_page_shows_the_figures(qtbot: QtBot, demo: AppContext, thread_runner: TaskRunner) -> None:  # noqa: F811
    actor = person(demo, "ward")  # the warehouse: every role sees the dashboard
    expected = kpi.dashboard(demo.read_uow(), actor, time_trace=False)
    page = DashboardWidget(demo, thread_runner, actor, ChangeHub())
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=10_000)  # computed on the database thread
    assert column(page, "batchStatusTable", 0) == [s for s, _n in expected.batches_by_status]
    assert column(page, "batchStatusTable", 1) == [str(n) for _s, n in expected.batches_by_status]
    rft = expected.right_first_time
    assert number(page, "rftPercent") == f"{rft.percent} %"
    assert number(page, "rftDecided") == str(rft.decided)
    assert number(page, "leadReleased") == str(expected.lead_time.released)
    assert column(page, "ageTable", 0) == ["0-7 days", "8-30 days", "31-90 days", "over 90 days", "Total"]
    assert column(page, "ageTable", 1)[-1] == str(expected.deviations.total)
    assert column(page, "ageTable", 2)[-1] == str(expected.capas.total)
    assert number(page, "expiring") == str(expected.expiry.expiring)
    assert column(page, "expiryTable", 0) == [lot.lot_number for lot in expected.expiry.first]
    assert column(page, "recallTable", 0) == [r.recall_number for r in expected.open_recalls]
    timing = page.findChild(QLabel, "traceTiming").text()
    assert timing.startswith("Trace of ") and " just now: backward " in timing and " ms (" in timing
    assert layout_problems(page) == []


@pytest.mark.req("KPI-1")
def test_refresh_and_a_write_ask_again(qtbot: QtBot, demo: AppContext) -> None:  # noqa: F811
    runner, hub = SyncTaskRunner(), ChangeHub()
    page = DashboardWidget(demo, runner, person(demo, "qc"), hub)
    qtbot.addWidget(page)
    page.show()
    first = page.figures
    assert first is not None
    click(qtbot, page, "refreshDashboard")
    assert page.figures is not first and page.figures is not None
    page.hide()
    second = page.figures
    hub.announce(Changes.of(BATCH))
    assert page.figures is second, "a hidden page waits"
    page.show()
    assert page.figures is not second, "and asks when shown"


@pytest.mark.req("KPI-1")
def test_every_role_has_the_dashboard_second_in_the_navigation(qtbot: QtBot, demo: AppContext) -> None:  # noqa: F811
    for user in ("admin", "qa", "qc", "prod", "ward"):
        window = MainWindow(demo, SyncTaskRunner(), person(demo, user))
        qtbot.addWidget(window)
        navigation = window.findChild(QListWidget, "navigation")
        assert navigation.item(1).text() == "Dashboard", user
        window.close()
