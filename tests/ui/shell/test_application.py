"""Starting the desktop application: the first window, the start-up time, a database it cannot use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app import audit, bootstrap, users
from app.ports import AuditFilter
from app.settings import Settings
from domain.users import Actor, Role, UserId
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER
from tests.ui.conftest import ModalDriver, click, type_into
from ui.shell import application
from ui.shell.main_window import MainWindow

AUDIT_READER = Actor(UserId("auditor"), "Test reader", frozenset({Role.QA_REVIEWER}))

ROOT = Path(__file__).resolve().parents[3]


def first_window(done: subprocess.CompletedProcess[str]) -> str:
    names = [line.split()[-1] for line in done.stdout.splitlines() if line.startswith("startup-probe window-name ")]
    assert len(names) == 1, done.stdout + done.stderr
    return names[0]


def probe(db_url: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BATCHTRACE_STARTUP_PROBE": "1", "BATCHTRACE_DB": db_url}
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from ui.shell.application import run_gui; sys.exit(run_gui(None))"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("startup-probe window-shown ")]
    assert done.returncode == 0, done.stderr
    assert len(lines) == 1, done.stdout + done.stderr
    return float(lines[0].split()[-1]), done


@pytest.mark.req("GEN-1")
def test_the_log_in_window_shows_for_an_existing_administrator(ui_db_url: str) -> None:
    """The first window of a set-up site is the log-in window. How fast it comes is measured by
    benchmarks/cold_start.py (docs/benchmarks.md), not asserted here: a loaded test machine is no measure."""
    ctx = bootstrap.open_context(ui_db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    finally:
        ctx.dispose()
    seconds, done = probe(ui_db_url)
    assert seconds > 0
    assert first_window(done) == "loginDialog"
    assert "error" not in done.stderr.lower()


@pytest.mark.req("ACC-1")
def test_an_empty_database_starts_with_the_first_administrator_dialog(ui_db_url: str) -> None:
    seconds, done = probe(ui_db_url)
    assert seconds > 0
    assert first_window(done) == "firstAdministratorDialog"
    assert "error" not in done.stderr.lower()


@pytest.mark.req("GEN-3")
def test_a_database_without_the_schema_is_refused_with_a_message(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def critical(_parent: QWidget | None, _title: str, text: str) -> None:
        shown.append(text)

    monkeypatch.setattr(application.QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    quit_on_close = qapp.quitOnLastWindowClosed()
    try:
        code = application.run_gui(f"sqlite:///{(tmp_path / 'empty.sqlite3').as_posix()}")
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    assert code == 2
    assert shown == [shown[0]]
    assert "no BatchTrace schema" in shown[0]


@pytest.mark.parametrize(("given", "url"), [
    (None, None), ("sqlite:///x.db", "sqlite:///x.db"), ([], None), (["--db", "sqlite:///y.db"], "sqlite:///y.db"),
], ids=["configured", "url", "no-arguments", "db-argument"])
def test_the_database_comes_from_a_url_or_the_launchers_arguments(given: object, url: str | None) -> None:
    assert application._database_url(given) == url  # type: ignore[arg-type]


@pytest.mark.req("ACC-3", "AUD-1")
def test_log_in_work_log_out_and_quit(qapp: QApplication, ui_db_url: str, monkeypatch: pytest.MonkeyPatch,
                                      modals: ModalDriver, qtbot: QtBot) -> None:
    ctx = bootstrap.open_context(ui_db_url, settings=Settings(), hasher=FAST_HASHER)
    users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    windows: list[MainWindow] = []

    def log_in(dialog: QDialog) -> None:
        assert dialog.objectName() == "loginDialog"
        type_into(qtbot, dialog, "userId", "admin")
        type_into(qtbot, dialog, "password", ADMIN_PASSWORD)
        click(qtbot, dialog, "loginOk")
        QTimer.singleShot(50, log_out_from_the_main_window)

    def log_out_from_the_main_window() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not shown:
            QTimer.singleShot(50, log_out_from_the_main_window)
            return
        windows.append(shown[0])
        shown[0].actions_by_name["actionLogOut"].trigger()

    def quit_at_the_next_log_in(dialog: QDialog) -> None:
        assert dialog.objectName() == "loginDialog"
        dialog.reject()

    modals.answer(log_in, quit_at_the_next_log_in)
    quit_on_close = qapp.quitOnLastWindowClosed()
    try:
        code = application.run_gui(ui_db_url)
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    modals.check()
    assert code == 0
    assert len(windows) == 1
    trail = audit.audit_page(ctx.read_uow(), AUDIT_READER, AuditFilter(user_id="admin"))
    ctx.dispose()
    assert [e.action for e in trail][:2] == ["LOGOUT", "LOGIN"]
