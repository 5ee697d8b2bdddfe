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


def test_a_long_job_shows_its_progress_and_stops_when_the_user_cancels(
    qtbot: QtBot, thread_runner: TaskRunner
) -> None:
    """Imports, exports and documents report progress and honour Cancel: the job sees the cancel between two
    steps, raises Cancelled, and no error box is shown for it (nothing was changed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from domain.errors import Cancelled
    from ui.shell.task_runner import TaskState

    step_reached = threading.Event()
    go_on = threading.Event()
    outcome: list[object] = []

    def job(state: TaskState) -> str:
        for step in range(1, 1001):
            state.report(step, 1000, f"row {step} of 1000")
            if step == 10:
                step_reached.set()
                go_on.wait(5)
            state.check()
        return "finished"

    state = thread_runner.run_long(job, title="Importing", on_done=outcome.append, on_error=outcome.append)
    qtbot.waitUntil(step_reached.is_set, timeout=5_000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog))
    assert dialog.objectName() == "taskProgress"
    qtbot.waitUntil(lambda: dialog.value() == 10, timeout=5_000)  # the worker's reports reach the dialog
    assert dialog.maximum() == 1000
    assert dialog.labelText() == "row 10 of 1000"
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    go_on.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5_000)
    assert state.cancelled
    assert isinstance(outcome[0], Cancelled)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_write_announces_what_it_touched_so_open_pages_refresh(qtbot: QtBot, thread_runner: TaskRunner) -> None:
    from types import SimpleNamespace

    from ui.shell.changes import LOT, Changes

    heard: list[Changes] = []
    thread_runner.changes.changed.connect(heard.append)
    with qtbot.waitSignal(thread_runner.idle, timeout=5_000):
        thread_runner.run(lambda: SimpleNamespace(lot_number="R26-0001"), touches=(LOT,))
    with qtbot.waitSignal(thread_runner.idle, timeout=5_000):
        thread_runner.run(lambda: (_ for _ in ()).throw(ValidationError("refused")), on_error=lambda e: None,
                          touches=(LOT,))
    assert heard == [Changes.of(LOT, numbers=["R26-0001"])]  # a refused write announces nothing
