"""The lot and batch state machines (LOT-5, LOT-8): exactly the declared transitions, each with its
permission and reason; system-only transitions never by hand; a held batch resumes only where it was."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.batches import BATCH_WORKFLOW, Batch, BatchStatus
from domain.errors import AccessDenied, DomainError
from domain.items import Item, ItemType
from domain.lots import LOT_WORKFLOW, Lot, LotOrigin, LotStatus
from domain.mbr import MasterBatchRecord
from domain.quantities import Unit
from domain.users import Actor, Permission, Role, UserId
from domain.workflow import StateMachine, Transition, TransitionRefused

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TODAY = NOW.date()
EVERYONE = Actor(UserId("all.roles"), "All Roles", frozenset(Role))

L = LotStatus
# The lot workflow as the URS reads (LOT-5), written out here so that a change to the table fails a test.
LOT_BY_HAND = {
    (L.QUARANTINE, L.RELEASED): Permission.RELEASE_LOT,
    (L.QUARANTINE, L.REJECTED): Permission.REJECT_LOT,
    (L.QUARANTINE, L.ON_HOLD): Permission.HOLD_LOT,
    (L.RELEASED, L.ON_HOLD): Permission.HOLD_LOT,
    (L.RELEASED, L.REJECTED): Permission.REJECT_LOT,
    (L.ON_HOLD, L.RELEASED): Permission.RELEASE_LOT,
    (L.ON_HOLD, L.QUARANTINE): Permission.HOLD_LOT,
    (L.ON_HOLD, L.REJECTED): Permission.REJECT_LOT,
}
LOT_BY_SYSTEM = {
    (L.QUARANTINE, L.EXPIRED), (L.RELEASED, L.EXPIRED), (L.ON_HOLD, L.EXPIRED),
    (L.RELEASED, L.CONSUMED), (L.CONSUMED, L.RELEASED),
}

B = BatchStatus
HOLDABLE = [B.PLANNED, B.IN_PRODUCTION, B.COMPLETED, B.QC_TESTING, B.QA_REVIEW, B.RELEASED]
BATCH_FLOW = {
    (B.PLANNED, B.IN_PRODUCTION): (Permission.PRODUCE_BATCH, False),
    (B.IN_PRODUCTION, B.COMPLETED): (Permission.PRODUCE_BATCH, False),
    (B.COMPLETED, B.QC_TESTING): (Permission.PRODUCE_BATCH, False),
    (B.QC_TESTING, B.QA_REVIEW): (Permission.COMPLETE_QC, False),
    (B.QA_REVIEW, B.RELEASED): (Permission.RELEASE_BATCH, False),
    (B.QA_REVIEW, B.REJECTED): (Permission.REJECT_BATCH, True),
    (B.ON_HOLD, B.REJECTED): (Permission.REJECT_BATCH, True),
    (B.RELEASED, B.RECALLED): (Permission.OPEN_RECALL, True),
    (B.ON_HOLD, B.RECALLED): (Permission.OPEN_RECALL, True),
    **{(s, B.ON_HOLD): (Permission.HOLD_BATCH, True) for s in HOLDABLE},
    **{(B.ON_HOLD, s): (Permission.HOLD_BATCH, True) for s in HOLDABLE},
}


def actor_with(*permissions_of: Role) -> Actor:
    return Actor(UserId("someone"), "Some One", frozenset(permissions_of))


def roles_with(permission: Permission) -> list[Role]:
    return [r for r in Role if actor_with(r).can(permission)]


def roles_without(permission: Permission) -> list[Role]:
    return [r for r in Role if not actor_with(r).can(permission)]


def new_lot(status: LotStatus = L.QUARANTINE, expires_on: date | None = None) -> Lot:
    item = Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG)
    lot = Lot("R-0001", item, LotOrigin.RECEIVED, Decimal(10), NOW, expires_on=expires_on)
    lot.status = status
    return lot


def new_batch(status: BatchStatus = B.PLANNED) -> Batch:
    product = Item("SYR", "Syringe", ItemType.FINISHED_DEVICE, Unit.PCS, gtin="09506000134352")
    mbr = MasterBatchRecord(product, 1, "", NOW)
    mbr.add_line(Item("RES", "Resin", ItemType.RAW_MATERIAL, Unit.KG), Decimal("0.01"), Decimal(5))
    mbr.make_effective(NOW, None)
    batch = Batch("B-0001", mbr, 1, Decimal(100), Unit.PCS, NOW)
    batch.status = status
    return batch


# --- the tables themselves ----------------------------------------------------------------------------


@pytest.mark.req("LOT-5")
def test_the_lot_workflow_declares_exactly_the_specified_transitions() -> None:
    declared = {(t.source, t.target): t for t in LOT_WORKFLOW.transitions}
    assert set(declared) == set(LOT_BY_HAND) | LOT_BY_SYSTEM
    for pair, permission in LOT_BY_HAND.items():
        assert declared[pair].permission is permission
        assert declared[pair].reason_required
    for pair in LOT_BY_SYSTEM:
        assert declared[pair].system_only


@pytest.mark.req("LOT-8")
def test_the_batch_workflow_declares_exactly_the_specified_transitions() -> None:
    declared = {(t.source, t.target): t for t in BATCH_WORKFLOW.transitions}
    assert set(declared) == set(BATCH_FLOW)
    for pair, (permission, reason) in BATCH_FLOW.items():
        assert (declared[pair].permission, declared[pair].reason_required) == (permission, reason), pair


def test_a_state_machine_refuses_a_duplicate_transition() -> None:
    with pytest.raises(ValueError, match="duplicate transition QUARANTINE -> RELEASED"):
        StateMachine("lot", [Transition(L.QUARANTINE, L.RELEASED, "a", None),
                             Transition(L.QUARANTINE, L.RELEASED, "b", None)])


# --- lots: exhaustive over every pair ------------------------------------------------------------------


@pytest.mark.req("LOT-5")
@pytest.mark.parametrize(("source", "target"), list(itertools.product(LotStatus, LotStatus)))
def test_every_lot_status_pair_by_hand(source: LotStatus, target: LotStatus) -> None:
    lot = new_lot(source)
    if (source, target) in LOT_BY_HAND:
        transition = lot.change_status(target, EVERYONE, "QA decision", TODAY)
        assert lot.status is target
        assert transition.permission is LOT_BY_HAND[(source, target)]
        return
    with pytest.raises(TransitionRefused) as refused:
        lot.change_status(target, EVERYONE, "QA decision", TODAY)
    assert lot.status is source
    if (source, target) in LOT_BY_SYSTEM:
        assert str(refused.value) == f"{source.value} -> {target.value} is done by the system only, not by hand"
    else:
        assert str(refused.value).startswith(f"a lot cannot go from {source.value} to {target.value} (allowed from")


@pytest.mark.req("LOT-5")
@pytest.mark.parametrize(("source", "target"), sorted(LOT_BY_HAND, key=str))
def test_each_lot_transition_needs_its_permission_and_a_reason(source: LotStatus, target: LotStatus) -> None:
    permission = LOT_BY_HAND[(source, target)]
    for role in roles_without(permission):
        lot = new_lot(source)
        with pytest.raises(AccessDenied, match=f"may not {permission.value}") as denied:
            lot.change_status(target, actor_with(role), "reason", TODAY)
        assert denied.value.permission == permission.name
        assert lot.status is source
    allowed = roles_with(permission)
    assert allowed, f"nobody may {permission.value}"
    for reason in (None, "", "   "):
        lot = new_lot(source)
        with pytest.raises(TransitionRefused, match="a reason is required to"):
            lot.change_status(target, actor_with(allowed[0]), reason, TODAY)
        assert lot.status is source
    lot = new_lot(source)
    lot.change_status(target, actor_with(allowed[0]), "reason", TODAY)
    assert lot.status is target


@pytest.mark.req("LOT-5", "ACC-4")
def test_warehouse_cannot_release_or_reject_but_qa_can() -> None:
    warehouse = actor_with(Role.WAREHOUSE)
    for target in (L.RELEASED, L.REJECTED, L.ON_HOLD):
        with pytest.raises(AccessDenied):
            new_lot().change_status(target, warehouse, "why", TODAY)
    for role in (Role.QA_REVIEWER, Role.QA_RELEASE):
        lot = new_lot()
        lot.change_status(L.RELEASED, actor_with(role), "CoA reviewed", TODAY)
        assert lot.status is L.RELEASED


@pytest.mark.req("LOT-5")
def test_system_transitions_happen_only_through_their_rules() -> None:
    lot = new_lot(L.RELEASED)
    lot.take(Decimal(4))
    assert (lot.status, lot.on_hand) == (L.RELEASED, Decimal(6))
    lot.take(Decimal(6))
    assert (lot.status, lot.on_hand) == (L.CONSUMED, Decimal(0))
    lot.put_back(Decimal(1))
    assert (lot.status, lot.on_hand) == (L.RELEASED, Decimal(1))

    quarantined = new_lot(L.QUARANTINE)
    quarantined.take(Decimal(10))  # a quarantined lot emptied (e.g. destroyed samples) is not "consumed"
    assert quarantined.status is L.QUARANTINE

    for status in (L.QUARANTINE, L.RELEASED, L.ON_HOLD):
        lot = new_lot(status, expires_on=TODAY)
        assert not lot.expire_if_due(TODAY)  # usable through its expiry date
        assert lot.expire_if_due(date(2026, 3, 3))
        assert lot.status is L.EXPIRED
    for status in (L.REJECTED, L.CONSUMED, L.EXPIRED):
        lot = new_lot(status, expires_on=date(2020, 1, 1))
        assert not lot.expire_if_due(TODAY)
        assert lot.status is status


@pytest.mark.req("LOT-5")
def test_an_expired_lot_cannot_be_released_even_from_hold() -> None:
    lot = new_lot(L.ON_HOLD, expires_on=date(2026, 3, 1))
    with pytest.raises(TransitionRefused, match="expired on 2026-03-01: it cannot be released"):
        lot.change_status(L.RELEASED, EVERYONE, "back in use", TODAY)
    assert lot.status is L.ON_HOLD


@pytest.mark.req("LOT-5")
@settings(deadline=None)  # no time limit: a busy shared machine is not a failure
@given(st.lists(st.tuples(st.sampled_from(LotStatus), st.sampled_from(["hand", "expire", "take", "return"])),
                max_size=25))
def test_any_sequence_of_attempts_only_ever_follows_declared_transitions(
    attempts: list[tuple[LotStatus, str]]
) -> None:
    """Whatever is tried, in whatever order: each status change is a declared pair, each refusal leaves the
    lot as it was, and stock stays between zero and the received quantity."""
    lot = new_lot(expires_on=date(2026, 6, 1))
    day = TODAY
    for target, how in attempts:
        before = (lot.status, lot.on_hand)
        try:
            if how == "hand":
                lot.change_status(target, EVERYONE, "reason", day)
            elif how == "expire":
                day = date(2026, 6, 2)
                lot.expire_if_due(day)
            elif how == "take":
                lot.take(Decimal(5))
            else:
                lot.put_back(Decimal(5))
        except DomainError:  # anything else is a bug and fails the test
            assert (lot.status, lot.on_hand) == before
            continue
        if lot.status is not before[0]:
            pair = (before[0], lot.status)
            assert pair in LOT_BY_HAND or pair in LOT_BY_SYSTEM, pair
            if how == "hand":
                assert pair in LOT_BY_HAND
        assert Decimal(0) <= lot.on_hand <= lot.quantity


# --- batches: exhaustive over every pair -----------------------------------------------------------------


@pytest.mark.req("LOT-8")
@pytest.mark.parametrize(("source", "target"), list(itertools.product(BatchStatus, BatchStatus)))
def test_every_batch_status_pair(source: BatchStatus, target: BatchStatus) -> None:
    batch = new_batch(source)
    if source is B.ON_HOLD:
        batch.held_from = target if target in HOLDABLE else B.IN_PRODUCTION
    if (source, target) in BATCH_FLOW:
        batch.change_status(target, EVERYONE, "reason", NOW)
        assert batch.status is target
        return
    with pytest.raises(TransitionRefused, match=f"a batch cannot go from {source.value} to {target.value}"):
        batch.change_status(target, EVERYONE, "reason", NOW)
    assert batch.status is source


@pytest.mark.req("LOT-8")
@pytest.mark.parametrize("held_in", HOLDABLE)
def test_a_held_batch_remembers_where_it_was_and_resumes_only_there(held_in: BatchStatus) -> None:
    batch = new_batch(held_in)
    batch.change_status(B.ON_HOLD, EVERYONE, "deviation DEV-7", NOW)
    assert (batch.status, batch.held_from) == (B.ON_HOLD, held_in)
    for elsewhere in HOLDABLE:
        if elsewhere is held_in:
            continue
        with pytest.raises(TransitionRefused, match=f"was held from {held_in.value}: it can only resume there"):
            batch.change_status(elsewhere, EVERYONE, "resume", NOW)
        assert (batch.status, batch.held_from) == (B.ON_HOLD, held_in)
    with pytest.raises(TransitionRefused, match="a reason is required to resume a batch"):
        batch.change_status(held_in, EVERYONE, " ", NOW)
    batch.change_status(held_in, EVERYONE, "DEV-7 closed", NOW)
    assert (batch.status, batch.held_from) == (held_in, None)


@pytest.mark.req("LOT-8")
def test_a_held_batch_can_still_be_rejected_or_recalled() -> None:
    for target in (B.REJECTED, B.RECALLED):
        batch = new_batch(B.QA_REVIEW)
        batch.change_status(B.ON_HOLD, EVERYONE, "investigation", NOW)
        batch.change_status(target, EVERYONE, "investigation outcome", NOW)
        assert batch.status is target


@pytest.mark.req("LOT-8", "ACC-4")
@pytest.mark.parametrize(("source", "target"), sorted(BATCH_FLOW, key=str))
def test_each_batch_transition_needs_its_permission_and_a_reason_where_declared(
    source: BatchStatus, target: BatchStatus
) -> None:
    permission, reason_required = BATCH_FLOW[(source, target)]

    def fresh() -> Batch:
        batch = new_batch(source)
        batch.held_from = target if source is B.ON_HOLD and target in HOLDABLE else B.QA_REVIEW
        return batch

    for role in roles_without(permission):
        batch = fresh()
        with pytest.raises(AccessDenied, match=f"may not {permission.value}"):
            batch.change_status(target, actor_with(role), "reason", NOW)
        assert batch.status is source
    allowed = actor_with(roles_with(permission)[0])
    batch = fresh()
    if reason_required:
        with pytest.raises(TransitionRefused, match="a reason is required"):
            batch.change_status(target, allowed, None, NOW)
        assert batch.status is source
        batch.change_status(target, allowed, "reason", NOW)
    else:
        batch.change_status(target, allowed, None, NOW)
    assert batch.status is target


@pytest.mark.req("LOT-8")
def test_roles_split_the_batch_workflow() -> None:
    production, qc, release = actor_with(Role.PRODUCTION), actor_with(Role.QC_ANALYST), actor_with(Role.QA_RELEASE)
    batch = new_batch()
    batch.change_status(B.IN_PRODUCTION, production, None, NOW)
    assert batch.started_at == NOW
    batch.status = B.COMPLETED
    batch.change_status(B.QC_TESTING, production, None, NOW)
    with pytest.raises(AccessDenied):
        batch.change_status(B.QA_REVIEW, production, None, NOW)
    batch.change_status(B.QA_REVIEW, qc, None, NOW)
    with pytest.raises(AccessDenied):
        batch.change_status(B.RELEASED, qc, None, NOW)
    with pytest.raises(AccessDenied):
        batch.change_status(B.RELEASED, actor_with(Role.QA_REVIEWER), None, NOW)
    batch.change_status(B.RELEASED, release, None, NOW)
    assert batch.status is B.RELEASED
