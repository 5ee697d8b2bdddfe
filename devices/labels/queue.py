"""The print queue (DEVC-6): every label job is kept with its state until it is printed or cancelled.

A job is rendered once, when submitted, so the bytes sent are exactly what was resolved from the lot's
data. States: queued -> printing -> printed, or -> waiting for printer (offline, out of media, head open:
`retry` once fixed) or -> failed (the way to the printer is wrong: fix the settings, then `retry`). No
state drops a job; cancelling needs a reason and is kept too. A reprint is a new job that names the job
it repeats and needs a reason.

Before a job is sent to a printer that can be asked (ZPL or TSPL over TCP), its status is checked, so a
printer that is out of labels holds the job with that message instead of swallowing it. Zebra printers
stay silent on ~HS when out of media or ribbon or with the head open, so no answer also means "wait".

Every state change is written to the `PrintJournal` before the queue acts on it; the journal in the
database (who, what, copies, printer, reason) is the persistence layer's, added with the lots module.
`process` does network and file I/O: call it from a worker thread, never the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import Enum
from types import MappingProxyType
from typing import Protocol

from devices.labels.language import LabelLanguage
from devices.labels.transports import PrinterUnavailable, PrintRejected, StatusTransport, Transport
from domain.errors import NotFound, ReasonRequired, ValidationError
from domain.label_layout import ResolvedLabel

log = logging.getLogger(__name__)


class JobState(Enum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    WAITING = "waiting for printer"
    FAILED = "failed"
    CANCELLED = "cancelled"


OPEN_STATES = frozenset({JobState.QUEUED, JobState.WAITING, JobState.FAILED})


@dataclass(frozen=True)
class PrintJob:
    """An immutable snapshot of one job; the queue replaces it on every change."""

    id: int
    printer: str
    label: ResolvedLabel
    payload: bytes
    copies: int
    requested_by: str
    state: JobState
    created_at: datetime
    updated_at: datetime
    error: str = ""
    attempts: int = 0
    reprint_of: int | None = None
    reason: str = ""

    @property
    def template_id(self) -> str:
        return self.label.template_id

    @property
    def summary(self) -> Mapping[str, str]:
        return self.label.summary


class PrintJournal(Protocol):
    """Where job states are recorded (the database, later). Raising refuses the change."""

    def record(self, job: PrintJob) -> None: ...


@dataclass(frozen=True)
class LabelPrinter:
    name: str
    language: LabelLanguage
    transport: Transport
    check_status: bool = True
    status_timeout_s: float = 2.0


class PrintQueue:
    def __init__(
        self,
        printers: Iterable[LabelPrinter],
        *,
        journal: PrintJournal | None = None,
        on_change: Callable[[PrintJob], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._printers = {printer.name: printer for printer in printers}
        self._journal = journal
        self._on_change = on_change
        self._clock = clock
        self._jobs: dict[int, PrintJob] = {}
        self._ids = itertools.count(1)
        self._lock = threading.RLock()
        self._sending = threading.Lock()

    @property
    def printers(self) -> Mapping[str, LabelPrinter]:
        return MappingProxyType(self._printers)

    def jobs(self) -> list[PrintJob]:
        with self._lock:
            return list(self._jobs.values())

    def job(self, job_id: int) -> PrintJob:
        with self._lock:
            if job_id not in self._jobs:
                raise NotFound(f"There is no print job {job_id}.")
            return self._jobs[job_id]

    def submit(
        self,
        printer: str,
        label: ResolvedLabel,
        *,
        requested_by: str,
        copies: int = 1,
        reprint_of: int | None = None,
        reason: str = "",
    ) -> PrintJob:
        """Queue a label; nothing is sent until `process`. Reprints need the reason."""
        if printer not in self._printers:
            raise NotFound(f"There is no printer named '{printer}'.")
        if not 1 <= copies <= 999:
            raise ValidationError("Copies must be between 1 and 999.")
        if reprint_of is not None:
            self.job(reprint_of)
            if not reason.strip():
                raise ReasonRequired("A reprint needs a reason.")
        payload = self._printers[printer].language.render(label, copies)
        now = self._clock()
        with self._lock:
            job = PrintJob(next(self._ids), printer, label, payload, copies, requested_by, JobState.QUEUED,
                           now, now, reprint_of=reprint_of, reason=reason.strip())
            self._record(job)
        return job

    def reprint(self, job_id: int, *, requested_by: str, reason: str, copies: int | None = None,
                printer: str | None = None) -> PrintJob:
        original = self.job(job_id)
        return self.submit(printer or original.printer, original.label, requested_by=requested_by,
                           copies=copies or original.copies, reprint_of=job_id, reason=reason)

    def retry(self, job_id: int) -> PrintJob:
        """Put a waiting or failed job back in line; `process` sends it."""
        with self._lock:
            job = self.job(job_id)
            if job.state not in (JobState.WAITING, JobState.FAILED):
                raise ValidationError(
                    f"Print job {job_id} is {job.state.value}; only waiting or failed jobs are retried."
                )
            job = self._change(job, JobState.QUEUED, error=job.error)
        return job

    def cancel(self, job_id: int, *, reason: str) -> PrintJob:
        if not reason.strip():
            raise ReasonRequired("Cancelling a print job needs a reason.")
        with self._lock:
            job = self.job(job_id)
            if job.state not in OPEN_STATES:
                raise ValidationError(f"Print job {job_id} is {job.state.value} and can no longer be cancelled.")
            return self._change(job, JobState.CANCELLED, error=reason.strip())

    def process(self) -> list[PrintJob]:
        """Send queued jobs, oldest first. A printer that fails keeps its later jobs queued behind the first."""
        done: list[PrintJob] = []
        with self._sending:
            blocked: set[str] = set()
            for job in sorted(self.jobs(), key=lambda item: item.id):
                if job.state is not JobState.QUEUED or job.printer in blocked:
                    continue
                result = self._send(job)
                done.append(result)
                if result.state is not JobState.PRINTED:
                    blocked.add(job.printer)
        return done

    # --- internals ---------------------------------------------------------------------------------------

    def _send(self, job: PrintJob) -> PrintJob:
        printer = self._printers[job.printer]
        with self._lock:
            current = self._jobs[job.id]
            if current.state is not JobState.QUEUED:
                return current
            job = self._change(current, JobState.PRINTING, error="", attempts=current.attempts + 1)
        try:
            self._check_ready(printer)
            printer.transport.send(job.payload)
        except PrinterUnavailable as error:
            return self._settle(job, JobState.WAITING, str(error))
        except PrintRejected as error:
            return self._settle(job, JobState.FAILED, str(error))
        except Exception as error:  # an unforeseen fault must not lose the job either
            return self._settle(job, JobState.FAILED, f"Unexpected error while printing: {error}")
        return self._settle(job, JobState.PRINTED, "")

    def _check_ready(self, printer: LabelPrinter) -> None:
        request = printer.language.status_request
        query = getattr(printer.transport, "query", None)
        if not printer.check_status or request is None or query is None:
            return
        transport: StatusTransport = printer.transport  # type: ignore[assignment]  # has query(), checked above
        answer = transport.query(request, complete=printer.language.status_complete, timeout_s=printer.status_timeout_s)
        if not printer.language.status_complete(answer):
            raise PrinterUnavailable(
                f"Printer {printer.name} did not answer the status query within {printer.status_timeout_s:g} s: "
                "check that it is on and has labels (Zebra printers stay silent when out of labels or ribbon "
                "or with the head open)."
            )
        try:
            status = printer.language.parse_status(answer)
        except ValueError as error:
            raise PrinterUnavailable(f"Printer {printer.name} gave an unreadable status ({error}).") from None
        if not status.ready:
            raise PrinterUnavailable(f"Printer {printer.name} is {status.message}.")

    def _settle(self, job: PrintJob, state: JobState, error: str) -> PrintJob:
        """The outcome of a send happened whatever the journal says: keep it, and say if it went unrecorded."""
        with self._lock:
            try:
                return self._change(self._jobs[job.id], state, error=error)
            except Exception as journal_error:
                log.exception("print job %s: the journal refused state %s", job.id, state.value)
                note = f"{error} (not recorded in the print journal: {journal_error})".strip()
                updated = replace(self._jobs[job.id], state=state, updated_at=self._clock(), error=note)
                self._keep(updated)
                return updated

    def _change(self, job: PrintJob, state: JobState, *, error: str, attempts: int | None = None) -> PrintJob:
        updated = replace(job, state=state, updated_at=self._clock(), error=error,
                          attempts=job.attempts if attempts is None else attempts)
        self._record(updated)
        return updated

    def _record(self, job: PrintJob) -> None:
        """Journal first, then keep: a change the journal refuses does not happen."""
        if self._journal is not None:
            self._journal.record(job)
        self._keep(job)

    def _keep(self, job: PrintJob) -> None:
        self._jobs[job.id] = job
        if self._on_change is not None:
            try:
                self._on_change(job)
            except Exception:
                log.exception("print job %s: a change listener failed", job.id)
