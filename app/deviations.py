"""Use cases for deviations (DEV-1): open one (by hand, from an out-of-spec result, from a refused issue's
alert, or from another module such as process data), investigate, record root cause and disposition. The closure
is QA's electronic signature: `app.deviation_review.sign_closure` is its only use case (DEV-1, SIG-1).

Other modules open deviations inside their own transaction with `open_deviation_in`, so the record that
caused it and its deviation are written together, "at once".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.numbering import next_number
from app.ports import UnitOfWork
from domain.deviations import (
    DEVIATION_WORKFLOW,
    Classification,
    Deviation,
    DeviationLink,
    DeviationStatus,
    RootCause,
    check_link,
)
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.users import Actor, Permission


@dataclass(frozen=True)
class DeviationView:
    number: str
    title: str
    description: str
    classification: str
    status: str
    opened_by: str
    opened_at: datetime
    investigation: str | None
    root_cause_category: str | None
    root_cause: str | None
    disposition: str | None
    closed_at: datetime | None
    links: tuple[tuple[str, str], ...]  # (kind, ref): ("lot", "R26001-0001"), ("result", "12")

    @classmethod
    def of(cls, d: Deviation, links: Sequence[DeviationLink]) -> DeviationView:
        return cls(d.number, d.title, d.description, d.classification.value, d.status.value, d.opened_by,
                   d.opened_at, d.investigation, d.root_cause_category.value if d.root_cause_category else None,
                   d.root_cause, d.disposition, d.closed_at, tuple((lk.kind, lk.ref) for lk in links))

    @property
    def is_open(self) -> bool:
        return self.status != DeviationStatus.CLOSED.value


def _check_exists(tx: UnitOfWork, kind: str, ref: str) -> None:
    """Lots, batches and alerts named in a link must exist; other kinds are their module's business."""
    if kind == "lot" and tx.lots.by_number(ref) is None:
        raise NotFound(_("no lot {lot_number}", lot_number=ref))
    if kind == "batch" and tx.batches.by_number(ref) is None:
        raise NotFound(_("no batch {number}", number=ref))
    if kind == "alert" and (not ref.isdigit() or tx.alerts.get(int(ref)) is None):
        raise NotFound(_("no alert {alert_id}", alert_id=ref))
    if kind == "change" and tx.changes.get(ref) is None:  # the change request it proposes (CHG-1)
        raise NotFound(_("no change request {number}", number=ref))


def open_deviation_in(tx: UnitOfWork, actor: Actor, title: str, description: str,
                      classification: Classification, links: Sequence[tuple[str, str]]) -> Deviation:
    """Inside the caller's transaction: number and open a deviation linked to `links` ((kind, ref) pairs).
    The caller's use case has checked its own permission; the deviation is the system's rule, not a choice."""
    checked = list(dict.fromkeys(check_link(kind, ref) for kind, ref in links))
    for kind, ref in checked:
        _check_exists(tx, kind, ref)
    number = next_number(tx, "deviation", tx.now().astimezone().date())
    deviation = Deviation(number, title, description, classification, actor.user_id, tx.now())
    tx.quality.add(deviation)
    tx.flush()
    assert deviation.id is not None
    for kind, ref in checked:
        tx.quality.add(DeviationLink(deviation.id, kind, ref))
    return deviation


def open_deviation(uow: UnitOfWork, actor: Actor, title: str, description: str, classification: str,
                   links: Sequence[tuple[str, str]] = ()) -> DeviationView:
    """Open a deviation by hand (DEV-1), linked to lots, batches, results or alerts."""
    grade = Classification.parse(classification)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.OPEN_DEVIATION)
        deviation = open_deviation_in(tx, actor, title, description, grade, links)
        tx.commit()
        return _view(tx, deviation)


