"""Use cases of the QC lab (QC-1, QC-2): versioned specifications, the QC worklist, results entry with
corrections and second-person review. An out-of-spec result opens its deviation at once (DEV-1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from app.deviations import open_deviation_in
from app.ports import UnitOfWork
from domain.batches import BatchStatus
from domain.deviations import Classification
from domain.errors import NotFound, ReasonRequired, ValidationError
from domain.i18n import N_, _
from domain.items import validate_code
from domain.lots import LotStatus
from domain.quality import (
    Judgement,
    PlanStatus,
    QcPlan,
    QcResult,
    ResultStatus,
    ResultType,
    Specification,
    SpecTest,
    TestInput,
)
from domain.release_rules import TestState, judge_required_tests
from domain.users import Actor, Permission

DUE_DAYS = 5  # a plan's due date: working days a QC lab usually promises, from entering testing
TESTING = {"lot": {LotStatus.QUARANTINE.value}, "batch": {BatchStatus.QC_TESTING.value}}


@dataclass(frozen=True)
class TestView:
    code: str
    name: str
    method: str
    result_type: str
    unit: str
    lower: Decimal | None
    upper: Decimal | None
    decimals: int
    expected_text: str | None
    replicates: int
    required_for_release: bool
    limits: str

    @classmethod
    def of(cls, t: SpecTest) -> TestView:
        return cls(t.code, t.name, t.method, t.result_type.value, t.unit, t.lower, t.upper, t.decimals,
                   t.expected_text, t.replicates, t.required_for_release, t.limits())

    def judge(self, values: Sequence[str]) -> Judgement:
        """The rule the use case applies, for the entry screen to show out of spec as it is typed (QC-2).
        Raises ValidationError for what cannot be read, with the message saving would give."""
        return SpecTest(0, self.code, self.name, self.method, ResultType(self.result_type), self.unit, self.lower,
                        self.upper, self.decimals, self.expected_text, self.replicates,
                        self.required_for_release).judge(values)


@dataclass(frozen=True)
class SpecView:
    item_code: str
    version: int
    status: str
    title: str
    created_at: datetime
    effective_at: datetime | None
    tests: tuple[TestView, ...]

    @classmethod
    def of(cls, s: Specification) -> SpecView:
        return cls(s.item_code, s.version, s.status.value, s.title, s.created_at, s.effective_at,
                   tuple(TestView.of(t) for t in s.tests))


@dataclass(frozen=True)
class ResultView:
    id: int
    record_type: str
    record_id: str
    test_code: str
    replicates: tuple[str, ...]
    reported: str
    unit: str
    within_spec: bool
    analyst: str
    instrument: str
    entered_at: datetime
    source: str
    status: str
    reviewed_by: str | None
    reviewed_at: datetime | None
    deviation: str | None = None  # the deviation this result opened, when it was out of spec

    @classmethod
    def of(cls, plan: QcPlan, r: QcResult, deviation: str | None = None) -> ResultView:
        assert r.id is not None
        return cls(r.id, plan.record_type, plan.record_id, r.test_code, tuple(r.replicates.split("; ")),
                   r.reported, r.unit, r.within_spec, r.analyst, r.instrument, r.entered_at, r.source,
                   r.status.value, r.reviewed_by, r.reviewed_at, deviation)


@dataclass(frozen=True)
class WorklistRow:
    record_type: str
    record_id: str
    item_code: str
    spec: str  # "RES spec v2", or "" when none applied
    due_on: date
    status: str
    tests: int
    entered: int
    out_of_spec: int
    reviewed: int


@dataclass(frozen=True)
class QualityView:
    """A lot's or batch's quality: the spec version that applied, its tests with their results."""

    record_type: str
    record_id: str
    item_code: str
    spec: SpecView | None
    due_on: date
    status: str
    results: tuple[ResultView, ...]


# --- specifications ------------------------------------------------------------------------------------------

def create_spec(uow: UnitOfWork, actor: Actor, item_code: str, title: str, tests: Sequence[TestInput]
                ) -> SpecView:
    """A new draft version of the item's specification (QC-1); it takes effect through a change request (CHG-1)."""
    code = validate_code(item_code, N_("item"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.EDIT_SPEC)
        if tx.master_data.item(code) is None:
            raise NotFound(f"no item {code}")
        spec = Specification(code, tx.quality.latest_spec_version(code) + 1, title, tests, tx.now())
        tx.quality.add(spec)
        tx.commit()
        return SpecView.of(spec)


def get_spec(uow: UnitOfWork, actor: Actor, item_code: str, version: int | None = None) -> SpecView:
    """A version, or the effective one."""
    code = validate_code(item_code, N_("item"))
    with uow.acting_as(actor) as tx:
        spec = tx.quality.spec_version(code, version) if version else tx.quality.effective_spec(code)
        if spec is None:
            raise NotFound(f"no specification {code} v{version}" if version else f"{code} has no effective "
                                                                                   "specification")
        return SpecView.of(spec)


def list_specs(uow: UnitOfWork, actor: Actor, item_code: str | None = None) -> list[SpecView]:
    with uow.acting_as(actor) as tx:
        return [SpecView.of(s) for s in tx.quality.specs(item_code)]


# --- the worklist ---------------------------------------------------------------------------------------------

def plan_tests(tx: UnitOfWork, record_type: str, record_id: str, item_code: str) -> QcPlan:
    """Inside the caller's transaction (a receipt, a batch submitted to QC): put the record's tests on the
    worklist under the item's effective specification, recorded as the version that applies. Once per record."""
    plan = tx.quality.plan(record_type, record_id)
    if plan is None:
        plan = QcPlan(record_type, record_id, item_code, tx.quality.effective_spec(item_code), tx.now(),
                      tx.now().astimezone().date() + timedelta(days=DUE_DAYS))
        tx.quality.add(plan)
    else:
        plan.status = PlanStatus.OPEN
    return plan


def worklist(uow: UnitOfWork, actor: Actor, *, item_code: str | None = None, due_by: date | None = None,
             status: PlanStatus | None = PlanStatus.OPEN, text: str | None = None, limit: int = 5000,
             offset: int = 0) -> list[WorklistRow]:
    """The QC worklist (QC-2): records waiting for tests, the most urgent first; a page of it from `offset`."""
    with uow.acting_as(actor) as tx:
        plans = tx.quality.plans(status=status, item_code=item_code, due_by=due_by, text=text, limit=limit,
                                 offset=offset)
        results = tx.quality.results([p.id for p in plans if p.id is not None])
        specs: dict[int, Specification | None] = {}
        rows = []
        for p in plans:
            assert p.id is not None
            spec = None
            if p.spec_id is not None:
                if p.spec_id not in specs:  # once per spec (setdefault would read it for every plan)
                    specs[p.spec_id] = tx.quality.spec(p.spec_id)
                spec = specs[p.spec_id]
            got = results[p.id]
            rows.append(WorklistRow(p.record_type, p.record_id, p.item_code, spec.label if spec else "", p.due_on,
                                    p.status.value, len(spec.tests) if spec else 0, len(got),
                                    sum(1 for r in got if not r.within_spec),
                                    sum(1 for r in got if r.status is ResultStatus.REVIEWED)))
        return rows


def worklist_size(uow: UnitOfWork, actor: Actor, *, item_code: str | None = None, due_by: date | None = None,
                  status: PlanStatus | None = PlanStatus.OPEN, text: str | None = None) -> int:
    """How many records the worklist with these filters holds (its pages load as the user scrolls)."""
    with uow.acting_as(actor) as tx:
        return tx.quality.count_plans(status=status, item_code=item_code, due_by=due_by, text=text)


# --- results ---------------------------------------------------------------------------------------------------

def _record_status(tx: UnitOfWork, record_type: str, record_id: str) -> str:
    if record_type == "lot":
        lot = tx.lots.by_number(record_id)
        if lot is None:
            raise NotFound(f"no lot {record_id}")
        return lot.status.value
    if record_type == "batch":
        batch = tx.batches.by_number(record_id)
        if batch is None:
            raise NotFound(f"no batch {record_id}")
        return batch.status.value
    raise ValidationError(_("QC results are for a lot or a batch, not a '{record_type}'", record_type=record_type))


def plan_in_testing(tx: UnitOfWork, record_type: str, record_id: str) -> tuple[QcPlan, Specification]:
    status = _record_status(tx, record_type, record_id)
    if status not in TESTING[record_type]:
        wanted = " or ".join(sorted(TESTING[record_type]))
        raise ValidationError(_("{record_type} {record_id} is {status}: results are entered while it is {wanted}",
                                record_type=record_type, record_id=record_id, status=status, wanted=wanted))
    plan = tx.quality.plan(record_type, record_id)
    if plan is None:
        raise NotFound(f"{record_type} {record_id} is not on the QC worklist")
    spec = tx.quality.spec(plan.spec_id) if plan.spec_id is not None else None
    if spec is None:
        raise ValidationError(_("no specification applied to {record_type} {record_id} when it entered testing: make "
                                "one effective for item {item_code}, then put it back on the worklist",
                                record_type=record_type, record_id=record_id, item_code=plan.item_code))
    return plan, spec


@dataclass(frozen=True)
class ResultInput:
    """One test's replicate values as the analyst typed them (or a LIMS file gave them)."""

    test_code: str
    values: tuple[str, ...]
    unit: str | None = None


def enter_in(tx: UnitOfWork, actor: Actor, plan: QcPlan, spec: Specification, entry: ResultInput, *,
              instrument: str, reason: str | None, source: str) -> tuple[QcResult, str | None]:
    """Record or correct one result inside the caller's transaction; returns it and the deviation it opened."""
    assert plan.id is not None and spec.id is not None
    test = spec.test(entry.test_code)
    judgement = test.judge(entry.values, entry.unit)
    existing = next((r for r in tx.quality.results([plan.id])[plan.id] if r.test_code == test.code), None)
    if existing is None:
        result = QcResult(plan.id, spec.id, test, judgement, actor.user_id, instrument, tx.now(), source)
        tx.quality.add(result)
    else:
        if not reason or not reason.strip():
            raise ReasonRequired(f"the {test.code} result of {plan.record_type} {plan.record_id} is already "
                                 "recorded: a correction needs a reason")
        result = existing
        result.apply(judgement, instrument, tx.now())
        result.analyst = actor.user_id
        result.reviewed_by, result.reviewed_at = None, None
    tx.flush()
    assert result.id is not None
    if result.within_spec or tx.quality.linked_to([("result", str(result.id))]):
        return result, None
    opened = open_deviation_in(
        tx, actor, f"OOS: {test.code} {result.reported} on {plan.record_type} {plan.record_id}",
        f"{test.name} ({test.method}) gave {result.reported} {test.unit}".rstrip()
        + f" against {test.limits()} ({spec.label}); replicates {result.replicates}.",
        Classification.MAJOR, [(plan.record_type, plan.record_id), ("result", str(result.id))],
    )
    return result, opened.number


def enter_result(
    uow: UnitOfWork, actor: Actor, record_type: str, record_id: str, test_code: str, values: Sequence[str], *,
    unit: str | None = None, instrument: str = "", reason: str | None = None, source: str = "manual",
) -> ResultView:
    """Record (or correct, with a reason) one test's result with its replicates; the analyst is the acting
    user and the time the store's clock (QC-2). Out of spec opens one deviation linked to the record, the
    test and the result, in the same transaction (DEV-1)."""
    return enter_results(uow, actor, record_type, record_id, [ResultInput(test_code, tuple(values), unit)],
                         instrument=instrument, reason=reason, source=source)[0]


def enter_results(
    uow: UnitOfWork, actor: Actor, record_type: str, record_id: str, entries: Sequence[ResultInput], *,
    instrument: str = "", reason: str | None = None, source: str = "manual",
) -> list[ResultView]:
    """Several tests of one lot or batch at once, as the results entry screen saves them: all or nothing.
    A correction among them needs the reason, which goes with every change of this save."""
    if not entries:
        raise ValidationError(_("type at least one result before saving"))
    codes = [e.test_code.strip().upper() for e in entries]
    twice = next((c for c in codes if codes.count(c) > 1), None)
    if twice:
        raise ValidationError(_("test {code} is given twice", code=twice))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.ENTER_QC_RESULTS)
        plan, spec = plan_in_testing(tx, record_type, record_id)
        entered = [enter_in(tx, actor, plan, spec, e, instrument=instrument, reason=reason, source=source)
                   for e in entries]
        tx.commit(reason=reason.strip() if reason and reason.strip() else None)
        return [ResultView.of(plan, r, dev) for r, dev in entered]


