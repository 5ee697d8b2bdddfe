"""Setting one's own password from the dialog (ACC-2)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from app import users
from app.bootstrap import AppContext
from domain.users import Actor
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import NEW_PASSWORD, child, click, message_text, type_into
from ui.shell.change_password_dialog import ChangePasswordDialog
from ui.shell.task_runner import SyncTaskRunner


@pytest.mark.req("ACC-2")
def test_wrong_current_password_and_reuse_are_refused(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      admin: Actor) -> None:
    dialog = ChangePasswordDialog(ui_ctx, runner, "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "oldPassword", "wrong-password-1")
    type_into(qtbot, dialog, "newPassword", NEW_PASSWORD)
    type_into(qtbot, dialog, "repeatPassword", NEW_PASSWORD)
    click(qtbot, dialog, "changePasswordOk")
    assert message_text(dialog, "changePasswordMessage") == users.LOGIN_REFUSED
    assert child(dialog, QLineEdit, "oldPassword").text() == ""  # type: ignore[attr-defined]

    type_into(qtbot, dialog, "oldPassword", ADMIN_PASSWORD)
    type_into(qtbot, dialog, "newPassword", ADMIN_PASSWORD)
    type_into(qtbot, dialog, "repeatPassword", ADMIN_PASSWORD)
    click(qtbot, dialog, "changePasswordOk")
    assert "must differ from the last" in message_text(dialog, "changePasswordMessage")

    type_into(qtbot, dialog, "newPassword", NEW_PASSWORD)
    type_into(qtbot, dialog, "repeatPassword", NEW_PASSWORD)
    click(qtbot, dialog, "changePasswordOk")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_value is not None
    assert dialog.result_value.user_id == "admin"
