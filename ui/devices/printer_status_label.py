"""The status bar's printer field (DEVC-6): what the station's label printers have open, and why a job waits,
e.g. "Printer Zebra goods-in: 1 job waiting — The printer at 10.0.0.7:9100 refused the connection".

It keeps the jobs it is told about (through `PrintJobBridge`, on the GUI thread) and asks the queue once at
the start on the devices pool, so showing the state never waits for the queue's lock on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.labels import Labels
from app.ports import PrintJobView
from domain.printing import PrintState
from ui.labels.print_job_bridge import PrintJobBridge
from ui.shell.task_runner import Runner
from ui.widgets.status_names import status_name

_WAITING = (PrintState.WAITING.value, PrintState.FAILED.value)


class PrinterStatusLabel(QLabel):
    def __init__(self, labels: Labels, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusPrinter")
        self.labels, self.runner = labels, runner
        self._jobs: dict[int, PrintJobView] = {}
        self.bridge = PrintJobBridge(labels, self)
        self.bridge.changed.connect(self.job_changed)
        self.reload()

    def reload(self) -> None:
        """Start again from the queue (after the station's printers changed)."""
        self._jobs.clear()
        self._show()
        self.runner.run(self.labels.print_queue_status, on_done=self._loaded, database=False)

    def _loaded(self, views: list[PrintJobView]) -> None:
        for view in views:
            self._jobs.setdefault(view.job_id, view)  # a change told meanwhile is newer
        self._show()

    def job_changed(self, view: PrintJobView) -> None:
        self._jobs[view.job_id] = view
        self._show()

    def _show(self) -> None:
        open_jobs = [job for job in self._jobs.values() if job.open]
        printers = [info.name for info in self.labels.printers()]
        if not printers and not open_jobs:
            self._set([(False, self.tr("No label printer"))])
            return
        lines: list[tuple[bool, str]] = []  # (a problem?, text)
        for printer in dict.fromkeys([*printers, *(job.printer for job in open_jobs)]):
            jobs = sorted((job for job in open_jobs if job.printer == printer), key=lambda job: job.job_id)
            waiting = [job for job in jobs if job.state in _WAITING]
            if waiting:
                lines.append((True, self.tr("Printer {name}: {n} job(s) waiting — {error}").format(
                    name=printer, n=len(waiting), error=waiting[-1].error or status_name(waiting[-1].state))))
            elif jobs:
                lines.append((False, self.tr("Printer {name}: printing {n} job(s)").format(name=printer,
                                                                                           n=len(jobs))))
            elif printer == self.labels.default_printer or len(printers) == 1:
                lines.append((False, self.tr("Printer {name}: no jobs waiting").format(name=printer)))
        self._set(lines)

    def _set(self, lines: list[tuple[bool, str]]) -> None:
        problems = [text for problem, text in lines if problem]
        self.setText(" · ".join(problems or [text for _problem, text in lines]))
        self.setToolTip("\n".join(text for _problem, text in lines))
        self.setStyleSheet("color: #b00020;" if problems else "")
