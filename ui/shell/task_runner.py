"""Run use cases off the GUI thread (STYLE §5): one thread for the database, a pool for other work.

The callable never touches widgets; its result or exception comes back on the GUI thread, where
`on_done(result)` or `on_error(error)` is called. `SyncTaskRunner` has the same interface and runs inline,
for tests.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from domain.errors import DomainError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


def user_message(error: BaseException) -> str:
    """The one line a user sees: a rule's own message, or a short note that something unexpected failed."""
    if isinstance(error, DomainError):
        return str(error)
    return QCoreApplication.translate(
        "TaskRunner", "Unexpected error ({kind}): {text}. The details are in the log."
    ).format(kind=type(error).__name__, text=_first_line(error))


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0][:200] if text else QCoreApplication.translate("TaskRunner", "no message")


def log_unexpected(error: BaseException, what: str = "task") -> None:
    if not isinstance(error, DomainError):
        log.error("unexpected error in %s", what, exc_info=(type(error), error, error.__traceback__))


def _alive(callback: Callable[..., Any] | None) -> bool:
    # A widget may close while its task runs: do not call back into a deleted C++ object.
    owner = getattr(getattr(callback, "func", callback), "__self__", None)  # bound method or partial of one
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Delivery(QObject):
    """Calls back on the GUI thread and never lets an exception escape into the event loop."""

    def __init__(self, error_parent: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.error_parent = error_parent
        self._open_boxes: list[QMessageBox] = []  # a box without a parent lives as long as Python holds it

    def deliver(self, result: Any, error: Exception | None, on_done: Done | None, on_error: Failed | None) -> None:
        try:
            if error is None:
                if on_done is not None and _alive(on_done):
                    on_done(result)
                return
            log_unexpected(error)
            if on_error is None:
                self.show_error(error)
            elif _alive(on_error):
                on_error(error)
        except Exception as callback_error:
            log.error("error in a task's callback", exc_info=callback_error)
            self.show_error(callback_error)

    def show_error(self, error: BaseException) -> None:
        parent = self.error_parent if self.error_parent is not None and shiboken6.isValid(self.error_parent) else None
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("BatchTrace"), user_message(error),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("taskErrorBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_boxes.append(box)
        box.finished.connect(lambda _code: self._open_boxes.remove(box))
        box.open()  # not exec(): an error never blocks the loop that reports it


class TaskRunner(_Delivery):
    """`run(fn, on_done=..., on_error=...)`: database work on a one-thread pool (SQLite has one writer),
    everything else (`database=False`: devices, reports) on a second pool."""

    _finished = Signal(int, object, object)
    idle = Signal()

    def __init__(self, error_parent: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(error_parent, parent)
        self._database_pool = QThreadPool(self)
        self._database_pool.setMaxThreadCount(1)
        self._other_pool = QThreadPool(self)
        self._other_pool.setMaxThreadCount(2)
        self._pending: dict[int, tuple[Done | None, Failed | None]] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
            database: bool = True) -> None:
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        finished = self._finished

        def work() -> None:
            try:
                result, error = fn(), None
            except Exception as failure:
                result, error = None, failure
            try:
                finished.emit(task_id, result, error)  # queued: the receiver lives on the GUI thread
            except RuntimeError:
                log.warning("task %s finished after its runner was deleted", task_id)

        (self._database_pool if database else self._other_pool).start(work)

    @Slot(int, object, object)
    def _on_finished(self, task_id: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._pending.pop(task_id, (None, None))
        self.deliver(result, error, on_done, on_error)
        if not self._pending:
            self.idle.emit()

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every started task has run (on quit). Callbacks still queued are dropped."""
        done = self._database_pool.waitForDone(msecs) and self._other_pool.waitForDone(msecs)
        return bool(done)


class SyncTaskRunner(_Delivery):
    """The same interface, run inline on the calling thread: for tests (Picard's FakeThreadPool)."""

    idle = Signal()

    @property
    def busy(self) -> bool:
        return False

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
            database: bool = True) -> None:
        try:
            result, error = fn(), None
        except Exception as failure:
            result, error = None, failure
        self.deliver(result, error, on_done, on_error)
        self.idle.emit()

    def wait_for_done(self, msecs: int = -1) -> bool:
        return True


Runner = TaskRunner | SyncTaskRunner
