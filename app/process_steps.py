"""Use cases for process steps (PRC-1, PRC-2): the steps and critical parameters of a draft master batch
record, and their execution on a batch: equipment checks, values with who/when, corrections with a reason,
steps in order, and the "performed" and "verified" signatures."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.deviations import open_deviation_in
from app.lots import local_today
from app.ports import NO_PROGRESS, Progress, UnitOfWork
from app.signatures import SigningSession, _reauthenticate
from app.users import AuthConfig
from domain.batches import Batch, BatchStatus
from domain.deviations import Classification
from domain.errors import DomainError, NotFound, ReasonRequired, ValidationError
from domain.i18n import N_, _
from domain.items import validate_code
from domain.mbr import MasterBatchRecord
from domain.process import (
    Limits,
    ParameterValue,
    ProcessParameter,
    ProcessStep,
    StepRecord,
    Verdict,
    check_order,
    current_values,
    parse_value,
)
from domain.quantities import fmt
from domain.signatures import Meaning, Signature, SignatureRequirement, content_hash
from domain.users import Actor, Permission, Role

STEP_RECORD = "batch_step"
PERFORMED = SignatureRequirement("performed", "Performed", Meaning.PERFORMED, frozenset({Role.PRODUCTION}))
VERIFIED = SignatureRequirement("verified", "Verified", Meaning.REVIEWED,
                                frozenset({Role.PRODUCTION, Role.QA_REVIEWER}))
# Step signatures belong to no status transition: a state id no status history has, so they are never taken
# for a transition's signatures under way (app.signatures.pending_for).
NO_TRANSITION = -1


# --- definition (PRC-1) -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParameterInput:
    name: str
    unit: str
    target: str | Decimal
    lower: str | Decimal
    upper: str | Decimal
    alert_lower: str | Decimal | None = None
    alert_upper: str | Decimal | None = None


@dataclass(frozen=True)
class StepInput:
    instruction: str
    equipment_class: str | None = None
    parameters: Sequence[ParameterInput] = ()
    needs_performed: bool = True
    needs_verified: bool = False
    any_order: bool = False


def _optional(text: str | Decimal | None, what: str) -> Decimal | None:
    return None if text is None or str(text).strip() == "" else parse_value(text, what=what)


def _parameter(step_no: int, p: ParameterInput) -> ProcessParameter:
    def what(part: str) -> str:  # the parameter's name is the user's; the words around it are translated
        return _("step {step_no} {name} {part}", step_no=step_no, name=p.name, part=_(part))

    limits = Limits(parse_value(p.lower, what=what(N_("lower limit"))),
                    parse_value(p.upper, what=what(N_("upper limit"))),
                    _optional(p.alert_lower, what(N_("alert low"))), _optional(p.alert_upper, what(N_("alert high"))))
    return ProcessParameter(p.name, p.unit, parse_value(p.target, what=what(N_("target"))), limits)


def add_steps(uow: UnitOfWork, actor: Actor, product_code: str, version: int, steps: Sequence[StepInput]) -> int:
    """Append ordered steps with their parameters to a draft master batch record; returns how many it has."""
    code = validate_code(product_code, N_("item"))
    with uow.acting_as(actor) as tx:
        actor.require(Permission.EDIT_MBR)
        mbr = tx.mbrs.version(code, version)
        if mbr is None:
            raise NotFound(f"no master batch record {code} v{version}")
        for given in steps:
            step = ProcessStep(len(mbr.steps) + 1, given.instruction, given.equipment_class,
                               needs_performed=given.needs_performed, needs_verified=given.needs_verified,
                               any_order=given.any_order)
            for p in given.parameters:
                step.add_parameter(_parameter(step.step_no, p))
            mbr.add_step(step)
        tx.commit()
        return len(mbr.steps)


# --- execution (PRC-2) --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ValueView:
    id: int
    step_no: int
    parameter: str
    value: Decimal
    unit: str
    verdict: str
    entered_by: str
    entered_at: datetime
    replaces_id: int | None
    reason: str | None

    @property
    def out_of_limits(self) -> bool:
        return self.verdict == "Out of limits"

    @classmethod
    def of(cls, v: ParameterValue) -> ValueView:
        assert v.id is not None
        return cls(v.id, v.step_no, v.parameter, v.value, v.unit, v.verdict.value, v.entered_by, v.entered_at,
                   v.replaces_id, v.reason)


@dataclass(frozen=True)
class ParameterState:
    name: str
    unit: str
    target: Decimal
    lower: Decimal
    upper: Decimal
    alert_lower: Decimal | None
    alert_upper: Decimal | None
    current: ValueView | None
    history: tuple[ValueView, ...]  # every value entered, corrections included, oldest first


@dataclass(frozen=True)
class StepState:
    step_no: int
    instruction: str
    equipment_class: str | None
    needs_performed: bool
    needs_verified: bool
    any_order: bool
    equipment_code: str | None
    started_at: datetime | None
    performed_by: str | None
    performed_at: datetime | None
    verified_by: str | None
    verified_at: datetime | None
    parameters: tuple[ParameterState, ...]
    room_code: str | None = None  # the room it ran in, once started

    @property
    def complete(self) -> bool:
        """Completed and signed as the record asks."""
        return self.performed_at is not None and (not self.needs_verified or self.verified_at is not None)


@dataclass(frozen=True)
class BatchProcess:
    batch_number: str
    product_code: str
    status: str
    mbr_label: str
    steps: tuple[StepState, ...]


def _batch(tx: UnitOfWork, number: str, *, for_update: bool = False) -> Batch:
    batch = tx.batches.by_number(number, for_update=for_update)
    if batch is None:
        raise NotFound(f"no batch {number}")
    return batch


def _mbr(tx: UnitOfWork, batch: Batch) -> MasterBatchRecord:
    mbr = tx.mbrs.get(batch.mbr_id)
    assert mbr is not None  # a foreign key
    return mbr


def _require_running(batch: Batch) -> None:
    if batch.status is not BatchStatus.IN_PRODUCTION:
        raise ValidationError(_("batch {batch_number} is {status}: steps are recorded while it is in production",
                                batch_number=batch.batch_number, status=_(batch.status.value).lower()))


def _open_step(tx: UnitOfWork, actor: Actor, batch: Batch, step: ProcessStep, equipment_code: str | None,
               records: dict[int, StepRecord], room_code: str | None = None) -> StepRecord:
    """The step's execution record, created on first use with its order and equipment checked."""
    assert batch.id is not None
    record = records.get(step.step_no)
    if record is not None:
        if record.performed:
            raise ValidationError(_("step {step_no} is performed: correct a value with a reason instead",
                                    step_no=step.step_no))
        if equipment_code and equipment_code != record.equipment_code:
            raise ValidationError(_("step {step_no} runs on {equipment_code}",
                                    step_no=step.step_no, equipment_code=record.equipment_code))
        return record
    mbr = _mbr(tx, batch)
    check_order(mbr.steps, step.step_no, records)
    if step.equipment_class and not equipment_code:
        raise ValidationError(_("step {step_no} needs a {equipment_class}: scan or choose it",
                                step_no=step.step_no, equipment_class=step.equipment_class))
    if equipment_code:
        equipment = tx.process.equipment(validate_code(equipment_code, N_("equipment")))
        if equipment is None:
            raise NotFound(f"no equipment {equipment_code}")
        equipment.check_usable(step.equipment_class, local_today(tx))
        equipment_code = equipment.code
    if room_code:
        room = tx.process.room(validate_code(room_code, N_("room")))
        if room is None:
            raise NotFound(f"no room {room_code}")
        room_code = room.code
    record = StepRecord(batch.id, step.step_no, equipment_code, actor.user_id, tx.now(), room_code or None)
    tx.process.add(record)
    records[step.step_no] = record
    return record


