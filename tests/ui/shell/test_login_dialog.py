"""Log-in, lock-out after repeated failures, and the first log-in with a temporary password."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from app import users
from app.bootstrap import AppContext
from domain.users import Actor
from tests.app.support import raw_user
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import NEW_PASSWORD, USER_PASSWORD, ModalDriver, child, click, make_user, message_text, type_into
from tests.ui.layout_check import layout_problems
from ui.shell.login_dialog import LoginDialog
from ui.shell.task_runner import SyncTaskRunner, TaskRunner


def shown_login(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner | TaskRunner) -> LoginDialog:
    dialog = LoginDialog(ctx, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def log_in(qtbot: QtBot, dialog: LoginDialog, user_id: str, password: str) -> None:
    type_into(qtbot, dialog, "userId", user_id)
    type_into(qtbot, dialog, "password", password)
    click(qtbot, dialog, "loginOk")


@pytest.mark.req("ACC-3")
def test_the_right_password_logs_in(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor) -> None:
    dialog = shown_login(qtbot, ui_ctx, runner)
    log_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    assert dialog.result_value.user_id == "admin"


@pytest.mark.req("ACC-3")
def test_the_log_in_runs_off_the_gui_thread(qtbot: QtBot, ui_ctx: AppContext, thread_runner: TaskRunner,
                                            admin: Actor) -> None:
    dialog = shown_login(qtbot, ui_ctx, thread_runner)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        log_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert dialog.result_value is not None
    assert dialog.result_value.printed_name == "Ada Admin"


@pytest.mark.req("ACC-3")
def test_wrong_passwords_count_down_then_lock_the_account(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                          admin: Actor) -> None:
    dialog = shown_login(qtbot, ui_ctx, runner)
    for _ in range(5):
        log_in(qtbot, dialog, "admin", "not-the-password-1")
        assert message_text(dialog, "loginMessage") == users.LOGIN_REFUSED  # no count-down that confirms the ID exists
        assert child(dialog, QLineEdit, "password").text() == "", "the password is cleared after a failure"
        assert dialog.isVisible()
    assert raw_user(ui_ctx._engine.url.render_as_string(hide_password=False), "admin")["locked"]

    log_in(qtbot, dialog, "admin", ADMIN_PASSWORD)
    assert message_text(dialog, "loginMessage") == users.LOGIN_REFUSED
    assert dialog.result_value is None
    assert dialog.isVisible()


@pytest.mark.req("ACC-3")
def test_an_unknown_user_id_gets_the_same_message(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                  admin: Actor) -> None:
    dialog = shown_login(qtbot, ui_ctx, runner)
    log_in(qtbot, dialog, "nobody", "whatever-1234")
    assert message_text(dialog, "loginMessage") == users.LOGIN_REFUSED
    dialog.resize(1280, 800)
    assert layout_problems(dialog) == []


@pytest.mark.req("ACC-2")
def test_first_log_in_with_a_temporary_password_asks_for_a_new_one(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver
) -> None:
    make_user(ui_ctx, admin, "bob", ready=False)
    dialog = shown_login(qtbot, ui_ctx, runner)

    def mismatch_then_set(change: QDialog) -> None:
        explanation = child(change, QLabel, "explanation")
        assert isinstance(explanation, QLabel)
        assert "must set a new password" in explanation.text()
        type_into(qtbot, change, "newPassword", NEW_PASSWORD)
        type_into(qtbot, change, "repeatPassword", NEW_PASSWORD + "x")
        click(qtbot, change, "changePasswordOk")
        assert "differ" in message_text(change, "changePasswordMessage")
        type_into(qtbot, change, "repeatPassword", NEW_PASSWORD)
        click(qtbot, change, "changePasswordOk")

    modals.answer(mismatch_then_set)
    log_in(qtbot, dialog, "bob", USER_PASSWORD)
    modals.check()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    assert dialog.result_value.user_id == "bob"
    # the temporary password is gone; the new one logs in
    assert users.log_in(ui_ctx.uow(), ui_ctx.auth, "bob", NEW_PASSWORD).user_id == "bob"


@pytest.mark.req("ACC-2")
def test_cancelling_the_new_password_keeps_the_user_out(
    qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver
) -> None:
    make_user(ui_ctx, admin, "bob", ready=False)
    dialog = shown_login(qtbot, ui_ctx, runner)
    modals.answer(lambda change: change.reject())
    log_in(qtbot, dialog, "bob", USER_PASSWORD)
    modals.check()
    assert dialog.result_value is None
    assert "must set a new password" in message_text(dialog, "loginMessage")