def _review_in(tx: UnitOfWork, actor: Actor, record_type: str, record_id: str, test_codes: Sequence[str]
               ) -> tuple[QcPlan, list[QcResult], set[str]]:
    """Inside the caller's transaction: mark the results reviewed by `actor`; the plan is done when every test
    has a reviewed result. Returns the plan, all its results and the codes reviewed now. Private: the review is
    an electronic signature, and `app.result_review.sign_review` is its only use case (QC-2, SIG-1)."""
    actor.require(Permission.REVIEW_QC_RESULTS)
    plan, spec = plan_in_testing(tx, record_type, record_id)
    assert plan.id is not None
    results = tx.quality.results([plan.id])[plan.id]
    wanted = {spec.test(c).code for c in test_codes} or {r.test_code for r in results
                                                        if r.status is ResultStatus.ENTERED}
    if not wanted:
        raise ValidationError(_("{record_type} {record_id} has no result waiting for review",
                                record_type=record_type, record_id=record_id))
    missing = wanted - {r.test_code for r in results}
    if missing:
        raise ValidationError(_("no result yet for {missing}", missing=', '.join(sorted(missing))))
    for r in results:
        if r.test_code in wanted:
            r.review(actor.user_id, tx.now())
    if {t.code for t in spec.tests} <= {r.test_code for r in results if r.status is ResultStatus.REVIEWED}:
        plan.status = PlanStatus.DONE
    return plan, results, wanted


