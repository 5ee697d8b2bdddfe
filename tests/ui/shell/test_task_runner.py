"""The task runner (STYLE §5): work off the GUI thread, results and errors back on it, never a crash."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from domain.errors import ValidationError
from ui.shell.task_runner import SyncTaskRunner, TaskRunner, user_message


def test_work_runs_on_a_worker_and_the_result_comes_back_on_the_gui_thread(
    qtbot: QtBot, thread_runner: TaskRunner
) -> None:
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"], seen["callback"] = result, threading.get_ident()

    with qtbot.waitSignal(thread_runner.idle, timeout=5_000):
        thread_runner.run(work, on_done=done)
    assert seen["result"] == 42
    assert seen["callback"] == threading.get_ident()
    assert seen["worker"] != threading.get_ident()


def test_database_work_runs_one_task_at_a_time(qtbot: QtBot, thread_runner: TaskRunner) -> None:
    running, overlaps, finished = [0], [], []
    lock = threading.Lock()

    def work() -> None:
        with lock:
            running[0] += 1
            overlaps.append(running[0])
        threading.Event().wait(0.02)
        with lock:
            running[0] -= 1

    for _ in range(5):
        thread_runner.run(work, on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 5, timeout=5_000)
    assert max(overlaps) == 1
    assert thread_runner.wait_for_done()


def test_a_rule_refusal_reaches_on_error_with_its_own_message(qtbot: QtBot, thread_runner: TaskRunner) -> None:
    errors: list[Exception] = []

    def work() -> None:
        raise ValidationError("the roles are unchanged")

    with qtbot.waitSignal(thread_runner.idle, timeout=5_000):
        thread_runner.run(work, on_error=errors.append, database=False)
    assert [user_message(e) for e in errors] == ["the roles are unchanged"]


def test_an_unexpected_error_is_logged_and_shown_without_a_crash(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = SyncTaskRunner(error_parent=parent)
    runner.run(lambda: 1 / 0)
    box = parent.findChild(QMessageBox, "taskErrorBox")
    assert box is not None
    assert box.text() == "Unexpected error (ZeroDivisionError): division by zero. The details are in the log."
    logged = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert logged
    assert logged[0].exc_info is not None
    box.close()
    caplog.clear()  # the error was expected here


def test_an_error_inside_a_callback_is_contained(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    runner = SyncTaskRunner()

    def broken(_result: object) -> None:
        raise KeyError("oops")

    runner.run(lambda: 1, on_done=broken)  # returns normally: the event loop goes on
    assert any("callback" in r.getMessage() for r in caplog.records)
    boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "taskErrorBox" and w.isVisible()]
    assert len(boxes) == 1
    assert "KeyError" in boxes[0].text()  # type: ignore[attr-defined]
    boxes[0].close()
    caplog.clear()
