"""The idle session lock (ACC-5): only the same user's password unlocks; failures count toward lock-out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import audit
from app.bootstrap import AppContext
from app.ports import AuditFilter
from domain.users import Actor
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import NEW_PASSWORD, child, click, make_user, message_text, type_into
from tests.ui.shell.test_main_window import shown_window
from ui.shell.lock_dialog import LockDialog
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner


def locked_window(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner, actor: Actor) -> tuple[MainWindow, LockDialog]:
    window = shown_window(qtbot, ctx, runner, actor, idle_ms=150)
    qtbot.waitUntil(lambda: window.idle_lock.dialog is not None and window.idle_lock.dialog.isVisible(), timeout=5_000)
    dialog = window.idle_lock.dialog
    assert dialog is not None
    return window, dialog


def actions(ctx: AppContext, actor: Actor, action: str) -> list[str]:
    return [e.user_id for e in audit.audit_page(ctx.read_uow(), actor, AuditFilter(action=action))]


@pytest.mark.req("ACC-5")
def test_the_session_locks_after_the_idle_time_and_hides_the_content(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor
) -> None:
    window, dialog = locked_window(qtbot, ui_ctx, runner, admin)
    assert window.centralWidget() is not None
    assert not window.centralWidget().isVisible()
    who = child(dialog, QLabel, "lockedUser")
    assert isinstance(who, QLabel)
    assert "Ada Admin (admin)" in who.text()
    assert who.text().startswith("Locked after inactivity.")
    assert actions(ui_ctx, admin, "SESSION_LOCKED") == ["admin"]
    locked = audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(action="SESSION_LOCKED"))[0]
    assert locked.reason == "no input for 0.15 s"
    dialog.reject()  # Escape does not dismiss the lock
    assert dialog.isVisible()


@pytest.mark.req("ACC-5", "ACC-3")
def test_wrong_password_is_refused_and_the_right_one_unlocks(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor
) -> None:
    window, dialog = locked_window(qtbot, ui_ctx, runner, admin)
    type_into(qtbot, dialog, "password", "not-my-password-1")
    click(qtbot, dialog, "lockOk")
    assert message_text(dialog, "lockMessage") == "wrong user ID or password: 4 tries left before the account locks"
    assert window.idle_lock.locked

    type_into(qtbot, dialog, "password", ADMIN_PASSWORD)
    click(qtbot, dialog, "lockOk")
    assert not window.idle_lock.locked
    assert window.centralWidget().isVisible()
    assert actions(ui_ctx, admin, "SESSION_UNLOCKED") == ["admin"]


@pytest.mark.req("ACC-5")
def test_another_users_password_does_not_unlock(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor
) -> None:
    make_user(ui_ctx, admin, "bob")  # bob's password is NEW_PASSWORD
    window, dialog = locked_window(qtbot, ui_ctx, runner, admin)
    type_into(qtbot, dialog, "password", NEW_PASSWORD)
    click(qtbot, dialog, "lockOk")
    assert "4 tries left" in message_text(dialog, "lockMessage")
    assert window.idle_lock.locked
    assert not window.centralWidget().isVisible()

    with qtbot.waitSignal(window.session_ended) as ended:
        click(qtbot, dialog, "lockCancel")  # so that bob can log in
    assert ended.args == ["logout", ""]


@pytest.mark.req("ACC-5", "ACC-3")
def test_five_wrong_passwords_lock_the_account_and_end_the_session(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor
) -> None:
    window, dialog = locked_window(qtbot, ui_ctx, runner, admin)
    with qtbot.waitSignal(window.session_ended) as ended:
        for _ in range(5):
            type_into(qtbot, dialog, "password", "not-my-password-1")
            click(qtbot, dialog, "lockOk")
    outcome, notice = ended.args
    assert outcome == "logout"
    assert "account 'admin' is now locked" in notice
    assert not window.isVisible()


@pytest.mark.req("ACC-5")
def test_input_restarts_the_idle_timer(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                       admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, runner, admin, idle_ms=500)
    for _ in range(15):  # 1.5 s of typing, never 0.5 s quiet
        qtbot.keyClick(window, Qt.Key.Key_Shift)
        qtbot.wait(100)
        assert not window.idle_lock.locked
    qtbot.waitUntil(lambda: window.idle_lock.locked, timeout=5_000)


@pytest.mark.req("ACC-5")
def test_the_idle_time_comes_from_the_settings(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                               admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, runner, admin)
    assert window.idle_lock._timer.interval() == ui_ctx.security.values.idle_lock_minutes * 60_000


@pytest.mark.req("ACC-5")
def test_the_user_can_lock_at_once_from_the_menu(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                 admin: Actor) -> None:
    window = shown_window(qtbot, ui_ctx, runner, admin)
    window.actions_by_name["actionLock"].trigger()
    assert window.idle_lock.dialog is not None
    assert window.idle_lock.dialog.isVisible()
    assert not window.menuBar().isEnabled()
    locked = audit.audit_page(ui_ctx.read_uow(), admin, AuditFilter(action="SESSION_LOCKED"))[0]
    assert locked.reason == "locked by the user"
    who = child(window.idle_lock.dialog, QLabel, "lockedUser")
    assert isinstance(who, QLabel)
    assert who.text().startswith("Locked by Ada Admin."), "Ctrl+L is not inactivity"
