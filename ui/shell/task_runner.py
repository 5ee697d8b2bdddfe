"""Run use cases off the GUI thread (STYLE §5): one thread for the database, a pool for other work.

The callable never touches widgets; its result or exception comes back on the GUI thread, where
`on_done(result)` or `on_error(error)` is called. A write names the kinds of record it `touches`; when it
succeeds the runner announces them on its `changes` hub (STYLE §6), so every open page refreshes what it shows
and no page decides that by hand. Long jobs (`run_long`) get a `TaskState` to report progress and to learn that
the user pressed Cancel, shown as a progress dialog. `SyncTaskRunner` has the same interface and runs inline,
for tests.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from domain.errors import Cancelled, DomainError
from ui.shell.changes import ChangeHub, Changes

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


_NUMBER_FIELDS = ("lot_number", "batch_number", "shipment_number", "recall_number", "record_id", "number", "code")


def numbers_of(result: Any) -> list[str]:
    """The record numbers a use case's result names (a view, or a list of views), for `Changes.numbers`."""
    found: list[str] = []
    for view in result if isinstance(result, list | tuple) else [result]:
        for field in _NUMBER_FIELDS:
            value = getattr(view, field, None)
            if isinstance(value, str) and value:
                found.append(value)
                break
    return found


class TaskState(QObject):
    """Handed to a long job (`run_long`): `report()` progress from the worker thread, `check()` whether the
    user cancelled (raises `Cancelled`). Implements `app.ports.Progress`."""

    progressed = Signal(int, int, str)  # done, total (0: unknown), text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.progressed.emit(int(done), int(total or 0), text)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled(QCoreApplication.translate("TaskRunner", "cancelled: nothing was changed"))


def _alive(callback: Callable[..., Any] | None) -> bool:
    # A widget may close while its task runs: do not call back into a deleted C++ object.
    owner = getattr(getattr(callback, "func", callback), "__self__", None)  # bound method or partial of one
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class _Delivery(QObject):
    """Calls back on the GUI thread and never lets an exception escape into the event loop."""

    def __init__(self, error_parent: QWidget | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.error_parent = error_parent
        self.changes = ChangeHub(self)  # every page of the session listens here
        self._open_boxes: list[QMessageBox] = []  # a box without a parent lives as long as Python holds it

    def deliver(self, result: Any, error: Exception | None, on_done: Done | None, on_error: Failed | None,
                touches: Sequence[str] = ()) -> None:
        try:
            if error is None:
                if on_done is not None and _alive(on_done):
                    on_done(result)
                if touches:
                    self.changes.announce(Changes.of(*touches, numbers=numbers_of(result)))
                return
            log_unexpected(error)
            if on_error is None:
                if not isinstance(error, Cancelled):
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


class _ProgressView(QObject):
    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)


def _closing_error(dialog: QProgressDialog, runner: _Delivery) -> Failed:
    """Without an `on_error`, a long job's failure closes its dialog and shows the message (not a cancel)."""

    def call(error: Exception) -> None:
        dialog.reset()
        dialog.deleteLater()
        if not isinstance(error, Cancelled):
            runner.show_error(error)

    return call


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
        self._pending: dict[int, tuple[Done | None, Failed | None, Sequence[str]]] = {}
        self._ids = itertools.count(1)
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
            database: bool = True, touches: Sequence[str] = ()) -> None:
        """`touches`: the kinds of record (ui.shell.changes) a successful `fn` changed, announced after on_done."""
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error, tuple(touches))
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
        on_done, on_error, touches = self._pending.pop(task_id, (None, None, ()))
        self.deliver(result, error, on_done, on_error, touches)
        if not self._pending:
            self.idle.emit()

    def run_long(self, fn: Callable[[TaskState], Any], *, title: str, parent: QWidget | None = None,
                 on_done: Done | None = None, on_error: Failed | None = None, database: bool = True,
                 touches: Sequence[str] = ()) -> TaskState:
        """A job that takes seconds (documents, imports, exports, verification): a progress dialog shows what
        `fn` reports through its `TaskState`, and its Cancel button asks `fn` to stop (`state.check()`)."""
        state = TaskState(self)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent or self.error_parent)
        dialog.setObjectName("taskProgress")
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # a job that ends at once shows no dialog at all
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(state.cancel)

        view = _ProgressView(dialog)  # lives on the GUI thread: the worker's reports arrive queued
        state.progressed.connect(view.show_progress)

        def closing(callback: Callable[[Any], None] | None) -> Callable[[Any], None] | None:
            def call(value: Any) -> None:
                dialog.reset()
                dialog.deleteLater()
                if callback is not None and _alive(callback):
                    callback(value)
            return call if callback is not None else None

        def closed(value: Any) -> None:
            dialog.reset()
            dialog.deleteLater()

        self.run(lambda: fn(state), closing(on_done) or closed, closing(on_error) or _closing_error(dialog, self),
                 database=database, touches=touches)
        return state

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until every started task has run (on quit). Callbacks still queued are dropped."""
        done = self._database_pool.waitForDone(msecs) and self._other_pool.waitForDone(msecs)
        return bool(done)


class SyncTaskRunner(_Delivery):
    """The same interface, run inline on the calling thread: for tests (Picard's FakeThreadPool)."""

    idle = Signal()
    next_state: TaskState | None = None  # a test may prepare the state the next `run_long` hands to its job

    @property
    def busy(self) -> bool:
        return False

    def run(self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None, *,
            database: bool = True, touches: Sequence[str] = ()) -> None:
        try:
            result, error = fn(), None
        except Exception as failure:
            result, error = None, failure
        self.deliver(result, error, on_done, on_error, touches)
        self.idle.emit()

    def run_long(self, fn: Callable[[TaskState], Any], *, title: str, parent: QWidget | None = None,
                 on_done: Done | None = None, on_error: Failed | None = None, database: bool = True,
                 touches: Sequence[str] = ()) -> TaskState:
        """Inline, without a dialog: tests cancel through the returned state's `cancel()` before or from a
        progress callback (`state.progressed`)."""
        state = self.next_state or TaskState(self)
        self.next_state = None
        self.run(lambda: fn(state), on_done, on_error, database=database, touches=touches)
        return state

    def wait_for_done(self, msecs: int = -1) -> bool:
        return True


Runner = TaskRunner | SyncTaskRunner
