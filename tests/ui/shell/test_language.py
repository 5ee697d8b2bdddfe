"""GEN-6: the station speaks Simplified Chinese or English: the widgets' translator and the rules' messages
switch together, without a restart, and Chinese text fits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

import dev
from app import i18n, users
from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import child, click, message_text, type_into
from tests.ui.layout_check import layout_problems
from ui.shell.application import install_language
from ui.shell.login_dialog import LoginDialog
from ui.shell.task_runner import SyncTaskRunner

SHOTS = Path("/tmp/h14")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    dev.compile_translations()  # what `dev.py run` and `dev.py check` do before starting
    install_language(qapp, i18n.CHINESE)
    yield qapp
    install_language(qapp, i18n.ENGLISH)


def wrong_log_in(qtbot: QtBot, ctx: AppContext, runner: SyncTaskRunner) -> LoginDialog:
    dialog = LoginDialog(ctx, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, "userId", "nobody")
    type_into(qtbot, dialog, "password", "whatever-1234")
    click(qtbot, dialog, "loginOk")
    return dialog


@pytest.mark.req("GEN-6")
def test_the_log_in_speaks_chinese_then_english_again(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                      admin: Actor, chinese: QApplication) -> None:
    dialog = wrong_log_in(qtbot, ui_ctx, runner)
    assert dialog.windowTitle() == "BatchTrace：登录"
    assert child(dialog, QPushButton, "loginOk").text() == "登录"
    assert message_text(dialog, "loginMessage") == "用户 ID 或密码错误，或账户已锁定或停用：如持续失败，请联系管理员"
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "login_zh.png"))
    assert layout_problems(dialog) == []

    install_language(chinese, i18n.ENGLISH)
    again = wrong_log_in(qtbot, ui_ctx, runner)
    assert again.windowTitle() == "BatchTrace: log in"
    assert message_text(again, "loginMessage") == users.LOGIN_REFUSED
