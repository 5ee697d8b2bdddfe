"""Release by exception (QC-3): evaluate the release rules for a lot or batch and list each with pass or fail
and its evidence, failed first.

The registry: each rule is a function `(tx, subject) -> RuleResult` that gathers its facts in the caller's
transaction and lets a pure judgement in `domain.release_rules` decide. Another module adds its rule with
`register_rule` and is imported at the end of this module, so every evaluation (desktop, CLI, documents)
sees the same list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from app.ports import UnitOfWork
from app.quality import required_test_states
from domain.batches import Batch, BatchStatus
from domain.errors import NotFound, ValidationError
from domain.i18n import _
from domain.lots import Lot, LotStatus
from domain.quality import SpecStatus
from domain.release_rules import (
    CONSUMED_LOTS,
    Evaluation,
    ReleaseSubject,
    RuleResult,
    judge_consumed_lots,
    judge_open_alerts,
    judge_open_deviations,
    judge_required_tests,
    judge_untested_item,
    not_applicable,
    ordered,
)
from domain.users import Actor

ReleaseRule = Callable[[UnitOfWork, ReleaseSubject], RuleResult]
_RULES: list[ReleaseRule] = []


def register_rule(rule: ReleaseRule) -> ReleaseRule:
    """Add a rule to every evaluation (usable as a decorator); registering the same function twice is a no-op."""
    if rule not in _RULES:
        _RULES.append(rule)
    return rule


def rules() -> tuple[ReleaseRule, ...]:
    return tuple(_RULES)


@dataclass(frozen=True)
class RuleView:
    key: str
    title: str
    passed: bool
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class EvaluationView:
    record_type: str
    record_id: str
    item_code: str
    status: str
    releasable: bool
    outcome: str
    rules: tuple[RuleView, ...]  # failed first
    at: datetime

    @classmethod
    def of(cls, e: Evaluation) -> EvaluationView:
        s = e.subject
        return cls(s.record_type, s.record_id, s.item_code, s.status, e.releasable, e.outcome,
                   tuple(RuleView(r.key, r.title, r.passed, r.evidence) for r in e.results), e.at)


# --- the record and what it touches ----------------------------------------------------------------------------

def _entity(tx: UnitOfWork, subject: ReleaseSubject) -> Lot | Batch:
    found = (tx.lots.by_number(subject.record_id) if subject.record_type == "lot"
             else tx.batches.by_number(subject.record_id))
    assert found is not None
    return found


def touched(tx: UnitOfWork, subject: ReleaseSubject) -> list[tuple[str, str]]:
    """The records whose deviations and alerts count for this one: a batch and the lots it produced; a
    produced lot and its batch."""
    refs = [(subject.record_type, subject.record_id)]
    entity = _entity(tx, subject)
    if isinstance(entity, Batch):
        assert entity.id is not None
        refs += [("lot", lot.lot_number) for lot in tx.lots.of_batch(entity.id)]
    elif entity.batch_id is not None:
        batch = tx.batches.by_id(entity.batch_id)
        if batch is not None:
            refs.append(("batch", batch.batch_number))
    return refs


def subject_of(tx: UnitOfWork, number: str) -> ReleaseSubject:
    number = number.strip()
    batch = tx.batches.by_number(number)
    if batch is not None:
        return ReleaseSubject("batch", batch.batch_number, batch.product_code, batch.status.value)
    lot = tx.lots.by_number(number)
    if lot is not None:
        return ReleaseSubject("lot", lot.lot_number, lot.item_code, lot.status.value)
    raise NotFound(f"no lot or batch {number}")


# --- the built-in rules ----------------------------------------------------------------------------------------

@register_rule
def required_tests(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
    label, states = required_test_states(tx, subject.record_type, subject.record_id)
    if label is None and all(s.status is SpecStatus.DRAFT for s in tx.quality.specs(subject.item_code)):
        return judge_untested_item(subject.item_code)  # never specified, so nothing was missed at testing
    return judge_required_tests(label, states)


@register_rule
def no_open_deviation(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
    found = tx.quality.linked_to(touched(tx, subject), open_only=True)
    return judge_open_deviations([(d.number, d.classification.value, d.title) for d in found])


@register_rule
def consumed_lots(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
    entity = _entity(tx, subject)
    if not isinstance(entity, Batch):
        return not_applicable(CONSUMED_LOTS, "a lot consumes no material")
    assert entity.id is not None
    issues = [i for i in tx.batches.issues(entity.id) if i.signed_quantity > 0]
    lots = tx.lots.by_ids(sorted({i.lot_id for i in issues}))
    histories = tx.signatures.status_histories("lot", [lot.lot_number for lot in lots.values()])  # one query
    consumed = []
    for lot_id, lot in lots.items():
        history = histories[lot.lot_number]
        states = []
        for issue in (i for i in issues if i.lot_id == lot_id):
            before = [h for h in history if h.at <= issue.at]
            states.append(before[-1].to_status if before else None)
        worst = next((s for s in states if s != "Released"), "Released")
        consumed.append((lot.lot_number, worst, lot.status.value))
    return judge_consumed_lots(sorted(consumed))


@register_rule
def no_open_alert(tx: UnitOfWork, subject: ReleaseSubject) -> RuleResult:
    refs = set(touched(tx, subject))
    found = [(a.id or 0, a.message) for a in tx.alerts.open()
             if ("lot", a.lot_number or "") in refs or ("batch", a.batch_number or "") in refs]
    return judge_open_alerts(sorted(found))


# --- evaluation ------------------------------------------------------------------------------------------------

def evaluate_in(tx: UnitOfWork, subject: ReleaseSubject) -> Evaluation:
    """Inside the caller's transaction (the release signature binds what this returns)."""
    results = [rule(tx, subject) for rule in rules()]
    keys = [r.key for r in results]
    if len(set(keys)) != len(keys):
        raise ValidationError(_("two release rules share a key: {keys}", keys=', '.join(sorted(keys))))
    return Evaluation(subject, ordered(results), tx.now())


