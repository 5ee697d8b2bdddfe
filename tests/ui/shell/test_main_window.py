"""The main window: pages by permission, the status bar, log-out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QListWidget
from pytestqt.qtbot import QtBot

from app import audit
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.users import Actor, Role
from tests.ui.conftest import child, make_user
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


def shown_window(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner | TaskRunner, actor: Actor,
                 idle_ms: int | None = None) -> MainWindow:
    window = MainWindow(ctx, runner, actor, idle_ms=idle_ms)
    qtbot.addWidget(window)
    window.show()
    return window


def label_text(window: MainWindow, name: str) -> str:
    label = child(window, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()


def navigation(window: MainWindow) -> list[str]:
    nav = window.findChild(QListWidget, "navigation")
    return [nav.item(row).text() for row in range(nav.count())] if nav is not None else []


@pytest.mark.req("GEN-3")
def test_the_status_bar_shows_user_database_and_schema_revision(qtbot: QtBot, ui_ctx: AppContext,
                                                                runner: SyncTaskRunner, admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, runner, admin)
    assert "admin" in label_text(window, "statusUser")
    assert "Ada Admin" in label_text(window, "statusUser")
    assert label_text(window, "statusDatabase").startswith("SQLite: ")
    assert ui_ctx.database.location in label_text(window, "statusDatabase")
    assert ui_ctx.database.revision
    assert ui_ctx.database.revision in label_text(window, "statusRevision")


# Everyone logged in reads lots, batches, traces and recalls; each page offers changes by permission. Everyone
# has a "Waiting for my signature" list too: a site may add signatures for any role (SIG-5); and the CAPA page:
# an action may be anyone's to do (DEV-2); and change control: an approval may be anyone's a site rule names (CHG-1).
# The dashboard (KPI-1) is everyone's, second.
RECORD_PAGES = ["Lots", "Dashboard", "Batches", "Trace", "Recalls", "Shipments", "Master batch records", "Master data",
                "Deviations", "CAPA", "Change control", "Waiting for my signature"]


@pytest.mark.req("ACC-4")
def test_pages_follow_the_users_permissions(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                            admin: Actor) -> None:
    assert navigation(shown_window(qtbot, ui_ctx, runner, admin)) == [*RECORD_PAGES, "Audit trail", "Users"]

    analyst = make_user(ui_ctx, admin, "quinn", frozenset({Role.QC_ANALYST}))
    assert analyst is not None
    qc_pages = [*RECORD_PAGES[:-4], "QC worklist", *RECORD_PAGES[-4:]]  # QC-2: results entry and review
    assert navigation(shown_window(qtbot, ui_ctx, runner, analyst)) == [*qc_pages, "Audit trail"]

    operator = make_user(ui_ctx, admin, "paul", frozenset({Role.PRODUCTION}))
    assert operator is not None
    window = shown_window(qtbot, ui_ctx, runner, operator)
    assert navigation(window) == [*RECORD_PAGES, "Print journal"]  # production prints lot labels (DEVC-6)
    assert window.findChild(QLabel, "nothingToDo") is None

    releaser = make_user(ui_ctx, admin, "rhea", frozenset({Role.QA_RELEASE}))
    assert releaser is not None
    pages = navigation(shown_window(qtbot, ui_ctx, runner, releaser))
    assert pages[pages.index("Deviations") - 1] == "Release"  # QC-4: the release screen for QA


@pytest.mark.req("AUD-1")
def test_log_out_is_audited_and_ends_the_session(qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner,
                                                 admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, thread_runner, admin)
    with qtbot.waitSignal(window.session_ended, timeout=10_000) as ended:
        window.actions_by_name["actionLogOut"].trigger()
    assert ended.args == ["logout", ""]
    assert not window.isVisible()
    thread_runner.wait_for_done()
    newest = audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(action="LOGOUT"), limit=1)
    assert newest[0].user_id == "admin"
    assert newest[0].reason == "logged out by the user"


def test_the_window_opens_large_enough_for_whole_lot_numbers_and_remembers_its_geometry(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, runner, admin)
    screen = window.screen().availableGeometry()  # offscreen: 800x800
    assert (window.width(), window.height()) == (min(1280, screen.width()), min(800, screen.height()))
    nav = window.findChild(QListWidget, "navigation")
    longest = max(nav.fontMetrics().horizontalAdvance(title) for title in navigation(window))
    assert longest < nav.width() < longest + 60, "the navigation is as wide as its titles, not a fixed share"
    window.resize(760, 640)
    window.save_geometry()  # done when the session ends
    again = shown_window(qtbot, ui_ctx, runner, admin)
    assert (again.width(), again.height()) == (760, 640)