def escalate_alert(uow: UnitOfWork, actor: Actor, alert_id: int, classification: str, description: str
                   ) -> DeviationView:
    """A refused material issue (LOT-7 alert) becomes a deviation linked to the alert, its batch and its lot;
    the alert is acknowledged with the deviation's number."""
    grade = Classification.parse(classification)
    with uow.acting_as(actor) as tx:
        actor.require(Permission.OPEN_DEVIATION)
        actor.require(Permission.ACKNOWLEDGE_ALERT)
        alert = tx.alerts.get(alert_id)
        if alert is None:
            raise NotFound(_("no alert {alert_id}", alert_id=alert_id))
        links = [("alert", str(alert_id))]
        links += [("batch", alert.batch_number)] if alert.batch_number else []
        links += [("lot", alert.lot_number)] if alert.lot_number else []
        deviation = open_deviation_in(tx, actor, f"Alert {alert_id}: {alert.message}"[:200],
                                      description or alert.message, grade, links)
        alert.acknowledge(f"deviation {deviation.number} opened")
        tx.commit(reason=f"alert {alert_id} escalated to deviation {deviation.number}")
        return _view(tx, deviation)


def _deviation(tx: UnitOfWork, number: str, *, for_update: bool = False) -> Deviation:
    found = tx.quality.deviation(number.strip(), for_update=for_update)
    if found is None:
        raise NotFound(f"no deviation {number}")
    return found


def _view(tx: UnitOfWork, d: Deviation) -> DeviationView:
    assert d.id is not None
    return DeviationView.of(d, tx.quality.links([d.id])[d.id])


def start_investigation(uow: UnitOfWork, actor: Actor, number: str) -> DeviationView:
    with uow.acting_as(actor) as tx:
        deviation = _deviation(tx, number, for_update=True)
        transition = DEVIATION_WORKFLOW.check(deviation.status, DeviationStatus.INVESTIGATION, actor, None)
        deviation.status = DeviationStatus.INVESTIGATION
        tx.commit(reason=transition.name)
        return _view(tx, deviation)


def record_investigation(
    uow: UnitOfWork, actor: Actor, number: str, *, investigation: str | None = None,
    root_cause_category: str | None = None, root_cause: str | None = None, disposition: str | None = None,
    reason: str = "investigation findings recorded",
) -> DeviationView:
    """Investigation, root cause (category and text) and disposition; each change audited with the reason."""
    category = RootCause.parse(root_cause_category) if root_cause_category else None
    with uow.acting_as(actor) as tx:
        actor.require(Permission.INVESTIGATE_DEVIATION)
        deviation = _deviation(tx, number, for_update=True)
        deviation.record_investigation(investigation, category, root_cause, disposition)
        tx.commit(reason=reason)
        return _view(tx, deviation)


def link_records(uow: UnitOfWork, actor: Actor, number: str, links: Sequence[tuple[str, str]], reason: str
                 ) -> DeviationView:
    """Add what else the deviation touches (another lot, a batch found by the impact trace)."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.INVESTIGATE_DEVIATION)
        deviation = _deviation(tx, number, for_update=True)
        if not deviation.is_open:
            raise ValidationError(_("deviation {number} is closed", number=deviation.number))
        assert deviation.id is not None
        have = {(lk.kind, lk.ref) for lk in tx.quality.links([deviation.id])[deviation.id]}
        for kind, ref in dict.fromkeys(check_link(k, r) for k, r in links):
            if (kind, ref) not in have:
                _check_exists(tx, kind, ref)
                tx.quality.add(DeviationLink(deviation.id, kind, ref))
        tx.commit(reason=reason)
        return _view(tx, deviation)


def get_deviation(uow: UnitOfWork, actor: Actor, number: str) -> DeviationView:
    with uow.acting_as(actor) as tx:
        return _view(tx, _deviation(tx, number))


def list_deviations(uow: UnitOfWork, actor: Actor, *, open_only: bool = False) -> list[DeviationView]:
    with uow.acting_as(actor) as tx:
        found = tx.quality.deviations(open_only=open_only)
        links = tx.quality.links([d.id for d in found if d.id is not None])
        return [DeviationView.of(d, links[d.id]) for d in found if d.id is not None]


def deviations_touching(uow: UnitOfWork, actor: Actor, record_type: str, record_id: str) -> list[DeviationView]:
    """Every deviation linked to this lot or batch, for its Quality tab and its documents."""
    with uow.acting_as(actor) as tx:
        found = tx.quality.linked_to([(record_type, record_id)])
        links = tx.quality.links([d.id for d in found if d.id is not None])
        return [DeviationView.of(d, links[d.id]) for d in found if d.id is not None]