def evaluate_record(tx: UnitOfWork, record_type: str, entity: Lot | Batch) -> Evaluation:
    """The evaluation of a lot or batch already loaded in the caller's transaction (a release signature)."""
    subject = (ReleaseSubject("lot", entity.lot_number, entity.item_code, entity.status.value)
               if isinstance(entity, Lot) else
               ReleaseSubject("batch", entity.batch_number, entity.product_code, entity.status.value))
    assert subject.record_type == record_type
    return evaluate_in(tx, subject)


@dataclass(frozen=True)
class AwaitingRelease:
    """A lot in Quarantine or a batch in QA review: what QA decides on next (the release screen's list)."""

    record_type: str
    record_id: str
    item_code: str
    status: str
    since: datetime  # created (a lot) or planned (a batch)


def awaiting_release(uow: UnitOfWork, actor: Actor, *, limit: int = 500) -> list[AwaitingRelease]:
    """Batches in QA review, then lots in Quarantine, oldest first."""
    with uow.acting_as(actor) as tx:
        batches = tx.batches.list(statuses=[BatchStatus.QA_REVIEW], limit=limit)
        lots = tx.lots.list(statuses=[LotStatus.QUARANTINE], limit=limit)
        found = [AwaitingRelease("batch", b.batch_number, b.product_code, b.status.value, b.planned_at)
                 for b in batches]
        found += [AwaitingRelease("lot", lot.lot_number, lot.item_code, lot.status.value, lot.created_at)
                  for lot in lots]
        return sorted(found, key=lambda a: (a.record_type != "batch", a.since))


def find_record(uow: UnitOfWork, actor: Actor, number: str) -> ReleaseSubject:
    """The lot or batch a number names (batches first: their numbers never clash with lot numbers' rules)."""
    with uow.acting_as(actor) as tx:
        return subject_of(tx, number)


def evaluate_release(uow: UnitOfWork, actor: Actor, number: str) -> EvaluationView:
    """The release evaluation of a lot or batch (QC-3): each rule with pass or fail and its evidence."""
    with uow.acting_as(actor) as tx:
        return EvaluationView.of(evaluate_in(tx, subject_of(tx, number)))


# Other modules register their rules when imported; importing them here makes every evaluation see them.
from app import process_release  # noqa: E402, F401
