"""The first start on an empty database: the first person creates the administrator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from app import users
from app.bootstrap import AppContext
from domain.users import SYSTEM_ACTOR, Role
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import click, message_text, type_into
from ui.shell.first_administrator_dialog import FirstAdministratorDialog
from ui.shell.task_runner import SyncTaskRunner


def shown(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner) -> FirstAdministratorDialog:
    dialog = FirstAdministratorDialog(ctx, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill(qtbot: QtBot, dialog: FirstAdministratorDialog, uid: str, name: str, password: str, repeat: str) -> None:
    type_into(qtbot, dialog, "userId", uid)
    type_into(qtbot, dialog, "printedName", name)
    type_into(qtbot, dialog, "password", password)
    type_into(qtbot, dialog, "repeatPassword", repeat)
    click(qtbot, dialog, "firstAdministratorOk")


@pytest.mark.req("ACC-1")
def test_the_dialog_creates_the_first_administrator(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner) -> None:
    assert users.needs_first_administrator(ui_ctx.read_uow(), SYSTEM_ACTOR)
    dialog = shown(qtbot, ui_ctx, runner)
    fill(qtbot, dialog, "admin", "Ada Admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    assert dialog.result_value.roles == (Role.ADMINISTRATOR.value,)
    assert not users.needs_first_administrator(ui_ctx.read_uow(), SYSTEM_ACTOR)
    assert users.log_in(ui_ctx.uow(), ui_ctx.auth, "admin", ADMIN_PASSWORD).printed_name == "Ada Admin"


@pytest.mark.req("ACC-2")
def test_mistyped_or_weak_passwords_are_refused_in_the_dialog(qtbot: QtBot, ui_ctx: AppContext,
                                                              runner: SyncTaskRunner) -> None:
    dialog = shown(qtbot, ui_ctx, runner)
    fill(qtbot, dialog, "admin", "Ada Admin", ADMIN_PASSWORD, ADMIN_PASSWORD + "!")
    assert "differ" in message_text(dialog, "firstAdministratorMessage")
    fill(qtbot, dialog, "admin", "Ada Admin", "short1", "short1")
    assert message_text(dialog, "firstAdministratorMessage") == "the password must have at least 10 characters"
    fill(qtbot, dialog, "Admin!", "Ada Admin", ADMIN_PASSWORD, ADMIN_PASSWORD)
    assert "invalid user ID" in message_text(dialog, "firstAdministratorMessage")
    assert dialog.isVisible()
    assert users.needs_first_administrator(ui_ctx.read_uow(), SYSTEM_ACTOR)


@pytest.mark.req("ACC-1")
def test_the_first_administrator_is_typed_from_the_keyboard_alone(qtbot: QtBot, ui_ctx: AppContext,
                                                                  runner: SyncTaskRunner) -> None:
    """As on a fresh station: the dialog opens, the person types user ID, Tab, name, Tab, password, Tab, password,
    Enter, never touching the mouse (the read-only database line once took the first focus and the ID was lost)."""
    dialog = shown(qtbot, ui_ctx, runner)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for text in ("admin", "Ada Admin", ADMIN_PASSWORD, ADMIN_PASSWORD):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClicks(focused, text)
        qtbot.keyClick(focused, Qt.Key.Key_Tab if text != ADMIN_PASSWORD or focused.objectName() != "repeatPassword"
                       else Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted, message_text(dialog, "firstAdministratorMessage")
    assert users.log_in(ui_ctx.uow(), ui_ctx.auth, "admin", ADMIN_PASSWORD).printed_name == "Ada Admin"
