"""Batches (domain/batches.py, LOT-7, LOT-9): issue checks name the first failed rule, returns only of what was
issued, completion needs every BOM line within tolerance and checks who first."""

from __future__ import annotations

from datetime import timedelta

import pytest

from domain.batches import Batch, BatchStatus, IssueRefused
from domain.errors import AccessDenied, ValidationError
from domain.items import Item, ItemType
from domain.lots import LotStatus
from domain.quantities import Unit
from domain.users import Actor, Role, UserId
from domain.workflow import TransitionRefused
from tests.domain.factories import NOW, PRODUCTION, TODAY, D, effective_record, released, resin

# --- LOT-7: issue checks --------------------------------------------------------------------------------


@pytest.mark.req("LOT-7")
def test_issue_checks_name_the_first_failed_rule() -> None:
    record = effective_record()  # RES 0.01 kg per piece ±5 %: 1000 pcs need 9.5..10.5 kg
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    lot = released(resin())
    with pytest.raises(IssueRefused, match="batch B-1 is Planned: material is issued in production"):
        batch.check_issue(record, lot, D(1), D(0), TODAY)
    batch.status = BatchStatus.IN_PRODUCTION
    tube = released(Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M), lot_number="C-1")
    with pytest.raises(IssueRefused, match=r"item TUBE \(lot C-1\) is not in the bill of materials of SYR v1"):
        batch.check_issue(record, tube, D(1), D(0), TODAY)
    lot.status = LotStatus.QUARANTINE
    with pytest.raises(IssueRefused, match="lot R-1 is Quarantine, not Released"):
        batch.check_issue(record, lot, D(1), D(0), TODAY)
    old = released(resin(), expires_on=TODAY - timedelta(days=1))
    with pytest.raises(IssueRefused, match=f"lot R-1 expired on {TODAY - timedelta(days=1)}"):
        batch.check_issue(record, old, D(1), D(0), TODAY)
    small = released(resin(), qty="3")
    with pytest.raises(IssueRefused, match="lot R-1 has only 3 kg available, 4 requested"):
        batch.check_issue(record, small, D(4), D(0), TODAY)
    lot.status = LotStatus.RELEASED
    with pytest.raises(IssueRefused, match=r"brings the batch to 10.6, above the 10.5 allowed \(10 ±5%\)"):
        batch.check_issue(record, lot, D("0.6"), D(10), TODAY)
    batch.check_issue(record, lot, D("0.5"), D(10), TODAY)  # exactly the upper limit is within tolerance


@pytest.mark.req("LOT-7")
def test_returns_only_of_what_was_issued_and_only_in_production() -> None:
    batch = Batch("B-1", effective_record(), 1, D(1000), Unit.PCS, NOW)
    with pytest.raises(ValidationError, match="returns happen in production"):
        batch.check_return(D(5), D(1), "R-1")
    batch.status = BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match="only 5 of lot R-1 is issued to batch B-1; cannot return 6"):
        batch.check_return(D(5), D(6), "R-1")
    batch.check_return(D(5), D(5), "R-1")


# --- LOT-9: completion ---------------------------------------------------------------------------------


@pytest.mark.req("LOT-9")
def test_completion_needs_every_bom_line_within_tolerance() -> None:
    tube = Item("TUBE", "Tube", ItemType.COMPONENT, Unit.M)
    record = effective_record((resin(), "0.01", "5"), (tube, "0.05", "10"))
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    batch.status = BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match=(
        r"batch B-1 cannot complete: material outside tolerance: RES: 9 issued, 9.5..10.5 required; "
        r"TUBE: 0 issued, 45..55 required"
    )):
        batch.complete(record, {"RES": D(9)}, D(990), PRODUCTION, NOW)
    assert batch.status is BatchStatus.IN_PRODUCTION
    with pytest.raises(ValidationError, match="the produced quantity must be greater than zero"):
        batch.complete(record, {"RES": D(10), "TUBE": D(50)}, D(0), PRODUCTION, NOW)
    batch.complete(record, {"RES": D("9.5"), "TUBE": D(55)}, D(990), PRODUCTION, NOW)
    assert (batch.status, batch.produced_quantity, batch.completed_at) == (BatchStatus.COMPLETED, D(990), NOW)


@pytest.mark.req("LOT-9", "ACC-4")
def test_completion_checks_who_and_from_where_before_the_materials() -> None:
    """Found while testing: the shortfall check ran first, so a user without the permission (or a batch not
    in production) got a material message instead of the refusal the unit of work audits."""
    record = effective_record()
    batch = Batch("B-1", record, 1, D(1000), Unit.PCS, NOW)
    with pytest.raises(TransitionRefused, match="cannot go from Planned to Completed"):
        batch.complete(record, {}, D(990), PRODUCTION, NOW)
    batch.status = BatchStatus.IN_PRODUCTION
    qc = Actor(UserId("cleo"), "Cleo QC", frozenset({Role.QC_ANALYST}))
    with pytest.raises(AccessDenied, match="may not start and complete batches"):
        batch.complete(record, {}, D(990), qc, NOW)
