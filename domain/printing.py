"""The print journal (DEVC-6): one entry per label job, who asked for it, for which record, on which printer
with which template version, and every state it went through until printed or cancelled.

The states mirror the station's print queue (devices/labels/queue.py); the allowed moves are the table
below, so a journal entry can never claim a job went from printed back to waiting. A reprint is a new
entry that names the entry it repeats and carries its reason.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from domain.errors import ReasonRequired, ValidationError
from domain.i18n import _

MAX_COPIES = 100  # a roll of labels, not a print run: larger runs go through the label printer's own tools


class PrintState(Enum):
    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    WAITING = "waiting for printer"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def open(self) -> bool:
        """Not finished: the job still has to print or be cancelled."""
        return self not in (PrintState.PRINTED, PrintState.CANCELLED)


Q, P, DONE, WAIT, FAIL, CANCEL = (
    PrintState.QUEUED, PrintState.PRINTING, PrintState.PRINTED, PrintState.WAITING, PrintState.FAILED,
    PrintState.CANCELLED,
)

# From -> allowed targets. Retry puts a waiting or failed job back in line (QUEUED); only open jobs cancel.
PRINT_MOVES: dict[PrintState, frozenset[PrintState]] = {
    Q: frozenset({P, CANCEL}),
    P: frozenset({DONE, WAIT, FAIL}),
    WAIT: frozenset({Q, CANCEL}),
    FAIL: frozenset({Q, CANCEL}),
    DONE: frozenset(),
    CANCEL: frozenset(),
}


def check_copies(copies: int) -> int:
    if not 1 <= copies <= MAX_COPIES:
        raise ValidationError(_("copies must be between 1 and {max_copies}, not {copies}",
                                max_copies=MAX_COPIES, copies=copies))
    return copies


def split_template_id(template_id: str) -> tuple[str, int]:
    """'material-lot@v1' -> ('material-lot', 1); refused with the expected form otherwise."""
    name, _sep, version = template_id.rpartition("@v")
    if not name or not version.isdigit() or int(version) < 1:
        raise ValidationError(_("'{template_id}' is not a label template name with its version, such as "
                                "'udi-device@v1'",
                                template_id=template_id))
    return name, int(version)


class PrintRecord:
    """One entry of the print journal."""

    id: int | None
    created_at: datetime
    updated_at: datetime
    user_id: str
    user_name: str
    record_type: str
    record_id: str
    template_name: str
    template_version: int
    copies: int
    printer: str
    language: str
    transport: str
    state: PrintState
    last_error: str | None
    attempts: int
    reprint_of: int | None
    reason: str | None
    content: str  # what the label says, as printed (the human-readable UDI or the lot number)

    def __init__(
        self, *, created_at: datetime, user_id: str, user_name: str, record_type: str, record_id: str,
        template_id: str, copies: int, printer: str, language: str, transport: str, content: str,
        reprint_of: int | None = None, reason: str | None = None,
    ) -> None:
        reason = " ".join((reason or "").split()) or None
        if reprint_of is not None and reason is None:
            raise ReasonRequired(_("a reprint needs a reason"))
        self.id = None
        self.created_at = self.updated_at = created_at
        self.user_id, self.user_name = user_id, user_name
        self.record_type, self.record_id = record_type, record_id
        self.template_name, self.template_version = split_template_id(template_id)
        self.copies = check_copies(copies)
        self.printer, self.language, self.transport = printer, language, transport
        self.content = content
        self.state = PrintState.QUEUED
        self.last_error = None
        self.attempts = 0
        self.reprint_of = reprint_of
        self.reason = reason

    @property
    def template_id(self) -> str:
        return f"{self.template_name}@v{self.template_version}"

    def move(self, target: PrintState, at: datetime, *, error: str = "", attempts: int | None = None) -> bool:
        """Record the queue's new state; False when nothing changed. An impossible move is refused."""
        error_text = error.strip() or None
        if target is self.state:
            changed = error_text != self.last_error or (attempts is not None and attempts != self.attempts)
        elif target in PRINT_MOVES[self.state]:
            changed = True
        else:
            raise ValidationError(
                _("print job {id} is {state}: it cannot become {target}",
                  id=self.id, state=_(self.state.value), target=_(target.value))
            )
        if changed:
            self.state, self.last_error, self.updated_at = target, error_text, at
            if attempts is not None:
                self.attempts = attempts
        return changed
