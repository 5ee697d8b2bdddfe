"""Print job changes on the GUI thread (DEVC-6): the station's print queue tells its listeners from whichever
thread changed a job (the devices pool sending it, the database thread queueing it); a signal of a QObject
that lives on the GUI thread queues the call there, so widgets connect to `changed` and stay on their thread.

The station outlives the window: the bridge stops listening when it is destroyed (with its parent widget).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal

from app.labels import Labels
from app.ports import PrintJobView


class PrintJobBridge(QObject):
    changed = Signal(object)  # PrintJobView

    def __init__(self, labels: Labels, parent: QObject | None = None) -> None:
        super().__init__(parent)
        listener = self._job_changed
        labels.subscribe(listener)
        # not a slot of this object: it is being destroyed when the signal comes
        self.destroyed.connect(lambda *_args: labels.unsubscribe(listener))

    def _job_changed(self, view: PrintJobView) -> None:  # any thread
        with contextlib.suppress(RuntimeError):  # the bridge was deleted between the queue's call and this one
            self.changed.emit(view)