def start_step(uow: UnitOfWork, actor: Actor, batch_number: str, step_no: int,
               equipment_code: str | None = None, room_code: str | None = None) -> BatchProcess:
    """Begin a step on the equipment scanned or chosen (refused when out of service or past calibration), in
    the room whose environment readings then belong to the batch for the step's time."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.RECORD_PROCESS)
        batch = _batch(tx, batch_number, for_update=True)
        _require_running(batch)
        assert batch.id is not None
        records = tx.process.step_records(batch.id, for_update=True)
        if step_no in records:
            raise ValidationError(_("step {step_no} of batch {batch_number} is already started",
                                    step_no=step_no, batch_number=batch.batch_number))
        _open_step(tx, actor, batch, _mbr(tx, batch).step(step_no), equipment_code, records, room_code)
        tx.commit()
        return process_state_in(tx, batch)


def _record(tx: UnitOfWork, actor: Actor, batch: Batch, step_no: int, parameter: str, value: str | Decimal,
            equipment_code: str | None) -> ParameterValue:
    _require_running(batch)
    assert batch.id is not None
    step = _mbr(tx, batch).step(step_no)
    spec = step.parameter(parameter)
    number = parse_value(value, what=spec.name)
    records = tx.process.step_records(batch.id, for_update=True)
    _open_step(tx, actor, batch, step, equipment_code, records)
    if (step_no, spec.name) in current_values(list(tx.process.values(batch.id))):
        raise ValidationError(_("{spec} of step {step_no} is already recorded: a change is a correction with a reason",
                                spec=spec.name, step_no=step_no))
    entered = ParameterValue(batch.id, step_no, spec, number, actor.user_id, tx.now())
    tx.process.add(entered)
    tx.flush()
    _deviation_if_out(tx, actor, batch, spec, entered)
    return entered


def _deviation_if_out(tx: UnitOfWork, actor: Actor, batch: Batch, spec: ProcessParameter, v: ParameterValue
                      ) -> None:
    """A value outside its limits opens a deviation at once, in the same transaction (PRC-4), linked to the
    batch, the step and the value."""
    if v.verdict is not Verdict.OUT:
        return
    assert v.id is not None
    open_deviation_in(
        tx, actor, f"{spec.name} out of limits in step {v.step_no} of batch {batch.batch_number}",
        f"{spec.name} = {fmt(v.value)} {spec.unit} recorded by {v.entered_by}; limits {spec.limits.describe()} "
        f"{spec.unit}, target {fmt(spec.target)}.",
        Classification.MAJOR,
        [("batch", batch.batch_number), ("batch_step", f"{batch.batch_number}/{v.step_no}"),
         ("parameter_value", str(v.id))])


def record_value(uow: UnitOfWork, actor: Actor, batch_number: str, step_no: int, parameter: str,
                 value: str | Decimal, equipment_code: str | None = None) -> ValueView:
    """The actual value of a parameter (who/when from the session and the store's clock); the view says at
    once whether it is out of limits."""
    with uow.acting_as(actor) as tx:
        actor.require(Permission.RECORD_PROCESS)
        entered = _record(tx, actor, _batch(tx, batch_number, for_update=True), step_no, parameter, value,
                          equipment_code)
        tx.commit()
        return ValueView.of(entered)


@dataclass(frozen=True)
class ValuesImport:
    rows: int
    values: tuple[ValueView, ...]
    rejections: tuple[tuple[int, str], ...]  # (line, reason)
    dry_run: bool

    @property
    def committed(self) -> bool:
        return not self.rejections and not self.dry_run


VALUES_HEADER = ("batch", "step", "parameter", "value", "equipment")


def import_values(uow: UnitOfWork, actor: Actor, lines: Iterable[str], *, dry_run: bool = False,
                  progress: Progress = NO_PROGRESS) -> ValuesImport:
    """Values from an MES file (batch,step,parameter,value[,equipment]): each line goes through the same checks
    as a value typed in, all in one transaction that commits only when no line is rejected (INT-1)."""
    reader = csv.reader(iter(lines))
    header = tuple(h.strip().lstrip("\ufeff").casefold() for h in next(reader, []))
    if header not in (VALUES_HEADER, VALUES_HEADER[:4]):
        raise ValidationError(_("line 1: the header must be {header}[,equipment]",
                                header=','.join(VALUES_HEADER[:4])))
    entered: list[ParameterValue] = []
    rejections: list[tuple[int, str]] = []
    rows = 0
    with uow.acting_as(actor) as tx:
        actor.require(Permission.RECORD_PROCESS)
        for fields in reader:
            if not fields:
                continue
            rows += 1
            progress.check()
            line = reader.line_num
            if len(fields) not in (4, 5) or not fields[1].strip().isdigit():
                rejections.append((line, "expected batch, step number, parameter, value[, equipment]"))
                continue
            try:
                entered.append(_record(tx, actor, _batch(tx, fields[0].strip(), for_update=True), int(fields[1]),
                                       fields[2], fields[3], (fields[4].strip() or None) if len(fields) == 5
                                       else None))
            except DomainError as error:
                rejections.append((line, str(error)))
        views = tuple(ValueView.of(v) for v in entered)
        if not rejections and not dry_run:
            progress.check()
            tx.commit(reason=None)
        return ValuesImport(rows, views, tuple(rejections), dry_run)


def correct_value(uow: UnitOfWork, actor: Actor, value_id: int, value: str | Decimal, reason: str) -> ValueView:
    """A new value replacing an earlier one, with the reason; the earlier value stays in the record."""
    if not reason or not reason.strip():
        raise ReasonRequired("a correction needs a reason")
    with uow.acting_as(actor) as tx:
        actor.require(Permission.RECORD_PROCESS)
        old = tx.process.value(value_id)
        if old is None:
            raise NotFound(f"no recorded value {value_id}")
        batch = tx.batches.by_id(old.batch_id)
        assert batch is not None and batch.id is not None
        _require_running(batch)
        records = tx.process.step_records(batch.id, for_update=True)
        if current_values(list(tx.process.values(batch.id))).get((old.step_no, old.parameter)) is not old:
            raise ValidationError(_("value {value_id} has already been corrected: correct the value in force",
                                    value_id=value_id))
        record = records.get(old.step_no)
        if record is not None and record.performed:
            raise ValidationError(_("step {step_no} is signed as performed: its values can no longer change",
                                    step_no=old.step_no))
        spec = _mbr(tx, batch).step(old.step_no).parameter(old.parameter)
        new = ParameterValue(batch.id, old.step_no, spec, parse_value(value, what=spec.name), actor.user_id,
                             tx.now(), replaces=old, reason=reason)
        tx.process.add(new)
        tx.flush()
        _deviation_if_out(tx, actor, batch, spec, new)
        tx.commit(reason=reason)
        return ValueView.of(new)


def _step_content(batch: Batch, step: ProcessStep, record: StepRecord, values: list[ParameterValue]
                  ) -> dict[str, object]:
    current = current_values(values)
    return {
        "batch": batch.batch_number, "step": step.step_no, "instruction": step.instruction,
        "equipment": record.equipment_code,
        "values": {p.name: str(current[(step.step_no, p.name)].value) for p in step.parameters
                   if (step.step_no, p.name) in current},
    }


def step_meaning(meaning: str) -> bool:
    """True for "verified", False for "performed"; anything else is refused."""
    verified = meaning.strip().casefold() in ("verified", "verify")
    if not verified and meaning.strip().casefold() not in ("performed", "perform"):
        raise ValidationError(_("unknown step signature '{meaning}': performed or verified", meaning=meaning))
    return verified


@dataclass
class StepToSign:
    batch: Batch
    step: ProcessStep
    record: StepRecord
    values: list[ParameterValue]


def step_to_sign(tx: UnitOfWork, actor: Actor, batch_number: str, step_no: int, verified: bool, *,
                 for_update: bool = False) -> StepToSign:
    """Everything a step signature checks before the password is asked: permission, the batch in production,
    the step started, a verification asked for and by a second person, every parameter recorded."""
    actor.require(Permission.VERIFY_STEP if verified else Permission.RECORD_PROCESS)
    batch = _batch(tx, batch_number, for_update=for_update)
    _require_running(batch)
    assert batch.id is not None
    step = _mbr(tx, batch).step(step_no)
    if verified and not step.needs_verified:
        raise ValidationError(_("step {step_no} asks for no verification", step_no=step_no))
    record = tx.process.step_records(batch.id, for_update=for_update).get(step_no)
    if record is None:
        raise ValidationError(_("step {step_no} has not been started", step_no=step_no))
    values = list(tx.process.values(batch.id))
    if verified:
        record.check_verify(actor.user_id)
    else:
        record.check_complete()
        missing = [p.name for p in step.parameters if (step_no, p.name) not in current_values(values)]
        if missing:
            raise ValidationError(_("step {step_no} lacks values for {missing}",
                                    step_no=step_no, missing=', '.join(missing)))
    return StepToSign(batch, step, record, values)


def sign_step(uow: UnitOfWork, auth: AuthConfig, session: SigningSession, batch_number: str, step_no: int,
              meaning: str, password: str, *, user_id_typed: str | None = None, comment: str | None = None
              ) -> BatchProcess:
    """Sign a step "performed" (every parameter recorded) or "verified" (by a second person), re-authenticating
    as for any signature (SIG-1, SIG-4). A step that asks for no performed signature is completed with it too,
    so who completed it is always on record. A comment is kept with the signature and in the audit entry."""
    actor = session.actor
    note = comment.strip() if comment and comment.strip() else None
    verified = step_meaning(meaning)
    requirement = VERIFIED if verified else PERFORMED
    with uow.acting_as(actor) as tx:
        actor.require(Permission.VERIFY_STEP if verified else Permission.RECORD_PROCESS)
        _reauthenticate(tx, auth, session, password, user_id_typed, f"signing step {step_no} of {batch_number}")
        found = step_to_sign(tx, actor, batch_number, step_no, verified, for_update=True)
        batch, step, record, values = found.batch, found.step, found.record, found.values
        now = tx.now()
        if verified:
            record.verify(actor.user_id, now)
        else:
            record.complete(actor.user_id, now)
        record_id = f"{batch.batch_number}/{step_no}"
        signed = content_hash(STEP_RECORD, record_id, _step_content(batch, step, record, values))
        tx.signatures.add(Signature(STEP_RECORD, record_id, f"step {step_no}: {requirement.label.lower()}",
                                    requirement, actor, now, signed, NO_TRANSITION, note))
        tx.audit_event("SIGN", STEP_RECORD, record_id, reason=note, details={
            "signature": (None, f"{requirement.label}: {requirement.meaning.value}"),
            "content_hash": (None, signed)})
        tx.commit(reason=f"step {step_no} {requirement.label.lower()}")
        session.signed_once = True
        return process_state_in(tx, batch)


def process_state_in(tx: UnitOfWork, batch: Batch) -> BatchProcess:
    """The steps of a batch as recorded, inside the caller's transaction."""
    assert batch.id is not None
    mbr = _mbr(tx, batch)
    records = tx.process.step_records(batch.id)
    values = list(tx.process.values(batch.id))
    current = current_values(values)
    steps = []
    for step in mbr.steps:
        r = records.get(step.step_no)
        params = tuple(
            ParameterState(p.name, p.unit, p.target, p.lower, p.upper, p.alert_lower, p.alert_upper,
                           ValueView.of(current[(step.step_no, p.name)]) if (step.step_no, p.name) in current
                           else None,
                           tuple(ValueView.of(v) for v in values if (v.step_no, v.parameter) == (step.step_no, p.name)))
            for p in step.parameters
        )
        steps.append(StepState(
            step.step_no, step.instruction, step.equipment_class, step.needs_performed, step.needs_verified,
            step.any_order, r.equipment_code if r else None, r.started_at if r else None,
            r.performed_by if r else None, r.performed_at if r else None, r.verified_by if r else None,
            r.verified_at if r else None, params, r.room_code if r else None))
    return BatchProcess(batch.batch_number, batch.product_code, batch.status.value, mbr.label, tuple(steps))


def batch_process(uow: UnitOfWork, actor: Actor, batch_number: str) -> BatchProcess:
    """The steps of a batch as recorded: equipment, values (with every correction), signatures."""
    with uow.acting_as(actor) as tx:
        return process_state_in(tx, _batch(tx, batch_number))
