"""Change requests (app/change_control.py, CHG-1): open, submit with its impact, approve with two signatures,
implement all at once; the bad input of issue 13, each refused with one message and nothing written; and the
database refusing an effective version any other way (both engines)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from app import batches, capa, change_control, deviations, mbr, process_steps, quality, signing_rules
from app.change_control import ItemInput
from app.process_steps import StepInput
from domain.change_control import ItemAction
from domain.errors import AccessDenied, NotFound, ValidationError
from domain.quality import TestInput
from domain.signatures import Meaning, SigningRefused
from domain.users import Role
from domain.workflow import TransitionRefused
from tests.app.change_support import approve, effective_via_change
from tests.app.lots_support import (  # noqa: F401
    Site,
    chain,
    plain_connection,
    released_lot,
    site_fixture,
    snapshot,
    trail,
)

BOM = [mbr.BomInput("RES", "0.01", "5"), mbr.BomInput("TUBE", "0.05", "10")]
TABLES = ("change_requests", "change_request_items", "mbrs", "specifications", "signatures", "audit_log")


def draft(site: Site, lines: list[mbr.BomInput] | None = None) -> int:
    return mbr.create_draft(site.ctx.uow(), site.production, "SYR", "Syringe", lines or BOM).version


def open_for(site: Site, version: int, *, effective_on_days: int = 0) -> str:
    return change_control.open_change(
        site.ctx.uow(), site.production, "Syringe resin quantity", "less resin per barrel", "Major",
        site.today() + timedelta(days=effective_on_days), [ItemInput("mbr", "SYR", version)]).number


def statuses(site: Site) -> dict[int, str]:
    return {m.version: m.status for m in mbr.list_mbrs(site.ctx.read_uow(), site.admin, "SYR")}


@pytest.mark.req("CHG-1", "CHG-3", "LOT-6", "SIG-1", "AUD-1")
def test_a_change_from_v1_to_v2_with_impact_two_signatures_and_one_implementation(site: Site) -> None:
    u = site.ctx.uow
    effective_via_change(site.ctx, site, "mbr", "SYR", draft(site))
    planned = batches.plan_batch(u(), site.production, "SYR", "1000")
    lot = released_lot(site, "RES", "40")
    v2 = draft(site, [mbr.BomInput("RES", "0.009", "5"), mbr.BomInput("TUBE", "0.05", "10")])

    impact = change_control.impact(u(), site.production, "mbr", "SYR")
    assert [(i.what, i.number, i.status, i.version) for i in impact if i.what == "batch"] == [
        ("batch", planned.batch_number, "Planned", 1)]
    assert not [i for i in impact if i.what == "lot"], "no finished lot made to v1 yet"
    resin = change_control.impact(u(), site.qc, "spec", "RES")
    assert {(i.what, i.number) for i in resin} >= {("batch", planned.batch_number), ("lot", lot.lot_number),
                                                   ("mbr", "SYR")}
    assert next(i.quantity for i in resin if i.what == "lot") == Decimal(40)

    number = open_for(site, v2)
    assert number.startswith("CR-") and statuses(site) == {1: "Effective", 2: "Draft"}
    submitted = change_control.submit(u(), site.production, number)
    assert submitted.status == "In review" and statuses(site)[2] == "In review"
    assert [(i.what, i.number) for i in submitted.impact] == [("batch", planned.batch_number)]
    with pytest.raises(ValidationError, match="SYR v2 is in review: it cannot change"):
        process_steps.add_steps(u(), site.production, "SYR", 2, [StepInput("Mould", None, [])])

    first = approve(site.ctx, site.release, number)
    assert (first.completed, first.progress.summary()) == (
        False, "1 of 2 signatures: QA approval by Rita Release; Second approval missing")
    second = approve(site.ctx, site.qa, number)
    assert second.completed and second.status == "Approved" and statuses(site)[2] == "Approved"

    done = change_control.implement(u(), site.release, number)
    assert (done.status, done.implemented_by) == ("Implemented", "rita")
    assert statuses(site) == {1: "Superseded", 2: "Effective"}
    assert batches.get_batch(site.ctx.read_uow(), site.admin, planned.batch_number).batch.mbr_version == 1
    assert batches.plan_batch(u(), site.production, "SYR", "10").mbr_version == 2

    entries = trail(site, record_type="change", record_id=number)
    assert [e.action for e in entries] == ["CREATE", "UPDATE", "SIGN", "UPDATE", "SIGN", "UPDATE"]
    assert [e.change_map().get("status") for e in entries if e.action == "UPDATE"] == [
        ["Draft", "In review"], ["In review", "Approved"], ["Approved", "Implemented"]]
    assert all(e.user_id for e in entries) and entries[-1].reason == f"change request {number} implemented"
    assert chain(site).intact


@pytest.mark.req("CHG-1", "SIG-1")
def test_the_approvals_never_by_the_requester_nor_twice_by_one_person(site: Site) -> None:
    number = open_for(site, draft(site))
    with pytest.raises(TransitionRefused, match="from Draft to Approved"):
        approve(site.ctx, site.release, number)
    change_control.submit(site.ctx.uow(), site.production, number)
    approve(site.ctx, site.release, number)
    with pytest.raises(SigningRefused, match=r"Pat Production \(pat\) requested change .* own change"):
        approve(site.ctx, site.production, number)  # Production may give the second approval, not to its own
    with pytest.raises(SigningRefused, match="must be signed by a different person"):
        approve(site.ctx, site.release, number)
    with pytest.raises(TransitionRefused, match="is in review: it is implemented once approved"):
        change_control.implement(site.ctx.uow(), site.release, number)
    assert statuses(site) == {1: "In review"}


@pytest.mark.req("CHG-1")
def test_a_second_open_change_for_the_same_record_is_refused_naming_the_first(site: Site) -> None:
    number = open_for(site, draft(site))
    other = draft(site)
    before = snapshot(site.db_url, *TABLES)
    with pytest.raises(ValidationError, match=f"SYR v2 is already in open change request {number}"):
        open_for(site, other)
    assert snapshot(site.db_url, *TABLES) == before
    change_control.cancel(site.ctx.uow(), site.production, number, "superseded by a better draft")
    assert open_for(site, other) != number


@pytest.mark.req("CHG-1")
def test_a_change_needs_a_version_and_names_drafts(site: Site) -> None:
    before = snapshot(site.db_url, *TABLES)
    with pytest.raises(ValidationError, match="needs at least one version"):
        change_control.open_change(site.ctx.uow(), site.production, "t", "r", "Minor", site.today(), [])
    with pytest.raises(NotFound, match="no master batch record SYR v9"):
        change_control.open_change(site.ctx.uow(), site.production, "t", "r", "Minor", site.today(),
                                   [ItemInput("mbr", "SYR", 9)])
    with pytest.raises(AccessDenied):
        change_control.open_change(site.ctx.uow(), site.warehouse, "t", "r", "Minor", site.today(),
                                   [ItemInput("mbr", "SYR", draft(site))])
    with pytest.raises(ValidationError, match="SYR v1 is draft: only the effective version can be retired"):
        change_control.open_change(site.ctx.uow(), site.production, "t", "r", "Minor", site.today(),
                                   [ItemInput("mbr", "SYR", 1, ItemAction.RETIRE)])
    assert snapshot(site.db_url, *TABLES)["change_requests"] == before["change_requests"]


@pytest.mark.req("CHG-1")
def test_implementing_before_approval_or_before_the_effective_date_is_refused(site: Site) -> None:
    number = open_for(site, draft(site), effective_on_days=3)
    with pytest.raises(TransitionRefused, match="is draft: it is implemented once approved"):
        change_control.implement(site.ctx.uow(), site.release, number)
    change_control.submit(site.ctx.uow(), site.production, number)
    approve(site.ctx, site.release, number)
    approve(site.ctx, site.qc, number)
    before = snapshot(site.db_url, *TABLES)
    with pytest.raises(ValidationError, match=f"{number} takes effect on .*: it cannot be implemented before"):
        change_control.implement(site.ctx.uow(), site.release, number)
    assert snapshot(site.db_url, *TABLES) == before and statuses(site) == {1: "Approved"}


@pytest.mark.req("CHG-1")
def test_a_draft_whose_bom_names_a_retired_or_unapproved_item_is_refused_at_submit(site: Site) -> None:
    number = open_for(site, draft(site, [mbr.BomInput("RES", "0.01", "5"), mbr.BomInput("GEL", "0.1", "5")]))
    with plain_connection(site.db_url) as c:  # GEL retired (no use case retires items yet)
        c.execute(text("UPDATE items SET active = :no WHERE code = 'GEL'"), {"no": False})
    before = snapshot(site.db_url, *TABLES)
    with pytest.raises(ValidationError, match="SYR v1: BOM line 2 names GEL, which is retired"):
        change_control.submit(site.ctx.uow(), site.production, number)
    assert snapshot(site.db_url, *TABLES) == before and statuses(site) == {1: "Draft"}
    change_control.cancel(site.ctx.uow(), site.production, number, "GEL is retired")

    with plain_connection(site.db_url) as c:  # TUBE without an approved supplier any more
        c.execute(text("UPDATE items SET active = :yes WHERE code = 'GEL'"), {"yes": True})
        c.execute(text("UPDATE supplier_approvals SET status = 'Suspended' WHERE item_code = 'TUBE'"))
    number = open_for(site, draft(site))
    with pytest.raises(ValidationError, match="SYR v2: BOM line 2 names TUBE, which has no approved supplier"):
        change_control.submit(site.ctx.uow(), site.production, number)
    assert statuses(site)[2] == "Draft"


@pytest.mark.req("CHG-1", "DEV-2")
def test_a_capa_action_waits_for_its_change_and_a_deviation_proposes_one(site: Site) -> None:
    u = site.ctx.uow
    deviation = deviations.open_deviation(u(), site.production, "Short shots", "barrels incomplete", "Minor")
    number = change_control.open_change(u(), site.production, "More resin", "short shots", "Minor", site.today(),
                                        [ItemInput("mbr", "SYR", draft(site))], deviation=deviation.number).number
    assert ("change", number) in deviations.get_deviation(site.ctx.read_uow(), site.qa, deviation.number).links
    found = capa.open_capa(u(), site.qa, "Short shots", "resin quantity", site.today() + timedelta(days=60),
                           deviation.number)
    with pytest.raises(NotFound, match="no change request CR-0"):
        capa.add_action(u(), site.qa, found.number, "Corrective", "raise it", "quinn",
                        site.today() + timedelta(days=5), change_request="CR-0")
    planned = capa.add_action(u(), site.qa, found.number, "Corrective", "raise the resin quantity", "quinn",
                              site.today() + timedelta(days=5), change_request=number)
    assert planned.actions[0].change_request == number
    with pytest.raises(ValidationError, match=f"needs change request {number}, which is draft"):
        capa.close_action(u(), site.qa, found.number, 1, "done")
    change_control.submit(u(), site.production, number)
    approve(site.ctx, site.release, number)
    approve(site.ctx, site.qa, number)
    change_control.implement(u(), site.release, number)
    assert capa.close_action(u(), site.qa, found.number, 1, f"{number} implemented").actions[0].done_at


@pytest.mark.req("CHG-1")
def test_a_specification_change_retires_and_makes_effective_at_once(site: Site) -> None:
    tests = [TestInput("ID", "Identity", "SOP-1", "Pass/fail")]
    quality.create_spec(site.ctx.uow(), site.qc, "GEL", "Gel", tests)
    quality.create_spec(site.ctx.uow(), site.qc, "TUBE", "Tube", tests)
    effective_via_change(site.ctx, site, "spec", "GEL", 1)
    number = change_control.open_change(
        site.ctx.uow(), site.qc, "Tube in, gel out", "gel no longer tested", "Minor", site.today(),
        [ItemInput("spec", "TUBE", 1), ItemInput("spec", "GEL", 1, ItemAction.RETIRE)]).number
    change_control.submit(site.ctx.uow(), site.qc, number)
    approve(site.ctx, site.qa, number)
    approve(site.ctx, site.release, number)
    done = change_control.implement(site.ctx.uow(), site.qa, number)
    assert [(i.label, i.action, i.status) for i in done.items] == [
        ("TUBE spec v1", "Make effective", "Effective"), ("GEL spec v1", "Retire", "Retired")]


@pytest.mark.req("CHG-1")
def test_the_database_makes_a_version_effective_only_under_an_implemented_change(site: Site) -> None:
    effective_via_change(site.ctx, site, "mbr", "SYR", draft(site))
    v2 = draft(site)
    quality.create_spec(site.ctx.uow(), site.qc, "GEL", "Gel", [TestInput("ID", "Identity", "SOP-1", "Pass/fail")])
    refused = [
        f"UPDATE mbrs SET status = 'Effective' WHERE version = {v2}",
        "UPDATE specifications SET status = 'Effective'",
        "INSERT INTO mbrs (product_code, version, status, title, created_at) "
        "VALUES ('SYR', 7, 'Effective', 'x', CURRENT_TIMESTAMP)",
        "INSERT INTO mbrs (product_code, version, status, title, created_at) "
        "VALUES ('SYR', 8, 'Superseded', 'x', CURRENT_TIMESTAMP)",
        "UPDATE mbrs SET title = 'edited' WHERE version = 1",
        "UPDATE mbrs SET status = 'Draft' WHERE version = 1",
        "UPDATE mbr_lines SET quantity_per_unit = 1 WHERE mbr_id = (SELECT id FROM mbrs WHERE version = 1)",
        "DELETE FROM mbr_lines WHERE mbr_id = (SELECT id FROM mbrs WHERE version = 1)",
        "INSERT INTO mbr_lines (mbr_id, line_no, item_code, quantity_per_unit, tolerance_pct) "
        "SELECT id, 9, 'GEL', 1, 0 FROM mbrs WHERE version = 1",
    ]
    for statement in refused:
        with pytest.raises(DBAPIError, match=r"change request|never changes|created as a draft"), \
                plain_connection(site.db_url) as c:
            c.execute(text(statement))
    assert statuses(site) == {1: "Effective", 2: "Draft"}
    # A change request written as Implemented in the same transaction lets exactly its version through.
    with plain_connection(site.db_url) as c:
        c.execute(text("INSERT INTO change_requests (number, title, reason, classification, requester, requested_at, "
                       "effective_on, status, version) VALUES ('CR-RAW', 't', 'r', 'Minor', 'pat', "
                       "CURRENT_TIMESTAMP, CURRENT_DATE, 'Implemented', 1)"))
        c.execute(text("INSERT INTO change_request_items (change_id, item_no, record_type, record_key, version, action)"
                       f" SELECT id, 1, 'mbr', 'SYR', {v2}, 'Make effective' FROM change_requests "
                       "WHERE number = 'CR-RAW'"))
        c.execute(text("UPDATE mbrs SET status = 'Superseded' WHERE version = 1"))
        c.execute(text(f"UPDATE mbrs SET status = 'Effective' WHERE version = {v2}"))
    assert statuses(site) == {1: "Superseded", 2: "Effective"}


@pytest.mark.req("CHG-1", "SIG-5")
def test_a_site_adds_a_third_approval_to_change_requests(site: Site) -> None:
    key = "change:In review->Approved"
    extra = signing_rules.RequirementInput("Regulatory approval", Meaning.APPROVED, frozenset({Role.QA_REVIEWER}))
    rules = signing_rules.add_rule_extra(site.ctx.uow(), site.admin, key, extra, "notified body agreement")
    assert [(r.label, r.default) for r in rules.requirements] == [
        ("QA approval", True), ("Second approval", True), ("Regulatory approval", False)]
    number = open_for(site, draft(site))
    change_control.submit(site.ctx.uow(), site.production, number)
    approve(site.ctx, site.release, number)
    assert not approve(site.ctx, site.qc, number).completed
    done = approve(site.ctx, site.qa, number)
    assert done.completed and done.progress.summary().startswith("3 of 3 signatures")
