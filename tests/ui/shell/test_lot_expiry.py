"""Lots past expiry are blocked while the desktop runs (LOT-5): when the main window opens and again each day,
through the task runner, announced to the open pages and audited as the system."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app import audit, lots
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.users import Actor
from tests.app.lots_support import station_days_later
from tests.ui.lot_site import Site, build_site, released_lot
from ui.shell.changes import Changes
from ui.shell.lot_expiry import LotExpiry, ms_to_next_run
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def site(ui_ctx: AppContext, admin: Actor) -> Site:
    return build_site(ui_ctx, admin)


def status(ctx: AppContext, actor: Actor, number: str) -> str:
    return lots.get_lot(ctx.read_uow(), actor, number).status


@pytest.mark.req("LOT-5")
def test_the_main_window_blocks_expired_lots_when_it_opens_and_says_so(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    today = date.today()
    due = released_lot(ui_ctx, site, "TUBE-1", "50", "m", expires_on=today)
    fresh = released_lot(ui_ctx, site, "TUBE-1", "50", "m", expires_on=today + timedelta(days=30))
    station_days_later(monkeypatch, 1)
    announced: list[Changes] = []
    runner.changes.changed.connect(announced.append)
    window = MainWindow(ui_ctx, runner, site.qa)
    qtbot.addWidget(window)
    assert (status(ui_ctx, site.qa, due), status(ui_ctx, site.qa, fresh)) == ("Expired", "Released")
    assert any(change.touches("lot") for change in announced)
    assert due in window.statusBar().currentMessage()
    [entry] = [e for e in audit.audit_page(ui_ctx.read_uow(), site.admin, AuditFilter(record_id=due, action="UPDATE"))
               if e.reason and "expiry" in e.reason]
    assert entry.user_id == "system"
    window.lot_expiry.stop()


@pytest.mark.req("LOT-5")
def test_the_timer_runs_it_again_on_the_next_day(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    due = released_lot(ui_ctx, site, "TUBE-1", "50", "m", expires_on=date.today() + timedelta(days=1))
    expiry = LotExpiry(ui_ctx, runner, interval_ms=50)  # the test's "day"
    blocked: list[list[str]] = []
    expiry.expired.connect(blocked.append)
    expiry.start()
    assert blocked == [] and status(ui_ctx, site.qa, due) == "Released"  # not expired on its expiry date
    station_days_later(monkeypatch, 2)
    qtbot.waitUntil(lambda: blocked == [[due]], timeout=5_000)
    assert status(ui_ctx, site.qa, due) == "Expired"
    expiry.stop()


def test_the_daily_run_is_just_after_the_next_local_midnight() -> None:
    zone = ZoneInfo("Asia/Shanghai")
    assert ms_to_next_run(datetime(2026, 12, 5, 23, 59, tzinfo=zone)) == 2 * 60_000
    assert ms_to_next_run(datetime(2026, 12, 5, 0, 1, tzinfo=zone)) == 24 * 3600_000
    assert ms_to_next_run(datetime(2026, 12, 31, 12, 0, tzinfo=zone)) == (12 * 60 + 1) * 60_000
