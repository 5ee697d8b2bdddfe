"""Blocks lots past their expiry date (LOT-5) while the desktop runs: once when the main window opens, then
just after every local midnight, through the task runner (the database thread) as `app.lots.expire_due_lots`
promises. The lots it blocked are announced, so open lot pages show them blocked at once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app import lots
from ui.shell.changes import LOT
from ui.shell.task_runner import Runner

if TYPE_CHECKING:
    from app.services import Services

log = logging.getLogger(__name__)

AFTER_MIDNIGHT = timedelta(minutes=1)  # the database's day has surely turned


def ms_to_next_run(now: datetime) -> int:
    """Milliseconds from `now` (aware, local) to one minute after the next local midnight."""
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(1, int((midnight + AFTER_MIDNIGHT - now).total_seconds() * 1000))


class LotExpiry(QObject):
    """`expired(lot_numbers)` after a run that blocked lots; a failed run is logged and tried again next time."""

    expired = Signal(list)

    def __init__(self, ctx: Services, runner: Runner, parent: QObject | None = None, *,
                 interval_ms: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lotExpiry")
        self.ctx, self.runner = ctx, runner
        self._interval_ms = interval_ms  # tests: a fixed period instead of the next midnight
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run_now)

    def start(self) -> None:
        self.run_now()

    def stop(self) -> None:
        self._timer.stop()

    def run_now(self) -> None:
        uow = self.ctx.uow
        self.runner.run(lambda: lots.expire_due_lots(uow()), on_done=self._done, on_error=self._not_blocked,
                        touches=(LOT,))
        self._arm()

    def _arm(self) -> None:
        interval = self._interval_ms if self._interval_ms is not None else ms_to_next_run(datetime.now().astimezone())
        self._timer.start(interval)

    def _done(self, numbers: list[str]) -> None:
        if numbers:
            log.info("blocked %d lot(s) past expiry: %s", len(numbers), ", ".join(numbers))
            self.expired.emit(numbers)

    def _not_blocked(self, error: Exception) -> None:
        """No screen shows this: the next start or the daily run tries again, the log says why."""
        log.warning("expired lots were not blocked this time: %s", error)
