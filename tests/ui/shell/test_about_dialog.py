"""Help > About BatchTrace: the package's version, the database and the runtime."""

from __future__ import annotations

import platform
from importlib.metadata import version

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.bootstrap import AppContext
from domain.users import Actor
from tests.ui.conftest import child
from tests.ui.layout_check import layout_problems
from ui.shell.about_dialog import AboutDialog
from ui.shell.main_window import MainWindow
from ui.shell.task_runner import SyncTaskRunner


def text(dialog: AboutDialog, name: str) -> str:
    label = child(dialog, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text()


@pytest.mark.req("VAL-2")
def test_the_about_box_shows_the_package_version_database_and_runtime(qtbot: QtBot, ui_ctx: AppContext) -> None:
    dialog = AboutDialog(ui_ctx.database)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    assert text(dialog, "aboutVersion") == version("batchtrace")
    assert text(dialog, "aboutTitle") == f"BatchTrace {version('batchtrace')}"
    assert text(dialog, "aboutDatabase") == f"SQLite: {ui_ctx.database.location}"
    assert text(dialog, "aboutRevision") == ui_ctx.database.revision
    assert text(dialog, "aboutPython") == platform.python_version()
    assert layout_problems(dialog) == []
    dialog.grab().save("/tmp/h15/about.png")


def test_help_about_is_the_last_menu_of_the_main_window(qtbot: QtBot, ui_ctx: AppContext, runner: SyncTaskRunner,
                                                     admin: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ui_ctx, runner, admin)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(text(self, "aboutVersion")) or 0)
    window.actions_by_name["actionAbout"].trigger()
    assert shown == [version("batchtrace")]
    assert window.menuBar().actions()[-1].text() == "&Help"
