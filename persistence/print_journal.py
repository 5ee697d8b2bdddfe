"""The print journal in the database (DEVC-6): the repository of print jobs, and the `PrintJournal` the
station's print queue writes every state change to (devices/labels/queue.py).

The queue calls `record(job)` from whichever thread changes the job (the GUI's worker for a print request,
the devices pool while sending), so each call opens its own unit of work: a Session never crosses
threads. The queue numbers jobs from 1 in each session; the journal's own IDs are the lasting ones, and
`SqlPrintJournal` keeps the mapping for the jobs of this session.

What a queue job does not say itself (who asked, for which record, how the printer is reached, which
earlier entry a reprint repeats) comes from `submitting(origin)` around the submit. Changes the printer
makes (printing, printed, waiting, failed) are recorded as the BatchTrace system, with the printer's
message as the reason; a retry or cancel is recorded as the person doing it (`acting(actor)`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.printing import PrintRecord, PrintState
from domain.users import SYSTEM_ACTOR, Actor
from persistence import tables as t

if TYPE_CHECKING:  # the unit of work imports SqlPrintJobs from here
    from persistence.uow import SqlUnitOfWork


class SqlPrintJobs:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, obj: object) -> None:
        self.session.add(obj)

    def get(self, job_id: int) -> PrintRecord | None:
        return self.session.get(PrintRecord, job_id)

    def for_record(self, record_type: str, record_id: str) -> Sequence[PrintRecord]:
        c = t.print_jobs.c
        return self.session.scalars(
            select(PrintRecord).where(c.record_type == record_type, c.record_id == record_id).order_by(c.id)
        ).all()

    def list(self, *, states: Sequence[PrintState] = (), record_id: str | None = None, limit: int = 500
             ) -> Sequence[PrintRecord]:
        c = t.print_jobs.c
        stmt = select(PrintRecord).order_by(c.id.desc()).limit(limit)
        if states:
            stmt = stmt.where(c.state.in_(list(states)))
        if record_id:
            stmt = stmt.where(c.record_id == record_id.strip())
        return self.session.scalars(stmt).all()


@dataclass(frozen=True)
class JobOrigin:
    """Who asked for a label and for what: the part of a journal entry the queue's job does not carry."""

    actor: Actor
    record_type: str
    record_id: str
    language: str
    transport: str
    content: str
    reprint_of: int | None = None  # the journal ID of the entry a reprint repeats
    reason: str | None = None


class _State(Protocol):
    @property
    def value(self) -> str: ...


class QueueJob(Protocol):
    """devices.labels.queue.PrintJob, as far as the journal reads it (persistence does not import devices)."""

    @property
    def id(self) -> int: ...
    @property
    def printer(self) -> str: ...
    @property
    def copies(self) -> int: ...
    @property
    def state(self) -> _State: ...
    @property
    def error(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def template_id(self) -> str: ...


@dataclass(frozen=True)
class _Person:
    actor: Actor
    reason: str | None


class SqlPrintJournal:
    def __init__(self, uow: Callable[[], SqlUnitOfWork]) -> None:
        self._uow = uow
        self._lock = threading.Lock()
        self._entries: dict[int, tuple[int, JobOrigin]] = {}  # queue job ID -> (journal ID, origin)
        self._origin: ContextVar[JobOrigin | None] = ContextVar(f"print_origin_{id(self)}", default=None)
        self._person: ContextVar[_Person | None] = ContextVar(f"print_person_{id(self)}", default=None)

    @contextmanager
    def submitting(self, origin: JobOrigin) -> Iterator[None]:
        """Around `PrintQueue.submit`: the new job is journalled with this origin."""
        token = self._origin.set(origin)
        try:
            yield
        finally:
            self._origin.reset(token)

    @contextmanager
    def acting(self, actor: Actor, reason: str | None = None) -> Iterator[None]:
        """Around a retry or cancel: the change is recorded as this person's."""
        token = self._person.set(_Person(actor, reason))
        try:
            yield
        finally:
            self._person.reset(token)

    def entry(self, queue_id: int) -> tuple[int, JobOrigin] | None:
        """The journal ID and origin of one of this session's queue jobs."""
        with self._lock:
            return self._entries.get(queue_id)

    def queue_id(self, journal_id: int) -> int | None:
        with self._lock:
            return next((q for q, (j, _) in self._entries.items() if j == journal_id), None)

    def record(self, job: QueueJob) -> None:
        """Write the job's state; raising refuses the change (the queue then does not make it)."""
        state = PrintState(job.state.value)
        known = self.entry(job.id)
        if known is None:
            origin = self._origin.get()
            if origin is None or state is not PrintState.QUEUED:
                raise RuntimeError(f"print job {job.id} was not submitted through the print journal")
            journal_id = self._insert(job, origin)
            with self._lock:
                self._entries[job.id] = (journal_id, origin)
            return
        self._update(known[0], job, state)

    def _insert(self, job: QueueJob, origin: JobOrigin) -> int:
        with self._uow().acting_as(origin.actor) as tx:
            entry = PrintRecord(
                created_at=tx.now(), user_id=origin.actor.user_id, user_name=origin.actor.printed_name,
                record_type=origin.record_type, record_id=origin.record_id, template_id=job.template_id,
                copies=job.copies, printer=job.printer, language=origin.language, transport=origin.transport,
                content=origin.content, reprint_of=origin.reprint_of, reason=origin.reason,
            )
            tx.print_jobs.add(entry)
            tx.flush()
            assert entry.id is not None
            action = "REPRINT_LABEL" if origin.reprint_of is not None else "PRINT_LABEL"
            details: dict[str, tuple[object, object]] = {
                "print_job": (None, entry.id), "template": (None, entry.template_id),
                "copies": (None, entry.copies), "printer": (None, entry.printer),
            }
            tx.audit_event(action, origin.record_type, origin.record_id, reason=origin.reason, details=details)
            tx.commit(reason=origin.reason)
            return entry.id

    def _update(self, journal_id: int, job: QueueJob, state: PrintState) -> None:
        person = self._person.get()
        actor = person.actor if person is not None else SYSTEM_ACTOR
        with self._uow().acting_as(actor) as tx:
            entry = tx.print_jobs.get(journal_id)
            if entry is None:
                raise RuntimeError(f"print journal entry {journal_id} is missing")
            if not entry.move(state, tx.now(), error=job.error, attempts=job.attempts):
                return
            tx.commit(reason=_reason(state, job, person))


def _reason(state: PrintState, job: QueueJob, person: _Person | None) -> str:
    """The audit reason of a state change: the printer's message, or what was done."""
    if person is not None and person.reason:
        return person.reason
    if state is PrintState.PRINTING:
        return f"sent to printer {job.printer} (attempt {job.attempts})"
    if state is PrintState.PRINTED:
        return f"printed on {job.printer}"
    if state is PrintState.QUEUED:
        return "put back in line for the printer"
    return job.error.strip() or state.value
