"""Steps and critical parameters of a master batch record, and their execution on a batch, on both engines
(PRC-1, PRC-2, PRC-3 equipment, SIG-1, ACC-6, AUD-4)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import facilities, mbr, process_steps
from app.process_steps import ParameterInput, StepInput
from app.signatures import SigningSession
from domain.errors import AccessDenied, AuthenticationFailed, NotFound, ReasonRequired, ValidationError
from tests.app.change_support import effective_via_change
from tests.app.lots_support import (  # noqa: F401
    PASSWORD,
    Site,
    plain_connection,
    running_batch,
    site_fixture,
    trail,
)

D = Decimal
STEPS = [
    StepInput("Dry the resin at 120 °C for 4 h", "Dryer",
              [ParameterInput("Drying temperature", "°C", "120", "115", "125", "117", "123"),
               ParameterInput("Drying time", "h", "4", "3.5", "6")]),
    StepInput("Mould the barrels", "Moulding machine",
              [ParameterInput("Melt temperature", "°C", "290", "280", "300")], needs_verified=True),
    StepInput("Visual check of the first 20 barrels", None, [], needs_performed=True, any_order=True),
]


def process_site(site: Site) -> str:
    """SYR v1 with three steps, a dryer and a moulding machine in calibration, a batch in production."""
    u = site.ctx.uow
    draft = mbr.create_draft(u(), site.production, "SYR", "Syringe", [mbr.BomInput("RES", "0.01", "5")])
    assert process_steps.add_steps(u(), site.production, "SYR", draft.version, STEPS) == 3
    effective_via_change(site.ctx, site, "mbr", "SYR", draft.version)
    due = site.today() + timedelta(days=90)
    facilities.add_equipment(u(), site.admin, "DRY-1", "Resin dryer 1", "Dryer", due)
    facilities.add_equipment(u(), site.admin, "MM-1", "Moulding machine 1", "Moulding machine", due)
    facilities.add_equipment(u(), site.admin, "MM-2", "Moulding machine 2", "Moulding machine",
                             site.today() - timedelta(days=1))
    return running_batch(site, "SYR", "1000").batch_number


def sign(site: Site, who: str, batch: str, step: int, meaning: str) -> process_steps.BatchProcess:
    actor = site.production if who == "production" else site.qa
    return process_steps.sign_step(site.ctx.uow(), site.ctx.auth, SigningSession(actor), batch, step, meaning,
                                   PASSWORD, user_id_typed=actor.user_id)


@pytest.mark.req("PRC-1")
def test_steps_and_parameters_are_part_of_the_record_and_frozen_once_effective(site: Site) -> None:
    batch = process_site(site)
    state = process_steps.batch_process(site.ctx.read_uow(), site.production, batch)
    assert [s.step_no for s in state.steps] == [1, 2, 3]
    drying = state.steps[0].parameters[0]
    assert (drying.name, drying.unit, drying.target, drying.lower, drying.upper, drying.alert_lower,
            drying.alert_upper) == ("Drying temperature", "°C", D(120), D(115), D(125), D(117), D(123))
    assert (state.steps[1].needs_verified, state.steps[2].any_order) == (True, True)
    with pytest.raises(ValidationError, match="SYR v1 is effective: it cannot change"):
        process_steps.add_steps(site.ctx.uow(), site.production, "SYR", 1, [StepInput("Extra")])
    assert {e.record_type for e in trail(site, action="CREATE")} >= {"mbr_step", "mbr_parameter"}


@pytest.mark.req("PRC-1")
def test_bad_parameter_definitions_are_refused_with_a_clear_message(site: Site) -> None:
    draft = mbr.create_draft(site.ctx.uow(), site.production, "SYR", "Syringe", [mbr.BomInput("RES", "0.01", "5")])
    cases = [
        (ParameterInput("T", "°C", "130", "115", "125"), "target 130 lies outside its limits 115 .. 125"),
        (ParameterInput("T", "°C", "120", "125", "115"), "lower limit 125 is above upper limit 115"),
        (ParameterInput("T", "°C", "120", "115", "125", "110"), "alert limit 110 lies outside the limits"),
        (ParameterInput("T", "°C", "NaN", "115", "125"), "is not a finite number"),
        (ParameterInput("T", "", "120", "115", "125"), "the unit is required"),
    ]
    for parameter, message in cases:
        with pytest.raises(ValidationError, match=message):
            process_steps.add_steps(site.ctx.uow(), site.production, "SYR", draft.version,
                                    [StepInput("Dry", None, [parameter])])
    with pytest.raises(AccessDenied):
        process_steps.add_steps(site.ctx.uow(), site.warehouse, "SYR", draft.version, [StepInput("Dry")])
    assert process_steps.add_steps(site.ctx.uow(), site.production, "SYR", draft.version, []) == 0


@pytest.mark.req("PRC-2", "PRC-3")
def test_equipment_past_calibration_or_out_of_service_is_refused_for_the_step(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    with pytest.raises(ValidationError, match="step 1 needs a Dryer: scan or choose it"):
        process_steps.start_step(u(), site.production, batch, 1)
    with pytest.raises(ValidationError, match="MM-1 is a Moulding machine: the step needs a Dryer"):
        process_steps.start_step(u(), site.production, batch, 1, "MM-1")
    with pytest.raises(NotFound, match="no equipment NOPE"):
        process_steps.start_step(u(), site.production, batch, 1, "NOPE")
    facilities.change_equipment(u(), site.admin, "DRY-1", "bearing noise", status="Out of service")
    with pytest.raises(ValidationError, match="DRY-1 is out of service"):
        process_steps.start_step(u(), site.production, batch, 1, "dry-1")
    with pytest.raises(ReasonRequired):
        facilities.change_equipment(u(), site.admin, "DRY-1", " ", status="In service")
    facilities.change_equipment(u(), site.admin, "DRY-1", "bearing replaced, WO-12", status="In service")
    started = process_steps.start_step(u(), site.production, batch, 1, "dry-1")
    assert started.steps[0].equipment_code == "DRY-1"
    change = [e for e in trail(site, record_type="equipment") if e.action == "UPDATE"]
    assert [(e.change_map()["status"], e.reason) for e in change] == [
        (["In service", "Out of service"], "bearing noise"),
        (["Out of service", "In service"], "bearing replaced, WO-12"),
    ]
    # Step 2 in order: step 1 must be performed first; MM-2 is past its calibration date.
    with pytest.raises(ValidationError, match=r"step 1 \(Dry the resin"):
        process_steps.start_step(u(), site.production, batch, 2, "MM-1")
    process_steps.record_value(u(), site.production, batch, 1, "drying temperature", "120")
    process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    sign(site, "production", batch, 1, "performed")
    with pytest.raises(ValidationError, match=r"MM-2 was due for calibration on .*: it cannot be used"):
        process_steps.start_step(u(), site.production, batch, 2, "MM-2")


@pytest.mark.req("PRC-2", "AUD-4")
def test_values_are_flagged_at_once_and_corrections_keep_the_old_value(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    first = process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "127.5", "DRY-1")
    assert (first.verdict, first.out_of_limits, first.entered_by) == ("Out of limits", True, "pat")
    alert = process_steps.record_value(u(), site.production, batch, 1, "Drying time", "3.6")
    assert alert.verdict == "Within limits"
    with pytest.raises(ValidationError, match="already recorded: a change is a correction"):
        process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "120")
    with pytest.raises(ReasonRequired):
        process_steps.correct_value(u(), site.production, first.id, "122", "")
    corrected = process_steps.correct_value(u(), site.production, first.id, "123.5", "typo: 123.5 read off the HMI")
    assert (corrected.verdict, corrected.replaces_id) == ("In alert band", first.id)
    with pytest.raises(ValidationError, match="has already been corrected"):
        process_steps.correct_value(u(), site.production, first.id, "121", "again")
    for bad, message in [("abc", "is not a number"), ("inf", "not a finite number"), ("1e15", "out of range")]:
        with pytest.raises(ValidationError, match=message):
            process_steps.correct_value(u(), site.production, corrected.id, bad, "x")
    state = process_steps.batch_process(site.ctx.read_uow(), site.production, batch).steps[0].parameters[0]
    assert state.current is not None and state.current.value == D("123.5")
    assert [(v.value, v.reason) for v in state.history] == [(D("127.5"), None),
                                                           (D("123.5"), "typo: 123.5 read off the HMI")]
    entry = next(e for e in trail(site, record_type="parameter_value") if e.record_id == str(corrected.id))
    assert entry.reason == "typo: 123.5 read off the HMI"
    # The record keeps every value: the database refuses to change or remove one.
    for statement in ("UPDATE parameter_values SET value = 120", "DELETE FROM parameter_values"):
        with pytest.raises(DBAPIError), plain_connection(site.db_url) as c:
            c.execute(text(statement))


@pytest.mark.req("PRC-2", "SIG-1", "ACC-6")
def test_performed_and_verified_signatures_by_two_people(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    process_steps.record_value(u(), site.production, batch, 1, "Drying temperature", "120", "DRY-1")
    with pytest.raises(ValidationError, match="step 1 lacks values for Drying time"):
        sign(site, "production", batch, 1, "performed")
    process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    with pytest.raises(AuthenticationFailed):
        process_steps.sign_step(u(), site.ctx.auth, SigningSession(site.production), batch, 1, "performed",
                                "wrong-password", user_id_typed="pat")
    with pytest.raises(AccessDenied):
        sign(site, "qa", batch, 1, "performed")
    done = sign(site, "production", batch, 1, "performed")
    assert done.steps[0].performed_by == "pat" and done.steps[0].complete
    with pytest.raises(ValidationError, match="performed: correct a value with a reason instead"):
        process_steps.record_value(u(), site.production, batch, 1, "Drying time", "4")
    # Step 3 may run in any order; step 2 needs a verification by a second person.
    process_steps.record_value(u(), site.production, batch, 2, "Melt temperature", "291", "MM-1")
    sign(site, "production", batch, 2, "performed")
    with pytest.raises(ValidationError, match="performed by pat: a second person verifies it"):
        sign(site, "production", batch, 2, "verified")
    state = sign(site, "qa", batch, 2, "verified")
    assert (state.steps[1].verified_by, state.steps[1].complete) == ("quinn", True)
    signs = [e for e in trail(site, action="SIGN") if e.record_type == "batch_step"]
    assert [(e.record_id, e.user_id, e.change_map()["signature"][1]) for e in signs] == [
        (f"{batch}/1", "pat", "Performed: Performed"), (f"{batch}/2", "pat", "Performed: Performed"),
        (f"{batch}/2", "quinn", "Verified: Reviewed"),
    ]


@pytest.mark.req("PRC-2")
def test_steps_are_recorded_only_while_the_batch_is_in_production(site: Site) -> None:
    process_site(site)
    from app import batches

    planned = batches.plan_batch(site.ctx.uow(), site.production, "SYR", "10")
    with pytest.raises(ValidationError, match="is planned: steps are recorded while it is in production"):
        process_steps.record_value(site.ctx.uow(), site.production, planned.batch_number, 1, "Drying time", "4",
                                   "DRY-1")


@pytest.mark.req("INT-1", "PRC-2")
def test_values_import_is_all_or_nothing_with_each_bad_line_named(site: Site) -> None:
    batch = process_site(site)
    u = site.ctx.uow
    lines = ["batch,step,parameter,value,equipment\n", f"{batch},1,Drying temperature,126,DRY-1\n",
             f"{batch},1,Drying time,x\n", f"{batch},1,Humidity,3\n", f"{batch},2,Melt temperature,290,MM-1\n",
             "B-NONE,1,Drying time,4\n", f"{batch},one,Drying time,4\n"]
    result = process_steps.import_values(u(), site.production, lines)
    assert result.rejections == (
        (3, "Drying time 'x' is not a number"), (4, "step 1 has no parameter 'Humidity'"),
        (5, "step 1 (Dry the resin at 120 °C for 4 h) must be performed before step 2"),
        (6, "no batch B-NONE"), (7, "expected batch, step number, parameter, value[, equipment]"))
    assert process_steps.batch_process(site.ctx.read_uow(), site.production, batch).steps[0].started_at is None
    good = [*lines[:2], f"{batch},1,Drying time,4\n"]
    assert process_steps.import_values(u(), site.production, good, dry_run=True).committed is False
    assert process_steps.batch_process(site.ctx.read_uow(), site.production, batch).steps[0].started_at is None
    done = process_steps.import_values(u(), site.production, good)
    assert done.committed and [(v.parameter, v.out_of_limits) for v in done.values] == [
        ("Drying temperature", True), ("Drying time", False)]
