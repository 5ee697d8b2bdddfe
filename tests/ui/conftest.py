"""Fixtures for the desktop interface: a SQLite station, runners, and a driver for modal dialogs.

UI tests run on SQLite only: the engines are covered by tests/app; here what matters is what the user sees.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import bootstrap, users
from app.bootstrap import AppContext
from app.settings import Settings
from domain.users import Actor, Role
from tests.app.support import approve_signing_roles
from tests.conftest import ADMIN_PASSWORD, FAST_HASHER
from ui.shell.task_runner import SyncTaskRunner, TaskRunner

USER_PASSWORD = "Temp-pass-2026"
NEW_PASSWORD = "Fresh-pass-2027"


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database migrated to head per session; each test gets a copy of the file."""
    path = tmp_path_factory.mktemp("template") / "batchtrace.sqlite3"
    bootstrap.upgrade_database(f"sqlite:///{path.as_posix()}", settings=Settings())
    return path


@pytest.fixture
def ui_db_url(_migrated_sqlite: Path, tmp_path: Path) -> str:
    target = tmp_path / "batchtrace.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        source = _migrated_sqlite.with_name(_migrated_sqlite.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return f"sqlite:///{target.as_posix()}"


@pytest.fixture
def ui_ctx(ui_db_url: str) -> Iterator[AppContext]:
    context = bootstrap.open_context(ui_db_url, settings=Settings(), hasher=FAST_HASHER)
    try:
        yield context
    finally:
        context.dispose()


@pytest.fixture
def runner(qapp: QApplication) -> SyncTaskRunner:
    return SyncTaskRunner()


@pytest.fixture
def thread_runner(qapp: QApplication) -> Iterator[TaskRunner]:
    """The real runner, with its pools; every task must be finished when the test ends."""
    task_runner = TaskRunner()
    yield task_runner
    assert task_runner.wait_for_done(10_000), "tasks still running after the test"
    task_runner.deleteLater()


@pytest.fixture
def admin(ui_ctx: AppContext) -> Actor:
    users.create_first_administrator(ui_ctx.uow(), ui_ctx.auth, "admin", "Ada Admin", ADMIN_PASSWORD)
    return users.log_in(ui_ctx.uow(), ui_ctx.auth, "admin", ADMIN_PASSWORD)


def make_user(ctx: AppContext, admin: Actor, user_id: str, roles: frozenset[Role] = frozenset({Role.PRODUCTION}),
              *, ready: bool = True) -> Actor | None:
    """A user the administrator added; `ready` also replaces the temporary password and logs in."""
    users.add_user(ctx.uow(), admin, ctx.auth, user_id, user_id.title() + " Person", roles, USER_PASSWORD,
                   accept_conflicts="test site: one person on purpose")
    approve_signing_roles(ctx, admin, user_id)  # a second administrator approves (ACC-6)
    if not ready:
        return None
    return users.change_own_password(ctx.uow(), ctx.auth, user_id, USER_PASSWORD, NEW_PASSWORD)


@pytest.fixture(autouse=True)
def _no_dangling_threads(qapp: QApplication) -> Iterator[None]:
    """As napari's conftest: a test that leaves a worker running fails."""
    before = set(threading.enumerate())
    yield
    assert QThreadPool.globalInstance().waitForDone(5_000)
    leftover = [t for t in threading.enumerate()
                if t not in before and t.is_alive() and not isinstance(t, threading._DummyThread)]
    assert not leftover, f"threads left running: {leftover}"


@pytest.fixture(autouse=True)
def _no_unexpected_errors(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """The interface logs an unexpected error instead of crashing: in a test, that is a failure."""
    caplog.set_level(logging.WARNING, logger="ui")
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR and r.name.startswith("ui")]
    assert not errors, "unexpected errors logged: " + "; ".join(r.getMessage() for r in errors)


Handler = Callable[[QDialog], None]


class ModalDriver:
    """Answers, in order, the modal dialogs a widget opens with exec(), as a user at the screen would.

    A handler gets the dialog and types and clicks in it. A modal that nobody answers is rejected after
    `patience` seconds so that a broken test fails instead of hanging.
    """

    def __init__(self, patience: float = 5.0) -> None:
        self.handlers: list[Handler] = []
        self.errors: list[BaseException] = []
        self.answered: list[str] = []
        self.patience = patience
        self._current: QWidget | None = None
        self._since = 0.0
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._poll)

    def answer(self, *handlers: Handler) -> ModalDriver:
        self.handlers.extend(handlers)
        self._timer.start()
        return self

    def _poll(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            return
        if self._current is not None and shiboken6.isValid(self._current) and dialog is self._current:
            if time.monotonic() - self._since > self.patience:
                self.errors.append(AssertionError(f"{dialog.objectName()} stayed open: the handler did not close it"))
                dialog.close()
            return
        self._current, self._since = dialog, time.monotonic()
        if not self.handlers:
            self.errors.append(AssertionError(f"unexpected modal dialog {dialog.objectName()!r}"))
            dialog.close()
            return
        handler = self.handlers.pop(0)
        self.answered.append(dialog.objectName())
        try:
            handler(dialog)  # type: ignore[arg-type]
        except BaseException as error:  # a failed assertion must not leave the modal loop running
            self.errors.append(error)
            dialog.close()

    def check(self) -> None:
        self._timer.stop()
        if self.errors:
            raise self.errors[0]
        assert not self.handlers, f"{len(self.handlers)} dialog(s) expected but never opened"


@pytest.fixture
def modals(qapp: QApplication) -> Iterator[ModalDriver]:
    driver = ModalDriver()
    yield driver
    driver._timer.stop()


# --- acting on widgets by their object names, as the user sees them ---------------------------------
def child(parent: QWidget, cls: type[QWidget], name: str) -> QWidget:
    found = parent.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r} in {parent.objectName()!r}"
    return found


def type_into(qtbot: QtBot, parent: QWidget, name: str, text: str) -> None:
    edit = child(parent, QLineEdit, name)
    assert isinstance(edit, QLineEdit)
    edit.clear()
    qtbot.keyClicks(edit, text)


def click(qtbot: QtBot, parent: QWidget, name: str) -> None:
    button = child(parent, QAbstractButton, name)
    assert button.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def message_text(parent: QWidget, name: str = "message") -> str:
    label = child(parent, QLabel, name)
    assert isinstance(label, QLabel)
    return label.text() if label.isVisible() else ""


def tick(qtbot: QtBot, parent: QWidget, name: str) -> None:
    """Click a check box on its indicator (its middle may be empty space beyond the label)."""
    box = child(parent, QCheckBox, name)
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=indicator.center())
