"""Starting the desktop application: the first window, the start-up time, a database it cannot use."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from app import audit, bootstrap, users
from app.ports import AuditFilter
from app.settings import Settings
from domain.users import SYSTEM_ACTOR, Actor, Role, UserId
from persistence import schema
from persistence.engine import make_engine, parse_url
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


def run_gui_answered(qapp: QApplication, db_url: str, modals: ModalDriver) -> int:
    """The desktop application in this process, its modal windows answered by `modals`, as a user would."""
    quit_on_close = qapp.quitOnLastWindowClosed()
    try:
        code = application.run_gui(db_url)
    finally:
        qapp.setQuitOnLastWindowClosed(quit_on_close)
    modals.check()
    return code


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
def test_a_database_without_the_schema_is_left_alone_when_the_user_declines(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modals: ModalDriver
) -> None:
    """A new station's first start asks before it creates the database; declined, nothing is created and the
    application says why it cannot start (it used to refuse at once, so the installed bundle could not be
    started from its desktop entry on a new station)."""
    shown: list[str] = []

    def critical(_parent: QWidget | None, _title: str, text: str) -> None:
        shown.append(text)

    def decline(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        assert "has no BatchTrace database yet" in box.text() and str(tmp_path) in box.text()
        box.button(QMessageBox.StandardButton.No).click()

    monkeypatch.setattr(application.QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    modals.answer(decline)
    url = f"sqlite:///{(tmp_path / 'empty.sqlite3').as_posix()}"
    code = run_gui_answered(qapp, url, modals)
    assert code == 2
    assert shown == [shown[0]]
    assert "The database was left as it is" in shown[0] and "batchtrace db upgrade" in shown[0]
    assert bootstrap.database_state(url, settings=Settings()).revision is None


@pytest.mark.req("GEN-1", "GEN-3", "VAL-3")
def test_the_first_start_after_an_upgrade_backs_up_the_database_then_migrates_it(
    qapp: QApplication, ui_db_url: str, monkeypatch: pytest.MonkeyPatch, modals: ModalDriver
) -> None:
    """What the Windows installer leaves to the application for every user but the installing one (and the .deb
    for everyone): the station's SQLite database of the earlier version is copied, then migrated, once the user
    agrees; the copy is what the earlier version wrote, and the audit trail says where it is."""
    ctx = bootstrap.open_context(ui_db_url, settings=Settings(), hasher=FAST_HASHER)
    users.create_first_administrator(ctx.uow(), ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    ctx.dispose()
    head = schema.head_revision()
    steps = [str(ScriptDirectory.from_config(schema.alembic_config()).get_revision(head).down_revision), head]
    engine = make_engine(parse_url(ui_db_url))
    try:
        schema.downgrade(engine, steps[-2])
        with engine.connect() as connection:
            entries_before = connection.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq")).all()
    finally:
        engine.dispose()
    asked: list[str] = []

    def agree(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def quit_at_the_log_in(dialog: QDialog) -> None:
        assert dialog.objectName() == "loginDialog"
        dialog.reject()

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    modals.answer(agree, quit_at_the_log_in)
    code = run_gui_answered(qapp, ui_db_url, modals)
    assert code == 0
    assert f"(schema revision {steps[-2]}); this version needs revision {steps[-1]}" in asked[0]

    backups = list((Path(ui_db_url[len("sqlite:///"):]).parent / "backups").iterdir())
    assert [b.name.startswith(f"batchtrace-{steps[-2]}-before-upgrade-") for b in backups] == [True]
    copy = make_engine(parse_url(f"sqlite:///{backups[0].as_posix()}"))
    try:
        assert schema.current_revision(copy) == steps[-2]
        with copy.connect() as connection:
            assert connection.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq")).all() == entries_before
    finally:
        copy.dispose()
    ctx = bootstrap.open_context(ui_db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        assert ctx.database.revision == steps[-1]
        trail = audit.audit_page(ctx.read_uow(), AUDIT_READER, AuditFilter(action="SCHEMA_UPGRADE"))
        assert trail[0].reason == (
            f"from {steps[-2]} to {steps[-1]}; the database before it was backed up to {backups[0]}")
        assert audit.verify_audit(ctx.read_uow(), SYSTEM_ACTOR).intact
    finally:
        ctx.dispose()


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
    code = run_gui_answered(qapp, ui_db_url, modals)
    assert code == 0
    assert len(windows) == 1
    trail = audit.audit_page(ctx.read_uow(), AUDIT_READER, AuditFilter(user_id="admin"))
    ctx.dispose()
    assert [e.action for e in trail][:2] == ["LOGOUT", "LOGIN"]