def required_test_states(tx: UnitOfWork, record_type: str, record_id: str) -> tuple[str | None, list[TestState]]:
    """The spec that applied (its label, None if none) and each required test's latest result, for the release
    rule. A produced lot without a plan of its own is tested as its batch."""
    plan = tx.quality.plan(record_type, record_id)
    if plan is None and record_type == "lot":
        lot = tx.lots.by_number(record_id)
        batch = tx.batches.by_id(lot.batch_id) if lot is not None and lot.batch_id is not None else None
        plan = tx.quality.plan("batch", batch.batch_number) if batch is not None else None
    spec = tx.quality.spec(plan.spec_id) if plan is not None and plan.spec_id is not None else None
    if plan is None or spec is None:
        return None, []
    assert plan.id is not None
    latest = {r.test_code: r for r in tx.quality.results([plan.id])[plan.id]}
    states = []
    for t in spec.tests:
        if t.required_for_release:
            r = latest.get(t.code)
            states.append(TestState(t.code, t.limits(), r.reported if r else None, bool(r and r.within_spec),
                                    bool(r and r.status is ResultStatus.REVIEWED)))
    return spec.label, states


def check_tested(tx: UnitOfWork, record_type: str, record_id: str) -> None:
    """Before a batch passes to QA review: when a specification applied, every required test has a reviewed
    result within spec (the evaluation's first rule); the message lists what is missing."""
    label, states = required_test_states(tx, record_type, record_id)
    if label is None:
        return  # no specification applied: the release evaluation reports it; QC may still pass it on
    verdict = judge_required_tests(label, states)
    if not verdict.passed:
        failing = [line for line in verdict.evidence if not line.endswith(", reviewed")]
        raise ValidationError(_("{record_type} {record_id} cannot pass to QA review: {failing}",
                                record_type=record_type, record_id=record_id, failing="; ".join(failing)))


def quality_of(uow: UnitOfWork, actor: Actor, record_type: str, record_id: str) -> QualityView:
    """The Quality tab of a lot or batch: the spec that applied and the results."""
    with uow.acting_as(actor) as tx:
        plan = tx.quality.plan(record_type, record_id)
        if plan is None:
            _record_status(tx, record_type, record_id)
            raise NotFound(f"{record_type} {record_id} has no QC plan")
        assert plan.id is not None
        spec = tx.quality.spec(plan.spec_id) if plan.spec_id is not None else None
        return QualityView(plan.record_type, plan.record_id, plan.item_code, SpecView.of(spec) if spec else None,
                           plan.due_on, plan.status.value,
                           tuple(ResultView.of(plan, r) for r in tx.quality.results([plan.id])[plan.id]))

