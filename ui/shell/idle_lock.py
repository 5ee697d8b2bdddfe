"""Locks the session after a quiet time (ACC-5): an application-wide filter restarts a timer on input."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app import users
from domain.users import Actor
from ui.shell.lock_dialog import LockDialog
from ui.shell.task_runner import Runner

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleLock(QObject):
    """`lock()` (after the quiet time or on request) covers `window`, audits SESSION_LOCKED and shows the
    LockDialog; `lock_changed(True/False)` lets the window hide its content; `session_ended(notice)` when the
    user logs out from the lock or the account locks."""

    lock_changed = Signal(bool)
    session_ended = Signal(str)

    def __init__(self, ctx: Services, runner: Runner, actor: Actor, window: QWidget, *,
                 interval_ms: int | None = None) -> None:
        super().__init__(window)
        self.setObjectName("idleLock")
        self.ctx, self.runner, self.actor, self.window = ctx, runner, actor, window
        self.dialog: LockDialog | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        minutes = ctx.security.values.idle_lock_minutes  # the site's policy (ACC-5, ACC-7)
        self._timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self._timer.timeout.connect(self._idle)
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._timer.start()

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.dialog is None and self._timer.isActive():
            self._timer.start()
        return False

    def _idle(self) -> None:
        seconds = self._timer.interval() / 1000
        self.lock(reason=f"no input for {seconds / 60:g} min" if seconds >= 60 else f"no input for {seconds:g} s")

    def lock(self, *, reason: str = "locked by the user") -> None:
        if self.dialog is not None:
            return
        self._timer.stop()
        ctx, actor = self.ctx, self.actor
        self.runner.run(lambda: users.record_session_event(ctx.uow(), actor, "SESSION_LOCKED", reason=reason),
                        on_error=self._not_recorded)
        self.lock_changed.emit(True)
        self.dialog = LockDialog(ctx, self.runner, actor, self.window, by_user=reason == "locked by the user")
        self.dialog.unlocked.connect(self._unlocked)
        self.dialog.logged_out.connect(self._logged_out)
        self.dialog.show()

    def stop(self) -> None:
        """The session ends: no more locking, and the filter leaves the application."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def _not_recorded(self, error: Exception) -> None:
        log.error("could not record SESSION_LOCKED: %s", error)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _unlocked(self) -> None:
        self._close_dialog()
        self.lock_changed.emit(False)
        self._timer.start()

    def _logged_out(self, notice: str) -> None:
        self._close_dialog()
        self.stop()
        self.session_ended.emit(notice)
