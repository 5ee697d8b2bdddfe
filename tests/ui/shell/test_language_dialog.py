"""GEN-6: a user chooses their language from the File menu; the session goes on in a new window in that
language, without a new log-in or a restart, and the choice follows the user."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

import dev
from app import i18n, users
from app.bootstrap import AppContext
from domain.users import Actor
from tests.app.support import trail
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import ModalDriver, child, click
from tests.ui.layout_check import layout_problems
from ui.shell.application import install_language
from ui.shell.language_dialog import LanguageDialog
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner


@pytest.fixture
def english_after(qapp: QApplication) -> Iterator[QApplication]:
    dev.compile_translations()
    yield qapp
    install_language(qapp, i18n.ENGLISH)


def pick(qtbot: QtBot, language: str | None):  # type: ignore[no-untyped-def]
    def handler(dialog: LanguageDialog) -> None:
        assert dialog.objectName() == "languageDialog"
        assert layout_problems(dialog) == []
        box = child(dialog, QComboBox, "languageChoice")
        assert isinstance(box, QComboBox)
        assert [box.itemText(i) for i in range(1, box.count())] == ["English", "简体中文"]
        box.setCurrentIndex(box.findData(language))
        click(qtbot, dialog, "languageOk")
    return handler


@pytest.mark.req("GEN-6")
def test_choosing_chinese_rebuilds_the_session_in_chinese_without_a_new_log_in(
        qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner, admin: Actor, modals: ModalDriver,
        english_after: QApplication) -> None:
    window = MainWindow(ui_ctx, runner, admin, station_language=i18n.ENGLISH)
    qtbot.addWidget(window)
    window.show()
    logins = len(trail(ui_ctx, action="LOGIN"))
    modals.answer(pick(qtbot, i18n.CHINESE))
    with qtbot.waitSignal(window.session_ended, timeout=5_000) as ended:
        window.actions_by_name["actionLanguage"].trigger()
    assert not modals.errors
    assert ended.args == ["language", ""]
    assert window.actor.language == i18n.CHINESE
    assert len(trail(ui_ctx, action="LOGIN")) == logins
    assert len(trail(ui_ctx, action="LOGOUT")) == 0  # the session goes on

    # What ui.shell.application does next: the user's language, a new window for the same actor.
    install_language(english_after, window.actor.language or i18n.ENGLISH)
    again = MainWindow(ui_ctx, runner, window.actor, station_language=i18n.ENGLISH)
    qtbot.addWidget(again)
    again.show()
    assert again.actions_by_name["actionLanguage"].text() == "语言..."
    assert again.menuBar().actions()[0].text() == "文件(&F)"
    assert users.log_in(ui_ctx.uow(), ui_ctx.auth, "admin", ADMIN_PASSWORD).language == i18n.CHINESE
