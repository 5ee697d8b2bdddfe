"""Is a lot's or batch's status the one its status history and its signatures say (SIG-3, AUD-6, LOT-5)?

Someone with write access to the database can set `lots.status` to Released without the workflow. The audit
verification names that afterwards; this check stops the application acting on such a record meanwhile (a
material issue, a shipment, a signature toward a batch's release) and lets the screens say so.

A status is backed when the record's status history is one unbroken path through its workflow ending in that
status, and, where that status is the outcome of a signed transition (Released, Rejected), the last signed
transition in that path led to it and has valid signatures filling at least the transition's default
requirements (which no site can remove): signatures for that very transition, applied in the status it left,
on content that still hashes to what was signed. Later unsigned moves (consumption and return to stock, a hold
and its resumption) keep the status backed by that signed transition.
"""

from __future__ import annotations

from typing import Any

from app.ports import UnitOfWork
from app.signed_records import SignedRecord
from domain.errors import DomainError
from domain.i18n import _
from domain.signatures import progress
from domain.workflow import StatusChange, Transition


class StatusNotBacked(DomainError):
    """The record's status is not what its status history and signatures say: nothing is done with it."""

    code = "status_not_backed"


def status_problem(tx: UnitOfWork, record: SignedRecord) -> str | None:
    """Why the record's status is not backed (one short clause), or None when it is."""
    history = tx.signatures.status_history(record.record_type, record.record_id)
    shown = str(record.status.value)
    if not history or history[-1].to_status != shown:
        said = _(history[-1].to_status) if history else _("no status at all")
        return _("its status history says {said}", said=said)
    transitions = {(str(t.source.value), str(t.target.value)): t for t in record.machine.transitions}
    steps: list[Transition[Any] | None] = []
    previous: str | None = None
    for n, change in enumerate(history):
        if change.from_status != previous:
            return _("its status history jumps from {previous} to {from_status}",
                     previous=_(previous) if previous else _("nothing"),
                     from_status=_(change.from_status) if change.from_status else _("nothing"))
        step = None if change.from_status is None else transitions.get((change.from_status, change.to_status))
        if change.from_status is not None and step is None:
            return _("its status history goes from {from_status} to {to_status}, which its workflow does not "
                     "allow", from_status=_(change.from_status), to_status=_(change.to_status))
        held_from = history[n - 1].from_status if n else None
        if step is not None and step.name == "resume" and held_from != change.to_status:
            return _("its status history resumes it to {to_status} from a hold put on it in {held_from}",
                     to_status=_(change.to_status), held_from=_(held_from) if held_from else _("nothing"))
        steps.append(step)
        previous = change.to_status
    if not any(t.signatures and str(t.target.value) == shown for t in record.machine.transitions):
        return None
    return _signed_entry_problem(tx, record, history, steps, shown)


def _signed_entry_problem(tx: UnitOfWork, record: SignedRecord, history: list[StatusChange],
                          steps: list[Transition[Any] | None], shown: str) -> str | None:
    signed = [n for n, step in enumerate(steps) if step is not None and step.signatures]
    if not signed or history[signed[-1]].to_status != shown:
        return _("no signed transition in its status history led to {status}", status=_(shown))
    n = signed[-1]
    step = steps[n]
    assert step is not None
    purpose = record.machine.key(step)
    state_id = history[n - 1].id if n else 0
    applied = tx.signatures.for_records(record.record_type, [record.record_id])[record.record_id]
    valid = [s for s in applied if s.purpose == purpose and s.state_id == state_id and record.signature_valid(s)]
    missing = progress(purpose, step.signatures, valid).missing
    if missing:
        return _("its {transition} lacks valid signatures: {missing}", transition=_(step.name),
                 missing=", ".join(r.describe() for r in missing))
    return None


def require_backed(tx: UnitOfWork, record: SignedRecord) -> None:
    """Refuse to act on a record whose status is not backed, with one message naming the integrity failure."""
    problem = status_problem(tx, record)
    if problem is not None:
        raise StatusNotBacked(_(
            "integrity failure: {record_type} {record_id} is {status} in the database, but {problem}; its status "
            "is not backed by its signatures, so nothing was done (run 'batchtrace audit verify' and tell QA)",
            record_type=_(record.record_type), record_id=record.record_id, status=_(str(record.status.value)),
            problem=problem))
